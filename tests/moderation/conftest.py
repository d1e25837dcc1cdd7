"""Two missions side by side (Kenya and Italy), set up as production does, and their people."""

import pytest
from django.contrib.auth.models import Group

from heroes import permissions
from heroes.services import missions
from tests.factories import HeroStoryPageFactory, MissionHubPageFactory, UserFactory


@pytest.fixture
def kenya(mission_hub):
    """Kenya's mission, set up by the service `setup_mission` runs (adopting its hub)."""
    return missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    ).mission


@pytest.fixture
def italy(mission_index):
    MissionHubPageFactory(parent=mission_index, country="IT", office_name="IOM Italy")
    return missions.setup_mission(
        country="IT", name="Italy", focal_point_email="focal.point@italy.example.org"
    ).mission


def member_of(group):
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def kenya_editor(kenya):
    return member_of(kenya.editors_group)


@pytest.fixture
def kenya_focal_point(kenya):
    """The invited focal point, who has since accepted the invitation."""
    user = kenya.focal_point_group.user_set.get()
    user.is_active = True
    user.set_password("correct horse battery staple")
    user.save()
    return user


@pytest.fixture
def italy_editor(italy):
    return member_of(italy.editors_group)


@pytest.fixture
def italy_focal_point(italy):
    user = italy.focal_point_group.user_set.get()
    user.is_active = True
    user.save()
    return user


@pytest.fixture
def mcd(kenya):
    return member_of(Group.objects.get(name=permissions.MCD_GROUP))


@pytest.fixture
def kenya_story(kenya):
    hub = kenya.hubs.get()
    return HeroStoryPageFactory(parent=hub, hero_name="Amina Yusuf")


@pytest.fixture
def italy_story(italy):
    return HeroStoryPageFactory(parent=italy.hubs.get(), hero_name="Ousmane Diallo")


@pytest.fixture
def kenya_draft(kenya, kenya_editor):
    """A draft story written by Kenya's editor, saved as a revision, never published."""
    story = HeroStoryPageFactory(parent=kenya.hubs.get(), hero_name="Grace Akech", draft=True)
    story.owner = kenya_editor
    story.save()
    story.save_revision(user=kenya_editor)
    return story
