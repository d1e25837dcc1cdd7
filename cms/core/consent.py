"""Consent before publishing a face: one rule for every use of an image.

An image may be shown to the public only once the pictured person's consent is recorded on
it (`CampaignImage.has_publishable_consent`). The rule holds in two places, for every field
that holds an image, StreamField blocks and rich text included:

- **Saving** a page (or any model calling `validate_consent`) that uses an image without
  consent is refused, with the field named: the admin, the write API and translations alike.
- **Showing**: every public output reads images through `publishable()` (templates through
  the `publishable` filter, the API through `cms.core.api_fields.image_representation`), so
  an image whose consent is withdrawn later disappears from every page, listing, feed and
  share card on the next request, in every language: the page stays, without the image.

Withdrawing consent on an image deletes its renditions (the public files), empties the public
cache, purges the pages that use it from the front cache, and sends `consent_withdrawn` so
the missions concerned and MCD are told (heroes.notifications).
"""

import django.dispatch
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

#: Sent when an image used by pages loses its consent: `image`, `pages` (the live pages, of
#: any locale, that used it).
consent_withdrawn = django.dispatch.Signal()

CONSENT_MISSING = _(
    "Record the pictured person's consent on this photo first (Images → the photo → consent)."
)


def publishable(image):
    """`image` if the public may see it, else None."""
    if image is None or not getattr(image, "has_publishable_consent", True):
        return None
    return image


def _image_model():
    from wagtail.images import get_image_model

    return get_image_model()


def image_ids_used_by(instance):
    """{field name: {image id, …}} for every image `instance` uses, blocks and rich text too."""
    image_model = _image_model()
    used = {}
    for field in instance._meta.get_fields():
        if field.is_relation and field.many_to_one and field.related_model is image_model:
            value = getattr(instance, field.attname, None)
            if value is not None:
                used.setdefault(field.name, set()).add(int(value))
        elif hasattr(field, "extract_references") and not field.is_relation:
            value = field.value_from_object(instance)
            if value is None:
                continue
            for model, object_id, _model_path, _content_path in field.extract_references(value):
                if issubclass(model, image_model):
                    used.setdefault(field.name, set()).add(int(object_id))
    return used


def validate_consent(instance):
    """Raise ValidationError, field by field, if `instance` uses an image without consent."""
    used = image_ids_used_by(instance)
    if not used:
        return
    all_ids = set().union(*used.values())
    lacking = {
        image.pk: image
        for image in _image_model().objects.filter(pk__in=all_ids)
        if not image.has_publishable_consent
    }
    errors = {
        field: [f"“{lacking[pk].title}”: {CONSENT_MISSING}" for pk in sorted(ids & lacking.keys())]
        for field, ids in used.items()
        if ids & lacking.keys()
    }
    if errors:
        raise ValidationError(errors)


class PageFormReportingEveryField(WagtailAdminPageForm):
    """A page form that reports a model error about a field it does not show, by name.

    Wagtail's write API builds a page's form from the fields a request sends; a PATCH of the
    title alone, on a story whose photo has since lost its consent, makes the model's
    `clean()` (the consent rule) name `photo`, which Django's forms refuse to report on a
    form without that field (a 500). Such errors are reported as errors of the whole page.
    """

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            for name in [name for name in error.error_dict if name not in self.fields]:
                if name == NON_FIELD_ERRORS:
                    continue
                messages = error.error_dict.pop(name)
                super().add_error(
                    None, [f"{name}: {message}" for item in messages for message in item]
                )
            if not error.error_dict:
                return
        super().add_error(field, error)


class ConsentCheckedMixin:
    """A page mixin: the page cannot be saved with an image lacking consent, in any field.

    Its errors name the field holding the image, which the write API's form may not show.
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
    """Take `image` out of every public output at once, and tell the pages' owners."""
    from cms.core.cache import invalidate_now_and_on_commit
    from cms.core.withdrawal import purge_from_front_cache

    image.renditions.all().delete()  # Wagtail deletes the files with the rows
    invalidate_now_and_on_commit()
    pages = list(pages_using(image))
    if pages:
        from wagtail.models import Page

        purge_from_front_cache(Page.objects.filter(pk__in=[page.pk for page in pages]))
    consent_withdrawn.send(sender=type(image), image=image, pages=pages)


def connect_signals():
    image_model = _image_model()
    pre_save.connect(_remember_consent, sender=image_model, dispatch_uid="remember-consent")
    post_save.connect(_consent_changed, sender=image_model, dispatch_uid="consent-withdrawn")
