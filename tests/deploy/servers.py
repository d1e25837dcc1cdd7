"""Processes of a production deployment, started for a test on 127.0.0.1 and stopped after it.

gunicorn (the project's gunicorn.conf.py, production settings), nginx (Debian's, with the
front cache of deploy/nginx/), a process running tests/deploy/campaign.py with the same
settings, and an S3-compatible server (moto). Each writes its output to a log file, quoted
when it fails to start.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEPLOY_DIR = PROJECT_ROOT / "deploy"
NGINX_MODULES = Path("/usr/lib/nginx/modules")
NGINX_APT_PACKAGES = "nginx libnginx-mod-http-cache-purge"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tail(path, lines=40):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class Process:
    """A started server: its Popen, its port and its log."""

    def __init__(self, name, command, *, env, log, port, cwd=PROJECT_ROOT):
        self.name, self.port, self.log = name, port, Path(log)
        self._log_file = self.log.open("wb")
        self.popen = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_until_answering(self, path="/", *, seconds=60, ok=(200,)):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise RuntimeError(
                    f"{self.name} stopped (exit code {self.popen.returncode}):\n{tail(self.log)}"
                )
            try:
                if requests.get(self.url + path, timeout=5).status_code in ok:
                    return self
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer within {seconds} s:\n{tail(self.log)}")

    def stop(self):
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()
        self._log_file.close()


def start_gunicorn(name, *, env, work_dir, workers=1):
    port = free_port()
    env = {**env, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": str(workers)}
    return Process(
        name,
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--config", "gunicorn.conf.py"],
        env=env,
        log=Path(work_dir) / f"{name}.log",
        port=port,
    )


def run_python(*args, env, timeout=120):
    """Run `python *args` in the project with `env`; its stdout, or an error with its output."""
    result = subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"python {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def campaign(*args, env):
    """tests/deploy/campaign.py in a process of its own, with `env`: its JSON answer."""
    return json.loads(run_python("-m", "tests.deploy.campaign", *args, env=env))


def nginx_binary():
    """Debian's nginx and the purge module it loads, or an error naming what to install."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists() or not (NGINX_MODULES / "ngx_http_cache_purge_module.so").exists():
        raise RuntimeError(f"The front cache needs Debian's: apt-get install {NGINX_APT_PACKAGES}")
    return binary


def start_nginx(*, upstream_ports, work_dir):
    """nginx in front of the app servers, with deploy/nginx/'s front cache and purge endpoint.

    The site (`listen`, TLS, the app servers' addresses, the cache's folder) is the
    machine's; what is cached, for how long and how it is purged comes from the repository's
    snippets, as in deploy/nginx/migrantheroes.conf.
    """
    work_dir = Path(work_dir)
    port, purge_port = free_port(), free_port()
    (work_dir / "snippets").mkdir(exist_ok=True)
    for snippet in (DEPLOY_DIR / "nginx" / "snippets").glob("*.conf"):
        (work_dir / "snippets" / snippet.name).write_text(snippet.read_text())
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in upstream_ports)
    # As root, nginx's workers would otherwise run as nobody, who may not enter work_dir.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work_dir / "nginx.conf").write_text(
        f"""\
load_module {NGINX_MODULES}/ngx_http_cache_purge_module.so;
{user}worker_processes 1;
daemon off;
pid {work_dir}/nginx.pid;
error_log {work_dir}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {work_dir}/nginx-access.log;
    client_body_temp_path {work_dir}/nginx-body;
    proxy_temp_path {work_dir}/nginx-proxy;
    fastcgi_temp_path {work_dir}/nginx-fastcgi;
    uwsgi_temp_path {work_dir}/nginx-uwsgi;
    scgi_temp_path {work_dir}/nginx-scgi;
    proxy_cache_path {work_dir}/nginx-cache levels=1:2 keys_zone=migrantheroes:10m;
    upstream migrantheroes {{
{servers}
        keepalive 8;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            include snippets/migrantheroes-front-cache.conf;
            proxy_pass http://migrantheroes;
        }}
    }}
    server {{
        listen 127.0.0.1:{purge_port};
        allow 127.0.0.1;
        deny all;
        include snippets/migrantheroes-purge.conf;
    }}
}}
"""
    )
    process = Process(
        "nginx",
        [nginx_binary(), "-p", str(work_dir), "-c", str(work_dir / "nginx.conf")],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        log=work_dir / "nginx.log",
        port=port,
    )
    process.purge_url = f"http://127.0.0.1:{purge_port}"
    return process


def start_s3_server(*, work_dir):
    """moto's S3-compatible server (from requirements-dev.txt) on a free port."""
    port = free_port()
    return Process(
        "moto",
        [sys.executable, "-m", "moto.server", "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, "MOTO_PORT": str(port)},
        log=Path(work_dir) / "moto.log",
        port=port,
    )
