from .ambassadors import AmbassadorsPage, GoodwillAmbassador
from .calendar import CalendarPage, EventKind, EventPage
from .criteria import NominationCriteria
from .event_proposals import EventProposal, EventProposalStatus
from .missions import Mission, MissionFeaturedStory, MissionHubPage, MissionIndexPage
from .multipliers import Multiplier, MultiplierKind
from .nominations import NominatePage, Nomination, NominationStatus
from .spotlight import StoryOfTheMonth
from .stories import HeroCategory, HeroIndexPage, HeroStoryPage, HeroStoryTag, RelatedStory
from .tasks import FocalPointReviewTask
from .voting import Ballot, BallotChoice, ShortlistedStory, VotePage, VotingRound

__all__ = [
    "AmbassadorsPage",
    "Ballot",
    "BallotChoice",
    "CalendarPage",
    "EventKind",
    "EventPage",
    "EventProposal",
    "EventProposalStatus",
    "FocalPointReviewTask",
    "GoodwillAmbassador",
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
    "NominationCriteria",
    "NominationStatus",
    "RelatedStory",
    "ShortlistedStory",
    "StoryOfTheMonth",
    "VotePage",
    "VotingRound",
]
