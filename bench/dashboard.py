"""Dashboard responsiveness: first paint of each page and the slowest callback, at 1k, 10k and 100k seeds.

Archives are synthetic, written with the real ``lineage`` API (``tests/dashboard/dashboard_helpers.py``):
a tree of seeds over 2 islands, one train record each. For each size a fresh ``python -m dashboard`` serves the
archive and a headless Chromium (Debian's chromium + chromedriver) opens the run, lineage and population pages
in turn, cold: *first paint* is from navigation until every graph of the page has drawn data. Then a seed is
selected on the lineage page (the URL changes, the detail and graph redraw). *Slowest callback* is the longest
``_dash-update-component`` request: as the browser saw it (Resource Timing: queueing in the browser and the
transfer included) and as the server spent it (a Flask hook around each callback request).

    python bench/dashboard.py [--sizes 1000 10000 100000] [--repeat N] [--work DIR]
    python bench/dashboard.py --plotly-js [--repeat N]

``--plotly-js`` times only plotly.js: how long a cold browser takes to fetch and evaluate the dashboard's
bundle and the full plotly.min.js, alternating (the part of a cold first paint the bundle changes).

With ``--repeat N`` each size is measured N times (a fresh server and browser each time) and each column is the
median: on a shared, loaded machine one measurement can be off by seconds. The slowest server callback's
output is printed to stderr.

Archives are kept in ``--work`` (default /tmp/seedpop-bench-dashboard) and reused: writing 100k seeds takes
minutes. Figures are printed as a markdown table; tests never assert on them.
"""

from __future__ import annotations

import argparse
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# bench/ itself must not be on the path: bench/fitness.py would shadow the fitness package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != REPO / "bench"]
sys.path.insert(0, str(REPO / "tests" / "dashboard"))

from dashboard_helpers import make_archive  # noqa: E402

PAGES = {
    "run": ("run-fitness", "run-activity"),
    "lineage": ("lin-graph",),
    "population": ("pop-grid", "pop-islands", "pop-operators"),
}
PLOTTED = (
    "(() => {{ const g = document.querySelector('#{0} .js-plotly-plot');"
    " return !!g && !!g.data && g.data.some(t => (t.x && t.x.length) || (t.z && t.z.length)); }})()"
)
# Which plotly.js the page fetched (the full plotly.min.js or the dashboard's bundle), its size and fetch time.
PLOTLY_JS = (
    "return performance.getEntriesByType('resource').filter(e => /plotly[^/]*[.]js/.test(e.name))"
    ".map(e => [e.name.split('/').pop().split('?')[0], e.decodedBodySize, e.responseEnd - e.startTime])"
)
CALLBACKS = (
    "return performance.getEntriesByType('resource').filter(e => e.name.includes('_dash-update-component'))"
    ".map(e => e.duration)"
)


# The dashboard as `python -m dashboard` serves it (cli.warm included), plus a hook timing each callback request.
SERVER = """
import sys, time, flask
from dashboard.app import create_app
from dashboard.cli import warm
from dashboard.registry import Registry
registry = Registry(run_dir=sys.argv[1])
app = create_app(registry)
warm(registry)
@app.server.before_request
def _start():
    flask.g.t = time.perf_counter()
@app.server.after_request
def _stop(resp):
    if "_dash-update-component" in flask.request.path:
        what = (flask.request.get_json(silent=True) or {}).get("output", "")[:60]
        print("callback", time.perf_counter() - flask.g.t, what, flush=True)
    return resp
app.run(host="127.0.0.1", port=int(sys.argv[2]))
"""


