"""The reader view in headless Chromium (the harness of test_html_browser): it loads with no
console error and no network request, shows one highlight per statement of the JSON report, a
click on a practice in the card scrolls to and focuses its deciding statement, and Tab reaches
every highlight. Screenshots of a seed and a long current policy go to a temporary folder (or
$POLICYLENS_SCREENSHOTS) for a reviewer; they are never committed."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from policylens.cli import cli
from tests.test_html_browser import DevTools, _browser, page_problems

ROOT = Path(__file__).parent
POLICIES = {"seed": ROOT.parent / "corpus" / "003_31bd11473371562c.txt",
            "long": ROOT / "fixtures" / "reader" / "adroll-excerpt.md"}


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("POLICYLENS_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _analyze(path: Path, fmt: str, target: Path | None = None) -> str:
    args = ["analyze", str(path), "-f", fmt] + (["-o", str(target)] if target else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", sorted(POLICIES))
def test_reader_view_in_a_headless_browser(name: str, tmp_path: Path, screenshots: Path) -> None:
    binary = _browser()
    if binary is None:
        why = "no Chromium found (apt-get install chromium): the reader view was not opened in a browser"
        if os.environ.get("POLICYLENS_REQUIRE_BROWSER"):
            pytest.fail(why)
        pytest.skip(why)
    policy = POLICIES[name]
    view = tmp_path / "view.html"
    _analyze(policy, "html", view)
    report = json.loads(_analyze(policy, "json"))["policies"][0]
    statements = report["statements"]
    browser = DevTools(binary, tmp_path / "profile")
    browser.deadline += 60  # many Tab presses on the long policy
    try:
        session = browser.open_page(view.as_uri(), width=1200, height=900)

        def js(expression: str) -> Any:
            return browser.evaluate(session, expression)

        assert js("document.documentElement.getAttribute('data-ready')") == "1"
        shot = browser.send("Page.captureScreenshot", session, format="png")
        (screenshots / f"reader-{name}.png").write_bytes(base64.b64decode(shot["data"]))
        assert js("document.querySelectorAll('mark[data-statement]').length") == len(statements)

        # A practice in the card: the click scrolls to and focuses its deciding statement.
        decided = [pid for pid, v in report["practices"].items() if v["evidence"]]
        assert decided
        for pid in decided[-3:]:
            deciding = statements.index(report["practices"][pid]["evidence"][0])
            js(f"window.scrollTo(0, 0); document.querySelector('#p-{pid} a[data-practice]').click()")
            assert js("document.activeElement.getAttribute('data-statement')") == str(deciding)
            top = js("document.activeElement.getBoundingClientRect().top")
            assert 0 <= top < js("window.innerHeight")
            assert not js("document.getElementById('detail').hidden")  # focus shows its details

        # Tab from the top of the page reaches every highlight.
        js("document.activeElement.blur(); window.scrollTo(0, 0)")
        reached: set[str] = set()
        stops = js("document.querySelectorAll('a[href], mark[tabindex], summary').length")
        for _ in range(stops + 2):
            for kind in ("keyDown", "keyUp"):
                browser.send("Input.dispatchKeyEvent", session, type=kind, key="Tab", code="Tab",
                             windowsVirtualKeyCode=9)
            at = js("document.activeElement.getAttribute('data-statement')")
            if at is not None:
                reached.add(at)
        assert reached == {str(i) for i in range(len(statements))}
    finally:
        browser.close()
    assert page_problems(browser) == []
