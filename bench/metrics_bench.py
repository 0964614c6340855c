"""Cache hits with and without metrics, side by side in one run (#17).

Two `serve --production` servers on the same data (demo site, SQLite, no
Redis), one with NASHRA_METRICS=0: rounds alternate between them, wrk -t2
-c16, 3 s warm-up then 10 s on one cached article, and print req/s and the
server's CPU time per request (gunicorn master and workers, from /proc), with
the load average beside each figure. Both log their request lines to a file.

    .venv/bin/python bench/metrics_bench.py [--rounds 3]
    .venv/bin/python bench/metrics_bench.py --in-process [--rounds 10]
    .venv/bin/python bench/metrics_bench.py --instructions [--hits 500]

--instructions counts machine instructions instead of seconds, which no
other load on the machine changes: the in-process hits above run under
valgrind's callgrind, once with no hit (the baseline: start-up, warm-up),
then with N hits metrics off and N hits metrics on, each in its own process;
instructions per hit are (run - baseline) / N. Needs valgrind. The hand-over
of the tallies to prometheus_client, once a second from a thread when
serving, is done every FLUSH_EVERY hits instead: under callgrind a second
holds ~50 times fewer hits, which would charge each hit 50 times its share.

--in-process calls the WSGI application of `serve --production` directly,
without HTTP, on the same data: rounds of 2,000 hits alternate between
metrics off and on (settings.METRICS switched in the process, the values in
multiprocess mode, as under gunicorn), and print CPU µs per hit. On a
loaded machine req/s follow the load; CPU per hit much less so.

OPS_BENCH_DIR (default /tmp/ops-metrics-bench) holds the data; BENCH_PORT
(default 8560) and the next port are the servers'.
"""

import argparse
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_bench import load_average, port_free, server_cpu, stop, wait_for

from nashra.text.pagekind import page_kind

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("OPS_BENCH_DIR", "/tmp/ops-metrics-bench"))  # noqa: S108
BASE = int(os.environ.get("BENCH_PORT", 8560))
WRK = ["wrk", "-t2", "-c16"]


def environment(extra):
    env = {**os.environ, "NASHRA_VAR_DIR": str(DATA / "var")}
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    env.update(ALLOWED_HOSTS="127.0.0.1,localhost", NASHRA_SCHEDULER_INTERVAL="3600")
    return {**env, **extra}


