"""Wagtail's v3 pages API over the campaign's page types: public fields, no leak."""

import pytest
from wagtail.models import APIToken

from tests.api.conftest import PRIVATE_NOMINATOR, PRIVATE_NOTES
from tests.api.helpers import assert_matches_expected, assert_problem, normalise
from tests.factories import HeroStoryPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def ids_of(story, mission_hub, french_story=None, **others):
    ids = {story.pk: "story", mission_hub.pk: "mission_hub", story.photo.pk: "photo"}
    for block in story.body:
        if block.block_type == "image":
            ids[block.value["image"].pk] = "body_image"
    if french_story is not None:
        ids[french_story.pk] = "french_story"
    ids.update({page.pk: name for name, page in others.items()})
    return ids


def test_story_detail_matches_the_stored_json(client, story, french_story, mission_hub):
    response = client.get(f"/api/v3/pages/{story.pk}/")

    assert response.status_code == 200
    ids = ids_of(story, mission_hub, french_story)
    assert_matches_expected("story_detail", normalise(response.json(), ids))


def test_story_detail_gives_the_share_crop_with_width_height_and_alt(client, story):
    photo = client.get(f"/api/v3/pages/{story.pk}/").json()["photo"]

    share = photo["renditions"]["share"]
    assert (share["width"], share["height"]) == (1200, 630)
    assert share["url"].startswith("http://testserver/media/images/")
    assert photo["alt"] == "Amina teaching a sewing class"


def test_event_detail_names_its_country_in_the_language_of_the_page(client, event, french_story):
    french_event = event.copy_for_translation(french_story.locale, copy_parents=True)
    french_event.save_revision().publish()

    english = client.get(f"/api/v3/pages/{event.pk}/").json()
    french = client.get(f"/api/v3/pages/{french_event.pk}/").json()

    assert english["country"] == {"code": "KE", "name": "Kenya"}
    assert french["country"]["code"] == "KE"
    assert french["meta"]["locale"] == "fr"
    assert english["hero_story"]["title"] == "Amina Yusuf"
    assert english["mission"]["title"] == "IOM Kenya"


def test_locale_filter_lists_only_the_pages_of_that_language(client, story, french_story):
    response = client.get("/api/v3/pages/?type=heroes.HeroStoryPage&locale=fr")

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [french_story.pk]


def test_a_story_links_to_its_live_translations(client, story, french_story):
    translations = client.get(f"/api/v3/pages/{story.pk}/").json()["translations"]

    assert translations == [
        {
            "id": french_story.pk,
            "title": "Amina Yusuf (fr)",
            "locale": "fr",
            "url": "http://localhost/fr/missions/iom-kenya/amina-yusuf/",
        }
    ]


def test_drafts_and_private_pages_never_appear_in_the_pages_api(
    client, story, draft_story, private_story
):
    listing = client.get("/api/v3/pages/?type=heroes.HeroStoryPage").json()

    assert [item["id"] for item in listing["items"]] == [story.pk]
    assert_problem(client.get(f"/api/v3/pages/{draft_story.pk}/"), 404)
    assert_problem(client.get(f"/api/v3/pages/{private_story.pk}/"), 404)


def test_an_unpublished_revision_is_never_served_to_the_public(client, story):
    story.headline = "A draft headline the editor has not published"
    story.save_revision()

    anonymous = client.get(f"/api/v3/pages/{story.pk}/").json()
    asking_for_the_draft = client.get(f"/api/v3/pages/{story.pk}/?version=draft").json()

    assert anonymous["headline"] == "Amina teaches sewing in Nairobi"
    assert asking_for_the_draft["headline"] == "Amina teaches sewing in Nairobi"


def test_unpublished_and_deleted_stories_disappear_from_the_api(client, story, mission_hub):
    other = HeroStoryPageFactory(parent=mission_hub)
    assert client.get(f"/api/v3/pages/{other.pk}/").status_code == 200
    other.unpublish()
    story_id = story.pk
    story.delete()

    assert_problem(client.get(f"/api/v3/pages/{other.pk}/"), 404)
    assert_problem(client.get(f"/api/v3/pages/{story_id}/"), 404)


def test_private_data_never_appears_in_the_pages_api(client, story, event):
    for url in [
        f"/api/v3/pages/{story.pk}/",
        f"/api/v3/pages/{event.pk}/",
        "/api/v3/pages/?type=heroes.HeroStoryPage",
    ]:
        body = client.get(url).content.decode()
        assert PRIVATE_NOTES not in body
        assert PRIVATE_NOMINATOR not in body
        assert "consent" not in body


def test_a_credited_nominator_is_named_and_an_uncredited_one_is_not(client, mission_hub):
    credited = HeroStoryPageFactory(parent=mission_hub, nominated=True)
    uncredited = HeroStoryPageFactory(
        parent=mission_hub, nominator_name="Hidden Person", nominator_agreed_to_credit=False
    )

    assert client.get(f"/api/v3/pages/{credited.pk}/").json()["nominator_credit"] == (
        credited.nominator_name
    )
    assert client.get(f"/api/v3/pages/{uncredited.pk}/").json()["nominator_credit"] == ""


def test_anonymous_callers_cannot_write(client, story):
    response = client.patch(
        f"/api/v3/pages/{story.pk}/", {"title": "Defaced"}, content_type="application/json"
    )

    assert_problem(response, 401)
    story.refresh_from_db()
    assert story.title == "Amina Yusuf"


def test_a_token_without_permission_cannot_publish(client, story):
    _token, key = APIToken.create_token(user=UserFactory(), name="partner site")

    response = client.post(
        f"/api/v3/pages/{story.pk}/actions/unpublish/",
        {},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )

    assert_problem(response, 403)
    story.refresh_from_db()
    assert story.live


def test_a_token_of_an_editor_with_permission_can_update(client, story):
    _token, key = APIToken.create_token(user=UserFactory(superuser=True), name="mcd")

    response = client.patch(
        f"/api/v3/pages/{story.pk}/",
        {"headline": "A new headline"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )

    assert response.status_code == 200, response.content
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().headline == "A new headline"
    assert story.headline == "Amina teaches sewing in Nairobi"  # a draft until published


def test_renditions_are_made_when_a_story_is_published_not_on_the_first_request(mission_hub):
    from cms.core.api_fields import IMAGE_RENDITIONS
    from cms.core.renditions import RENDITIONS_MADE_AT_PUBLISH

    story = HeroStoryPageFactory(parent=mission_hub, draft=True)
    assert not story.photo.renditions.exists()

    story.save_revision().publish()

    made = set(story.photo.renditions.values_list("filter_spec", flat=True))
    assert made == set(RENDITIONS_MADE_AT_PUBLISH)
    assert set(IMAGE_RENDITIONS.values()) <= made  # the API's, and the site's


def test_the_images_and_documents_apis_need_a_token(client, story, draft_story):
    for url in ["/api/v3/images/", f"/api/v3/images/{draft_story.photo.pk}/", "/api/v3/documents/"]:
        problem = assert_problem(client.get(url), 401)
        assert "token" in problem["detail"]


def test_with_a_token_the_images_api_shows_no_consent_record(client, story):
    _token, key = APIToken.create_token(user=UserFactory(superuser=True), name="mcd")

    for url in ["/api/v3/images/", f"/api/v3/images/{story.photo.pk}/"]:
        response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
        assert response.status_code == 200
        assert PRIVATE_NOTES not in response.content.decode()
        assert "consent" not in response.content.decode()
