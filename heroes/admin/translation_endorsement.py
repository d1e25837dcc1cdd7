"""Translations go through endorsement: translators, who cannot publish, submit them.

The rules are heroes.translation_endorsement's; this is their page in the admin and the
"Submit translation for endorsement" button on a translated page (header and listing).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from heroes import translation_endorsement


def submit_translation_view(request, page_id):
    """Confirm, then send a translation for endorsement (translators cannot publish)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not translation_endorsement.can_submit_translation(user=request.user, page=page):
        raise PermissionDenied
    if request.method == "POST":
        translation_endorsement.submit_translation(user=request.user, page=page)
        messages.success(
            request,
            _("“%(title)s” is sent for endorsement.") % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "heroes/admin/submit_translation.html",
        {"page": page, "workflow": page.get_workflow()},
    )


def admin_urls():
    return [
        path(
            "translations/<int:page_id>/submit/",
            submit_translation_view,
            name="heroes_submit_translation",
        )
    ]


class SubmitTranslationButton(PageMenuItem):
    label = gettext_lazy("Submit translation for endorsement")
    icon_name = "resubmit"
    url_name = "heroes_submit_translation"

    def is_shown(self, user):
        return translation_endorsement.can_submit_translation(user=user, page=self.page)


def header_button(page, user, view_name=None, next_url=None):
    yield SubmitTranslationButton(page=page, priority=12)


def listing_button(page, user, next_url=None):
    yield SubmitTranslationButton(page=page, priority=3)
