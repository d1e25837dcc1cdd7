"""What a search writes: its hit in the query statistics (Wagtail's and per language)."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import SearchTermDailyHits


def record_search(query, *, locale, found):
    """Count one search of `query` in `locale` today, and whether it found nothing.

    Wagtail's `Query.get(…).add_hit()` feeds the promoted results' admin (which queries are
    popular); SearchTermDailyHits keeps the language and the failures for the report.
    """
    from wagtail.contrib.search_promotions.models import Query
    from wagtail.search.utils import normalise_query_string

    query_string = normalise_query_string(query)
    if not query_string:
        return
    Query.get(query_string).add_hit()
    today = timezone.localdate()
    increments = {"hits": F("hits") + 1}
    if not found:
        increments["zero_result_hits"] = F("zero_result_hits") + 1
    day = SearchTermDailyHits.objects.filter(locale=locale, query_string=query_string, date=today)
    if day.update(**increments):
        return
    try:
        with transaction.atomic():
            SearchTermDailyHits.objects.create(
                locale=locale,
                query_string=query_string,
                date=today,
                hits=1,
                zero_result_hits=0 if found else 1,
            )
    except IntegrityError:  # another request made today's row first
        day.update(**increments)
