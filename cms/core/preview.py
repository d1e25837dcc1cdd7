"""Headless preview: an editor previews a draft in the public front end.

"Preview on the front end" (the page's header menu in the admin) signs a token naming the
page and its latest revision and opens HEADLESS_PREVIEW_URL?token=…; the front end reads
`/api/v3/preview/?token=…`, which answers that revision and nothing else, for
HEADLESS_PREVIEW_MAX_AGE seconds. The token is stateless (Django's signing, keyed by
SECRET_KEY), so any app server can check it; it is never cached.

Why not wagtail-headless-preview: it needs a mixin on every page model, stores previews in a
table of its own and serves them to the v2 (DRF) API; Wagtail 8's v3 API already reads
revisions, so a signed pointer to a revision is all the front end needs.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja.errors import HttpError
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page, Revision

SALT = "migrantheroes.headless-preview"


def make_token(revision):
    return signing.dumps(
        {"page": int(revision.object_id), "revision": revision.pk}, salt=SALT, compress=True
    )


def read_token(token):
    """The page revision a token names, or HttpError 403 (forged, expired or gone)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        raise HttpError(403, _("This preview link has expired: preview again.")) from None
    except signing.BadSignature:
        raise HttpError(403, _("This preview link is not valid.")) from None
    revision = Revision.page_revisions.filter(
        pk=data["revision"], object_id=str(data["page"])
    ).first()
    if revision is None:
        raise HttpError(403, _("This preview link is not valid."))
    return revision


def preview_on_front_end(request, page_id):
    """Admin view: sign a token for the page's latest revision and open the front end."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.get_latest_revision() or page.save_revision(user=request.user)
    token = make_token(revision)
    query = urlencode({"token": token, "type": page._meta.label, "id": page.pk})
    target = settings.HEADLESS_PREVIEW_URL or reverse("wagtailapi_v3:headless_preview")
    return redirect(f"{target}?{query}")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "pages/<int:page_id>/preview-on-front-end/",
            preview_on_front_end,
            name="headless_preview",
        )
    ]


@hooks.register("register_page_header_buttons")
def preview_button(page, user, view_name, next_url=None):
    if page.is_root() or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        gettext_lazy("Preview on the front end"),
        reverse("headless_preview", args=[page.pk]),
        icon_name="view",
        priority=12,
        attrs={"target": "_blank", "rel": "noreferrer"},
    )
