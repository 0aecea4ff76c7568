"""The HTML report in a real headless browser (Chromium over the DevTools pipe): it loads with
no script error, no console error and no network request, and a click on a cell opens that
cell's evidence. Skips, saying why, when no Chromium is installed (`.ci/run` installs it)."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from policylens.cli import cli
from policylens.practices import load_practices

REVISIONS = Path(__file__).parent / "fixtures" / "revisions"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 20.0


def _browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


class DevTools:
    """The Chrome DevTools Protocol over --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_fds() -> None:  # in the child: its fd 3 reads our commands, fd 4 answers
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds, pass_fds=(3, 4))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._next = 0
        self._buffer = b""
        self.events: list[dict[str, Any]] = []
        self.deadline = time.monotonic() + TIMEOUT

    def open_page(self, url: str, width: int | None = None, height: int | None = None) -> str:
        """A new tab with the page loaded, events recorded; its session id."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session)
        if width and height:
            self.send("Emulation.setDeviceMetricsOverride", session, width=width, height=height,
                      deviceScaleFactor=1, mobile=False)
        self.send("Page.navigate", session, url=url)
        self.wait_for("Page.loadEventFired")
        return str(session)

    def evaluate(self, session: str, expression: str) -> Any:
        """The value of a JavaScript expression in the page (an exception fails the test)."""
        reply = self.send("Runtime.evaluate", session, expression=expression, returnByValue=True)
        assert "exceptionDetails" not in reply, reply
        return reply["result"].get("value")

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = self.deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("the browser did not answer in time")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)  # type: ignore[no-any-return]

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        for event in self.events:
            if event.get("method") == method:
                return event
        while True:
            event = self._read()
            self.events.append(event)
            if event.get("method") == method:
                return event

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


def page_problems(browser: DevTools) -> list[str]:
    """What a page must never do: throw, log an error or a warning, or ask the network."""
    problems = []
    for event in browser.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            problems.append(params["exceptionDetails"].get("text"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning"):
            problems.append(str(params.get("args")))
        elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
            problems.append(params["entry"].get("text"))
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(("file:", "data:", "about:")):
                problems.append(f"network request: {url}")
    return problems


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("html") / "report.html"
    result = CliRunner().invoke(cli, ["compare", str(REVISIONS), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def test_report_opens_in_a_headless_browser_without_errors(report_html: Path, tmp_path: Path) -> None:
    binary = _browser()
    if binary is None:
        why = "no Chromium found (apt-get install chromium): the HTML report was not opened in a browser"
        if os.environ.get("POLICYLENS_REQUIRE_BROWSER"):  # set by .ci/run, which installs it
            pytest.fail(why)
        pytest.skip(why)
    browser = DevTools(binary, tmp_path / "profile")
    try:
        session = browser.open_page(report_html.as_uri())

        def js(expression: str) -> Any:
            return browser.evaluate(session, expression)

        assert js("document.documentElement.getAttribute('data-ready')") == "1"  # the script ran
        assert js("document.querySelectorAll('table.heatmap tbody tr').length") == 2
        cells = 2 * sum(p.core for p in load_practices().values())  # two revisions, core practices
        assert js("document.querySelectorAll('table.heatmap td.v a').length") == cells
        # Clicking a cell opens its evidence (and only then).
        panel = "document.getElementById('e0-0-data-sale')"
        assert js(f"getComputedStyle({panel}).display") == "none"
        js("document.querySelector('a[href=\"#e0-0-data-sale\"]').click()")
        assert js(f"getComputedStyle({panel}).display") == "block"
        assert "do not sell" in js(f"{panel}.querySelector('blockquote').textContent")
        # The filter hides rows that do not match.
        js("var f = document.getElementById('filter'); f.value = '2020';"
           "f.dispatchEvent(new Event('input'))")
        assert js("[...document.querySelectorAll('table.heatmap tbody tr')]"
                  ".filter(r => !r.hidden).length") == 1
    finally:
        browser.close()
    assert page_problems(browser) == []
