from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Locale

from heroes.models import HeroStoryPage
from search import selectors
from search.forms import SearchForm
from search.services import record_search

RESULTS_PER_PAGE = 10


def search(request):
    """Full-text search over the live, public pages of the reader's language, with facets."""
    locale = Locale.get_active()
    form = SearchForm(request.GET)
    form.is_valid()  # a bad facet or page number is dropped, never an error
    query = form.cleaned_data.get("query", "")
    page_number = form.cleaned_data.get("page") or 1
    outcome = _search(query, locale, form.filters(), page_number)
    pages = Paginator(range(outcome.count), RESULTS_PER_PAGE).get_page(page_number)
    if pages.number != page_number:  # past the last page: the last page
        outcome = _search(query, locale, form.filters(), pages.number)
    if outcome.query and page_number == 1 and not form.filters().chosen():
        record_search(outcome.query, locale=locale, found=bool(outcome.count or outcome.promoted))
    # The results show stories' photos: two queries for the page, not two per story.
    shown = [*outcome.results, *(item.page for item in outcome.promoted if item.page)]
    prefetch_related_objects(
        [page for page in shown if isinstance(page, HeroStoryPage)], "photo__renditions"
    )
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": outcome.query,
            "searched": "query" in request.GET,
            "outcome": outcome,
            "pages": pages,
            "facets": _facet_links(request, outcome),
            "did_you_mean_url": "?" + urlencode({"query": outcome.did_you_mean}),
            "autocomplete_url": reverse("wagtailapi_v3:search_suggestions"),
        },
    )


def _search(query, locale, filters, page_number):
    return selectors.search_public_pages(
        query,
        locale=locale,
        filters=filters,
        offset=(page_number - 1) * RESULTS_PER_PAGE,
        limit=RESULTS_PER_PAGE,
    )


def _facet_links(request, outcome):
    """[(facet label, values)], each value with the URL that chooses it (or, chosen, drops it)."""
    links = []
    for name, values in outcome.facets.items():
        for value in values:
            params = request.GET.copy()
            params.pop("page", None)
            if value.selected:
                params.pop(name, None)
            else:
                params[name] = value.value
            value.url = "?" + params.urlencode()
        links.append((selectors.FACET_LABELS[name], values))
    return links
