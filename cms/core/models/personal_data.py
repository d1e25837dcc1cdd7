from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.models.users import acting_user_field


class PersonalDataAction(models.TextChoices):
    EXPORT = "export", _("Export")
    ERASURE = "erasure", _("Erasure")
    RETENTION = "retention", _("Retention")


class PersonalDataRequest(models.Model):
    """One export, erasure or retention run over personal data: what the audit log points to.

    It holds no personal data itself. The person is named by `subject`, a keyed hash of their
    email address (HMAC-SHA256 under SECRET_KEY): the same address given again yields the same
    hash, so the log proves what was done for it, and the hash cannot be turned back into it.
    `counts` is how many rows of each kind were found (export) or removed (erasure, retention).
    """

    action = models.CharField(
        max_length=20, choices=PersonalDataAction.choices, verbose_name=_("action")
    )
    subject = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    counts = models.JSONField(default=dict, blank=True, editable=False)
    requested_by = acting_user_field()
    requested_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")

    def __str__(self):
        when = timezone.localtime(self.requested_at).strftime("%Y-%m-%d %H:%M")
        if self.subject:
            return f"{self.get_action_display()} {when} ({self.subject[:12]}…)"
        return f"{self.get_action_display()} {when}"
