"""The public vote's rules, one place each: called by the vote page, the API and the admin.

(Kept out of heroes/services/, which holds the other concerns' rules, because the vote
has many of its own.) Plain keyword-only functions, atomic where they write; a refusal is
an exception of its own type below, which every caller turns into its own kind of answer.

- A round's window, choices per ballot and shortlist (ten live, source-language stories)
  are frozen once it opens (check_round_change); its Facebook tallies are entered after it
  closes.
- A ballot names 1 to `max_choices` distinct shortlisted stories (by the id of the story or
  of any of its translations) and an email. It counts once the voter opens the signed,
  expiring, single-use link mailed to them in their language (confirm_ballot).
- One ballot per email per round, enforced by a unique constraint on the round and a key of
  the normalised email (lower case, "+tag" dropped, Gmail's dots dropped). A second ballot
  from an address whose ballot is not confirmed yet replaces its choices and mails a new
  link (earlier links stop working); from an address whose ballot counts, it is refused.
- Counting is a query over the confirmed ballots, never a stored counter (results).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from cms.core import cache as public_cache
from cms.core import clients
from cms.core.mail import queue_mail
from heroes.models import Ballot, BallotChoice, HeroStoryPage, VotePage, VotingRound
from heroes.models.voting import SHORTLIST_SIZE

TOKEN_SALT = "heroes.voting.ballot-confirmation"  # noqa: S105 (a salt, not a secret)
GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}

# Refusals ------------------------------------------------------------------------------------


class BallotRefused(Exception):
    """A ballot or a confirmation that is not taken; `message` says why, in a sentence."""

    status = 422
    code = "refused"

    def __init__(self, message=""):
        super().__init__(message)
        self.message = message


class TooManyBallots(BallotRefused):
    status = 429
    code = "too_many"

    def __init__(self, retry_after):
        super().__init__(_("You have sent many ballots: please try again later."))
        self.retry_after = retry_after


class VotingClosed(BallotRefused):
    status = 409
    code = "not_open"


class InvalidBallot(BallotRefused, ValidationError):
    """Per-field errors: `errors` is {field: [message, …]} (fields "stories", "email")."""

    code = "invalid"

    def __init__(self, errors):
        BallotRefused.__init__(self, _("The ballot has errors."))
        ValidationError.__init__(self, errors)
        self.errors = errors


class AlreadyVoted(BallotRefused):
    status = 409
    code = "already_voted"


class LinkRefused(BallotRefused):
    """A confirmation link that confirms nothing."""

    status = 400


class LinkForged(LinkRefused):
    code = "link_invalid"


class LinkExpired(LinkRefused):
    code = "link_expired"


class LinkUsed(LinkRefused):
    status = 409
    code = "link_used"


class LinkReplaced(LinkRefused):
    status = 409
    code = "link_replaced"


class LinkOfAnotherRound(LinkRefused):
    code = "link_other_round"


# Voters --------------------------------------------------------------------------------------


def normalise_email(address):
    """The mailbox an address reaches, as one string: lower case, without a "+tag", and for
    Gmail without dots in the local part (Gmail ignores them) and googlemail.com as gmail.com."""
    local, _at, domain = (address or "").strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def voter_key(address):
    """The key of the one-ballot-per-email rule: a keyed hash of the normalised address."""
    return salted_hmac("heroes.voting.voter", normalise_email(address)).hexdigest()


def ballots_of(address):
    """Every ballot cast with `address` or any spelling of the same mailbox (personal data)."""
    return Ballot.objects.filter(email_key=voter_key(address))


# Rounds --------------------------------------------------------------------------------------


FROZEN_FIELDS = ("time_zone", "opens_at", "closes_at", "max_choices")


def check_round_change(*, voting_round, shortlist, now=None):
    """Refuse (ValidationError by field) a round as edited in the admin, before it is saved.

    `voting_round` holds the edited fields; `shortlist` is [(story, facebook_votes)] as
    edited. Before it opens: ten distinct live stories in the source language, no Facebook
    tally yet. Once it opened, its rules and shortlist are frozen; once closed, only the
    Facebook tallies (and the title and hashtag) may change.
    """
    now = now or timezone.now()
    errors = {}
    stored = (
        VotingRound.objects.filter(pk=voting_round.pk).prefetch_related("shortlist").first()
        if voting_round.pk
        else None
    )
    stories = [story for story, _votes in shortlist]
    tallies = [votes for _story, votes in shortlist]
    if stored is not None and stored.has_opened(now):
        changed = [
            field
            for field in FROZEN_FIELDS
            if getattr(stored, field) != getattr(voting_round, field)
        ]
        for field in changed:
            errors[field] = _("The vote has opened: its rules can no longer change.")
        before = [item.story_id for item in stored.shortlist.all()]
        if sorted(before) != sorted(story.pk for story in stories if story is not None):
            errors["shortlist"] = _("The vote has opened: its shortlist can no longer change.")
    else:
        default_locale = Locale.get_default()
        if len(stories) != SHORTLIST_SIZE or None in stories:
            errors["shortlist"] = _("Shortlist exactly %(count)d stories.") % {
                "count": SHORTLIST_SIZE
            }
        elif len({story.pk for story in stories}) != len(stories):
            errors["shortlist"] = _("Each story can be shortlisted only once.")
        elif any(not story.live or story.locale_id != default_locale.pk for story in stories):
            errors["shortlist"] = _(
                "Shortlist live stories in the source language (%(language)s) only."
            ) % {"language": default_locale.get_display_name()}
    has_closed = voting_round.closes_at is not None and now > voting_round.closes_at
    if not has_closed and any(votes is not None for votes in tallies):
        errors["facebook_votes"] = _("Facebook tallies are entered once the vote has closed.")
    if errors:
        raise ValidationError(errors)


def round_saved(*, voting_round):
    """A round was saved in the admin: the site and the API show it at once."""
    public_cache.invalidate_now_and_on_commit()


# Casting a ballot ----------------------------------------------------------------------------


def _check_choices(voting_round, story_ids):
    """The shortlisted (source) story ids chosen, or a list of error messages."""
    try:
        story_ids = [int(story_id) for story_id in story_ids]
    except (TypeError, ValueError):
        return None, [_("Choose stories by their id.")]
    if not story_ids:
        return None, [_("Choose at least one story.")]
    if len(story_ids) > voting_round.max_choices:
        return None, [
            ngettext(
                "Choose at most %(count)d story.",
                "Choose at most %(count)d stories.",
                voting_round.max_choices,
            )
            % {"count": voting_round.max_choices}
        ]
    source_by_key = dict(voting_round.shortlist.values_list("story__translation_key", "story_id"))
    keys = dict(HeroStoryPage.objects.filter(pk__in=story_ids).values_list("pk", "translation_key"))
    chosen = [source_by_key.get(keys.get(story_id)) for story_id in story_ids]
    if None in chosen:
        return None, [_("Choose among the shortlisted stories only.")]
    if len(set(chosen)) != len(chosen):
        return None, [_("Choose each story only once.")]
    return chosen, []


def check_ballot(*, voting_round, story_ids, email, now=None):
    """The chosen shortlisted stories' ids, or VotingClosed / InvalidBallot; writes nothing."""
    if not voting_round.is_open(now):
        raise VotingClosed(
            _("The vote is not open: it runs from %(opens)s to %(closes)s.") % _window(voting_round)
        )
    chosen, story_errors = _check_choices(voting_round, story_ids)
    errors = {"stories": story_errors} if story_errors else {}
    try:
        validate_email((email or "").strip())
    except ValidationError:
        errors["email"] = [_("Enter a valid email address.")]
    if errors:
        raise InvalidBallot(errors)
    return chosen


