import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create the first administrator and print its login once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")
        parser.add_argument(
            "--if-none",
            action="store_true",
            help="Do nothing when an administrator already exists.",
        )

    def handle(self, *args, username, email, if_none, **options):
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            if if_none:
                return
        if users.filter(username=username).exists():
            raise CommandError(
                f"A user named {username!r} already exists; use "
                f"`nashra changepassword {username}`.\n"
                f"المستخدم {username} موجود مسبقاً؛ استخدم "
                f"`nashra changepassword {username}` لتغيير كلمة مروره."
            )
        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            users.create_superuser(username=username, email=email, password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "Administrator created (shown once) / أُنشئ حساب المدير (يظهر مرة واحدة):\n"
                f"  username / اسم المستخدم: {username}\n"
                f"  password / كلمة المرور:  {password}\n"
                "  admin / لوحة التحرير: /admin/"
            )
        )
        if settings.NASHRA_2FA_REQUIRED != "none":
            self.stdout.write(
                "  The first sign-in asks for an authenticator app (two-factor); "
                "NASHRA_2FA_REQUIRED=none turns it off on a trial site.\n"
                "  أول دخول يطلب تطبيق رموز التحقق (التحقق بخطوتين)؛ "
                "NASHRA_2FA_REQUIRED=none يوقفه في موقع تجريبي."
            )
