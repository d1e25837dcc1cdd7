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
