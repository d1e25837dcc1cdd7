"""Facets whose counts stay right when combined, the search API, autocomplete, promoted
results, the per-language report of queries, hostile queries, and a cost fixed per search."""

import datetime

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from cms.core.cache import invalidate
from heroes.setup_roles import ensure_mcd_group
from search import selectors
from search.models import SearchTermDailyHits
from search.selectors import SearchFilters, search_public_pages
from tests.factories import (
    EventPageFactory,
    HeroCategoryFactory,
    HeroStoryPageFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def stories(mission_hub):
    """Four weavers: two artists from Syria (one tagged music), one artist and one nurse
    from Somalia; and an event about weaving."""
    artist = HeroCategoryFactory(name="Artist")
    nurse = HeroCategoryFactory(name="Nurse")

    def weaver(name, origin, category, tags=()):
        return HeroStoryPageFactory(
            parent=mission_hub,
            hero_name=name,
            title=name,
            headline="A weaver of baskets",
            intro="Weaving since childhood.",
            country_of_origin=origin,
            category=category,
            tags=list(tags),
        )

    weaver("Rania Haddad", "SY", artist, ["music"])
    weaver("Omar Haddad", "SY", artist)
    weaver("Sahra Warsame", "SO", artist)
    weaver("Hodan Ali", "SO", nurse)
    EventPageFactory(parent=mission_hub, title="Weaving workshop", location="Nairobi")


def english():
    return Locale.objects.get(language_code="en")


def counts(outcome, facet):
    return {str(value.value): value.count for value in outcome.facets[facet]}


def test_facet_counts_are_the_results_each_value_gives_with_the_other_facets(stories):
    outcome = search_public_pages(
        "weaver", locale=english(), filters=SearchFilters(country="SO", category="artist")
    )

    assert [page.title for page in outcome.results] == ["Sahra Warsame"]
    # Choosing "nurse" instead of "artist" (Somalia kept) gives one result, as shown.
    assert counts(outcome, "category") == {"artist": 1, "nurse": 1}
    # Choosing Syria instead of Somalia (artists kept) gives two.
    assert counts(outcome, "country")["SY"] == 2
    assert counts(outcome, "country")["SO"] == 1
    assert counts(outcome, "type") == {"story": 1}
    for facet in ("category", "country"):
        for value in outcome.facets[facet]:
            again = search_public_pages(
                "weaver",
                locale=english(),
                filters=SearchFilters(
                    **{"country": "SO", "category": "artist", facet: str(value.value)}
                ),
            )
            assert again.count == value.count, (facet, value.value)


def test_the_type_and_tag_facets_count_stories_and_events(stories):
    outcome = search_public_pages("weaving", locale=english())

    assert counts(outcome, "type") == {"story": 4, "event": 1}
    assert counts(outcome, "tag") == {"music": 1}
    assert counts(outcome, "mission") == {str(outcome.facets["mission"][0].value): 5}


def test_the_search_page_shows_facets_excerpts_and_pages(client, stories):
    response = client.get("/en/search/", {"query": "weaver", "country": "SY"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "2 results" in content
    assert "<mark>weaver</mark>" in content
    assert "?query=weaver&amp;country=SY&amp;category=artist" in content
    assert 'src="/static/js/search-autocomplete.js' in content or "search-autocomplete" in content
    assert "<script>" not in content


def test_an_empty_query_says_what_to_type(client, mission_hub):
    response = client.get("/en/search/", {"query": "  "})

    assert response.status_code == 200
    assert b"Type what you are looking for" in response.content


def test_the_api_searches_with_facets_and_the_story_listing_searches_too(client, stories):
    response = client.get("/api/v3/search/", {"q": "weavers", "country": "SO", "limit": 1})
    listing = client.get("/api/v3/stories/", {"search": "Haddad"})

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 2
    assert len(body["items"]) == 1
    assert body["items"][0]["type"] == "story"
    assert {value["value"]: value["count"] for value in body["facets"]["category"]} == {
        "artist": 1,
        "nurse": 1,
    }
    assert sorted(card["hero_name"] for card in listing.json()["items"]) == [
        "Omar Haddad",
        "Rania Haddad",
    ]


def test_autocomplete_suggests_names_from_the_first_letters(client, stories):
    response = client.get("/api/v3/search/suggestions/", {"q": "Sah", "locale": "en"})

    assert response.status_code == 200
    assert response.json() == {"suggestions": ["Sahra Warsame"]}


def test_promoted_results_come_first_and_only_once(client, stories, mission_hub):
    promoted = HeroStoryPageFactory(
        parent=mission_hub, hero_name="Lina Basket", title="Lina Basket", headline="A weaver"
    )
    SearchPromotion.objects.create(
        query=Query.get("weaver"), page=promoted, description="Story of the month", sort_order=0
    )

    outcome = search_public_pages("weaver", locale=english())
    api = client.get("/api/v3/search/", {"q": "weaver"}).json()

    assert [item.title for item in outcome.promoted] == ["Lina Basket"]
    assert "Lina Basket" not in [page.title for page in outcome.results]
    assert api["promoted"][0]["page"]["id"] == promoted.pk


def test_mcd_manages_promoted_results_and_reads_the_report(mission_hub):
    mcd = UserFactory()
    mcd.groups.add(ensure_mcd_group())

    assert mcd.has_perm("wagtailsearchpromotions.add_searchpromotion")
    assert mcd.has_perm("search.view_searchtermdailyhits")


def test_a_query_that_finds_nothing_is_counted_in_the_report_of_its_language(admin_client, stories):
    admin_client.get("/en/search/", {"query": "weaver"})
    for typed in ("zeppelin", "Zeppelin"):  # two readers, one query
        admin_client.get("/en/search/", {"query": typed})

    failed = SearchTermDailyHits.objects.get(query_string="zeppelin")
    assert (failed.locale.language_code, failed.hits, failed.zero_result_hits) == ("en", 2, 2)
    assert SearchTermDailyHits.objects.get(query_string="weaver").zero_result_hits == 0
    assert Query.get("zeppelin").hits == 2


def test_the_report_lists_zero_result_queries_per_language(admin_client, stories):
    SearchTermDailyHits.objects.create(
        locale=english(),
        query_string="zeppelin",
        date=datetime.date.today(),
        hits=3,
        zero_result_hits=3,
    )

    response = admin_client.get("/admin/reports/search-terms/", {"zero_results": "true"})

    assert response.status_code == 200
    assert b"zeppelin" in response.content


HOSTILE = [
    "",
    "x" * 1000,
    "& | ! :* ( )",
    "weaver:* & !(",
    "'; DROP TABLE wagtailcore_page; --",
    '" OR 1=1 --',
    "((((((((((a))))))))))",
    "\\",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_a_clear_answer_never_a_500(client, stories, query):
    page = client.get("/en/search/", {"query": query})
    api = client.get("/api/v3/search/", {"q": query})
    suggestions = client.get("/api/v3/search/suggestions/", {"q": query})
    listing = client.get("/api/v3/stories/", {"search": query})

    assert page.status_code == 200
    assert api.status_code == 200
    assert suggestions.status_code == 200
    assert listing.status_code == 200


def test_a_nul_byte_in_a_query_is_refused_by_the_guard(client, stories):
    assert client.get("/en/search/?query=wea%00ver").status_code == 400
    assert client.get("/api/v3/search/?q=wea%00ver").status_code == 400


#: The queries of a search whose matches are not in the cache yet.
COLD = 9


@pytest.mark.parametrize("size", [1, 10])
def test_a_search_costs_the_same_queries_for_one_result_as_for_ten(
    mission_hub, django_assert_num_queries, size
):
    for number in range(size):
        HeroStoryPageFactory(
            parent=mission_hub,
            hero_name=f"Hero {number}",
            headline="A luthier",
            tags=["music"],
        )
    search_public_pages("luthier", locale=english())  # warm: content types cached
    invalidate()  # a new content generation: what that search found is not kept

    # What is private, the missions, every page found with what its facets need (the text
    # is matched once), the page of results, the tags' names: the same queries whatever
    # the number of results.
    with django_assert_num_queries(COLD) as cold:
        outcome = search_public_pages("luthier", locale=english())

    assert len(outcome.results) == size
    assert sum("@@" in query["sql"] for query in cold.captured_queries) == 1

    # Its next page, a facet chosen, or another reader's same search: what it found is
    # kept, and the text is not matched again.
    with django_assert_num_queries(COLD - 1) as warm:
        outcome = search_public_pages(
            "luthier", locale=english(), filters=SearchFilters(tag="music")
        )

    assert outcome.count == size
    assert not any("@@" in query["sql"] for query in warm.captured_queries)


def test_a_search_that_finds_more_than_the_cache_keeps_is_matched_again(
    mission_hub, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(selectors, "FOUND_CACHE_MAX_PAGES", 2)
    for number in range(3):
        HeroStoryPageFactory(parent=mission_hub, hero_name=f"Hero {number}", headline="A luthier")
    search_public_pages("luthier", locale=english())

    with django_assert_num_queries(COLD - 1) as again:  # three stories, no tag: no tag names
        outcome = search_public_pages("luthier", locale=english())

    assert outcome.count == 3
    assert sum("@@" in query["sql"] for query in again.captured_queries) == 1
