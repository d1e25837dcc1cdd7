"""The admin's report of what the public searches, per language: popular queries and those
that found nothing (search.models.SearchTermDailyHits). MCD and superusers see it."""

import datetime

import django_filters
from django.db.models import Sum
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from search.models import SearchTermDailyHits

PERMISSION = "search.view_searchtermdailyhits"
DEFAULT_DAYS = 30


class SearchTermsFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Locale.objects.all(), field_name="locale"
    )
    days = django_filters.NumberFilter(label=_("Last days"), method="filter_days")
    zero_results = django_filters.BooleanFilter(
        label=_("Found nothing"), method="filter_zero_results"
    )

    class Meta:
        model = SearchTermDailyHits
        fields = []

    def filter_days(self, queryset, name, value):
        return queryset.filter(
            date__gte=timezone.localdate() - datetime.timedelta(days=int(value or DEFAULT_DAYS))
        )

    def filter_zero_results(self, queryset, name, value):
        return queryset.filter(zero_result_hits__gt=0) if value else queryset


class SearchTermsReportView(ReportView):
    """Queries per language, most searched first; "found nothing" counts the failures."""

    page_title = _("Search terms per language")
    header_icon = "search"
    index_url_name = "search_terms_per_language"
    index_results_url_name = "search_terms_per_language_results"
    filterset_class = SearchTermsFilterSet
    default_ordering = "-total_hits"
    columns = [
        Column("query_string", label=_("Search term")),
        Column("locale__language_code", label=_("Language")),
        NumberColumn("total_hits", label=_("Searches"), sort_key="total_hits"),
        NumberColumn(
            "total_zero_result_hits", label=_("Found nothing"), sort_key="total_zero_result_hits"
        ),
    ]
    list_export = ["query_string", "locale__language_code", "total_hits", "total_zero_result_hits"]
    export_headings = {
        "query_string": _("Search term"),
        "locale__language_code": _("Language"),
        "total_hits": _("Searches"),
        "total_zero_result_hits": _("Found nothing"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def get_base_queryset(self):
        """One row per query and language: its searches and failures over the days chosen."""
        days = self.request.GET.get("days")
        queryset = SearchTermDailyHits.objects.all()
        if not days:
            since = timezone.localdate() - datetime.timedelta(days=DEFAULT_DAYS)
            queryset = queryset.filter(date__gte=since)
        return (
            queryset.order_by()
            .values("query_string", "locale__language_code")
            .annotate(total_hits=Sum("hits"), total_zero_result_hits=Sum("zero_result_hits"))
        )


def admin_urls():
    view = SearchTermsReportView
    return [
        path("reports/search-terms/", view.as_view(), name=view.index_url_name),
        path(
            "reports/search-terms/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def menu_item():
    return SearchTermsMenuItem(
        _("Search terms per language"),
        reverse(SearchTermsReportView.index_url_name),
        name="search-terms-per-language",
        icon_name="search",
        order=1310,
    )
