"""The YAML reader's exact words and positions: each refusal, each syntax message and each scalar rule.

test_yamlsource.py checks that the messages are ours whichever parser runs; here each is written out, so a
changed word, a swapped message or a moved limit fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from videre.core.yamlsource import Document, dotted, load, parse, read_text

INDENT = (
    "indrykningen passer ikke, eller et kolon mangler",
    "tjek indrykningen (to mellemrum pr. niveau) og sæt tekst med kolon i anførselstegn",
)
UNREADABLE = (
    "YAML kan ikke læse en værdi på linjen",
    "sæt teksten i anførselstegn, eller fjern tegnet '*' eller '\\' i starten",
)
UNCLOSED = (
    "en liste eller et objekt med [ ] eller { } er ikke lukket",
    "luk med ']' eller '}', eller skriv listen med '- '",
)
OPEN_QUOTE = (
    "en tekst i anførselstegn er ikke lukket",
    "slut teksten med det samme anførselstegn, som den begynder med",
)


@pytest.mark.parametrize(
    "text, line, column, message, hint",
    [
        (
            "a: b: c\n",
            1,
            5,
            "der står et kolon midt i en værdi",
            'sæt hele teksten i anførselstegn, fx titel: "Træning: krop og hoved"',
        ),
        ("a:\n\tb: 1\n", 2, 1, "linjen indeholder et tabulatortegn", "brug mellemrum til indrykning, ikke tabulator"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, *INDENT),
        (
            "a: 1\n---\nb: 2\n",
            2,
            1,
            "filen indeholder mere end én post (en linje med '---' midt i filen)",
            "en fil er én post; slet linjen '---' og flyt resten til en ny fil",
        ),
        ("a: @x\n", 1, 4, "linjen starter med et tegn, YAML ikke tillader her", "sæt teksten i anførselstegn"),
        (
            'a: "\\ud800"\n',
            1,
            7,
            "en \\u-kode i teksten er ikke et gyldigt tegn",
            "skriv tegnet direkte i stedet for koden",
        ),
        (
            'a: "\\q"\n',
            1,
            5,
            "en '\\\\' i teksten indleder en ukendt kode",
            "skriv '\\\\\\\\' for en skråstreg, eller brug enkelte anførselstegn",
        ),
        ("a: *x\n", 1, 4, *UNREADABLE),
        ("a: [1, 2\n", 2, 1, *UNCLOSED),
        ("a: {b: 1\n", 2, 1, *UNCLOSED),
        ('a: "abc\n', 2, 1, *OPEN_QUOTE),
        ("a: 'abc\n", 2, 1, *OPEN_QUOTE),
        ("a: &\n", 1, 5, *UNREADABLE),
        ("a: |\n x\n  y\nb\n", 5, 1, *INDENT),
        (
            "%FOO\n",
            1,
            5,
            "en linje begynder med '%', som YAML læser som en særlig kommando",
            "sæt teksten i anførselstegn",
        ),
    ],
)
def test_syntax_messages_word_for_word(text, line, column, message, hint):
    document, problems = parse(Path("x.yaml"), text)
    assert document is None
    assert [(p.line, p.column, p.field, p.rule, p.message, p.hint) for p in problems] == [
        (line, column, "", "yaml-syntaks", message, hint)
    ]


def _refused(text: str) -> tuple:
    document, problems = parse(Path("x.yaml"), text)
    assert document is None
    [p] = problems
    return p.line, p.column, p.field, p.rule, p.message, p.hint


def test_an_alias_is_refused_at_the_anchored_value_it_repeats():
    assert _refused("a: &x [1]\nb: *x\n") == (
        1,
        4,
        "b",
        "anker-alias",
        "ankre og aliasser ('&' og '*') er ikke tilladt",
        "skriv værdien ud hvert sted, den skal bruges",
    )


def test_an_anchor_alone_is_allowed():
    document, problems = parse(Path("x.yaml"), "a: &x [1]\nb: '&'\n")
    assert problems == [] and document.data == {"a": [1], "b": "&"}


@pytest.mark.parametrize(
    "text, line, column, field, message, hint",
    [
        (
            "a: !!python/object:os.system x\n",
            1,
            4,
            "a",
            "mærket 'tag:yaml.org,2002:python/object:os.system' er ikke tilladt",
            "fjern mærket, og skriv værdien som tekst",
        ),
        ("a: !!omap {b: 1}\n", 1, 4, "a", "mærket 'tag:yaml.org,2002:omap' er ikke tilladt", "fjern mærket"),
        ("a: !!set [b]\n", 1, 4, "a", "mærket 'tag:yaml.org,2002:set' er ikke tilladt", "fjern mærket"),
        ("a: !egen x\n", 1, 4, "a", "mærket '!egen' er ikke tilladt", "fjern mærket, og skriv værdien som tekst"),
    ],
)
def test_tags_are_refused(text, line, column, field, message, hint):
    assert _refused(text) == (line, column, field, "yaml-tag", message, hint)


def test_a_key_must_be_one_word():
    line, column, _, rule, message, hint = _refused("a: 1\n[b, c]: 2\n")
    assert (line, column, rule, message, hint) == (
        2,
        1,
        "ugyldig-nøgle",
        "en feltnøgle skal være et enkelt ord",
        "skriv fx 'titel: ...'",
    )
    assert _refused("!!merge <<: {a: 1}\n")[3] == "ugyldig-nøgle"


def test_a_duplicate_key_names_the_first_line_and_keeps_the_first_value():
    document, problems = parse(Path("x.yaml"), "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    assert document.data == {"a": 1, "b": {"c": 1}}
    assert [(p.line, p.column, p.field, p.rule, p.message, p.hint) for p in problems] == [
        (
            4,
            3,
            "b.c",
            "dublet-felt",
            "feltet 'c' står to gange (første gang i linje 3)",
            "slet den ene linje, så feltet kun står én gang",
        ),
        (
            5,
            1,
            "a",
            "dublet-felt",
            "feltet 'a' står to gange (første gang i linje 1)",
            "slet den ene linje, så feltet kun står én gang",
        ),
    ]


def nested(levels: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(levels)) + "  " * levels + "v\n"


def test_too_deep_and_too_many_values_in_words():
    assert _refused(nested(13)) == (
        14,
        27,
        "k0.k1.k2.k3.k4.k5.k6.k7.k8.k9.k10.k11.k12",
        "for-dyb",
        "værdierne er indrykket mere end 12 niveauer",
        "fjern de ekstra niveauer; se eksemplerne i CONTRIBUTING.md",
    )
    assert _refused("a: [" + ",".join(["1"] * 19_999) + "]\n")[2:] == (
        "a",
        "for-mange-værdier",
        "filen har mere end 20.000 værdier",
        "en post er ét tilbud; del filen op",
    )


@pytest.mark.parametrize(
    "text, value",
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
        ("tRue", "tRue"),
        ("yes", "yes"),
        ("on", "on"),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("", None),
        ("nULL", "nULL"),
        ("0", 0),
        ("-12", -12),
        ("+7", 7),
        ("007", 7),
        ("0x1f", "0x1f"),
        ("1_000", "1_000"),
        ("0o17", "0o17"),
        ("9" * 18, 10**18 - 1),
        ("9" * 19, "9" * 19),
        ("1.5", 1.5),
        ("-.5", -0.5),
        ("1e3", "1e3"),
        ("1.0e3", 1000.0),
        (".inf", ".inf"),
        (".nan", ".nan"),
        ("1." + "0" * 38, 1.0),
        ("1." + "0" * 39, "1." + "0" * 39),
        ("2026-01-02", "2026-01-02"),
        ("8:15", "8:15"),
        ("'true'", "true"),
        ('"12"', "12"),
    ],
)
def test_scalars(text, value):
    document, problems = parse(Path("x.yaml"), f"a: {text}\n")
    assert problems == []
    assert document.data["a"] == value and type(document.data["a"]) is type(value)


def test_positions_fall_back_to_the_nearest_parent_and_to_the_top():
    document, _ = parse(Path("x.yaml"), "a: 1\nb:\n  - x\n  - {c: 2}\n")
    assert document.positions[()] == (1, 1)
    assert document.where(("b", 1, "c")) == (4, 9)
    assert document.where(("b", 1, "zzz")) == (4, 5)
    assert document.where(("zzz", 3)) == (1, 1)
    assert document.key_position(("b",)) == (2, 1)
    assert document.key_position(("b", 1, "c")) == (4, 6)
    assert document.key_position(("b", 0)) == (3, 5)  # a list item has no key: its value's position
    assert Document(Path("x.yaml"), None).where(("a",)) == (1, 1)
    assert document.lines == ["a: 1", "b:", "  - x", "  - {c: 2}"]
    problem = document.problem_at(("b", 1, "c"), "regel", "besked", "hint")
    assert (problem.file, problem.line, problem.column, problem.field, problem.rule, problem.message, problem.hint) == (
        Path("x.yaml"),
        4,
        9,
        "b[1].c",
        "regel",
        "besked",
        "hint",
    )


def test_dotted_names():
    assert dotted(()) == ""
    assert dotted(("a",)) == "a"
    assert dotted(("a", 0, "b", 12)) == "a[0].b[12]"
    assert dotted((0, "a")) == "[0].a"
    assert dotted(("<key>", "a", "b")) == "a.b"


def test_an_empty_file_is_a_document_without_values():
    document, problems = parse(Path("x.yaml"), "")
    assert problems == [] and document.data is None and document.positions == {}
    document, problems = parse(Path("x.yaml"), "# kun en kommentar\n")
    assert problems == [] and document.data is None


def _read(tmp_path: Path, raw: bytes) -> tuple:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    text, problems = read_text(path)
    assert text is None
    [p] = problems
    return p.line, p.column, p.field, p.rule, p.message, p.hint


def test_bytes_that_are_not_text_in_words(tmp_path):
    assert _read(tmp_path, b"a: 1\nb: 2\x00\n") == (
        2,
        1,
        "",
        "nul-tegn",
        "filen indeholder et NUL-tegn (byte 0)",
        "gem filen igen som almindelig tekst (UTF-8)",
    )
    assert _read(tmp_path, b"a: 1\nb: \xe6ble\n") == (
        2,
        4,
        "",
        "ikke-utf8",
        "filen er ikke gemt som UTF-8 (ugyldig byte 0xe6)",
        "gem filen som UTF-8; i Notesblok vælger du 'UTF-8' under 'Kodning'",
    )
    assert _read(tmp_path, b"\xff") == (
        1,
        1,
        "",
        "ikke-utf8",
        "filen er ikke gemt som UTF-8 (ugyldig byte 0xff)",
        "gem filen som UTF-8; i Notesblok vælger du 'UTF-8' under 'Kodning'",
    )
    assert _read(tmp_path, b"a: " + b"x" * (256 * 1024 - 2)) == (
        1,
        1,
        "",
        "for-stor-fil",
        "filen fylder 262.145 byte, og grænsen er 262.144",
        "del indholdet op, eller fjern lange tekster",
    )


def test_a_folder_is_not_a_readable_file(tmp_path):
    text, [problem] = read_text(tmp_path)
    assert text is None
    assert (problem.line, problem.column, problem.rule, problem.message, problem.hint) == (
        1,
        1,
        "ulæselig-fil",
        "filen kan ikke læses (Is a directory)",
        "tjek at filen findes og ikke er en mappe",
    )


def test_a_control_character_is_named_with_its_position(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\nb: x\x07y\n")
    document, [problem] = load(path)
    assert document is None
    assert (problem.line, problem.column, problem.rule, problem.message, problem.hint) == (
        2,
        5,
        "ugyldigt-tegn",
        "filen indeholder et usynligt styretegn (U+0007)",
        "slet tegnet; det kommer tit med, når tekst kopieres fra et andet program",
    )


def test_load_reads_and_parses(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("titel: Gåtur\n", encoding="utf-8")
    document, problems = load(path)
    assert problems == [] and document.data == {"titel": "Gåtur"} and document.path == path
    assert document.text == "titel: Gåtur\n"
