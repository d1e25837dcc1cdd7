"""The campaign in the Wagtail admin: story of the month, multipliers, MCD's dashboard."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    SnippetViewSet,
    UsageView,
)

from heroes import selectors, services, views, workflows
from heroes.admin_forms import MultiplierForm, StoryOfTheMonthForm, missions_of
from heroes.models import Mission, Multiplier, Nomination, NominationStatus, StoryOfTheMonth
from heroes.models.nominations import SUBMITTED_FIELDS

# Story of the month ----------------------------------------------------------------------


class NominationCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.nominate_story_of_the_month(
            user=self.request.user, story=data["story"], month=data["month"], note=data["note"]
        )


class NominationIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("story", "mission")
        return queryset.filter(mission__in=missions_of(self.request.user))


class PickColumn(Column):
    cell_template_name = "heroes/admin/pick_cell.html"


class StoryOfTheMonthViewSet(SnippetViewSet):
    model = StoryOfTheMonth
    icon = "pick"
    menu_label = _("Story of the month")
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        "month",
        "mission",
        "story",
        "note",
        DateColumn("nominated_at", label=_("Nominated")),
        PickColumn("is_winner", label=_("Story of the month")),
    ]
    list_filter = ["month", "mission", "is_winner"]
    ordering = ["-month", "mission__name"]
    index_view_class = NominationIndexView
    add_view_class = NominationCreateView
    panels = [FieldPanel("story"), FieldPanel("month"), FieldPanel("note")]

    def get_form_class(self, for_update=False):
        return self.get_edit_handler().get_form_class()

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=StoryOfTheMonthForm).bind_to_model(
            self.model
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("pick/<int:pk>/", self.pick_view, name="pick"),
        ]

    def pick_view(self, request, pk):
        return _pick(request, pk, self)


@require_POST
def _pick(request, pk, viewset):
    nomination = get_object_or_404(StoryOfTheMonth, pk=pk)
    # Only MCD may pick: the service raises PermissionDenied (403) for anyone else.
    services.pick_story_of_the_month(user=request.user, nomination=nomination)
    messages.success(
        request,
        _("“%(story)s” is the story of the month of %(month)s.")
        % {"story": nomination.story.title, "month": nomination.month.strftime("%B %Y")},
    )
    return redirect(viewset.get_url_name("list"))


# Multipliers ----------------------------------------------------------------------------------


class MissionScoped:
    """Views of one multiplier: only the people of its mission, and MCD, reach it."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not missions_of(self.request.user).filter(pk=obj.mission_id).exists():
            raise Http404
        return obj


class MultiplierIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(mission__in=missions_of(self.request.user))
            .select_related("mission")
        )


class MultiplierEditView(MissionScoped, EditView):
    pass


class MultiplierDeleteView(MissionScoped, DeleteView):
    pass


class MultiplierInspectView(MissionScoped, InspectView):
    pass


class MultiplierHistoryView(MissionScoped, HistoryView):
    pass


class MultiplierUsageView(MissionScoped, UsageView):
    pass


class MultiplierViewSet(SnippetViewSet):
    """Each mission's list of people who help promote the campaign, exportable for mail-outs."""

    model = Multiplier
    icon = "group"
    menu_label = _("Multipliers")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "kind", "organisation", "mission", "consents_to_contact"]
    list_filter = ["kind", "mission", "consents_to_contact"]
    list_export = ["name", "kind", "organisation", "email", "phone", "consents_to_contact", "notes"]
    export_filename = "multipliers"
    inspect_view_enabled = True
    search_fields = ["name", "organisation"]
    index_view_class = MultiplierIndexView
    edit_view_class = MultiplierEditView
    delete_view_class = MultiplierDeleteView
    inspect_view_class = MultiplierInspectView
    history_view_class = MultiplierHistoryView
    usage_view_class = MultiplierUsageView

    def get_form_class(self, for_update=False):
        return self.get_edit_handler().get_form_class()

    def get_edit_handler(self):
        return ObjectList(Multiplier.panels, base_form_class=MultiplierForm).bind_to_model(
            self.model
        )


