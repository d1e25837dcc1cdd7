"""PostgreSQL goes away and comes back: the app answers polite 503s, then recovers by itself.

gunicorn (production settings, two workers) reaches PostgreSQL through a TCP forwarder that
the test owns, so "stopping the database" is closing the forwarder (its listener and every
connection through it, as a restart of PostgreSQL does) and never touches the shared server.
"""

import contextlib
import socket
import threading
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

from tests.deploy.servers import campaign, free_port, start_gunicorn

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

HOST = {"Host": "localhost"}


class DatabaseForwarder:
    """127.0.0.1:<port> → PostgreSQL, byte for byte; `stop()` cuts every connection and
    refuses new ones until `start()`, like a database server stopped and started again."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.port = free_port()
        self._lock = threading.Lock()
        self._sockets = set()
        self._listener = None

    def start(self):
        self._listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def stop(self):
        listener, self._listener = self._listener, None
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in (listener, *sockets):
            self._close(sock)

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # stopped
            try:
                server = socket.create_connection(self.upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.update((client, server))
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            self._close(source)
            self._close(target)

    @staticmethod
    def _close(sock):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in accept() or recv()
        sock.close()


def through(database_url, port):
    """`database_url` with its host and port replaced by 127.0.0.1:`port`."""
    parts = urlsplit(database_url)
    credentials = parts.netloc.rpartition("@")[0]
    netloc = f"{credentials}@127.0.0.1:{port}" if credentials else f"127.0.0.1:{port}"
    return urlunsplit(parts._replace(netloc=netloc))


def workers_of(master_pid):
    """The pids of gunicorn's workers: the master's children."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            children.add(int(stat.parent.name))
    return children


class Load:
    """A thread asking uncached pages and /healthz, one after the other, until stopped."""

    def __init__(self, server):
        self.server, self.statuses = server, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        number = 0
        while not self._stop.is_set():
            number += 1
            path = f"/en/?load={number}" if number % 2 else "/healthz"
            try:
                response = requests.get(self.server.url + path, headers=HOST, timeout=30)
                self.statuses.append(response.status_code)
            except requests.RequestException as error:
                self.statuses.append(repr(error))
            self._stop.wait(0.02)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join(timeout=60)


def get(server, path):
    return requests.get(server.url + path, headers=HOST, timeout=30)


def test_without_its_database_the_site_answers_polite_503s_and_recovers_without_a_restart(
    deployment,
):
    url = deployment.environment["DATABASE_URL"]
    upstream = urlsplit(url)
    forwarder = DatabaseForwarder((upstream.hostname, upstream.port or 5432))
    forwarder.start()
    environment = {
        **deployment.environment,
        "DATABASE_URL": through(url, forwarder.port),
        "GUNICORN_MAX_REQUESTS": "0",  # no worker is recycled during the test
    }
    with ExitStack() as stack:
        stack.callback(forwarder.stop)
        server = start_gunicorn("app", env=environment, work_dir=deployment.work_dir, workers=2)
        stack.callback(server.stop)
        built = campaign("build", env=deployment.environment)
        server.wait_until_answering("/healthz")
        story = built["story_path"]
        assert get(server, story).status_code == 200  # now in the shared cache
        for _ in range(6):  # each worker keeps a connection open (CONN_MAX_AGE)
            assert get(server, "/healthz").status_code == 200
        workers = workers_of(server.popen.pid)
        assert len(workers) == 2

        # PostgreSQL restarts: every kept connection is cut. The next requests reconnect.
        forwarder.stop()
        forwarder.start()
        for path in ("/healthz", "/en/?after-restart=1", "/healthz", "/en/?after-restart=2"):
            response = get(server, path)
            assert response.status_code == 200, (path, response.status_code, response.text[:300])

        with Load(server) as load:
            forwarder.stop()  # PostgreSQL is down, and stays down for a while

            cached = get(server, story)
            assert (cached.status_code, cached.headers["X-Cache"]) == (200, "HIT")
            assert built["headline"] in cached.text

            page = get(server, "/en/")
            assert page.status_code == 503, page.text[:300]
            assert page.headers["Content-Type"].startswith("text/html")
            assert int(page.headers["Retry-After"]) > 0
            assert "no-store" in page.headers["Cache-Control"]
            assert '<html lang="en" dir="ltr">' in page.text
            assert "Briefly unavailable" in page.text
            assert "Content-Security-Policy" in page.headers

            arabic = get(server, "/ar/")
            assert arabic.status_code == 503
            assert '<html lang="ar" dir="rtl">' in arabic.text

            api = get(server, "/api/v3/pages/?type=heroes.HeroStoryPage")
            assert api.status_code == 503
            assert api.headers["Content-Type"].startswith("application/problem+json")
            assert api.json()["status"] == 503
            assert int(api.headers["Retry-After"]) > 0

            health = get(server, "/healthz")
            assert health.status_code == 503
            assert health.json()["database"] == "unavailable"

            forwarder.start()  # PostgreSQL is back
            reopened_at = len(load.statuses)

            # The very next requests are answered, while the load goes on, until it too
            # has had a few answers since (one may have been on its way during the reopen).
            paths = ["/en/", "/api/v3/pages/?type=heroes.HeroStoryPage", "/healthz", story]
            for number in range(200):
                path = paths[number % len(paths)] if number < len(paths) else "/healthz"
                response = get(server, path)
                assert response.status_code == 200, (path, response.status_code)
                if number >= len(paths) and len(load.statuses) >= reopened_at + 6:
                    break
            assert workers_of(server.popen.pid) == workers  # none was restarted

    assert set(load.statuses) <= {200, 503}, load.statuses
    assert 503 in load.statuses[:reopened_at]
    assert set(load.statuses[reopened_at + 1 :]) == {200}, load.statuses
