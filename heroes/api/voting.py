"""The public vote in the API: `/api/v3/voting/`.

- `GET current/`: the current round (window, phase), its ten stories as cards in a
  language, and once it has closed each story's votes and the three winners.
- `GET results/`: the results alone (a 409 problem while they are hidden).
- `POST ballots/` (JSON): 1 to 3 shortlisted stories and an email; a link is mailed.
- `POST ballots/confirm/` (JSON): the token of that link; the ballot counts from then on.

The rules are heroes.voting's, the same as the vote page's; errors are RFC 7807 problems.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from wagtail.api.v3.errors import ProblemDetail, problem_response

from cms.core import clients
from heroes import selectors, voting
from heroes.api.params import LocaleFilter, get_locale
from heroes.api.schemas import StoryCard
from heroes.api.stories import story_cards

router = Router(tags=["voting"])


class RoundInfo(Schema):
    id: int
    title: str
    time_zone: str = Field(description="The campaign time zone the window is set in.")
    opens_at: str = Field(description="ISO 8601, with the round's time zone offset.")
    closes_at: str = Field(description="The last instant a ballot is taken or confirmed.")
    max_choices: int = Field(description="A ballot names 1 to this many stories.")
    hashtag: str


class StoryVotes(Schema):
    id: int = Field(description="The story's id in the requested language (its card's id).")
    site_votes: int = Field(description="Confirmed ballots of the site and the API.")
    facebook_votes: int | None = Field(description="MCD's tally of the Facebook vote.")
    total_votes: int


class RoundResults(Schema):
    final: bool = Field(description="Whether every Facebook tally is in.")
    ballots: int = Field(description="Confirmed ballots.")
    stories: list[StoryVotes]
    winners: list[int] = Field(description="Ids of the three stories with most votes.")


class CurrentRound(Schema):
    round: RoundInfo
    phase: str = Field(description="before, open, closed (Facebook tallies to come), results.")
    vote_page_url: str | None
    stories: list[StoryCard] = Field(description="The shortlist, in its order.")
    results: RoundResults | None = Field(description="Hidden (null) until the round closes.")


def _no_round():
    return problem_response(status=404, detail=_("There is no voting round."))


def _not_shared_across_a_phase_change(response):
    """A response that shows the phase is not kept in the shared cache across its change."""
    if voting.phase_changes_within(settings.PUBLIC_CACHE_TIMEOUT):
        add_never_cache_headers(response)


def _results(voting_round, shown):
    """The results with each story's id in the requested language (`shown`: [(item, story)])."""
    results = voting.results(voting_round)
    shown_id = {item.story_id: story.pk for item, story in shown}
    return {
        "final": results.final,
        "ballots": results.ballots,
        "stories": [
            {
                "id": shown_id.get(result.story_id, result.story_id),
                "site_votes": result.site_votes,
                "facebook_votes": result.facebook_votes,
                "total_votes": result.total,
            }
            for result in results.stories
        ],
        "winners": [shown_id.get(result.story_id, result.story_id) for result in results.winners],
    }


def _round_info(voting_round):
    return {
        "id": voting_round.pk,
        "title": voting_round.title,
        "time_zone": voting_round.time_zone,
        "opens_at": voting_round.local_opens_at().isoformat(),
        "closes_at": voting_round.local_closes_at().isoformat(),
        "max_choices": voting_round.max_choices,
        "hashtag": voting_round.hashtag,
    }


@router.get(
    "/current/",
    response={200: CurrentRound, 404: ProblemDetail, 422: ProblemDetail},
    url_name="voting_current",
    summary="The current voting round: its ten stories, window, phase and (once closed) results",
    operation_id="voting_current",
)
def current_round(request, response: HttpResponse, filters: LocaleFilter = Query(...)):  # noqa: B008
    locale = get_locale(filters.locale)
    voting_round = selectors.current_voting_round()
    if voting_round is None:
        return _no_round()
    shown = selectors.shortlisted_stories(voting_round, locale=locale)
    page = selectors.vote_page(locale=locale)
    _not_shared_across_a_phase_change(response)
    return {
        "round": _round_info(voting_round),
        "phase": voting_round.phase(),
        "vote_page_url": page.get_full_url(request) if page else None,
        "stories": story_cards([story for _item, story in shown], request),
        "results": _results(voting_round, shown)
        if voting.results_are_public(voting_round)
        else None,
    }


