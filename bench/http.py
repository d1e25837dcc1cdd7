"""The benchmark over HTTP: gunicorn as in production, driven by wrk, beside two floors.

gunicorn runs the production settings (bench/settings.py: production's, plus the floor
view) with the project's gunicorn.conf.py and 2 sync workers, on the corpus's PostgreSQL
database and a Redis database of the benchmark's own (flushed before every uncached run and
at the end), after a collectstatic into a temporary STATIC_ROOT (production's static
storage reads its manifest). nginx, run in the foreground from a temporary nginx.conf,
serves a static copy of the story page: the floor of any web server on this machine. The
floor view (/bench/floor/, a fixed body of the story page's size) is the framework's floor:
the least a request through the same gunicorn, middleware and cache costs.

Every endpoint is driven by wrk (bench/wrk/report.lua prints its figures as JSON) at each
concurrency, cached (the same URL every time: the response cache answers) and uncached
(a `?bench=<n>` of its own on each request: the response cache, keyed on the full URL,
misses every time). Everything listens on 127.0.0.1 only.
"""

import contextlib
import datetime as dt
import io
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
LUA_SCRIPT = BENCH_DIR / "wrk" / "report.lua"
APT_PACKAGES = "nginx-light wrk"  # gunicorn is in requirements.txt
CONCURRENCY = (4, 16)
WORKERS = 2
PHOTO_BYTES = 8 * 1024 * 1024
BOUNDARY = "----migrantheroes-bench"
NOT_CACHEABLE = "n/a"  # the mode of a POST
#: Tokens written for each run of a target that needs one per request (bench/ballots.py):
#: more than the fastest confirmation rate seen here could use in a second.
TOKENS_PER_SECOND = 1500


class MissingTool(RuntimeError):
    pass


@dataclass(frozen=True)
class Target:
    """One thing wrk drives: an endpoint of the site, or a floor."""

    name: str
    path: str
    method: str = "GET"
    body_file: Path | None = None
    content_type: str = ""
    floor: str = ""  # "nginx" or "django" for the floors
    via: str = ""  # "front": through the front cache (nginx proxy_cache) before gunicorn
    modes: tuple = ("cached", "uncached")
    # Requests that each need a token of their own (ballot confirmations): called before each
    # run with (path, count), it writes `count` fresh tokens to `path`, one a line.
    write_tokens: Callable | None = None
    # Words, one of which ends the path of each request, a different one each time (a search
    # nobody made before): the path ends with "query=".
    words: tuple = ()


@dataclass
class Servers:
    gunicorn_url: str
    nginx_url: str
    front_url: str
    gunicorn: subprocess.Popen
    nginx: subprocess.Popen
    redis_url: str
    logs: Path
    www: Path
    worker_rss_start: dict = field(default_factory=dict)


