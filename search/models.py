from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchTermDailyHits(models.Model):
    """How often a query was searched in one language on one day, and how often it found
    nothing: the admin's report of popular and zero-result queries per language.

    Wagtail's search_promotions `Query` counts hits too (its promotions admin reads them),
    but knows no language and no failures; this is the campaign's own per-language count.
    """

    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("locale")
    )
    query_string = models.CharField(max_length=255, verbose_name=_("search term"))
    date = models.DateField(verbose_name=_("date"))
    hits = models.PositiveIntegerField(default=0, verbose_name=_("searches"))
    zero_result_hits = models.PositiveIntegerField(
        default=0, verbose_name=_("searches without results")
    )

    class Meta:
        verbose_name = _("search term's daily hits")
        verbose_name_plural = _("search terms' daily hits")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "query_string", "date"], name="search_term_day_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.query_string} ({self.date})"
