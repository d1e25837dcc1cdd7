"""Who is who: MCD, a user's missions, focal points, and who may review or pick.

Every part of the campaign asks these questions here (the admin, the site, the API, the
services, the notifications, the focal point's workflow step), so each has one answer. The
groups and their permissions are made by heroes.setup_roles.

- MCD is the MCD group; a superuser counts as MCD.
- A mission's people are its editors' group and its focal point's group.
- What MCD may do that missions may not is a permission of the MCD group
  (`heroes.pick_storyofthemonth`, `heroes.review_nomination`), so an administrator can see
  and change it in the admin's group editor.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from heroes.models import EventProposal, Mission, Nomination

MCD_GROUP = "MCD"


# Who is who ---------------------------------------------------------------------------------


def is_mcd(user):
    """Headquarters' media and communications division (or a superuser)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=MCD_GROUP).exists()


def mcd_members():
    """MCD's active people: whom MCD's notifications go to (superusers are not on it)."""
    return get_user_model().objects.filter(is_active=True, groups__name=MCD_GROUP)


def is_member(user, mission):
    """An editor or the focal point of `mission`."""
    return (
        user.is_authenticated
        and user.groups.filter(
            pk__in=[mission.editors_group_id, mission.focal_point_group_id]
        ).exists()
    )


def members_of(mission):
    """The mission's active editors and focal points."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, groups__in=[mission.editors_group_id, mission.focal_point_group_id]
        )
        .distinct()
    )


def is_focal_point(user, mission):
    return user.is_authenticated and user.groups.filter(pk=mission.focal_point_group_id).exists()


def focal_points_of(mission):
    """The mission's active focal points: the first reviewers of its drafts and nominations."""
    return get_user_model().objects.filter(is_active=True, groups=mission.focal_point_group_id)


def missions_of(user):
    """The missions a user works for; MCD works for all of them."""
    if is_mcd(user):
        return Mission.objects.all()
    if not user.is_authenticated:
        return Mission.objects.none()
    groups = user.groups.all()
    return Mission.objects.filter(
        Q(editors_group__in=groups) | Q(focal_point_group__in=groups)
    ).distinct()


def missions_with_focal_point(user):
    """The missions whose focal point `user` is."""
    if not user.is_authenticated:
        return Mission.objects.none()
    return Mission.objects.filter(focal_point_group__in=user.groups.all())


def works_for(user, mission):
    """Whether `user` works for `mission`: MCD for every mission and for the campaign as a
    whole (`mission` None: MCD's own material); a mission's people for their own mission."""
    if is_mcd(user):
        return True
    return mission is not None and is_member(user, mission)


def of_users_missions(user, queryset):
    """The rows of `queryset` (a model with a `mission`) that `user` works for, as works_for
    answers: MCD all of them, the campaign's own (no mission) included."""
    if is_mcd(user):
        return queryset
    return queryset.filter(mission__in=missions_of(user))


# Who may do what ----------------------------------------------------------------------------


def may_propose_story_of_the_month(user, mission):
    """A mission's people propose its stories for the story of the month."""
    return mission is not None and is_member(user, mission)


def may_pick_story_of_the_month(user):
    """MCD picks the global story of the month among the missions' proposals."""
    return user.has_perm("heroes.pick_storyofthemonth")


def may_mark_goodwill_ambassador(user):
    """MCD alone makes a Migrant Hero an IOM Goodwill Ambassador (and changes or removes it)."""
    return is_mcd(user)


# What the public sends (a nomination, a partner's event proposal) is reviewed by MCD, every
# one of them, and by the mission of its country, its own: one rule for both.


def _may_review_every(user, model):
    return user.has_perm(f"heroes.review_{model._meta.model_name}")


def _may_review(user, sent):
    return _may_review_every(user, type(sent)) or (
        sent.mission is not None and is_member(user, sent.mission)
    )


def _to_review(user, model):
    sent = model.objects.select_related("mission")
    if _may_review_every(user, model):
        return sent
    return sent.filter(mission__in=missions_of(user))


def may_review_every_nomination(user):
    return _may_review_every(user, Nomination)


def may_review_nomination(user, nomination):
    """MCD reviews every public nomination; a mission those of its country."""
    return _may_review(user, nomination)


def nominations_to_review(user):
    """The public nominations `user` may read and review: one rule with may_review_nomination."""
    return _to_review(user, Nomination)


def may_review_every_event_proposal(user):
    return _may_review_every(user, EventProposal)


def may_review_event_proposal(user, proposal):
    """MCD reviews every partner's event proposal; a mission those of its country."""
    return _may_review(user, proposal)


def event_proposals_to_review(user):
    """The event proposals `user` may read and review: one rule with may_review_event_proposal."""
    return _to_review(user, EventProposal)
