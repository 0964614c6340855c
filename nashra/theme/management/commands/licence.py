"""Theme vendors' tool: `nashra licence keygen` and `nashra licence issue` (#4)."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nashra.theme import licences


class Command(BaseCommand):
    help = "Make a vendor key pair, or issue a per-domain theme licence key."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        keygen = actions.add_parser("keygen", help="make an Ed25519 vendor key pair")
        keygen.add_argument(
            "--private-key-out",
            help="write the private key to this file (mode 0600) instead of stdout",
        )
        issue = actions.add_parser("issue", help="issue a licence key for a domain")
        issue.add_argument("--theme", required=True)
        issue.add_argument("--domain", required=True)
        issue.add_argument("--expires", required=True, help="YYYY-MM-DD")
        issue.add_argument(
            "--private-key", required=True, help="path of the vendor's PEM private key"
        )

    def handle(self, *args, action, **options):
        if action == "keygen":
            return self.keygen(options.get("private_key_out"))
        return self.issue(**options)

    def keygen(self, private_out):
        private_pem, public_b64 = licences.generate_keypair()
        if private_out:
            path = Path(private_out)
            path.touch(mode=0o600, exist_ok=False)
            path.write_text(private_pem, encoding="ascii")
            self.stderr.write(f"private key written to {path}")
        else:
            self.stdout.write(private_pem.rstrip())
        self.stdout.write(f"public_key: {public_b64}")

    def issue(self, *, theme, domain, expires, private_key, **_):
        try:
            expiry = date.fromisoformat(expires)
        except ValueError as error:
            raise CommandError(
                f"--expires must be YYYY-MM-DD, not {expires!r}"
            ) from error
        try:
            pem = Path(private_key).read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read the private key: {error}") from error
        try:
            token = licences.issue_licence(
                pem, theme=theme, domain=domain, expires=expiry
            )
        except (ValueError, TypeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(token)
