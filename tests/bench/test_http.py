"""`make bench` over HTTP (bench/http.py), as CI runs it: one endpoint, one connection, 1 s.

The real thing on a tiny corpus: collectstatic, gunicorn with the production settings and
2 workers, nginx and wrk (Debian's nginx-light and wrk must be installed: without them this
test fails, it never skips). The corpus is committed (a transactional test), so gunicorn's
workers, in processes of their own, read it from the test database.
"""

import dataclasses
import os

import pytest
from django.conf import settings
from django.db import connection
from wagtail.contrib.search_promotions.models import Query

from bench import ballots, http
from bench.corpus import TINY, build_corpus
from bench.report import http_table
from bench.run import DEFAULT_REDIS_URL, _database_url
from heroes.models import Ballot

ENDPOINT = "api stories fr limit=20"
BALLOTS = "api ballot confirmation POST"
FRONT = "page story via front cache"
SEARCH = "page search, a new name each time"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_http_benchmark_drives_gunicorn_and_both_floors_with_wrk(tmp_path, monkeypatch):
    corpus = build_corpus(dataclasses.replace(TINY, locales=True))
    # The app servers take the confirmation links this process signs.
    monkeypatch.setenv("BENCH_SECRET_KEY", settings.SECRET_KEY)
    # Only ENDPOINT, BALLOTS and FRONT run: the nomination's 8 MB body is not written.
    targets = http.site_targets(corpus, tmp_path / "nomination", write_tokens=ballots.write_tokens)

    results = http.run_http(
        targets=targets,
        story_path=corpus.story.url,
        database_url=_database_url(connection),
        redis_url=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        media_root=settings.MEDIA_ROOT,
        duration=1,
        concurrency=(1,),
        only=[ENDPOINT, BALLOTS, FRONT, SEARCH],
        queries={ENDPOINT: 9},
        progress=lambda message: None,
    )

    runs = {(run["name"], run["mode"]): run for run in results["runs"]}
    assert set(runs) == {
        ("floor: nginx static file", "cached"),
        ("floor: django view", "cached"),
        ("floor: django view", "uncached"),
        (ENDPOINT, "cached"),
        (ENDPOINT, "uncached"),
        (BALLOTS, "n/a"),
        (FRONT, "cached"),  # deploy/nginx's front cache snippet, in front of the same gunicorn
        (SEARCH, "n/a"),
    }
    for run in runs.values():
        assert run["requests"] > 0, run
        assert run["errors"] == 0, run
        assert 0 < run["p50_ms"] <= run["p95_ms"] <= run["p99_ms"], run
        assert run["of_nginx"] > 0 and run["of_django_floor"] > 0, run
    assert runs[(ENDPOINT, "cached")]["queries"] == 9
    # Every request confirmed a ballot of its own (a used link would be a 409, an error); a
    # request in flight when wrk stopped may have confirmed one more.
    confirmed = Ballot.objects.filter(confirmed_at__isnull=False).count()
    assert confirmed >= runs[(BALLOTS, "n/a")]["requests"] > 0
    # Each search was for a name of its own, in turn: every one of them was searched.
    words = next(target.words for target in targets if target.name == SEARCH)
    assert words and all(word.isalpha() for word in words)
    searched = Query.objects.filter(query_string__in=words).count()
    assert searched >= min(runs[(SEARCH, "n/a")]["requests"], len(words))
    assert results["story_page_bytes"] > 1000
    assert len(results["worker_rss_mb"]["start"]) == http.WORKERS
    assert all(rss > 0 for rss in results["worker_rss_mb"]["end"])
    assert ENDPOINT in http_table(results)
