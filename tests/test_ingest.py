"""Reading: encodings, mojibake, HTML, metadata from the archive header and the policy itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from policylens.errors import InputError
from policylens.reading.ingest import load_document

FIXTURES = Path(__file__).parent / "fixtures"


def test_archive_header_gives_site_date_and_snapshot() -> None:
    m = load_document(str(FIXTURES / "headings.md")).metadata
    assert m.site == "example.com"
    assert m.archived == "2015-03-02"
    assert m.snapshot_url and m.snapshot_url.startswith("https://web.archive.org/web/20150302")
    assert m.policy_date == "2015-03-01"
    assert m.source_format == "markdown"


def test_html_page_drops_scripts_styles_and_navigation(tmp_path: Path) -> None:
    doc = load_document(str(FIXTURES / "page.html"))
    assert "var cookies" not in doc.text and "color:red" not in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert "# Privacy Policy" in doc.text and "## Sharing" in doc.text
    assert doc.metadata.site == "example.org" and doc.metadata.archived == "2012-05-06"
    assert doc.metadata.policy_date == "2011-06-03"
    assert doc.metadata.source_format == "html"


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("The parent is liable for that personâ€™s use of the site.\n", "utf-8")
    doc = load_document(str(path))
    assert "person’s use" in doc.text and doc.metadata.repaired


def test_clean_text_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    text = "We don’t sell “your” data — café.\n"
    path.write_text(text, "utf-8")
    doc = load_document(str(path))
    assert doc.text == text and not doc.metadata.repaired


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "latin-1"])
def test_other_encodings_decode(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes("Our café does not sell your data.\r\nSecond line.\r\n".encode(encoding))
    doc = load_document(str(path))
    assert "café does not sell" in doc.text and "\r" not in doc.text
    assert doc.line_of(doc.text.index("Second")) == 2


def test_replacement_characters_are_harmless(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("We do not sell \ufffd your information.\n", "utf-8")
    assert "\ufffd" in load_document(str(path)).text


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"%PDF-1.4 ...", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"abc\x00def", "NUL"),
])
def test_unreadable_content_is_an_input_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        load_document(str(path))
    assert message in str(info.value) and str(path) in str(info.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_document(str(tmp_path / "nope.txt"))


@pytest.mark.parametrize("reference", ["&#8;", "&#27;[31m", "&#13;", "&#x9b;"])
def test_html_character_references_to_control_characters_become_spaces(reference: str) -> None:
    # (found by the property test: "&#8" in a page's table cell reached the text as a backspace)
    page = f"<html><body><p>We keep your data{reference} safe and never sell it.</p></body></html>"
    doc = load_document("page.html", page.encode())
    assert "\r" not in doc.text
    assert not any(ord(c) < 32 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F for c in doc.text)
    assert "never sell it" in doc.text
