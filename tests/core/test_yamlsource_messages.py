"""The YAML reader's exact words and positions: each refusal, each syntax message and each scalar rule.

test_yamlsource.py checks that the messages are ours whichever parser runs; here each is written out, so a
changed word, a swapped message or a moved limit fails."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from videre.core import yamlsource
from videre.core.errors import Problem
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
        # A tab on the first line: libyaml's words do not say "tab", the line itself does.
        ("\ta: 1\n", 1, 1, "linjen indeholder et tabulatortegn", "brug mellemrum til indrykning, ikke tabulator"),
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
    assert problems == [Problem(Path("x.yaml"), line, column, "", "yaml-syntaks", message, hint)]


def _refused(text: str) -> tuple:
    document, problems = parse(Path("x.yaml"), text)
    assert document is None
    [p] = problems
    assert (p.file, p.level) == (Path("x.yaml"), "fejl")
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
    assert p.file == path
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
    assert read_text(tmp_path) == (
        None,
        [
            Problem(
                tmp_path,
                1,
                1,
                "",
                "ulæselig-fil",
                "filen kan ikke læses (Is a directory)",
                "tjek at filen findes og ikke er en mappe",
            )
        ],
    )


def test_a_control_character_is_named_with_its_position(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\nb: x\x07y\n")
    assert load(path) == (
        None,
        [
            Problem(
                path,
                2,
                5,
                "",
                "ugyldigt-tegn",
                "filen indeholder et usynligt styretegn (U+0007)",
                "slet tegnet; det kommer tit med, når tekst kopieres fra et andet program",
            )
        ],
    )


def test_load_reads_and_parses(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("titel: Gåtur\n", encoding="utf-8")
    document, problems = load(path)
    assert problems == [] and document.data == {"titel": "Gåtur"} and document.path == path
    assert document.text == "titel: Gåtur\n"


X = Path("x.yaml")
TOO_DEEP = (
    "for-dyb",
    "værdierne er indrykket mere end 12 niveauer",
    "fjern de ekstra niveauer; se eksemplerne i CONTRIBUTING.md",
)
TAB = ("yaml-syntaks", "linjen indeholder et tabulatortegn", "brug mellemrum til indrykning, ikke tabulator")


@pytest.mark.parametrize(
    "text, expected",
    [
        # 48 brackets deep passes the pre-scan; the reader then stops at the 13th level, where it is.
        ("[" * 48 + "1" + "]" * 48, [Problem(X, 1, 14, "", *TOO_DEEP)]),
        # 49 is refused by the pre-scan, before any parser runs, at the top of the file.
        ("[" * 49 + "1" + "]" * 49, [Problem(X, 1, 1, "", *TOO_DEEP)]),
        ("{a: " * 48 + "1" + "}" * 48, [Problem(X, 1, 53, "a.a.a.a.a.a.a.a.a.a.a.a.a", *TOO_DEEP)]),
        ("{a: " * 49 + "1" + "}" * 49, [Problem(X, 1, 1, "", *TOO_DEEP)]),
        # A closed list does not count towards the next one's depth...
        ("a: []\nb: " + "[" * 48 + "1" + "]" * 48 + "\n", [Problem(X, 2, 16, "b", *TOO_DEEP)]),
        # ...but one still open does: 1 + 48 levels.
        ("a: [[], " + "[" * 48 + "1" + "]" * 49 + "\n", [Problem(X, 1, 1, "", *TOO_DEEP)]),
        # 97 spaces inside a line are not indentation; 96 spaces of indentation are allowed, 97 are not.
        ("a: 'x" + " " * 97 + "y'\n", []),
        ("a:\n" + " " * 96 + "b: 1\n", []),
        ("a:\n" + " " * 97 + "b: 1\n", [Problem(X, 1, 1, "", *TOO_DEEP)]),
        # Compact nested lists: 48 dashes on one line pass the pre-scan, 49 do not; '? ' counts as a dash.
        ("- " * 48 + "x\n", [Problem(X, 1, 27, "", *TOO_DEEP)]),
        ("- " * 49 + "x\n", [Problem(X, 1, 1, "", *TOO_DEEP)]),
        ("? " * 49 + "x\n", [Problem(X, 1, 1, "", *TOO_DEEP)]),
        # Only '- ' with a space is counted: 48 of them and one '-<tab>' reach the parser, which names the tab.
        ("- " * 48 + "-\tx\n", [Problem(X, 1, 98, "", *TAB)]),
        ("- " + "-\t" * 48 + "x\n", [Problem(X, 1, 4, "", *TAB)]),
    ],
)
def test_nesting_pre_scan_edges(text, expected):
    assert parse(X, text)[1] == expected


def test_many_shallow_lists_side_by_side_are_not_deep():
    text = "a: [" + ",".join(["[[[1]]]"] * 60) + "]\n"
    document, problems = parse(X, text)
    assert problems == [] and document.data == {"a": [[[[1]]]] * 60}


def test_only_brackets_count_towards_depth_not_the_text_between_them():
    # Text between the brackets neither opens a level nor closes one.
    assert parse(X, "a: " + "[X, " * 49 + "1" + "]" * 49 + "\n")[1] == [Problem(X, 1, 1, "", *TOO_DEEP)]
    document, problems = parse(X, "a: [" + ", ".join(["[X]"] * 49) + "]\n")
    assert problems == [] and document.data == {"a": [["X"]] * 49}


def test_a_duplicate_key_names_the_line_of_the_first_and_later_keys_are_kept():
    document, problems = parse(X, "x: 1\na: 1\na: 2\nb: 3\n")
    assert document.data == {"x": 1, "a": 1, "b": 3}
    assert problems == [
        Problem(
            X,
            3,
            1,
            "a",
            "dublet-felt",
            "feltet 'a' står to gange (første gang i linje 2)",
            "slet den ene linje, så feltet kun står én gang",
        )
    ]


def test_too_many_values_is_reported_at_the_value_past_the_limit():
    assert parse(X, "a: [" + ",".join(["1"] * 19_999) + "]\n")[1] == [
        Problem(
            X,
            1,
            40_001,
            "a",
            "for-mange-værdier",
            "filen har mere end 20.000 værdier",
            "en post er ét tilbud; del filen op",
        )
    ]


def test_an_unknown_path_falls_back_to_where_the_values_begin():
    document, problems = parse(X, "# kommentar\n\na: 1\n")
    assert problems == [] and document.where(("zzz", 0)) == (3, 1) and document.where(()) == (3, 1)


def _write(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    return path


def test_a_leading_bom_is_dropped_from_the_text(tmp_path):
    assert read_text(_write(tmp_path, "\ufeffa: 1\n".encode())) == ("a: 1\n", [])


def test_the_first_nul_is_the_one_reported(tmp_path):
    path = _write(tmp_path, b"a: 1\x00\nb: 2\x00\n")
    assert read_text(path) == (
        None,
        [
            Problem(
                path,
                1,
                1,
                "",
                "nul-tegn",
                "filen indeholder et NUL-tegn (byte 0)",
                "gem filen igen som almindelig tekst (UTF-8)",
            )
        ],
    )


@pytest.mark.parametrize(
    "raw, line, column",
    [
        (b"a: \xe6\nb: 1\nc: 2\n", 1, 4),  # lines after the byte do not count
        (b"\nb: \xe6\n", 2, 4),  # a line break as the very first byte does
        (b"a: 1\nb: 2\nc: \xe6\n", 3, 4),  # the column counts from the last line break, not the first
    ],
)
def test_a_bad_byte_is_placed_by_line_and_column(tmp_path, raw, line, column):
    path = _write(tmp_path, raw)
    assert read_text(path) == (
        None,
        [
            Problem(
                path,
                line,
                column,
                "",
                "ikke-utf8",
                "filen er ikke gemt som UTF-8 (ugyldig byte 0xe6)",
                "gem filen som UTF-8; i Notesblok vælger du 'UTF-8' under 'Kodning'",
            )
        ],
    )


CONTROL = "slet tegnet; det kommer tit med, når tekst kopieres fra et andet program"


def test_a_control_character_as_the_first_character():
    assert parse(X, "\x07a: 1\n")[1] == [
        Problem(X, 1, 1, "", "ugyldigt-tegn", "filen indeholder et usynligt styretegn (U+0007)", CONTROL)
    ]


def _python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "_Loader", type("PyLoader", (yaml.SafeLoader,), {}))


def test_a_lone_surrogate_is_refused_where_the_pure_python_parser_lets_it_in(monkeypatch):
    _python_parser(monkeypatch)
    assert parse(X, 'a: "\\ud800"\n')[1] == [
        Problem(
            X,
            1,
            4,
            "a",
            "yaml-syntaks",
            "en \\u-kode i teksten er ikke et gyldigt tegn",
            "skriv tegnet direkte i stedet for koden",
        )
    ]


def test_python_recursion_is_our_too_deep_at_the_top(monkeypatch):
    _python_parser(monkeypatch)
    monkeypatch.setattr(yamlsource, "_nesting_problem", lambda path, text: None)
    assert parse(X, "- " * 10_000 + "x\n")[1] == [Problem(X, 1, 1, "", *TOO_DEEP)]


def _complaining(monkeypatch: pytest.MonkeyPatch, error: yaml.YAMLError) -> None:
    """A parser that raises ``error``: the parser's complaints that today's libyaml does not make, or not here."""

    class Complaining(yaml.SafeLoader):
        def get_single_node(self):
            raise error

    monkeypatch.setattr(yamlsource, "_Loader", Complaining)


def mark(line: int, column: int) -> yaml.Mark:
    """A parser's position: 0-based, as PyYAML counts."""
    return yaml.Mark("x.yaml", 0, line, column, None, None)


