"""Public nominations: heroes the public nominated, reviewed by MCD and the hero's mission.

Never published; the nominee's photo has no public address and is shown to reviewers
through `photo_view` only. Not to be confused with a mission's story-of-the-month
proposal (heroes.admin.story_of_the_month).

The review screen (the inspect view, where the listing leads) shows the whole nomination
under reviewers' labels, its likely duplicates, and the three decisions: accept (a draft
story), decline (with a reason), duplicate of another nomination (heroes.services.review).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.images import get_image_model
from wagtail.images.widgets import AdminImageChooser

from heroes import permissions
from heroes.admin import criteria, reviews, scoping
from heroes.admin.scoping import ScopedViewSetMixin
from heroes.models import Nomination
from heroes.models.nominations import SUBMITTED_FIELDS
from heroes.services import criteria as criteria_rules
from heroes.services import duplicates, review


class ToReview(scoping.ToReview):
    """The nominations the user reviews."""

    to_review = staticmethod(permissions.nominations_to_review)


class NominationEditView(generic.EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return review.review_nomination(
            user=self.request.user,
            nomination=self.object,
            status=data["status"],
            note=data["review_note"],
        )


# The review screen's labels are for reviewers, not the public form's "your …".
REVIEW_SECTIONS = [
    (_("The hero"), ["hero_name", "country", "country_of_origin", "story"]),
    (
        _("The nominator"),
        ["nominator_name", "nominator_email", "nominator_phone", "relationship"],
    ),
    (_("Consents"), ["photo_consent", "agrees_to_be_credited"]),
    (
        _("Review"),
        ["status", "mission", "review_note", "reviewed_by", "reviewed_at", "language"],
    ),
]
REVIEW_LABELS = {
    "nominator_name": _("Nominator's name"),
    "nominator_email": _("Nominator's email"),
    "nominator_phone": _("Nominator's phone"),
    "relationship": _("How the nominator knows the hero"),
    "photo_consent": _("The person in the photo agreed to send it"),
    "agrees_to_be_credited": _("The nominator agrees to be credited by name"),
    "reviewed_by": _("Reviewed by"),
    "reviewed_at": _("Reviewed on"),
    "language": _("Language of the nomination"),
}


class AcceptForm(forms.Form):
    alt_text = forms.CharField(
        max_length=255,
        required=False,
        label=_("Alt text of the photo"),
    )
    image = forms.ModelChoiceField(
        queryset=get_image_model().objects.all(),
        required=False,
        widget=AdminImageChooser,
        label=_("Photo for the story"),
        help_text=_("The nomination came without a photo: a story needs one."),
    )

    def __init__(self, *args, nomination, **kwargs):
        super().__init__(*args, **kwargs)
        # Django renders help texts as HTML: the hero's name, typed by the public, is escaped.
        default = gettext("Photo of %(hero)s") % {"hero": nomination.hero_name}
        self.fields["alt_text"].help_text = escape(
            gettext("Describe the photo for people who cannot see it. Left empty: “%(default)s”.")
            % {"default": default}
        )
        if nomination.photo:
            del self.fields["image"]


class DeclineForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Reason"),
        help_text=_("Kept with the nomination, for reviewers only."),
    )


class DuplicateForm(forms.Form):
    original = forms.ModelChoiceField(
        queryset=Nomination.objects.none(),
        label=_("Duplicate of"),
        help_text=_("Another nomination of the same hero, in the same country."),
    )

    def __init__(self, *args, nomination, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["original"]
        field.queryset = (
            permissions.nominations_to_review(user)
            .filter(country=nomination.country)
            .exclude(pk=nomination.pk)
        )
        field.label_from_instance = lambda other: (
            f"#{other.pk} {other.hero_name} ({other.submitted_at:%Y-%m-%d})"
        )


class NominationInspectView(reviews.ReviewInspectView):
    """The review screen: the whole nomination, its likely duplicates, and the decisions."""

    review_sections = REVIEW_SECTIONS
    review_labels = REVIEW_LABELS

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        nomination = self.object
        user = self.request.user
        if nomination.photo:
            context["photo_url"] = reverse("nominations:photo", args=(nomination.pk,))
        context["likely_duplicates"] = [
            (other, reverse("nominations:inspect", args=(other.pk,)))
            for other in duplicates.likely_duplicates(
                nomination, among=permissions.nominations_to_review(user)
            )
        ]
        context.update(criteria.review_context(nomination, user))
        if nomination.duplicate_of_id:
            context["duplicate_of_url"] = reverse(
                "nominations:inspect", args=(nomination.duplicate_of_id,)
            )
        if nomination.hero_story_id:
            context["story_url"] = reverse(
                "wagtailadmin_pages:edit", args=(nomination.hero_story_id,)
            )
        elif permissions.may_review_nomination(user, nomination):
            context["accept_form"] = AcceptForm(nomination=nomination)
            context["decline_form"] = DeclineForm()
            context["duplicate_form"] = DuplicateForm(nomination=nomination, user=user)
        return context


class NominationDecisionView(ToReview, reviews.DecisionView):
    """A decision on one nomination, then back to its review screen."""

    permission_required = "change"
    form_class = None
    done_message = ""

    def get_form(self, nomination):
        return self.form_class(self.request.POST, nomination=nomination)

    def post(self, request, pk):
        nomination = get_object_or_404(self.scope(Nomination.objects.all()), pk=pk)
        form = self.get_form(nomination)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors.as_data())
            self.decide(nomination, form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.done_message % {"hero": nomination.hero_name})
        return redirect("nominations:inspect", nomination.pk)


class AcceptView(NominationDecisionView):
    form_class = AcceptForm
    done_message = _("%(hero)s's nomination is accepted: a draft story waits in the hub.")

    def decide(self, nomination, data):
        review.accept_nomination(
            user=self.request.user,
            nomination=nomination,
            alt_text=data["alt_text"],
            image=data.get("image"),
        )


class DeclineView(NominationDecisionView):
    done_message = _("%(hero)s's nomination is declined.")

    def get_form(self, nomination):
        return DeclineForm(self.request.POST)

    def decide(self, nomination, data):
        review.decline_nomination(
            user=self.request.user, nomination=nomination, reason=data["reason"]
        )


class DuplicateView(NominationDecisionView):
    done_message = _("%(hero)s's nomination is marked as a duplicate.")

    def get_form(self, nomination):
        return DuplicateForm(self.request.POST, nomination=nomination, user=self.request.user)

    def decide(self, nomination, data):
        review.mark_nomination_duplicate(
            user=self.request.user, nomination=nomination, original=data["original"]
        )


class CriteriaMetView(NominationDecisionView):
    """The reviewer ticks the criteria of a Migrant Hero that the hero meets."""

    form_class = criteria.CriteriaMetForm
    done_message = _("The criteria %(hero)s meets are recorded.")

    def decide(self, nomination, data):
        criteria_rules.record_criteria_met(
            user=self.request.user, nomination=nomination, criterion_ids=data["criteria"]
        )


class NominationViewSet(ScopedViewSetMixin, ModelViewSet):
    """Nominations the public sent: reviewed by the hero's mission and MCD, never published."""

    model = Nomination
    scope_class = ToReview
    name = "nominations"
    icon = "user"
    menu_label = _("Public nominations")
    add_to_admin_menu = True
    menu_order = 240
    list_display = ["hero_name", "country", "mission", "status", "submitted_at"]
    list_filter = ["status", "country"]
    search_fields = ["hero_name"]
    form_fields = ["status", "review_note"]
    inspect_view_enabled = True
    inspect_view_fields = [
        *SUBMITTED_FIELDS,
        "mission",
        "language",
        "status",
        "review_note",
        "reviewed_by",
        "reviewed_at",
        "submitted_at",
    ]
    inspect_template_name = "heroes/admin/nomination_inspect.html"
    index_view_class = reviews.ReviewIndexView
    edit_view_class = NominationEditView
    inspect_view_class = NominationInspectView

    def get_urlpatterns(self):
        decision = {"permission_policy": self.permission_policy}
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/photo/", self.photo_view, name="photo"),
            path("<int:pk>/accept/", AcceptView.as_view(**decision), name="accept"),
            path("<int:pk>/decline/", DeclineView.as_view(**decision), name="decline"),
            path("<int:pk>/duplicate/", DuplicateView.as_view(**decision), name="duplicate"),
            path("<int:pk>/criteria/", CriteriaMetView.as_view(**decision), name="criteria"),
        ]

    def photo_view(self, request, pk):
        """The nominee's photo, for reviewers only: it has no public address."""
        nomination = get_object_or_404(permissions.nominations_to_review(request.user), pk=pk)
        if not nomination.photo:
            raise Http404
        return FileResponse(nomination.photo.open("rb"), content_type="image/jpeg")


nomination_viewset = NominationViewSet()


def register_nomination_viewset():
    return nomination_viewset


def story_header_button(page, user, view_name=None, **kwargs):
    """On a story drafted from a public nomination: a way back to it, for its reviewers."""
    nominations = getattr(page, "nominations", None)
    if nominations is None:
        return []
    return [
        Button(
            _("Public nomination #%(id)s") % {"id": nomination.pk},
            url=reverse("nominations:inspect", args=(nomination.pk,)),
            icon_name="user",
            priority=60,
        )
        for nomination in nominations.all()
        if permissions.may_review_nomination(user, nomination)
    ]
