"""Every kind of broken input a corpus run meets: one line on stderr naming the file, a
documented exit code, and the good files still analysed."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from policylens.errors import EXIT_INPUT, EXIT_OK
from policylens.reading.ingest import decode, load_document

POLICY = (
    "# Privacy Policy\n\n"
    "We do not sell your personal information to anyone.\n\n"
    "We use cookies to remember your preferences.\n"
)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.md"
    path.write_text(POLICY, encoding="utf-8")
    return path


def _value(run, practice: str, index: int = 0) -> str:
    return run.json()["policies"][index]["practices"][practice]["value"]


# --- paths --------------------------------------------------------------------------------

def test_missing_file_is_reported_and_the_good_one_still_analysed(cli, good: Path, tmp_path: Path):
    run = cli("analyze", "-f", "json", good, tmp_path / "nope.txt")
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {tmp_path / 'nope.txt'}: no such file or directory"]
    assert _value(run, "data-sale") == "no"
    assert run.json()["errors"] == [{"path": str(tmp_path / "nope.txt"),
                                     "message": "no such file or directory", "kind": "input"}]


def test_permission_denied(cli, good: Path, monkeypatch: pytest.MonkeyPatch):
    real_open = open

    def deny(file, *args, **kwargs):  # root ignores chmod, so deny at the open() call
        if str(file) == str(good):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    run = cli("analyze", "-f", "json", "--timeout", "0", good)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {good}: permission denied"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_for_real(cli, good: Path):
    good.chmod(0)
    run = cli("analyze", "-f", "json", good)
    assert run.code == EXIT_INPUT
    assert "permission denied" in run.stderr


def test_directory_without_policy_files(cli, tmp_path: Path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    run = cli("analyze", "-f", "json", tmp_path)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {tmp_path}: no policy files "
                          "(.txt, .md, .markdown, .html, .htm) in directory"]


def test_symlink_loop_under_a_directory_ends(cli, tmp_path: Path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "a.md").write_text(POLICY)
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "self").symlink_to(".", target_is_directory=True)
    run = cli("analyze", "-f", "json", corpus)
    assert run.code == EXIT_OK, run.stderr
    assert [p["path"] for p in run.json()["policies"]] == [str(corpus / "sub" / "a.md")]


def test_fifo_and_device_are_refused_without_blocking(cli, tmp_path: Path, good: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    run = cli("analyze", "-f", "json", fifo, "/dev/zero", good)
    assert run.code == EXIT_INPUT
    assert run.errors == [
        f"policylens: error: {fifo}: is not a regular file (a FIFO, device or socket)",
        "policylens: error: /dev/zero: is not a regular file (a FIFO, device or socket)",
    ]
    assert len(run.json()["policies"]) == 1


def test_fifo_found_in_a_directory_is_refused(cli, tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "ok.md").write_text(POLICY)
    run = cli("analyze", "-f", "json", tmp_path)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {tmp_path / 'pipe.md'}: is not a regular file "
                          "(a FIFO, device or socket)"]


def test_names_with_spaces_and_non_ascii(cli, tmp_path: Path):
    path = tmp_path / "politique de confidentialité – 日本.md"
    path.write_text(POLICY)
    run = cli("analyze", "-f", "json", path)
    assert run.code == EXIT_OK
    assert run.json()["policies"][0]["path"] == str(path)


def test_name_that_is_not_utf8_or_has_a_newline_prints_on_one_line(cli, tmp_path: Path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9\nx.txt"
    with open(raw, "wb") as handle:
        handle.write(b"\x00binary")
    run = cli("analyze", "-f", "json", os.fsdecode(raw))
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {tmp_path}/caf\ufffd\\x0ax.txt: "
                          "binary file (contains NUL bytes), not a policy text"]
    run.json()  # the JSON is still valid UTF-8


# --- content ------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    (b"", "empty file: no text to analyse"),
    (b"  \n\t\r\n  \n", "empty file: no text to analyse"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (a PDF document), not a policy text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image), not a policy text"),
    (b"PK\x03\x04\x14\x00\x00\x00", "binary file (a zip archive (or an office document)), not a policy text"),
    (b"We do\x00not sell\x00", "binary file (contains NUL bytes), not a policy text"),
    (b"<html><head><script>var a = 1;</script><style>p {}</style></head><body></body></html>",
     "no text in this HTML page (only markup, scripts or styles)"),
], ids=["empty", "whitespace", "pdf", "png", "zip", "nul", "html-without-text"])
def test_content_that_is_no_policy_text(cli, tmp_path: Path, good: Path, content: bytes, message: str):
    path = tmp_path / "bad.html" if b"<html>" in content else tmp_path / "bad.txt"
    path.write_bytes(content)
    run = cli("analyze", "-f", "json", path, good)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {path}: {message}"]
    assert _value(run, "data-sale") == "no"  # the good file is still analysed


SENTENCE = "We don\u2019t sell your personal information. Caf\u00e9 \u00ab cookies \u00bb are used.\n"


@pytest.mark.parametrize("data, encoding", [
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8"),
    (SENTENCE.encode("utf-16"), "utf-16"),
    (SENTENCE.encode("utf-16-be"), "utf-16-be"),  # no BOM
    (SENTENCE.encode("utf-16-le"), "utf-16-le"),  # no BOM
    (SENTENCE.encode("utf-32"), "utf-32"),
    (SENTENCE.encode("cp1252"), "cp1252"),
], ids=["utf8-bom", "utf16-bom", "utf16be", "utf16le", "utf32", "cp1252"])
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str):
    text, found = decode(data, "x.txt")
    assert found == encoding
    assert text.lstrip("\ufeff") == SENTENCE


def test_latin1_reads_as_its_superset_cp1252():
    text, found = decode("Données personnelles, été.\n".encode("latin-1"), "x.txt")
    assert (text, found) == ("Données personnelles, été.\n", "cp1252")


def test_mixed_utf8_and_cp1252_lines():
    data = "caf\u00e9 in UTF-8\n".encode() + "caf\u00e9 in cp1252\n".encode("cp1252")
    assert decode(data, "x.txt") == ("caf\u00e9 in UTF-8\ncaf\u00e9 in cp1252\n", "utf-8+cp1252")


def test_legacy_non_latin_text_goes_to_charset_detection():
    text = "Политика конфиденциальности: мы не продаём ваши персональные данные. " * 20
    decoded, encoding = decode(text.encode("cp1251"), "x.txt")
    assert decoded == text
    assert encoding == "cp1251"


def test_mixed_newlines_count_lines_like_an_editor(tmp_path: Path):
    path = tmp_path / "p.txt"
    path.write_bytes(b"Privacy Policy\r\n\r\nLine three.\rLine four.\nWe sell your data.\r\n")
    doc = load_document(str(path))
    assert "\r" not in doc.text
    assert doc.line_of(doc.text.index("We sell")) == 5


def test_mojibake_is_repaired(tmp_path: Path):
    path = tmp_path / "p.txt"
    path.write_text("We don\u00e2\u20ac\u2122t sell your personal information.\n", encoding="utf-8")
    doc = load_document(str(path))
    assert doc.text == "We don\u2019t sell your personal information.\n"
    assert doc.metadata.repaired


def test_stray_replacement_characters_and_controls(cli, tmp_path: Path):
    path = tmp_path / "p.txt"
    path.write_text("Privacy \ufffd policy.\n\x1b[31mWe do not sell\x07 your personal data.\ufffd\n")
    doc = load_document(str(path))
    assert "\x1b" not in doc.text and "\x07" not in doc.text
    assert len(doc.text) == len(path.read_text())  # replaced one for one: offsets unchanged
    run = cli("analyze", "-f", "json", path)
    assert run.code == EXIT_OK
    assert _value(run, "data-sale") == "no"


def test_html_with_scripts_styles_and_broken_markup(cli, tmp_path: Path):
    path = tmp_path / "p.html"
    path.write_text(
        "<html><head><style>body { content: 'we sell your data' }</style></head><body>"
        "<script>document.write('We sell your personal information.')</script>"
        "<h2>Privacy</h2><p>We do <b>not</b> sell your personal information.<p>Unclosed <div><span>"
        "<table><tr><td>cell</td></table></i></b></body>trailing </html></html>"
    )
    run = cli("analyze", "-f", "json", path)
    assert run.code == EXIT_OK
    assert _value(run, "data-sale") == "no"  # script and style text is not policy text


def test_html_nested_ten_thousand_deep(cli, tmp_path: Path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 10_000 + "<p>We do not sell your personal information."
                    "</p>" + "</div>" * 10_000 + "</body></html>")
    run = cli("analyze", "-f", "json", path)
    assert run.code == EXIT_OK
    assert _value(run, "data-sale") == "no"


def test_html_detected_without_suffix_after_many_comments(tmp_path: Path):
    # The old sniffing regex backtracked exponentially here (40 comments: never finished).
    path = tmp_path / "page.txt"
    path.write_text("<!---->" * 40 + "<html><body><p>We do not sell your data.</p></body></html>")
    assert load_document(str(path)).metadata.source_format == "html"
    path.write_text("<!---->" * 40 + "plain text after comments, never closed <!-- ")
    assert load_document(str(path)).metadata.source_format == "text"


def test_a_novel_gets_no_practices_and_a_note(cli, tmp_path: Path):
    path = tmp_path / "novel.txt"
    path.write_text(("The baker sold cookies to the children under thirteen, and the company "
                     "merged with the mill across the river before the winter came. ") * 20)
    run = cli("analyze", "-f", "json", path)
    assert run.code == EXIT_OK
    policy = run.json()["policies"][0]
    assert {v["value"] for v in policy["practices"].values()} == {"not-mentioned"}
    assert policy["statements"] == []
    assert "does not look like a privacy policy" in policy["notes"][0]


def test_source_code_gets_no_practices_and_a_note(cli, tmp_path: Path):
    path = tmp_path / "code.txt"
    path.write_text("""
