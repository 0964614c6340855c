"""Nashra and the WordPress peer, page by page, in one run (#12).

The same measurement as ../shared/peers/pages_side_by_side.sh (wrk -t2 -c16,
3 s warm-up then 10 s, article / home / section / search, the same URLs
picked from the home page, the same data: demo + 2,000 generated articles),
with two differences that make it usable on this shared machine:

- its own ports (BENCH_PORT, default 8510 and 8511): the shared script's
  8201/8202 belong to another helper's range;
- the server's CPU time per request beside req/s, for both sides: Nashra's
  gunicorn master and workers, WordPress's php-fpm, MariaDB and nginx. With
  other work on the two cores, req/s follows the load; CPU per request
  mostly does not, so the ratio of CPU per request is the main figure.

    bash ../shared/peers/wordpress/setup.sh          # once, as root
    .venv/bin/python bench/side_by_side.py [--rounds 2]

PERF_DIR (default /tmp/speed/perf) holds Nashra's data; it is built on the
first run. NASHRA_WORKERS / NASHRA_THREADS pass through to the server.
"""

import argparse
import fcntl
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_bench import ms, port_free, server_cpu, stop, wait_for

ROOT = Path(__file__).resolve().parents[1]
PEER = Path(os.environ.get("WP_PEER_DIR", ROOT.parent / "shared/peers/wordpress"))
WP_STATE = Path(os.environ.get("WP_PEER_STATE", "/tmp/wp-peer"))  # noqa: S108
WP = f"http://127.0.0.1:{os.environ.get('WP_PEER_PORT', 8081)}"
PERF = Path(os.environ.get("PERF_DIR", "/tmp/speed/perf"))  # noqa: S108
ARTICLES = int(os.environ.get("NASHRA_ARTICLES", 2000))
BASE = int(os.environ.get("BENCH_PORT", 8510))
CONNS, DURATION, WARMUP = os.environ.get("CONNS", "16"), "10s", "3s"
THREADS = f"-t{min(2, int(CONNS))}"  # wrk needs a connection per thread
SEARCH = "/search/?q=%D8%A8%D9%88%D8%AA%D9%8A%D9%86"  # بوتين, as the peer's


def environment(extra=None):
    env = {**os.environ, "NASHRA_VAR_DIR": str(PERF / "var")}
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env["NASHRA_SCHEDULER_INTERVAL"] = "3600"
    return {**env, **(extra or {})}


def prepare():
    ready = PERF / f"ready.{ARTICLES}"
    if ready.exists():
        return
    (PERF / "var").mkdir(parents=True, exist_ok=True)
    nashra = [sys.executable, "-m", "nashra.cli"]
    for command in (["migrate", "--noinput"], ["demo"],
                    ["generate", "--articles", str(ARTICLES), "--seed", "8"]):  # fmt: skip
        subprocess.run([*nashra, *command], env=environment(), cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    ready.touch()


def start(port, extra):
    if not port_free(port):
        raise SystemExit(f"port {port} is taken")
    log = open(PERF / f"serve-{port}.log", "ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "nashra.cli", "serve", "--production", "--no-setup",
         f"127.0.0.1:{port}"],
        env=environment(extra), cwd=ROOT, stdout=log, stderr=log,
        start_new_session=True,
    )  # fmt: skip
    wait_for(f"http://127.0.0.1:{port}/robots.txt", process)
    return process


def wordpress_cpu():
    """CPU seconds of the peer's daemons: php-fpm and nginx (masters and
    workers) and MariaDB, read from /proc as server_cpu() reads gunicorn's."""
    tick = os.sysconf("SC_CLK_TCK")
    pids = []
    for name in ("run/php-fpm.pid", "run/nginx.pid", "mysql/mysqld.pid"):
        pid = (WP_STATE / name).read_text().strip()
        children = subprocess.run(["pgrep", "-P", pid], capture_output=True, text=True)
        pids += [pid, *children.stdout.split()]
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += sum(int(x) for x in stat[11:15])
    return total / tick


