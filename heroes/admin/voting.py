"""Voting rounds: MCD shortlists ten stories, sets the window, follows the live counts and,
after the close, enters the Facebook tallies. Only MCD has the rounds' permissions
(heroes.setup_roles); the rules are heroes.voting's (check_round_change)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from heroes import voting
from heroes.models import VotingRound
from heroes.models.voting import time_zone_choices

WINDOW_FIELDS = ("opens_at", "closes_at")


class VotingRoundForm(WagtailAdminModelForm):
    """Opening and closing times are the wall-clock times of the round's time zone, and a
    round closing "at 23:59" stays open to the end of that minute."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in WINDOW_FIELDS:
                local = timezone.localtime(getattr(self.instance, name), self.instance.tz)
                self.initial[name] = local.replace(tzinfo=None, second=0, microsecond=0)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone") or settings.CAMPAIGN_TIME_ZONE
        if zone_name not in dict(time_zone_choices()):
            return cleaned
        zone = VotingRound(time_zone=zone_name).tz
        for name in WINDOW_FIELDS:
            value = cleaned.get(name)
            if value is None:
                continue
            wall_clock = timezone.localtime(value).replace(tzinfo=None)  # as typed
            value = wall_clock.replace(tzinfo=zone)
            if name == "closes_at" and value.second == 0 and value.microsecond == 0:
                value += dt.timedelta(seconds=59, microseconds=999_999)
            cleaned[name] = value
            setattr(self.instance, name, value)
        self._check_rules(cleaned)
        return cleaned

    def _check_rules(self, cleaned):
        formset = self.formsets.get("shortlist")
        if formset is None or not formset.is_valid():
            return
        shortlist = [
            (form.cleaned_data.get("story"), form.cleaned_data.get("facebook_votes"))
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        candidate = VotingRound(
            pk=self.instance.pk,
            **{name: cleaned.get(name) for name in voting.FROZEN_FIELDS},
        )
        try:
            voting.check_round_change(voting_round=candidate, shortlist=shortlist)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)


class SavesRound:
    def save_instance(self):
        instance = super().save_instance()
        voting.round_saved(voting_round=instance)
        return instance


class VotingRoundCreateView(SavesRound, generic.CreateView):
    pass


class VotingRoundEditView(SavesRound, generic.EditView):
    pass


class VotingRoundInspectView(generic.InspectView):
    """The round with its live counts: MCD's alone while the vote is open."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = voting.results(self.object)
        stories = {
            item.story_id: item.story for item in self.object.shortlist.select_related("story")
        }
        context.update(
            results=results,
            rows=[(stories[result.story_id], result) for result in results.stories],
            winners=[stories[result.story_id] for result in results.winners],
            phase=self.object.phase().label,
        )
        return context


class VotingRoundViewSet(ModelViewSet):
    model = VotingRound
    name = "voting_rounds"
    icon = "tasks"
    menu_label = _("Voting rounds")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "opens_at", "closes_at"]
    edit_handler = ObjectList(VotingRound.panels, base_form_class=VotingRoundForm)
    inspect_view_enabled = True
    inspect_template_name = "heroes/admin/voting_round_inspect.html"
    create_view_class = VotingRoundCreateView
    edit_view_class = VotingRoundEditView
    inspect_view_class = VotingRoundInspectView


voting_round_viewset = VotingRoundViewSet()


def register_voting_round_viewset():
    return voting_round_viewset
