"""The write API's forms report every model error under its field's name, never a crash.

Wagtail's write API (pages and snippets) binds a model's admin form narrowed to the fields a
request may write, and for a PATCH to those it sends. A model's `clean()` may name a field
that narrowed form does not have (a story's `photo` whose consent was withdrawn, campaign
material without its `document`), and Django's forms refuse to report an error on a field
they lack (ValueError, a 500). `ReportsEveryField` files such an error under the field's
name all the same, so the API answers a 422 problem naming it (`"loc": ["document"]`). The
admin's forms show every field: nothing changes for them.

A page model gets it through `api_base_form_class` (cms.core.consent.ConsentCheckedMixin), a
snippet through the base form of its viewset's edit handler.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


class ReportsEveryField:
    """A form mixin: a model error about a field the form lacks is filed under that field."""

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            missing = [
                name
                for name in error.error_dict
                if name not in self.fields and name != NON_FIELD_ERRORS
            ]
            for name in missing:
                errors = self._errors.setdefault(name, self.error_class(renderer=self.renderer))
                errors.extend(error.error_dict.pop(name))
            if not error.error_dict:
                return
        super().add_error(field, error)


class ModelFormReportingEveryField(ReportsEveryField, WagtailAdminModelForm):
    """A snippet's admin form, for the write API too."""


class PageFormReportingEveryField(ReportsEveryField, WagtailAdminPageForm):
    """A page's admin form, for the write API too."""
