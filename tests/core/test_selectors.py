"""What the public may see of pages: one definition (cms.core.selectors), used everywhere."""

import re
from pathlib import Path

import pytest
from wagtail.models import Page, PageViewRestriction

from cms.core import selectors
from cms.core.selectors import public_pages, searchable_public_pages
from tests.factories import (
    CalendarPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    MissionHubPageFactory,
)

ROOT = Path(__file__).resolve().parents[2]
#: The only modules that say what "public" means: for pages of any type, and for the campaign's.
HOMES = {ROOT / "cms/core/selectors.py", ROOT / "heroes/selectors.py"}
LIVE_AND_PUBLIC = re.compile(r"\.live\(\)\s*\.public\(\)")


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


@pytest.mark.django_db
def test_public_pages_are_the_live_pages_no_restriction_hides(home_page):
    shown = HeroIndexPageFactory(parent=home_page)
    draft = CalendarPageFactory(parent=home_page, draft=True)
    private = CalendarPageFactory(parent=home_page, slug="private-calendar")
    make_private(private)

    pages = set(public_pages(home_page.get_children()))

    assert shown.page_ptr in pages
    assert draft.page_ptr not in pages
    assert private.page_ptr not in pages


@pytest.mark.django_db
def test_the_home_page_does_not_link_a_private_calendar(home_page, rf):
    make_private(CalendarPageFactory(parent=home_page))

    context = home_page.get_context(rf.get("/en/"))

    assert context["calendar"] is None


def test_no_module_restates_what_the_public_may_see():
    restating = [
        str(path.relative_to(ROOT))
        for folder in ("cms", "heroes", "home", "search", "webhooks")
        for path in (ROOT / folder).rglob("*.py")
        if path not in HOMES and LIVE_AND_PUBLIC.search(path.read_text())
    ]
    assert restating == [], "use cms.core.selectors.public_pages or heroes.selectors"


@pytest.fixture
def tree(mission_index, mission_hub):
    """Stories under a public hub, a private hub, a private story; a draft."""
    private_hub = MissionHubPageFactory(parent=mission_index, country="UG", office_name="Uganda")
    PageViewRestriction.objects.create(page=private_hub, restriction_type="login")
    private_story = HeroStoryPageFactory(parent=mission_hub, hero_name="Private Story")
    PageViewRestriction.objects.create(
        page=private_story, restriction_type="password", password="x"
    )
    return {
        "public": HeroStoryPageFactory(parent=mission_hub, hero_name="Public Story"),
        "under private hub": HeroStoryPageFactory(parent=private_hub, hero_name="Hidden Below"),
        "private": private_story,
        "draft": HeroStoryPageFactory(parent=mission_hub, hero_name="Draft", draft=True),
    }


def test_public_pages_are_the_pages_wagtail_calls_live_and_public(tree):
    ours = set(public_pages().values_list("pk", flat=True))
    wagtails = set(Page.objects.live().public().values_list("pk", flat=True))

    assert ours == wagtails
    assert tree["public"].pk in ours
    assert not {tree[k].pk for k in ("under private hub", "private", "draft")} & ours


def test_searchable_public_pages_are_the_same_pages(tree):
    ours = set(public_pages().values_list("pk", flat=True))

    assert set(searchable_public_pages().values_list("pk", flat=True)) == ours


@pytest.fixture
def in_a_request():
    # What the request signals do for public_pages (sending them would also close the test's
    # database connection, as Django does between requests).
    selectors._request_started()
    yield
    selectors._request_finished()


def test_a_request_reads_the_covered_pages_once(tree, in_a_request, django_assert_num_queries):
    # A story page asks about ten times what is public: the covered paths are read once.
    with django_assert_num_queries(1 + 3):
        for _ in range(3):
            list(public_pages())


def test_a_restriction_made_during_a_request_counts_at_once(tree, in_a_request):
    assert tree["public"].pk in set(public_pages().values_list("pk", flat=True))

    make_private(tree["public"])

    assert tree["public"].pk not in set(public_pages().values_list("pk", flat=True))
    assert tree["public"].pk not in set(searchable_public_pages().values_list("pk", flat=True))


def test_a_page_added_under_a_private_one_during_a_request_is_covered(tree, in_a_request):
    list(public_pages())  # the covered paths, read

    hidden = HeroStoryPageFactory(
        parent=tree["under private hub"].get_parent(), hero_name="Added later"
    )

    assert hidden.pk not in set(public_pages().values_list("pk", flat=True))


def test_outside_a_request_the_covered_pages_are_read_each_time(tree, django_assert_num_queries):
    # A command or a task may run for hours: what another process restricts counts at once.
    with django_assert_num_queries(2 + 2):
        for _ in range(2):
            list(public_pages())


def test_a_page_moved_under_a_private_one_during_a_request_is_covered(tree, in_a_request):
    public = tree["public"]
    assert public.pk in set(public_pages().values_list("pk", flat=True))

    public.move(tree["under private hub"].get_parent(), pos="last-child")

    assert public.pk not in set(public_pages().values_list("pk", flat=True))
