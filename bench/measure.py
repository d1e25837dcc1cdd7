"""What the benchmark measures, on whatever database and corpus it is given.

For each endpoint, with Django's test client as an anonymous reader:

- queries: SQL queries of one request past the response cache (after a warm-up request
  that makes the photos' renditions and fills Wagtail's own caches);
- median and p95 latency of `repeat` requests, the cache cleared before each ("uncached");
- cached median of `cached_repeat` requests answered by the response cache (cms.core.cache),
  with the queries and X-Cache of such a request.

And the "constant number of queries" rule: a listing runs the same queries for 1 item and
for many (the API's pages and stories with limit=1 and limit=50, the calendar over 1 day and
50 days; the site's story index and search for one result and for a full page).
"""

import datetime as dt
import json
import math
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.corpus import SEARCH_WORD, UNIQUE_WORD
from heroes.models.stories import STORIES_PER_PAGE
from search.views import RESULTS_PER_PAGE


@dataclass(frozen=True)
class Endpoint:
    name: str
    url: str
    listing: str = ""  # the name of its Listing, whose constant-queries check it shows


@dataclass(frozen=True)
class Listing:
    """A listing checked with 1 item and with `large` items (a full page, at most 50)."""

    name: str
    url_for: Callable  # (n, corpus) -> the URL listing n items
    large: int = 50
    marker: str = ""  # in an HTML listing, what each item's markup holds (to count them)

    def url(self, n, corpus):
        return self.url_for(n, corpus)

    def items(self, response):
        if response.status_code != 200:
            return None
        if self.marker:
            return response.content.decode().count(self.marker)
        body = response.json()
        return len(body["items"]) if "items" in body else None


def _calendar_range(corpus, days):
    first = corpus.first_event_day
    last = first + dt.timedelta(days=days - 1)
    return {"start": first.isoformat(), "end": last.isoformat()}


LISTINGS = [
    Listing(
        "api pages (HeroStoryPage)",
        lambda n, corpus: f"/api/v3/pages/?type=heroes.HeroStoryPage&limit={n}",
    ),
    Listing("api stories", lambda n, corpus: f"/api/v3/stories/?limit={n}"),
    # One event a day in the corpus: n days, n events.
    Listing(
        "api calendar (n days)",
        lambda n, corpus: "/api/v3/calendar/?" + urlencode(_calendar_range(corpus, n)),
    ),
    # The sample story alone has the unique tag; unfiltered, a full page of cards.
    Listing(
        "page stories index",
        lambda n, corpus: f"/en/stories/?tag={UNIQUE_WORD}" if n == 1 else "/en/stories/",
        large=STORIES_PER_PAGE,
        marker='class="card story-card"',
    ),
    # The sample story alone has the unique word; the common one fills a page of results.
    Listing(
        "page search",
        lambda n, corpus: (
            "/en/search/?" + urlencode({"query": UNIQUE_WORD if n == 1 else SEARCH_WORD})
        ),
        large=RESULTS_PER_PAGE,
        marker='class="search-result"',
    ),
]


def endpoints(corpus):
    """The endpoints measured, with URLs that exist in `corpus`."""
    pages, stories, calendar, index, search = LISTINGS
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
        Endpoint("page stories index", "/en/stories/", index.name),
        Endpoint("page story", corpus.story.url),
        Endpoint("page calendar", "/en/calendar/"),
        Endpoint("page search", search.url(search.large, corpus), search.name),
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
        "queries": queries,
        "median_ms": round(statistics.median(uncached), 2),
        "p95_ms": round(percentile(uncached, 0.95), 2),
        "cached_median_ms": round(statistics.median(cached), 2),
        "cached_p95_ms": round(percentile(cached, 0.95), 2),
        "cached_queries": cached_queries,
        "cache": cached_response.get("X-Cache", "none"),
    }


def check_constant_queries(client, corpus, listing):
    """Queries of `listing` for 1 item and for `listing.large` (fewer if the corpus is small)."""
    figures = []
    for n in (1, listing.large):
        url = listing.url(n, corpus)
        _get(client, url)  # warm-up: renditions of the photos listed
        queries, response = _queries(client, url, clear_cache=True)
        figures.append(
            {
                "url": url,
                "status": response.status_code,
                "items": listing.items(response),
                "queries": queries,
            }
        )
    return {
        "name": listing.name,
        "urls": [figure["url"] for figure in figures],
        "status": [figure["status"] for figure in figures],
        "items": [figure["items"] for figure in figures],
        "queries": [figure["queries"] for figure in figures],
        "constant": figures[0]["queries"] == figures[1]["queries"],
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


def queries_per_request(client, targets):
    """SQL queries of one uncached request of each HTTP target (bench/http.py), by name."""
    counts = {}
    for target in targets:
        if target.method == "GET":
            path = target.path + (target.words[0] if target.words else "")
            _get(client, path)  # warm-up, as measure_endpoint's
            counts[target.name] = _queries(client, path, clear_cache=True)[0]
            continue
        body = target.body_file.read_bytes() if target.body_file else b""
        if target.write_tokens is not None:
            with tempfile.TemporaryDirectory() as folder:
                tokens = target.write_tokens(Path(folder) / "tokens.txt", count=1)
                body = json.dumps({"token": tokens.read_text().strip()}).encode()
        client.cookies = SimpleCookie()
        with CaptureQueriesContext(connection) as captured:
            response = client.generic(
                target.method, target.path, body, content_type=target.content_type
            )
        if response.status_code >= 400:
            raise RuntimeError(f"{target.name} answered {response.status_code} in-process")
        counts[target.name] = len(captured)
    cache.clear()
    return counts
