"""`nashra token create USERNAME`: a publishing token for the live API (#15)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from nashra.live import tokens


class Command(BaseCommand):
    help = "Create a token with which another tool posts live entries as a user."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="print a new token for a user")
        create.add_argument("username")

    def handle(self, *args, action, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(
                f"No user named {username!r}. · لا يوجد مستخدم بهذا الاسم."
            )
        if not (user.is_active and user.is_staff):
            raise CommandError(
                f"{username!r} is not an active staff user. "
                "· هذا المستخدم ليس من فريق التحرير النشط."
            )
        self.stdout.write(tokens.create(user))
        self.stderr.write(
            "Shown once; only its hash is kept. · يُعرض مرة واحدة ولا يُحفظ إلا أثره."
        )
