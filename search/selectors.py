"""Searching what the public may see: one definition the search page and the API share.

A search reads the live, public, non-alias pages of one locale (an untranslated alias carries
another language's words, and its source is found in its own language: never twice), through
the search backend (search/backend.py: each locale's own stemming on PostgreSQL). Around the
matches it counts facets, each counted with every other chosen facet applied, so a count is
the number of results that choosing it gives. The text is matched once per search, and the
number of queries is the same whatever the page size or the number of pages found.
"""

import difflib
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchHeadline, TrigramWordSimilarity
from django.core.cache import cache
from django.db import connection
from django.db.models import F, FloatField, Func, OuterRef, TextField, Value
from django.db.models.functions import Greatest
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modelsearch.backends import get_search_backend
from taggit.models import Tag

from cms.core import cache as public_cache
from cms.core.search import clean_query
from cms.core.selectors import searchable_public_pages
from heroes.models import EventPage, HeroStoryPage, HeroStoryTag, MissionHubPage

#: What a did-you-mean suggestion must resemble a title or a hero's name (pg_trgm, 0 to 1).
SUGGESTION_SIMILARITY = 0.3
#: Values listed per facet (the most frequent first).
FACET_SIZE = 20
#: How long what a search found is kept for its next pages and facets (a publish ends it
#: sooner), and up to how many pages (about 21 bytes each in the cache: 210 KB at most). A
#: search that finds more is matched again each time. The cache fills no faster than
#: searches are matched (about 1 MB a second a core, for two minutes).
FOUND_CACHE_SECONDS = 2 * 60
FOUND_CACHE_MAX_PAGES = 10_000

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

    The text is matched once: one query reads every page found, best first, with what its
    facets need (type, countries, place in the tree, category, tags). The chosen facets, the
    count, each facet's counts and the page of results are then worked out from those rows,
    and only the page shown is read in full.
    """
    filters = filters or SearchFilters()
    outcome = SearchOutcome(query=clean_query(query), locale=locale)
    if not outcome.query:
        return outcome
    backend = get_search_backend()
    base = searchable_public_pages().filter(locale=locale)
    search_results = base.search(outcome.query, backend="default")
    matched = search_results.get_queryset().filter(alias_of__isnull=True)  # best first
    hubs = _hubs(locale)
    found = _found_once(matched, hubs, query=outcome.query, locale=locale)

    outcome.promoted = promotions(outcome.query, locale=locale)
    promoted_ids = {item.page.pk for item in outcome.promoted if item.page is not None}

    tests = _tests(filters)
    listed = [
        page
        for page in found
        if page.pk not in promoted_ids and all(test(page) for test in tests.values())
    ]
    outcome.count = len(listed)
    outcome.results = _shown(
        base,
        [page.pk for page in listed[offset : offset + limit]],
        headline=SearchHeadline(
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
        if connection.vendor == "postgresql"
        else None,
    )
    for result in outcome.results:
        result.search_excerpt = _excerpt(result, outcome.query)

    for name in FACETS:
        others = [test for other, test in tests.items() if other != name]
        pages = [page for page in found if all(test(page) for test in others)]
        outcome.facets[name] = _FACET_COUNTERS[name](pages, filters=filters, hubs=hubs)
    if outcome.count == 0 and not outcome.promoted:
        outcome.did_you_mean = did_you_mean(outcome.query, locale=locale)
    return outcome


class _Found(NamedTuple):
    """A page found, with what its facets read."""

    pk: int
    type: str
    countries: tuple  # ISO codes, each once
    mission: int | None  # the pk of the mission hub it is under
    category: tuple | None  # (slug, name)
    tags: tuple  # slugs


#: What a page found tells its facets, in _Found's order (its tags follow).
_FOUND_FIELDS = (
    "pk",
    "content_type_id",
    "path",
    "depth",
    "herostorypage__country_of_origin",
    "herostorypage__country_of_residence",
    "eventpage__country",
    "missionhubpage__country",
    "herostorypage__category__slug",
    "herostorypage__category__name",
)


def _found_once(matched, hubs, *, query, locale):
    """`_found`, kept in the shared cache for the current content generation: the next page
    of results, a facet chosen, or the same search by another reader reads it there instead
    of matching the text again. Whatever changes what a search finds (a publish, a privacy
    change, a category renamed) starts a new generation (cms.core.cache)."""
    digest = hashlib.sha256(query.encode()).hexdigest()
    key = f"search-found:{public_cache.current_generation()}:{locale.pk}:{digest}"
    found = cache.get(key)
    if found is None:
        found = _found(matched, hubs)
        if len(found) <= FOUND_CACHE_MAX_PAGES:
            cache.set(key, found, FOUND_CACHE_SECONDS)
    return found


def _found(matched, hubs):
    """[_Found] for every page `matched` finds, best first: one query, whatever they number."""
    types = {pk: name for name, pk in _content_type_ids().items()}
    missions = _MissionFinder(hubs)
    tags = HeroStoryTag.objects.order_by("tag__slug")
    if connection.vendor == "postgresql":  # each page's tags in the same query
        rows = matched.annotate(
            tag_slugs=ArraySubquery(
                tags.filter(content_object_id=OuterRef("pk")).values("tag__slug")
            )
        ).values_list(*_FOUND_FIELDS, "tag_slugs")
    else:  # SQLite (the demo): in a query of their own
        slugs = {}
        for page_pk, slug in tags.filter(content_object_id__in=matched.values("pk")).values_list(
            "content_object_id", "tag__slug"
        ):
            slugs.setdefault(page_pk, []).append(slug)
        rows = [(*row, slugs.get(row[0], ())) for row in matched.values_list(*_FOUND_FIELDS)]
    other = OTHER_TYPE[0]
    # Equal values are made one object, which the cache's pickle then writes once: about 21
    # bytes a page instead of 66.
    one = {}.setdefault
    found = []
    for pk, content_type_id, path, depth, *codes, category_slug, category_name, tags in rows:
        countries = tuple(sorted(set(codes) - {None, ""}))
        category = (category_slug, category_name) if category_slug else None
        found.append(
            _Found(
                pk,
                types.get(content_type_id, other),
                one(countries, countries),
                missions.of(path, depth),
                one(category, category),
                one(tuple(tags), tuple(tags)),
            )
        )
    return found


class _MissionFinder:
    """The mission hub (of `hubs`) a page is under, by its path: no query."""

    def __init__(self, hubs):
        self.hubs = {}
        for hub in hubs.values():
            self.hubs.setdefault(len(hub.path), {})[hub.path] = hub

    def of(self, path, depth):
        for length, by_path in self.hubs.items():
            hub = by_path.get(path[:length])
            if hub is not None and depth > hub.depth:
                return hub.pk
        return None


def _tests(filters):
    """{facet: test of a _Found} for the chosen facets (an unknown value matches nothing)."""
    tests = {}
    if filters.type:
        tests["type"] = lambda page: page.type == filters.type
    if filters.country:
        code = filters.country.upper()
        tests["country"] = lambda page: code in page.countries
    if filters.mission is not None:
        tests["mission"] = lambda page: page.mission == filters.mission
    if filters.category:
        tests["category"] = lambda page: (
            page.category is not None and page.category[0] == filters.category
        )
    if filters.tag:
        tests["tag"] = lambda page: filters.tag in page.tags
    return tests


def _shown(public, pks, *, headline):
    """The pages `pks` of `public` (the public pages searched), specific, in that order, each
    with its `search_headline`. Read through the public rule again, so what is shown is
    public now, whatever was kept."""
    if not pks:
        return []
    pages = public.filter(pk__in=pks)
    if headline is not None:
        pages = pages.annotate(search_headline=headline)
    position = {pk: number for number, pk in enumerate(pks)}
    return sorted(pages.specific(), key=lambda page: position[page.pk])


def _hubs(locale):
    from heroes.selectors import public_missions

    hubs = public_missions().filter(locale=locale).only("pk", "title", "path", "depth")
    return {hub.pk: hub for hub in hubs}


def _content_type_ids():
    from django.contrib.contenttypes.models import ContentType

    return {
        name: ContentType.objects.get_for_model(model).pk for name, (model, _l) in TYPES.items()
    }


def _count_types(pages, *, filters, hubs):
    counts = Counter(page.type for page in pages)
    labels = {name: label for name, (_model, label) in TYPES.items()}
    labels[OTHER_TYPE[0]] = OTHER_TYPE[1]
    return [
        FacetValue(name, str(labels[name]), counts[name], filters.type == name)
        for name in labels
        if counts.get(name)
    ]


def _count_countries(pages, *, filters, hubs):
    """A story counts for both its countries (once when they are the same)."""
    counts = Counter(code for page in pages for code in page.countries)
    chosen = filters.country.upper()
    return _top(
        FacetValue(code, str(countries.name(code)), n, code == chosen) for code, n in counts.items()
    )


def _count_missions(pages, *, filters, hubs):
    counts = Counter(page.mission for page in pages if page.mission is not None)
    return _top(
        FacetValue(pk, hubs[pk].title, n, pk == filters.mission)
        for pk, n in counts.items()
        if pk in hubs  # else made private since its pages were found
    )


def _count_categories(pages, *, filters, hubs):
    counts = Counter(page.category for page in pages if page.category is not None)
    return _top(
        FacetValue(slug, name, n, slug == filters.category) for (slug, name), n in counts.items()
    )


def _count_tags(pages, *, filters, hubs):
    counts = Counter(slug for page in pages for slug in page.tags)
    if not counts:
        return []
    names = dict(Tag.objects.filter(slug__in=counts).values_list("slug", "name"))
    return _top(
        FacetValue(slug, names.get(slug, slug), n, slug == filters.tag)
        for slug, n in counts.items()
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
