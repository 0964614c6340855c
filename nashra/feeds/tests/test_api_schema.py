"""The public API against its own OpenAPI document, with schemathesis.

Schemathesis generates requests from the document (valid and invalid
parameters, Arabic and odd Unicode strings) and calls the WSGI application in
process. Every answer must be documented, match its schema, and never be a 500.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
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


@pytest.fixture
def keep_test_connection():
    """Django's test client stops requests from closing the database connection;
    a bare WSGI app does not, and on PostgreSQL the test's transaction would go."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_test_connection")
def test_every_operation_conforms_to_the_document(settings):
    settings.PAGE_CACHE = False
    paper = newspaper_with_secrets(articles_per_section=1)
    add_comments(paper["articles"][0])
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", get_wsgi_application()
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 9

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(checks=CHECKS)

        check()
