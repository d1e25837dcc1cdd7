"""`POST /api/v3/nominations/`: the public nominates a hero from a mission's or partner's site.

Multipart, with the same fields and rules as the site's form (heroes.forms.NominationForm):
one rule, one place. Nothing of a nomination is ever readable through the API.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from wagtail.api.v3.errors import ProblemDetail, problem_response

from cms.core import ratelimit
from heroes import services
from heroes.forms import NominationForm

router = Router(tags=["nominations"])


class NominationIn(Schema):
    hero_name: str = Field(description="The hero's name.")
    country: str = Field(description="ISO 3166 code of the country where the hero lives.")
    country_of_origin: str = Field("", description="ISO 3166 code of the hero's origin.")
    story: str = Field(description="Why they are a hero (5,000 characters at most).")
    photo_consent: bool = Field(
        False, description="The person in the photo agreed to send it (required with a photo)."
    )
    nominator_name: str
    nominator_email: str
    nominator_phone: str = ""
    relationship: str = Field("", description="How the nominator knows the hero.")
    agrees_to_be_credited: bool = Field(
        False, description="The nominator may be credited by name if a story is published."
    )


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
        "entry per field; too many nominations from one client get 429 with Retry-After."
    ),
)
def create_nomination(
    request,
    data: Form[NominationIn],
    photo: File[UploadedFile] = None,
):
    retry_after = ratelimit.hit(
        "nominations",
        ratelimit.client_key(request),
        limit=settings.NOMINATIONS_PER_HOUR,
        window=3600,
    )
    if retry_after:
        response = problem_response(
            status=429, detail=_("You have sent many nominations: please try again later.")
        )
        response["Retry-After"] = str(retry_after)
        return response
    form = NominationForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_problem(form.errors.get_json_data())
    if not form.is_spam:
        fields = {k: v for k, v in form.cleaned_data.items() if k not in {"photo", "website"}}
        try:
            services.accept_nomination(
                data=fields, photo=form.cleaned_data.get("photo"), language=get_language()
            )
        except ValidationError as error:
            return _form_problem(
                {
                    field: [{"message": m, "code": "invalid"} for m in messages]
                    for field, messages in error.message_dict.items()
                }
            )
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
