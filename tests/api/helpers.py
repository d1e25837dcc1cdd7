"""Helpers of the API tests: stored expected JSON, problem documents, normalised values."""

import json
import os
import re
from pathlib import Path

from wagtail.api.v3.errors import PROBLEM_JSON

EXPECTED_DIR = Path(__file__).parent / "expected"
# Set UPDATE_EXPECTED=1 to rewrite the stored files after an intended contract change; the
# diff of the files then shows the change for review.
UPDATE = os.environ.get("UPDATE_EXPECTED") == "1"

#: Keys whose values change on every run (publication times).
VOLATILE_KEYS = {"first_published_at"}
_MEDIA = re.compile(r"/media/(images|original_images|documents)/[^\"?]+")
_DOCUMENT_LINK = re.compile(r"/documents/\d+/[^\"?]+")


def normalise(value, ids):
    """`value` with volatile parts replaced: ids by their names, media file names, times.

    `ids` maps a database id to a stable name ({story.pk: "story"}); ids appear as numbers
    in "id" keys and inside URLs (/api/v3/pages/7/, /embed/stories/7/).
    """
    if isinstance(value, dict):
        normalised = {}
        for key, item in value.items():
            if key in VOLATILE_KEYS and item is not None:
                normalised[key] = f"<{key}>"
            elif key == "id" and isinstance(item, int) and item in ids:
                normalised[key] = f"<{ids[item]}>"
            else:
                normalised[key] = normalise(item, ids)
        return normalised
    if isinstance(value, list):
        return [normalise(item, ids) for item in value]
    if isinstance(value, str):
        value = _MEDIA.sub(lambda m: f"/media/{m.group(1)}/<file>", value)
        value = _DOCUMENT_LINK.sub("/documents/<document>/<file>", value)
        for pk, name in ids.items():
            value = re.sub(rf"/{pk}/", f"/<{name}>/", value)
            value = re.sub(rf"(%2F){pk}(%2F)", rf"\g<1><{name}>\g<2>", value)
        return value
    return value


def assert_matches_expected(name, data):
    """`data` equals tests/api/expected/<name>.json (written there when UPDATE_EXPECTED=1)."""
    path = EXPECTED_DIR / f"{name}.json"
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if UPDATE:
        path.write_text(text)
    assert path.exists(), f"{path} is missing: run with UPDATE_EXPECTED=1 once and review it."
    assert json.loads(path.read_text()) == json.loads(text)


def assert_problem(response, status, *, parameter=None):
    """An RFC 7807 problem document with `status`; `parameter` named in its errors if given."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM_JSON
    problem = response.json()
    assert problem["status"] == status
    assert problem["title"]
    assert problem["type"]
    if parameter is not None:
        assert any(parameter in error["loc"] and error["msg"] for error in problem["errors"]), (
            problem
        )
    return problem
