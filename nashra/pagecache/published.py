"""Static publishing: rendered pages as files that nginx serves itself (#8).

With NASHRA_STATIC_PUBLISH=1, each shareable HTML page requested without a
query string is written to <dir>/<host>/<path>/index.html (written aside,
then renamed, so nginx never reads half a file). nginx's try_files serves the
file when it exists and asks the application otherwise. The file's name is
appended to one list per group it depends on; invalidating a group deletes
the files on its list, and invalidating "site" deletes them all.
"""

import os
import shutil
import tempfile
from pathlib import Path

from nashra.core import groups
from nashra.pagecache import conf

LISTS = ".groups"
INDEX = "index.html"


def _safe_host(host):
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    if not name or name.startswith(".") or "/" in name or ".." in name:
        return None
    return name


def target_for(root, host, path):
    """The file for a page, or None for a path that could escape the folder."""
    name = _safe_host(host)
    if name is None or "\x00" in path or not path.startswith("/"):
        return None
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") or p.startswith(".") for p in parts):
        return None
    return Path(root, name, *parts, INDEX)


def _list_file(root, group):
    safe = group.replace("/", "%2F")
    return Path(root, LISTS, safe)


def write(request, response, entry):
    root = conf.static_publish_dir()
    if not root or request.META.get("QUERY_STRING") or entry.status != 200:
        return None
    # Another type only when its view asks: nginx must serve that address
    # from a location of its own, with the right type (the live tail, #15).
    html = response.get("Content-Type", "").startswith("text/html")
    if not (html or getattr(response, "static_publish", False)):
        return None
    target = target_for(root, request.get_host(), request.path)
    if target is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(entry.body)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)
    relative = str(target.relative_to(root))
    for group in entry.versions:
        if group == groups.SITE:
            continue
        lst = _list_file(root, group)
        lst.parent.mkdir(parents=True, exist_ok=True)
        # One short O_APPEND write per line: safe across worker processes.
        with open(lst, "a", encoding="utf-8") as handle:
            handle.write(relative + "\n")
    return target


def remove(group_names):
    """Delete the published files of these groups (all of them for "site")."""
    root = conf.static_publish_dir()
    if not root or not Path(root).exists():
        return
    if groups.SITE in group_names:
        for child in Path(root).iterdir():
            _discard(child)
        return
    for group in group_names:
        lst = _list_file(root, group)
        try:
            names = lst.read_text(encoding="utf-8").splitlines()
            lst.unlink()
        except FileNotFoundError:
            continue
        for name in set(names):
            Path(root, name).unlink(missing_ok=True)


def _discard(path):
    # Renamed first, so nginx stops finding the files at once.
    aside = path.with_name(f".gone-{path.name}-{os.getpid()}")
    try:
        path.rename(aside)
    except FileNotFoundError:
        return
    if aside.is_dir():
        shutil.rmtree(aside, ignore_errors=True)
    else:
        aside.unlink(missing_ok=True)
