from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.models import Collection


class MissionQuerySet(models.QuerySet):
    def for_user(self, user):
        """The missions whose editors' or focal point's group the user belongs to."""
        if not user.is_authenticated:
            return self.none()
        groups = user.groups.all()
        return self.filter(
            models.Q(editors_group__in=groups) | models.Q(focal_point_group__in=groups)
        ).distinct()

    def focal_point_of(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(focal_point_group__in=user.groups.all())


class Mission(models.Model):
    """A country office taking part in the campaign: its people and its room.

    One per country, whatever the language: the office's hub exists once per locale
    (MissionHubPage translations), but its groups, collection and duties are the office's.
    Made by `python manage.py setup_mission`.
    """

    country = CountryField(unique=True, verbose_name=_("country"))
    name = models.CharField(max_length=255, verbose_name=_("name"))
    editors_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("editors' group")
    )
    focal_point_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="+", verbose_name=_("focal point's group")
    )
    collection = models.OneToOneField(
        Collection, on_delete=models.PROTECT, related_name="+", verbose_name=_("collection")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MissionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("mission")

    def __str__(self):
        return self.name

    @property
    def hubs(self):
        """The mission's hub in every locale."""
        from .missions import MissionHubPage

        return MissionHubPage.objects.filter(country=self.country, is_headquarters=False)

    @property
    def focal_points(self):
        return self.focal_point_group.user_set.filter(is_active=True)

    def has_member(self, user):
        return (
            user.is_authenticated
            and user.groups.filter(
                pk__in=[self.editors_group_id, self.focal_point_group_id]
            ).exists()
        )

    @classmethod
    def of_page(cls, page):
        """The mission whose hub holds `page` (the hub itself included), or None (e.g. HQ)."""
        from .missions import MissionHubPage

        hub = MissionHubPage.objects.ancestor_of(page, inclusive=True).first()
        if hub is None or not hub.country:
            return None
        return cls.objects.filter(country=hub.country).first()
