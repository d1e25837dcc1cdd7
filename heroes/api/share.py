"""The share kit of a story: `/api/v3/stories/{id}/share/`.

What a mission's social media focal point (or a partner site's share buttons) needs to post
a story: its canonical URL in every language it is published in, suggested post texts with
the campaign hashtag for Facebook and Twitter/X (heroes.sharing, which the site's share
links use too), and the 1200x630 share image.
"""

from ninja import Field, Router, Schema

from cms.core.api_fields import RenditionDict, image_representation
from cms.core.selectors import public_pages
from heroes import sharing, voting
from heroes.api.common import live_story

router = Router(tags=["share kit"])


class LocalizedUrl(Schema):
    locale: str
    url: str


class SocialPost(Schema):
    text: str = Field(description="Suggested text, with the campaign hashtag.")
    share_url: str = Field(description="Opens the network's share dialog with the post.")


class ShareImage(RenditionDict):
    alt: str


class VoteInvitation(Schema):
    hashtag: str
    url: str


class ShareKit(Schema):
    id: int
    title: str
    locale: str
    canonical_url: str
    urls: list[LocalizedUrl] = Field(description="Canonical URL in each published language.")
    hashtag: str
    facebook: SocialPost
    twitter: SocialPost
    image: ShareImage | None
    vote: VoteInvitation | None = Field(
        None,
        description="While the story is shortlisted for the public vote: its hashtag "
        "and page, which the post texts include.",
    )

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "id": 7,
                    "title": "Amina Yusuf",
                    "locale": "en",
                    "canonical_url": "https://migrantheroes.example/en/missions/kenya/amina/",
                    "urls": [
                        {
                            "locale": "en",
                            "url": "https://migrantheroes.example/en/missions/kenya/amina/",
                        },
                        {
                            "locale": "fr",
                            "url": "https://migrantheroes.example/fr/missions/kenya/amina/",
                        },
                    ],
                    "hashtag": "#MigrantHeroes",
                    "facebook": {
                        "text": "Amina teaches sewing in Nairobi #MigrantHeroes",
                        "share_url": "https://www.facebook.com/sharer/sharer.php?u=…",
                    },
                    "twitter": {
                        "text": "Amina teaches sewing in Nairobi #MigrantHeroes",
                        "share_url": "https://twitter.com/intent/tweet?text=…&url=…",
                    },
                    "image": {
                        "url": "https://migrantheroes.example/media/images/amina.fill-1200x630.jpg",
                        "width": 1200,
                        "height": 630,
                        "alt": "Amina teaching a sewing class",
                    },
                }
            ]
        }
    }


@router.get(
    "/{story_id}/share/",
    response=ShareKit,
    url_name="story_share_kit",
    summary="Share kit of a story (URLs, post texts, image)",
    operation_id="stories_share_kit",
)
def share_kit(request, story_id: int):
    story = live_story(story_id)
    hashtag = sharing.campaign_hashtag(request)
    canonical_url = story.get_full_url(request)
    translations = public_pages(story.get_translations(inclusive=True)).select_related("locale")
    urls = [
        {"locale": page.locale.language_code, "url": page.get_full_url(request)}
        for page in translations.order_by("locale__language_code")
    ]
    facebook_text, twitter_text = sharing.post_texts(story, hashtag=hashtag)
    vote = voting.vote_invitation(story, request)
    if vote is not None:  # shortlisted for the public vote: the posts invite to it
        facebook_text, twitter_text = voting.with_vote_invitation(
            vote, facebook_text=facebook_text, twitter_text=twitter_text, hashtag=hashtag
        )
    image = story.get_social_image()
    share_image = None
    if image is not None:
        representation = image_representation(image)
        if representation and representation["renditions"]:
            share_image = {**representation["renditions"]["share"], "alt": representation["alt"]}
    return {
        "id": story.pk,
        "title": story.title,
        "locale": story.locale.language_code,
        "canonical_url": canonical_url,
        "urls": urls,
        "hashtag": hashtag,
        "facebook": {
            "text": facebook_text,
            "share_url": sharing.facebook_url(canonical_url),
        },
        "twitter": {
            "text": twitter_text,
            "share_url": sharing.twitter_url(twitter_text, canonical_url),
        },
        "image": share_image,
        "vote": vote,
    }
