"""The Content-Security-Policy every page carries, as a ``<meta>`` tag.

The policy allows scripts, styles, images, fonts and data from the site itself
and nothing else. Material for MkDocs emits a few small inline bootstrap
scripts; those are allowed one by one with their SHA-256 hash, computed per
page (they differ with the page's depth).

Only scripts that the *theme's own templates* contain are hashed: an inline
script is trusted when its text matches one of the ``<script>…</script>``
bodies in the theme's template files (``{{ … }}`` expressions there match a
short run of URL characters). Any other inline script on a page, for example
one smuggled in through a record, gets no hash, so the browser refuses to run
it. A page without theme scripts (a standalone page the package writes) gets
``script-src 'self'`` only.

``'wasm-unsafe-eval'`` is added only on pages that load Pagefind (a script
from ``pagefind/``), whose search runs as WebAssembly. ``style-src`` needs no ``'unsafe-inline'``: Material and
Pagefind set styles through the CSSOM, which CSP does not restrict, and the
site writes no ``style=""`` attributes (a test checks for violations).
``frame-ancestors`` is left out: browsers ignore it in a ``<meta>`` tag.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("object-src", "'none'"),
)

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_JINJA_OTHER = re.compile(r"\{[%#]")
_URL_RUN = r"[A-Za-z0-9./_:#?=&%~+-]{0,200}"
_META = re.compile(r"<meta\s+http-equiv=[\"']?Content-Security-Policy", re.IGNORECASE)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_PAGEFIND = re.compile(r"""<script\s[^>]*\bsrc\s*=\s*["']?[^"'\s>]*pagefind/""", re.IGNORECASE)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


def sha256_source(script: str) -> str:
    """The CSP source expression for one inline script's exact text."""
    digest = hashlib.sha256(script.replace("\r\n", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: Iterable[str] = (), *, wasm: bool = False) -> str:
    """The policy string; ``script_hashes`` are extra ``'sha256-…'`` sources for script-src."""
    hashes = sorted(set(script_hashes))
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src":
            value = " ".join([value, *(["'wasm-unsafe-eval'"] if wasm else []), *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline script the browser would execute (not JSON data blocks)."""
    found = []
    for match in _INLINE_SCRIPT.finditer(page_html):
        attrs = match.group("attrs")
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") in _EXECUTABLE_TYPES:
            found.append(match.group("body"))
    return found


@dataclass(frozen=True)
class TrustedScripts:
    """Patterns of the inline scripts a theme's templates contain."""

    patterns: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def from_templates(cls, template_dirs: Iterable[Path | str]) -> TrustedScripts:
        patterns: list[re.Pattern[str]] = []
        for directory in template_dirs:
            for template in sorted(Path(directory).rglob("*.html")):
                source = template.read_text(encoding="utf-8")
                for body in inline_scripts(source):
                    if body.strip() and not _JINJA_OTHER.search(body):
                        pieces = _JINJA_EXPRESSION.split(body)
                        patterns.append(re.compile(_URL_RUN.join(re.escape(p) for p in pieces)))
        return cls(tuple(dict.fromkeys(patterns)))

    def trusts(self, script: str) -> bool:
        return any(p.fullmatch(script) for p in self.patterns)


def page_policy(page_html: str, trusted: TrustedScripts) -> str:
    """The policy for one page: hashes for the theme's inline scripts found on it, nothing else."""
    return policy(
        (sha256_source(s) for s in inline_scripts(page_html) if trusted.trusts(s)),
        wasm=bool(_PAGEFIND.search(page_html)),
    )


def protect(page_html: str, trusted: TrustedScripts = TrustedScripts()) -> str:
    """Insert the CSP ``<meta>`` tag first in ``<head>`` (right after the charset), once."""
    if _META.search(page_html):
        return page_html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(page_policy(page_html, trusted), quote=False)}">'
    anchor = _CHARSET.search(page_html) or _HEAD.search(page_html)
    if anchor is None:
        raise ValueError("siden har intet <head>, så sikkerhedspolitikken (CSP) kan ikke sættes ind")
    return page_html[: anchor.end()] + tag + page_html[anchor.end() :]
