"""Taking a role away signs the user out at once (#14)."""

from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import TestCase

from nashra.newsroom.roles import site_role
from nashra.newsroom.tests.base import Newsroom, staff


class SessionTests(Newsroom, TestCase):
    def setUp(self):
        self.client.force_login(self.author)
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def session_exists(self, client=None):
        key = (client or self.client).cookies["sessionid"].value
        return Session.objects.filter(session_key=key).exists()

    def assertSignedOut(self):
        # The session itself is gone, not only the admin's door closed.
        self.assertFalse(self.session_exists())
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_removing_the_role_from_the_user(self):
        self.author.groups.remove(site_role("author").group)
        self.assertSignedOut()

    def test_removing_the_user_from_the_role(self):
        site_role("author").group.user_set.remove(self.author)
        self.assertSignedOut()

    def test_clearing_the_users_groups(self):
        self.author.groups.clear()
        self.assertSignedOut()

    def test_setting_groups_as_the_admin_form_does(self):
        self.author.groups.set([site_role("contributor").group])
        self.assertSignedOut()

    def test_deleting_the_role(self):
        site_role("author").group.delete()
        self.assertSignedOut()

    def test_other_users_and_other_groups_are_left_alone(self):
        other = self.client_class()
        other.force_login(self.other_author)
        club = Group.objects.create(name="نادي القراءة")
        self.author.groups.add(club)
        self.author.groups.remove(club)
        self.other_author.groups.remove(site_role("author").group)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        self.assertTrue(self.session_exists())
        self.assertFalse(self.session_exists(other))

    def test_chief_editor_removes_the_role_in_the_admin(self):
        chief = self.client_class()
        chief.force_login(staff("nadia", "chief-editor"))
        response = chief.post(
            f"/admin/users/edit/{self.author.pk}/",
            {
                "username": self.author.username,
                "email": self.author.email,
                "first_name": "هدى",
                "last_name": "الكاتبة",
                "is_active": "on",
                "groups": [site_role("contributor").group.pk],
            },
        )
        self.assertEqual(response.status_code, 302, response.status_code)
        self.assertEqual(
            list(self.author.groups.values_list("name", flat=True)), ["كاتب متعاون"]
        )
        self.assertSignedOut()

    def test_deactivating_the_user(self):
        self.author.is_active = False
        self.author.save()
        self.assertFalse(self.session_exists())
        self.author.is_active = True
        self.author.save()  # reactivating ends nothing more, and asks nothing
