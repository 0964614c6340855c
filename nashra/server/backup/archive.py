"""The backup archive: members, manifest, checksums (#17).

Written to ``FILE.part`` and renamed when complete, so a full disk or a
kill leaves no archive that looks whole. Read by verifying every member
against the manifest into a scratch folder first: a truncated, tampered or
foreign file is refused with nothing changed.
"""

import hashlib
import io
import json
import os
import tarfile
import time
import zlib
from pathlib import Path

FORMAT = "nashra-backup"
VERSION = 1
MANIFEST = "manifest.json"
SECRET_KEY_MEMBER = "secret_key"  # noqa: S105  (a member name)
MEDIA = "media/"
CHUNK = 1024 * 1024


class BadArchive(Exception):
    """Not a Nashra backup this version can restore; says why, in two languages."""

    def __init__(self, english, arabic):
        super().__init__(f"{english} / {arabic}")


def sha256_of(handle):
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


class Writer:
    """Members added one by one; the manifest last, then the rename."""

    def __init__(self, path):
        self.path = Path(path)
        self.part = self.path.with_name(self.path.name + ".part")
        # 0600: the archive holds the secret key and every commenter's e-mail.
        fd = os.open(self.part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        self.raw = os.fdopen(fd, "wb")
        self.tar = tarfile.open(fileobj=self.raw, mode="w:gz")
        self.members = {}

    def add_file(self, name, handle, size):
        """Add ``size`` bytes of ``handle`` as ``name``, hashing on the way."""
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(time.time()), 0o600
        hashing = _Hashing(handle)
        self.tar.addfile(info, hashing)
        if hashing.size != size:
            raise OSError(f"{name} changed size while it was archived")
        self.members[name] = {"sha256": hashing.digest.hexdigest(), "size": size}

    def add_bytes(self, name, data):
        self.add_file(name, io.BytesIO(data), len(data))

    def finish(self, manifest):
        manifest = {"format": FORMAT, "version": VERSION, **manifest}
        manifest["members"] = self.members
        data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        self.raw.flush()
        os.fsync(self.raw.fileno())
        self.raw.close()
        os.replace(self.part, self.path)

    def abandon(self):
        for closing in (self.tar.close, self.raw.close):
            try:
                closing()
            except (OSError, ValueError):
                pass
        self.part.unlink(missing_ok=True)


class _Hashing:
    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        chunk = self.handle.read(size)
        self.digest.update(chunk)
        self.size += len(chunk)
        return chunk


def read_verified(path, scratch):
    """The manifest, after every member was unpacked into ``scratch`` and
    matched its checksum; raises BadArchive."""
    try:
        tar = tarfile.open(path, mode="r:gz")
    except FileNotFoundError:
        raise BadArchive(
            f"{path}: no such file", f"{path}: لا يوجد ملف بهذا الاسم"
        ) from None
    except (tarfile.TarError, OSError, EOFError):
        raise BadArchive(
            f"{path} is not a Nashra backup (not a gzip tar archive)",
            f"{path} ليس نسخة احتياطية من نشرة (ليس أرشيف tar مضغوطاً)",
        ) from None
    try:
        with tar:
            return _unpack(tar, Path(scratch))
    except (tarfile.TarError, OSError, EOFError, zlib.error):
        raise BadArchive(
            f"{path} is damaged or truncated",
            f"{path} تالف أو ناقص",
        ) from None


def _unpack(tar, scratch):
    manifest, found = None, {}
    for member in tar:
        name = member.name
        if not member.isfile() or _unsafe(name):
            raise BadArchive(
                f"unexpected member {name!r} in the archive",
                f"عنصر غير متوقع في الأرشيف: {name!r}",
            )
        handle = tar.extractfile(member)
        if name == MANIFEST:
            manifest = _manifest(handle.read())
            continue
        target = scratch / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as out:
            digest = hashlib.sha256()
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        found[name] = digest.hexdigest()
    if manifest is None:
        raise BadArchive(
            "the archive has no manifest: not a complete Nashra backup",
            "لا يحتوي الأرشيف على بيان المحتويات: ليس نسخة احتياطية كاملة من نشرة",
        )
    expected = {name: entry["sha256"] for name, entry in manifest["members"].items()}
    if found != expected:
        wrong = sorted(set(found) ^ set(expected)) or sorted(
            name for name in found if found[name] != expected[name]
        )
        raise BadArchive(
            f"the archive does not match its manifest ({wrong[0]})",
            f"الأرشيف لا يطابق بيان محتوياته ({wrong[0]})",
        )
    return manifest


def _unsafe(name):
    path = Path(name)
    return path.is_absolute() or ".." in path.parts or name.startswith("/")


def _manifest(data):
    try:
        manifest = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadArchive(
            "the manifest is not a Nashra backup manifest",
            "بيان المحتويات ليس بيان نسخة احتياطية من نشرة",
        )
    if manifest.get("version") != VERSION:
        raise BadArchive(
            f"backup format {manifest.get('version')!r} is not {VERSION}: "
            "restore it with the Nashra version that made it",
            f"صيغة النسخة {manifest.get('version')!r} غير مدعومة: "
            "استعدها بإصدار نشرة الذي أنشأها",
        )
    if not isinstance(manifest.get("members"), dict):
        raise BadArchive(
            "the manifest lists no members", "لا يذكر بيان المحتويات أي عنصر"
        )
    return manifest
