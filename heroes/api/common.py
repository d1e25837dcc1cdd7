"""Lookups shared by the routers that take a story by id or by URL."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from heroes import selectors


def live_story(story_id):
    """The live, public story `story_id`, or a 404 problem."""
    story = selectors.public_stories().select_related("locale", "photo").filter(pk=story_id)
    story = story.first()
    if story is None:
        raise Http404(_("No live story has the id %(id)s.") % {"id": story_id})
    return story


def _known_hosts(request):
    hosts = {urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc, request.get_host()}
    hosts.update(Site.objects.values_list("hostname", flat=True))
    return {host.split(":")[0].lower() for host in hosts if host}


def story_for_url(url, request):
    """The live, public story that `url` shows (its page or its embed card), or None.

    Only this site's own hosts are answered: an oEmbed provider must not vouch for others'
    pages.
    """
    parts = urlsplit(url or "")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    if parts.hostname.lower() not in _known_hosts(request):
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    embed_prefix = reverse("embed_story", kwargs={"story_id": 0}).rsplit("0/", 1)[0]
    if path.startswith(embed_prefix):
        story_id = path[len(embed_prefix) :].strip("/")
        if not story_id.isdigit():
            return None
        stories = selectors.public_stories().filter(pk=int(story_id))
        return stories.select_related("locale", "photo").first()
    segments = [segment for segment in path.split("/") if segment]
    languages = {code for code, _name in settings.LANGUAGES}
    if not segments or segments[0] not in languages:
        return None
    language, rest = segments[0], segments[1:]
    for story in (
        selectors.public_stories()
        .filter(locale__language_code=language, slug=rest[-1] if rest else "")
        .select_related("locale", "photo")
    ):
        if urlsplit(story.get_full_url(request) or "").path == path:
            return story
    return None
