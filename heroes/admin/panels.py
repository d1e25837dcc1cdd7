"""Panels the campaign's page models show in the page editor."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import HelpPanel


class CriteriaHelpPanel(HelpPanel):
    """Who is a Migrant Hero: the campaign's criteria, in the story's language, and a link to
    them on the public nomination page, for the mission writing the story."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "heroes/admin/panels/criteria_help.html")
        kwargs.setdefault("heading", _("Who is a Migrant Hero?"))
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            from heroes import selectors

            context = super().get_context_data(parent_context)
            locale = getattr(self.instance, "locale", None)
            if locale is not None:
                context["criteria"] = selectors.nomination_criteria(locale=locale)
                page = selectors.nominate_page(locale=locale)
                context["criteria_url"] = f"{page.get_full_url()}#criteria" if page else None
            return context
