from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.models import Page

from nashra.newsroom.models import RoleKey
from nashra.newsroom.roles import section_editor, site_role


def refuse(english, arabic):
    return CommandError(f"{english}\n{arabic}", returncode=2)


class Command(BaseCommand):
    help = (
        "Create a staff user in a newsroom role and print a one-time link "
        "to set their password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, help=", ".join(RoleKey.values))
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--section",
            action="append",
            default=[],
            help="Editors only: edit in this section (id or slug) instead of all; "
            "repeat for more sections.",
        )

    def handle(self, *args, username, role, email, section, **options):
        groups = self._groups(role, section)
        users = get_user_model()
        user = users(username=username.strip(), email=email.strip(), is_staff=True)
        self._validate(users, user)
        with transaction.atomic():
            user.set_unusable_password()
            user.save()
            user.groups.set(groups)
            link = password_link(user)
            # A job on the queue (#14): sent by the worker, retried if the
            # mail server is down, and never sent for a user not created.
            send_link(user, link)
        self.stdout.write(
            self.style.SUCCESS(
                f"Staff user {user.username} created as {role}.\n"
                f"أُنشئ حساب {user.username} بدور {groups[0].name}.\n"
                "Send them this link to choose a password; it works once "
                f"and for {settings.PASSWORD_RESET_TIMEOUT // 86400} days:\n"
                "أرسل إليه هذا الرابط ليختار كلمة مروره؛ يصلح مرة واحدة:\n"
                f"  {link}\n"
                f"It is also e-mailed to {user.email} by the background worker.\n"
                f"ويُرسل إليه أيضاً بالبريد إلى {user.email} عبر المهام في الخلفية."
            )
        )

    def _groups(self, key, sections):
        if key not in RoleKey.values:
            raise refuse(
                f"Unknown role {key!r}: use one of {', '.join(RoleKey.values)}.",
                f"الدور «{key}» غير معروف؛ الأدوار: {'، '.join(RoleKey.values)}.",
            )
        if sections and key != RoleKey.EDITOR:
            raise refuse(
                "--section is for editors only.", "الخيار ‎--section‎ للمحررين فقط."
            )
        role = site_role(key)
        if role is None:
            raise refuse(
                f"The role {key!r} is missing: run `nashra migrate`.",
                f"الدور «{key}» غير موجود؛ شغّل `nashra migrate`.",
            )
        if not sections:
            return [role.group]
        pages = [self._section(value) for value in sections]
        return [section_editor(page).group for page in pages]

    def _section(self, value):
        value = value.strip()
        pages = Page.objects.filter(depth__gt=2)
        if value.isascii() and value.isdigit():
            found = list(pages.filter(pk=int(value)))
        else:
            found = list(pages.filter(slug=value)[:2])
        if len(found) != 1:
            raise refuse(
                f"No single section {value!r}: give its id or its slug.",
                f"لا قسم واحداً باسم «{value}»؛ اذكر رقمه أو اسمه في الرابط.",
            )
        return found[0]

    def _validate(self, users, user):
        try:
            users.username_validator(user.username)
            if not user.username:
                raise ValidationError("empty")
        except ValidationError:
            raise refuse(
                f"{user.username!r} is not a valid user name "
                "(letters, digits and @.+-_ only).",
                f"«{user.username}» ليس اسم مستخدم صالحاً (حروف وأرقام و ‎@.+-_‎ فقط).",
            ) from None
        if users.objects.filter(username__iexact=user.username).exists():
            raise refuse(
                f"A user named {user.username!r} already exists.",
                f"المستخدم «{user.username}» موجود مسبقاً.",
            )
        try:
            validate_email(user.email)
        except ValidationError:
            raise refuse(
                f"{user.email!r} is not an e-mail address.",
                f"«{user.email}» ليس عنوان بريد إلكتروني صالحاً.",
            ) from None


def password_link(user):
    """Django's reset token on the admin's reset page: valid until the password is set."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    return f"{settings.BASE_URL}{path}"


def send_link(user, link):
    subject = _("Choose your password for %(site)s") % {
        "site": settings.WAGTAIL_SITE_NAME
    }
    context = {"user": user, "link": link, "site_name": settings.WAGTAIL_SITE_NAME}
    body = render_to_string("newsroom/email_set_password.txt", context)
    send_mail(subject, body, None, [user.email])
