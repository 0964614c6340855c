"""One log line per request with its id; no e-mail or full IP in any line
or error report (#17)."""

import io
import json
import logging
import os
import subprocess
import sys

from django.test import SimpleTestCase, TestCase, override_settings

from nashra.core.logs import JsonFormatter, PlainFormatter
from nashra.core.tests.factories import build_newspaper
from nashra.text.scrub import scrub, scrub_event

PROXY = ("HTTP_X_FORWARDED_PROTO", "https")


class Captured:
    """The request lines, formatted by ``formatter``."""

    def __init__(self, formatter):
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(formatter)
        self.logger = logging.getLogger("nashra.request")

    def __enter__(self):
        self.logger.addHandler(self.handler)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self.handler)

    @property
    def lines(self):
        return self.stream.getvalue().splitlines()


class RequestLogTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_newspaper(articles_per_section=1)

    def test_one_json_line_per_request_with_the_id_it_answers(self):
        with Captured(JsonFormatter()) as log:
            response = self.client.get("/robots.txt", REMOTE_ADDR="203.0.113.77")
        (line,) = [json.loads(text) for text in log.lines]
        self.assertEqual(line["request_id"], response["X-Request-ID"])
        self.assertRegex(line["request_id"], r"^[0-9a-f]{32}$")
        self.assertEqual(
            (line["method"], line["path"], line["status"], line["kind"]),
            ("GET", "/robots.txt", 200, "feed"),
        )
        self.assertEqual(line["client"], "203.0.113.0")
        self.assertNotIn("203.0.113.77", log.stream.getvalue())

    def test_a_proxys_request_id_is_kept_only_behind_the_proxy(self):
        given = {"HTTP_X_REQUEST_ID": "edge-42.abc"}
        direct = self.client.get("/robots.txt", **given)
        self.assertNotEqual(direct["X-Request-ID"], "edge-42.abc")
        with override_settings(SECURE_PROXY_SSL_HEADER=PROXY):
            behind = self.client.get("/robots.txt", **given)
            self.assertEqual(behind["X-Request-ID"], "edge-42.abc")
            junk = self.client.get("/robots.txt", HTTP_X_REQUEST_ID="a b\nc" * 20)
            self.assertRegex(junk["X-Request-ID"], r"^[0-9a-f]{32}$")

    def test_no_email_and_no_query_in_the_line(self):
        with Captured(PlainFormatter("%(message)s")) as log:
            self.client.get("/author/sara@example.com/?email=sara@example.com")
        (line,) = log.lines
        self.assertIn("/author/[email]/ 404", line)
        self.assertNotIn("example.com", line)

    def test_stored_pages_carry_no_request_id(self):
        first = self.client.get("/")
        second = self.client.get("/")
        self.assertEqual(second["X-Cache"], "HIT")
        self.assertNotEqual(first["X-Request-ID"], second["X-Request-ID"])

    @override_settings(REQUEST_LOG=False)
    def test_the_line_can_be_switched_off(self):
        with Captured(JsonFormatter()) as log:
            response = self.client.get("/robots.txt")
        self.assertEqual(log.lines, [])
        self.assertIn("X-Request-ID", response)


class ScrubTests(SimpleTestCase):
    def test_addresses_are_truncated_and_emails_masked(self):
        self.assertEqual(
            scrub(
                "from 198.51.100.23 and 2001:db8:85a3::8a2e:370:7334 a.b+c@mail.example"
            ),
            "from 198.51.100.0 and 2001:db8:85a3:: [email]",
        )
        # Times, versions and dates stay as they are.
        for text in ("at 12:30:01", "Django 5.2.1", "2026-12-02", "1.2.3.4.5"):
            self.assertEqual(scrub(text), text)

    def test_an_exception_in_a_json_line_is_scrubbed_too(self):
        try:
            raise ValueError("duplicate key sara@example.com from 192.0.2.9")
        except ValueError:
            record = logging.LogRecord(
                "x", logging.ERROR, __file__, 1, "failed", None, sys.exc_info()
            )
        line = json.loads(JsonFormatter().format(record))
        self.assertIn("[email] from 192.0.2.0", line["exception"])

    def test_error_reports_are_scrubbed_everywhere(self):
        event = {
            "message": "for sara@example.com",
            "request": {"headers": [["X-Forwarded-For", "198.51.100.23"]]},
            "extra": {"n": 3},
        }
        self.assertEqual(
            scrub_event(event),
            {
                "message": "for [email]",
                "request": {"headers": [["X-Forwarded-For", "198.51.100.0"]]},
                "extra": {"n": 3},
            },
        )


PROBE = """
import django, sentry_sdk
django.setup()
options = sentry_sdk.get_client().options
event = options["before_send"]({"message": "sara@example.com at 203.0.113.5"}, {})
print(options["send_default_pii"], options["dsn"] is not None, event["message"])
"""


class SentryTests(SimpleTestCase):
    def test_sentry_dsn_sends_no_personal_data(self):
        env = dict(os.environ, SENTRY_DSN="http://public@127.0.0.1:9/1")
        env["DJANGO_SETTINGS_MODULE"] = "nashra.settings"
        done = subprocess.run(
            [sys.executable, "-c", PROBE],
            env=env, capture_output=True, text=True, check=True, timeout=60,
        )  # fmt: skip
        self.assertEqual(
            done.stdout.split(), ["False", "True", "[email]", "at", "203.0.113.0"]
        )
