# The missions and their people, as the moderation tests set them up.
from tests.moderation.conftest import (  # noqa: F401
    italy,
    italy_editor,
    kenya,
    kenya_editor,
    kenya_focal_point,
    mcd,
)
