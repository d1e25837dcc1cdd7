"""Named queries: every listing of the public site (and, later, the API) reads through these.

All of them return only live, public pages, so a draft or a private page cannot leak through
a view that forgot a filter.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Case, OuterRef, Q, Subquery, When
from django.utils import timezone
from taggit.models import Tag

from cms.core import cache as public_cache
from cms.core.search import clean_query
from cms.core.selectors import public_pages, searchable_public_pages
from heroes.models import (
    EventPage,
    GoodwillAmbassador,
    HeroIndexPage,
    HeroStoryPage,
    MissionHubPage,
    NominatePage,
    NominationCriteria,
    StoryOfTheMonth,
)
from heroes.models.ambassadors import MARK_KEY
from heroes.models.stories import HeroStoryTag


def public_stories():
    """Every live, public story, in any language: the base of every story query below."""
    return public_pages(HeroStoryPage.objects.all())


def public_missions():
    """Every live, public mission hub, in any language."""
    return public_pages(MissionHubPage.objects.all())


def story_index(*, locale):
    """The live story index of a language, or None."""
    return public_pages(HeroIndexPage.objects.filter(locale=locale)).first()


def live_missions(*, locale):
    return public_missions().filter(locale=locale).order_by("-is_headquarters", "title")


def live_stories(*, locale=None, mission=None, country=None, tag=None, category=None):
    stories = public_stories()
    if locale is not None:
        stories = stories.filter(locale=locale)
    if mission is not None:
        stories = stories.descendant_of(mission)
    if country:
        stories = stories.filter(Q(country_of_residence=country) | Q(country_of_origin=country))
    if tag:
        # A subquery, not a join: a story is listed once, with no DISTINCT over every column
        # (which PostgreSQL sorts the whole locale's stories for).
        stories = stories.filter(
            pk__in=HeroStoryTag.objects.filter(tag__slug=tag).values("content_object_id")
        )
    if category is not None:
        stories = stories.filter(category=category)
    return (
        stories.select_related("photo", "category")
        .prefetch_related("photo__renditions")
        # The path (unique) breaks ties: the order follows wagtailcore_page's columns, which
        # its first_published_at index walks (pk would be the story table's page_ptr_id).
        .order_by("-first_published_at", "-path")
    )


def story_filter_values(locale):
    """(country codes, [(tag slug, tag name)]) of the live, public stories of `locale`: what
    the story listing's filters offer. Kept in the cache until the public content changes
    (the content generation): reading them scans every story of the language."""
    key = f"story-filter-values:{public_cache.current_generation()}:{locale.pk}"
    values = cache.get(key)
    if values is None:
        stories = public_stories().filter(locale=locale).order_by()
        codes = set()
        for residence, origin in stories.values_list(
            "country_of_residence", "country_of_origin"
        ).distinct():
            codes.update((residence, origin))
        tags = Tag.objects.filter(
            pk__in=HeroStoryTag.objects.filter(content_object__in=stories).values("tag_id")
        ).order_by("name")
        values = (codes - {""}, list(tags.values_list("slug", "name")))
        cache.set(key, values, timeout=settings.PUBLIC_CACHE_TIMEOUT)
    return values


def search_stories(stories, query, *, locale):
    """The stories of `stories` (from live_stories) that `query` finds in `locale`'s language,
    best first; none when the query has no words. Aliases are left out: an untranslated
    story is found in its own language, never twice."""
    words = clean_query(query)
    if not words:
        return stories.none()
    base = searchable_public_pages(HeroStoryPage.objects.filter(locale=locale))
    matched = base.search(words).get_queryset().filter(alias_of__isnull=True)
    return matched.filter(pk__in=stories.order_by().values("pk")).select_related(
        "photo", "category"
    )


def related_stories(story):
    """The editor's chosen related stories that are live, else the latest of the same mission.

    Chosen stories are shown in the story's own language (wagtail-localize copies the list
    with the source's story ids).
    """
    chosen = live_stories_in_order(
        [item.story_id for item in story.related_stories.all()], locale=story.locale
    )
    if chosen:
        return chosen
    if story.mission is None:
        return []
    return list(live_stories(mission=story.mission).exclude(pk=story.pk)[:3])


def live_stories_in_order(story_ids, *, locale=None):
    """The live, public stories among `story_ids`, in the order given (an editor's choice).

    With `locale`, each story is shown in that language: its translation there, else its
    alias there (synchronised trees have one), else the story itself. A fixed number of
    queries, whatever the number of stories.
    """
    if locale is None:
        by_id = live_stories().filter(pk__in=story_ids).in_bulk()
        return [by_id[pk] for pk in story_ids if pk in by_id]
    keys = dict(HeroStoryPage.objects.filter(pk__in=story_ids).values_list("pk", "translation_key"))
    candidates = live_stories().filter(
        Q(locale=locale, translation_key__in=set(keys.values())) | Q(pk__in=story_ids)
    )
    by_id, in_locale = {}, {}
    for story in candidates:
        by_id[story.pk] = story
        if story.locale_id == locale.pk:
            in_locale[story.translation_key] = story
    stories = [in_locale.get(keys.get(pk)) or by_id.get(pk) for pk in story_ids]
    return [story for story in stories if story is not None]


def featured_stories_of(hub):
    return live_stories_in_order(
        [item.story_id for item in hub.featured_stories.all()], locale=hub.locale
    )


def live_events(
    *,
    locale=None,
    starts_before=None,
    ends_after=None,
    country=None,
    kind=None,
    mission=None,
    story=None,
):
    events = public_pages(EventPage.objects.all())
    if locale is not None:
        events = events.filter(locale=locale)
    if starts_before is not None:
        events = events.filter(start__lte=starts_before)
    if ends_after is not None:
        events = events.filter(end__gte=ends_after)
    if country:
        events = events.filter(country=country)
    if kind:
        events = events.filter(kind=kind)
    if mission is not None:
        events = events.descendant_of(mission)
    if story is not None:
        events = events.filter(hero_story=story)
    return events.select_related("hero_story").order_by("start", "pk")


def upcoming_events(*, locale=None, mission=None, story=None, now=None):
    """Events not yet over, soonest first."""
    return live_events(
        locale=locale, ends_after=now or timezone.now(), mission=mission, story=story
    )


# Content API ------------------------------------------------------------------------------


def with_card_relations(pages):
    """`pages` with what a story or event card reads, so a listing costs a fixed few queries."""
    pages = pages.select_related("locale")
    if pages.model is HeroStoryPage:
        pages = pages.select_related("photo", "category").prefetch_related(
            "photo__renditions", "tagged_items__tag"
        )
    return pages


def missions_above(pages):
    """{parent path: live, public hub} for stories and events (children of their hub): one query."""
    parent_paths = {page.path[: -page.steplen] for page in pages}
    if not parent_paths:
        return {}
    hubs = public_missions().filter(path__in=parent_paths)
    return {hub.path: hub for hub in hubs.select_related("locale")}


# IOM Goodwill Ambassadors ----------------------------------------------------------------


def goodwill_ambassadors(*, locale):
    """The live, public stories of `locale` whose hero MCD made a Goodwill Ambassador, the
    most recent first: translations and aliases alike, as every copy of a story shares its
    mark (heroes.models.ambassadors). Each is annotated with `mark_key` and
    `ambassador_since`; with_goodwill_ambassador_marks adds the marks themselves."""
    marks = GoodwillAmbassador.objects.filter(story_key=OuterRef("mark_key")).order_by()
    return (
        live_stories(locale=locale)
        .annotate(mark_key=MARK_KEY)
        .annotate(ambassador_since=Subquery(marks.values("since")[:1]))
        .filter(ambassador_since__isnull=False)
        .order_by("-ambassador_since", "hero_name", "pk")
    )


def _marks_in_reading_order(marks, locale):
    """`marks` with the citation in `locale` first, then in the default language."""
    return marks.select_related("locale").annotate(
        reading_order=Case(
            When(locale=locale, then=0),
            When(locale__language_code=settings.LANGUAGE_CODE, then=1),
            default=2,
        )
    )


def goodwill_ambassador_marks(keys, *, locale):
    """{mark key: GoodwillAmbassador} for the stories of `keys`, each mark with its citation
    in `locale` when translated there, else in the default language. One query."""
    rows = _marks_in_reading_order(GoodwillAmbassador.objects.filter(story_key__in=keys), locale)
    marks = {}
    for mark in rows.order_by("story_key", "reading_order", "pk"):
        marks.setdefault(mark.story_key, mark)
    return marks


def with_goodwill_ambassador_marks(stories, *, locale):
    """`stories` (from goodwill_ambassadors) as a list, each with its `goodwill_ambassador`."""
    stories = list(stories)
    marks = goodwill_ambassador_marks({story.mark_key for story in stories}, locale=locale)
    for story in stories:
        story.goodwill_ambassador = marks.get(story.mark_key)
    return stories


def goodwill_ambassador_of(story):
    """The Goodwill Ambassador mark of `story` (any copy), its citation in the story's
    language when translated, else in the default language; None for most heroes."""
    if story.alias_of_id:
        keys = HeroStoryPage.objects.filter(pk=story.alias_of_id).values("translation_key")
    else:
        keys = [story.translation_key]
    marks = GoodwillAmbassador.objects.filter(story_key__in=keys)
    return _marks_in_reading_order(marks, story.locale_id).order_by("reading_order", "pk").first()


# Who is a Migrant Hero? -------------------------------------------------------------------


def nomination_criteria(*, locale):
    """The criteria of a Migrant Hero in `locale`, else in the default language; or None."""
    criteria = NominationCriteria.objects.filter(
        Q(locale=locale) | Q(locale__language_code=settings.LANGUAGE_CODE)
    )
    return (
        criteria.select_related("locale")
        .annotate(reading_order=Case(When(locale=locale, then=0), default=1))
        .order_by("reading_order", "pk")
        .first()
    )


def nominate_page(*, locale):
    """The live, public nomination page of a language, or None."""
    return public_pages(NominatePage.objects.filter(locale=locale)).first()


# The admin: what MCD has to do ------------------------------------------------------------


@dataclass
class AwaitingEndorsement:
    page: object
    task_name: str
    submitted_at: object

    @property
    def age(self):
        return timezone.now() - self.submitted_at


def awaiting_endorsement():
    """{mission hub title: [AwaitingEndorsement, oldest first]} for pages in a workflow.

    Four queries whatever the number of pages: workflow states, pages, hubs, and the
    current tasks (select_related).
    """
    from wagtail.models import Page, WorkflowState

    states = (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .select_related("current_task_state__task")
        .order_by("created_at")
    )
    states = list(states)
    pages = Page.objects.filter(pk__in=[int(s.object_id) for s in states]).specific(defer=True)
    pages = {str(page.pk): page for page in pages}
    hubs = list(MissionHubPage.objects.order_by("path").only("title", "path", "locale"))
    grouped = {}
    for state in states:
        page = pages.get(state.object_id)
        if page is None:
            continue
        hub = next((h for h in hubs if page.path.startswith(h.path)), None)
        task = state.current_task_state.task if state.current_task_state else None
        grouped.setdefault(hub.title if hub else "—", []).append(
            AwaitingEndorsement(
                page=page, task_name=task.name if task else "", submitted_at=state.created_at
            )
        )
    return grouped


def story_of_the_month_proposals(*, month):
    """The missions' proposals of a month (a date in it), with story and mission, winner first."""
    return (
        StoryOfTheMonth.objects.for_month(month)
        .select_related("story", "mission", "nominated_by")
        .order_by("-is_winner", "mission__name")
    )


def story_of_the_month(*, locale, today=None):
    """The latest winner that is live and public, in `locale` when translated there; or None."""
    winners = story_of_the_month_winners(locale=locale, today=today)
    return winners[0][1] if winners else None


def story_of_the_month_winners(*, locale, year=None, today=None):
    """[(month, story)] of MCD's picks up to `today`, newest first, each story in `locale`.

    A winner is shown in its live, public translation in `locale`, else as itself if that
    is live and public; a month whose story is neither is left out. Three queries whatever
    the number of months.
    """
    today = today or timezone.localdate()
    winners = StoryOfTheMonth.objects.winners().filter(month__lte=today)
    if year is not None:
        winners = winners.filter(month__year=year)
    winners = list(winners.select_related("story").order_by("-month"))
    keys = {winner.story.translation_key for winner in winners}
    public = with_card_relations(public_stories().filter(translation_key__in=keys))
    by_key_and_locale = {(story.translation_key, story.locale_id): story for story in public}
    result = []
    for winner in winners:
        story = by_key_and_locale.get(
            (winner.story.translation_key, locale.pk)
        ) or by_key_and_locale.get((winner.story.translation_key, winner.story.locale_id))
        if story is not None:
            result.append((winner.month, story))
    return result


# The public vote ---------------------------------------------------------------------------


def vote_page(*, locale):
    """The live, public vote page of a language, or None."""
    from heroes.models import VotePage

    return public_pages(VotePage.objects.filter(locale=locale)).first()


def current_voting_round(*, now=None):
    """The round the public sees: the one open now, else the next to open, else the last
    closed (its results); None when there is no round at all."""
    from heroes.models import VotingRound

    now = now or timezone.now()
    rounds = VotingRound.objects.prefetch_related("shortlist")
    return (
        rounds.filter(opens_at__lte=now, closes_at__gte=now).order_by("opens_at").first()
        or rounds.filter(opens_at__gt=now).order_by("opens_at").first()
        or rounds.filter(closes_at__lt=now).order_by("-closes_at").first()
    )


def shortlisted_stories(voting_round, *, locale):
    """[(ShortlistedStory, story in `locale`)] in the shortlist's order: each story's live,
    public translation in `locale`, else its alias there, else the story itself; a story
    that is none of these (withdrawn) is left out. A fixed number of queries."""
    from django.db.models import prefetch_related_objects

    items = list(voting_round.shortlist.order_by("sort_order", "pk"))
    stories = live_stories_in_order([item.story_id for item in items], locale=locale)
    prefetch_related_objects(stories, "locale", "tagged_items__tag")
    keys = dict(
        HeroStoryPage.objects.filter(pk__in=[item.story_id for item in items]).values_list(
            "pk", "translation_key"
        )
    )
    by_key = {story.translation_key: story for story in stories}
    return [
        (item, by_key[keys[item.story_id]]) for item in items if keys.get(item.story_id) in by_key
    ]


def mission_drafts(mission, *, limit=10):
    """Pages under the mission's hubs (every locale) with changes not yet published and not
    in a workflow: what the mission is still writing, most recently edited first."""
    from wagtail.models import Page, WorkflowState

    hubs = list(mission.hubs)
    if not hubs:
        return Page.objects.none()
    under_hubs = Q()
    for hub in hubs:
        under_hubs |= Q(path__startswith=hub.path, depth__gt=hub.depth)
    in_workflow = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return (
        Page.objects.filter(under_hubs, has_unpublished_changes=True)
        .exclude(pk__in=[int(pk) for pk in in_workflow.values_list("object_id", flat=True)])
        .select_related("locale")
        .order_by("-latest_revision_created_at")[:limit]
    )


def mission_awaiting_review(mission):
    """The mission's pages in endorsement (focal point or MCD), oldest first."""
    paths = [hub.path for hub in mission.hubs]
    return [
        item
        for items in awaiting_endorsement().values()
        for item in items
        if any(item.page.path.startswith(path) for path in paths)
    ]
