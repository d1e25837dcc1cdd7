import re
from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api
from cms.core import health
from cms.core.sitemaps import LocalizedSitemap
from heroes import embeds, feeds
from heroes.views import AcceptInvitationView, story_map
from heroes.views_events import propose_event
from search import views as search_views

#: A database outage answers a polite 503 (Retry-After), any other crash the 500 page.
handler500 = "cms.core.outage.server_error"

#: The folders of MEDIA_ROOT anyone may fetch: Wagtail's renditions and users' avatars.
SERVED_MEDIA = ("images", "avatar_images")

urlpatterns = [
    path(
        "admin/invitations/<uidb64>/<token>/",
        AcceptInvitationView.as_view(),
        name="mission_invitation",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
    path("embed/stories/<int:story_id>/", embeds.story_card, name="embed_story"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}),
    path("healthz", health.healthz, name="healthz"),
]

if settings.DEBUG:
    from django.views.static import serve

    # Uploaded media in development, as the production proxy serves them (README): image
    # renditions and the admin's avatars only. Originals (original_images/, with whatever
    # they carry), documents (served by /documents/ with their privacy) and pending uploads
    # (uploaded_files/) are never served.
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [
        # Each folder is its own root, so a path with ../ cannot climb out of it.
        re_path(
            rf"^{media_prefix}{folder}/(?P<path>.+)$",
            serve,
            {"document_root": Path(settings.MEDIA_ROOT) / folder},
        )
        for folder in SERVED_MEDIA
    ]

# Pages in every language live under /<lang>/ (/en/, /fr/, /es/, /ar/).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # The map of heroes per country: a route of every language, not a page to edit.
    path("map/", story_map, name="story_map"),
    # Partners propose their events for the calendar (linked from the calendar page).
    path("events/propose/", propose_event, name="propose_event"),
    path("feeds/stories.rss", feeds.StoryFeed(), name="story_feed"),
    path(
        "feeds/missions/<slug:mission>/stories.rss",
        feeds.StoryFeed(),
        name="mission_story_feed",
    ),
    path("calendar.ics", feeds.event_calendar, name="event_calendar"),
    path(
        "feeds/missions/<slug:mission>/calendar.ics",
        feeds.event_calendar,
        name="mission_event_calendar",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
