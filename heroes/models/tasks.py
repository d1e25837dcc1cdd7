from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from .missions import Mission


def mission_of(obj):
    """The mission `obj` belongs to: a page's, from the hub it sits under (in any language);
    a mission's own snippet's (campaign material), from its `mission`; else None (HQ, MCD)."""
    if isinstance(obj, Page):
        return Mission.of_page(obj)
    mission = getattr(obj, "mission", None)
    return mission if isinstance(mission, Mission) else None


class FocalPointReviewTask(Task):
    """First step of the mission endorsement: the focal point of the object's own mission.

    One task serves every mission: its approvers are found from the object (a page: the hub
    it sits under, in any language; a mission's snippet: its mission), so mission A's focal
    point never reviews mission B's drafts.
    """

    class Meta:
        verbose_name = _("Focal point review")
        verbose_name_plural = _("Focal point reviews")

    @classmethod
    def get_description(cls):
        return _("The focal point of the mission the page belongs to reviews it")

    def is_reviewer(self, obj, user):
        from heroes.permissions import is_focal_point

        if user.is_superuser:
            return True
        mission = mission_of(obj)
        return mission is not None and is_focal_point(user, mission)

    def user_can_access_editor(self, obj, user):
        return self.is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_reviewer(obj, user)

    def user_can_lock(self, obj, user):
        return self.is_reviewer(obj, user)

    def get_actions(self, obj, user):
        if not self.is_reviewer(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from heroes.permissions import missions_with_focal_point
        from heroes.setup_roles import mission_written_models

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        missions = list(missions_with_focal_point(user))
        hubs = [hub for mission in missions for hub in mission.hubs]
        if not missions:
            return TaskState.objects.none()
        theirs = Q(pk__in=[])
        if hubs:
            under_hubs = Q()
            for hub in hubs:
                under_hubs |= Q(path__startswith=hub.path)
            page_ids = Page.objects.filter(under_hubs).values_list("pk", flat=True)
            theirs |= Q(
                workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
                workflow_state__object_id__in=[str(pk) for pk in page_ids],
            )
        for model in mission_written_models():
            object_ids = model._default_manager.filter(mission__in=missions).values_list(
                "pk", flat=True
            )
            theirs |= Q(
                workflow_state__base_content_type=ContentType.objects.get_for_model(model),
                workflow_state__object_id__in=[str(pk) for pk in object_ids],
            )
        return states.filter(theirs)

    def reviewers(self, obj):
        """The users who can act on `obj` at this step (its mission's active focal points)."""
        from heroes.permissions import focal_points_of

        mission = mission_of(obj)
        return focal_points_of(mission) if mission else []
