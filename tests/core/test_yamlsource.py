"""The YAML reader refuses what is risky and reports positions; it never raises."""

import time
from pathlib import Path

import pytest
import yaml

from tests.helpers.guards import HANG_SECONDS
from videre.core import yamlsource
from videre.core.yamlsource import load, parse


def problems_for(text: str):
    document, problems = parse(Path("x.yaml"), text)
    return document, [(p.rule, p.line) for p in problems]


def test_positions_are_one_based_lines_and_columns():
    document, problems = problems_for("a: 1\nb:\n  c: [x, y]\n")
    assert problems == []
    assert document.where(("b", "c", 1)) == (3, 10)
    assert document.key_position(("b",)) == (2, 1)


def test_dates_and_times_stay_text_and_yes_is_not_true():
    document, _ = problems_for("dato: 2026-01-02\ntid: 8:15\nsprog: no\nsvar: yes\nflag: true\n")
    assert document.data == {"dato": "2026-01-02", "tid": "8:15", "sprog": "no", "svar": "yes", "flag": True}


def test_alias_bomb_is_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    start = time.perf_counter()
    _, problems = problems_for(bomb)
    assert problems[0][0] == "anker-alias"
    assert time.perf_counter() - start < HANG_SECONDS


@pytest.mark.parametrize(
    "text, rule",
    [
        ("[" * 10_000 + "]" * 10_000, "for-dyb"),
        ("a: 1\na: 2\n", "dublet-felt"),
        ("a:\n\tb: 1\n", "yaml-syntaks"),
        ("a: !!python/object:os.system x\n", "yaml-tag"),
        ("a: b: c\n", "yaml-syntaks"),
    ],
)
def test_risky_or_broken_yaml_is_reported(text, rule):
    _, problems = problems_for(text)
    assert problems and problems[0][0] == rule


@pytest.mark.parametrize(
    "raw, rule",
    [
        (b"a: 1\n\x00", "nul-tegn"),
        (b"a: \xff\xfe\n", "ikke-utf8"),
        (b"a: " + b"x" * 300_000, "for-stor-fil"),
    ],
)
def test_bytes_that_are_not_text_are_reported(tmp_path, raw, rule):
    path = tmp_path / "x.yaml"
    path.write_bytes(raw)
    document, problems = load(path)
    assert document is None and problems[0].rule == rule


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufefftitel: Æblegrød\n".encode("utf-8"))
    document, problems = load(path)
    assert problems == [] and document.data == {"titel": "Æblegrød"}


def test_merge_keys_are_not_applied():
    document, problems = problems_for("<<: {a: 1}\nb: 2\n")
    assert problems == [] and document.data == {"<<": {"a": 1}, "b": 2}


def test_huge_integers_do_not_crash():
    document, problems = problems_for("a: " + "9" * 5000 + "\n")
    assert problems == [] and isinstance(document.data["a"], str)


DEEP_DASHES = "- " * 10_000 + "x\n"


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_too_deep_is_our_rule_whichever_parser_notices_first(
    loader: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contributor gets [for-dyb] in Danish, never a library's own text (PyYAML 6.0.4 added a libyaml limit)."""
    monkeypatch.setattr(yamlsource, "_nesting_problem", lambda path, text: None)  # past our own pre-scan
    if loader == "python":
        monkeypatch.setattr(yamlsource, "_Loader", type("PyLoader", (yaml.SafeLoader,), {}))
    document, problems = yamlsource.parse(tmp_path / "dyb.yaml", DEEP_DASHES)
    assert document is None
    assert [(p.rule, p.message) for p in problems] == [
        ("for-dyb", f"værdierne er indrykket mere end {yamlsource.MAX_DEPTH} niveauer")
    ]


def test_compact_nested_lists_are_refused_before_any_parser_runs(tmp_path: Path) -> None:
    assert yamlsource._nesting_problem(tmp_path / "dyb.yaml", DEEP_DASHES).rule == "for-dyb"
    ordinary = "liste:\n  - - a\n    - b\n"
    assert yamlsource._nesting_problem(tmp_path / "ok.yaml", ordinary) is None


BROKEN = {
    "kolon-i-værdi": "a: b: c\n",
    "tabulator": "a:\n\tb: 1\n",
    "indrykning": "a:\n  b: 1\n c: 2\n",
    "to-dokumenter": "a: 1\n---\nb: 2\n",
    "forbudt-tegn": "a: @x\n",
    "u-kode": 'a: "\\ud800"\n',
    "ukendt-escape": 'a: "\\q"\n',
    "ukendt-alias": "a: *x\n",
    "åben-liste": "a: [1, 2\n",
    "åbent-objekt": "a: {b: 1\n",
    "liste-og-kolon": "- a\nb: 1\n",
    "åbent-citat": 'a: "abc\n',
    "åbent-enkelt-citat": "a: 'abc\n",
    "tomt-anker": "a: &\n",
    "blok": "a: |\n x\n  y\nb\n",
    "flow-slut": "a: ]\n",
    "dobbelt-komma": "a: [1,, 2]\n",
    "direktiv": "%FOO\n",
    "hex-kode": 'a: "\\x4"\n',
    "tomt-alias": "a: &a1 1\nb: *\n",
}


def _messages(monkeypatch: pytest.MonkeyPatch, python_parser: bool) -> dict[str, list[tuple[str, str]]]:
    with monkeypatch.context() as patch:
        if python_parser:
            patch.setattr(yamlsource, "_Loader", type("PyLoader", (yaml.SafeLoader,), {}))
        return {name: [(p.rule, p.message) for p in parse(Path("x.yaml"), text)[1]] for name, text in BROKEN.items()}


def test_syntax_messages_are_our_own_and_do_not_depend_on_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml and pure-Python PyYAML word their errors differently, and new versions reword them; we don't."""
    with_libyaml = _messages(monkeypatch, python_parser=False)
    assert with_libyaml == _messages(monkeypatch, python_parser=True)
    ours = {message for _, message, _ in yamlsource._SYNTAX_MESSAGES} | {
        yamlsource.SYNTAX_FALLBACK,
        yamlsource.DIRECTIVE,
        "linjen indeholder et tabulatortegn",
    }
    assert all(
        len(found) == 1 and found[0][0] == "yaml-syntaks" and found[0][1] in ours for found in with_libyaml.values()
    ), with_libyaml
    assert yamlsource.SYNTAX_FALLBACK not in {found[0][1] for found in with_libyaml.values()}, with_libyaml
