"""Story of the month: each mission proposes one of its stories a month; MCD picks one.

A mission's *proposal* (a StoryOfTheMonth row) is not a public *nomination* of a hero
(heroes.admin.nominations): the names here say which is which.
"""

from django.contrib import messages
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import (
    CreateView,
    IndexView,
    SnippetViewSet,
)

from heroes import permissions
from heroes.admin.forms import StoryOfTheMonthProposalForm
from heroes.admin.scoping import ScopedViewSetMixin
from heroes.models import StoryOfTheMonth
from heroes.services import story_of_the_month


class StoryOfTheMonthProposalCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return story_of_the_month.nominate_story_of_the_month(
            user=self.request.user, story=data["story"], month=data["month"], note=data["note"]
        )


class StoryOfTheMonthProposalIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("story", "mission")


class PickColumn(Column):
    """The winner, or (for whoever may pick) a button that picks this proposal."""

    cell_template_name = "heroes/admin/pick_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        # A cell is rendered without the request's context processors: no perms, no token.
        context.update(
            may_pick=permissions.may_pick_story_of_the_month(request.user),
            csrf_token=get_token(request),
        )
        return context


class StoryOfTheMonthViewSet(ScopedViewSetMixin, SnippetViewSet):
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
    index_view_class = StoryOfTheMonthProposalIndexView
    add_view_class = StoryOfTheMonthProposalCreateView
    panels = [FieldPanel("story"), FieldPanel("month"), FieldPanel("note")]

    def get_form_class(self, for_update=False):
        return self.get_edit_handler().get_form_class()

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=StoryOfTheMonthProposalForm).bind_to_model(
            self.model
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("pick/<int:pk>/", self.pick_view, name="pick"),
        ]

    def pick_view(self, request, pk):
        return pick_story_of_the_month_view(request, pk, self)


@require_POST
def pick_story_of_the_month_view(request, pk, viewset):
    proposal = get_object_or_404(StoryOfTheMonth, pk=pk)
    # Only MCD may pick: the service raises PermissionDenied (403) for anyone else.
    story_of_the_month.pick_story_of_the_month(user=request.user, proposal=proposal)
    messages.success(
        request,
        _("“%(story)s” is the story of the month of %(month)s.")
        % {"story": proposal.story.title, "month": proposal.month.strftime("%B %Y")},
    )
    return redirect(viewset.get_url_name("list"))