def tools():
    """wrk and nginx, or MissingTool saying which apt packages to install."""
    found = {
        name: shutil.which(name) or shutil.which(name, path="/usr/sbin")
        for name in ("wrk", "nginx")
    }
    missing = sorted(name for name, where in found.items() if not where)
    if missing:
        raise MissingTool(
            f"The HTTP benchmark needs {', '.join(missing)}: "
            f"apt-get install -y {APT_PACKAGES} (or run with --no-http)."
        )
    return found


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _calendar_month(first_event_day):
    """The calendar month after the one of the first event: full of the corpus's events."""
    start = (first_event_day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return {"start": start.isoformat(), "end": end.isoformat()}


def site_targets(corpus, nomination_body, *, write_tokens=None):
    """The endpoints measured over HTTP, with paths that exist in `corpus`."""
    story = corpus.story
    targets = [
        Target("api stories fr limit=20", "/api/v3/stories/?limit=20&locale=fr"),
        Target("api page (story)", f"/api/v3/pages/{story.pk}/"),
        Target("page story", story.url),
        Target("page story via front cache", story.url, via="front", modes=("cached",)),
        Target("page home", "/en/"),
        Target("page search", "/en/search/?" + urlencode({"query": "bakery"})),
        Target(
            "page search, a new name each time",
            "/en/search/?query=",
            modes=(NOT_CACHEABLE,),
            words=search_words(corpus),
        ),
        Target("api map", "/api/v3/map/"),
        Target(
            "api oembed",
            "/api/v3/oembed/?" + urlencode({"url": story.get_full_url(), "format": "json"}),
        ),
        Target(
            "api calendar month",
            "/api/v3/calendar/?" + urlencode(_calendar_month(corpus.first_event_day)),
        ),
        Target(
            "api nomination POST 8 MB",
            "/api/v3/nominations/",
            method="POST",
            body_file=nomination_body,
            content_type=f"multipart/form-data; boundary={BOUNDARY}",
            modes=(NOT_CACHEABLE,),
        ),
    ]
    if write_tokens is not None:
        targets.append(
            Target(
                "api ballot confirmation POST",
                "/api/v3/voting/ballots/confirm/",
                method="POST",
                content_type="application/json",
                modes=(NOT_CACHEABLE,),
                write_tokens=write_tokens,
            )
        )
    return targets


def search_words(corpus, *, limit=5000):
    """Heroes' surnames of the corpus's language, each once, in a fixed shuffled order: a
    reader's query, each one the search has not seen (its matches are not in the cache)."""
    from heroes.models import HeroStoryPage

    names = HeroStoryPage.objects.filter(locale=corpus.home.locale).values_list(
        "hero_name", flat=True
    )
    words = {word.lower() for name in names for word in name.split()[1:]}
    surnames = sorted(word for word in words if word.isascii() and word.isalpha())  # no "Jr."
    random.Random(2026).shuffle(surnames)  # noqa: S311 (not a secret)
    return tuple(surnames[:limit])


def floor_targets(story_bytes):
    return [
        Target("floor: nginx static file", "/story.html", floor="nginx", modes=("cached",)),
        Target("floor: django view", f"/bench/floor/?bytes={story_bytes}", floor="django"),
    ]


def _photo(size=PHOTO_BYTES, seed=2026):
    """A JPEG of about `size` bytes: noise, so it does not compress (a phone's photo)."""
    from PIL import Image

    width, height = 3000, 2250
    noise = random.Random(seed).randbytes(width * height * 3)  # noqa: S311 (not a secret)
    image = Image.frombytes("RGB", (width, height), noise)
    for quality in (95, 90, 85, 80, 75):
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=quality)
        if buffer.tell() <= size:
            return buffer.getvalue()
    return buffer.getvalue()


def nomination_body(path):
    """A nomination as multipart/form-data with an 8 MB photo, written to `path`."""
    fields = {
        "hero_name": "Amina Yusuf",
        "country": "KE",
        "country_of_origin": "SO",
        "story": "She teaches sewing to every newcomer on her street, for free, every Sunday.",
        "photo_consent": "on",
        "nominator_name": "Benchmark",
        "nominator_email": "bench@example.org",
        "relationship": "neighbour",
        "agrees_to_be_credited": "on",
    }
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; '
        f'filename="hero.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
        + _photo()
        + b"\r\n"
    )
    parts.append(f"--{BOUNDARY}--\r\n".encode())
    path.write_bytes(b"".join(parts))
    return path


def _flush_redis(redis_url):
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def _children(pid):
    workers = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            workers.append(int(stat.parent.name))
    return sorted(workers)


def worker_rss(master_pid):
    """{worker pid: VmRSS in MB} of gunicorn's workers."""
    rss = {}
    for pid in _children(master_pid):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss[pid] = round(int(line.split()[1]) / 1024, 1)
        except OSError:
            continue
    return rss


def _get(url, timeout=30):
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (127.0.0.1)
        return response.status, response.read()


