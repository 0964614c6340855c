"""Import throughput and peak memory of `nashra import-wordpress` (#7).

    python bench/import_bench.py --posts 50000 [--dir /tmp/x]
        [--database-url postgres://…/empty_db] [--batch-size 100]

Generates a synthetic export (bench/make_wxr.py), migrates a fresh SQLite
database in a temporary folder (or the given, empty, database) and runs the
import in a child process with no media (--uploads not given), sampling its
resident memory every second (written to rss.csv in the folder).
Targets: at least 200 posts/s on SQLite; flat memory, at most 300 MB RSS.
The machine may be shared: the load average is printed beside each figure.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NASHRA = [sys.executable, "-m", "nashra.cli"]


def _own_rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                found += [int(child) for child in children.read().split()]
    except OSError:
        pass
    return found


def rss_mb(pid: int) -> float:
    """The import's resident memory with its children's: the export is read
    ahead in a second process (importers/readahead.py, #21)."""
    return _own_rss_mb(pid) + sum(rss_mb(child) for child in _children(pid))


def _progress(work: Path) -> str:
    """The importer's last progress line (it redraws with carriage returns)."""
    try:
        text = (work / "progress.log").read_bytes()[-400:].decode(errors="replace")
    except OSError:
        return ""
    lines = [part for part in text.replace("\r", "\n").split("\n") if part.strip()]
    return lines[-1].strip() if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--dir", type=Path, help="work folder (default: a temp one)")
    parser.add_argument("--database-url", help="an empty database (default SQLite)")
    parser.add_argument("--batch-size", type=int, help="the importer's --batch-size")
    args = parser.parse_args()
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="import-bench-", dir=args.dir))
    else:
        work = Path(tempfile.mkdtemp(prefix="nashra-import-bench-"))
    export = work / "export.xml"
    database = args.database_url or f"sqlite:///{work / 'db.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database,
           "MEDIA_ROOT": str(work / "media"), "REDIS_URL": ""}  # fmt: skip
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_wxr.py"),
                    "--posts", str(args.posts), "--out", str(export)], check=True)  # fmt: skip
    subprocess.run([*NASHRA, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    report = work / "report.json"
    command = [*NASHRA, "import-wordpress", str(export), "--report", str(report)]
    if args.batch_size:
        command += ["--batch-size", str(args.batch_size)]
    print(f"database {database.split('@')[-1]}; load average at the start "
          f"{' '.join(f'{n:.2f}' for n in os.getloadavg())}", flush=True)  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = before.ru_utime + before.ru_stime
    started = time.monotonic()
    child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=(work / "progress.log").open("w"))  # fmt: skip
    samples = []
    while child.poll() is None:
        samples.append((round(time.monotonic() - started), rss_mb(child.pid),
                        os.getloadavg()[0]))  # fmt: skip
        if len(samples) % 30 == 0:
            print(f"{samples[-1][0]:>6} s  RSS {samples[-1][1]:.0f} MB  "
                  f"load {samples[-1][2]:.2f}  {_progress(work)}", flush=True)  # fmt: skip
        time.sleep(1)
    elapsed = time.monotonic() - started
    # CPU seconds of the import alone: comparable on a machine shared with others.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    counts = json.loads(report.read_text())
    posts = counts["posts"]["created"]
    with (work / "rss.csv").open("w") as out:
        out.write("seconds,rss_mb,load1\n")
        out.writelines(f"{t},{mb:.1f},{load:.2f}\n" for t, mb, load in samples)
    peak = max(mb for _, mb, _ in samples) if samples else 0
    tenth = max(len(samples) // 10, 1)
    early = max((mb for _, mb, _ in samples[:tenth]), default=0)
    late = max((mb for _, mb, _ in samples[-tenth:]), default=0)
    loads = [load for _, _, load in samples] or [0]
    print(f"posts imported: {posts} of {args.posts} in {elapsed:.0f} s "
          f"→ {posts / elapsed:.0f} posts/s (whole command, both passes)")  # fmt: skip
    print(f"CPU time {cpu:.0f} s → {posts / cpu:.0f} posts per CPU second; "
          f"load average during the run {min(loads):.1f}–{max(loads):.1f} "
          f"(mean {sum(loads) / len(loads):.1f}), at the end "
          f"{' '.join(f'{n:.2f}' for n in os.getloadavg())}")  # fmt: skip
    print(f"peak RSS {peak:.0f} MB; max RSS in first tenth {early:.0f} MB, "
          f"last tenth {late:.0f} MB")  # fmt: skip
    print(f"exit status {child.returncode}; work folder {work}")
    if not args.keep:
        for path in sorted(work.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        work.rmdir()


if __name__ == "__main__":
    main()
