from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api
from cms.core.sitemaps import LocalizedSitemap
from heroes import embeds, feeds
from heroes.views import AcceptInvitationView
from search import views as search_views

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
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Uploaded media in development; production serves them from object storage or the proxy.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages in every language live under /<lang>/ (/en/, /fr/, /es/, /ar/).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
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
