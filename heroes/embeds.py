"""The embed card of a story (`/embed/stories/<id>/`): what oEmbed consumers show in an iframe.

A small standalone page in the story's own language, meant to be framed by other sites;
only live, public stories have one.
"""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from heroes.api.common import live_story


@require_safe
@xframe_options_exempt
def story_card(request, story_id):
    story = live_story(story_id)
    with translation.override(story.locale.language_code):
        return render(
            request,
            "embed/story_card.html",
            {
                "story": story,
                "story_url": story.get_full_url(request),
                "LANGUAGE_BIDI": translation.get_language_bidi(),
            },
        )
