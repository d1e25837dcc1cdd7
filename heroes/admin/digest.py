"""The newsletter digest in the admin: pick a mission, a language and a month (or dates), see
the digest and copy its HTML or text into a newsletter.

A mission's people see their own missions only (another mission's digest is not found);
MCD sees every mission and the campaign-wide digest. The digest itself is heroes.digest's.
"""

from django import forms
from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from heroes import digest, permissions

CAMPAIGN_WIDE = ""


class DigestForm(forms.Form):
    mission = forms.ChoiceField(label=_("Mission"), required=False)
    locale = forms.ChoiceField(label=_("Language"))
    month = forms.CharField(
        label=_("Month"),
        required=False,
        help_text=_("YYYY-MM. Leave the month and the dates empty for the previous month."),
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"}),
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        help_text=_("Or a range of dates instead of a month: a year at most."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, missions, campaign_wide, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(mission.country.code, mission.name) for mission in missions]
        if campaign_wide:
            choices.insert(0, (CAMPAIGN_WIDE, _("All missions (the whole campaign)")))
        self.fields["mission"].choices = choices
        self.fields["locale"].choices = [
            (code, name)
            for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code in set(Locale.objects.values_list("language_code", flat=True))
        ]
        self.missions = {mission.country.code: mission for mission in missions}

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data["period"] = digest.period(
                month=data.get("month"), start=data.get("start"), end=data.get("end")
            )
        except digest.PeriodError as error:
            self.add_error(error.field, error.message)
        return data


def _default_language():
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return get_language() if get_language() in codes else settings.LANGUAGE_CODE


def digest_view(request):
    user = request.user
    campaign_wide = permissions.is_mcd(user)
    missions = list(permissions.missions_of(user))
    if not campaign_wide and not missions:
        return permission_denied(request)
    data = request.GET.copy()
    code = data.get("mission", missions[0].country.code if missions and not campaign_wide else "")
    code = code.upper()
    if code == CAMPAIGN_WIDE and not campaign_wide:
        return permission_denied(request)
    if code != CAMPAIGN_WIDE and code not in {mission.country.code for mission in missions}:
        raise Http404  # another mission's digest: as if it did not exist
    data["mission"] = code
    data.setdefault("locale", _default_language())
    form = DigestForm(data, missions=missions, campaign_wide=campaign_wide)
    context = {"form": form, "html": None, "text": None, "unavailable": False}
    if form.is_valid():
        mission = form.missions.get(code)
        locale = Locale.objects.get(language_code=form.cleaned_data["locale"])
        try:
            result = digest.build_digest(
                locale=locale, mission=mission, period=form.cleaned_data["period"]
            )
        except digest.MissionNotPublic:
            context["unavailable"] = True
        else:
            context.update(
                digest=result, html=digest.render_html(result), text=digest.render_text(result)
            )
    return TemplateResponse(request, "heroes/admin/digest.html", context)


def admin_urls():
    return [path("newsletter-digest/", digest_view, name="heroes_digest")]


class DigestMenuItem(MenuItem):
    """Shown to MCD and to the people of a mission."""

    def is_shown(self, request):
        return permissions.is_mcd(request.user) or permissions.missions_of(request.user).exists()


def menu_item():
    return DigestMenuItem(
        _("Newsletter digest"), reverse("heroes_digest"), icon_name="mail", order=260
    )
