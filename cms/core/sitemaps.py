"""The sitemap of every language: Wagtail's sitemap, over the site's root and its translations.

Each page lists its live translations (and itself) as `xhtml:link rel="alternate"
hreflang`, so search engines show readers the page in their language.
"""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from cms.core.selectors import public_pages


class LocalizedSitemap(Sitemap):
    """Live, public pages of the default site's root page in every locale (/en/, /fr/ …)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        pages = Page.objects.none()
        for translated_root in roots:
            pages |= Page.objects.descendant_of(translated_root, inclusive=True)
        return public_pages(pages).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        urls = []
        translations = defaultdict(list)
        for item in self.paginator.page(page).object_list.iterator():
            for number, url_info in enumerate(item.get_sitemap_urls(self.request)):
                urls.append(url_info)
                if number == 0:  # a page's own URL (others are its routes' extra URLs)
                    alternate = {
                        "lang_code": languages[item.locale_id],
                        "location": url_info["location"],
                    }
                    translations[item.translation_key].append((url_info, alternate))
        for entries in translations.values():
            if len(entries) > 1:
                alternates = [alternate for _url_info, alternate in entries]
                for url_info, _alternate in entries:
                    url_info["alternates"] = alternates
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
