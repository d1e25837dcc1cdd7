"""Translators: one group per language, working in their language's tree and nowhere else."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms.core.roles import ensure_translator_groups, translator_group
from tests.factories import HeroCategoryFactory

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def translation_of(page, tree, code):
    return page.get_translation(tree.locales[code])


def test_there_is_one_translators_group_per_language_other_than_english(synced_tree):
    groups = ensure_translator_groups()

    assert {code: group.name for code, group in groups.items()} == {
        "fr": "Translators — French",
        "es": "Translators — Spanish",
        "ar": "Translators — Arabic",
    }
    french_home = translation_of(synced_tree.home, synced_tree, "fr")
    assert {
        permission.permission.codename
        for permission in translator_group("fr").page_permissions.filter(page=french_home)
    } == {"add_page", "change_page"}


def test_ensure_translator_groups_is_idempotent(synced_tree):
    first = ensure_translator_groups()
    second = ensure_translator_groups()

    assert first == second
    assert translator_group("fr").page_permissions.count() == 2


def test_a_french_translator_can_open_a_page_of_the_french_tree(client, synced_tree, translator_of):
    client.force_login(translator_of("fr"))
    french_story = translation_of(synced_tree.story, synced_tree, "fr")

    response = client.get(edit_url(french_story))

    assert response.status_code == 200
    # wagtail-localize offers to translate the alias into French
    assert reverse("wagtail_localize:submit_page_translation", args=[synced_tree.story.pk]) in (
        response.content.decode()
    )


@pytest.mark.parametrize("code", ["ar", "es", "en"])
def test_a_french_translator_cannot_edit_another_languages_tree(
    client, synced_tree, translator_of, code
):
    translator = translator_of("fr")
    client.force_login(translator)
    story = translation_of(synced_tree.story, synced_tree, code)

    response = client.get(edit_url(story))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not story.permissions_for_user(translator).can_edit()


def test_a_french_translator_cannot_publish(synced_tree, translator_of):
    translator = translator_of("fr")
    french_story = translation_of(synced_tree.story, synced_tree, "fr")

    permissions = french_story.permissions_for_user(translator)

    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_a_french_translator_is_offered_only_french_to_translate_into(
    client, synced_tree, translator_of
):
    client.force_login(translator_of("fr"))
    url = reverse("wagtail_localize:submit_page_translation", args=[synced_tree.story.pk])

    response = client.get(url)

    assert response.status_code == 200
    offered = response.context["form"].fields["locales"].queryset
    assert list(offered.values_list("language_code", flat=True)) == ["fr"]


def test_a_french_translator_cannot_translate_into_arabic(client, synced_tree, translator_of):
    client.force_login(translator_of("fr"))
    url = reverse("wagtail_localize:submit_page_translation", args=[synced_tree.story.pk])
    arabic_story = translation_of(synced_tree.story, synced_tree, "ar")

    response = client.post(url, {"locales": [synced_tree.locales["ar"].pk]})

    assert response.status_code == 200  # the form, with its error
    assert response.context["form"].errors["locales"]
    arabic_story = Page.objects.get(pk=arabic_story.pk)
    assert arabic_story.alias_of_id == synced_tree.story.pk


def test_a_translator_may_not_translate_snippets_they_cannot_edit(
    client, synced_tree, translator_of
):
    category = HeroCategoryFactory()
    client.force_login(translator_of("fr"))
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["heroes", "herocategory", category.pk],
    )

    response = client.post(url, {"locales": [synced_tree.locales["fr"].pk]})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not category.get_translations().exists()
