from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class CampaignDocument(AbstractDocument):
    """A document of the campaign (info sheet, donor sheet, press kit …)."""

    description = models.TextField(
        blank=True,
        verbose_name=_("description"),
        help_text=_("One or two sentences shown where the document is listed."),
    )

    admin_form_fields = (*Document.admin_form_fields, "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
