"""The search backend: Wagtail's database backend, speaking each page's language.

On PostgreSQL a page is indexed with the text-search configuration of its own locale
(`migrantheroes_french` for a French page: French stemming, accents folded), and a query
is read with the configuration of the locale it searches: the `locale` its queryset is
filtered on, else the active language. One backend, one index table: the language rides
on each entry, not on a backend per language (several database backends would share and
overwrite the same index rows).

`SEARCH_CONFIGS` in the backend's settings maps language codes to configurations;
`SEARCH_CONFIG` is the one for any other language. The configurations are made by
search/migrations/0002 (unaccent + each language's Snowball stemmer).

On SQLite (the demo) and other databases this is Wagtail's own database backend, unchanged:
SQLite's FTS5 matches whole words without stemming in any language.
"""

import copy

from django.db import connection
from django.db.models.lookups import Exact
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

#: Language code -> the PostgreSQL text-search configuration its pages are indexed with.
DEFAULT_SEARCH_CONFIGS = {
    "en": "migrantheroes_english",
    "fr": "migrantheroes_french",
    "es": "migrantheroes_spanish",
    "ar": "migrantheroes_arabic",
}
#: Any other language: no stemming, accents folded.
DEFAULT_SEARCH_CONFIG = "migrantheroes_simple"


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    return DatabaseSearchBackend(params)


def _language_of_locale_id(locale_id):

    return _LOCALE_LANGUAGES.get(locale_id) or _refresh_locale_languages().get(locale_id)


def _refresh_locale_languages():
    from wagtail.models import Locale

    _LOCALE_LANGUAGES.clear()
    _LOCALE_LANGUAGES.update(Locale.objects.values_list("pk", "language_code"))
    return _LOCALE_LANGUAGES


_LOCALE_LANGUAGES = {}


def locale_filtered_on(queryset):
    """The locale id an `exact` filter of `queryset` names at its top level, or None."""
    where = queryset.query.where
    if where.connector != "AND" or where.negated:
        return None
    for child in where.children:
        if (
            isinstance(child, Exact)
            and getattr(getattr(child.lhs, "target", None), "name", None) == "locale"
        ):
            value = child.rhs
            return getattr(value, "pk", value)
    return None


_BACKEND_CLASS = None


def _postgres_backend_class():
    """The PostgreSQL classes, built on first use (they import PostgreSQL-only modules)."""
    global _BACKEND_CLASS
    if _BACKEND_CLASS is not None:
        return _BACKEND_CLASS

    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class LanguageMixin:
        def get_config(self, backend):
            return backend.config_for_queryset(self.queryset)

        def tsquery(self, backend):
            """The tsquery this search matches with (for highlighting its words)."""
            return self.build_tsquery(self.query, config=self.get_config(backend))

    class LocalisedSearchQueryCompiler(LanguageMixin, PostgresSearchQueryCompiler):
        pass

    class LocalisedAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
        """Prefixes, without stemming, in any language: the backend's autocomplete config."""

    class LocalisedIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index each object with the configuration of its locale's language."""
            by_config = {}
            for obj in objs:
                by_config.setdefault(self.backend.config_for_object(obj), []).append(obj)
            for config, group in by_config.items():
                PostgresIndex(self.backend.with_config(config)).add_items(model, group)

    class LocalisedPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LocalisedSearchQueryCompiler
        autocomplete_query_compiler_class = LocalisedAutocompleteQueryCompiler
        index_class = LocalisedIndex

        def __init__(self, params):
            super().__init__(params)
            self.configs = {**DEFAULT_SEARCH_CONFIGS, **params.get("SEARCH_CONFIGS", {})}
            self.config = params.get("SEARCH_CONFIG", DEFAULT_SEARCH_CONFIG)
            self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", DEFAULT_SEARCH_CONFIG)

        def config_for_language(self, language_code):
            if not language_code:
                return self.config
            return (
                self.configs.get(language_code)
                or self.configs.get(language_code.split("-")[0])
                or self.config
            )

        def config_for_object(self, obj):
            locale_id = getattr(obj, "locale_id", None)
            if locale_id is None:
                return self.config
            return self.config_for_language(_language_of_locale_id(locale_id))

        def config_for_queryset(self, queryset):
            locale_id = locale_filtered_on(queryset)
            if locale_id is not None:
                return self.config_for_language(_language_of_locale_id(locale_id))
            return self.config_for_language(translation.get_language())

        def with_config(self, config):
            """This backend, indexing with `config` (Wagtail's indexer reads `backend.config`)."""
            clone = copy.copy(self)
            clone.config = config
            return clone

    _BACKEND_CLASS = LocalisedPostgresSearchBackend
    return _BACKEND_CLASS
