"""Translators and MCD around the four-language tree (`synced_tree`, in tests/conftest.py)."""

import pytest

from cms.core.roles import ensure_translator_groups
from tests.factories import UserFactory


@pytest.fixture
def translator_of(synced_tree):
    """translator_of("fr"): a new user in the French translators' group."""
    groups = ensure_translator_groups()

    def make(language_code):
        user = UserFactory()
        user.groups.add(groups[language_code])
        return user

    return make


@pytest.fixture
def mcd_admin(db):
    """Headquarters' publisher (a superuser until the moderation roles exist)."""
    return UserFactory(superuser=True)
