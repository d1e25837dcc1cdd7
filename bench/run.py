"""`make bench` (`python -m bench`): a corpus, then the site measured in-process and over HTTP.

The corpus is built in a database of its own, named after its sizes, and kept for the
next run with the same sizes (--rebuild builds it again): with DATABASE_URL naming a
PostgreSQL server, a database `<name>_bench_<sizes>` there; otherwise a SQLite file in
--cache-dir, which also keeps each corpus's photos. The development database and its media
are never opened.

In-process (Django's test client, the test settings, this process's memory as cache): SQL
queries, median and p95 latency of each endpoint uncached and cached, and the constant-
queries check of the listings. Over HTTP (bench/http.py, PostgreSQL only): gunicorn with
the production settings and 2 workers, beside nginx and a bare Django view as floors,
driven by wrk. Prints the tables and writes bench-results.json.
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

SETTINGS = "bench.inprocess_settings"
CORPUS_VERSION = 2  # bump when bench/corpus.py builds something else: kept corpora are rebuilt
DEFAULT_CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / (
    "migrantheroes-bench"
)
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"


def _arguments(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__.splitlines()[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    corpus = parser.add_argument_group("corpus")
    corpus.add_argument("--stories", type=int, default=200, help="live, public stories")
    corpus.add_argument("--events", type=int, default=100, help="live events (one a day)")
    corpus.add_argument(
        "--locales",
        action="store_true",
        help="every page also in fr, es and ar, as wagtail-localize's aliases (4 × the pages)",
    )
    corpus.add_argument(
        "--rebuild", action="store_true", help="build the corpus again even if one is kept"
    )
    corpus.add_argument(
        "--cache-dir",
        type=Path,
        default=DEFAULT_CACHE_DIR,
        help="where kept corpora keep their photos (and SQLite databases)",
    )
    in_process = parser.add_argument_group("in-process measurement")
    in_process.add_argument("--repeat", type=int, default=20, help="uncached requests per endpoint")
    in_process.add_argument(
        "--cached-repeat", type=int, default=50, help="cached requests per endpoint"
    )
    http = parser.add_argument_group("HTTP measurement (gunicorn, nginx, wrk)")
    which = http.add_mutually_exclusive_group()
    which.add_argument("--no-http", action="store_true", help="skip the HTTP measurement")
    which.add_argument(
        "--http-only", action="store_true", help="the HTTP measurement alone (no in-process table)"
    )
    http.add_argument(
        "--duration", type=int, default=10, help="seconds of each wrk run (endpoint × mode × c)"
    )
    http.add_argument(
        "--concurrency",
        default="4,16",
        help="wrk connections, comma-separated: each endpoint runs at each",
    )
    http.add_argument(
        "--endpoint",
        action="append",
        metavar="NAME",
        help="run only this HTTP endpoint (repeatable; the floors always run)",
    )
    http.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        help="a Redis database of the benchmark's own: flushed before every uncached run "
        "(env BENCH_REDIS_URL)",
    )
    parser.add_argument("--output", default="bench-results.json", help="where the JSON goes")
    args = parser.parse_args(argv)
    if min(args.repeat, args.cached_repeat, args.stories, args.duration) < 1 or args.events < 0:
        parser.error("--repeat, --cached-repeat, --stories and --duration must be at least 1")
    try:
        args.concurrency = tuple(int(c) for c in args.concurrency.split(","))
    except ValueError:
        parser.error("--concurrency is a comma-separated list of numbers, e.g. 4,16")
    return args


def _progress(message):
    print(f"  … {message}", file=sys.stderr, flush=True)


def _machine(connection):
    import django
    import wagtail
    from django.conf import settings

    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": _cpu_model(),
        "db_vendor": connection.vendor,
        "db_version": ".".join(str(part) for part in connection.get_database_version()),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "cache_backend": settings.CACHES["default"]["BACKEND"],
    }


def _cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _database_name(original, key):
    name = f"{Path(original).stem if '/' in original else original}_bench_{key}"
    if len(name) > 63:  # PostgreSQL's limit
        name = f"bench_{hashlib.sha1(name.encode()).hexdigest()[:16]}_{key}"[:63]  # noqa: S324
    return name


# The corpus ----------------------------------------------------------------------------------

MARKER_TABLE = "bench_corpus"


def _read_marker(connection, key):
    with connection.cursor() as cursor:
        if MARKER_TABLE not in connection.introspection.table_names(cursor):
            return None
        cursor.execute(f"SELECT info FROM {MARKER_TABLE} WHERE key = %s", [key])  # noqa: S608
        row = cursor.fetchone()
    info = json.loads(row[0]) if row else None
    return info if info and info.get("version") == CORPUS_VERSION else None


def _write_marker(connection, key, info):
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {MARKER_TABLE} (key varchar(200) PRIMARY KEY, info text)")
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (key, info) VALUES (%s, %s)",  # noqa: S608
            [key, json.dumps(info)],
        )


def _kept_corpus(sizes, info):
    from wagtail.models import Site

    from bench.corpus import UNIQUE_WORD, Corpus
    from heroes.models import HeroStoryPage

    home = Site.objects.get(is_default_site=True).root_page
    story = HeroStoryPage.objects.get(locale=home.locale, headline__contains=UNIQUE_WORD)
    return Corpus(
        sizes=sizes,
        home=home,
        story=story,
        first_event_day=dt.date.fromisoformat(info["first_event_day"]),
    )


def prepare_corpus(connection, sizes, *, media_root, rebuild):
    """The corpus of `sizes` in its own database: the kept one, or built now. (corpus, info)"""
    from bench.corpus import build_corpus

    original_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = (
        str(media_root.parent / "db.sqlite3")
        if connection.vendor == "sqlite"
        else _database_name(original_name, sizes.key)
    )
    name = connection.settings_dict["TEST"]["NAME"]
    if not rebuild:
        _progress(f"opening the kept corpus {name} (migrating it if needed)")
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=True
        )
        info = _read_marker(connection, sizes.key)
        if info is not None:
            return _kept_corpus(sizes, info), {**info, "kept": True}
        connection.creation.destroy_test_db(original_name, verbosity=0)
    _progress(f"migrating a new {connection.vendor} database ({name})")
    shutil.rmtree(media_root, ignore_errors=True)
    media_root.mkdir(parents=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    _progress(f"building the corpus ({sizes})")
    started = time.perf_counter()
    corpus = build_corpus(sizes, progress=_progress)
    info = {
        "version": CORPUS_VERSION,
        **corpus.describe(),
        "build_seconds": round(time.perf_counter() - started, 1),
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "first_event_day": corpus.first_event_day.isoformat(),
    }
    _write_marker(connection, sizes.key, info)
    _progress(f"corpus built in {info['build_seconds']} s: {info['pages']:,} pages")
    _analyze(connection)
    return corpus, {**info, "kept": False}


#: The thumbnail of a search result (templates/search/search.html).
SEARCH_THUMBNAIL = "fill-160x120"


def _make_search_thumbnails():
    """Every story photo's search thumbnail, as a site in service has them (each is made on
    its first showing, once): a search for a new name shows stories no earlier run showed,
    and making their thumbnails then is not the search's cost. Only the missing ones, so
    once for a kept corpus."""
    from wagtail.images import get_image_model

    missing = get_image_model().objects.exclude(renditions__filter_spec=SEARCH_THUMBNAIL)
    total = missing.count()
    for number, image in enumerate(missing.iterator(chunk_size=500), start=1):
        image.get_rendition(SEARCH_THUMBNAIL)
        if number % 1000 == 0 or number == total:
            _progress(f"search thumbnails {number:,}/{total:,}")


def _analyze(connection):
    """Statistics for the planner (and the visibility map), as autovacuum would give a live
    database: a freshly loaded corpus has none, and the planner then guesses row counts off
    by a factor of a thousand."""
    if connection.vendor == "postgresql":
        _progress("VACUUM ANALYZE")
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _database_url(connection):
    """The corpus's database as a URL, for gunicorn."""
    settings = connection.settings_dict
    auth = settings["USER"] or ""
    if settings.get("PASSWORD"):
        auth += f":{settings['PASSWORD']}"
    host = settings.get("HOST") or "127.0.0.1"
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{settings['NAME']}"


