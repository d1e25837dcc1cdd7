"""IOM Goodwill Ambassadors: "Selected Migrant Heroes will become IOM Goodwill Ambassadors".

MCD marks a hero story with the date the hero became an ambassador and a citation (why they
were selected). The mark is a fact about the hero, not words of the story, so it is kept
apart from the story's revisions: no draft, revert or endorsement can add or drop it, and a
mission editor, who edits the story, cannot set it. It holds for every copy of the story at
once: it is kept under the story's *mark key*, the translation key its translations and its
aliases in the other languages share (`mark_key`). Its citation is translated with
wagtail-localize like any snippet (one row per language); its story and date are the same
in every language. Setting, changing and removing it are MCD's alone
(heroes.services.ambassadors), in the story's history and the audit log.
"""

from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from heroes.models.sections import SectionPage

AMBASSADORS_PER_PAGE = 12

#: The mark key of a page row in SQL: its alias source's translation key, else its own.
MARK_KEY = Coalesce(F("alias_of__translation_key"), F("translation_key"))


def mark_key(page):
    """The key every copy of `page` shares: an alias answers for the page it copies."""
    if page.alias_of_id:
        return (
            Page.objects.filter(pk=page.alias_of_id).values_list("translation_key", flat=True).get()
        )
    return page.translation_key


class GoodwillAmbassador(TranslatableMixin, models.Model):
    """A hero MCD made an IOM Goodwill Ambassador: one mark for every copy of their story."""

    story = models.ForeignKey(
        "heroes.HeroStoryPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("hero story"),
    )
    # The story's mark key (see mark_key), kept with the mark so every copy finds it.
    story_key = models.UUIDField(editable=False, db_index=True)
    since = models.DateField(
        verbose_name=_("Goodwill Ambassador since"),
        help_text=_("The day MCD made the hero an IOM Goodwill Ambassador."),
    )
    citation = models.TextField(
        max_length=600,
        verbose_name=_("citation"),
        help_text=_("Why the hero was selected, in two or three sentences: shown with the story."),
    )

    panels = [FieldPanel("story"), FieldPanel("since"), FieldPanel("citation")]
    # Translators translate the citation; the story and the date are the mark's, the same in
    # every language (not even overridable).
    override_translatable_fields = [
        SynchronizedField("story", overridable=False),
        SynchronizedField("since", overridable=False),
        TranslatableField("citation"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Goodwill Ambassador")
        verbose_name_plural = _("Goodwill Ambassadors")
        ordering = ["-since", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["story_key", "locale"],
                name="one_goodwill_ambassador_mark_per_language",
                violation_error_message=_("This hero is an IOM Goodwill Ambassador already."),
            )
        ]

    def __str__(self):
        return self.story.hero_name if self.story_id else str(self._meta.verbose_name)

    def save(self, *args, **kwargs):
        self.story_key = mark_key(self.story)
        super().save(*args, **kwargs)

    def pages_showing(self):
        """Every copy of the story (its badge and citation) and the Ambassadors page, in every
        language. The front cache purges them when the mark changes."""
        from cms.core.withdrawal import copies_of

        story = Page.objects.filter(pk=self.story_id)
        return story | copies_of(self.story) | Page.objects.type(AmbassadorsPage)

    def clean_fields(self, exclude=None):
        if self.story_id:
            self.story_key = mark_key(self.story)
        super().clean_fields(exclude=exclude)

    def validate_constraints(self, exclude=None):
        # The admin's form leaves the locale and the key out; the rule holds for them too.
        exclude = set(exclude or ()) - {"story_key", "locale"}
        super().validate_constraints(exclude=exclude)


class GoodwillAmbassadorDict(TypedDict):
    since: str
    citation: str
    citation_locale: str


def goodwill_ambassador_representation(mark) -> GoodwillAmbassadorDict | None:
    """A story's mark in the API: the date (ISO 8601) and the citation, with its language
    (the reader's when translated, else the default language's)."""
    if mark is None:
        return None
    return GoodwillAmbassadorDict(
        since=mark.since.isoformat(),
        citation=mark.citation,
        citation_locale=mark.locale.language_code,
    )


class GoodwillAmbassadorField(Field):
    """A story's Goodwill Ambassador mark (bind with ``source="*"``); null when it has none."""

    def to_representation(self, story) -> GoodwillAmbassadorDict | None:
        from heroes import selectors

        return goodwill_ambassador_representation(selectors.goodwill_ambassador_of(story))


class AmbassadorsPage(SectionPage):
    """The heroes who became IOM Goodwill Ambassadors, the most recent first."""

    class Meta:
        verbose_name = _("Goodwill Ambassadors page")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from heroes import selectors

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(
            selectors.goodwill_ambassadors(locale=self.locale), AMBASSADORS_PER_PAGE
        )
        page_obj = paginator.get_page(request.GET.get("page"))
        context["page_obj"] = page_obj
        context["ambassadors"] = selectors.with_goodwill_ambassador_marks(
            page_obj.object_list, locale=self.locale
        )
        context["story_index"] = selectors.story_index(locale=self.locale)
        return context
