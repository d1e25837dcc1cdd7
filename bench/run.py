"""`make bench` (`python -m bench`): build a corpus in a throwaway database and measure.

Runs on the test settings (cms.settings.test) in a database of its own, made and dropped
here: a SQLite file in a temporary directory by default, or, when DATABASE_URL names a
server (PostgreSQL), a database `<name>_bench` on that server. The development database
(db.sqlite3) and its media are never opened, and the cache is this process's memory (a
shared Redis from REDIS_URL is never cleared). Prints a table and writes bench-results.json.
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

SETTINGS = "cms.settings.test"


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="uncached requests per endpoint")
    parser.add_argument(
        "--cached-repeat", type=int, default=50, help="cached requests per endpoint"
    )
    parser.add_argument("--stories", type=int, default=200, help="live, public stories")
    parser.add_argument("--events", type=int, default=100, help="live events (one a day)")
    parser.add_argument("--output", default="bench-results.json", help="where the JSON goes")
    args = parser.parse_args(argv)
    if min(args.repeat, args.cached_repeat, args.stories) < 1 or args.events < 0:
        parser.error("--repeat, --cached-repeat and --stories must be at least 1")
    return args


def _prepare_environment(work_dir):
    """Test settings, a private cache, and a SQLite file in `work_dir` unless a server is set."""
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ.pop("REDIS_URL", None)
    url = os.environ.get("DATABASE_URL", "")
    if not url or url.startswith("sqlite"):
        os.environ["DATABASE_URL"] = f"sqlite:///{work_dir / 'bench.sqlite3'}"


def _machine(connection):
    import django
    import wagtail
    from django.conf import settings

    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "db_vendor": connection.vendor,
        "db_version": ".".join(str(part) for part in connection.get_database_version()),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "cache_backend": settings.CACHES["default"]["BACKEND"],
    }


def _remove_test_media():
    from django.conf import settings

    for directory in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        path = Path(directory)
        if path.parent == Path(tempfile.gettempdir()) and path.name.startswith(
            "migrantheroes-test-media-"
        ):
            shutil.rmtree(path, ignore_errors=True)


def _progress(message):
    print(f"  … {message}", file=sys.stderr, flush=True)


def main(argv=None):
    args = _arguments(argv)
    started = time.perf_counter()
    work_dir = Path(tempfile.mkdtemp(prefix="migrantheroes-bench-"))
    _prepare_environment(work_dir)

    import django

    django.setup()

    from django.db import connection
    from django.test import Client

    from bench import report
    from bench.corpus import Sizes, build_corpus
    from bench.measure import run_benchmark

    original_name = connection.settings_dict["NAME"]
    bench_name = (
        str(work_dir / "bench.sqlite3")
        if connection.vendor == "sqlite"
        else f"{original_name}_bench"
    )
    connection.settings_dict.setdefault("TEST", {})["NAME"] = bench_name
    try:
        _progress(f"migrating a throwaway {connection.vendor} database ({bench_name})")
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            sizes = Sizes(stories=args.stories, events=args.events)
            _progress(f"building the corpus ({sizes})")
            corpus_started = time.perf_counter()
            corpus = build_corpus(sizes)
            corpus_seconds = time.perf_counter() - corpus_started
            results = run_benchmark(
                Client(),
                corpus,
                repeat=args.repeat,
                cached_repeat=args.cached_repeat,
                progress=_progress,
            )
            results = {
                "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "machine": _machine(connection),
                "corpus": {**corpus.describe(), "build_seconds": round(corpus_seconds, 1)},
                **results,
            }
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)
    finally:
        _remove_test_media()
        shutil.rmtree(work_dir, ignore_errors=True)

    results["duration_seconds"] = round(time.perf_counter() - started, 1)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n")
    machine, corpus_figures = results["machine"], results["corpus"]
    print()
    print(report.table(results))
    print()
    print(
        f"{machine['cores']} cores, Python {machine['python']}, {machine['db_vendor']} "
        f"{machine['db_version']}; corpus: {corpus_figures['pages']} pages "
        f"({corpus_figures['stories']} live stories, {corpus_figures['events']} events), "
        f"built in {corpus_figures['build_seconds']} s; {args.repeat} uncached and "
        f"{args.cached_repeat} cached requests per endpoint."
    )
    print(f"Run in {results['duration_seconds']} s; figures in {args.output}.")
    failed = [row["name"] for row in results["endpoints"] if row["status"] != 200]
    if failed:
        print(f"Not 200: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0
