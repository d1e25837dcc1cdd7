from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's user, swappable from the first migration so it can grow without pain."""

    class Meta:
        db_table = "core_user"
        verbose_name = "user"
        verbose_name_plural = "users"