register_snippet(StoryOfTheMonthViewSet)
register_snippet(MultiplierViewSet)


# Public nominations ----------------------------------------------------------------------------


def nominations_of(user):
    """MCD reviews every nomination; a mission those of its country."""
    nominations = Nomination.objects.select_related("mission")
    if user.is_superuser or user.has_perm("heroes.review_nomination"):
        return nominations
    return nominations.filter(mission__in=Mission.objects.for_user(user))


class NominationScoped:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not nominations_of(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class NominationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=nominations_of(self.request.user))


class NominationEditView(NominationScoped, generic.EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.review_nomination(
            user=self.request.user,
            nomination=self.object,
            status=data["status"],
            note=data["review_note"],
        )


class NominationInspectView(NominationScoped, generic.InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.photo:
            context["photo_url"] = reverse("nominations:photo", args=(self.object.pk,))
        return context


class NominationDeleteView(NominationScoped, generic.DeleteView):
    pass


class NominationViewSet(ModelViewSet):
    """Nominations the public sent: reviewed by the hero's mission and MCD, never published."""

    model = Nomination
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
        "language",
        "status",
        "review_note",
        "submitted_at",
    ]
    inspect_template_name = "heroes/admin/nomination_inspect.html"
    index_view_class = NominationIndexView
    edit_view_class = NominationEditView
    inspect_view_class = NominationInspectView
    delete_view_class = NominationDeleteView

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/photo/", self.photo_view, name="photo")]

    def photo_view(self, request, pk):
        """The nominee's photo, for reviewers only: it has no public address."""
        nomination = get_object_or_404(nominations_of(request.user), pk=pk)
        if not nomination.photo:
            raise Http404
        return FileResponse(nomination.photo.open("rb"), content_type="image/jpeg")


nomination_viewset = NominationViewSet()


@hooks.register("register_admin_viewset")
def register_nomination_viewset():
    return nomination_viewset


# MCD's dashboard -------------------------------------------------------------------------------


class MCDDashboardPanel(Component):
    """What waits for MCD: pages in endorsement per mission, this month's nominations."""

    name = "mcd_dashboard"
    template_name = "heroes/admin/mcd_dashboard.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        context.update(
            new_nominations=Nomination.objects.filter(status=NominationStatus.NEW).count(),
            awaiting=selectors.awaiting_endorsement(),
            nominations=selectors.story_of_the_month_nominations(month=today),
            month=today.replace(day=1),
            csrf_token=parent_context.get("csrf_token"),
            request=parent_context["request"],
        )
        return context


@hooks.register("construct_homepage_panels")
def add_mcd_dashboard(request, panels):
    if request.user.has_perm("heroes.pick_storyofthemonth"):
        panels.insert(0, MCDDashboardPanel())


# Translations go through endorsement ---------------------------------------------------------


@hooks.register("register_admin_urls")
def register_translation_submission_url():
    return [
        path(
            "translations/<int:page_id>/submit/",
            views.submit_translation_view,
            name="heroes_submit_translation",
        )
    ]


class SubmitTranslationButton(PageMenuItem):
    label = _("Submit translation for endorsement")
    icon_name = "resubmit"
    url_name = "heroes_submit_translation"

    def is_shown(self, user):
        return workflows.can_submit_translation(user=user, page=self.page)


def _submit_translation_button(page, user, priority):
    yield SubmitTranslationButton(page=page, priority=priority)


@hooks.register("register_page_header_buttons")
def translation_header_button(page, user, view_name=None, next_url=None):
    yield from _submit_translation_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def translation_listing_button(page, user, next_url=None):
    yield from _submit_translation_button(page, user, priority=3)


# The audit log ---------------------------------------------------------------------------------


@hooks.register("register_log_actions")
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
