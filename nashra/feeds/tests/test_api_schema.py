"""The public API against its own OpenAPI document, with schemathesis.

Schemathesis generates requests from the document (valid and invalid
parameters, Arabic and odd Unicode strings) and calls the WSGI application in
process. Every answer must be documented, match its schema, and never be a 500.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from nashra.feeds.tests.helpers import add_comments, newspaper_with_secrets

# Small enough to keep the whole module well under a minute.
EXAMPLES = 10
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.django_db
def test_every_operation_conforms_to_the_document():
    paper = newspaper_with_secrets(articles_per_section=1)
    add_comments(paper["articles"][0])
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", get_wsgi_application()
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 9

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(checks=CHECKS)

        check()
