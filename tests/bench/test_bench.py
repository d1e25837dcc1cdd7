"""`make bench` (bench/): its measuring function on a tiny corpus, on the test database.

The full run (bench/run.py) builds 200 stories in a throwaway database; here a corpus just
big enough to list 50 stories and 50 events proves the figures are there and the API's
listings keep a constant number of SQL queries from 1 item to 50.
"""

from django.test import Client

from bench.corpus import Sizes, build_corpus
from bench.measure import endpoints, run_benchmark
from bench.report import table

SIZES = Sizes(missions=2, stories=50, drafts=1, private=1, events=50)
API_LISTINGS = ["api pages (HeroStoryPage)", "api stories", "api calendar (n days)"]
FIGURES = {
    "name",
    "url",
    "listing",
    "status",
    "bytes",
    "queries",
    "median_ms",
    "p95_ms",
    "cached_median_ms",
    "cached_p95_ms",
    "cached_queries",
    "cache",
}


def test_the_benchmark_measures_every_endpoint_and_the_api_listings_keep_constant_queries(db):
    corpus = build_corpus(SIZES)

    results = run_benchmark(Client(), corpus, repeat=1, cached_repeat=1)

    assert [row["name"] for row in results["endpoints"]] == [
        endpoint.name for endpoint in endpoints(corpus)
    ]
    for row in results["endpoints"]:
        assert set(row) == FIGURES
        assert row["status"] == 200, row["url"]
        assert row["queries"] > 0, row["url"]
        assert 0 < row["median_ms"] <= row["p95_ms"]
        assert (row["cache"], row["cached_queries"]) == ("HIT", 0), row["url"]
    checks = {check["name"]: check for check in results["constant_queries"]}
    for name in API_LISTINGS:
        assert checks[name]["items"] == [1, 50], name
        assert checks[name]["constant"], (name, checks[name]["queries"])
    assert "api stories limit=50" in table(results)


def test_every_story_photo_gets_its_search_thumbnail_once_before_the_http_run(db):
    from wagtail.images import get_image_model

    from bench.run import SEARCH_THUMBNAIL, _make_search_thumbnails
    from tests.factories import ImageFactory

    images = [ImageFactory() for _ in range(3)]
    images[0].get_rendition(SEARCH_THUMBNAIL)  # shown by an earlier run

    _make_search_thumbnails()
    _make_search_thumbnails()  # a kept corpus: nothing more to make

    Rendition = get_image_model().get_rendition_model()
    made = Rendition.objects.filter(filter_spec=SEARCH_THUMBNAIL)
    assert sorted(made.values_list("image_id", flat=True)) == sorted(image.pk for image in images)
    assert all(rendition.file.storage.exists(rendition.file.name) for rendition in made)
