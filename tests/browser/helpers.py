"""Helpers of the browser tests: what the browser is served, and a page that serves it."""

import re
from urllib.parse import urlsplit


def snapshot(client, paths):
    """{path: (status, headers, body)} of `paths` and of the static files their pages use.

    Taken with Django's test client before the browser starts: Playwright runs an event
    loop in this thread, and Django would give the ORM calls made inside it a connection
    of their own, outside the test's transaction.
    """
    served = {}
    pending = list(paths)
    while pending:
        path = pending.pop()
        if path in served:
            continue
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        served[path] = (response.status_code, dict(response.items()), body)
        if response.get("Content-Type", "").startswith("text/html"):
            pending += re.findall(r'(?:href|src)="(/static/[^"]+)"', body.decode())
    return served


def open_page(browser, served, *, width, height):
    """A page of `width` x `height` CSS pixels that gets http://testserver/ from `served`.

    Any other host is refused, and recorded in `page.external`.
    """
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.external = []

    def serve(route, request):
        url = urlsplit(request.url)
        if url.hostname != "testserver":
            page.external.append(request.url)
            route.abort()
            return
        path = url.path + (f"?{url.query}" if url.query else "")
        status, headers, body = served.get(path, (404, {}, b""))
        route.fulfill(status=status, headers=headers, body=body)

    page.route("**/*", serve)
    return page


def live_page(browser, client, *, width=1280, height=900):
    """A page of `width` x `height` CSS pixels whose every request to http://testserver/ is
    answered, as it comes, by Django's test client `client` (its cookies are the browser's
    session): forms can be posted, and what they change is read back by the next request.

    Needs the `allow_orm_in_playwright` fixture (conftest.py; `open_live` uses it): the
    route handler runs while Playwright's event loop runs in this thread.
    Any other host is refused, and recorded in `page.external`.
    """
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.external = []

    def serve(route, request):
        url = urlsplit(request.url)
        if url.hostname != "testserver":
            page.external.append(request.url)
            route.abort()
            return
        path = url.path + (f"?{url.query}" if url.query else "")
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() not in ("cookie", "content-length", "host", "content-type")
        }
        response = client.generic(
            request.method,
            path,
            data=request.post_data_buffer or b"",
            content_type=request.headers.get("content-type", ""),
            headers=headers,
        )
        body = b"".join(response.streaming_content) if response.streaming else response.content
        route.fulfill(status=response.status_code, headers=dict(response.items()), body=body)

    page.route("**/*", serve)
    return page


def log_in(page, username, password):
    page.goto("http://testserver/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("http://testserver/admin/")
