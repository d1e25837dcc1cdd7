"""Several app servers share PostgreSQL and Redis, and serve one campaign: no state is a process's.

Two gunicorn servers (the project's gunicorn.conf.py, production settings, one worker each, as
on two machines) on different ports, a third process that publishes, one database and one Redis.
"""

from contextlib import ExitStack

import pytest
import requests

from tests.deploy.servers import campaign, start_gunicorn

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def fetch(server, path):
    response = requests.get(server.url + path, headers={"Host": "localhost"}, timeout=30)
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    return response


def test_two_app_servers_serve_one_campaign_and_both_show_a_change_published_elsewhere(
    deployment,
):
    with ExitStack() as stack:
        servers = [
            start_gunicorn(name, env=deployment.environment, work_dir=deployment.work_dir)
            for name in ("server-a", "server-b")
        ]
        for server in servers:
            stack.callback(server.stop)
        # While they boot, an editor's process builds the campaign.
        built = campaign("build", env=deployment.environment)
        page, api = built["story_path"], f"/api/v3/pages/{built['story_id']}/"
        a, b = (server.wait_until_answering("/healthz") for server in servers)

        # A fills the shared cache; B, which never saw these URLs, is answered from it.
        for path in (page, api):
            first, again = fetch(a, path), fetch(a, path)
            from_b = fetch(b, path)
            assert (first.headers["X-Cache"], again.headers["X-Cache"]) == ("MISS", "HIT")
            assert from_b.headers["X-Cache"] == "HIT"
            assert from_b.content == first.content
            assert built["headline"] in first.text

        # An editor's process publishes; neither server is told, except through the database
        # and Redis.
        headline = "The cooperative now employs forty tailors"
        campaign("publish", str(built["story_id"]), headline, env=deployment.environment)

        for server in (a, b):
            for path in (page, api):
                response = fetch(server, path)
                assert headline in response.text, (server.name, path)
                assert built["headline"] not in response.text, (server.name, path)