@router.get(
    "/results/",
    response={200: RoundResults, 404: ProblemDetail, 409: ProblemDetail, 422: ProblemDetail},
    url_name="voting_results",
    summary="The results of the current voting round, once it has closed",
    operation_id="voting_results",
)
def round_results(request, response: HttpResponse, filters: LocaleFilter = Query(...)):  # noqa: B008
    locale = get_locale(filters.locale)
    voting_round = selectors.current_voting_round()
    if voting_round is None:
        return _no_round()
    _not_shared_across_a_phase_change(response)
    if not voting.results_are_public(voting_round):
        return problem_response(
            status=409, detail=_("The results are shown once the vote has closed.")
        )
    return _results(voting_round, selectors.shortlisted_stories(voting_round, locale=locale))


class BallotIn(Schema):
    stories: list[int] = Field(
        description="Ids of 1 to 3 distinct shortlisted stories (any language's id)."
    )
    email: str = Field(description="Where the confirmation link is sent.")
    locale: str | None = Field(None, description="Language of the email; default the API's.")


class BallotReceived(Schema):
    status: str = Field(description='Always "confirmation_sent": the ballot counts once confirmed.')


class ConfirmationIn(Schema):
    token: str = Field(description="The token of the emailed link (…/vote/confirm/<token>/).")


class BallotConfirmed(Schema):
    status: str = Field(description='Always "confirmed".')


def _refusal(refusal):
    """A refused ballot or link as a problem; per-field errors for an invalid ballot."""
    errors = None
    if isinstance(refusal, voting.InvalidBallot):
        errors = [
            {"loc": ["body", "ballot", field], "msg": str(message), "type": refusal.code}
            for field, messages in refusal.errors.items()
            for message in messages
        ]
    response = problem_response(
        status=refusal.status, detail=refusal.message, errors=errors, title=None
    )
    if isinstance(refusal, voting.TooManyBallots):
        response["Retry-After"] = str(refusal.retry_after)
    return response


@router.post(
    "/ballots/",
    response={
        202: BallotReceived,
        404: ProblemDetail,
        409: ProblemDetail,
        422: ProblemDetail,
        429: ProblemDetail,
    },
    summary="Vote: 1 to 3 shortlisted stories and an email (the ballot counts once confirmed)",
    operation_id="voting_cast_ballot",
    description=(
        "The voter gets a link by email, in the ballot's language; the ballot counts once "
        "it is opened (or its token posted to ballots/confirm/), before the vote closes. "
        "One counted ballot per email per round (case, +tags and Gmail dots ignored): a new "
        "ballot from an address not confirmed yet replaces it and sends a new link. Refusals "
        "are RFC 7807 problems: 409 outside the window or already voted, 422 with one entry "
        "per field, 429 with Retry-After when a client sends too many."
    ),
)
def cast_ballot(request, ballot: BallotIn):
    voting_round = selectors.current_voting_round()
    if voting_round is None:
        return _no_round()
    language = ballot.locale if ballot.locale in dict(settings.LANGUAGES) else get_language()
    try:
        voting.cast_ballot(
            voting_round=voting_round,
            story_ids=ballot.stories,
            email=ballot.email,
            client=clients.client_key(request),
            language=language,
        )
    except voting.BallotRefused as refusal:
        return _refusal(refusal)
    return Status(202, {"status": "confirmation_sent"})


@router.post(
    "/ballots/confirm/",
    response={200: BallotConfirmed, 400: ProblemDetail, 409: ProblemDetail},
    summary="Confirm a ballot with the token of its emailed link",
    operation_id="voting_confirm_ballot",
    description=(
        "A link works once, for its round, until it expires or the vote closes; a forged, "
        "expired or other round's link is a 400 problem, a used or replaced one a 409."
    ),
)
def confirm_ballot(request, confirmation: ConfirmationIn):
    try:
        voting.confirm_ballot(
            token=confirmation.token, voting_round=selectors.current_voting_round()
        )
    except voting.BallotRefused as refusal:
        return _refusal(refusal)
    return {"status": "confirmed"}
