"""A full disk or a read-only var dir, told apart from other errors (#17).

Readers got a 500 everywhere, with the log line ``disk I/O error``, and the
importer and ``serve --production`` gave tracebacks. Now readers get the
site's own 503 page (views.server_error), operators one line naming the
path, and the commands the same line in English and Arabic.
"""

import errno
import logging

from django.conf import settings
from django.db import connection

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
READ_ONLY = {errno.EROFS}
# SQLite's words for the same faults: it names no file.
SQLITE_FULL = ("database or disk is full", "disk i/o error")
SQLITE_READ_ONLY = ("attempt to write a readonly database", "readonly database")


class StorageFault:
    def __init__(self, what, path):
        self.what, self.path = what, path

    def line(self):
        return f"{self.path} is {self.what}: nothing more can be written there"

    def arabic(self):
        word = "ممتلئ" if self.what == "full" else "للقراءة فقط"
        return f"{self.path} {word}: لا يمكن الكتابة فيه"


def _database_path():
    name = settings.DATABASES["default"]["NAME"]
    if connection.vendor == "sqlite":
        return str(name)
    return f"the {connection.vendor} database {name}"


def fault_of(error):
    """The StorageFault an exception (or one it was raised from) is, or None."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in FULL | READ_ONLY:
            what = "full" if error.errno in FULL else "read-only"
            return StorageFault(what, error.filename or settings.VAR_DIR)
        text = str(error).lower()
        if any(words in text for words in SQLITE_FULL):
            return StorageFault("full", _database_path())
        if any(words in text for words in SQLITE_READ_ONLY):
            return StorageFault("read-only", _database_path())
        error = error.__cause__ or error.__context__
    return None


class DropStorageFaults(logging.Filter):
    """Django's traceback of a storage fault: the 503 logged one line already."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        return error is None or fault_of(error) is None


def check_writable(paths):
    """The StorageFault of the first folder where no file can be created
    (made if missing), else None: a start-up check, before any traceback."""
    import tempfile

    for path in paths:
        try:
            path.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path, prefix=".write-check-"):
                pass
        except OSError as error:
            fault = fault_of(error)
            if fault is None and error.errno in (errno.EACCES, errno.EPERM):
                fault = StorageFault("read-only", path)
            if fault is None:
                raise
            fault.path = fault.path if error.filename else path
            return fault
    return None


def one_line(command, fault):
    """What a command prints for a fault: English, then Arabic."""
    return f"{command}: {fault.line()} / {fault.arabic()}"
