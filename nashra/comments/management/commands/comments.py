"""`nashra comments train|anonymise-ips|export|erase`: comment housekeeping (#3)."""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from nashra.comments import privacy, spamstore
from nashra.comments.models import CommentOptions


class Command(BaseCommand):
    help = "Comment housekeeping: train the spam filter, trim IPs, GDPR export/erase."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("train", help="Rebuild the spam filter from every decision.")
        anonymise = sub.add_parser(
            "anonymise-ips", help="Trim IPs older than the retention option."
        )
        anonymise.add_argument("--days", type=int, default=None)
        export = sub.add_parser("export", help="Print one address's comments as JSON.")
        export.add_argument("email")
        erase = sub.add_parser("erase", help="Delete every comment of one address.")
        erase.add_argument("email")
        erase.add_argument("--yes", action="store_true", required=True)

    def handle(self, *args, action, **options):
        if action == "train":
            ham, spam = spamstore.retrain_all()
            self.stdout.write(f"trained on {ham} approved and {spam} spam comments")
        elif action == "anonymise-ips":
            days = options["days"]
            if days is None:
                days = retention_days()
            if days < 0:
                raise CommandError("--days must be 0 or more")
            done = privacy.anonymise_old_ips(days)
            self.stdout.write(f"anonymised {done} IP addresses")
        elif action == "export":
            data = privacy.export_for_email(options["email"])
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        elif action == "erase":
            self.stdout.write(f"erased {privacy.erase_for_email(options['email'])}")


def retention_days():
    """The shortest retention any site asks for (they share one table)."""
    days = [
        CommentOptions.for_site(site).ip_retention_days for site in Site.objects.all()
    ]
    return min(days, default=30)
