from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class MultiplierKind(models.TextChoices):
    ACADEMIC = "academic", _("Academic")
    SCHOOL = "school", _("School")
    JOURNALIST = "journalist", _("Journalist")
    ART_CENTRE = "art_centre", _("Art centre")
    DONOR = "donor", _("Donor")
    NATIONAL_PARTNER = "national_partner", _("National partner")
    OTHER = "other", _("Other")


class Multiplier(index.Indexed, models.Model):
    """Someone who helps a mission promote the campaign. Private to that mission and MCD.

    Personal data: never in a page, the API, a feed or any other public output.
    """

    mission = models.ForeignKey(
        "heroes.Mission",
        on_delete=models.CASCADE,
        related_name="multipliers",
        verbose_name=_("mission"),
    )
    name = models.CharField(max_length=255, verbose_name=_("name"))
    kind = models.CharField(max_length=20, choices=MultiplierKind.choices, verbose_name=_("kind"))
    organisation = models.CharField(max_length=255, blank=True, verbose_name=_("organisation"))
    email = models.EmailField(blank=True, verbose_name=_("email"))
    phone = models.CharField(max_length=50, blank=True, verbose_name=_("phone"))
    notes = models.TextField(blank=True, verbose_name=_("notes"))
    consents_to_contact = models.BooleanField(
        default=False,
        verbose_name=_("agreed to be contacted"),
        help_text=_("Only people who agreed are included in mail-outs."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("mission"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("consents_to_contact"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("notes"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("organisation"),
        index.AutocompleteField("name"),
        index.FilterField("mission"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("multiplier")
        verbose_name_plural = _("multipliers")

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name
