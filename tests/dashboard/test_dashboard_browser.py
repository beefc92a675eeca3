"""The dashboard in a real headless Chromium (Debian's chromium + chromium-driver, through selenium), over a
real archive made by a short model-free run, an empty archive and a directory that is not a run.

Screenshots go to ``$DASHBOARD_SCREENSHOTS`` when set (``dashboard/screenshots/`` holds the committed ones),
else to the test's temp folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard import plotly_bundle
from lineage import Archive

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """runs/real (a short model-free run), runs/empty (an archive with nothing in it), runs/notarun."""
    root = tmp_path_factory.mktemp("runs")
    reuse = os.environ.get("DASHBOARD_REAL_RUN")  # the edit loop: copy a run made before instead of a new one
    if reuse:
        shutil.copytree(reuse, root / "real", ignore=shutil.ignore_patterns("redis"))
    done = (
        None
        if reuse
        else subprocess.run(
            [
                sys.executable,
                "-m",
                "population",
                "run",
                "--model",
                "none",
                "--origin",
                "templates",
                "--max-evals",
                "12",
                "--no-display",
                "--run-dir",
                str(root / "real"),
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
        )
    )
    if done is not None:
        assert done.returncode == 0, (done.stdout[-2000:], done.stderr[-2000:])
    Archive.create(str(root / "empty"), durable=False).close()
    (root / "notarun").mkdir()
    (root / "notarun" / "notes.txt").write_text("not a run")
    return root


@pytest.fixture(scope="module")
def server(runs: Path) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "--runs", str(runs), "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/runs", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(
                    f"dashboard did not start: {proc.stdout.read() if proc.stdout else ''}"
                ) from None
            time.sleep(0.3)
    yield url
    proc.terminate()
    out, _ = proc.communicate(timeout=20)
    assert "Traceback" not in out, out[-3000:]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
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
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("DASHBOARD_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("shots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _wait(driver: Any, script: str, timeout: float = 60.0) -> Any:
    """Poll a JS expression until it is truthy; fail with the page text when it never is."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(f"return {script}")
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"never true: {script}\npage: {driver.find_element('tag name', 'body').text[:2000]}")


def _errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _plotted(graph_id: str) -> str:
    """JS: the graph ``graph_id`` has a trace with data points (not only an 'empty' annotation)."""
    return (
        f"(() => {{ const g = document.querySelector('#{graph_id} .js-plotly-plot');"
        " return !!g && !!g.data && g.data.some(t => (t.x && t.x.length) || (t.z && t.z.length)); })()"
    )


def _open(driver: Any, url: str) -> None:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url)


@pytest.mark.parametrize(
    ("page", "graphs"),
    [
        ("run", ("run-fitness", "run-activity")),
        ("population", ("pop-grid", "pop-islands", "pop-operators")),
        ("lineage", ("lin-graph",)),
    ],
)
def test_each_page_renders_the_real_run_with_no_console_error(server, browser, shots, page, graphs) -> None:
    _open(browser, f"{server}/{page}?run=real")
    for g in graphs:
        _wait(browser, _plotted(g))
    if page == "population":  # let the novelty map fill in for the screenshot (model load + embedding)
        # On a slow machine the map says how far it got; the other figures are what this test checks.
        with contextlib.suppress(AssertionError):
            _wait(browser, _plotted("pop-novelty"), timeout=150)
    if page == "run":
        _wait(
            browser,
            "document.querySelector('#run-cards') && "
            "document.querySelector('#run-cards').innerText.includes('champion')",
        )
    browser.save_screenshot(str(shots / f"{page}.png"))
    assert _errors(browser) == []
    # plotly.js is the custom bundle (dashboard/plotly_bundle.py); the full plotly.min.js (4.8 MB) is not fetched.
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert [u for u in fetched if "/assets/plotly-bundle.min.js" in u], fetched
    assert not [u for u in fetched if "plotly.min.js" in u], fetched
    if page == "run":
        bundle = plotly_bundle.shipped()
        version, traces = browser.execute_script(
            "return [Plotly.version, Object.keys(Plotly.PlotSchema.get().traces).sort()]"
        )
        assert (version, tuple(traces)) == (bundle.plotly_js, bundle.traces)