def _forget_http_writes():
    """The nominations and ballots (and their queued mails) of the HTTP run: the corpus has none."""
    from django_tasks_db.models import DBTaskResult

    from bench import ballots
    from heroes.models import Nomination

    Nomination.objects.all().delete()
    ballots.forget()
    DBTaskResult.objects.all().delete()


def main(argv=None):
    args = _arguments(argv)
    started = time.perf_counter()
    from bench.sizes import Sizes

    sizes = Sizes(stories=args.stories, events=args.events, locales=args.locales)
    media_root = args.cache_dir / sizes.key / "media"
    media_root.parent.mkdir(parents=True, exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix="migrantheroes-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ["BENCH_MEDIA_ROOT"] = str(media_root)
    os.environ["BENCH_PRIVATE_MEDIA_ROOT"] = str(work_dir / "private-media")
    os.environ["NOMINATIONS_PER_HOUR"] = "1000000000"  # the in-process count sends one
    os.environ.pop("REDIS_URL", None)  # in-process: this process's memory, never a shared Redis
    os.environ.setdefault("BENCH_SECRET_KEY", secrets.token_urlsafe(50))  # with the app servers
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")):
        if not args.no_http:
            print(
                "The HTTP benchmark runs on PostgreSQL: set DATABASE_URL=postgres://… "
                "(the corpus gets a database of its own there), or pass --no-http.",
                file=sys.stderr,
            )
            return 2
        os.environ["DATABASE_URL"] = f"sqlite:///{media_root.parent / 'db.sqlite3'}"

    import django

    django.setup()

    from django.db import connection
    from django.test import Client

    from bench import ballots, http, report
    from bench.measure import queries_per_request, run_benchmark

    if not args.no_http:
        try:
            http.tools()
        except http.MissingTool as missing:
            print(missing, file=sys.stderr)
            return 2
    try:
        corpus, corpus_info = prepare_corpus(
            connection, sizes, media_root=media_root, rebuild=args.rebuild
        )
        results = {
            "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "machine": _machine(connection),
            "corpus": corpus_info,
        }
        if not args.http_only:
            results["in_process"] = run_benchmark(
                Client(),
                corpus,
                repeat=args.repeat,
                cached_repeat=args.cached_repeat,
                progress=_progress,
            )
        if not args.no_http:
            body = http.nomination_body(work_dir / "nomination.multipart")
            targets = http.site_targets(corpus, body, write_tokens=ballots.write_tokens)
            _make_search_thumbnails()
            _progress("queries of each HTTP endpoint, in-process")
            queries = queries_per_request(Client(), targets)
            _forget_http_writes()
            connection.close()  # gunicorn's workers get the database to themselves
            try:
                results["http"] = http.run_http(
                    targets=targets,
                    story_path=corpus.story.url,
                    database_url=_database_url(connection),
                    redis_url=args.redis_url,
                    media_root=media_root,
                    duration=args.duration,
                    concurrency=args.concurrency,
                    only=args.endpoint,
                    queries=queries,
                    progress=_progress,
                )
            finally:
                _forget_http_writes()
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
        connection.close()

    results["duration_seconds"] = round(time.perf_counter() - started, 1)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    print()
    print(report.summary(results, args))
    failed = report.failures(results)
    if failed:
        print(f"Not 2xx: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0
