"""Campaign material in the admin: MCD's for the whole campaign, each mission's for itself.

MCD writes the campaign's material (no mission) and reaches every mission's; a mission's
people write material for their own mission only, and see no other. The rule is written once,
as the model's permission policy (heroes.permissions.works_for), which Wagtail's snippet views,
actions and the snippets API all ask; every view of the viewset also answers 404 for material
out of reach, as the other scoped admin views do (heroes.admin.scoping). Publishing is MCD's: a
mission's material goes through its focal point, then MCD (CampaignMaterial.get_workflow).
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import snippets

from cms.core.api_forms import ModelFormReportingEveryField
from heroes import permissions, setup_roles
from heroes.admin.scoping import Scope, ScopedViewSetMixin
from home.models import CampaignMaterial


class CampaignMaterialPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions (heroes.setup_roles grants them), on the material of the
    missions the user works for: MCD all of it, a mission's people their mission's."""

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        return permissions.of_users_missions(user, instances)

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(
            user, action, instance
        ) and permissions.works_for(user, instance.mission)


class CampaignMaterialForm(ModelFormReportingEveryField):
    """A mission's people choose among their own missions; only MCD may leave it empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        field = self.fields.get("mission")
        if field is None or user is None:
            return
        missions = permissions.missions_of(user)
        field.queryset = missions
        if not permissions.is_mcd(user) and missions.count() == 1:
            field.initial = missions.get()

    def clean(self):
        cleaned = super().clean()
        user = self.for_user
        if user is None or permissions.is_mcd(user):
            return cleaned
        # Checked here, not as a required field: Wagtail defers those when saving a draft. A
        # form without the field (the write API's) keeps the instance's mission.
        mission = cleaned.get("mission") if "mission" in self.fields else self.instance.mission
        if mission is None and "mission" not in self.errors:
            error = ValidationError(
                _("Choose your mission: only MCD writes the campaign's own material.")
            )
            self.add_error("mission" if "mission" in self.fields else None, error)
        return cleaned


class InReach(Scope):
    """The material the user may reach (as the model's permission policy answers)."""

    def scope(self, queryset):
        return permissions.of_users_missions(self.request.user, queryset)


class IndexView(snippets.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("mission", "locale")


class CreateView(snippets.CreateView):
    @cached_property
    def workflow(self):
        """The workflow the new material will go through: a mission's, unless MCD writes."""
        if getattr(self, "object", None) is not None:
            return self.object.get_workflow()
        if not permissions.is_mcd(self.request.user):
            return setup_roles.mission_endorsement_workflow()
        return self.model.get_default_workflow()

    def submit_action(self):
        # The workflow is the saved material's: it depends on its mission.
        self.object.get_workflow().start(self.object, self.request.user)


class CampaignMaterialViewSet(ScopedViewSetMixin, snippets.SnippetViewSet):
    """The campaign's material and each mission's own, one listing scoped to the user: every
    view answers 404 for material out of reach (heroes.admin.scoping)."""

    model = CampaignMaterial
    scope_class = InReach
    icon = "doc-full"
    list_display = ["title", "kind", "mission", "locale", LiveStatusTagColumn()]
    list_filter = ["kind", "mission", "locale"]
    edit_handler = ObjectList(CampaignMaterial.panels, base_form_class=CampaignMaterialForm)
    index_view_class = IndexView
    add_view_class = CreateView