def _window(voting_round):
    from django.utils.formats import date_format

    return {
        "opens": date_format(voting_round.local_opens_at(), "DATETIME_FORMAT"),
        "closes": date_format(voting_round.local_closes_at(), "DATETIME_FORMAT"),
    }


def cast_ballot(*, voting_round, story_ids, email, client, language, now=None):
    """Take a ballot from the vote page or the API and mail its confirmation link: one rule.

    Every attempt counts against the client's hourly budget (BALLOTS_PER_HOUR, site and API
    together). Returns the stored, unconfirmed ballot; it counts once confirmed.
    """
    retry_after = clients.seconds_to_wait(
        client, group="heroes.ballots", per_hour=settings.BALLOTS_PER_HOUR
    )
    if retry_after is not None:
        raise TooManyBallots(retry_after=retry_after)
    chosen = check_ballot(voting_round=voting_round, story_ids=story_ids, email=email, now=now)
    email, key = email.strip(), voter_key(email)
    with transaction.atomic():
        try:
            with transaction.atomic():
                ballot = Ballot.objects.create(
                    round=voting_round, email=email, email_key=key, language=language
                )
        except IntegrityError:  # this mailbox has a ballot in the round already
            ballot = Ballot.objects.select_for_update().get(round=voting_round, email_key=key)
            if ballot.confirmed_at is not None:
                raise AlreadyVoted(
                    _("This email address has already voted in this round.")
                ) from None
            before = sorted(ballot.choices.values_list("story_id", flat=True))
            if before != sorted(chosen) or ballot.email != email:
                ballot.choices.all().delete()
                ballot.email, ballot.language = email, language
                ballot.link_version += 1
                ballot.save(update_fields=["email", "language", "link_version"])
            else:
                chosen = []  # the same ballot again: its link is sent again
        BallotChoice.objects.bulk_create(
            [BallotChoice(ballot=ballot, story_id=story_id) for story_id in chosen]
        )
        _mail_confirmation_link(ballot)
    return ballot


