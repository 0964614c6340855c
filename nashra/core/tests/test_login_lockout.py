"""Login lock-outs key on the reader's own address, the one comments store (#17).

Behind nginx REMOTE_ADDR is always the proxy's: keyed on it, five wrong
passwords from anyone locked the real admin out from everywhere (429).
"""

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client, TestCase, override_settings
from django.urls import reverse

PROXY = "10.0.0.2"
ATTACKER = "203.0.113.7"
ADMIN = "198.51.100.4"
PASSWORD = "correct horse battery staple"
BEHIND_PROXY = {"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
class LockOut(TestCase):
    @classmethod
    def setUpTestData(cls):
        get_user_model().objects.create_superuser("admin", "a@example.com", PASSWORD)

    def log_in(self, password, *, forwarded=None, remote=PROXY):
        headers = {"REMOTE_ADDR": remote}
        if forwarded:
            headers["HTTP_X_FORWARDED_FOR"] = forwarded
        return Client().post(
            reverse("wagtailadmin_login"),
            {"username": "admin", "password": password},
            **headers,
        )

    def guess_five_times(self, **where):
        for _ in range(5):
            self.log_in("wrong", **where)

    @override_settings(**BEHIND_PROXY)
    def test_behind_the_proxy_only_the_guessing_address_is_locked(self):
        self.guess_five_times(forwarded=f"192.0.2.1, {ATTACKER}")
        self.assertEqual(self.log_in(PASSWORD, forwarded=ATTACKER).status_code, 429)
        response = self.log_in(PASSWORD, forwarded=ADMIN)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
        attempt = AccessAttempt.objects.get()
        self.assertEqual((attempt.username, attempt.ip_address), ("admin", ATTACKER))

    def test_without_the_proxy_the_forwarded_header_is_ignored(self):
        """A client cannot choose its address by sending X-Forwarded-For."""
        self.guess_five_times(remote=ATTACKER, forwarded="192.0.2.9")
        self.assertEqual(
            self.log_in(PASSWORD, remote=ATTACKER, forwarded=ADMIN).status_code, 429
        )
        self.assertEqual(AccessAttempt.objects.get().ip_address, ATTACKER)
        self.assertEqual(self.log_in(PASSWORD, remote=ADMIN).status_code, 302)
