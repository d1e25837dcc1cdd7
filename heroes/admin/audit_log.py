"""The campaign's own actions in Wagtail's history and audit log."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter


def register_campaign_log_actions(actions):
    actions.register_action("heroes.mission_set_up", _("Mission set up"), _("Mission set up"))
    actions.register_action(
        "heroes.story_of_the_month_nominated",
        _("Nominated as story of the month"),
        _("Nominated as story of the month"),
    )
    actions.register_action(
        "heroes.story_of_the_month_picked",
        _("Picked as story of the month"),
        _("Picked as story of the month"),
    )
    _register_nomination_review_actions(actions)
    actions.register_action(
        "heroes.multipliers_exported",
        _("Multipliers exported"),
        _("Multipliers exported"),
    )


class AcceptedIntoDraft(LogFormatter):
    """A public submission accepted: the draft page made from it, from the entry's
    data[`made`] ({"id", "title"}). `accepted` says it with %(title)s and %(id)s."""

    made = ""
    accepted = ""

    def format_message(self, log_entry):
        page = log_entry.data.get(self.made) or {}
        return self.accepted % {"title": page.get("title", ""), "id": page.get("id", "")}


class DeclinedWithReason(LogFormatter):
    """A public submission declined: the reason given, as the entry's comment."""

    message = _("Declined")

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


class DraftedFrom(LogFormatter):
    """A draft page made from a public submission, in the page's history: `drafted` says it
    with %(id)s, the submission's id from the entry's data[`source`]."""

    source = ""
    drafted = ""

    def format_message(self, log_entry):
        return self.drafted % {"id": log_entry.data.get(self.source, "")}


def _register_nomination_review_actions(actions):
    """A public nomination's review: each decision in its history, the story's origin in the
    story's. The nominator's personal data stays out of both."""

    @actions.register_action("heroes.nomination_accepted")
    class NominationAccepted(AcceptedIntoDraft):
        label = _("Public nomination accepted")
        made = "story"
        accepted = _("Accepted: draft story “%(title)s” (page %(id)s)")

    @actions.register_action("heroes.nomination_declined")
    class NominationDeclined(DeclinedWithReason):
        label = _("Public nomination declined")

    @actions.register_action("heroes.nomination_marked_duplicate")
    class NominationMarkedDuplicate(LogFormatter):
        label = _("Public nomination marked as a duplicate")

        def format_message(self, log_entry):
            original = log_entry.data.get("original") or {}
            return _("Marked as a duplicate of nomination #%(id)s") % {"id": original.get("id", "")}

    @actions.register_action("heroes.story_drafted_from_nomination")
    class StoryDraftedFromNomination(DraftedFrom):
        label = _("Drafted from a public nomination")
        source = "nomination"
        drafted = _("Drafted from public nomination #%(id)s")