def _wait_until_up(url, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} did not start (exit code {process.returncode})")
        try:
            if _get(url, timeout=5)[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def _stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def gunicorn_environment(*, database_url, redis_url, media_root, work_dir, port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        # The benchmark's own key when it signs tokens for the app (bench/ballots.py).
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "BASE_URL": f"http://127.0.0.1:{port}",
        "MEDIA_ROOT": str(media_root),
        "PRIVATE_MEDIA_ROOT": str(work_dir / "private-media"),
        "BENCH_STATIC_ROOT": str(work_dir / "static"),
        "CACHE_DIR": str(work_dir / "cache"),
        # The benchmark's nominations are many from one client: no rate limit for them.
        "NOMINATIONS_PER_HOUR": "1000000000",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(WORKERS),
        "PYTHONPATH": str(PROJECT_DIR),
        "LOG_LEVEL": "ERROR",
    }


NGINX_CONF = """\
{user}worker_processes {workers};
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log error;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    types {{ text/html html; }}
    sendfile on;
    keepalive_timeout 5;
    server {{
        listen 127.0.0.1:{port};
        root {work}/www;
    }}
    # The production topology's front cache (deploy/nginx/): the project's own snippet, in
    # front of the same gunicorn.
    proxy_cache_path {work}/front-cache levels=1:2 keys_zone=migrantheroes:10m;
    server {{
        listen 127.0.0.1:{front_port};
        location / {{
            proxy_pass http://127.0.0.1:{gunicorn_port};
            include {project}/deploy/nginx/snippets/migrantheroes-front-cache.conf;
        }}
    }}
}}
"""


@contextmanager
def servers(*, database_url, redis_url, media_root, progress):
    """gunicorn (production settings) and nginx on free ports; stopped on the way out."""
    found = tools()
    work_dir = Path(tempfile.mkdtemp(prefix="migrantheroes-bench-http-"))
    logs = work_dir / "logs"
    logs.mkdir()
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, work_dir, ignore_errors=True)
        port = free_port()
        env = gunicorn_environment(
            database_url=database_url,
            redis_url=redis_url,
            media_root=media_root,
            work_dir=work_dir,
            port=port,
        )
        _flush_redis(redis_url)
        stack.callback(_flush_redis, redis_url)
        progress("collectstatic (production's manifest storage) into a temporary STATIC_ROOT")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=PROJECT_DIR,
            env=env,
            check=True,
        )
        progress(f"gunicorn with {WORKERS} sync workers on 127.0.0.1:{port}")
        gunicorn_log = (logs / "gunicorn.log").open("wb")
        stack.callback(gunicorn_log.close)
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "cms.wsgi:application"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=gunicorn_log,
            stderr=subprocess.STDOUT,
        )
        stack.callback(_stop, gunicorn)
        gunicorn_url = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{gunicorn_url}/healthz", gunicorn)
        rss_start = worker_rss(gunicorn.pid)

        # nginx's floor: the story page itself, as a static file.
        www = work_dir / "www"
        www.mkdir()
        nginx_port, front_port = free_port(), free_port()
        (work_dir / "nginx.conf").write_text(
            NGINX_CONF.format(
                user="user root;\n" if os.geteuid() == 0 else "",
                workers=WORKERS,
                work=work_dir,
                port=nginx_port,
                front_port=front_port,
                gunicorn_port=port,
                project=PROJECT_DIR,
            )
        )
        progress(f"nginx ({WORKERS} workers) on 127.0.0.1:{nginx_port}")
        nginx_log = (logs / "nginx.log").open("wb")
        stack.callback(nginx_log.close)
        nginx = subprocess.Popen(  # noqa: S603 (our own command line)
            [found["nginx"], "-c", str(work_dir / "nginx.conf"), "-p", str(work_dir)],
            stdout=nginx_log,
            stderr=subprocess.STDOUT,
        )
        stack.callback(_stop, nginx)
        (www / "index.html").write_text("ok")
        _wait_until_up(f"http://127.0.0.1:{nginx_port}/index.html", nginx)
        yield Servers(
            gunicorn_url=gunicorn_url,
            nginx_url=f"http://127.0.0.1:{nginx_port}",
            front_url=f"http://127.0.0.1:{front_port}",
            gunicorn=gunicorn,
            nginx=nginx,
            redis_url=redis_url,
            logs=logs,
            www=www,
            worker_rss_start=rss_start,
        )


def _with_query(url, **params):
    parts = urlsplit(url)
    query = "&".join(filter(None, [parts.query, urlencode(params)]))
    return urlunsplit(parts._replace(query=query))


def wrk(url, target, *, concurrency, duration, bust, tokens_file=None, words_file=None):
    """One wrk run; its figures (requests per second, percentiles, errors)."""
    threads = min(concurrency, 2)
    env = {
        **os.environ,
        "BENCH_BUST": "1" if bust else "0",
        "BENCH_BODY_FILE": str(target.body_file or ""),
        "BENCH_CONTENT_TYPE": target.content_type,
        "BENCH_TOKENS_FILE": str(tokens_file or ""),
        "BENCH_WORDS_FILE": str(words_file or ""),
        "BENCH_THREADS": str(threads),
    }
    command = [
        shutil.which("wrk"),
        "--threads",
        str(threads),
        "--connections",
        str(concurrency),
        "--duration",
        f"{duration}s",
        "--timeout",
        "30s",
        "--script",
        str(LUA_SCRIPT),
        url,
    ]
    finished = subprocess.run(  # noqa: S603 (our own command line)
        command, env=env, capture_output=True, text=True, check=False, timeout=duration + 120
    )
    line = next(
        (line for line in finished.stdout.splitlines() if line.startswith("BENCH_JSON ")), None
    )
    if line is None:
        raise RuntimeError(f"wrk gave no figures for {url}: {finished.stdout}{finished.stderr}")
    figures = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = figures.pop("duration_us") / 1_000_000
    figures["rps"] = round(figures["requests"] / seconds, 1) if seconds else 0.0
    figures["errors"] = figures.pop("non2xx") + figures.pop("socket_errors")
    return figures


