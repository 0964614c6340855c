"""`nashra newsletters export|erase EMAIL`: subscribers' data on request (#19)."""

import json

from django.core.management.base import BaseCommand

from nashra.newsletters import privacy


class Command(BaseCommand):
    help = "Newsletter subscribers: GDPR export and erasure of one address."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="Print what is stored for one address.")
        export.add_argument("email")
        erase = sub.add_parser("erase", help="Delete one address and its ledger rows.")
        erase.add_argument("email")
        erase.add_argument("--yes", action="store_true", required=True)

    def handle(self, *args, action, **options):
        if action == "export":
            data = privacy.export_for_email(options["email"])
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"erased {privacy.erase_for_email(options['email'])}")
