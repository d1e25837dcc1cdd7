"""How a story is shared: its post texts with the campaign hashtag, and the networks' links.

One home for the share kit API (/api/v3/stories/<id>/share/) and the share links under every
story on the site. The links are plain URLs of each network's own share dialog (or mailto:):
no third-party script, no tracker, nothing loaded before the reader clicks.
"""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _
from django.utils.translation import override

from cms.core.models import CampaignSettings

TWEET_LENGTH = 280
TWITTER_URL_LENGTH = 23  # Twitter/X counts every link as 23 characters
DEFAULT_HASHTAG = "#MigrantHeroes"


def _truncate(text, length):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def campaign_hashtag(request=None):
    return CampaignSettings.load(request_or_site=request).hashtag or DEFAULT_HASHTAG


def post_texts(story, *, hashtag):
    """(Facebook text, Twitter/X text) of a story, in the story's language."""
    with override(story.locale.language_code):
        summary = story.get_social_text() or story.headline
        facebook_text = _("%(headline)s — the story of %(hero)s. %(hashtag)s") % {
            "headline": story.headline,
            "hero": story.hero_name,
            "hashtag": hashtag,
        }
    tweet_room = TWEET_LENGTH - TWITTER_URL_LENGTH - len(hashtag) - 2
    twitter_text = f"{_truncate(story.headline or summary, tweet_room)} {hashtag}"
    return facebook_text, twitter_text


def facebook_url(url):
    return "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})


def twitter_url(text, url):
    return "https://twitter.com/intent/tweet?" + urlencode({"text": text, "url": url})


def whatsapp_url(text, url):
    return "https://wa.me/?" + urlencode({"text": f"{text} {url}"})


def email_url(subject, text, url):
    body = f"{text}\n\n{url}"
    return f"mailto:?subject={quote(subject)}&body={quote(body)}"


def share_links(story, request=None):
    """The site's share links of a story: (network, label, url) in the order shown."""
    url = story.get_full_url(request)
    facebook_text, twitter_text = post_texts(story, hashtag=campaign_hashtag(request))
    return [
        ("facebook", "Facebook", facebook_url(url)),
        ("x", "X", twitter_url(twitter_text, url)),
        ("whatsapp", "WhatsApp", whatsapp_url(facebook_text, url)),
        (
            "email",
            _("Email"),
            email_url(f"{story.hero_name}: {story.headline}", facebook_text, url),
        ),
    ]
