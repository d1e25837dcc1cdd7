"""Setting up the roles: the MCD group, each mission's two groups, and the endorsement workflows.

Who is who (is this user MCD, which missions are theirs) is heroes.permissions' answer;
this module makes the groups and grants the rights those answers stand on. Everything here
is idempotent (get or create), so `setup_mission` and `load_demo` can call it on every run.
Permissions are granted on objects (a hub in every locale, a collection) so that a
mission's people work in their own room and nowhere else.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from heroes.models import (
    EventProposal,
    FocalPointReviewTask,
    GoodwillAmbassador,
    HeroCategory,
    Multiplier,
    Nomination,
    NominationCriteria,
    StoryOfTheMonth,
    VotingRound,
)
from heroes.permissions import MCD_GROUP

MISSION_WORKFLOW = "Mission endorsement"
MCD_WORKFLOW = "MCD endorsement"
FOCAL_POINT_TASK = "Focal point review"
MCD_TASK = "MCD endorsement"

# Mission people write and lock pages; they never publish. MCD publishes.
MISSION_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
# The same for their own snippets (campaign material): only theirs (the models' permission
# policies), never published by them, never deleted once MCD endorsed them.
MISSION_SNIPPET_ACTIONS = ["add", "change", "lock", "unlock"]
MCD_PAGE_PERMISSIONS = [*MISSION_PAGE_PERMISSIONS, "publish_page", "bulk_delete_page"]
MEDIA_ACTIONS = ["add", "change", "choose"]


def mcd_endorsed_models():
    """The snippet models named in settings.MCD_ENDORSED_SNIPPETS (e.g. campaign material)."""
    return [apps.get_model(label) for label in settings.MCD_ENDORSED_SNIPPETS]


def mission_written_models():
    """The MCD-endorsed snippet models a mission may also write for itself: those with a
    `mission`. A mission's own go through its focal point, then MCD, as its pages do."""
    return [
        model
        for model in mcd_endorsed_models()
        if any(field.name == "mission" for field in model._meta.get_fields())
    ]


def mission_endorsement_workflow():
    """The active focal point → MCD workflow, for a mission's snippets (its pages have it from
    their hub); None when workflows are not set up yet."""
    return Workflow.objects.filter(name=MISSION_WORKFLOW, active=True).first()


def _permission(model, codename_action=None, *, codename=None):
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    codename = codename or f"{codename_action}_{model._meta.model_name}"
    return Permission.objects.get(content_type=content_type, codename=codename)


def _page_permission(codename):
    return _permission(Page, codename=codename)


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def grant_page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(codename)
        )


def grant_collection_permissions(group, collection):
    # Wagtail checks media permissions against its own Image and Document models, whatever
    # the custom models in use.
    for model in (Image, Document):
        for action in MEDIA_ACTIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(model, action)
            )


def ensure_mcd_group():
    """MCD endorses and publishes anywhere, and keeps the campaign's shared lists."""
    group, _created = Group.objects.get_or_create(name=MCD_GROUP)
    group.permissions.add(
        _admin_access(),
        *[_permission(HeroCategory, action) for action in ("add", "change", "delete", "view")],
        *[
            _permission(model, action)
            for model in mcd_endorsed_models()
            for action in ("add", "change", "delete", "publish", "lock", "unlock")
        ],
        *[_permission(StoryOfTheMonth, action) for action in ("view", "change", "delete")],
        _permission(StoryOfTheMonth, codename="pick_storyofthemonth"),
        *[_permission(Multiplier, action) for action in ("add", "change", "delete", "view")],
        *[_permission(Nomination, action) for action in ("view", "change", "delete")],
        _permission(Nomination, codename="review_nomination"),
        # Proposals are read and decided (heroes.services.event_proposals), never edited.
        *[_permission(EventProposal, action) for action in ("view", "delete")],
        _permission(EventProposal, codename="review_eventproposal"),
        *[_permission(VotingRound, action) for action in ("add", "change", "delete", "view")],
        # Who is a Migrant Hero, and who became an IOM Goodwill Ambassador: MCD's alone
        # (translators translate them: cms.core.roles, settings.TRANSLATED_SNIPPETS).
        *[
            _permission(model, action)
            for model in (NominationCriteria, GoodwillAmbassador)
            for action in ("add", "change", "delete", "view")
        ],
        # Promoted search results, and the report of what the public searches.
        *[_permission(SearchPromotion, action) for action in ("add", "change", "delete")],
        _permission(apps.get_model("search", "SearchTermDailyHits"), "view"),
    )
    grant_page_permissions(group, Page.get_first_root_node(), MCD_PAGE_PERMISSIONS)
    grant_collection_permissions(group, Collection.get_first_root_node())
    return group


def ensure_workflows():
    """The two endorsement workflows: mission pages pass their focal point, then MCD."""
    mcd = ensure_mcd_group()
    focal_point_task = FocalPointReviewTask.objects.filter(name=FOCAL_POINT_TASK).first()
    if focal_point_task is None:
        focal_point_task = FocalPointReviewTask.objects.create(name=FOCAL_POINT_TASK)
    mcd_task = GroupApprovalTask.objects.filter(name=MCD_TASK).first()
    if mcd_task is None:
        mcd_task = GroupApprovalTask.objects.create(name=MCD_TASK)
        mcd_task.groups.set([mcd])
    mission_workflow = _workflow(MISSION_WORKFLOW, [focal_point_task, mcd_task])
    mcd_workflow = _workflow(MCD_WORKFLOW, [mcd_task])

    # Every other page (home, indexes, calendar, and their translations) is MCD's: replace
    # Wagtail's default "Moderators approval" on the tree root, so MCD holds the only key.
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": mcd_workflow}
    )
    # Snippets that promote the campaign (its material) need MCD's endorsement too.
    for model in mcd_endorsed_models():
        WorkflowContentType.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(model),
            defaults={"workflow": mcd_workflow},
        )
    return mission_workflow, mcd_workflow


def _workflow(name, tasks):
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        for position, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)
    return workflow


def assign_workflow(workflow, pages):
    """Put each page (and so the pages below it) under `workflow`."""
    for page in pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def ensure_headquarters_workflow(hubs):
    """Headquarters' own pages need only MCD's endorsement."""
    _mission_workflow, mcd_workflow = ensure_workflows()
    assign_workflow(mcd_workflow, hubs)


def ensure_mission_roles(mission):
    """Both groups of a mission get exactly their rights, on the mission's hubs and collection."""
    mission_workflow, _mcd_workflow = ensure_workflows()
    hubs = list(mission.hubs)
    for group in (mission.editors_group, mission.focal_point_group):
        group.permissions.add(
            _admin_access(),
            *[_permission(StoryOfTheMonth, action) for action in ("add", "view")],
            *[_permission(Multiplier, action) for action in ("add", "change", "delete", "view")],
            *[_permission(Nomination, action) for action in ("view", "change")],
            _permission(EventProposal, "view"),
            *[
                _permission(model, action)
                for model in mission_written_models()
                for action in MISSION_SNIPPET_ACTIONS
            ],
        )
        for hub in hubs:
            grant_page_permissions(group, hub, MISSION_PAGE_PERMISSIONS)
        grant_collection_permissions(group, mission.collection)
    assign_workflow(mission_workflow, hubs)
