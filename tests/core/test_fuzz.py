"""Property-based tests: the loader and the Markdown subset never break, whatever they are given.

- ``videre.core.yamlsource.parse`` on arbitrary text, on YAML-shaped token soup, and
  ``videre.core.yamlsource.load`` on arbitrary bytes: no exception, a document or
  Danish problems, within seconds.
- ``videre.catalog.load.load_catalog`` on records of every kind where hypothesis
  replaces fields with arbitrary values (dumped to YAML): no exception.
- ``videre.core.text.to_html``: only p, ul, li, strong, em and a come out, ``a``
  only with an https:, mailto: or tel: href, and nothing else gets an attribute.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures.hostile.cases import base_records, dump, kind_schemas, set_at, string_fields
from tests.helpers.guards import HANG_SECONDS
from tests.helpers.site import DATA
from videre.catalog.load import load_catalog
from videre.core import text as videre_text
from videre.core.errors import Problem
from videre.core.yamlsource import load, parse

TODAY = dt.date(2026, 11, 23)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOWER = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAML_TOKENS = [
    "a",
    "titel",
    ":",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&x ",
    "*x",
    "!!str ",
    "!!python/name:os ",
    "? ",
    "|",
    ">",
    "'",
    '"',
    "\\",
    "#",
    "%YAML 1.2",
    "---",
    "...",
    "\n",
    "\n  ",
    "\t",
    " ",
    "\x00",
    "\ufeff",
    "æøå",
    "\u2028",
    "\x85",
    "<<: ",
    "~",
    "null",
    "1e999",
    "0x1F",
    "2026-13-45",
    "@",
    "`",
]


def check_result(result: tuple[Any, list[Problem]]) -> None:
    document, problems = result
    assert document is not None or problems, "hverken et dokument eller en forklaring"
    for problem in problems:
        assert isinstance(problem, Problem) and problem.rule and problem.message and problem.hint
        assert "Traceback" not in problem.message


@FAST
@given(st.text(max_size=2000))
def test_parse_never_raises_on_any_text(source: str) -> None:
    check_result(parse(Path("x.yaml"), source))


@FAST
@given(st.lists(st.sampled_from(YAML_TOKENS), max_size=300).map("".join))
def test_parse_never_raises_on_yaml_shaped_soup(source: str) -> None:
    start = time.perf_counter()
    check_result(parse(Path("x.yaml"), source))
    assert time.perf_counter() - start < HANG_SECONDS


@pytest.fixture(scope="module")
def scratch() -> Any:
    with tempfile.TemporaryDirectory(prefix="videre-fuzz-") as name:
        yield Path(name)


@FAST
@given(raw=st.binary(max_size=3000))
def test_load_never_raises_on_any_bytes(scratch: Path, raw: bytes) -> None:
    path = scratch / "post.yaml"
    path.write_bytes(raw)
    check_result(load(path))


# ---------------------------------------------------------------- records of every kind

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "2026-02-30",
            "https://example.org",
            "javascript:alert(1)",
            "esbjerg",
            "ja",
            "0101901234",
            "<b>",
            "**",
            "[x](y)",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12,
)
BASES = base_records()
SCHEMAS = kind_schemas()
FIELDS = {
    kind: [at for at, _ in string_fields(SCHEMAS[kind])] + [(k,) for k in SCHEMAS[kind].get("properties", {})]
    for kind in BASES
}


@pytest.fixture(scope="module")
def tree(scratch: Path) -> Path:
    root = scratch / "data"
    root.mkdir()
    shutil.copy(DATA / "kommuner.yaml", root / "kommuner.yaml")
    return root


@pytest.mark.parametrize("kind", sorted(BASES))
def test_load_never_raises_on_any_record(tree: Path, kind: str) -> None:
    relative, base = BASES[kind]

    @SLOWER
    @given(
        st.lists(st.tuples(st.sampled_from(FIELDS[kind]), VALUES), min_size=1, max_size=4),
        st.dictionaries(st.text(min_size=1, max_size=10), VALUES, max_size=2),
    )
    def run(changes: list[tuple[tuple[Any, ...], Any]], extra: dict[str, Any]) -> None:
        data = base
        for at, value in changes:
            data = set_at(data, at, value)
        if isinstance(data, dict):
            data = {**data, **extra}
        for old in tree.iterdir():
            if old.name != "kommuner.yaml":
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        path = tree / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), encoding="utf-8")
        start = time.perf_counter()
        result = load_catalog(tree, today=TODAY)
        assert time.perf_counter() - start < HANG_SECONDS
        for problem in result.problems:
            assert problem.rule and problem.message and problem.hint

    run()


# ---------------------------------------------------------------- the Markdown subset

ALLOWED_TAGS = {"p", "ul", "li", "strong", "em", "a"}
MD_TOKENS = [
    "[",
    "]",
    "(",
    ")",
    "](",
    "**",
    "*",
    "_",
    "`",
    "<",
    ">",
    "&",
    "&amp;",
    "&#106;",
    ";",
    '"',
    "'",
    " ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "javascript:",
    "JaVaScRiPt:",
    "data:",
    "https://",
    "mailto:",
    "tel:",
    "//",
    "tekst",
    "x",
    "alert(1)",
    "\t",
    "\x00",
    "æ",
    "\u202e",
    "{: onclick=x}",
    "onerror=",
    "=",
    "\\",
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if tag != "a" or name != "href":
                self.problems.append(f"attribut {name} på <{tag}>")
            elif not (value or "").startswith(videre_text.ALLOWED_SCHEMES):
                self.problems.append(f"href {value!r}")
        if tag == "a" and "href" not in dict(attrs):
            self.problems.append("<a> uden href")

    def handle_comment(self, data: str) -> None:
        self.problems.append("kommentar")

    def handle_decl(self, decl: str) -> None:
        self.problems.append("deklaration")

    def handle_pi(self, data: str) -> None:
        self.problems.append("processing instruction")


def subset_problems(source: str) -> list[str]:
    parser = _Tags()
    parser.feed(videre_text.to_html(source))
    parser.close()
    return parser.problems


@FAST
@given(st.text(max_size=1000))
def test_markdown_subset_on_any_text(source: str) -> None:
    assert subset_problems(source) == []


@FAST
@given(st.lists(st.sampled_from(MD_TOKENS), max_size=120).map("".join))
def test_markdown_subset_on_markdown_shaped_soup(source: str) -> None:
    assert subset_problems(source) == []


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        '[x](https://example.org/"onmouseover="alert(1))',
        "<script>alert(1)</script>",
        "**[x](https://a.example.org)**",
        "- [x](tel:+4512345678)\n- *y*",
        "&lt;b&gt;",
        "[x](JAVASCRIPT:1)",
        "[x](&#106;avascript:1)",
        "[x](https:&#47;&#47;a)",
        "![x](https://a.example.org/p.gif)",
    ],
)
def test_markdown_subset_examples(source: str) -> None:
    assert subset_problems(source) == []
    assert "<img" not in videre_text.to_html(source)
