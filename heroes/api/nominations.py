"""`POST /api/v3/nominations/`: the public nominates a hero from a mission's or partner's site.

Multipart, with the same fields and rules as the site's form (heroes.forms.NominationForm):
one rule, one place. Nothing of a nomination is ever readable through the API.
"""

from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, File, Form, ModelSchema, Router, Schema, Status
from ninja.files import UploadedFile
from wagtail.api.v3.errors import ProblemDetail, problem_response

from cms.core import clients
from heroes import services
from heroes.models import Nomination
from heroes.models.nominations import SUBMITTED_FIELDS

router = Router(tags=["nominations"])


def _labels_as_titles(schema):
    """Each field titled with its label on the site's form ("Hero's name")."""
    for name, field in schema["properties"].items():
        field["title"] = capfirst(str(Nomination._meta.get_field(name).verbose_name))


class NominationIn(ModelSchema):
    """The fields of a nomination, as the model declares them (the form body's documentation;
    NominationForm checks them)."""

    model_config = {"json_schema_extra": _labels_as_titles}

    class Meta:
        model = Nomination
        fields = list(SUBMITTED_FIELDS)


class NominationReceived(Schema):
    status: str = Field(description='Always "received".')

    model_config = {"json_schema_extra": {"examples": [{"status": "received"}]}}


@router.post(
    "/",
    response={202: NominationReceived, 422: ProblemDetail, 429: ProblemDetail},
    summary="Nominate a hero",
    operation_id="nominations_create",
    description=(
        "Send a nomination (multipart/form-data, optional `photo`: JPEG, PNG or WebP, 10 MB). "
        "The photo is re-encoded without its metadata. Errors are RFC 7807 problems with one "
        "entry per field; too many nominations from one client (site form and API together) "
        "get 429 with Retry-After."
    ),
)
def create_nomination(
    request,
    data: Form[NominationIn],
    photo: File[UploadedFile] = None,
):
    try:
        services.receive_nomination(
            data=request.POST,
            photo=photo,
            client=clients.client_key(request),
            language=get_language(),
        )
    except services.TooManyNominations as refusal:
        response = problem_response(
            status=429, detail=_("You have sent many nominations: please try again later.")
        )
        response["Retry-After"] = str(refusal.retry_after)
        return response
    except services.InvalidNomination as error:
        return _form_problem(error.form.errors.get_json_data())
    except services.NominationIsSpam:
        pass  # thanked, and ignored
    return Status(202, {"status": "received"})


def _form_problem(errors):
    return problem_response(
        status=422,
        detail=_("The nomination has errors."),
        errors=[
            {
                "loc": ["form", field],
                "msg": error["message"],
                "type": error.get("code") or "invalid",
            }
            for field, field_errors in errors.items()
            for error in field_errors
        ],
    )
