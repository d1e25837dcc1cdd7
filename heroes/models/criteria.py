"""Who is a Migrant Hero? The campaign's criteria (the guidelines' FAQ, steps 2 and 5).

One ordered list per language, kept by MCD and translated with wagtail-localize: the
nomination page shows it to the public, the API serves it
(`GET /api/v3/nominations/criteria/`), the "Add a story" screen shows it to the missions,
and a nomination's reviewer ticks the criteria the hero meets. Each criterion keeps its id
(its block's) in every language, so a tick holds whatever language it is read in.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField


class CriterionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("criterion"))
    explanation = blocks.TextBlock(label=_("explanation"))

    class Meta:
        icon = "tick"
        label = _("Criterion")


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    explanation: str


class NominationCriteria(TranslatableMixin, models.Model):
    """The criteria of a Migrant Hero, in one language: a heading, an intro, the list."""

    heading = models.CharField(max_length=255, verbose_name=_("heading"))
    intro = models.TextField(blank=True, verbose_name=_("intro"))
    criteria = StreamField([("criterion", CriterionBlock())], min_num=1, verbose_name=_("criteria"))

    panels = [FieldPanel("heading"), FieldPanel("intro"), FieldPanel("criteria")]
    override_translatable_fields = [
        TranslatableField("heading"),
        TranslatableField("intro"),
        TranslatableField("criteria"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("nomination criteria")
        verbose_name_plural = _("nomination criteria")
        constraints = [
            models.UniqueConstraint(
                fields=["locale"],
                name="one_list_of_nomination_criteria_per_language",
                violation_error_message=_(
                    "This language has its criteria already: edit them, or translate the "
                    "criteria of another language."
                ),
            )
        ]

    def __str__(self):
        return self.heading

    def pages_showing(self):
        """The nomination page of every language (a language without criteria of its own
        shows another's). The front cache purges them when the criteria change."""
        from heroes.models.nominations import NominatePage

        return NominatePage.objects.all()

    def validate_constraints(self, exclude=None):
        # The admin's form leaves the locale out; one list per language holds all the same.
        super().validate_constraints(exclude=set(exclude or ()) - {"locale"})

    @property
    def items(self):
        """The criteria, in order, each with the id it keeps in every language."""
        return [
            Criterion(
                id=block.id, title=block.value["title"], explanation=block.value["explanation"]
            )
            for block in self.criteria
            if block.block_type == "criterion"
        ]
