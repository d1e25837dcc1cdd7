"""Forms of the Wagtail admin for the campaign's own models (not pages)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminPageChooser

from heroes import services
from heroes.models import HeroStoryPage, Mission


def missions_of(user):
    """The missions a user works for; MCD (and superusers) work for all of them."""
    if user.is_superuser or user.has_perm("heroes.pick_storyofthemonth"):
        return Mission.objects.all()
    return Mission.objects.for_user(user)


class MultiplierForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        missions = missions_of(self.for_user)
        self.fields["mission"].queryset = missions
        if missions.count() == 1:
            self.fields["mission"].initial = missions.get()


class StoryOfTheMonthForm(WagtailAdminModelForm):
    """A mission's nomination: the rules are the service's, the form reports them per field."""

    month = forms.DateField(
        label=_("Month"),
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
        help_text=_("The month the story is the story of."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["story"].widget = AdminPageChooser(target_models=[HeroStoryPage])

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            services.check_nomination(
                user=self.for_user, story=cleaned["story"], month=cleaned["month"]
            )
        except ValidationError as error:
            self._update_errors(error)
        except PermissionDenied as error:
            self.add_error("story", str(error))
        return cleaned
