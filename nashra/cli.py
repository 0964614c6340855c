"""The `nashra` console command: Django's management commands under one name.

`nashra serve`, `nashra worker` (background jobs), `nashra demo`,
`nashra createadmin` and every Django or
Wagtail command (`nashra migrate`, `nashra publish_scheduled` …).
"""

import os
import sys

HYPHENATED = {
    "import-wordpress": "import_wordpress",
    "import-jannah-options": "import_jannah_options",
}


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")
    # Before Django loads: django.setup() reads and caches the Arabic catalogue,
    # so one compiled later shows only from the next start (#12).
    from nashra.core.catalogues import compile_catalogues

    compile_catalogues()
    from django.core.management import execute_from_command_line

    args = list(argv if argv is not None else sys.argv[1:])
    # Django command modules cannot have hyphens; the name has one (#7).
    if args and args[0] in HYPHENATED:
        args[0] = HYPHENATED[args[0]]
    execute_from_command_line(["nashra", *args])


if __name__ == "__main__":
    main()
