"""The YAML reader refuses what is risky and reports positions; it never raises."""

import time
from pathlib import Path

import pytest

from videre.yamlsource import load, parse


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
        for i in range(20))
    start = time.perf_counter()
    _, problems = problems_for(bomb)
    assert problems[0][0] == "anker-alias"
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize("text, rule", [
    ("[" * 10_000 + "]" * 10_000, "for-dyb"),
    ("a: 1\na: 2\n", "dublet-felt"),
    ("a:\n\tb: 1\n", "yaml-syntaks"),
    ("a: !!python/object:os.system x\n", "yaml-tag"),
    ("a: b: c\n", "yaml-syntaks"),
])
def test_risky_or_broken_yaml_is_reported(text, rule):
    _, problems = problems_for(text)
    assert problems and problems[0][0] == rule


@pytest.mark.parametrize("raw, rule", [
    (b"a: 1\n\x00", "nul-tegn"),
    (b"a: \xff\xfe\n", "ikke-utf8"),
    (b"a: " + b"x" * 300_000, "for-stor-fil"),
])
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
