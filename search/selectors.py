"""Searching what the public may see: one definition the search page and the API share.

A search reads the live, public, non-alias pages of one locale (an untranslated alias carries
another language's words, and its source is found in its own language: never twice), through
the search backend (search/backend.py: each locale's own stemming on PostgreSQL). Around the
matches it counts facets, one aggregate query per facet, each counted with every other
chosen facet applied, so a count is the number of results that choosing it gives. The cost
is the same whatever the page size.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, TrigramWordSimilarity
from django.db import connection
from django.db.models import Count, F, FloatField, Func, Q, TextField, Value
from django.db.models.functions import Greatest, Substr
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from cms.core.search import clean_query
from cms.core.selectors import searchable_public_pages
from heroes.models import EventPage, HeroStoryPage, HeroStoryTag, MissionHubPage

#: What a did-you-mean suggestion must resemble a title or a hero's name (pg_trgm, 0 to 1).
SUGGESTION_SIMILARITY = 0.3
#: Values listed per facet (the most frequent first).
FACET_SIZE = 20

TYPES = {
    "story": (HeroStoryPage, _("Stories")),
    "event": (EventPage, _("Events")),
    "mission": (MissionHubPage, _("Missions")),
}
OTHER_TYPE = ("page", _("Other pages"))
FACETS = ("type", "country", "mission", "category", "tag")
FACET_LABELS = {
    "type": _("Type"),
    "country": _("Country"),
    "mission": _("Mission"),
    "category": _("Category"),
    "tag": _("Tag"),
}

# Highlight marks ts_headline puts around matched words; replaced by <mark> once escaped.
_START, _STOP = "\u2983", "\u2984"


@dataclass
class SearchFilters:
    """The facets a reader chose: at most one value each."""

    type: str = ""
    country: str = ""
    mission: int | None = None
    category: str = ""
    tag: str = ""

    def chosen(self):
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchOutcome:
    query: str
    locale: object
    count: int = 0
    results: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    did_you_mean: str = ""


@dataclass
class Promoted:
    """A search promotion MCD chose for the query: a page of the locale, or an external link."""

    title: str
    url: str
    description: str = ""
    page: object = None


def search_public_pages(query, *, locale, filters=None, offset=0, limit=10):
    """The live, public pages of `locale` matching `query`, best first, with facets.

    `results` holds `limit` specific pages from `offset`, each with `search_excerpt` (HTML,
    matched words in <mark>); promoted pages (Wagtail's search promotions, in this locale)
    come first in `promoted` and are left out of `results`.
    """
    filters = filters or SearchFilters()
    outcome = SearchOutcome(query=clean_query(query), locale=locale)
    if not outcome.query:
        return outcome
    backend = get_search_backend()
    base = searchable_public_pages().filter(locale=locale)
    search_results = base.search(outcome.query, backend="default")
    matched = search_results.get_queryset().filter(alias_of__isnull=True)  # best first
    # The text is matched once more, for the ids of every page found: the count and the facets
    # then read the pages by id (a hashed list) instead of matching the text again each.
    found = list(matched.order_by().values_list("pk", flat=True))
    matched_ids = Page.objects.filter(pk__in=found)

    outcome.promoted = promotions(outcome.query, locale=locale)
    promoted_ids = [item.page.pk for item in outcome.promoted if item.page is not None]

    hubs = {hub.pk: hub for hub in _hubs(locale)}
    conditions = _conditions(filters, hubs)
    everything = Q()
    for condition in conditions.values():
        everything &= condition
    listed = matched.filter(everything).exclude(pk__in=promoted_ids)
    outcome.count = matched_ids.filter(everything).exclude(pk__in=promoted_ids).count()
    page = listed[offset : offset + limit]
    if connection.vendor == "postgresql":
        page = page.annotate(
            search_headline=SearchHeadline(
                F("index_entries__body_text"),
                search_results.query_compiler.tsquery(backend),
                config=backend.config_for_queryset(base),
                start_sel=_START,
                stop_sel=_STOP,
                max_fragments=2,
                max_words=30,
                min_words=12,
                fragment_delimiter=" … ",
            )
        )
    outcome.results = list(page.specific())
    for result in outcome.results:
        result.search_excerpt = _excerpt(result, outcome.query)

    for name in FACETS:
        others = Q()
        for other, condition in conditions.items():
            if other != name:
                others &= condition
        outcome.facets[name] = _FACET_COUNTERS[name](
            matched_ids.filter(others), filters=filters, hubs=hubs
        )
    if outcome.count == 0 and not outcome.promoted:
        outcome.did_you_mean = did_you_mean(outcome.query, locale=locale)
    return outcome


def _hubs(locale):
    from heroes.selectors import public_missions

    return public_missions().filter(locale=locale).only("pk", "title", "path", "depth")


def _conditions(filters, hubs):
    """{facet: Q} for the chosen facets (an unknown value matches nothing)."""
    conditions = {}
    if filters.type:
        conditions["type"] = _type_condition(filters.type)
    if filters.country:
        code = filters.country.upper()
        conditions["country"] = (
            Q(herostorypage__country_of_origin=code)
            | Q(herostorypage__country_of_residence=code)
            | Q(eventpage__country=code)
            | Q(missionhubpage__country=code)
        )
    if filters.mission is not None:
        hub = hubs.get(filters.mission)
        conditions["mission"] = (
            Q(path__startswith=hub.path, depth__gt=hub.depth) if hub else Q(pk__in=[])
        )
    if filters.category:
        conditions["category"] = Q(herostorypage__category__slug=filters.category)
    if filters.tag:
        conditions["tag"] = Q(
            pk__in=HeroStoryTag.objects.filter(tag__slug=filters.tag).values("content_object_id")
        )
    return conditions


def _content_type_ids():
    from django.contrib.contenttypes.models import ContentType

    return {
        name: ContentType.objects.get_for_model(model).pk for name, (model, _l) in TYPES.items()
    }


def _type_condition(value):
    ids = _content_type_ids()
    if value in ids:
        return Q(content_type_id=ids[value])
    if value == OTHER_TYPE[0]:
        return ~Q(content_type_id__in=ids.values())
    return Q(pk__in=[])


def _count_types(pages, *, filters, hubs):
    ids = _content_type_ids()
    names = {pk: name for name, pk in ids.items()}
    counts = {}
    for row in pages.order_by().values("content_type_id").annotate(n=Count("pk")):
        name = names.get(row["content_type_id"], OTHER_TYPE[0])
        counts[name] = counts.get(name, 0) + row["n"]
    labels = {name: label for name, (_model, label) in TYPES.items()}
    labels[OTHER_TYPE[0]] = OTHER_TYPE[1]
    return [
        FacetValue(name, str(labels[name]), counts[name], filters.type == name)
        for name in labels
        if counts.get(name)
    ]


def _count_countries(pages, *, filters, hubs):
    """A story counts for both its countries (once when they are the same)."""
    counts = {}
    columns = (
        "herostorypage__country_of_origin",
        "herostorypage__country_of_residence",
        "eventpage__country",
        "missionhubpage__country",
    )
    for row in pages.order_by().values(*columns).annotate(n=Count("pk")):
        for code in {row[column] for column in columns if row[column]}:
            counts[code] = counts.get(code, 0) + row["n"]
    chosen = filters.country.upper()
    return _top(
        FacetValue(code, str(countries.name(code)), n, code == chosen) for code, n in counts.items()
    )


def _count_missions(pages, *, filters, hubs):
    if not hubs:
        return []
    by_path = {hub.path: hub for hub in hubs.values()}
    length = len(next(iter(by_path)))
    depth = next(iter(hubs.values())).depth
    rows = (
        pages.filter(depth__gt=depth)
        .order_by()
        .values(prefix=Substr("path", 1, length))
        .annotate(n=Count("pk"))
    )
    return _top(
        FacetValue(hub.pk, hub.title, row["n"], hub.pk == filters.mission)
        for row in rows
        if (hub := by_path.get(row["prefix"])) is not None
    )


def _count_categories(pages, *, filters, hubs):
    rows = (
        pages.filter(herostorypage__category__isnull=False)
        .order_by()
        .values(
            facet_slug=F("herostorypage__category__slug"),
            facet_name=F("herostorypage__category__name"),
        )
        .annotate(n=Count("pk"))
    )
    return _top(
        FacetValue(
            row["facet_slug"], row["facet_name"], row["n"], row["facet_slug"] == filters.category
        )
        for row in rows
    )


def _count_tags(pages, *, filters, hubs):
    rows = (
        HeroStoryTag.objects.filter(content_object_id__in=pages.values("pk"))
        .order_by()
        .values(facet_slug=F("tag__slug"), facet_name=F("tag__name"))
        .annotate(n=Count("content_object_id", distinct=True))
    )
    return _top(
        FacetValue(row["facet_slug"], row["facet_name"], row["n"], row["facet_slug"] == filters.tag)
        for row in rows
    )


def _top(values):
    values = sorted(values, key=lambda value: (-value.count, value.label))
    return values[:FACET_SIZE]


_FACET_COUNTERS = {
    "type": _count_types,
    "country": _count_countries,
    "mission": _count_missions,
    "category": _count_categories,
    "tag": _count_tags,
}


def _excerpt(page, query):
    """HTML: the passage that matched, its words in <mark> (escaped: no markup of the page)."""
    headline = getattr(page, "search_headline", None)
    if headline:
        text = escape(strip_tags(headline))
        return mark_safe(text.replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308
    parts = (getattr(page, "headline", ""), getattr(page, "intro", ""), page.search_description)
    text = " ".join(str(part) for part in parts if part)
    text = escape(Truncator(strip_tags(text)).words(40))
    words = [re.escape(escape(word)) for word in query.split() if len(word) > 1]
    if words:
        text = re.sub(
            rf"({'|'.join(words)})", r"<mark>\1</mark>", text, flags=re.IGNORECASE | re.UNICODE
        )
    return mark_safe(text)  # noqa: S308


def did_you_mean(query, *, locale):
    """The title or hero's name of the locale closest to `query`, or "" when none is close."""
    pages = searchable_public_pages().filter(locale=locale, alias_of__isnull=True)
    if connection.vendor == "postgresql":
        folded = Func(Value(query), function="unaccent", output_field=TextField())
        similarity = Greatest(
            TrigramWordSimilarity(folded, Func(F("title"), function="unaccent")),
            TrigramWordSimilarity(folded, Func(F("herostorypage__hero_name"), function="unaccent")),
            output_field=FloatField(),
        )
        best = (
            pages.annotate(similarity=similarity)
            .filter(similarity__gte=SUGGESTION_SIMILARITY)
            .order_by("-similarity", "pk")
            .values_list("title", "herostorypage__hero_name")
            .first()
        )
        if best is None:
            return ""
        return best[1] or best[0]
    # SQLite (the demo): the closest of at most a few thousand names, in Python.
    names = set()
    for title, hero_name in pages.values_list("title", "herostorypage__hero_name")[:5000]:
        names.update(name for name in (title, hero_name) if name)
    lowered = {name.lower(): name for name in names}
    words = {word.lower(): name for name in names for word in name.split()}
    match = difflib.get_close_matches(query.lower(), [*lowered, *words], n=1, cutoff=0.7)
    if not match:
        return ""
    return lowered.get(match[0]) or words[match[0]]


def promotions(query, *, locale):
    """MCD's promoted results for `query`, in `locale`: each promoted page's live, public
    translation there (not an alias), and external links. Two queries."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    if not picks:
        return []
    keys = {pick.page.translation_key for pick in picks if pick.page is not None}
    in_locale = {
        page.translation_key: page
        for page in searchable_public_pages()
        .filter(locale=locale, alias_of__isnull=True, translation_key__in=keys)
        .specific()
    }
    promoted = []
    for pick in picks:
        if pick.page is None:
            promoted.append(
                Promoted(
                    title=pick.external_link_text or pick.external_link_url,
                    url=pick.external_link_url,
                    description=pick.description,
                )
            )
        elif (page := in_locale.get(pick.page.translation_key)) is not None:
            promoted.append(
                Promoted(
                    title=getattr(page, "hero_name", "") or page.title,
                    url=page.url,
                    description=pick.description,
                    page=page,
                )
            )
    return promoted


def suggestions(query, *, locale, limit=8):
    """Titles and heroes' names of `locale` that start like `query` (autocomplete)."""
    query = clean_query(query)
    if not query:
        return []
    pages = searchable_public_pages().filter(locale=locale)
    results = pages.autocomplete(query, backend="default")
    matched = results.get_queryset().filter(alias_of__isnull=True)
    rows = matched.values_list("title", "herostorypage__hero_name")[: limit * 2]
    seen, found = set(), []
    for title, hero_name in rows:
        name = hero_name or title
        if name.lower() not in seen:
            seen.add(name.lower())
            found.append(name)
    return found[:limit]
