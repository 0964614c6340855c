"""Two-factor sign-in for staff (#14).

The threat: a newsroom password phished or reused elsewhere opens the site's
owner account. After this, the chief editor's password alone reaches no
admin screen, and a code read over a shoulder does not sign in twice.
"""

import time

from django.test import TestCase, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from nashra.newsroom.tests.base import Newsroom, staff

SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


def code(device, steps_ahead=0):
    """The app's six digits now, or a step (30 s) ahead, which the site accepts."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, 0)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


@override_settings(
    NASHRA_2FA_REQUIRED="chief-editor",
    OTP_TOTP_THROTTLE_FACTOR=0,
    OTP_STATIC_THROTTLE_FACTOR=0,
)
class TwoFactorTests(Newsroom, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.chief = staff("nadia", "chief-editor")
        cls.editor = staff("adel", "editor")

    def sign_in(self, user, client=None):
        client = client or self.client
        response = client.post(
            "/admin/login/", {"username": user.username, "password": "pw"}
        )
        self.assertEqual(response.status_code, 302)
        return client

    def enrol(self, user):
        """Signs `user` in and enrols them; returns their device."""
        self.sign_in(user)
        self.client.get(SETUP)
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        response = self.client.post(SETUP, {"code": code(device)})
        self.assertEqual(response.status_code, 200)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        return device, response.context["codes"]

    def assertSentTo(self, response, step):
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(step), response["Location"])

    def test_required_for_the_chief_editor(self):
        """Signed in with the password only, every admin screen sends to enrolment."""
        self.sign_in(self.chief)
        for path in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/desk/"):
            self.assertSentTo(self.client.get(path), SETUP)
        # A form post or a script gets a refusal, not the action.
        self.assertEqual(self.client.post("/admin/users/add/", {}).status_code, 403)
        response = self.client.get(SETUP)
        self.assertContains(response, "<svg")  # the QR code, inline
        self.assertNotContains(response, "chart.googleapis")

    def test_enrolment_gives_recovery_codes_and_opens_the_admin(self):
        _, codes = self.enrol(self.chief)
        self.assertEqual(len(set(codes)), 10)
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_next_sign_in_asks_for_the_code(self):
        device, _ = self.enrol(self.chief)
        self.client.logout()
        self.sign_in(self.chief)
        self.assertSentTo(self.client.get("/admin/pages/"), VERIFY)
        # A password alone never replaces the device that guards it.
        self.assertSentTo(self.client.get(SETUP), VERIFY)
        response = self.client.post(VERIFY, {"code": code(device, 1)})
        self.assertSentTo(response, "/admin/")
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)

    def test_a_wrong_code_is_refused(self):
        device, _ = self.enrol(self.chief)
        self.client.logout()
        self.sign_in(self.chief)
        wrong = f"{(int(code(device, 1)) + 1) % 1000000:06d}"
        response = self.client.post(VERIFY, {"code": wrong})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "هذا الرمز خطأ")
        self.assertSentTo(self.client.get("/admin/"), VERIFY)

    def test_a_code_is_accepted_once(self):
        """Replay: the code that signed one browser in fails in another."""
        device, _ = self.enrol(self.chief)
        self.client.logout()
        first = self.sign_in(self.chief)
        later = code(device, 1)
        self.assertSentTo(first.post(VERIFY, {"code": later}), "/admin/")
        second = self.sign_in(self.chief, self.client_class())
        self.assertEqual(second.post(VERIFY, {"code": later}).status_code, 200)
        self.assertSentTo(second.get("/admin/"), VERIFY)

    def test_a_recovery_code_signs_in_once(self):
        _, codes = self.enrol(self.chief)
        self.client.logout()
        self.sign_in(self.chief)
        self.assertSentTo(self.client.post(VERIFY, {"code": codes[0]}), "/admin/")
        self.client.logout()
        self.sign_in(self.chief)
        self.assertEqual(self.client.post(VERIFY, {"code": codes[0]}).status_code, 200)
        self.assertSentTo(self.client.post(VERIFY, {"code": codes[1]}), "/admin/")

    def test_optional_for_an_editor(self):
        self.sign_in(self.editor)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        # Once enrolled, the editor's sign-in asks for the code too.
        self.enrol(self.editor)
        self.client.logout()
        self.sign_in(self.editor)
        self.assertSentTo(self.client.get("/admin/"), VERIFY)

    def test_an_editor_may_turn_it_off_a_chief_editor_may_not(self):
        self.enrol(self.editor)
        self.client.post("/admin/two-factor/off/")
        self.assertFalse(TOTPDevice.objects.filter(user=self.editor).exists())
        self.client.logout()
        self.enrol(self.chief)
        self.client.post("/admin/two-factor/off/")
        self.assertTrue(TOTPDevice.objects.filter(user=self.chief).exists())

    @override_settings(NASHRA_2FA_REQUIRED="all")
    def test_all_staff_when_the_setting_says_all(self):
        self.sign_in(self.editor)
        self.assertSentTo(self.client.get("/admin/"), SETUP)

    @override_settings(NASHRA_2FA_REQUIRED="none")
    def test_nobody_when_the_setting_says_none(self):
        self.sign_in(self.chief)
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_a_wrong_code_slows_the_next_try(self):
        """Guessing six digits: each failure doubles the wait (django-otp)."""
        device, _ = self.enrol(self.chief)
        self.client.logout()
        self.sign_in(self.chief)
        with self.settings(OTP_TOTP_THROTTLE_FACTOR=60):
            self.client.post(VERIFY, {"code": "000000"})
            response = self.client.post(VERIFY, {"code": code(device, 1)})
        self.assertEqual(response.status_code, 200)
        self.assertSentTo(self.client.get("/admin/"), VERIFY)

    @override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
    def test_wrong_passwords_still_lock_the_account_out(self):
        """django-axes stays in force in front of the second step."""
        for _ in range(3):
            self.client.post(
                "/admin/login/", {"username": self.chief.username, "password": "x"}
            )
        response = self.client.post(
            "/admin/login/", {"username": self.chief.username, "password": "pw"}
        )
        self.assertEqual(response.status_code, 429)
