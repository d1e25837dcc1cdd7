from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from cms.core.selectors import searchable_public_pages
from heroes.models import HeroStoryPage

RESULTS_PER_PAGE = 10


def search(request):
    """Full-text search over the live, public pages of the reader's language."""
    query = request.GET.get("query", "").strip()[:200]
    results = Page.objects.none()
    if query:
        pages = searchable_public_pages().filter(locale=Locale.get_active()).specific()
        results = pages.search(query)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    # The results show stories' photos: two queries for the page, not two per story.
    stories = [result for result in page.object_list if isinstance(result, HeroStoryPage)]
    prefetch_related_objects(stories, "photo__renditions")
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