def sell(cookies: list[str], children: int = 13) -> None:
    \"\"\"We sell cookies; children under 13 get them free. Shares go to third parties.\"\"\"
    for cookie in cookies:
        if children < 13 or cookie.startswith("merger"):
            print(f"sold {cookie} to the acquirer")
""" * 20)
    run = cli("analyze", "-f", "json", path)
    policy = run.json()["policies"][0]
    assert policy["statements"] == [] and "does not look like a privacy policy" in policy["notes"][0]


# Long texts that never say "privacy", "personal" or "your data" but are sections of a policy
# (words written for these tests): each is analysed, not screened out, and its verdict stands.
_POLICY_SECTIONS = [
    # a section on sharing "members' information", as clauses quoted from a policy's section do
    ("section.md", "### How we share information\n\nWe share club members' information with certain "
     "companies, as set out below:\n\n"
     + "* Printers: the firm that prints the newsletter gets names and postal addresses, "
       "acting only on our instructions and for no other purpose of its own.\n" * 12,
     "third-party-sharing", "no"),
    # a section on children (round 25: it was screened out, and its denial lost)
    ("children.md", "Children's information\n======================\n\n"
     + "Most of our pupils are children, so the music school keeps details of them "
       "for lessons, exams and concerts, as a parent agrees when booking.\n\n" * 8
     + "We don't pass your or your child's details to anyone outside the school.\n",
     "third-party-sharing", "no"),
    # a small newsletter on who sees subscribers' email addresses (round 25)
    ("newsletter.md", "## Who sees your email address\n\n"
     + "The two of us who write the letter read the replies, and the delivery service "
       "that sends each issue keeps the addresses for us and for nothing else.\n\n" * 8
     + "We never sell, rent or swap the subscriber list.\n",
     "data-sale", "no"),
]


@pytest.mark.parametrize("name, text, practice, value", _POLICY_SECTIONS,
                         ids=[case[0] for case in _POLICY_SECTIONS])
def test_a_long_section_of_a_policy_is_a_policy(cli, tmp_path: Path, name: str, text: str,
                                                practice: str, value: str):
    path = tmp_path / name
    path.write_text(text)
    run = cli("analyze", "-f", "json", path)
    policy = run.json()["policies"][0]
    assert not policy["notes"] and policy["practices"][practice]["value"] == value


def test_a_long_statement_on_members_particulars_is_a_policy(cli, tmp_path: Path):
    # (words written for this test, in a club's old-fashioned wording: "particulars" and
    # "members' records", no "privacy", "personal" or "data")
    path = tmp_path / "statement.txt"
    path.write_text("Statement on the keeping of members' particulars\n\n"
                    + "The Secretary keeps the members' records in a locked cabinet, and the Club "
                      "does not sell or lend its register of members to any person or firm. " * 12)
    run = cli("analyze", "-f", "json", path)
    policy = run.json()["policies"][0]
    assert not policy["notes"] and policy["practices"]["data-sale"]["value"] == "no"


def test_a_long_section_on_matched_ads_is_a_policy(cli, tmp_path: Path):
    # (words written for this test: a section on ads matched to readers, which speaks of a
    # "customer list", a "tracking technology" and how to "opt out", not of "privacy" or "data")
    path = tmp_path / "ads.md"
    path.write_text("**How we advertise to you**\n\n"
                    + "We reach readers on other sites by uploading a scrambled customer list to "
                      "an ad platform, or through a tracking technology from that platform on our "
                      "pages. To opt out of these matched ads, use the platform's settings. " * 8)
    run = cli("analyze", "-f", "json", path)
    policy = run.json()["policies"][0]
    assert not policy["notes"] and policy["practices"]["third-party-sharing"]["value"] == "yes"


def test_a_long_excerpt_about_your_data_is_a_policy(cli, tmp_path: Path):
    # (words written for this test: no "privacy", no "personal information", only "your data")
    path = tmp_path / "excerpt.md"
    path.write_text("We share data with others as follows:\n\n"
                    + "* Advertising: we may share your data with advertising companies to show you ads.\n"
                    + "* Vendors: we may give your data to the firms that host our servers and answer "
                      "your e-mails, who act on our instructions and keep it safe for us.\n" * 12)
    run = cli("analyze", "-f", "json", path)
    policy = run.json()["policies"][0]
    assert not policy["notes"] and policy["practices"]["third-party-sharing"]["value"] == "yes"


def test_a_short_snippet_is_still_analysed(cli):
    run = cli("analyze", "-f", "json", "-", stdin="We may sell your data to partners.\n")
    assert _value(run, "data-sale") == "yes"


# --- limits -------------------------------------------------------------------------------

def test_file_over_the_size_limit(cli, tmp_path: Path, good: Path):
    big = tmp_path / "big.txt"
    big.write_text("We sell data. " * 100)
    run = cli("analyze", "-f", "json", "--max-bytes", "1000", big, good)
    assert run.code == EXIT_INPUT
    assert run.errors == [f"policylens: error: {big}: file is 1400 bytes, over the limit of 1000 "
                          "(raise it with --max-bytes)"]
    assert run.json()["errors"][0]["kind"] == "limit"
    assert len(run.json()["policies"]) == 1


def test_stdin_over_the_size_limit(cli):
    run = cli("analyze", "-f", "json", "--max-bytes", "10", "-", stdin="We sell your data. " * 5)
    assert run.code == EXIT_INPUT
    assert run.errors == ["policylens: error: <stdin>: input is larger than the limit of 10 bytes "
                          "(raise it with --max-bytes)"]
