from .calendar import CalendarPage, EventKind, EventPage
from .missions import Mission, MissionFeaturedStory, MissionHubPage, MissionIndexPage
from .multipliers import Multiplier, MultiplierKind
from .nominations import NominatePage, Nomination, NominationStatus
from .spotlight import StoryOfTheMonth
from .stories import HeroCategory, HeroIndexPage, HeroStoryPage, HeroStoryTag, RelatedStory
from .tasks import FocalPointReviewTask
from .voting import Ballot, BallotChoice, ShortlistedStory, VotePage, VotingRound

__all__ = [
    "Ballot",
    "BallotChoice",
    "CalendarPage",
    "EventKind",
    "EventPage",
    "FocalPointReviewTask",
    "HeroCategory",
    "HeroIndexPage",
    "HeroStoryPage",
    "HeroStoryTag",
    "Mission",
    "MissionFeaturedStory",
    "MissionHubPage",
    "MissionIndexPage",
    "Multiplier",
    "MultiplierKind",
    "NominatePage",
    "Nomination",
    "NominationStatus",
    "RelatedStory",
    "ShortlistedStory",
    "StoryOfTheMonth",
    "VotePage",
    "VotingRound",
]
