"""Admin hooks of the shared base: translation submissions scoped to what the user may edit,
moves and deletes that take every copy of a page along (cms.core.withdrawal), and recordings
served only with their speaker's consent (cms.core.consent)."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail import hooks
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from cms.core import consent, login_throttle, withdrawal


def locales_user_can_translate_page_into(user, page, locales):
    """The locales among `locales` where `user` may create or edit `page`'s translation.

    Where the page already exists (an alias or a translation) the user needs to be able to
    edit it; where it does not, to add pages under its parent's translation.
    """
    if user.is_superuser:
        return list(locales)
    allowed = []
    for locale in locales:
        target = page.get_translation_or_none(locale)
        if target is not None:
            if target.permissions_for_user(user).can_edit():
                allowed.append(locale)
            continue
        parent = page.get_parent()
        parent_target = parent.get_translation_or_none(locale) if parent else None
        if parent_target is not None and parent_target.permissions_for_user(user).can_add_subpage():
            allowed.append(locale)
    return allowed


class ScopedSubmitPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", offering only the user's own locales.

    Out of the box any user with "submit translation" may translate into every locale; a
    French translator must only create and edit pages of the French tree.
    """

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        allowed = locales_user_can_translate_page_into(
            self.request.user, self.object, field.queryset
        )
        field.queryset = field.queryset.filter(pk__in=[locale.pk for locale in allowed])
        return form


class ScopedSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    """wagtail-localize's snippet "Translate", only for users who may edit that snippet type."""

    def get_object(self):
        instance = super().get_object()
        if not self.request.user.has_perm(get_permission_name("change", type(instance))):
            raise PermissionDenied
        return instance


hooks.register("construct_translated_pages_to_cascade_actions", withdrawal.translations_to_cascade)
hooks.register("register_admin_urls", login_throttle.admin_urls)
hooks.register("register_settings_menu_item", login_throttle.menu_item)
hooks.register("before_serve_document", consent.refuse_unconsented_recording)


@hooks.register("register_admin_urls")
def register_scoped_translation_urls():
    # Registered before wagtail-localize's own (cms.core comes first in INSTALLED_APPS), so
    # these paths answer in place of wagtail-localize's; its URL names still reverse to them.
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            ScopedSubmitPageTranslationView.as_view(),
            name="core_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            ScopedSubmitSnippetTranslationView.as_view(),
            name="core_submit_snippet_translation",
        ),
    ]
