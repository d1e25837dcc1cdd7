from typing import Literal

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from rest_framework.fields import Field
from typing_extensions import TypedDict
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail_localize.fields import TranslatableField

from cms.core.models.users import acting_user_field
from cms.core.storage import WholeFileSystemStorage
from heroes.models.sections import INTRO_FEATURES, SectionPage


def private_storage():
    """Uploads the public sends us: never served.

    On disk, outside MEDIA_ROOT (PRIVATE_MEDIA_ROOT); on object storage, the private bucket
    (STORAGES["private"], cms/settings/base.py).
    """
    if "private" in settings.STORAGES:
        return storages["private"]
    # A photo the disk has no room for leaves no half-written file behind.
    return WholeFileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


class NominationStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    ACCEPTED = "accepted", _("Accepted: a story will be written")
    DECLINED = "declined", _("Declined")
    DUPLICATE = "duplicate", _("Duplicate of another nomination")


# What the public fills in (the photo apart): the site's form, the API and the review share it.
SUBMITTED_FIELDS = (
    "hero_name",
    "country",
    "country_of_origin",
    "story",
    "photo_consent",
    "nominator_name",
    "nominator_email",
    "nominator_phone",
    "relationship",
    "agrees_to_be_credited",
)


class Nomination(models.Model):
    """A hero nominated by the public. Personal data: never published, only reviewed.

    The mission of the hero's country and MCD review it; a story may come of it, written
    by the mission (with the nominator credited only if they agreed).
    """

    # The hero
    hero_name = models.CharField(max_length=255, verbose_name=_("hero's name"))
    country = CountryField(
        verbose_name=_("country where the hero lives"),
        help_text=_("The campaign's office in that country reviews the nomination."),
    )
    country_of_origin = CountryField(blank=True, verbose_name=_("hero's country of origin"))
    story = models.TextField(max_length=5000, verbose_name=_("why they are a hero"))
    photo = models.ImageField(
        upload_to="nominations/%Y/%m/",
        storage=private_storage,
        blank=True,
        verbose_name=_("photo of the hero"),
    )
    photo_consent = models.BooleanField(
        default=False, verbose_name=_("the person in the photo agreed to send it")
    )
    # The nominator
    nominator_name = models.CharField(max_length=255, verbose_name=_("your name"))
    nominator_email = models.EmailField(verbose_name=_("your email"))
    nominator_phone = models.CharField(max_length=50, blank=True, verbose_name=_("your phone"))
    relationship = models.CharField(
        max_length=255, blank=True, verbose_name=_("how you know the hero")
    )
    agrees_to_be_credited = models.BooleanField(
        default=False, verbose_name=_("credit me by name if the story is published")
    )
    # The review
    mission = models.ForeignKey(
        "heroes.Mission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
        verbose_name=_("mission"),
    )
    language = models.CharField(max_length=10, editable=False, default="en")
    status = models.CharField(
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.NEW,
        verbose_name=_("status"),
    )
    review_note = models.TextField(blank=True, verbose_name=_("review note (internal)"))
    reviewed_by = acting_user_field()
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The criteria of a Migrant Hero the reviewer found the hero meets
    # (heroes.services.criteria): [{"id": criterion's id, "title": its title when ticked}].
    criteria_met = models.JSONField(
        default=list, blank=True, editable=False, verbose_name=_("criteria the hero meets")
    )
    # What came of it (heroes.services.review: accept_nomination, mark_nomination_duplicate)
    hero_story = models.ForeignKey(
        "heroes.HeroStoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
        editable=False,
        verbose_name=_("story drafted from it"),
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        editable=False,
        verbose_name=_("duplicate of"),
    )
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    panels = [FieldPanel("status"), FieldPanel("review_note")]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("public nomination")
        verbose_name_plural = _("public nominations")
        permissions = [("review_nomination", _("Can review public nominations"))]

    def __str__(self):
        return f"{self.hero_name} ({self.country.name})"


class FormChoiceDict(TypedDict):
    value: str
    label: str


class FormFieldDict(TypedDict):
    name: str
    type: Literal["text", "textarea", "email", "select", "checkbox", "file"]
    required: bool
    max_length: int | None
    label: str
    help_text: str
    choices: list[FormChoiceDict] | None
    accept: str | None


class NominationFormFields(Field):
    """The nomination form's fields, labelled in the page's language (heroes.forms)."""

    def to_representation(self, page) -> list[FormFieldDict]:
        from heroes.forms import nomination_form_fields

        with translation.override(page.locale.language_code):
            return nomination_form_fields()


class NominatePage(SectionPage):
    """The public nomination form: a hero's name, country, story and photo."""

    thank_you = RichTextField(
        blank=True,
        features=INTRO_FEATURES,
        verbose_name=_("thank-you message"),
        help_text=_("Shown after a nomination is sent."),
    )

    content_panels = [*SectionPage.content_panels, FieldPanel("thank_you")]
    override_translatable_fields = [
        *SectionPage.override_translatable_fields,
        TranslatableField("thank_you"),
    ]

    # A headless site renders the form from `form_fields` and posts it, multipart, to
    # POST /api/v3/nominations/; `thank_you` is what to show once it is accepted (202).
    api_fields = [
        APIField("intro"),
        APIField("thank_you"),
        APIField("form_fields", serializer=NominationFormFields(source="*")),
    ]

    class Meta:
        verbose_name = _("nomination form page")

    def get_context(self, request, *args, **kwargs):
        from heroes import selectors

        context = super().get_context(request, *args, **kwargs)
        context["criteria"] = selectors.nomination_criteria(locale=self.locale)
        return context

    def serve(self, request, *args, **kwargs):
        from heroes.views import serve_nominate_page

        return serve_nominate_page(self, request)
