"""Users' own pictures (Wagtail's avatars) are stored without hidden data, like every image.

Wagtail saves an uploaded avatar as it came, EXIF and GPS position included, and the admin
serves it from /media/avatar_images/. A new avatar goes through the same stripping as the
campaign's photos (cms.core.image_metadata) before it is stored.
"""

import logging
import os

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save

from cms.core.image_metadata import UnsafeImage, strip_metadata

logger = logging.getLogger(__name__)


def strip_new_avatar(sender, instance, **kwargs):
    avatar = instance.avatar
    if not avatar or getattr(avatar, "_committed", True):
        return  # no avatar, or the stored one (already stripped when it came)
    avatar.seek(0)
    content = avatar.read()
    try:
        clean = strip_metadata(content)
    except UnsafeImage:
        logger.warning("Avatar of user %s refused: not a safe image.", instance.user_id)
        instance.avatar = None
        return
    if clean.stripped:
        instance.avatar = ContentFile(clean.content, name=os.path.basename(avatar.name))


def connect_signals():
    from wagtail.users.models import UserProfile

    pre_save.connect(strip_new_avatar, sender=UserProfile, dispatch_uid="strip-avatar-metadata")
