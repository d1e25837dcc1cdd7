"""Schemathesis over the whole OpenAPI document: generated requests, anonymous and with a
token, never get a server error, and every answer matches what the document says.

In-process (the WSGI application, no network) on a small live campaign. The suite runs a
few examples per operation with a fixed seed (under 3 minutes); `make fuzz` runs many
more (FUZZ_EXAMPLES) with a random seed.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from wagtail.models import APIToken

from tests.factories import UserFactory

#: Examples per operation: a few in the suite, FUZZ_EXAMPLES under `make fuzz`.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "4"))
#: The suite's runs are reproducible; `make fuzz` explores (FUZZ_RANDOM=1).
DERANDOMIZE = not os.environ.get("FUZZ_RANDOM")


def no_undocumented_server_error(ctx, response, case):
    """Schemathesis' `not_a_server_error`, except for a 5xx the operation documents: oEmbed's
    `format=xml` is a 501, as the oEmbed specification asks."""
    if str(response.status_code) in case.operation.definition.raw.get("responses", {}):
        return None
    return not_a_server_error(ctx, response, case)


CHECKS = [no_undocumented_server_error, response_schema_conformance]


fuzz_settings = settings(
    max_examples=EXAMPLES,
    derandomize=DERANDOMIZE,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def api_schema(db, story, event, french_story):
    """The document, read from the WSGI application that then answers the requests.

    As Django's test client does, requests keep the test's database connection (and its
    transaction) instead of closing it when they finish.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v3/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    _token, key = APIToken.create_token(user=UserFactory(superuser=True), name="fuzz")
    return key


def fuzz(schema, headers=None):
    """Run every operation's examples; report each failing one."""
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @fuzz_settings
        @given(case=operation.as_strategy())
        def examples(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            examples()
        except (Exception, BaseExceptionGroup) as error:  # each reported, then all
            failures.append(f"{operation.label}: {str(error).strip()[:2000]}")
    return failures


def test_anonymous_requests_get_no_server_error_and_answers_match_the_document(api_schema):
    failures = fuzz(api_schema)

    assert not failures, "\n\n".join(failures)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_requests_with_a_token_get_no_server_error_and_answers_match_the_document(
    api_schema, token
):
    """Writes included: each request commits or rolls back on its own, as in production
    (in one test transaction, a write the API refuses would abort every later request's)."""
    failures = fuzz(api_schema, headers={"Authorization": f"Bearer {token}"})

    assert not failures, "\n\n".join(failures)
