"""The loopback WordPress peer (../shared/peers/wordpress/setup.sh), for the
--site sync tests (#21): reachability, SQL on its database, its own export.

The peer is in the shared folder, which a fresh clone does not have: tests
using it skip, with the reason, when it does not answer.
"""

import json
import shutil
import subprocess
import unittest
import urllib.request
from pathlib import Path

URL = "http://127.0.0.1:8081"
SOCKET = Path("/tmp/wp-peer/mysql/mysqld.sock")  # noqa: S108  (setup.sh's place)
DATABASE = "wp_peer"
WORDPRESS = Path("/usr/share/wordpress/wp-load.php")
# The posts the tests read: the last four days of the seeded year (19 posts, 15 comments).
SINCE = "2025-05-29"
QUERY = {"after": f"{SINCE}T00:00:00"}

EXPORT_PHP = """<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:8081'; $_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
export_wp(['content' => 'post', 'start_date' => $argv[1]]);
"""


def _answers() -> str:
    """Why the peer cannot be used, or "" when it can."""
    try:
        address = f"{URL}/wp-json/"
        with urllib.request.urlopen(address, timeout=5) as response:  # noqa: S310  (http)
            if "wp/v2" not in json.load(response).get("namespaces", ()):
                return f"{URL} is not the WordPress peer"
    except (OSError, ValueError) as error:
        return f"WordPress peer not reachable at {URL} ({error}); run peers/wordpress/setup.sh from the team's shared folder"
    if not SOCKET.exists() or shutil.which("mariadb") is None:
        return f"WordPress peer's database socket {SOCKET} not found"
    return ""


def require_peer() -> None:
    reason = _answers()
    if reason:
        raise unittest.SkipTest(reason)


def sql(statement: str) -> list[list[str]]:
    out = subprocess.run(
        [shutil.which("mariadb") or "/usr/bin/mariadb", "--no-defaults", f"--socket={SOCKET}", "-uroot", "-N", "-B",
         DATABASE, "-e", statement],
        check=True, capture_output=True, text=True, timeout=30,
    ).stdout  # fmt: skip
    return [line.split("\t") for line in out.splitlines()]


def export(path: Path, since: str = SINCE) -> Path:
    """WordPress's own export (Tools → Export) of the posts since a date."""
    path.parent.chmod(0o755)  # PHP runs as www-data, as the site does
    script = path.with_suffix(".php")
    script.write_text(EXPORT_PHP)
    script.chmod(0o644)
    with path.open("wb") as out:
        # PHP runs as the site's user.
        command = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "www-data",
                   "--", shutil.which("php") or "/usr/bin/php", str(script), since]  # fmt: skip
        subprocess.run(command, check=True, stdout=out, timeout=60)
    return path
