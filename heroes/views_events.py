"""The public's "Propose an event" form, a route of every language (`/<lang>/events/propose/`).

Thin: the rules are heroes.services.event_proposals.receive_event_proposal's, shared with the API.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.core import clients
from cms.core.selectors import public_pages
from heroes.forms_events import EventProposalForm
from heroes.models import CalendarPage
from heroes.services import event_proposals as services_events
from heroes.services import intake


def propose_event(request):
    """The form; PRG on success (a bot is thanked the same way), its errors in the form."""
    form = EventProposalForm()
    status = 200
    retry_after = None
    if request.method == "POST":
        try:
            services_events.receive_event_proposal(
                data=request.POST, client=clients.client_key(request), language=get_language()
            )
        except intake.TooManyRequests as refusal:
            form = EventProposalForm(request.POST)
            form.add_error(None, _("You have sent many proposals: please try again later."))
            status, retry_after = 429, refusal.retry_after
        except intake.Invalid as error:
            form = error.form
        except intake.IsSpam:
            return redirect(reverse("propose_event") + "?sent=1")  # thanked, and ignored
        else:
            return redirect(reverse("propose_event") + "?sent=1")
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    context = {
        "form": form,
        "sent": request.method == "GET" and request.GET.get("sent") == "1",
        "calendar": public_pages(CalendarPage.objects.filter(locale=locale)).first(),
    }
    response = TemplateResponse(request, "heroes/propose_event.html", context, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response
