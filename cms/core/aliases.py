"""Aliases carry their own publication dates.

Wagtail makes an alias live when its source is published (and wagtail-localize makes an
alias of each untranslated page in every other locale), but keeps the alias's
`first_published_at` empty: the copy would be live with no publication date in the API
(`first_published_at: null`) nor in the RSS feeds (no `pubDate`). An alias that is live
takes the moment it went live, as a page published by an editor does.
"""

from django.db.models.signals import pre_save
from django.utils import timezone
from wagtail.models import Page


def date_live_alias(sender, instance, **kwargs):
    """pre_save handler: a live alias without publication dates gets them."""
    if not isinstance(instance, Page) or instance.alias_of_id is None or not instance.live:
        return
    if instance.first_published_at is None:
        instance.first_published_at = instance.last_published_at or timezone.now()
    if instance.last_published_at is None:
        instance.last_published_at = instance.first_published_at


def connect_signals():
    pre_save.connect(date_live_alias, dispatch_uid="date-live-aliases")
