"""Peak memory of `nashra import-wordpress` on an export with one huge post (#17).

    python bench/import_memory_bench.py [--posts 2000] [--huge-mb 190]
        [--max-post-bytes N] [--database-url postgres://…/empty_db]

Writes a synthetic export (bench/make_wxr.py) with one post of --huge-mb
megabytes of Arabic HTML spliced in after the first tenth of the posts, the
huge text streamed to disk and never held in memory here; migrates a fresh
SQLite database (or the given empty one) and runs the import in a child
process. The peak is the child's own maximum resident set (wait4), so a
spike between samples is not missed. Target: at most 500 MB for a 200 MB
export, the huge post refused and reported, every other post imported.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NASHRA = [sys.executable, "-m", "nashra.cli"]
PARAGRAPH = (
    "<p>نص طويل جدا من مقال ضخم، فيه <strong>عريض</strong> و<a href="
    '"https://example.com/">رابط</a> &amp; أرقام ١٢٣٤٥٦٧٨٩٠.</p>\n'
).encode()


def huge_item(megabytes: int) -> tuple[bytes, bytes, int]:
    """The huge post's markup before and after its content, and how many
    paragraphs of content to write between them."""
    head = (
        "<item><title>مقال ضخم</title><link>https://bench.example/?p=999999</link>"
        "<dc:creator><![CDATA[admin]]></dc:creator><content:encoded><![CDATA["
    ).encode()
    tail = (
        b"]]></content:encoded><wp:post_id>999999</wp:post_id>"
        b"<wp:post_date>2024-01-01 10:00:00</wp:post_date>"
        b"<wp:post_date_gmt>2024-01-01 07:00:00</wp:post_date_gmt>"
        b"<wp:post_name>huge</wp:post_name><wp:status>publish</wp:status>"
        b"<wp:post_type>post</wp:post_type></item>\n"
    )
    return head, tail, megabytes * 1_000_000 // len(PARAGRAPH)


def write_export(work: Path, posts: int, megabytes: int) -> Path:
    plain = work / "plain.xml"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_wxr.py"),
                    "--posts", str(posts), "--out", str(plain)], check=True)  # fmt: skip
    export = work / "export.xml"
    head, tail, paragraphs = huge_item(megabytes)
    items_seen = 0
    with plain.open("rb") as source, export.open("wb") as out:
        for line in source:
            out.write(line)
            items_seen += line.count(b"</item>")
            if head and items_seen >= posts // 10:
                out.write(head)
                for _ in range(paragraphs):
                    out.write(PARAGRAPH)
                out.write(tail)
                head = b""
    plain.unlink()
    return export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--huge-mb", type=int, default=190)
    parser.add_argument("--max-post-bytes", type=int, help="the importer's limit")
    parser.add_argument("--database-url", help="an empty database (default SQLite)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nashra-import-memory-"))
    export = write_export(work, args.posts, args.huge_mb)
    database = args.database_url or f"sqlite:///{work / 'db.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database,
           "MEDIA_ROOT": str(work / "media"), "REDIS_URL": ""}  # fmt: skip
    subprocess.run([*NASHRA, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    report = work / "report.json"
    command = [*NASHRA, "import-wordpress", str(export), "--report", str(report)]
    if args.max_post_bytes:
        command += ["--max-post-bytes", str(args.max_post_bytes)]
    size_mb = export.stat().st_size / 1e6
    print(f"export {size_mb:.0f} MB: {args.posts} posts and one of {args.huge_mb} MB;"
          f" load average at the start {os.getloadavg()[0]:.2f}", flush=True)  # fmt: skip
    started = time.monotonic()
    with (work / "progress.log").open("w") as progress:
        child = subprocess.Popen(command, env=env, cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=progress)  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.monotonic() - started
    result = json.loads(report.read_text()) if report.exists() else {}
    posts = result.get("posts", {})
    refused = [p for p in result.get("problems", []) if p.get("kind") == "size"]
    print(f"exit status {os.waitstatus_to_exitcode(status)} in {elapsed:.0f} s;"
          f" posts created {posts.get('created')}, skipped {posts.get('skipped')},"
          f" failed {posts.get('failed')}")  # fmt: skip
    for problem in refused:
        print(f"  refused: {problem['item']}: {problem['reason']}")
    print(f"peak RSS of the import {usage.ru_maxrss / 1024:.0f} MB;"
          f" CPU {usage.ru_utime + usage.ru_stime:.0f} s;"
          f" load average at the end {os.getloadavg()[0]:.2f}")  # fmt: skip
    for path in sorted(work.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    work.rmdir()


if __name__ == "__main__":
    main()
