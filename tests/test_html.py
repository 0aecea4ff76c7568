"""HTML flattening keeps the policy text even when the page wraps it in a <form>."""

from __future__ import annotations

from policylens.reading.html import html_to_text

PAGE = """<html><body><form method="GET" action="/search">
<input type="text" name="query"><input type="submit" value="Search">
<h3>Privacy Policy</h3>
<p>We use third-party advertising companies to serve ads when you visit our Web site.</p>
<textarea name="draft">typed by a visitor</textarea>
</form></body></html>"""


def test_policy_inside_a_form_is_kept() -> None:
    text = html_to_text(PAGE)
    assert "### Privacy Policy" in text
    assert "third-party advertising companies to serve ads" in text


def test_form_controls_are_not_policy_text() -> None:
    assert "typed by a visitor" not in html_to_text(PAGE)
