"""Forms of the public site: the filters of the story index and of the calendar."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from heroes import selectors
from heroes.calendar import Month
from heroes.models import EventKind, MissionHubPage, Nomination
from heroes.models.nominations import SUBMITTED_FIELDS
from heroes.photos import clean_photo


def _country_choices(codes):
    """The countries among `codes`, named in the active language, in its alphabetical order."""
    return [("", _("All countries"))] + [(code, name) for code, name in countries if code in codes]


class FilterForm(forms.Form):
    """A GET filter form: a bad value drops only its own filter, and says why."""

    @property
    def valid_data(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}


class StoryFilterForm(FilterForm):
    country = forms.ChoiceField(label=_("Country"), required=False)
    mission = forms.ModelChoiceField(
        label=_("Mission"),
        queryset=MissionHubPage.objects.none(),
        required=False,
        empty_label=_("All missions"),
    )
    tag = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        codes, tags = selectors.story_filter_values(locale)
        self.fields["country"].choices = _country_choices(codes)
        self.fields["mission"].queryset = selectors.live_missions(locale=locale).order_by("title")
        self.fields["tag"].choices = [("", _("All topics")), *tags]


class MonthField(forms.CharField):
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, e.g. 2026-11.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return Month.parse(value)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class CalendarFilterForm(FilterForm):
    VIEWS = [("month", _("Month")), ("list", _("List"))]

    month = MonthField(label=_("Month"), required=False)
    view = forms.ChoiceField(label=_("View"), choices=VIEWS, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *EventKind.choices], required=False
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        codes = set(selectors.live_events(locale=locale).values_list("country", flat=True))
        self.fields["country"].choices = _country_choices(codes)


class HoneypotForm(forms.Form):
    """A field people don't see: bots fill it in, and what they send goes nowhere.

    Mixed into every form the public sends (before forms.ModelForm); the site's templates
    hide it, the API does not document it.
    """

    website = forms.CharField(required=False, label=_("Leave this empty"))

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class NominationForm(HoneypotForm, forms.ModelForm):
    """The public's nomination of a hero: its fields and rules, for the site and the API alike.

    heroes.services.intake.receive_nomination checks every nomination with it.
    """

    photo = forms.FileField(
        label=_("Photo of the hero"),
        required=False,
        help_text=_("JPEG, PNG or WebP, 10 MB at most. We remove its location and camera data."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Nomination
        fields = ["photo", *SUBMITTED_FIELDS]
        widgets = {"story": forms.Textarea(attrs={"rows": 8})}

    def clean_photo(self):
        """The photo re-encoded without its metadata (once: this is what is stored)."""
        upload = self.cleaned_data.get("photo")
        if upload:
            return clean_photo(upload)  # raises ValidationError with the reason
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_consent"):
            self.add_error(
                "photo_consent", _("Confirm that the person in the photo agreed to send it.")
            )
        return cleaned


def nomination_form_fields():
    """The nomination form's fields as a headless front end needs them to render it.

    Read from `NominationForm` itself (so from SUBMITTED_FIELDS, the list the site's form
    and the API share), in the active language: name, input type, required, maximum
    length, label, help text, and the choices of a select (countries, named in the
    language). The bots' trap (`website`) is left out.
    """
    form = NominationForm()
    described = []
    for name, field in form.fields.items():
        if name == "website":
            continue
        choices = None
        if isinstance(field, forms.BooleanField):
            kind = "checkbox"
        elif isinstance(field, forms.FileField):
            kind = "file"
        elif isinstance(field, forms.EmailField):
            kind = "email"
        elif isinstance(field, forms.ChoiceField):
            kind = "select"
            choices = [{"value": str(v), "label": str(label)} for v, label in field.choices if v]
        elif isinstance(field.widget, forms.Textarea):
            kind = "textarea"
        else:
            kind = "text"
        described.append(
            {
                "name": name,
                "type": kind,
                "required": field.required,
                "max_length": getattr(field, "max_length", None),
                "label": str(field.label),
                "help_text": str(field.help_text or ""),
                "choices": choices,
                "accept": field.widget.attrs.get("accept", "") or None,
            }
        )
    return described
