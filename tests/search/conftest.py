"""A mission hub in any language: its own tree (home, missions, hub), stories written in it."""

import pytest

from tests.factories import (
    HomePageFactory,
    LocaleFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
)


@pytest.fixture
def hub_in(root_page, home_page, mission_hub):
    """hub_in("fr"): the Kenya mission's hub in a French tree of its own (English: mission_hub)."""
    hubs = {"en": mission_hub}

    def make(language_code):
        if language_code not in hubs:
            locale = LocaleFactory(language_code=language_code)
            home = HomePageFactory(parent=root_page, locale=locale, title=f"Home {language_code}")
            missions = MissionIndexPageFactory(parent=home, locale=locale)
            hubs[language_code] = MissionHubPageFactory(
                parent=missions, locale=locale, country="KE", office_name=f"OIM {language_code}"
            )
        return hubs[language_code]

    return make
