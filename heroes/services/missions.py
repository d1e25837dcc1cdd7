"""Missions join the campaign: a mission, its hub in every locale, its focal point invited."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.log_actions import log
from wagtail.models import Collection, Locale

from cms.core.mail import queue_mail
from heroes import setup_roles
from heroes.models import (
    Mission,
    MissionHubPage,
    MissionIndexPage,
)


@dataclass
class MissionSetup:
    mission: Mission
    hub: MissionHubPage
    created: bool
    invited: object | None  # the focal point user, when an invitation was sent


def setup_mission(*, country, name, focal_point_email, user=None, invite=True):
    """Open a country office's room, or check an existing one: idempotent.

    Creates (when missing) the mission, its hub and the hub's aliases in every locale, its
    collection, its editors' and focal point's groups with exactly their rights, the
    endorsement workflow on the hub, and invites the focal point. Refuses, changing
    nothing, a country code that isn't one, or a country or name another mission has.

    With `invite=False` (the demo loader) no email is sent: a new focal point's account is
    made, inactive, and opens only once someone gives it a password.
    """
    code, name, email = (country or "").strip().upper(), (name or "").strip(), focal_point_email
    errors = {}
    if code not in countries:
        errors["country"] = _("“%(code)s” is not an ISO 3166 country code (e.g. KE).") % {
            "code": country
        }
    if not name:
        errors["name"] = _("Give the mission a name, e.g. “Kenya”.")
    try:
        email = get_user_model().objects.normalize_email((email or "").strip())
        validate_email(email)
    except ValidationError:
        errors["focal_point_email"] = _("“%(email)s” is not an email address.") % {
            "email": focal_point_email
        }
    if errors:
        raise ValidationError(errors)

    existing = Mission.objects.filter(country=code).first()
    if existing and existing.name != name:
        raise ValidationError(
            {
                "country": _("%(code)s already has a mission: “%(name)s”.")
                % {"code": code, "name": existing.name}
            }
        )
    if Mission.objects.filter(name__iexact=name).exclude(country=code).exists():
        raise ValidationError(
            {"name": _("Another mission is already called “%(name)s”.") % {"name": name}}
        )

    with transaction.atomic():
        mission = existing or _create_mission(code=code, name=name)
        hub = _ensure_hub(mission)
        _ensure_hub_aliases(hub)
        setup_roles.ensure_mission_roles(mission)
        invited = _ensure_focal_point(mission, email, invite=invite)
        if existing is None:
            log(instance=hub, action="heroes.mission_set_up", user=user, data={"country": code})
    return MissionSetup(mission=mission, hub=hub, created=existing is None, invited=invited)


def _create_mission(*, code, name):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    editors, _created = Group.objects.get_or_create(name=f"Mission editors — {name}")
    focal_point, _created = Group.objects.get_or_create(name=f"Mission focal point — {name}")
    return Mission.objects.create(
        country=code,
        name=name,
        collection=collection,
        editors_group=editors,
        focal_point_group=focal_point,
    )


def _ensure_hub(mission):
    locale = Locale.get_default()
    hub = MissionHubPage.objects.filter(locale=locale, country=mission.country).first()
    if hub is not None:
        return hub
    index = MissionIndexPage.objects.filter(locale=locale).first()
    if index is None:
        raise ValidationError(
            _(
                "There is no missions page to put the hub under: "
                "create the site's Missions page first."
            )
        )
    hub = MissionHubPage(
        title=mission.name, office_name=mission.name, country=mission.country, locale=locale
    )
    index.add_child(instance=hub)
    hub.save_revision().publish()
    return hub


def _ensure_hub_aliases(hub):
    """The hub exists in every locale whose missions page exists: as an alias until translated."""
    for locale in Locale.objects.exclude(pk=hub.locale_id):
        if hub.has_translation(locale):
            continue
        if not hub.get_parent().has_translation(locale):
            continue
        hub.copy_for_translation(locale, alias=True)


def _ensure_focal_point(mission, email, *, invite):
    """Put the focal point in their group; invite them (if `invite`) if they have no account yet."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    new = user is None
    if new:
        user = User.objects.create_user(username=email, email=email, is_active=False)
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(mission.focal_point_group)
    if new and invite:
        send_invitation(user=user, mission=mission)
        return user
    return None


def invitation_url(user):
    path = reverse(
        "mission_invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(*, user, mission):
    context = {"user": user, "mission": mission, "url": invitation_url(user)}
    queue_mail(
        subject=render_to_string("heroes/emails/invitation_subject.txt", context),
        body=render_to_string("heroes/emails/invitation.txt", context),
        to=[user.email],
    )


def activate_invited_user(user):
    """The focal point has chosen a password: their account opens."""
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])


def hub_for(sent):
    """(mission, hub) where what the public sent about a country (a nomination, an event
    proposal: its `mission` and `country`) is drafted: the mission of that country, else
    headquarters (mission None). The hub is the source one, in the default locale first."""
    mission = sent.mission or Mission.objects.filter(country=sent.country).first()
    if mission is not None:
        hubs = mission.hubs
    else:
        hubs = MissionHubPage.objects.filter(is_headquarters=True)
    hubs = hubs.filter(alias_of__isnull=True)
    hub = hubs.filter(locale=Locale.get_default()).first() or hubs.first()
    if hub is None:
        raise ValidationError(
            _("There is no mission hub to draft this in: set up the mission's hub or HQ's.")
        )
    return mission, hub
