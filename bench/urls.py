"""The site's URLs plus `/bench/floor/`: the framework's floor, measured by bench/http.py.

The floor is the least a request through the same gunicorn, middleware and cache costs: a
fixed body of `?bytes=` bytes (the story page's size), no template, no query.
"""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns

MAX_BYTES = 10 * 1024 * 1024


def floor(request):
    size = min(int(request.GET.get("bytes", "0") or 0), MAX_BYTES)
    return HttpResponse(b"x" * size, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/floor/", floor), *site_urlpatterns]
