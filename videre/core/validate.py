"""Check parsed YAML against a record schema and explain each problem in Danish.

This module compiles the published JSON Schema itself (the subset that
:mod:`videre.core.schema` produces), so the validator and the schema cannot drift.
A test checks that it agrees with the reference ``jsonschema`` library. It
also runs the checks on text that JSON Schema cannot express: no raw HTML, no
CPR numbers, only safe link schemes, real and not future dates.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import schema as S
from .errors import Problem
from .text import find_html, find_unsafe_links
from .yamlsource import Document, Path_, dotted

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "et helt tal",
    "number": "et tal",
    "boolean": "true eller false",
    "array": "en liste",
    "object": "en gruppe af felter",
}

_PATTERN_RULES = {
    S.PHONE_PATTERN: "ugyldig-telefon",
    S.EMAIL_PATTERN: "ugyldig-email",
    S.HTTPS_PATTERN: "ugyldig-link",
    S.DATE_PATTERN: "ugyldig-dato",
    S.VISIBLE_TEXT_PATTERN: "usynligt-tegn",
}
_HIDDEN = re.compile(f"[{S.HIDDEN_CHARACTERS}]")
TOO_SHORT_FIX = "skriv lidt mere, så læseren forstår det"
TOO_LONG_FIX = "skriv kortere; flyt detaljer til tilbuddets egen side"
"""The fixes for 'for-kort' and 'for-lang'; the form (videre.pages.editor) shows the same words."""

_CPR = re.compile(
    r"(?<![0-9])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])([0-9]{2})[-\u2010-\u2015\u2212 ]?([0-9]{4})(?![0-9])"
)
"""DDMMYY, an optional hyphen, dash or space, four digits (after NFKC: fullwidth digits count too)."""
_SIX_DIGITS = re.compile(r"[0-9]{6}")
"""What every match of _CPR holds (its DDMMYY): found three times faster, so text without it skips _CPR."""


def describe(value: Any) -> str:
    """A value as a contributor would recognise it, never a Python repr."""
    if value is None:
        return "tom"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"tallet {value}"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "en gruppe af felter"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def fold(text: str) -> str:
    """Fold case and Danish letters so 'Kognitiv træning' finds 'kognitiv-traening'."""
    text = text.strip().lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), (" ", "-"), ("_", "-")):
        text = text.replace(a, b)
    return text


def closest(value: str, options: list[str]) -> str | None:
    folded = {fold(o): o for o in options}
    if fold(value) in folded:
        return folded[fold(value)]
    match = difflib.get_close_matches(fold(value), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def list_options(options: list[str], limit: int = 8) -> str:
    shown = ", ".join(f"'{o}'" for o in options[:limit])
    return shown + (f" og {len(options) - limit} flere" if len(options) > limit else "")


_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE_IN_TEXT = re.compile(r"(?<![0-9])(\+45 ?)?[0-9]{2}( ?[0-9]{2}){3}(?![0-9])")


def personal_data(text: str) -> str | None:
    """'en e-mailadresse' or 'et telefonnummer' when free text holds one (for anonymous texts, ``x-anonym``)."""
    if "@" in text and _EMAIL_IN_TEXT.search(text):
        return "en e-mailadresse"
    if _PHONE_IN_TEXT.search(text):
        return "et telefonnummer"
    return None


CPR_LENGTH = 10
"""A CPR number has ten digits: shorter text needs no look (most values are short)."""


def cpr_like(text: str) -> bool:
    """A valid DDMMYY date followed by four digits, as in a Danish CPR number."""
    if len(text) < CPR_LENGTH:
        return False
    if not unicodedata.is_normalized("NFKC", text):  # most text is: then there is nothing to copy
        text = unicodedata.normalize("NFKC", text)
    if not _SIX_DIGITS.search(text):
        return False
    for match in _CPR.finditer(text):
        day, month, year = (int(g) for g in match.groups()[:3])
        for century in (1900, 2000):
            try:
                dt.date(century + year, month, day)
                return True
            except ValueError:
                continue
    return False


Check = Callable[[Document, Any, Path_, list[Problem]], None]
"""One schema node, compiled: it appends the problems of ``value`` at path ``at`` of ``doc`` to the list."""


class Validator:
    """Validate documents of one record kind against its schema.

    The schema is compiled once into a tree of small checks, one per schema node, each knowing its own
    keywords. The per-value work is then a call and a few comparisons instead of dictionary lookups and
    generators: at national scale (6,000 files, 200,000 values) that halves validation. The messages come
    from the same methods either way.
    """

    def __init__(self, schema: Mapping[str, Any], today: dt.date):
        self.schema = schema
        self.today = today
        self._root = self._compile(schema)

    def problems(self, document: Document) -> list[Problem]:
        found: list[Problem] = []
        self._root(document, document.data, (), found)
        return found

    # ------------------------------------------------------------------ helpers

    def _problem(self, doc: Document, at: Path_, rule: str, message: str, hint: str, *, key: bool = False) -> Problem:
        line, col = doc.key_position(at) if key else doc.where(at)
        return Problem(doc.path, line, col, dotted(at), rule, message, hint)

    # ------------------------------------------------------------------ compiling

    def _compile(self, schema: Mapping[str, Any]) -> Check:
        expected = schema.get("type")
        if isinstance(expected, list):
            return self._either(schema, expected)
        type_ok = _TYPE_TESTS[expected]
        body: Check | None = None
        if expected == "object":
            body = self._object(schema)
        elif expected == "array":
            body = self._array(schema)
        elif expected == "string":
            body = self._string(schema)
        elif expected in ("integer", "number"):
            body = self._number(schema)
        type_problem = self._type_problem

        def check(doc: Document, value: Any, at: Path_, out: list[Problem]) -> None:
            if not type_ok(value):
                out.append(type_problem(doc, schema, value, at, _name(at)))
            elif body is not None:
                body(doc, value, at, out)

        return check

    def _either(self, schema: Mapping[str, Any], expected: list[str]) -> Check:
        """A value of one of several types (``"type": ["object", "string"]``), each checked by its own keywords."""
        branches = [(_TYPE_TESTS[t], self._compile({**schema, "type": t})) for t in expected]
        type_problem = self._type_problem

        def check(doc: Document, value: Any, at: Path_, out: list[Problem]) -> None:
            for type_ok, body in branches:
                if type_ok(value):
                    body(doc, value, at, out)
                    return
            out.append(type_problem(doc, schema, value, at, _name(at)))

        return check

    def _type_problem(self, doc: Document, schema: Mapping[str, Any], value: Any, at: Path_, name: str) -> Problem:
        expected = schema.get("type", "")
        if isinstance(expected, list):
            wanted = " eller ".join(_TYPE_NAMES.get(t, t) for t in expected)
            return self._problem(
                doc,
                at,
                "forkert-type",
                f"'{name}' skal være {wanted}, men er {describe(value)}",
                schema.get("x-type-hint", "se feltets beskrivelse i feltreferencen"),
            )
        if value is None:
            example = _example(schema)
            return self._problem(
                doc,
                at,
                "tom-værdi",
                f"'{name}' er tom",
                f"skriv en værdi, fx {example}" if example else "skriv en værdi, eller slet feltet",
            )
        quoted = f'"{value}"' if isinstance(value, (int, float)) and not isinstance(value, bool) else '"..."'
        hint = {
            "string": f"sæt værdien i anførselstegn, fx {quoted}",
            "boolean": "skriv true eller false (små bogstaver)",
            "array": "skriv hver værdi på sin egen linje med '- ' foran",
            "object": "indryk felterne under med to mellemrum; se eksemplet i CONTRIBUTING.md",
            "integer": "skriv et helt tal uden anførselstegn, fx 18",
            "number": "skriv kun tallet uden enhed og anførselstegn, med punktum i stedet for komma, fx 90.1",
        }.get(expected, "se feltets beskrivelse i feltreferencen")
        hint = schema.get("x-type-hint", hint)
        return self._problem(
            doc,
            at,
            "forkert-type",
            f"'{name}' skal være {_TYPE_NAMES.get(expected, expected)}, men er {describe(value)}",
            hint,
        )

    def _object(self, schema: Mapping[str, Any]) -> Check:
        properties: Mapping[str, Any] = schema.get("properties", {})
        checks = {key: self._compile(child) for key, child in properties.items()}
        required_fields = tuple(schema.get("required", ()))
        closed = schema.get("additionalProperties", True) is False
        renamed: Mapping[str, str] = schema.get("x-renamed", {})
        condition = schema.get("if")
        branches = self._branches(schema)
        order = tuple((key, child["x-not-after"]) for key, child in properties.items() if "x-not-after" in child)
        problem = self._problem
        sequence = self._sequence

        def check(doc: Document, value: dict, at: Path_, out: list[Problem]) -> None:
            for required in required_fields:
                if required not in value:
                    example = _example(properties.get(required, {}))
                    full = dotted((*at, required))
                    hint = f"tilføj fx '{required}: {example}'" if example else f"tilføj feltet '{required}'"
                    out.append(problem(doc, at, "mangler-felt", f"påkrævet felt '{full}' mangler", hint))
            branch = branches[matches(condition, value)] if branches else None
            forbidden = branch.forbidden if branch is not None else _NOTHING
            for key, item in value.items():
                child = checks.get(key)
                if child is not None:
                    if key not in forbidden:  # one message for a field that must go, not a list of fixes to it
                        child(doc, item, (*at, key), out)
                    continue
                if not closed:
                    continue
                full = dotted((*at, key))
                if key in S.PERSON_FIELDS:
                    hint = f"skriv en rolle i '{S.PERSON_FIELDS[key]}' i stedet; siden viser aldrig personers navne"
                elif key in renamed:
                    hint = f"feltet hedder nu '{renamed[key]}'"
                else:
                    guess = closest(key, list(properties))
                    hint = f"mente du '{guess}'?" if guess else f"tilladte felter her: {list_options(list(properties))}"
                out.append(problem(doc, (*at, key), "ukendt-felt", f"ukendt felt '{full}'", hint, key=True))
            if branch is not None:
                branch.check(doc, value, at, out)
            for key, other in order:
                if key in value and other in value:
                    sequence(doc, value, at, key, other, out)

        return check

    def _branches(self, schema: Mapping[str, Any], outer: str = "") -> dict[bool, _Branch | None]:
        """The compiled ``then`` and ``else`` of a schema's ``if`` (none without one); ``outer`` is the
        condition of the branch that holds this ``if``, for the message."""
        condition = schema.get("if")
        branches: dict[bool, _Branch | None] = {}
        if isinstance(condition, Mapping):
            for holds in (True, False):
                branch = schema.get("then" if holds else "else")
                because = condition_text(condition, holds)
                if outer:
                    because = f"{outer} og {because.removeprefix('posten ')}"
                branches[holds] = self._branch(branch, because) if isinstance(branch, Mapping) and branch else None
        return branches

    def _sequence(self, doc: Document, value: dict, at: Path_, key: str, other: str, out: list[Problem]) -> None:
        """``x-not-after``: a date that may not lie after a sibling date (both already checked as dates)."""
        try:
            day, limit = dt.date.fromisoformat(value[key]), dt.date.fromisoformat(value[other])
        except (TypeError, ValueError):
            return
        if day > limit:
            out.append(
                self._problem(
                    doc,
                    (*at, key),
                    "dato-efter",
                    f"'{dotted((*at, key))}' ({day.isoformat()}) ligger efter "
                    f"'{dotted((*at, other))}' ({limit.isoformat()})",
                    f"'{key}' kan ikke være senere end '{other}'; tjek begge datoer",
                )
            )

    def _branch(self, branch: Mapping[str, Any], because: str) -> _Branch:
        """``then``/``else`` of an ``if``: fields that one value of another field requires or forbids,
        and a further ``if`` inside it."""
        required_fields = tuple(branch.get("required", ()))
        children = [
            (key, child if child is False else self._compile(child))
            for key, child in branch.get("properties", {}).items()
            if child is False or isinstance(child, Mapping)
        ]
        problem = self._problem
        inner_condition = branch.get("if")
        inner = self._branches(branch, because) if isinstance(inner_condition, Mapping) else {}

        def check(doc: Document, value: dict, at: Path_, out: list[Problem]) -> None:
            if inner:
                holds = inner[matches(inner_condition, value)]
                if holds is not None:
                    holds.check(doc, value, at, out)
            for required in required_fields:
                if required not in value:
                    full = dotted((*at, required))
                    out.append(
                        problem(
                            doc,
                            at,
                            "mangler-felt",
                            f"påkrævet felt '{full}' mangler, fordi {because}",
                            branch.get("x-hint", f"tilføj feltet '{required}'"),
                        )
                    )
            for key, child in children:
                if key not in value:
                    continue
                if child is False:
                    full = dotted((*at, key))
                    out.append(
                        problem(
                            doc,
                            (*at, key),
                            "ikke-tilladt",
                            f"'{full}' må ikke stå her, fordi {because}",
                            branch.get("x-hint", f"slet '{full}'"),
                            key=True,
                        )
                    )
                else:
                    child(doc, value[key], (*at, key), out)

        forbidden = frozenset(k for k, child in branch.get("properties", {}).items() if child is False)
        return _Branch(forbidden, check)

    def _array(self, schema: Mapping[str, Any]) -> Check:
        minimum = schema.get("minItems", 0)
        unique = bool(schema.get("uniqueItems"))
        items = self._compile(schema["items"]) if schema.get("items") else None
        problem = self._problem

        def check(doc: Document, value: list, at: Path_, out: list[Problem]) -> None:
            name = _name(at) if len(value) < minimum or unique else ""
            if len(value) < minimum:
                example = _example(schema)
                out.append(
                    problem(
                        doc,
                        at,
                        "for-få",
                        f"'{name}' skal have mindst {minimum} {'værdi' if minimum == 1 else 'værdier'}",
                        f"tilføj fx {example}" if example else "tilføj en værdi",
                    )
                )
            if unique:
                seen: set[str] = set()
                for index, item in enumerate(value):
                    marker = repr(item)
                    if marker in seen:
                        out.append(
                            problem(
                                doc,
                                (*at, index),
                                "dublet-værdi",
                                f"'{name}' har {describe(item)} to gange",
                                "slet den ene",
                            )
                        )
                    seen.add(marker)
            if items is not None:
                for index, item in enumerate(value):
                    items(doc, item, (*at, index), out)

        return check

    def _string(self, schema: Mapping[str, Any]) -> Check:
        options = schema.get("enum")
        problem = self._problem
        if options is not None:
            allowed = frozenset(options)
            enum_problem = self._enum_problem

            def check_enum(doc: Document, value: str, at: Path_, out: list[Problem]) -> None:
                if value not in allowed:
                    out.append(enum_problem(doc, schema, value, at, _name(at), options))

            return check_enum
        shortest, longest = schema.get("minLength", 0), schema.get("maxLength", 1 << 30)
        anonymous, markdown = bool(schema.get("x-anonym")), bool(schema.get("x-markdown"))
        pattern = schema.get("pattern")
        search = re.compile(pattern).search if pattern else None
        date = self._date if schema.get("format") == "date" else None
        pattern_problem = self._pattern_problem

        def check(doc: Document, value: str, at: Path_, out: list[Problem]) -> None:
            name = _LazyName(at)
            if len(value) < shortest:
                out.append(
                    problem(
                        doc,
                        at,
                        "for-kort",
                        f"'{name}' er for kort ({len(value)} tegn, mindst {shortest})",
                        TOO_SHORT_FIX,
                    )
                )
                return
            if len(value) > longest:
                out.append(
                    problem(
                        doc, at, "for-lang", f"'{name}' er for lang ({len(value)} tegn, højst {longest})", TOO_LONG_FIX
                    )
                )
                return
            html = find_html(value)
            if html:
                out.append(
                    problem(
                        doc,
                        at,
                        "html-ikke-tilladt",
                        f"'{name}' indeholder HTML ('{html}')",
                        "skriv almindelig tekst; brug **fed**, *kursiv* og [tekst](https://…) i stedet",
                    )
                )
            if len(value) >= CPR_LENGTH and cpr_like(value):
                out.append(
                    problem(
                        doc,
                        at,
                        "cpr-nummer",
                        f"'{name}' indeholder noget, der ligner et CPR-nummer",
                        "fjern nummeret; siden må aldrig vise personoplysninger",
                    )
                )
            if anonymous:
                found = personal_data(value)
                if found:
                    out.append(
                        problem(
                            doc,
                            at,
                            "personoplysning",
                            f"'{name}' indeholder {found}",
                            "fjern det; eksempler skal være anonyme, så skriv fx 'hun ringede til kommunen'",
                        )
                    )
            if markdown:
                for link in find_unsafe_links(value):
                    out.append(
                        problem(
                            doc,
                            at,
                            "ugyldig-link",
                            f"'{name}' har et link, der ikke er tilladt ('{link}')",
                            "links skal starte med https://, mailto: eller tel:",
                        )
                    )
            if search is not None and not search(value):
                out.append(pattern_problem(doc, schema, value, at, name, pattern))
                return
            if date is not None:
                date(doc, schema, value, at, name, out)

        return check

    def _enum_problem(
        self, doc: Document, schema: Mapping[str, Any], value: str, at: Path_, name: str, options: list[str]
    ) -> Problem:
        guess = closest(value, options) if isinstance(value, str) else None
        is_place = any(o == "esbjerg" for o in options)
        rule = "ukendt-kommune" if is_place else "ugyldig-værdi"
        what = "henviser til kommunen" if is_place else "har værdien"
        hint = (
            f"mente du '{guess}'?" if guess else (schema.get("x-hint") or f"tilladte værdier: {list_options(options)}")
        )
        return self._problem(
            doc,
            at,
            rule,
            f"'{name}' {what} {describe(value)}, som ikke findes"
            if is_place
            else f"'{name}' {what} {describe(value)}, som ikke er tilladt",
            hint,
        )

    def _pattern_problem(
        self, doc: Document, schema: Mapping[str, Any], value: str, at: Path_, name: Any, pattern: str
    ) -> Problem:
        rule = _PATTERN_RULES.get(pattern, "ugyldig-værdi")
        hint = schema.get("x-hint", "se feltets beskrivelse i feltreferencen")
        if rule == "ugyldig-link":
            scheme = value.split(":", 1)[0].lower() if ":" in value else ""
            if scheme and scheme != "https":
                return self._problem(
                    doc, at, rule, f"'{name}' skal starte med 'https://', men starter med '{scheme}:'", hint
                )
        if rule == "usynligt-tegn":
            found = _HIDDEN.search(value)
            where = f"U+{ord(found.group()):04X} ved tegn {found.start() + 1}" if found else "?"
            return self._problem(
                doc,
                at,
                rule,
                f"'{name}' har et usynligt tegn eller et tegn, der vender skriveretningen ({where})",
                hint,
            )
        labels = {
            "ugyldig-telefon": "et telefonnummer",
            "ugyldig-email": "en e-mailadresse",
            "ugyldig-link": "en webadresse",
            "ugyldig-dato": "en dato",
        }
        what = labels.get(rule, "en gyldig værdi")
        return self._problem(doc, at, rule, f"'{name}' er ikke {what}: {describe(value)}", hint)

    def _date(
        self, doc: Document, schema: Mapping[str, Any], value: str, at: Path_, name: Any, out: list[Problem]
    ) -> None:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            out.append(
                self._problem(
                    doc,
                    at,
                    "ugyldig-dato",
                    f"'{name}' er ikke en rigtig dato: {describe(value)}",
                    schema.get("x-hint", "skriv ÅÅÅÅ-MM-DD"),
                )
            )
            return
        if schema.get("x-no-future") and day > self.today:
            out.append(
                self._problem(
                    doc,
                    at,
                    "fremtidig-dato",
                    f"'{name}' ligger i fremtiden ({value}, og i dag er {self.today.isoformat()})",
                    schema.get("x-no-future-hint", "skriv den dato, oplysningerne faktisk blev tjekket"),
                )
            )

    def _number(self, schema: Mapping[str, Any]) -> Check:
        low, high = schema.get("minimum"), schema.get("maximum")
        options = schema.get("enum")
        problem, enum_problem = self._problem, self._enum_problem

        def check(doc: Document, value: int | float, at: Path_, out: list[Problem]) -> None:
            if (low is not None and value < low) or (high is not None and value > high):
                name = _LazyName(at)
                out.append(
                    problem(
                        doc,
                        at,
                        "uden-for-grænse",
                        f"'{name}' er {value}, men skal være mellem {low} og {high}",
                        f"skriv et tal fra {low} til {high}",
                    )
                )
            elif options is not None and value not in options:
                out.append(enum_problem(doc, schema, value, at, _LazyName(at), options))  # type: ignore[arg-type]

        return check


@dataclass(frozen=True)
class _Branch:
    """A compiled ``then`` or ``else``: the fields it forbids (skipped by the object's own checks) and its check."""

    forbidden: frozenset[str]
    check: Check


_NOTHING: frozenset[str] = frozenset()


def matches(schema: Any, value: Any) -> bool:
    """Whether ``value`` meets an ``if`` condition (the keywords :mod:`videre.core.schema` uses there)."""
    if isinstance(schema, bool):
        return schema
    if "const" in schema and not _same(schema["const"], value):
        return False
    if "enum" in schema and not any(_same(option, value) for option in schema["enum"]):
        return False
    if not _type_ok(schema.get("type"), value):
        return False
    if isinstance(value, dict):
        if any(name not in value for name in schema.get("required", ())):
            return False
        return all(matches(child, value[name]) for name, child in schema.get("properties", {}).items() if name in value)
    return True


def _same(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1, and 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return bool(a == b)


def condition_text(condition: Mapping[str, Any], holds: bool) -> str:
    """ "posten har 'eksempel: true'" or "posten ikke har 'eksempel: true'", for messages; a condition that only
    requires a field reads "posten (ikke) har 'sidst_bekræftet'"."""
    parts = [
        f"'{name}: {_yaml_value(child['const'])}'"
        for name, child in condition.get("properties", {}).items()
        if isinstance(child, Mapping) and "const" in child
    ]
    parts = parts or [f"'{name}'" for name in condition.get("required", ())]
    fields = " og ".join(parts) or "de felter, skemaet kræver"
    return f"posten har {fields}" if holds else f"posten ikke har {fields}"


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _name(at: Path_) -> str:
    """A field's name in messages (computed only when there is a problem)."""
    return dotted(at) or "filen"


class _LazyName:
    """A field name that is only worked out when a message needs it (most values have no problem)."""

    __slots__ = ("at",)

    def __init__(self, at: Path_):
        self.at = at

    def __str__(self) -> str:
        return _name(self.at)

    def __format__(self, spec: str) -> str:  # f-strings call this
        return format(_name(self.at), spec)


_TYPE_TESTS: dict[str | None, Callable[[Any], bool]] = {
    None: lambda value: True,
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    "string": lambda value: isinstance(value, str),
    "boolean": lambda value: isinstance(value, bool),
    "array": lambda value: isinstance(value, list),
    "object": lambda value: isinstance(value, dict),
}
"""JSON Schema's types as Python tests on parsed YAML: true is a boolean, never an integer."""


def _type_ok(expected: str | None, value: Any) -> bool:
    return _TYPE_TESTS[expected](value)


def _example(schema: Mapping[str, Any]) -> str:
    examples = schema.get("examples")
    if not examples:
        return ""
    example = examples[0]
    if isinstance(example, bool):
        return "true" if example else "false"
    if isinstance(example, list):
        return "[" + ", ".join(str(e) for e in example) + "]"
    if isinstance(example, str):
        return example
    return str(example)


SUPPORTED_KEYWORDS = frozenset(
    {
        "$schema",
        "$id",
        "title",
        "description",
        "examples",
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "minItems",
        "uniqueItems",
        "enum",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "if",
        "then",
        "else",
        "const",
    }
)
"""The JSON Schema keywords this validator understands; a test keeps schemas inside it."""
