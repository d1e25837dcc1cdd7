"""What the benchmark measures, on whatever database and corpus it is given.

For each endpoint, with Django's test client as an anonymous reader:

- queries: SQL queries of one request past the response cache (after a warm-up request
  that makes the photos' renditions and fills Wagtail's own caches);
- median and p95 latency of `repeat` requests, the cache cleared before each ("uncached");
- cached median of `cached_repeat` requests answered by the response cache (cms.core.cache),
  with the queries and X-Cache of such a request.

And the "constant number of queries" rule: a listing runs the same queries for 1 item and
for 50 (pages and stories with limit=1 and limit=50, the calendar over 1 day and 50 days).
"""

import math
import statistics
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.corpus import SEARCH_WORD


@dataclass(frozen=True)
class Endpoint:
    name: str
    url: str
    listing: str = ""  # the name of its Listing, whose constant-queries check it shows


@dataclass(frozen=True)
class Listing:
    """A listing whose URL for n items is `template.format(n=…)`, checked at 1 and 50."""

    name: str
    template: str

    def url(self, n, corpus):
        return self.template.format(n=n, **_calendar_range(corpus, n))


def _calendar_range(corpus, days):
    first = corpus.first_event_day
    last = first.fromordinal(first.toordinal() + days - 1)
    return {"start": first.isoformat(), "end": last.isoformat()}


LISTINGS = [
    Listing("api pages (HeroStoryPage)", "/api/v3/pages/?type=heroes.HeroStoryPage&limit={n}"),
    Listing("api stories", "/api/v3/stories/?limit={n}"),
    Listing("api calendar (n days)", "/api/v3/calendar/?start={start}&end={end}"),
]
CONSTANT_SIZES = (1, 50)


def endpoints(corpus):
    """The endpoints measured, with URLs that exist in `corpus`."""
    pages, stories, calendar = LISTINGS
    return [
        Endpoint("api pages stories limit=20", pages.url(20, corpus), pages.name),
        Endpoint("api pages stories limit=50", pages.url(50, corpus), pages.name),
        Endpoint("api stories limit=50", stories.url(50, corpus), stories.name),
        Endpoint("api calendar 90 days", calendar.url(90, corpus), calendar.name),
        Endpoint("api map", "/api/v3/map/"),
        Endpoint(
            "api oembed",
            "/api/v3/oembed/?" + urlencode({"url": corpus.story.get_full_url(), "format": "json"}),
        ),
        Endpoint("rss stories", "/en/feeds/stories.rss"),
        Endpoint("ics calendar", "/en/calendar.ics"),
        Endpoint("page home", "/en/"),
        Endpoint("page stories index", "/en/stories/"),
        Endpoint("page story", corpus.story.url),
        Endpoint("page calendar", "/en/calendar/"),
        Endpoint("page search", "/en/search/?" + urlencode({"query": SEARCH_WORD})),
    ]


def _get(client, url):
    client.cookies = SimpleCookie()  # always an anonymous reader, whom the cache may serve
    return client.get(url)


def _timed(client, url, clear_cache):
    if clear_cache:
        cache.clear()
    start = time.perf_counter()
    response = _get(client, url)
    return (time.perf_counter() - start) * 1000, response


def _queries(client, url, clear_cache):
    if clear_cache:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = _get(client, url)
    return len(captured), response


def percentile(values, fraction):
    """Nearest-rank percentile (p95 of 20 values is the 19th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _items(response):
    if response.status_code != 200 or "json" not in response.get("Content-Type", ""):
        return None
    body = response.json()
    return len(body["items"]) if "items" in body else None


def measure_endpoint(client, endpoint, *, repeat, cached_repeat):
    _get(client, endpoint.url)  # warm-up: renditions, templates, Wagtail's site cache
    queries, response = _queries(client, endpoint.url, clear_cache=True)
    uncached = [_timed(client, endpoint.url, clear_cache=True)[0] for _ in range(repeat)]
    cached = [_timed(client, endpoint.url, clear_cache=False)[0] for _ in range(cached_repeat)]
    cached_queries, cached_response = _queries(client, endpoint.url, clear_cache=False)
    return {
        "name": endpoint.name,
        "url": endpoint.url,
        "listing": endpoint.listing or None,
        "status": response.status_code,
        "bytes": len(response.content),
        "items": _items(response),
        "queries": queries,
        "median_ms": round(statistics.median(uncached), 2),
        "p95_ms": round(percentile(uncached, 0.95), 2),
        "cached_median_ms": round(statistics.median(cached), 2),
        "cached_p95_ms": round(percentile(cached, 0.95), 2),
        "cached_queries": cached_queries,
        "cache": cached_response.get("X-Cache", "none"),
    }


def check_constant_queries(client, corpus, listing):
    """Queries of `listing` for 1 item and for 50 (fewer when the corpus holds fewer)."""
    figures = {}
    for n in CONSTANT_SIZES:
        url = listing.url(n, corpus)
        _get(client, url)  # warm-up: renditions of the photos listed
        queries, response = _queries(client, url, clear_cache=True)
        figures[n] = {"url": url, "status": response.status_code, "items": _items(response)}
        figures[n]["queries"] = queries
    small, large = (figures[n] for n in CONSTANT_SIZES)
    return {
        "name": listing.name,
        "sizes": list(CONSTANT_SIZES),
        "urls": [small["url"], large["url"]],
        "status": [small["status"], large["status"]],
        "items": [small["items"], large["items"]],
        "queries": [small["queries"], large["queries"]],
        "constant": small["queries"] == large["queries"],
    }


def run_benchmark(client, corpus, *, repeat=20, cached_repeat=50, progress=None):
    """Measure every endpoint and check the listings; the figures as plain data."""
    results = []
    for endpoint in endpoints(corpus):
        if progress:
            progress(endpoint.name)
        results.append(
            measure_endpoint(client, endpoint, repeat=repeat, cached_repeat=cached_repeat)
        )
    constant = []
    for listing in LISTINGS:
        if progress:
            progress(f"constant queries: {listing.name}")
        constant.append(check_constant_queries(client, corpus, listing))
    cache.clear()
    return {
        "repeat": repeat,
        "cached_repeat": cached_repeat,
        "endpoints": results,
        "constant_queries": constant,
    }
