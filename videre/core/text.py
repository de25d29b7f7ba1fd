"""Free text in records: a small, safe Markdown subset rendered to HTML.

Contributors may write paragraphs, ``- `` lists, ``**fed**``, ``*kursiv*`` and
``[tekst](https://…)`` links. Everything is HTML-escaped before any markup is
added, and links are allowed only with https, mailto and tel, so no record
text can become live HTML or script on a page, even if validation is skipped.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata

ALLOWED_SCHEMES = ("https://", "mailto:", "tel:")

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>?")
_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\(([^()\s]{1,400})\)")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^\s)>]+)")
_BOLD = re.compile(r"\*\*(?=\S)([^*\n]{1,400}?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]{1,400}?)(?<=\S)\*(?![*\w])")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&])")


def find_html(text: str) -> str | None:
    """The first thing in ``text`` that looks like an HTML tag, if any."""
    match = _HTML.search(text) if "<" in text else None  # every tag starts with "<"
    return match.group(0)[:40] if match else None


def find_unsafe_links(text: str) -> list[str]:
    """Markdown link targets whose scheme is not https, mailto or tel."""
    return [target for target in _LINK_TARGET.findall(text) if not safe_url(target)]


def safe_url(url: str) -> bool:
    cleaned = "".join(url.split()).lower()
    return cleaned.startswith(ALLOWED_SCHEMES)


def _inline(text: str) -> str:
    """Escape one line, then apply the inline subset."""
    out: list[str] = []
    position = 0
    for match in _LINK.finditer(text):
        out.append(_emphasis(html.escape(text[position : match.start()], quote=True)))
        label, target = match.group(1), match.group(2)
        if safe_url(target):
            out.append(f'<a href="{html.escape(target, quote=True)}">{_emphasis(html.escape(label, quote=True))}</a>')
        else:
            out.append(_emphasis(html.escape(label, quote=True)))
        position = match.end()
    out.append(_emphasis(html.escape(text[position:], quote=True)))
    return "".join(out)


def _emphasis(escaped: str) -> str:
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    return _ITALIC.sub(r"<em>\1</em>", escaped)


def to_html(text: str | None) -> str:
    """Render the Markdown subset to safe HTML: paragraphs, lists, emphasis, links."""
    if not text:
        return ""
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append("<p>" + " ".join(_inline(line) for line in paragraph) + "</p>")
            paragraph.clear()
        if items:
            blocks.append("<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + "</ul>")
            items.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith(("- ", "* ")):
            if paragraph:
                flush()
            items.append(line[2:].strip())
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return "\n".join(blocks)


def plain(text: str | None) -> str:
    """The text without Markdown marks, for exports, QR labels and screen slides."""
    if not text:
        return ""
    text = _LINK.sub(r"\1", text)
    text = text.replace("**", "")
    text = re.sub(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])", r"\1", text)
    return " ".join(text.split())


def md_escape(text: str) -> str:
    """Escape text for use inside a Markdown line (headings, link labels)."""
    text = " ".join(text.split())
    return _MD_SPECIAL.sub(
        lambda m: (
            "&lt;"
            if m.group(1) == "<"
            else "&gt;"
            if m.group(1) == ">"
            else "&amp;"
            if m.group(1) == "&"
            else "\\" + m.group(1)
        ),
        text,
    )


_YAML_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def front_matter_text(value: object) -> str:
    """A front-matter value (``description: …``) that no record text can break or escape from.

    One line, HTML-escaped (Material prints ``page.meta`` values into attributes without escaping),
    then written as a JSON string, which is also a valid YAML double-quoted scalar: quotes,
    backslashes (``\\x22``), colons and '---' in the text stay text.
    """
    one_line = " ".join(_YAML_UNPRINTABLE.sub("", str(value)).split())
    return json.dumps(html.escape(one_line, quote=True), ensure_ascii=False)


def web_link(url: str) -> str:
    """A record's web address as a link, but only an https:// one; anything else stays plain text."""
    shown = html.escape(url, quote=True)
    return f'<a href="{shown}">{shown}</a>' if url.strip().lower().startswith("https://") else shown


def csv_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a cell may not start with = + - @."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def heading_slug(value: str, separator: str = "-") -> str:
    """A heading's anchor: Python-Markdown's slugify with æ, ø and å written ae, oe and aa first, so that
    "Ældre ord, du kan møde" becomes ``aeldre-ord-du-kan-moede``, not ``ldre-ord-du-kan-mde``. Anchors made
    the old way still lead to the heading: ``docs/assets/videre-anker.js`` finds the heading they meant."""
    value = unicodedata.normalize("NFKD", value.translate(_DANISH_LETTERS)).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, value)