def test_clicking_a_lineage_node_shows_its_source_and_diff_and_puts_it_in_the_url(
    server, browser, shots
) -> None:
    _open(browser, f"{server}/lineage?run=real")
    _wait(browser, _plotted("lin-graph"))
    # Plotly draws WebGL points, so the click is sent as Plotly's own event on a node with a parent.
    seed = browser.execute_script(
        "const g = document.querySelector('#lin-graph .js-plotly-plot');"
        "const t = g.data[1]; const k = t.text.findIndex(s => !s.includes('origin'));"
        "g.emit('plotly_click', {points: [{curveNumber: 1, pointNumber: k}]}); return t.customdata[k];"
    )
    _wait(browser, f"location.search.includes('seed={seed}')")
    _wait(
        browser,
        "document.querySelector('#lin-source') && "
        "document.querySelector('#lin-source').innerText.includes('def solve')",
    )
    text = _wait(browser, "document.querySelector('#lin-detail').innerText")
    assert f"seed {seed[:12]}" in text and "diff against parent" in text
    assert f"show {seed[:12]}" in text  # the terminal command
    assert "train on core" in text  # the per-task strip's title: every block of the split joined
    assert "95% interval" in text and "tasks passed" in text  # the evidence table
    browser.save_screenshot(str(shots / "lineage-seed.png"))
    # The URL is the selection: opening it again shows the same seed.
    _open(browser, browser.current_url)
    _wait(
        browser,
        f"document.querySelector('#lin-detail') && "
        f"document.querySelector('#lin-detail').innerText.includes('seed {seed[:12]}')",
    )
    assert _errors(browser) == []


def test_an_unknown_prefix_is_a_message(server, browser) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, f"{server}/lineage?run=real")
    _wait(browser, "document.getElementById('lin-search')")
    box = browser.find_element("id", "lin-search")
    box.send_keys("ffffffffff" + Keys.ENTER)
    _wait(browser, "document.querySelector('#lin-search-msg').innerText.includes('no seed id starts with')")
    assert _errors(browser) == []


def test_runs_and_compare_list_every_run_and_explain_the_one_that_is_not(server, browser, shots) -> None:
    _open(browser, f"{server}/runs")
    text = _wait(
        browser, "document.querySelector('table.runs') && document.querySelector('table.runs').innerText"
    )
    assert "real" in text and "empty" in text and "is not a seedpop run directory" in text
    browser.save_screenshot(str(shots / "runs.png"))
    _open(browser, f"{server}/compare?runs=real,empty")
    _wait(browser, _plotted("cmp-curves"))
    browser.save_screenshot(str(shots / "compare.png"))
    assert _errors(browser) == []


@pytest.mark.parametrize("page", ["run", "lineage", "population"])
def test_an_empty_run_explains_itself(server, browser, shots, page) -> None:
    _open(browser, f"{server}/{page}?run=empty")
    body = _wait(browser, "document.querySelector('.main-svg') && document.body.innerText")
    _wait(
        browser,
        "[...document.querySelectorAll('.annotation-text')].some(a => a.textContent.startsWith('no '))",
    )
    assert "Traceback" not in body
    if page == "run":
        browser.save_screenshot(str(shots / "empty-run.png"))
    assert _errors(browser) == []


def test_a_directory_that_is_not_a_run_is_explained(server, browser, shots) -> None:
    _open(browser, f"{server}/run?run=notarun")
    text = _wait(
        browser, "document.querySelector('.message') && document.querySelector('.message').innerText"
    )
    assert "is not a seedpop run directory" in text and "Traceback" not in text
    browser.save_screenshot(str(shots / "not-a-run.png"))
    assert _errors(browser) == []
