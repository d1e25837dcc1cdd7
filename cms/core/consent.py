"""Consent before publishing a face or a voice: one rule for every use of an image or recording.

An image may be shown to the public only once the pictured person's consent is recorded on
it (`CampaignImage.has_publishable_consent`); an audio or video recording (a document, such
as a testimony's, cms.core.blocks.testimony) only once the recorded person's consent is
recorded on it (`CampaignDocument.has_publishable_consent`; other documents record nobody).
The rule holds in two places, for every field that holds an image or a document, StreamField
blocks and rich text included:

- **Saving** a page (or any model calling `validate_consent`) that uses an image without
  consent is refused, with the field named: the admin, the write API and translations alike.
- **Showing**: every public output reads images through `publishable()` (templates through
  the `publishable` filter, the API through `cms.core.api_fields.image_representation`), so
  an image whose consent is withdrawn later disappears from every page, listing, feed and
  share card on the next request, in every language: the page stays, without the image.
  A recording is also refused by the document view (`refuse_unconsented_recording`) to
  anyone who may not edit it, so its address stops working too.

Withdrawing consent on an image deletes its renditions (the public files), empties the public
cache, purges the pages that use it from the front cache, and sends `consent_withdrawn` so
the missions concerned and MCD are told (heroes.notifications). Withdrawing it on a recording
empties the caches the same way; `consent_withdrawn` is for images only (its mail speaks of
a photo).
"""

import django.dispatch
from django.core.exceptions import ValidationError
from django.db.models.signals import post_save, pre_save
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from cms.core.api_forms import PageFormReportingEveryField

#: Sent when an image used by pages loses its consent: `image`, `pages` (the live pages, of
#: any locale, that used it).
consent_withdrawn = django.dispatch.Signal()

CONSENT_MISSING = _(
    "Record the pictured person's consent on this photo first (Images → the photo → consent)."
)
RECORDING_CONSENT_MISSING = _(
    "Record the speaker's consent on this recording first (Documents → the recording → consent)."
)


def publishable(image):
    """`image` if the public may see it, else None."""
    if image is None or not getattr(image, "has_publishable_consent", True):
        return None
    return image


def _image_model():
    from wagtail.images import get_image_model

    return get_image_model()


def _document_model():
    from wagtail.documents import get_document_model

    return get_document_model()


def image_ids_used_by(instance):
    """{field name: {image id, …}} for every image `instance` uses, blocks and rich text too."""
    return _ids_used_by(instance, _image_model())


def _ids_used_by(instance, used_model):
    used = {}
    for field in instance._meta.get_fields():
        if field.is_relation and field.many_to_one and field.related_model is used_model:
            value = getattr(instance, field.attname, None)
            if value is not None:
                used.setdefault(field.name, set()).add(int(value))
        elif hasattr(field, "extract_references") and not field.is_relation:
            value = field.value_from_object(instance)
            if value is None:
                continue
            for model, object_id, _model_path, _content_path in field.extract_references(value):
                if issubclass(model, used_model):
                    used.setdefault(field.name, set()).add(int(object_id))
    return used


def validate_consent(instance):
    """Raise ValidationError, field by field, if `instance` uses an image or a recording
    without consent."""
    errors = {}
    for model, message in (
        (_image_model(), CONSENT_MISSING),
        (_document_model(), RECORDING_CONSENT_MISSING),
    ):
        used = _ids_used_by(instance, model)
        if not used:
            continue
        lacking = {
            item.pk: item
            for item in model.objects.filter(pk__in=set().union(*used.values()))
            if not item.has_publishable_consent
        }
        for field, ids in used.items():
            errors.setdefault(field, []).extend(
                f"“{lacking[pk].title}”: {message}" for pk in sorted(ids & lacking.keys())
            )
    errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors)


def refuse_unconsented_recording(document, request):
    """Wagtail's `before_serve_document` hook: a recording without consent is not found,
    except by those who may edit it."""
    if publishable(document) is None and not document.is_editable_by_user(request.user):
        raise Http404


class ConsentCheckedMixin:
    """A page mixin: the page cannot be saved with an image lacking consent, in any field.

    Its errors name the field holding the image, which the write API's form may not show:
    that form reports them by the field's name all the same (cms.core.api_forms).
    """

    api_base_form_class = PageFormReportingEveryField

    def clean(self):
        super().clean()
        validate_consent(self)


def pages_using(image):
    """The live pages, in every locale, that use `image` (Wagtail's reference index)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page_ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).live().specific()


# Withdrawal --------------------------------------------------------------------------------


def _remember_consent(sender, instance, **kwargs):
    if instance.pk is None:
        instance._had_consent = False
        return
    before = sender.objects.filter(pk=instance.pk).values_list("consent", flat=True).first()
    instance._had_consent = before is not None and sender.consent_allows_publication(before)


def _consent_changed(sender, instance, created=False, **kwargs):
    if created or not getattr(instance, "_had_consent", False):
        return
    if instance.has_publishable_consent:
        return
    withdraw_consent(instance)


def withdraw_consent(image):
    """Take `image` (or a recording) out of every public output at once, and tell the
    pages' owners of an image."""
    from cms.core.cache import invalidate_now_and_on_commit
    from cms.core.withdrawal import purge_from_front_cache

    if hasattr(image, "renditions"):
        image.renditions.all().delete()  # Wagtail deletes the files with the rows
    invalidate_now_and_on_commit()
    pages = list(pages_using(image))
    if pages:
        from wagtail.models import Page

        purge_from_front_cache(Page.objects.filter(pk__in=[page.pk for page in pages]))
    if isinstance(image, _image_model()):
        consent_withdrawn.send(sender=type(image), image=image, pages=pages)


def connect_signals():
    for model in (_image_model(), _document_model()):
        label = model._meta.label_lower
        pre_save.connect(_remember_consent, sender=model, dispatch_uid=f"remember-consent-{label}")
        post_save.connect(_consent_changed, sender=model, dispatch_uid=f"consent-withdrawn-{label}")
