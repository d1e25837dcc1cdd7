from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.core.models.users import acting_user_field


class StoryOfTheMonthQuerySet(models.QuerySet):
    def winners(self):
        return self.filter(is_winner=True)

    def for_month(self, month):
        return self.filter(month=month.replace(day=1))


class StoryOfTheMonth(models.Model):
    """A mission's nomination of one of its live stories as the story of a month.

    Each mission nominates at most one story a month; MCD picks one of the month's
    nominations as the global story of the month (`is_winner`). The rules live in
    heroes.services.story_of_the_month (nominate_story_of_the_month, pick_story_of_the_month).
    """

    month = models.DateField(
        verbose_name=_("month"),
        help_text=_("The first day of the month the story is nominated for."),
    )
    mission = models.ForeignKey(
        "heroes.Mission",
        on_delete=models.CASCADE,
        related_name="story_nominations",
        verbose_name=_("mission"),
    )
    story = models.ForeignKey(
        "heroes.HeroStoryPage",
        on_delete=models.CASCADE,
        related_name="month_nominations",
        verbose_name=_("story"),
    )
    note = models.TextField(blank=True, verbose_name=_("note for MCD"))
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    nominated_at = models.DateTimeField(auto_now_add=True)
    is_winner = models.BooleanField(
        default=False, editable=False, verbose_name=_("story of the month")
    )
    picked_by = acting_user_field()
    picked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = StoryOfTheMonthQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "mission__name"]
        verbose_name = _("story of the month nomination")
        verbose_name_plural = _("story of the month")
        permissions = [("pick_storyofthemonth", _("Can pick the story of the month"))]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "month"], name="one_nomination_per_mission_per_month"
            ),
            models.UniqueConstraint(
                fields=["month"], condition=Q(is_winner=True), name="one_winner_per_month"
            ),
            models.CheckConstraint(condition=Q(month__day=1), name="month_is_its_first_day"),
        ]

    def __str__(self):
        return f"{self.month:%B %Y}: {self.story.title} ({self.mission})"
