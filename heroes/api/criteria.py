"""Who is a Migrant Hero? `GET /api/v3/nominations/criteria/`: the criteria a nomination is
read against, in the requested language, for a front end's nomination form.

An endpoint rather than words in the OpenAPI document: MCD edits the criteria and
translators translate them in the admin, while the document is one, in English, for every
language, and changes only with the code. This answer is cached like any public content and
made stale when the criteria change; `POST /api/v3/nominations/` points here.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.errors import ProblemDetail

from heroes import selectors
from heroes.api.params import LocaleFilter, get_locale

router = Router(tags=["nominations"])


class CriterionOut(Schema):
    id: str = Field(description="The criterion's id: the same in every language.")
    title: str
    explanation: str


class NominationCriteriaOut(Schema):
    locale: str = Field(
        description="The language of the words: the requested one when translated, else "
        "the default language."
    )
    heading: str
    intro: str
    criteria: list[CriterionOut] = Field(description="In MCD's order.")


@router.get(
    "/criteria/",
    response={200: NominationCriteriaOut, 404: ProblemDetail, 422: ProblemDetail},
    url_name="nomination_criteria",
    summary="Who is a Migrant Hero? The criteria of a nomination",
    operation_id="nominations_criteria",
)
def nomination_criteria(request, filters: LocaleFilter = Query(...)):  # noqa: B008
    criteria = selectors.nomination_criteria(locale=get_locale(filters.locale))
    if criteria is None:
        raise Http404(_("The campaign has not published its criteria yet."))
    return {
        "locale": criteria.locale.language_code,
        "heading": criteria.heading,
        "intro": criteria.intro,
        "criteria": [
            {"id": item.id, "title": item.title, "explanation": item.explanation}
            for item in criteria.items
        ],
    }
