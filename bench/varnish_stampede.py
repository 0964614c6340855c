"""A spike on a page that just expired, through Varnish (#16).

    .venv/bin/python bench/varnish_stampede.py [--readers 500] [--var-dir DIR]

Starts `nashra serve --production` on the demo site (built in a temporary
folder unless --var-dir names one) with NASHRA_CDN_MAX_AGE=2, and varnishd
with docs/varnish.vcl in front (nashra/server/loopback/varnish.py). The
article is fetched once through Varnish, left to expire (s-maxage 2 s), and
then READERS connections ask for it at the same moment. It reports how many
requests reached the application (Varnish's MAIN.backend_req), how many
readers got the expired copy while one fetch refreshed it (Age above the
TTL) and latency percentiles.
"""

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")

from nashra.server.loopback import free_port  # noqa: E402
from nashra.server.loopback.varnish import (  # noqa: E402
    backend_requests,
    varnish_in_front_of,
)

NASHRA = [sys.executable, "-m", "nashra.cli"]
TTL = 2


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=500)
    parser.add_argument("--var-dir")
    return parser.parse_args()


def demo_site(var_dir, env):
    if (Path(var_dir) / "db.sqlite3").exists():
        return
    for command in (["compile_catalogues"], ["migrate", "-v0"], ["demo"]):
        subprocess.run(NASHRA + command, env=env, check=True, stdout=subprocess.DEVNULL)


def get(url):
    with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310
        return answer.read().decode()


def wait_for(url, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            return get(url)
        except OSError:
            time.sleep(1)
    raise SystemExit(f"{url} did not answer")


async def one_reader(host, port, path, start):
    await start.wait()
    began = time.perf_counter()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n".encode()
    )
    await writer.drain()
    answer = await reader.read()
    writer.close()
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    status = int(head.split()[1])
    age = re.search(r"(?im)^age:\s*(\d+)", head)
    return status, int(age.group(1)) if age else None, time.perf_counter() - began


async def spike(url, readers):
    host, _, rest = url.removeprefix("http://").partition(":")
    port, _, path = rest.partition("/")
    start = asyncio.Event()
    tasks = [
        asyncio.create_task(one_reader(host, int(port), "/" + path, start))
        for _ in range(readers)
    ]
    await asyncio.sleep(0.2)
    start.set()
    return await asyncio.gather(*tasks)


def report(name, results, backend):
    times = sorted(r[2] * 1000 for r in results)
    statuses = {}
    for status, _age, _took in results:
        statuses[status] = statuses.get(status, 0) + 1
    stale = sum(1 for _s, age, _t in results if age is not None and age >= TTL)
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"{name}: {len(results)} readers, statuses {statuses}, "
        f"backend requests {backend}, served the expired copy {stale}, "
        f"p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, "
        f"max {times[-1]:.0f} ms",
        flush=True,
    )


def main():
    args = arguments()
    var_dir = args.var_dir or tempfile.mkdtemp(prefix="nashra-stampede-")
    env = dict(os.environ, NASHRA_VAR_DIR=var_dir, NASHRA_CDN_MAX_AGE=str(TTL))
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    demo_site(var_dir, env)
    port = free_port()
    app = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        NASHRA + ["serve", "--production", "--no-setup", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        home = wait_for(app + "/")
        path = re.search(r'class="card__title"><a href="([^"]+)"', home).group(1)
        with varnish_in_front_of(app) as (front, work):
            get(front + path)
            time.sleep(TTL + 1)  # expired in Varnish, kept for grace
            before = backend_requests(work)
            results = asyncio.run(spike(front + path, args.readers))
            time.sleep(1)
            report("through Varnish", results, backend_requests(work) - before)
        print(f"load average {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        os.killpg(server.pid, 15)
        server.wait()


if __name__ == "__main__":
    main()
