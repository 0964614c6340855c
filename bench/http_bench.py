"""HTTP benchmark of Nashra with wrk (#8): uncached, cached, static, nginx.

Usage (a prepared database, e.g. after `nashra generate --articles 100000`):
    NASHRA_VAR_DIR=/tmp/perf-sqlite .venv/bin/python bench/http_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perfbench \
    REDIS_URL=redis://127.0.0.1:6379/6 .venv/bin/python bench/http_bench.py

Starts `nashra serve --production` twice (page cache off, then on), nginx
with a plain copy of the article HTML, and nginx with docs/nginx.conf in
front of the app (static publishing). Prints a Markdown table, with the load
average before each run (the machine is shared: say when it was busy).
Everything listens on loopback only; every server is stopped, and the next
one starts only when its port is free again; every wrk run is bounded.

Part of the table: --pages home,feed (names as in the table) and
--modes uncached (the nginx rows need the cached mode and the article page).
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
WRK = os.environ.get("WRK_ARGS", "-t2 -c32 -d10s").split()
# BENCH_PORT moves all three ports, for two benchmarks run side by side.
_BASE = int(os.environ.get("BENCH_PORT", 18081))
APP_PORT, NGINX_PORT, STATIC_PORT = _BASE, _BASE + 1, _BASE + 2


def load_average():
    return Path("/proc/loadavg").read_text().split()[0]


def server_cpu(process):
    """CPU seconds used by a gunicorn master, its live workers and those
    it has reaped (recycled): per request, it is the cost of a response
    independent of how much of the shared machine the server got."""
    tick = os.sysconf("SC_CLK_TCK")
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    total = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    children = subprocess.run(
        ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
    ).stdout.split()
    for pid in children:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(stat[11]) + int(stat[12])
    return total / tick


# Each request asks for the next of many articles, each thread its own half,
# so no article is served twice in a run: the first view of a page, whose own
# fragments (body, byline, related stories) are not cached yet.
EACH_NEW_LUA = """
local paths = {%s}
local counter = 0
function setup(thread)
  thread:set("offset", counter * math.floor(#paths / 2))
  counter = counter + 1
end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(offset + i) %% #paths + 1])
end
"""


def wrk(url, server=None, paths=None):
    """req/s, p50, p99, non-2xx, timeouts, load, server CPU µs per request."""
    load = load_average()
    before = server_cpu(server) if server else None
    script = []
    if paths:
        lua = Path(tempfile.mkstemp(suffix=".lua")[1])
        lua.write_text(EACH_NEW_LUA % ",".join(f'"{p}"' for p in paths))
        script = ["-s", str(lua)]
    out = subprocess.run(
        ["wrk", *WRK, *script, "--timeout", "5s", "--latency", url],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    bad = int(non2xx.group(1)) if non2xx else 0
    late = int(timeouts.group(1)) if timeouts else 0
    done = int(re.search(r"(\d+) requests in", out).group(1))
    cpu = (server_cpu(server) - before) / done * 1e6 if server and done else None
    return rps, ms(p50), ms(p99), bad, late, load, cpu


def ms(match):
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def warm(url):
    try:
        urllib.request.urlopen(url, timeout=60).read()  # noqa: S310  (loopback)
    except OSError as error:
        print(f"warm-up of {url} failed: {error}", file=sys.stderr)


def port_free(port):
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_for(url, process=None, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"the server exited ({process.returncode}) before {url}")
        try:
            urllib.request.urlopen(url, timeout=5).read()  # noqa: S310  (loopback)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer in {seconds} s")


def start_app(env_extra):
    deadline = time.time() + 30
    while not port_free(APP_PORT):
        if time.time() > deadline:
            raise SystemExit(f"port {APP_PORT} is still taken")
        time.sleep(0.3)
    env = {**os.environ, **env_extra, "NASHRA_SCHEDULER_INTERVAL": "3600"}
    log = open(Path(tempfile.gettempdir()) / f"nashra-bench-{APP_PORT}.log", "ab")
    process = subprocess.Popen(
        [PYTHON, "-m", "nashra.cli", "serve", "--production", "--no-setup",
         f"127.0.0.1:{APP_PORT}"],
        env=env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True,
    )  # fmt: skip
    try:
        # A cheap page: an uncached home at 100,000 articles can take seconds.
        wait_for(f"http://127.0.0.1:{APP_PORT}/robots.txt", process)
    except BaseException:
        stop(process)
        raise
    return process


def stop(process):
    """SIGTERM to the whole group, SIGKILL after 15 s; then wait for the port."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        process.wait()


def machine():
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    mem = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
    return (
        f"{os.cpu_count()} CPUs ({cpu.group(1) if cpu else '?'}),"
        f" {int(mem.group(1)) / 1024**2:.1f} GiB RAM, wrk {' '.join(WRK)}"
    )


def worker_rss_mb(process):
    """Resident memory of each gunicorn worker (children of the master)."""
    children = subprocess.run(
        ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
    ).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def urls():
    """Representative URLs read from the running site."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")
    django.setup()
    from nashra.articles.models import ArticlePage, Tag
    from nashra.sections.models import SectionPage

    section = max(SectionPage.objects.live(), key=lambda s: s.section_articles.count())
    article = ArticlePage.objects.published().filter(section=section).newest_first()[5]
    tag = Tag.objects.filter(tagged_articles__isnull=False).first()
    return {
        "home": "/",
        "article (each new)": EACH_NEW,
        "section p1": section.url,
        "section p1000": section.url + "?page=1000",
        "article": article.url,
        "tag": tag.get_absolute_url(),
        "search": "/search/?q=" + urllib.request.quote("الحكومة"),
        "feed": "/feeds/rss/",
        "sitemap": "/sitemap.xml",
    }


EACH_NEW = "each new"


def distinct_articles(count=20_000):
    """Article paths (Wagtail gives them percent-encoded), none of the newest
    thousand (those sit in the home page's and sections' blocks)."""
    from nashra.articles.models import ArticlePage

    articles = ArticlePage.objects.published().newest_first()[1000 : 1000 + count]
    return [a.url for a in articles.defer_streamfields()]


def nginx(conf_text, prefix):
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"worker_processes auto;\nerror_log {prefix}/error.log;\npid {prefix}/pid;\n"
        "events { worker_connections 1024; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off;\n"
        f" client_body_temp_path {prefix}/b; proxy_temp_path {prefix}/p;\n"
        f" fastcgi_temp_path {prefix}/f; uwsgi_temp_path {prefix}/u;"
        f" scgi_temp_path {prefix}/s;\n{conf_text}\n}}\n"
    )
    process = subprocess.Popen(["nginx", "-p", str(prefix), "-c", str(conf)])
    process.wait()
    return prefix / "pid"


def stop_nginx(pid_file):
    try:
        os.kill(int(pid_file.read_text()), signal.SIGQUIT)
    except (FileNotFoundError, ProcessLookupError, ValueError):
        return
    deadline = time.time() + 10
    while pid_file.exists() and time.time() < deadline:
        time.sleep(0.1)


def arguments():
    parser = argparse.ArgumentParser(description="wrk against a running copy of Nashra")
    parser.add_argument("--pages", help="comma-separated page names (default: all)")
    parser.add_argument("--modes", default="uncached,cached", help="uncached,cached")
    return parser.parse_args()


def main():
    args = arguments()
    paths = urls()
    if args.pages:
        wanted = args.pages.split(",")
        paths = {name: path for name, path in paths.items() if name in wanted}
    modes = {"uncached": {"NASHRA_PAGE_CACHE": "0"}, "cached": {}}
    modes = {label: modes[label] for label in args.modes.split(",")}
    rows = {}
    print(machine(), file=sys.stderr)
    for label, env in modes.items():
        app = start_app(env)
        for name, path in paths.items():
            url = f"http://127.0.0.1:{APP_PORT}{path}"
            # Several times when cached: each worker may keep its own copy.
            if path == EACH_NEW:
                if label == "cached":
                    continue  # every request a miss: the uncached row says it
                each_new = distinct_articles()
                rows[(label, name)] = wrk(
                    f"http://127.0.0.1:{APP_PORT}/", app, each_new
                )
                continue
            for _ in range(10 if label == "cached" else 1):
                warm(url)
            rows[(label, name)] = wrk(url, app)
        rss = worker_rss_mb(app)
        if label == "cached" and "article" in paths:
            article_html = urllib.request.urlopen(
                f"http://127.0.0.1:{APP_PORT}{paths['article']}"
            ).read()
            prefix = Path(tempfile.mkdtemp(prefix="nashra-bench-"))
            prefix.chmod(0o755)
            (prefix / "plain").mkdir()
            (prefix / "plain" / "index.html").write_bytes(article_html)
            plain_pid = nginx(
                f"server {{ listen 127.0.0.1:{NGINX_PORT}; root {prefix}/plain; }}",
                prefix,
            )
            rows[("nginx plain file", "article")] = wrk(
                f"http://127.0.0.1:{NGINX_PORT}/"
            )
            published = prefix / "published"
            published.mkdir()
            stop(app)
            app = start_app({"NASHRA_STATIC_PUBLISH": "1",
                             "NASHRA_STATIC_PUBLISH_DIR": str(published)})  # fmt: skip
            sample = (ROOT / "docs" / "nginx.conf").read_text()
            sample = sample.replace(
                "server 127.0.0.1:8000;", f"server 127.0.0.1:{APP_PORT};"
            )
            sample = sample.replace("listen 80;", f"listen 127.0.0.1:{STATIC_PORT};")
            sample = sample.replace("/srv/nashra/var/published", str(published))
            var = Path(os.environ.get("NASHRA_VAR_DIR", ROOT / "var"))
            sample = sample.replace("/srv/nashra/var/static/", f"{var}/static/")
            sample = sample.replace("/srv/nashra/var/media/", f"{var}/media/")
            static_prefix = prefix / "static-nginx"
            static_prefix.mkdir()
            static_pid = nginx(sample, static_prefix)
            url = f"http://127.0.0.1:{STATIC_PORT}{paths['article']}"
            warm(url)  # publishes the file
            rows[("static publishing", "article")] = wrk(url)
            for pid_file in (plain_pid, static_pid):
                stop_nginx(pid_file)
            shutil.rmtree(prefix, ignore_errors=True)
        stop(app)
        print(f"{label}: worker RSS MB {[round(x) for x in rss]}", file=sys.stderr)
    limit = rows.get(("nginx plain file", "article"), (0,))[0]
    print("| mode | page | req/s | p50 ms | p99 ms | non-2xx | timeouts"
          " | vs nginx file | load | server CPU µs/req |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (label, name), (rps, p50, p99, bad, late, load, cpu) in rows.items():
        print(f"| {label} | {name} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {bad} |"
              f" {late} | {f'{rps / limit:.2%}' if limit else '–'} | {load} |"
              f" {f'{cpu:,.0f}' if cpu else '–'} |")  # fmt: skip


if __name__ == "__main__":
    main()