def _prime(url, target):
    """One request before a cached run: the response cache holds the answer from then on."""
    if target.method == "GET":
        with contextlib.suppress(urllib.error.HTTPError):  # wrk counts it as an error
            _get(url)


def run_http(
    *,
    targets,
    story_path,
    database_url,
    redis_url,
    media_root,
    duration=10,
    concurrency=CONCURRENCY,
    only=None,
    queries=None,
    progress=print,
):
    """Every target at every concurrency, cached and uncached; the figures as plain data.

    `targets`: the site's endpoints (site_targets), `only` the names of those to run (the
    floors always run); `story_path`: the story page, whose copy nginx serves; `queries`:
    SQL queries of each endpoint by name, from the in-process measurement.
    """
    if only:
        unknown = set(only) - {target.name for target in targets}
        if unknown:
            raise ValueError(f"No such HTTP endpoint: {', '.join(sorted(unknown))}")
        targets = [target for target in targets if target.name in only]
    rows = []
    with servers(
        database_url=database_url, redis_url=redis_url, media_root=media_root, progress=progress
    ) as running:
        # The story page (warm: its renditions made) as nginx's static file, and its size.
        _get(running.gunicorn_url + story_path)
        _status, page = _get(running.gunicorn_url + story_path)
        (running.www / "story.html").write_bytes(page)
        everything = floor_targets(len(page)) + targets
        for target in everything:
            base = {
                "nginx": running.nginx_url,
                "front": running.front_url,
            }.get(target.floor or target.via, running.gunicorn_url)
            url = base + target.path
            for mode in target.modes:
                for connections in concurrency:
                    if mode == "uncached":
                        _flush_redis(redis_url)
                    else:
                        _prime(url, target)
                    tokens_file = None
                    if target.write_tokens is not None:
                        tokens_file = target.write_tokens(
                            running.logs / "tokens.txt", count=TOKENS_PER_SECOND * duration
                        )
                    words_file = None
                    if target.words:
                        words_file = running.logs / "words.txt"
                        words_file.write_text("\n".join(target.words) + "\n")
                    progress(f"wrk {target.name}, {mode}, {connections} connections")
                    figures = wrk(
                        url,
                        target,
                        concurrency=connections,
                        duration=duration,
                        bust=mode == "uncached",
                        tokens_file=tokens_file,
                        words_file=words_file,
                    )
                    rows.append(
                        {
                            "name": target.name,
                            "method": target.method,
                            "path": target.path,
                            "floor": target.floor or None,
                            "mode": mode,
                            "concurrency": connections,
                            "queries": (queries or {}).get(target.name),
                            **figures,
                        }
                    )
        rss_end = worker_rss(running.gunicorn.pid)
        rss_start = running.worker_rss_start
    _add_ratios(rows)
    return {
        "duration_seconds_per_run": duration,
        "concurrency": list(concurrency),
        "gunicorn_workers": WORKERS,
        "story_page_bytes": len(page),
        "worker_rss_mb": {
            "start": sorted(rss_start.values()),
            "end": sorted(rss_end.values()),
            "workers_recycled": sorted(rss_start) != sorted(rss_end),
        },
        "runs": rows,
    }


def _add_ratios(rows):
    """Each run's requests per second as a share of each floor's (same mode, concurrency)."""
    floors = {}
    for row in rows:
        if row["floor"]:
            floors[(row["floor"], row["mode"], row["concurrency"])] = row["rps"]
    for row in rows:
        nginx = floors.get(("nginx", "cached", row["concurrency"]))
        django = floors.get(
            (
                "django",
                "uncached" if row["mode"] == NOT_CACHEABLE else row["mode"],
                row["concurrency"],
            )
        )
        row["of_nginx"] = round(row["rps"] / nginx, 4) if nginx else None
        row["of_django_floor"] = round(row["rps"] / django, 4) if django else None