FALLBACK = (
    "yaml-syntaks",
    "YAML kan ikke læse filen på dette sted",
    "tjek indrykningen (to mellemrum pr. niveau) og sæt tekst med kolon i anførselstegn",
)
TEXT = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n"


@pytest.mark.parametrize(
    "error, expected",
    [
        # An error without a position (no parser we know raises one) is placed at the top.
        (yaml.YAMLError("ukendt"), Problem(X, 1, 1, "", *FALLBACK)),
        (yaml.MarkedYAMLError(problem="noget helt nyt"), Problem(X, 1, 1, "", *FALLBACK)),
        # Words we do not know get the general message, at the parser's position.
        (yaml.MarkedYAMLError(problem="noget helt nyt", problem_mark=mark(4, 2)), Problem(X, 5, 3, "", *FALLBACK)),
        # libyaml's own depth limit is our rule, at its position (the problem's, else the context's).
        (
            yaml.MarkedYAMLError(
                "while increasing flow level", mark(1, 1), "exceeded maximum nesting depth", mark(2, 6)
            ),
            Problem(X, 3, 7, "", *TOO_DEEP),
        ),
        (
            yaml.MarkedYAMLError("while increasing flow level", mark(2, 6), "exceeded maximum nesting depth", None),
            Problem(X, 3, 7, "", *TOO_DEEP),
        ),
        # The known phrase may be in the context alone.
        (
            yaml.MarkedYAMLError("mapping values are not allowed here", mark(0, 4)),
            Problem(
                X,
                1,
                5,
                "",
                "yaml-syntaks",
                "der står et kolon midt i en værdi",
                'sæt hele teksten i anførselstegn, fx titel: "Træning: krop og hoved"',
            ),
        ),
        # A tab named by the parser, on a line without one (the line may be cut elsewhere).
        (
            yaml.MarkedYAMLError(problem="found a tab character that violates indentation", problem_mark=mark(1, 0)),
            Problem(X, 2, 1, "", *TAB),
        ),
        # A directive named by the parser, though no line begins with '%'.
        (
            yaml.MarkedYAMLError(problem="found unknown directive name", problem_mark=mark(0, 0)),
            Problem(
                X,
                1,
                1,
                "",
                "yaml-syntaks",
                "en linje begynder med '%', som YAML læser som en særlig kommando",
                "sæt teksten i anførselstegn",
            ),
        ),
    ],
)
def test_parser_complaints_in_our_words(monkeypatch, error, expected):
    _complaining(monkeypatch, error)
    assert parse(X, TEXT) == (None, [expected])


def test_a_control_character_given_as_text_is_named_by_its_code(monkeypatch):
    # PyYAML gives the character as a number today; as text, it is named the same way.
    _complaining(monkeypatch, yaml.reader.ReaderError("x.yaml", 7, "\x1b", "utf-8", "special characters"))
    assert parse(X, TEXT)[1] == [
        Problem(X, 2, 3, "", "ugyldigt-tegn", "filen indeholder et usynligt styretegn (U+001B)", CONTROL)
    ]
