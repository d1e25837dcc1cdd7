"""`POST /api/v3/events/proposals/`: a partner proposes its event for the campaign calendar.

JSON, with the same fields and rules as the site's "Propose an event" form
(heroes.forms_events.EventProposalForm): one rule, one place. Nothing of a proposal is ever
readable through the API; once a mission has made an event of it and it is endorsed, the
event is in the calendar (`/api/v3/calendar/`), without the organiser.
"""

import json

from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, ModelSchema, Router, Schema, Status
from wagtail.api.v3.errors import ProblemDetail, problem_response

from cms.core import clients
from heroes.models import EventProposal
from heroes.models.event_proposals import SUBMITTED_FIELDS
from heroes.services import event_proposals as services_events
from heroes.services import intake

router = Router(tags=["calendar"])

#: What the schema's types alone cannot say; the form checks all of it.
DESCRIPTIONS = {
    "start": (
        "When it starts, as the clocks show it where it takes place (YYYY-MM-DDTHH:MM); "
        "a UTC offset, if given, is converted to `time_zone`."
    ),
    "end": "When it ends, as `start`; an all-day event ends on this day.",
    "time_zone": "IANA time zone of the place, e.g. Africa/Nairobi.",
    "country": "ISO 3166 code of the event's country, e.g. KE.",
    "organiser_name": "Never published.",
    "organiser_email": "Never published: the campaign team writes to it about the proposal.",
}


def _documented(schema):
    """Each field titled with its label on the site's form, and described where needed."""
    for name, field in schema["properties"].items():
        field["title"] = capfirst(str(EventProposal._meta.get_field(name).verbose_name))
        if name in DESCRIPTIONS:
            field["description"] = DESCRIPTIONS[name]


class EventProposalIn(ModelSchema):
    """The fields of a proposal, as the model declares them (EventProposalForm checks them)."""

    model_config = {"json_schema_extra": _documented}

    # Read by the form, as the site's are: a date and time on the event's clocks.
    start: str
    end: str

    class Meta:
        model = EventProposal
        fields = list(SUBMITTED_FIELDS)


class EventProposalReceived(Schema):
    status: str = Field(description='Always "received".')

    model_config = {"json_schema_extra": {"examples": [{"status": "received"}]}}


@router.post(
    "/proposals/",
    response={202: EventProposalReceived, 422: ProblemDetail, 429: ProblemDetail},
    summary="Propose a partner's event for the calendar",
    operation_id="event_proposals_create",
    description=(
        "Send an event organised by IOM or a national partner (JSON). The mission of its "
        "country and MCD review it; if they accept it, the event is published in the calendar "
        "once endorsed, without the organiser's name or email. Errors are RFC 7807 problems "
        "with one entry per field; too many proposals from one client (site form and API "
        "together) get 429 with Retry-After."
    ),
)
def create_event_proposal(request, data: EventProposalIn):
    try:
        services_events.receive_event_proposal(
            # The body as sent, as the site's form gets it (the bots' trap included).
            data=json.loads(request.body),
            client=clients.client_key(request),
            language=get_language(),
        )
    except intake.TooManyRequests as refusal:
        response = problem_response(
            status=429, detail=_("You have sent many proposals: please try again later.")
        )
        response["Retry-After"] = str(refusal.retry_after)
        return response
    except intake.Invalid as error:
        return problem_response(
            status=422,
            detail=_("The proposal has errors."),
            errors=[
                {
                    "loc": ["body", "data", field] if field != "__all__" else ["body", "data"],
                    "msg": error["message"],
                    "type": error.get("code") or "invalid",
                }
                for field, field_errors in error.form.errors.get_json_data().items()
                for error in field_errors
            ],
        )
    except intake.IsSpam:
        pass  # thanked, and ignored
    return Status(202, {"status": "received"})
