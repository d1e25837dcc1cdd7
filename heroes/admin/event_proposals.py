"""Partners' event proposals: read and decided by the mission of the event's country and MCD.

Never published, never edited: the listing leads to a review screen (the inspect view) with
the whole proposal, the organiser's contact (for reviewers only), and the two decisions of
heroes.services.event_proposals: accept (a draft event in the mission's hub) or decline (a reason).
"""

import zoneinfo

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from heroes import permissions
from heroes.admin import reviews, scoping
from heroes.admin.audit_log import AcceptedIntoDraft, DeclinedWithReason, DraftedFrom
from heroes.admin.scoping import ScopedViewSetMixin
from heroes.models import EventProposal, EventProposalStatus
from heroes.models.event_proposals import EVENT_FIELDS, ORGANISER_FIELDS
from heroes.services import event_proposals as services_events


class ToReview(scoping.ToReview):
    """The proposals the user reviews."""

    to_review = staticmethod(permissions.event_proposals_to_review)


REVIEW_SECTIONS = [
    (_("The event"), list(EVENT_FIELDS)),
    (_("The organiser (never published)"), list(ORGANISER_FIELDS)),
    (
        _("Review"),
        ["status", "mission", "review_note", "reviewed_by", "reviewed_at", "language"],
    ),
]
REVIEW_LABELS = {
    "organiser_name": _("Organiser's name"),
    "organiser_email": _("Organiser's email"),
    "language": _("Language of the proposal"),
}


class DeclineForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Reason"),
        help_text=_("Kept with the proposal, for reviewers only."),
    )


class EventProposalInspectView(reviews.ReviewInspectView):
    """The review screen: the whole proposal and, while it is undecided, the decisions."""

    review_sections = REVIEW_SECTIONS
    review_labels = REVIEW_LABELS

    def get_field_display_value(self, field_name, field):
        if field_name in ("start", "end"):
            # The event's own clocks, as the proposer gave them.
            zone = zoneinfo.ZoneInfo(self.object.time_zone)
            return timezone.localtime(getattr(self.object, field_name), zone).strftime(
                "%Y-%m-%d %H:%M"
            )
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.object
        if proposal.event_id:
            context["event_url"] = reverse("wagtailadmin_pages:edit", args=(proposal.event_id,))
        elif proposal.status == EventProposalStatus.NEW and permissions.may_review_event_proposal(
            self.request.user, proposal
        ):
            context["decline_form"] = DeclineForm()
        return context


class DecisionView(ToReview, reviews.DecisionView):
    """A decision on one proposal. The service says who may take it."""

    permission_required = "view"

    def post(self, request, pk):
        proposal = get_object_or_404(self.scope(EventProposal.objects.all()), pk=pk)
        try:
            return self.decide(proposal)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("event_proposals:inspect", proposal.pk)


class AcceptView(DecisionView):
    def decide(self, proposal):
        event = services_events.accept_event_proposal(user=self.request.user, proposal=proposal)
        messages.success(
            self.request,
            gettext(
                "“%(event)s” is a draft event in the mission's hub: complete it and submit it "
                "for endorsement."
            )
            % {"event": event.title},
        )
        return redirect("wagtailadmin_pages:edit", event.pk)


class DeclineView(DecisionView):
    def decide(self, proposal):
        form = DeclineForm(self.request.POST)
        if not form.is_valid():
            raise ValidationError(form.errors.as_data())
        services_events.decline_event_proposal(
            user=self.request.user, proposal=proposal, reason=form.cleaned_data["reason"]
        )
        messages.success(
            self.request, gettext("“%(event)s” is declined.") % {"event": proposal.title}
        )
        return redirect("event_proposals:inspect", proposal.pk)


class EventProposalViewSet(ScopedViewSetMixin, ModelViewSet):
    """Events partners proposed for the calendar: reviewed by the country's mission and MCD.
    Every view reaches only the proposals the user reviews (heroes.admin.scoping)."""

    model = EventProposal
    scope_class = ToReview
    name = "event_proposals"
    icon = "date"
    menu_label = _("Event proposals")
    add_to_admin_menu = True
    menu_order = 245
    list_display = ["title", "kind", "country", "mission", "status", "submitted_at"]
    list_filter = ["status", "kind", "country"]
    search_fields = ["title", "location"]
    # Nobody has the "add" or "change" permission (heroes.setup_roles): read and decided only.
    form_fields = ["title"]
    inspect_view_enabled = True
    inspect_view_fields = [*EVENT_FIELDS, *ORGANISER_FIELDS, "status", "mission", "submitted_at"]
    inspect_template_name = "heroes/admin/event_proposal_inspect.html"
    index_view_class = reviews.ReviewIndexView
    inspect_view_class = EventProposalInspectView

    def get_urlpatterns(self):
        decision = {"permission_policy": self.permission_policy}
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/accept/", AcceptView.as_view(**decision), name="accept"),
            path("<int:pk>/decline/", DeclineView.as_view(**decision), name="decline"),
        ]


event_proposal_viewset = EventProposalViewSet()


def register_event_proposal_viewset():
    return event_proposal_viewset


def register_log_actions(actions):
    """A proposal's decisions in its history, the event's origin in the event's."""

    @actions.register_action("heroes.event_proposal_accepted")
    class EventProposalAccepted(AcceptedIntoDraft):
        label = _("Event proposal accepted")
        made = "event"
        accepted = _("Accepted: draft event “%(title)s” (page %(id)s)")

    @actions.register_action("heroes.event_proposal_declined")
    class EventProposalDeclined(DeclinedWithReason):
        label = _("Event proposal declined")

    @actions.register_action("heroes.event_drafted_from_proposal")
    class EventDraftedFromProposal(DraftedFrom):
        label = _("Drafted from a partner's event proposal")
        source = "proposal"
        drafted = _("Drafted from event proposal #%(id)s")
