"""Forms of the Wagtail admin for the campaign's own models (not pages)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminPageChooser

from heroes import permissions
from heroes.models import HeroStoryPage
from heroes.services import story_of_the_month


class MultiplierForm(WagtailAdminModelForm):
    """A multiplier is filed under one of the user's own missions (MCD: any mission)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        missions = permissions.missions_of(self.for_user)
        self.fields["mission"].queryset = missions
        if missions.count() == 1:
            self.fields["mission"].initial = missions.get()


class StoryOfTheMonthProposalForm(WagtailAdminModelForm):
    """A mission's proposal: the rules are the service's, the form reports them per field."""

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
            story_of_the_month.check_story_of_the_month_proposal(
                user=self.for_user, story=cleaned["story"], month=cleaned["month"]
            )
        except ValidationError as error:
            self._update_errors(error)
        except PermissionDenied as error:
            self.add_error("story", str(error))
        return cleaned
