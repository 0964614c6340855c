"""The `nashra` console command: Django's management commands under one name.

`nashra serve`, `nashra demo`, `nashra createadmin` and every Django or
Wagtail command (`nashra migrate`, `nashra publish_scheduled` …).
"""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["nashra", *(argv if argv is not None else sys.argv[1:])])


if __name__ == "__main__":
    main()
