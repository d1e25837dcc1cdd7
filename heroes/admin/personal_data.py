"""Personal data in the admin (MCD only): export or erase what is held about an email address.

The rules are heroes.personal_data's; this is their page (Settings → Personal data), its
menu item, and the audit log's names for what it does.
"""

import json

from django import forms
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem

from cms.core.models import PersonalDataRequest
from heroes import permissions, personal_data

RECENT_REQUESTS = 20


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address"))


def personal_data_view(request):
    """The form; "Export JSON" downloads, "Erase" asks for confirmation, then erases."""
    if not permissions.is_mcd(request.user):
        return permission_denied(request)
    form = PersonalDataForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = form.cleaned_data["email"]
        if request.POST.get("action") == "export":
            return _download(address, user=request.user)
        if request.POST.get("action") == "erase":
            if request.POST.get("confirm") != "yes":
                return TemplateResponse(
                    request,
                    "heroes/admin/personal_data_confirm.html",
                    {"email": address, "found": _labelled(personal_data.found(address))},
                )
            counts = personal_data.erase(address, user=request.user)
            messages.success(
                request,
                _("Erased: %(counts)s.") % {"counts": _summary(counts)},
            )
            return redirect("heroes_personal_data")
    return TemplateResponse(
        request,
        "heroes/admin/personal_data.html",
        {
            "form": form,
            "requests": PersonalDataRequest.objects.select_related("requested_by")[
                :RECENT_REQUESTS
            ],
        },
    )


def _download(address, *, user):
    data = personal_data.export(address, user=user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    name = f"personal-data-{personal_data.subject_key(address)[:12]}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def _labelled(counts):
    return [(personal_data.SOURCES[kind].label, count) for kind, count in counts.items() if count]


def _summary(counts):
    parts = [f"{label}: {count}" for label, count in _labelled(counts)]
    return ", ".join(parts) or _("nothing was held about this address")


def admin_urls():
    return [path("personal-data/", personal_data_view, name="heroes_personal_data")]


class McdMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_mcd(request.user)


def menu_item():
    return McdMenuItem(
        gettext_lazy("Personal data"),
        reverse("heroes_personal_data"),
        icon_name="user",
        order=900,
    )


def register_log_actions(actions):
    actions.register_action(
        personal_data.EXPORTED,
        gettext_lazy("Personal data exported"),
        gettext_lazy("Personal data exported"),
    )
    actions.register_action(
        personal_data.ERASED,
        gettext_lazy("Personal data erased"),
        gettext_lazy("Personal data erased"),
    )
    actions.register_action(
        personal_data.RETENTION_APPLIED,
        gettext_lazy("Personal data past its retention time erased"),
        gettext_lazy("Personal data past its retention time erased"),
    )
