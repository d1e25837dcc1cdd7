"""Who is a Migrant Hero? The criteria in the admin: MCD keeps them (a translated snippet),
and a nomination's reviewer ticks those the hero meets on its review screen
(heroes.admin.nominations; the rule: heroes.services.criteria)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.models import Locale

from heroes import permissions, selectors
from heroes.admin.translated_snippets import TranslatedSnippetViewSet
from heroes.models import NominationCriteria


class NominationCriteriaViewSet(TranslatedSnippetViewSet):
    model = NominationCriteria
    icon = "list-ol"
    menu_label = _("Who is a Migrant Hero?")
    list_display = ["__str__"]


criteria_viewset = NominationCriteriaViewSet()


def _criteria_in_admin_language():
    return selectors.nomination_criteria(locale=Locale.get_active())


class CriteriaMetForm(forms.Form):
    criteria = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Criteria the hero meets"),
    )

    def __init__(self, *args, nomination=None, criteria=None, **kwargs):
        super().__init__(*args, **kwargs)
        criteria = criteria or _criteria_in_admin_language()
        items = criteria.items if criteria is not None else []
        self.fields["criteria"].choices = [(item.id, item.title) for item in items]


def criteria_met(nomination, criteria):
    """The titles of the criteria ticked on `nomination`, in the language of `criteria` when
    they are still listed, else as they read when ticked."""
    titles = {item.id: item.title for item in criteria.items} if criteria is not None else {}
    return [titles.get(tick["id"], tick["title"]) for tick in nomination.criteria_met]


def review_context(nomination, user):
    """What the review screen shows of the criteria: the ticks, and the form to tick them."""
    criteria = _criteria_in_admin_language()
    context = {"criteria": criteria, "criteria_met": criteria_met(nomination, criteria)}
    if criteria is not None and permissions.may_review_nomination(user, nomination):
        context["criteria_form"] = CriteriaMetForm(
            criteria=criteria,
            initial={"criteria": [tick["id"] for tick in nomination.criteria_met]},
        )
    return context


def register_log_actions(actions):
    @actions.register_action("heroes.nomination_criteria_recorded")
    class CriteriaRecorded(LogFormatter):
        label = _("Criteria of a Migrant Hero ticked")

        def format_message(self, log_entry):
            titles = log_entry.data.get("criteria") or []
            if not titles:
                return _("Meets none of the criteria")
            return _("Meets: %(criteria)s") % {"criteria": "; ".join(titles)}