def prepare():
    if (DATA / "ready").exists():
        return
    (DATA / "var").mkdir(parents=True, exist_ok=True)
    # The in-process hits run as serve --production does: hashed static names.
    for command, extra in ((["migrate", "--noinput"], {}), (["demo"], {}),
                           (["collectstatic", "--noinput", "-v0"],
                            {"NASHRA_STATIC_MANIFEST": "1"})):  # fmt: skip
        subprocess.run(
            [sys.executable, "-m", "nashra.cli", *command],
            env=environment(extra), cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    (DATA / "ready").touch()


def start(port, extra):
    if not port_free(port):
        raise SystemExit(f"port {port} is taken")
    log = open(DATA / f"serve-{port}.log", "ab")
    # Each server its own metrics directory: both clear theirs at start.
    extra = {"PROMETHEUS_MULTIPROC_DIR": str(DATA / f"metrics-{port}"), **extra}
    process = subprocess.Popen(
        [sys.executable, "-m", "nashra.cli", "serve", "--production", "--no-setup",
         f"127.0.0.1:{port}"],
        env=environment(extra), cwd=ROOT, stdout=log, stderr=log,
        start_new_session=True,
    )  # fmt: skip
    wait_for(f"http://127.0.0.1:{port}/robots.txt", process)
    return process


def article_path(base):
    home = urllib.request.urlopen(base + "/", timeout=60).read().decode()  # noqa: S310
    links = re.findall(r'href="(/[^"/]+/[^"/]+/)"', home)
    return next(link for link in links if page_kind(link) == "article")


def measure(url, process):
    subprocess.run([*WRK, "-d3s", url], capture_output=True, check=False)
    load, before = load_average(), server_cpu(process)
    out = subprocess.run(
        [*WRK, "-d10s", url], capture_output=True, text=True, check=True
    ).stdout
    done = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    cpu = (server_cpu(process) - before) / done * 1e6
    return rps, cpu, load


FLUSH_EVERY = 1000


def in_process(rounds, hits=2000, only=None):
    """CPU µs per cache hit, metrics off and on, alternating rounds; with
    `only` ("on"/"off"), one round of `hits` in that mode (--instructions)."""
    metrics_dir = DATA / "metrics-in-process"
    metrics_dir.mkdir(exist_ok=True)
    for old in metrics_dir.glob("*.db"):
        old.unlink()
    os.environ.update(
        environment(
            {
                "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
                "NASHRA_STATIC_MANIFEST": "1",
            }
        )
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")
    import logging

    from django.conf import settings
    from hit_bench import environ

    from nashra.pagecache.wsgi import application

    # The request lines go to a file in both, as under gunicorn.
    log = logging.FileHandler(DATA / "in-process.log")
    logging.getLogger().handlers = [log]
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen.update(status=status, cache=dict(headers).get("X-Cache"))

    def call(url):
        for _ in application(environ(url), start_response):
            pass

    home = b"".join(application(environ("/"), start_response)).decode()
    links = re.findall(r'href="(/[^"/]+/[^"/]+/)"', home)
    path = next(link for link in links if page_kind(link) == "article")
    if only is not None:
        # Under callgrind a second of wall time is ~50 times fewer hits than
        # natively, so the once-a-second hand-over would be charged to each
        # hit 50 times over: the thread waits, and the hits hand over every
        # FLUSH_EVERY (a worker answers far more cached hits a second).
        from nashra.core import metrics

        metrics.FLUSH_SECONDS = 10**6
    # Both modes warm up with metrics on, so both have imported and opened
    # what counting needs: the baseline then differs only in the hits.
    settings.METRICS = True
    call(path), call(path)
    if only is not None:
        metrics.flush()
        settings.METRICS = only == "on"
        for n in range(1, hits + 1):
            call(path)
            if n % FLUSH_EVERY == 0:
                metrics.flush()
        assert hits == 0 or seen["cache"] == "HIT", seen
        return
    results = {False: [], True: []}
    for round_number in range(rounds):
        for enabled in (False, True) if round_number % 2 == 0 else (True, False):
            settings.METRICS = enabled
            cpu = time.process_time()
            for _ in range(hits):
                call(path)
            results[enabled].append((time.process_time() - cpu) / hits * 1e6)
            assert seen["cache"] == "HIT", seen
    load = load_average()
    print(
        f"{path}, {rounds} rounds of {hits} hits, X-Cache {seen['cache']}, load {load}"
    )
    for enabled, figures in results.items():
        figures.sort()
        median = figures[len(figures) // 2]
        print(
            f"metrics {'on' if enabled else 'off'}: median {median:.1f} µs CPU/hit"
            f" (min {figures[0]:.1f}, max {figures[-1]:.1f})"
        )


def instructions(hits):
    """Instructions per hit, metrics off and on, counted by callgrind."""
    out = DATA / "callgrind"
    out.mkdir(exist_ok=True)
    counts = {}
    for name, mode, n in (("baseline", "off", 0), ("off", "off", hits),
                          ("on", "on", hits)):  # fmt: skip
        target = out / f"{name}.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={target}",
             sys.executable, __file__, "--only", mode, "--hits", str(n)],
            check=True, cwd=ROOT, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        summary = re.search(r"^summary: (\d+)", target.read_text(), re.M)
        counts[name] = int(summary.group(1))
        print(f"{name}: {counts[name]:,} instructions, load {load_average()}",
              flush=True)  # fmt: skip
    off = (counts["off"] - counts["baseline"]) / hits
    on = (counts["on"] - counts["baseline"]) / hits
    print(f"per hit: metrics off {off:,.0f} instructions, on {on:,.0f}"
          f" ({(on - off) / off * 100:+.2f} %)")  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--in-process", action="store_true")
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--hits", type=int, default=500)
    parser.add_argument("--only", choices=["on", "off"], help=argparse.SUPPRESS)
    # Metrics on the first port and off the second: a control for the ports.
    parser.add_argument("--swap", action="store_true")
    options = parser.parse_args()
    rounds = options.rounds
    prepare()
    if options.only:
        return in_process(1, options.hits, only=options.only)
    if options.instructions:
        return instructions(options.hits)
    if options.in_process:
        return in_process(rounds)
    off, on = (BASE + 1, BASE) if options.swap else (BASE, BASE + 1)
    servers = {
        "metrics off": (off, start(off, {"NASHRA_METRICS": "0"})),
        "metrics on": (on, start(on, {"NASHRA_METRICS": "1"})),
    }
    try:
        path = article_path(f"http://127.0.0.1:{BASE}")
        results = {name: [] for name in servers}
        for round_number in range(rounds):
            order = list(servers) if round_number % 2 == 0 else list(servers)[::-1]
            for name in order:
                port, process = servers[name]
                url = f"http://127.0.0.1:{port}{path}"
                for _ in range(3):
                    urllib.request.urlopen(url, timeout=60).read()
                rps, cpu, load = measure(url, process)
                results[name].append((rps, cpu))
                print(f"round {round_number + 1} {name}: {rps:,.0f} req/s,"
                      f" {cpu:.0f} µs CPU/req, load {load}", flush=True)  # fmt: skip
                time.sleep(1)
        print(f"article {path}, {rounds} rounds, load now {load_average()}")
        for name, figures in results.items():
            rps = sum(f[0] for f in figures) / len(figures)
            cpu = sum(f[1] for f in figures) / len(figures)
            print(f"{name}: mean {rps:,.0f} req/s, {cpu:.0f} µs CPU/req")
    finally:
        for _, process in servers.values():
            stop(process)


if __name__ == "__main__":
    main()
