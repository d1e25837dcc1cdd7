from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """The project's user, swappable from the first migration so it can grow without pain."""

    class Meta:
        db_table = "core_user"
        verbose_name = "user"
        verbose_name_plural = "users"


def acting_user_field(**options):
    """The user who did something a record keeps (requested, reviewed, picked): never set by a
    form, and emptied, not cascaded, when the user is deleted, so the record stays."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        **options,
    )