def measure(url, cpu):
    """req/s, p50 ms, non-2xx, CPU ms per request (``cpu()``: seconds)."""
    subprocess.run(["wrk", THREADS, f"-c{CONNS}", f"-d{WARMUP}", url],
                   capture_output=True, check=False)  # fmt: skip
    before = cpu()
    out = subprocess.run(
        [
            "wrk",
            THREADS,
            f"-c{CONNS}",
            f"-d{DURATION}",
            "--timeout",
            "10s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    used = cpu() - before
    done = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = ms(re.search(r"50%\s+([\d.]+)(us|ms|s)", out))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, int(bad.group(1)) if bad else 0, used / max(done, 1) * 1000


def nashra_paths(home_html):
    """The article and section the shared script picks: the first links of
    those shapes on the home page."""
    links = re.findall(r'href="(/[^"]*)"', home_html)
    skip = re.compile(r"^/(tag|author|search|feeds?|api|admin|static|media)/")
    article = next(h for h in links if not skip.match(h) and h.count("/") == 3)
    section = next(h for h in links if not skip.match(h) and h.count("/") == 2)
    return article, section


def wordpress_paths():
    text = (PEER / "bench-urls.env").read_text()
    found = dict(re.findall(r"^(URL_\w+)='([^']*)'", text, re.M))
    return {"article": found["URL_ARTICLE"], "home": found["URL_HOME"],
            "section": found["URL_CATEGORY"], "search": found["URL_SEARCH"]}  # fmt: skip


def load():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def one_round(uncached, cached, wp, ours):
    print(f"\nround at {time.strftime('%H:%M:%S')} UTC, load {load()}, wrk {THREADS} -c{CONNS}"
          f" -d{DURATION}, workers {os.environ.get('NASHRA_WORKERS', 'default')}"
          f" × threads {os.environ.get('NASHRA_THREADS', 'default')}")  # fmt: skip
    print("| page | WP req/s (p50 ms) | WP CPU ms/req | Nashra uncached req/s (p50 ms)"
          " | Nashra CPU ms/req | uncached/WP req/s | uncached/WP CPU | cached req/s"
          " | load |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name in ("article", "home", "section", "search"):
        w = measure(WP + wp[name], wordpress_cpu)
        u = measure(uncached[1] + ours[name], lambda: server_cpu(uncached[0]))
        c = measure(cached[1] + ours[name], lambda: server_cpu(cached[0]))
        bad = "" if not (w[2] or u[2] or c[2]) else f" non-2xx {w[2]}/{u[2]}/{c[2]}"
        rate = f"{u[0] / w[0]:.1f}×" if w[0] else "–"
        cost = f"{w[3] / u[3]:.1f}×" if u[3] else "–"
        print(f"| {name} | {w[0]:.0f} ({w[1]:.1f}) | {w[3]:.1f} | {u[0]:.0f} ({u[1]:.1f})"
              f" | {u[3]:.1f} | {rate} | {cost} | {c[0]:.0f} | {load()} |{bad}")  # fmt: skip
        sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    prepare()
    servers = []
    try:
        servers.append(start(BASE, {"NASHRA_PAGE_CACHE": "0"}))
        servers.append(start(BASE + 1, {}))
        uncached = (servers[0], f"http://127.0.0.1:{BASE}")
        cached = (servers[1], f"http://127.0.0.1:{BASE + 1}")
        home = urllib.request.urlopen(uncached[1] + "/").read().decode()  # noqa: S310
        article, section = nashra_paths(home)
        ours = {"article": article, "home": "/", "section": section, "search": SEARCH}
        print(f"Nashra {subprocess.check_output(['git', 'rev-parse', '--short', 'HEAD'], cwd=ROOT, text=True).strip()}"
              f", {os.cpu_count()} cores; nashra urls: {ours}")  # fmt: skip
        # One peer benchmark at a time on this machine, as the shared script.
        lock_path = os.environ.get("BENCH_LOCK", "/tmp/peer-bench.lock")  # noqa: S108
        with open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            for _ in range(args.rounds):
                one_round(uncached, cached, wordpress_paths(), ours)
    finally:
        for process in servers:
            stop(process)


if __name__ == "__main__":
    main()
