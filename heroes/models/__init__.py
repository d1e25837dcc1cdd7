from .calendar import CalendarPage, EventKind, EventPage
from .missions import MissionFeaturedStory, MissionHubPage, MissionIndexPage
from .stories import HeroCategory, HeroIndexPage, HeroStoryPage, HeroStoryTag, RelatedStory

__all__ = [
    "CalendarPage",
    "EventKind",
    "EventPage",
    "HeroCategory",
    "HeroIndexPage",
    "HeroStoryPage",
    "HeroStoryTag",
    "MissionFeaturedStory",
    "MissionHubPage",
    "MissionIndexPage",
    "RelatedStory",
]
