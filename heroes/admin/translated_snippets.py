"""Snippets MCD keeps and each language's translators translate: the criteria of a Migrant
Hero and the Goodwill Ambassadors' citations.

MCD adds, changes and deletes them (its group's permissions, heroes.setup_roles; each one's
rules in heroes.services). The translators' groups may change them too (cms.core.roles,
settings.TRANSLATED_SNIPPETS), which is what opens wagtail-localize's editor to them, but
they reach only the copies in the languages they translate: any other answers 404.
"""

from django.conf import settings
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.core.roles import languages_translated_by
from heroes import permissions
from heroes.admin.scoping import Scope, ScopedObjectMixin


class InTranslatorsLanguages(Scope):
    """Every copy for MCD; for a translator, the copies in the languages they translate."""

    def scope(self, queryset):
        user = self.request.user
        if permissions.is_mcd(user):
            return queryset
        languages = languages_translated_by(user) - {settings.LANGUAGE_CODE}
        return queryset.filter(locale__language_code__in=languages)


class TranslatedSnippetEditView(InTranslatorsLanguages, ScopedObjectMixin, snippet_views.EditView):
    pass


class TranslatedSnippetViewSet(SnippetViewSet):
    edit_view_class = TranslatedSnippetEditView
