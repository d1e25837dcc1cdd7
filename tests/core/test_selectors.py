"""What the public may see: live pages that no restriction covers, in one query."""

import pytest
from wagtail.models import Page, PageViewRestriction

from cms.core.selectors import public_pages
from tests.factories import HeroStoryPageFactory, MissionHubPageFactory

pytestmark = pytest.mark.django_db


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


def test_a_sibling_whose_path_starts_like_a_private_page_stays_public(tree, mission_hub):
    """Paths are fixed-width steps: a restriction covers its own subtree, not its neighbours."""
    neighbours = mission_hub.get_children()
    assert all(
        page.pk in set(public_pages().values_list("pk", flat=True))
        for page in neighbours.live()
        if not page.get_view_restrictions().exists()
    )


def test_the_privacy_check_costs_no_query_of_its_own(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        list(public_pages())