def wait(driver, script: str, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not driver.execute_script("return " + script):
        if time.monotonic() > deadline:
            raise TimeoutError(script)
        time.sleep(0.02)


def browser():  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1400,1600",
        "--enable-unsafe-swiftshader",
    ):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def serve(run_dir: Path, stdout: int) -> tuple[subprocess.Popen[str], str]:
    """The dashboard's server over ``run_dir`` on a free local port, once it serves, and its URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(run_dir), str(port)],
        cwd=REPO,
        stdout=stdout,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    while True:  # until it serves the layout
        try:
            urllib.request.urlopen(url + "/_dash-layout", timeout=2).read()
            return server, url
        except OSError:
            if server.poll() is not None:
                raise SystemExit(
                    f"the dashboard server for {run_dir} exited with {server.returncode}"
                ) from None
            time.sleep(0.2)


def measure(run_dir: Path) -> dict[str, float]:
    server, url = serve(run_dir, subprocess.PIPE)
    driver = browser()
    out: dict[str, float] = {}
    slowest = 0.0
    try:
        for page, graphs in PAGES.items():
            start = time.perf_counter()
            driver.get(f"{url}/{page}")
            for g in graphs:
                wait(driver, PLOTTED.format(g))
            out[page] = time.perf_counter() - start
            if page == "run":  # the cold load
                for name, size, ms in driver.execute_script(PLOTLY_JS):
                    print(f"(plotly.js: {name}, {size:,} bytes, fetched in {ms:.0f} ms)", file=sys.stderr)
            slowest = max([slowest, *(d / 1000 for d in driver.execute_script(CALLBACKS))])
        driver.get(f"{url}/lineage")
        wait(driver, PLOTTED.format("lin-graph"))
        start = time.perf_counter()
        seed = driver.execute_script(
            "const g = document.querySelector('#lin-graph .js-plotly-plot');"
            "g.emit('plotly_click', {points: [{curveNumber: 1, pointNumber: 7}]}); return g.data[1].customdata[7];"
        )
        wait(
            driver,
            f"document.querySelector('#lin-detail') && "
            f"document.querySelector('#lin-detail').innerText.includes('seed {seed[:12]}')",
        )
        out["select"] = time.perf_counter() - start
        slowest = max([slowest, *(d / 1000 for d in driver.execute_script(CALLBACKS))])
        out["slowest"] = slowest
    finally:
        driver.quit()
        server.terminate()
        printed, _ = server.communicate(timeout=20)
    timed = [  # threads may interleave
        (float(t), what) for t, what in re.findall(r"callback ([0-9.]+(?:e-?[0-9]+)?) ?(.*)", printed)
    ]
    out["server"], slowest_output = max(timed, default=(float("nan"), ""))
    print(f"(slowest server callback: {out['server']:.3f} s for {slowest_output})", file=sys.stderr)
    print(
        "(server callbacks in order: " + ", ".join(f"{w or '?'} {1000 * t:.0f} ms" for t, w in timed) + ")",
        file=sys.stderr,
    )
    return out


# The two plotly.js files the app can serve: its bundle, and the full one dcc.Graph fetches when no script
# defined window.Plotly first (what dash served before the bundle).
PLOTLY_FILES = {
    "bundle": "/assets/plotly-bundle.min.js",
    "full": "/_dash-component-suites/plotly/package_data/plotly.min.js",
}
LOAD_SCRIPT = """
const done = arguments[arguments.length - 1], t0 = performance.now(), s = document.createElement('script');
s.onload = () => done(window.Plotly ? performance.now() - t0 : -1);
s.onerror = () => done(-2);
s.src = arguments[0]; document.head.appendChild(s);
"""


def plotly_js(run_dir: Path, repeat: int) -> dict[str, list[float]]:
    """Seconds a cold browser takes to fetch and evaluate each plotly.js (a fresh browser per load, the two
    files alternating), on a page of the dashboard's server that loads no plotly.js itself."""
    server, url = serve(run_dir, subprocess.DEVNULL)
    out: dict[str, list[float]] = {k: [] for k in PLOTLY_FILES}
    try:
        for _ in range(repeat):
            for name, path in PLOTLY_FILES.items():
                driver = browser()
                try:
                    driver.set_script_timeout(120)
                    driver.get(url + "/_dash-layout")  # same origin, no scripts
                    ms = driver.execute_async_script(LOAD_SCRIPT, url + path)
                finally:
                    driver.quit()
                if ms < 0:
                    raise RuntimeError(f"{path} did not load (or defined no window.Plotly)")
                out[name].append(ms / 1000)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument(
        "--repeat", type=int, default=1, help="measurements per size; the table shows medians"
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/seedpop-bench-dashboard"))
    parser.add_argument(
        "--plotly-js",
        action="store_true",
        help="instead: time fetching and evaluating the plotly.js bundle and the full plotly.js, cold",
    )
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    if args.plotly_js:
        run_dir = args.work / f"syn{args.sizes[0]}"
        if not (run_dir / "lineage.sqlite").exists():
            make_archive(run_dir, args.sizes[0])
        times = plotly_js(run_dir, args.repeat)
        print("| plotly.js | fetch + evaluate, cold (median) | each |\n|---|---:|---|")
        for name, ts in times.items():
            each = ", ".join(f"{t:.2f}" for t in ts)
            print(f"| {name} ({PLOTLY_FILES[name]}) | {statistics.median(ts):.2f} s | {each} |")
        return
    print(
        "| seeds | first paint: run | lineage | population | select a seed | slowest callback: server | browser |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        run_dir = args.work / f"syn{n}"
        if not (run_dir / "lineage.sqlite").exists():
            t = time.perf_counter()
            make_archive(run_dir, n)
            print(f"(wrote {n} seeds in {time.perf_counter() - t:.0f} s)", file=sys.stderr)
        runs = [measure(run_dir) for _ in range(max(1, args.repeat))]
        m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(
            f"| {n:,} | {m['run']:.2f} s | {m['lineage']:.2f} s | {m['population']:.2f} s | "
            f"{m['select']:.2f} s | {1000 * m['server']:.0f} ms | {1000 * m['slowest']:.0f} ms |",
            flush=True,
        )


if __name__ == "__main__":
    main()
