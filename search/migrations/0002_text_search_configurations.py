"""PostgreSQL: accents folded (unaccent), trigram similarity for "did you mean" (pg_trgm), and
a text-search configuration per language that folds accents before its stemmer.

`migrantheroes_<language>` copies PostgreSQL's own configuration of the language (its parser
and stop words) and maps words through unaccent first, so "infirmières réfugiées" and
"infirmiere refugiee" stem alike. Arabic keeps its own mapping: unaccent folds Latin accents
and would change no Arabic letter. `migrantheroes_simple` (no stemming) serves autocomplete
and any language without its own configuration (search/backend.py). An index on the entries' `title || body` serves the match. Nothing happens
on another database (the SQLite demo). Existing entries are indexed again with the new
configurations by `python manage.py update_index`.
"""

from django.db import migrations

STEMMED = {"english": "english_stem", "french": "french_stem", "spanish": "spanish_stem"}

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *[
        statement
        for language, stemmer in STEMMED.items()
        for statement in (
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS migrantheroes_{language}",
            f"CREATE TEXT SEARCH CONFIGURATION migrantheroes_{language} (COPY = {language})",
            f"ALTER TEXT SEARCH CONFIGURATION migrantheroes_{language} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}",
        )
    ],
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS migrantheroes_arabic",
    "CREATE TEXT SEARCH CONFIGURATION migrantheroes_arabic (COPY = arabic)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS migrantheroes_simple",
    "CREATE TEXT SEARCH CONFIGURATION migrantheroes_simple (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION migrantheroes_simple "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
    # Wagtail's backend matches `title || body @@ query`: this index answers it.
    "CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin "
    "ON wagtailsearch_indexentry USING gin ((title || body))",
]

DROP = [
    "DROP INDEX IF EXISTS search_indexentry_title_body_gin",
    *[
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS migrantheroes_{language}"
        for language in [*STEMMED, "arabic", "simple"]
    ],
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_term_daily_hits"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
