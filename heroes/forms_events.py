"""What the public sends about partners' events: the "Propose an event" form, for the site and
the API alike (with the bots' trap every public form shares, heroes.forms.HoneypotForm)."""

import datetime as dt
import zoneinfo

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from heroes.forms import HoneypotForm
from heroes.models import EventProposal
from heroes.models.calendar import time_zone_choices
from heroes.models.event_proposals import SUBMITTED_FIELDS


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time as the clocks show them where the event is; its time zone comes apart.

    Gives a naive datetime ("2026-11-14T18:00", or a date alone: its midnight), or an aware
    one when the value carries its UTC offset (the API); EventProposalForm places it in the
    event's time zone. The active time zone of the request plays no part.
    """

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time.min)
        text = str(value).strip()
        try:
            parsed = parse_datetime(text)
            if parsed is None and (day := parse_date(text)) is not None:
                parsed = dt.datetime.combine(day, dt.time.min)
        except ValueError:
            parsed = None
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


def _https_links(field, **kwargs):
    """A link typed without its scheme is an https one."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class EventProposalForm(HoneypotForm, forms.ModelForm):
    """A partner's event proposed for the calendar: its fields and rules, for the site and
    the API alike. heroes.services.event_proposals.receive_event_proposal checks every
    proposal with it.

    Start and end are read on the clocks of the event's time zone; an all-day event runs from
    the midnight of its first day to the midnight after its last.
    """

    start = WallClockDateTimeField(
        label=capfirst(_("starts")),
        help_text=_("Date and time where the event takes place."),
    )
    end = WallClockDateTimeField(label=capfirst(_("ends")))

    class Meta:
        model = EventProposal
        fields = list(SUBMITTED_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        formfield_callback = _https_links

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = forms.ChoiceField(
            label=self.fields["time_zone"].label,
            help_text=self.fields["time_zone"].help_text,
            choices=[("", "---------"), *time_zone_choices()],
        )

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("time_zone")
        start, end = cleaned.get("start"), cleaned.get("end")
        if not name or start is None or end is None:
            return cleaned
        zone = zoneinfo.ZoneInfo(name)
        start, end = (
            value.astimezone(zone) if timezone.is_aware(value) else value.replace(tzinfo=zone)
            for value in (start, end)
        )
        if cleaned.get("all_day"):
            start = dt.datetime.combine(start.date(), dt.time.min, tzinfo=zone)
            end = dt.datetime.combine(end.date() + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        if end < start:
            self.add_error("end", _("The event cannot end before it starts."))
        elif end <= timezone.now():
            self.add_error("end", _("This event is already over."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned
