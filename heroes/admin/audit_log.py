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


def _register_nomination_review_actions(actions):
    """A public nomination's review: each decision in its history, the story's origin in the
    story's. The nominator's personal data stays out of both."""

    @actions.register_action("heroes.nomination_accepted")
    class NominationAccepted(LogFormatter):
        label = _("Public nomination accepted")

        def format_message(self, log_entry):
            story = log_entry.data.get("story") or {}
            return _("Accepted: draft story “%(title)s” (page %(id)s)") % {
                "title": story.get("title", ""),
                "id": story.get("id", ""),
            }

    @actions.register_action("heroes.nomination_declined")
    class NominationDeclined(LogFormatter):
        label = _("Public nomination declined")
        message = _("Declined")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    @actions.register_action("heroes.nomination_marked_duplicate")
    class NominationMarkedDuplicate(LogFormatter):
        label = _("Public nomination marked as a duplicate")

        def format_message(self, log_entry):
            original = log_entry.data.get("original") or {}
            return _("Marked as a duplicate of nomination #%(id)s") % {"id": original.get("id", "")}

    @actions.register_action("heroes.story_drafted_from_nomination")
    class StoryDraftedFromNomination(LogFormatter):
        label = _("Drafted from a public nomination")

        def format_message(self, log_entry):
            return _("Drafted from public nomination #%(id)s") % {
                "id": log_entry.data.get("nomination", "")
            }
