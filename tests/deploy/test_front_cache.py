"""The recommended topology: nginx's front cache (deploy/nginx/) in front of gunicorn.

nginx keeps what the app marks public and purges a page when Wagtail says it was published
(FRONTEND_CACHE_PURGE_URL, its HTTPBackend's PURGE request), from whichever process publishes.
"""

from contextlib import ExitStack

import pytest
import requests

from tests.deploy.servers import campaign, free_port, start_gunicorn, start_nginx

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_the_front_cache_keeps_a_story_until_publishing_elsewhere_purges_it(deployment):
    with ExitStack() as stack:
        app = start_gunicorn("app", env=deployment.environment, work_dir=deployment.work_dir)
        stack.callback(app.stop)
        front = start_nginx(upstream_ports=[app.port], work_dir=deployment.work_dir)
        stack.callback(front.stop)
        # Every process of the deployment: pages are at the front cache's address, purges go
        # to its purge endpoint, and browsers may keep a page ten minutes, so only a purge
        # can explain a change seen within the test.
        host = f"localhost:{front.port}"
        environment = {
            **deployment.environment,
            "BASE_URL": f"http://{host}",
            "FRONTEND_CACHE_PURGE_URL": front.purge_url,
            "PUBLIC_CACHE_MAX_AGE": "600",
        }
        built = campaign("build", env=environment)
        app.wait_until_answering("/healthz")
        front.wait_until_answering("/healthz")

        def fetch():
            response = requests.get(
                front.url + built["story_path"], headers={"Host": host}, timeout=30
            )
            assert response.status_code == 200, response.text[:500]
            return response

        first, second = fetch(), fetch()
        assert first.headers["X-Front-Cache"] == "MISS"
        assert second.headers["X-Front-Cache"] == "HIT"
        assert built["headline"] in second.text

        headline = "The cooperative now employs forty tailors"
        campaign("publish", str(built["story_id"]), headline, env=environment)

        after = fetch()
        assert after.headers["X-Front-Cache"] == "MISS"
        assert headline in after.text
        assert fetch().headers["X-Front-Cache"] == "HIT"


def test_a_reader_between_a_publish_and_its_commit_leaves_no_stale_page_in_the_front_cache(
    deployment,
):
    with ExitStack() as stack:
        app = start_gunicorn("app", env=deployment.environment, work_dir=deployment.work_dir)
        stack.callback(app.stop)
        front = start_nginx(upstream_ports=[app.port], work_dir=deployment.work_dir)
        stack.callback(front.stop)
        host = f"localhost:{front.port}"
        environment = {
            **deployment.environment,
            "BASE_URL": f"http://{host}",
            "FRONTEND_CACHE_PURGE_URL": front.purge_url,
            "PUBLIC_CACHE_MAX_AGE": "600",
        }
        built = campaign("build", env=environment)
        app.wait_until_answering("/healthz")
        front.wait_until_answering("/healthz")
        url = front.url + built["story_path"]

        headline = "The cooperative now employs forty tailors"
        published = campaign(
            "publish-while-read", str(built["story_id"]), headline, url, host, env=environment
        )

        assert not published["read_before_commit"]  # the reader got the page before the change
        after = requests.get(url, headers={"Host": host}, timeout=30)
        assert headline in after.text


def test_the_purge_endpoint_answers_nothing_but_purge_requests(tmp_path):
    with ExitStack() as stack:
        front = start_nginx(upstream_ports=[free_port()], work_dir=tmp_path)
        stack.callback(front.stop)
        front.wait_until_answering("/", ok=(502, 504))

        response = requests.get(front.purge_url + "/en/", headers={"Host": "localhost"}, timeout=10)

        assert response.status_code == 405
