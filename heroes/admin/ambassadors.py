"""IOM Goodwill Ambassadors in the admin: MCD marks a hero story, changes or removes the mark.

The views hand every change to heroes.services.ambassadors (MCD only, every copy of the
story, the story's history, the caches). A story's header offers MCD the way there.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter, log
from wagtail.snippets.views import snippets as snippet_views

from heroes import permissions, selectors
from heroes.admin.translated_snippets import TranslatedSnippetEditView, TranslatedSnippetViewSet
from heroes.models import GoodwillAmbassador, HeroStoryPage
from heroes.services import ambassadors


class AmbassadorCreateView(snippet_views.CreateView):
    def get_initial_form_instance(self):
        """The story of `?story=<id>` chosen already (the story header's button)."""
        instance = super().get_initial_form_instance()
        story_id = self.request.GET.get("story", "")
        story = HeroStoryPage.objects.filter(pk=story_id).first() if story_id.isdigit() else None
        if story is not None:
            instance.story = story
        return instance

    def save_instance(self):
        instance = ambassadors.save_goodwill_ambassador(
            user=self.request.user, ambassador=self.form.instance
        )
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance


class AmbassadorEditView(TranslatedSnippetEditView):
    def save_instance(self):
        instance = ambassadors.save_goodwill_ambassador(
            user=self.request.user, ambassador=self.form.instance
        )
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance


class AmbassadorDeleteView(snippet_views.DeleteView):
    def delete_action(self):
        ambassadors.remove_goodwill_ambassador(user=self.request.user, ambassador=self.object)


class GoodwillAmbassadorViewSet(TranslatedSnippetViewSet):
    model = GoodwillAmbassador
    icon = "pick"
    menu_label = _("Goodwill Ambassadors")
    list_display = ["__str__", "since"]
    add_view_class = AmbassadorCreateView
    edit_view_class = AmbassadorEditView
    delete_view_class = AmbassadorDeleteView


ambassador_viewset = GoodwillAmbassadorViewSet()


def story_header_button(page, user, view_name=None, **kwargs):
    """On a hero story, for MCD: its Goodwill Ambassador mark, or the way to set one."""
    if not isinstance(page, HeroStoryPage) or not permissions.may_mark_goodwill_ambassador(user):
        return []
    mark = selectors.goodwill_ambassador_of(page)
    if mark is not None:
        label = _("IOM Goodwill Ambassador")
        url = reverse(ambassador_viewset.get_url_name("edit"), args=(mark.pk,))
    else:
        label = _("Make an IOM Goodwill Ambassador")
        url = f"{reverse(ambassador_viewset.get_url_name('add'))}?story={page.pk}"
    return [Button(label, url=url, icon_name="pick", priority=70)]


class Marked(LogFormatter):
    label = _("Made an IOM Goodwill Ambassador")

    def format_message(self, log_entry):
        return _("Made an IOM Goodwill Ambassador since %(date)s") % {
            "date": log_entry.data.get("since", "")
        }

    def format_comment(self, log_entry):
        return log_entry.data.get("citation", "")


class Changed(Marked):
    label = _("IOM Goodwill Ambassador mark changed")

    def format_message(self, log_entry):
        return _("IOM Goodwill Ambassador since %(date)s: mark changed (%(language)s)") % {
            "date": log_entry.data.get("since", ""),
            "language": log_entry.data.get("language", ""),
        }


class Removed(LogFormatter):
    label = _("No longer an IOM Goodwill Ambassador")
    message = _("IOM Goodwill Ambassador mark removed")


def register_log_actions(actions):
    """The mark in the story's history and the audit log (set, changed, removed by MCD)."""
    actions.register_action("heroes.goodwill_ambassador_marked")(Marked)
    actions.register_action("heroes.goodwill_ambassador_changed")(Changed)
    actions.register_action("heroes.goodwill_ambassador_removed")(Removed)
