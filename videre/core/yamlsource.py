"""Read one YAML file into plain values plus the source position of each value.

Records come from people outside the team, so this reader is deliberately
narrow: it never constructs Python objects, refuses anchors and aliases (which
would allow "billion laughs" blow-ups), refuses duplicate keys, bounds size
and depth, and keeps dates and times as text so that ``8:15`` or
``2026-01-01`` mean what the contributor wrote. It never raises on bad input;
it returns the problems as :class:`~videre.core.errors.Problem` values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

import yaml

from .errors import Problem

try:  # libyaml is 8x faster; fall back quietly where it is missing
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader  # type: ignore[misc]

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12
MAX_NODES = 20_000

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A loader that only resolves null, true/false, decimal ints and floats."""

    yaml_implicit_resolvers: ClassVar[dict] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """PyYAML's Resolver.resolve without the path resolvers we never use (it runs for every node)."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers here: the composer asks twice for every node (a tenth of reading a file)."""

    def ascend_resolver(self) -> None:
        """See :meth:`descend_resolver`."""


for _tag, _regexp, _first in (
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_INT, r"^[-+]?[0-9]+$", "-+0123456789"),
    (_FLOAT, r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    _Loader.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


@dataclass
class Document:
    """A parsed file: its values, and the (line, column) of each path, 1-based."""

    path: Path
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    text: str = ""

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines, cut only when asked for (to quote a problem): most files have none."""
        return self.text.splitlines()

    def where(self, at: Path_) -> tuple[int, int]:
        """The position of a path, or of its nearest ancestor that has one."""
        while at:
            if at in self.positions:
                return self.positions[at]
            at = at[:-1]
        return self.positions.get((), (1, 1))

    def problem_at(self, at: Path_, rule: str, message: str, hint: str) -> Problem:
        """A problem at a field of this file, with its line and column: what cross-checks report."""
        line, column = self.where(at)
        return Problem(self.path, line, column, dotted(at), rule, message, hint)

    def key_position(self, at: Path_) -> tuple[int, int]:
        """The position of a mapping key (for unknown-field messages)."""
        return self.positions.get(("<key>", *at), self.where(at))


class _Refused(Exception):
    def __init__(self, rule: str, message: str, hint: str, mark: Any | None):
        super().__init__(message)
        self.rule, self.message, self.hint, self.mark = rule, message, hint, mark


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8 text; say exactly what is wrong if that fails."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [
            Problem(
                path,
                1,
                1,
                "",
                "ulæselig-fil",
                f"filen kan ikke læses ({exc.strerror})",
                "tjek at filen findes og ikke er en mappe",
            )
        ]
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                path,
                1,
                1,
                "",
                "for-stor-fil",
                f"filen fylder {_thousands(len(raw))} byte, og grænsen er {_thousands(MAX_BYTES)}",
                "del indholdet op, eller fjern lange tekster",
            )
        ]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                1,
                "",
                "nul-tegn",
                "filen indeholder et NUL-tegn (byte 0)",
                "gem filen igen som almindelig tekst (UTF-8)",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        return None, [
            Problem(
                path,
                line,
                col,
                "",
                "ikke-utf8",
                f"filen er ikke gemt som UTF-8 (ugyldig byte 0x{raw[exc.start]:02x})",
                "gem filen som UTF-8; i Notesblok vælger du 'UTF-8' under 'Kodning'",
            )
        ]
    return text.removeprefix("\ufeff"), []


def _thousands(number: int) -> str:
    """A number as Danes write it: 262.144 (a point between thousands, not the sentence's comma)."""
    return f"{number:,}".replace(",", ".")


def parse(path: Path, text: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text into a :class:`Document`, or return why it cannot be."""
    too_deep = _nesting_problem(path, text)
    if too_deep:
        return None, [too_deep]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in f"{exc.problem} {exc.context}":  # libyaml >= 0.2.6 (PyYAML 6.0.4) has its own limit
            return None, [_too_deep(path, *_mark(exc.problem_mark or exc.context_mark))]
        return None, [_syntax_problem(path, exc, text.splitlines())]
    except RecursionError:  # the pure-Python parser, where libyaml is missing
        return None, [_too_deep(path)]
    except yaml.reader.ReaderError as exc:
        return None, [_character_problem(path, text, exc)]
    except yaml.YAMLError:  # pragma: no cover - libyaml reports marks for all we know of
        return None, [Problem(path, 1, 1, "", "yaml-syntaks", SYNTAX_FALLBACK, _GENERIC_HINT)]
    document = Document(path, None, {}, text)
    if node is None:
        return document, []
    walker = _Walker(document, aliases_possible="&" in text)
    try:
        document.data = walker.value(node, (), 0)
    except _Refused as refused:
        line, col = _mark(refused.mark)
        return None, [Problem(path, line, col, walker.current_field, refused.rule, refused.message, refused.hint)]
    return document, walker.problems


_DEEP_INDENT = re.compile(r"(?:\A|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]) {%d}" % (8 * MAX_DEPTH + 1))
"""A line (as str.splitlines() cuts them) indented by more than 8 * MAX_DEPTH spaces."""
_DEEP_SPACES = " " * (8 * MAX_DEPTH + 1)
_DEEP_DASHES = re.compile(r"^[ \t]*(?:[-?][ \t]+){%d}" % (4 * MAX_DEPTH + 1), re.MULTILINE)
"""A line that opens more than 4 * MAX_DEPTH block levels at once, as in '- - - - x' (compact nested lists)."""


def _nesting_problem(path: Path, text: str) -> Problem | None:
    """Refuse absurd nesting before libyaml's recursive composer sees it."""
    depth = deepest = 0
    if text.count("[") + text.count("{") > 4 * MAX_DEPTH:  # fewer brackets cannot nest deeper (fast path)
        for char in text:
            if char in "[{":
                depth += 1
                deepest = max(deepest, depth)
            elif char in "]}":
                depth = max(0, depth - 1)
    if (
        deepest > 4 * MAX_DEPTH
        or (_DEEP_SPACES in text and _DEEP_INDENT.search(text))
        or (text.count("- ") + text.count("? ") > 4 * MAX_DEPTH and _DEEP_DASHES.search(text))
    ):
        return _too_deep(path)
    return None


def _too_deep(path: Path, line: int = 1, col: int = 1) -> Problem:
    """Our own rule and words, whichever parser (libyaml's limit, Python's recursion limit) noticed first."""
    return Problem(
        path,
        line,
        col,
        "",
        "for-dyb",
        f"værdierne er indrykket mere end {MAX_DEPTH} niveauer",
        "fjern de ekstra niveauer; se eksemplerne i CONTRIBUTING.md",
    )


def load(path: Path) -> tuple[Document | None, list[Problem]]:
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return parse(path, text)


UNICODE_ESCAPE = "en \\u-kode i teksten er ikke et gyldigt tegn"
UNICODE_ESCAPE_HINT = "skriv tegnet direkte i stedet for koden"
_SURROGATE = re.compile("[\ud800-\udfff]")
_GENERIC_HINT = "tjek indrykningen (to mellemrum pr. niveau) og sæt tekst med kolon i anførselstegn"


def _mark(mark: Any | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


_SYNTAX_MESSAGES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("mapping values are not allowed",),
        "der står et kolon midt i en værdi",
        'sæt hele teksten i anførselstegn, fx titel: "Træning: krop og hoved"',
    ),
    (
        ("unknown escape character",),
        "en '\\\\' i teksten indleder en ukendt kode",
        "skriv '\\\\\\\\' for en skråstreg, eller brug enkelte anførselstegn",
    ),
    (("invalid Unicode character escape",), UNICODE_ESCAPE, UNICODE_ESCAPE_HINT),
    (
        ("undefined alias", "alphabetic or numeric character", "hexdecimal", "hexadecimal"),
        "YAML kan ikke læse en værdi på linjen",
        "sæt teksten i anførselstegn, eller fjern tegnet '*' eller '\\' i starten",
    ),
    (
        ("unexpected end of stream", "unexpected document separator"),
        "en tekst i anførselstegn er ikke lukket",
        "slut teksten med det samme anførselstegn, som den begynder med",
    ),
    (
        ("expected ']'", "expected '}'", "expected ',' or ']'", "expected ',' or '}'"),
        "en liste eller et objekt med [ ] eller { } er ikke lukket",
        "luk med ']' eller '}', eller skriv listen med '- '",
    ),
    (
        (
            "could not find expected ':'",
            "expected <block end>",
            "expected a mapping",
            "expected a block",
            "expected key",
            "expected '-'",
            "expected the node content",
            "expected node content",
        ),
        "indrykningen passer ikke, eller et kolon mangler",
        _GENERIC_HINT,
    ),
    (("cannot start any token",), "linjen starter med et tegn, YAML ikke tillader her", "sæt teksten i anførselstegn"),
    (
        ("another document", "<document start>"),
        "filen indeholder mere end én post (en linje med '---' midt i filen)",
        "en fil er én post; slet linjen '---' og flyt resten til en ny fil",
    ),
)
"""Our Danish words for the parser's complaints, matched on its phrases. The library's own English never
reaches a contributor, so a newer PyYAML or libyaml cannot change what they read (the tests pin it)."""
SYNTAX_FALLBACK = "YAML kan ikke læse filen på dette sted"
DIRECTIVE = "en linje begynder med '%', som YAML læser som en særlig kommando"


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = _mark(mark)
    said = f"{exc.problem or ''} {exc.context or ''}"
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line or "tab" in said:
        return Problem(
            path,
            line,
            col,
            "",
            "yaml-syntaks",
            "linjen indeholder et tabulatortegn",
            "brug mellemrum til indrykning, ikke tabulator",
        )
    if "directive" in said or any(text.startswith("%") for text in lines[:line]):
        return Problem(path, line, col, "", "yaml-syntaks", DIRECTIVE, "sæt teksten i anførselstegn")
    for phrases, message, hint in _SYNTAX_MESSAGES:
        if any(phrase in said for phrase in phrases):
            return Problem(path, line, col, "", "yaml-syntaks", message, hint)
    return Problem(path, line, col, "", "yaml-syntaks", SYNTAX_FALLBACK, _GENERIC_HINT)


def _line_col(buffer: str | bytes, position: int) -> tuple[int, int]:
    """1-based line and column of an offset into the file's text (or its raw bytes)."""
    newline = "\n" if isinstance(buffer, str) else b"\n"
    return buffer.count(newline, 0, position) + 1, position - (buffer.rfind(newline, 0, position) + 1) + 1


def _character_problem(path: Path, text: str, exc: yaml.reader.ReaderError) -> Problem:
    """An invisible control character, often pasted in from another program."""
    line, col = _line_col(text, max(0, min(int(exc.position), len(text))))
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return Problem(
        path,
        line,
        col,
        "",
        "ugyldigt-tegn",
        f"filen indeholder et usynligt styretegn (U+{code:04X})",
        "slet tegnet; det kommer tit med, når tekst kopieres fra et andet program",
    )


class _Walker:
    """Turn composed nodes into plain values, refusing anything risky."""

    def __init__(self, document: Document, aliases_possible: bool = True):
        self.document = document
        self.seen: set[int] | None = set() if aliases_possible else None
        """Nodes met so far, to refuse an alias (a node met twice); None where the text has no anchor ('&'),
        since an alias needs one (without, the composer already refused the file)."""
        self.count = 0
        self.problems: list[Problem] = []
        self.current_at: Path_ = ()

    @property
    def current_field(self) -> str:
        return _dotted(self.current_at)

    def value(self, node: yaml.Node, at: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Refused(
                "for-mange-værdier",
                f"filen har mere end {_thousands(MAX_NODES)} værdier",
                "en post er ét tilbud; del filen op",
                node.start_mark,
            )
        if depth > MAX_DEPTH:
            raise _Refused(
                "for-dyb",
                f"værdierne er indrykket mere end {MAX_DEPTH} niveauer",
                "fjern de ekstra niveauer; se eksemplerne i CONTRIBUTING.md",
                node.start_mark,
            )
        seen = self.seen
        if seen is not None:
            identity = id(node)
            if identity in seen:
                raise _Refused(
                    "anker-alias",
                    "ankre og aliasser ('&' og '*') er ikke tilladt",
                    "skriv værdien ud hvert sted, den skal bruges",
                    node.start_mark,
                )
            seen.add(identity)
        mark = node.start_mark
        self.document.positions[at] = (mark.line + 1, mark.column + 1)
        kind = type(node)
        if kind is yaml.ScalarNode:
            return self._scalar(node)
        if kind is yaml.MappingNode:
            return self._mapping(node, at, depth)
        if node.tag != _SEQ:  # the composer makes only these three kinds of node
            raise _Refused("yaml-tag", f"mærket '{node.tag}' er ikke tilladt", "fjern mærket", node.start_mark)
        return [self.value(item, (*at, i), depth + 1) for i, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, at: Path_, depth: int) -> dict[str, Any]:
        if node.tag != _MAP:
            raise _Refused("yaml-tag", f"mærket '{node.tag}' er ikke tilladt", "fjern mærket", node.start_mark)
        result: dict[str, Any] = {}
        positions = self.document.positions
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(
                    "ugyldig-nøgle",
                    "en feltnøgle skal være et enkelt ord",
                    "skriv fx 'titel: ...'",
                    key_node.start_mark,
                )
            key = str(key_node.value)
            child = (*at, key)
            self.current_at = child
            if key in result:
                line, col = _mark(key_node.start_mark)
                first = positions.get(("<key>", *child), (line, col))[0]
                self.problems.append(
                    Problem(
                        self.document.path,
                        line,
                        col,
                        self.current_field,
                        "dublet-felt",
                        f"feltet '{key}' står to gange (første gang i linje {first})",
                        "slet den ene linje, så feltet kun står én gang",
                    )
                )
                continue
            mark = key_node.start_mark
            positions[("<key>", *child)] = (mark.line + 1, mark.column + 1)
            result[key] = self.value(value_node, child, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            if node.style == '"' and _SURROGATE.search(text):  # libyaml refuses these; pure-Python PyYAML lets them in
                raise _Refused("yaml-syntaks", UNICODE_ESCAPE, UNICODE_ESCAPE_HINT, node.start_mark)
            return text
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return text.lower() == "true"
        if tag == _INT:
            return int(text) if len(text) <= 18 else text
        if tag == _FLOAT:
            return float(text) if len(text) <= 40 else text
        raise _Refused(
            "yaml-tag", f"mærket '{tag}' er ikke tilladt", "fjern mærket, og skriv værdien som tekst", node.start_mark
        )


def _dotted(at: Path_) -> str:
    out = ""
    for part in at:
        if part == "<key>":
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted
