from tests.api.conftest import (  # noqa: F401 (fixtures shared with the API tests)
    calendar_page,
    draft_story,
    event,
    french_story,
    other_mission,
    private_story,
    story,
    story_index,
)