def ballot_token(ballot):
    """The ballot's signed link token, base64-encoded again: page URLs take no ":"."""
    signed = signing.dumps(
        {"b": ballot.pk, "r": ballot.round_id, "v": ballot.link_version}, salt=TOKEN_SALT
    )
    return urlsafe_base64_encode(signed.encode())


def confirmation_url(ballot):
    """The link mailed to the voter: the vote page in their language, route confirm/<token>/."""
    token = ballot_token(ballot)
    page = (
        VotePage.objects.live().filter(locale__language_code=ballot.language).first()
        or VotePage.objects.live().filter(locale=Locale.get_default()).first()
    )
    if page is not None:
        url = page.get_full_url()
        if url:
            return f"{url}confirm/{token}/"
    return f"{settings.BASE_URL}/{ballot.language}/vote/confirm/{token}/"


def _mail_confirmation_link(ballot):
    stories = HeroStoryPage.objects.filter(pk__in=ballot.choices.values("story_id")).values_list(
        "translation_key", flat=True
    )
    context = {"ballot": ballot, "round": ballot.round, "url": confirmation_url(ballot)}
    with translation.override(ballot.language):
        locale = Locale.objects.filter(language_code=ballot.language).first()
        titles = []
        if locale is not None:
            titles = list(
                HeroStoryPage.objects.filter(translation_key__in=stories, locale=locale)
                .order_by("title")
                .values_list("title", flat=True)
            )
        context["titles"] = titles or list(
            HeroStoryPage.objects.filter(pk__in=ballot.choices.values("story_id"))
            .order_by("title")
            .values_list("title", flat=True)
        )
        context["expires_in_hours"] = settings.BALLOT_LINK_MAX_AGE // 3600
        queue_mail(
            subject=_("Confirm your vote for #MigrantHeroes"),
            body=render_to_string("heroes/emails/ballot_confirmation.txt", context),
            to=[ballot.email],
        )


