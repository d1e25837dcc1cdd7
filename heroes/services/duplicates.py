"""Nominations of the same hero: resubmissions merged at intake, likely duplicates shown to
reviewers."""

import datetime as dt
import difflib
import unicodedata

from django.utils import timezone

from heroes.models import (
    Nomination,
)

#: A hero nominated again within this time (same country, a similar name) is a likely duplicate.
DUPLICATE_WINDOW = dt.timedelta(days=30)
#: How alike two names must be to be the same hero's (difflib's ratio, case and accents aside).
SIMILAR_NAME_RATIO = 0.85
#: A nominator sending the very same nomination again within this time: kept once.
RESUBMISSION_WINDOW = dt.timedelta(days=1)


def _folded(text):
    """`text` as compared: without case, accents or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def names_are_similar(first, second):
    """The same person's name, give or take a typo, an accent or the order of its words."""
    first, second = _folded(first), _folded(second)
    ratio = max(
        difflib.SequenceMatcher(None, first, second).ratio(),
        difflib.SequenceMatcher(
            None, " ".join(sorted(first.split())), " ".join(sorted(second.split()))
        ).ratio(),
    )
    return ratio >= SIMILAR_NAME_RATIO


def likely_duplicates(nomination, *, among=None):
    """Other nominations of the same hero: the same country, a similar name, within 30 days.

    `among` narrows the candidates (e.g. to those a reviewer may see).
    """
    moment = nomination.submitted_at or timezone.now()
    candidates = (among if among is not None else Nomination.objects.all()).filter(
        country=nomination.country,
        submitted_at__range=(moment - DUPLICATE_WINDOW, moment + DUPLICATE_WINDOW),
    )
    return [
        candidate
        for candidate in candidates.exclude(pk=nomination.pk).order_by("submitted_at")
        if names_are_similar(candidate.hero_name, nomination.hero_name)
    ]


def identical_recent_nomination(values):
    """The nominator's own identical nomination of the last day, if any (a second send).

    Identical: the same email, hero's name, country and story (case and spaces aside).
    The intake merges a second send into the first instead of storing it twice.
    """
    earlier = Nomination.objects.filter(
        nominator_email__iexact=(values.get("nominator_email") or "").strip(),
        country=values.get("country"),
        submitted_at__gte=timezone.now() - RESUBMISSION_WINDOW,
    ).order_by("submitted_at")
    for candidate in earlier:
        if _folded(candidate.hero_name) == _folded(values.get("hero_name")) and _folded(
            candidate.story
        ) == _folded(values.get("story")):
            return candidate
    return None


def merge_resubmission(nomination, *, photo=None):
    """Keep a second send of `nomination` as the first: only a photo the first lacked is added."""
    if photo and not nomination.photo:
        nomination.photo = photo
        nomination.save(update_fields=["photo"])
    return nomination
