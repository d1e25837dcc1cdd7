"""`POST /api/v3/nominations/`: the public nominates a hero from a mission's or partner's site.

Multipart, with the same fields and rules as the site's form (heroes.forms.NominationForm):
one rule, one place. Nothing of a nomination is ever readable through the API.

`POST /api/v3/nominations/<id>/accept/` (an API token of MCD or of the hero's mission)
accepts one: the same rule as the admin's review screen (heroes.services.review.accept_nomination).
"""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Body, Field, File, Form, ModelSchema, Router, Schema, Status
from ninja.files import UploadedFile
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.images import get_image_model

from cms.core import clients, outage
from heroes.models import Nomination
from heroes.models.nominations import SUBMITTED_FIELDS
from heroes.services import intake, review

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
    response={
        202: NominationReceived,
        422: ProblemDetail,
        429: ProblemDetail,
        503: ProblemDetail,
    },
    summary="Nominate a hero",
    operation_id="nominations_create",
    description=(
        "Send a nomination (multipart/form-data, optional `photo`: JPEG, PNG or WebP, 10 MB). "
        "The photo is re-encoded without its metadata. Errors are RFC 7807 problems with one "
        "entry per field; too many nominations from one client (site form and API together) "
        "get 429 with Retry-After; 503 with Retry-After when it cannot be stored right now "
        "(nothing of it is kept). Who is a Migrant Hero, the criteria a nomination is read "
        "against, in the nominator's language: `GET /api/v3/nominations/criteria/`."
    ),
)
def create_nomination(
    request,
    data: Form[NominationIn],
    photo: File[UploadedFile] = None,
):
    try:
        intake.receive_nomination(
            data=request.POST,
            photo=photo,
            client=clients.client_key(request),
            language=get_language(),
        )
    except intake.TooManyRequests as refusal:
        response = problem_response(
            status=429, detail=_("You have sent many nominations: please try again later.")
        )
        response["Retry-After"] = str(refusal.retry_after)
        return response
    except intake.Invalid as error:
        return _form_problem(error.form.errors.get_json_data())
    except intake.IsSpam:
        pass  # thanked, and ignored
    except intake.NotStored:
        response = problem_response(status=503)  # its detail: cms.core.problems' for a 503
        response["Retry-After"] = str(outage.RETRY_AFTER_SECONDS)
        return response
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


class AcceptNominationIn(Schema):
    alt_text: str = Field(
        "",
        max_length=255,
        description='Alt text of the photo; empty: "Photo of <hero>".',
    )
    image: int | None = Field(
        None, description="An image's id: the story's photo when the nomination came without one."
    )


class NominationAccepted(Schema):
    nomination: int = Field(description="The nomination's id.")
    status: str = Field(description='Always "accepted".')
    story: int = Field(description="The id of the draft story page (in the hero's mission hub).")
    admin_url: str = Field(description="Where the story is edited in the admin.")

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "nomination": 12,
                    "status": "accepted",
                    "story": 345,
                    "admin_url": "https://cms.migrantheroes.example/admin/pages/345/edit/",
                }
            ]
        }
    }


#: The body is optional: without one, the default alt text and no chosen image.
NO_OPTIONS = Body(AcceptNominationIn())  # ty: ignore[call-non-callable]


@router.post(
    "/{nomination_id}/accept/",
    auth=BearerTokenAuth(),
    response={
        201: NominationAccepted,
        401: ProblemDetail,
        403: ProblemDetail,
        404: ProblemDetail,
        409: ProblemDetail,
        422: ProblemDetail,
    },
    summary="Accept a public nomination: draft its story",
    operation_id="nominations_accept",
    description=(
        "For MCD and the mission of the hero's country (an API token of theirs). Makes a draft "
        "hero story in the mission's hub (HQ's when no mission covers the country) with the "
        "nomination's photo moved to the mission's images, and starts the hub's endorsement "
        "workflow. 403 for anyone else, 409 when a story was already drafted from it, 422 "
        "for a nomination without a photo and no `image`."
    ),
)
def accept_nomination(request, nomination_id: int, data: AcceptNominationIn = NO_OPTIONS):
    nomination = get_object_or_404(Nomination, pk=nomination_id)
    image = None
    if data.image is not None:
        image = get_image_model().objects.filter(pk=data.image).first()
        if image is None:
            return _errors_problem({"image": [_("There is no image with this id.")]})
    try:
        story = review.accept_nomination(
            user=request.user, nomination=nomination, alt_text=data.alt_text, image=image
        )
    except ValidationError as error:
        if getattr(error, "code", None) == "has_story":
            return problem_response(status=409, detail=error.messages[0])
        return _errors_problem(
            error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        )
    admin_url = request.build_absolute_uri(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    return Status(
        201,
        {
            "nomination": nomination.pk,
            "status": "accepted",
            "story": story.pk,
            "admin_url": admin_url,
        },
    )


def _errors_problem(messages):
    return problem_response(
        status=422,
        detail=_("The nomination cannot be accepted."),
        errors=[
            {
                "loc": ["body", "data", field] if field else ["body"],
                "msg": message,
                "type": "invalid",
            }
            for field, field_messages in messages.items()
            for message in field_messages
        ],
    )