# Confirming a ballot -------------------------------------------------------------------------


@dataclass
class LinkData:
    ballot_id: int
    round_id: int
    version: int


def read_token(token):
    """What a confirmation link says, or LinkForged / LinkExpired. Writes nothing."""
    try:
        signed = urlsafe_base64_decode(token or "").decode()
    except (ValueError, UnicodeDecodeError):
        raise LinkForged(_("This confirmation link is not valid.")) from None
    try:
        data = signing.loads(signed, salt=TOKEN_SALT, max_age=settings.BALLOT_LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise LinkExpired(
            _("This confirmation link has expired: vote again to get a new one.")
        ) from None
    except signing.BadSignature:
        raise LinkForged(_("This confirmation link is not valid.")) from None
    try:
        return LinkData(ballot_id=int(data["b"]), round_id=int(data["r"]), version=int(data["v"]))
    except (KeyError, TypeError, ValueError):
        raise LinkForged(_("This confirmation link is not valid.")) from None


def check_link(*, token, voting_round, now=None):
    """The link's data if it may confirm a ballot of `voting_round` now; else a refusal."""
    link = read_token(token)
    if voting_round is None or link.round_id != voting_round.pk:
        raise LinkOfAnotherRound(_("This confirmation link is for another voting round."))
    if not voting_round.is_open(now):
        raise VotingClosed(_("The vote has closed: this ballot can no longer be confirmed."))
    return link


def confirm_ballot(*, token, voting_round, now=None):
    """Count the ballot the link names: one UPDATE, which only an unconfirmed ballot's
    latest link matches, so each ballot is counted once however many requests race."""
    link = check_link(token=token, voting_round=voting_round, now=now)
    confirmed = Ballot.objects.filter(
        pk=link.ballot_id,
        round_id=link.round_id,
        link_version=link.version,
        confirmed_at__isnull=True,
    ).update(confirmed_at=now or timezone.now())
    if confirmed:
        return link.ballot_id
    state = (
        Ballot.objects.filter(pk=link.ballot_id, round_id=link.round_id)
        .values("confirmed_at", "link_version")
        .first()
    )
    if state is None:
        raise LinkForged(_("This confirmation link is not valid."))
    if state["confirmed_at"] is not None:
        raise LinkUsed(_("This vote has already been confirmed: it counts once."))
    raise LinkReplaced(
        _("A newer confirmation link was sent for this address: use the latest one.")
    )


# Counting ------------------------------------------------------------------------------------


@dataclass
class StoryResult:
    item: object  # the ShortlistedStory
    site_votes: int
    facebook_votes: int | None

    @property
    def story_id(self):
        return self.item.story_id

    @property
    def total(self):
        return self.site_votes + (self.facebook_votes or 0)


@dataclass
class Results:
    stories: list  # [StoryResult] in the shortlist's order
    winners: list  # the 3 StoryResults with most votes, most first
    final: bool  # Facebook tallies entered for every story
    ballots: int  # confirmed ballots


def site_votes(voting_round):
    """{source story id: confirmed ballots naming it}: one aggregate query."""
    rows = (
        BallotChoice.objects.filter(ballot__round=voting_round, ballot__confirmed_at__isnull=False)
        .values("story_id")
        .annotate(votes=Count("pk"))
        .order_by()
    )
    return {row["story_id"]: row["votes"] for row in rows}


WINNERS = 3


def results(voting_round):
    """Each shortlisted story's votes (site, Facebook, both) and the winners.

    Winners: most votes in all; a tie goes to more site votes, then to the shortlist's order.
    """
    counts = site_votes(voting_round)
    items = list(voting_round.shortlist.order_by("sort_order", "pk"))
    stories = [
        StoryResult(
            item=item, site_votes=counts.get(item.story_id, 0), facebook_votes=item.facebook_votes
        )
        for item in items
    ]
    ranked = sorted(
        enumerate(stories), key=lambda pair: (-pair[1].total, -pair[1].site_votes, pair[0])
    )
    return Results(
        stories=stories,
        winners=[result for _position, result in ranked[:WINNERS]],
        final=bool(items) and all(item.facebook_votes is not None for item in items),
        ballots=Ballot.objects.filter(round=voting_round, confirmed_at__isnull=False).count(),
    )


def results_are_public(voting_round, now=None):
    """Results stay hidden while the round is open (MCD sees live counts in the admin)."""
    return voting_round.has_closed(now)


def phase_changes_within(seconds, *, now=None):
    """Whether the current round's phase changes within `seconds`: a public response that
    shows it must then not be kept in the shared cache across the change."""
    from heroes.selectors import current_voting_round

    now = now or timezone.now()
    voting_round = current_voting_round(now=now)
    if voting_round is None:
        return False
    change = voting_round.next_change(now)
    return change is not None and (change - now).total_seconds() <= seconds


# The home page's vote card ---------------------------------------------------------------------


@dataclass
class HomeCard:
    phase: str
    round: object
    page: object  # the live VotePage of the language
    opens_at: object
    closes_at: object
    winners: list  # stories in the language, once the vote has closed


def home_card(*, locale, now=None):
    """The vote card of the home page in `locale`, following the phase; None without a
    round or a live, public vote page in that language."""
    from heroes.selectors import current_voting_round, shortlisted_stories, vote_page

    voting_round = current_voting_round(now=now)
    page = vote_page(locale=locale)
    if voting_round is None or page is None:
        return None
    winners = []
    if results_are_public(voting_round, now):
        story_of = {
            item.story_id: story for item, story in shortlisted_stories(voting_round, locale=locale)
        }
        winners = [
            story_of[result.story_id]
            for result in results(voting_round).winners
            if result.story_id in story_of
        ]
    return HomeCard(
        phase=voting_round.phase(now),
        round=voting_round,
        page=page,
        # Wall-clock times of the round's time zone: templates would convert aware ones.
        opens_at=voting_round.local_opens_at().replace(tzinfo=None),
        closes_at=voting_round.local_closes_at().replace(tzinfo=None),
        winners=winners,
    )


# The share kit -------------------------------------------------------------------------------


def vote_invitation(story, request=None, *, now=None):
    """{hashtag, url} to add to a story's posts while it is on the shortlist of a round that
    has not closed yet (the vote page in the story's language); None otherwise."""
    from heroes.selectors import current_voting_round, vote_page

    voting_round = current_voting_round(now=now)
    if voting_round is None or voting_round.has_closed(now):
        return None
    keys = voting_round.shortlist.values_list("story__translation_key", flat=True)
    if story.translation_key not in set(keys):
        return None
    page = vote_page(locale=story.locale) or vote_page(locale=Locale.get_default())
    if page is None:
        return None
    return {"hashtag": voting_round.hashtag, "url": page.get_full_url(request)}


def with_vote_invitation(vote, *, facebook_text, twitter_text, hashtag):
    """The posts with the vote's hashtag and page; the tweet shortened to still fit."""
    from heroes import sharing

    extra = " ".join(part for part in (vote["hashtag"], vote["url"]) if part)
    facebook_text = f"{facebook_text} {extra}"
    headline = twitter_text.removesuffix(f" {hashtag}")
    room = (
        sharing.TWEET_LENGTH
        - 2 * sharing.TWITTER_URL_LENGTH  # the story's link and the vote page's
        - len(hashtag)
        - len(vote["hashtag"])
        - 4
    )
    if len(headline) > room:
        headline = headline[: room - 1].rstrip() + "…"
    twitter_text = " ".join(
        part for part in (headline, hashtag, vote["hashtag"], vote["url"]) if part
    )
    return facebook_text, twitter_text
