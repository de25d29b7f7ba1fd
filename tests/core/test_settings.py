"""The declared settings: the README's table matches them, and every bad value gets a Danish error with a fix."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from pathlib import Path

import pytest

from videre.core import settings
from videre.core.options import SiteOptions

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_table() -> dict[str, list[str]]:
    """The rows of the table under '## Indstillinger', by the option's name; cells without backticks."""
    section = README.read_text(encoding="utf-8").split("\n## Indstillinger\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]  # after the header and rule
    table = {}
    for row in rows:
        cells = [cell.strip().replace("`", "") for cell in row.strip("|").split("|")]
        table[cells[0].split()[0]] = cells
    return table


def test_the_readme_lists_every_option_with_its_place_type_default_and_help() -> None:
    table = readme_table()
    assert sorted(table) == sorted(s.name for s in settings.SETTINGS)  # none missing, none that is no option
    for setting in settings.SETTINGS:
        name, where, kind, default, help_text = table[setting.name]
        assert (where, kind, default, help_text) == (
            setting.where,
            setting.type.name,
            setting.default_text,
            setting.help,
        ), setting.name
        assert not setting.old or setting.old in name  # a renamed option shows its old name too


def test_every_option_has_one_name_danish_help_and_a_place_in_the_code() -> None:
    names = [name for s in settings.SETTINGS for name in (s.name, s.old) if name]
    assert len(names) == len(set(names))
    fields = {f.name for f in dataclasses.fields(SiteOptions)} | {
        f.name for f in dataclasses.fields(settings.Environment)
    }
    for setting in settings.SETTINGS:
        assert setting.help.endswith(".") and "|" not in setting.help, setting.name
        assert setting.attribute in fields, setting.name
    env = settings.environment({})
    assert {f.name for f in dataclasses.fields(env)} == {
        s.attribute for s in settings.SETTINGS if s.where == settings.ENVIRONMENT
    }


def test_unset_or_empty_variables_give_the_defaults(tmp_path: Path) -> None:
    env = settings.environment({"XDG_CACHE_HOME": str(tmp_path), "VIDERE_PROCESSER": "", "VIDERE_TODAY": ""})
    assert env == settings.Environment(
        show_examples=None,
        today=None,
        data=None,
        cache=tmp_path / "videre",
        processes=None,
        shells=True,
        editor_backend="",
    )
    assert settings.environment({}).cache == Path.home() / ".cache" / "videre"


def test_the_environment_is_typed() -> None:
    env = settings.environment(
        {
            "VIDERE_TODAY": "2027-01-01",
            "VIDERE_DATA": "andre/data",
            "VIDERE_CACHE": "0",
            "VIDERE_PROCESSER": "1",
            "VIDERE_SKALSIDER": "false",
            "VIDERE_VIS_EKSEMPLER": "0",
            "VIDERE_REDAKTION_LOKAL": "http://127.0.0.1:8081",
        }
    )
    assert env == settings.Environment(
        show_examples=False,
        today=dt.date(2027, 1, 1),
        data=Path("andre/data"),
        cache=None,
        processes=1,
        shells=False,
        editor_backend="http://127.0.0.1:8081",
    )
    assert settings.environment({"VIDERE_SKALSIDER": "1", "VIDERE_VIS_EKSEMPLER": "True"}).shells is True
    assert settings.environment({"VIDERE_VIS_EKSEMPLER": "true"}).show_examples is True
    assert settings.environment({"VIDERE_CACHE": "/tmp/c"}).cache == Path("/tmp/c")


@pytest.mark.parametrize(
    ("name", "value", "rule"),
    [
        ("VIDERE_PROCESSER", "0", "et helt tal fra 1 og op"),
        ("VIDERE_PROCESSER", "to", "et helt tal fra 1 og op"),
        ("VIDERE_PROCESSER", "-1", "et helt tal fra 1 og op"),
        ("VIDERE_SKALSIDER", "nej", "true eller false (eller 1 eller 0)"),
        ("VIDERE_TODAY", "1.1.2027", "en dato skrevet som ÅÅÅÅ-MM-DD"),
        ("VIDERE_REDAKTION_LOKAL", "127.0.0.1:8081", "en adresse, der begynder med http:// eller https://"),
    ],
)
def test_a_bad_variable_is_named_with_the_rule_and_the_fix(name: str, value: str, rule: str) -> None:
    with pytest.raises(settings.SettingError) as error:
        settings.environment({name: value})
    message = str(error.value)
    assert message.startswith(f"miljøvariablen {name} skal være {rule}, ikke '{value}'. ")
    assert message.endswith(
        "Ret den, eller slet variablen for at bruge standarden "
        f"({next(s for s in settings.SETTINGS if s.name == name).default_text})."
    )


def test_the_months_are_checked_at_the_edges() -> None:
    assert settings.site_values({"gennemsyn_maaneder": 1}) == {"review_months": 1}
    assert settings.site_values({"gennemsyn_maaneder": 60}) == {"review_months": 60}
    for bad in (0, 61, True, 6.5, "seks"):
        with pytest.raises(
            settings.SettingError,
            match=r"^extra\.videre\.gennemsyn_maaneder i mkdocs\.yml skal "
            r"være et helt tal fra 1 til 60, ikke .*Ret værdien, "
            r"eller slet linjen for at bruge standarden \(12\)\.$",
        ):
            settings.site_values({"gennemsyn_maaneder": bad})


@pytest.mark.parametrize(
    ("key", "good", "bad"),
    [
        ("vis_eksempler", False, "måske"),
        ("redaktion_email", "a@b.dk", "redaktionen"),
        ("fejl_url", "https://github.com/a/b/issues/new", "github.com/a/b/issues/new"),
        ("repo", "ejer/navn", "ejer/navn/mere"),
        ("repo", "ejer/navn", "ejer"),
        ("repo", "ejer/navn", "/navn"),
    ],
)
def test_each_option_in_mkdocs_yml_takes_its_type_only(key: str, good: object, bad: object) -> None:
    setting = next(s for s in settings.SETTINGS if s.name == key)
    assert settings.site_values({key: good}) == {setting.attribute: good}
    with pytest.raises(settings.SettingError, match=f"^extra.videre.{key} i mkdocs.yml skal være"):
        settings.site_values({key: bad})


def test_an_unknown_option_names_the_allowed_ones() -> None:
    with pytest.raises(settings.SettingError) as error:
        settings.site_values({"vis_eksemplar": True})
    assert str(error.value) == (
        "ukendt indstilling under extra.videre i mkdocs.yml: vis_eksemplar. Tilladte er "
        "fejl_url, gennemsyn_maaneder, redaktion_email, repo, vis_eksempler; "
        "se tabellen i README.md."
    )


def test_site_options_take_the_environment_over_mkdocs_yml_and_the_date_given_over_both() -> None:
    env = settings.environment(
        {
            "VIDERE_VIS_EKSEMPLER": "false",
            "VIDERE_TODAY": "2027-01-01",
            "VIDERE_REDAKTION_LOKAL": "http://127.0.0.1:8081",
        }
    )
    options = SiteOptions.from_mapping({"vis_eksempler": True}, site_url="https://a.dk", environment=env)
    assert (options.show_examples, options.today, options.editor_backend, options.site_url) == (
        False,
        dt.date(2027, 1, 1),
        "http://127.0.0.1:8081",
        "https://a.dk/",
    )
    assert SiteOptions.from_mapping(None, today=dt.date(2026, 5, 1), environment=env).today == dt.date(2026, 5, 1)
    unset = SiteOptions.from_mapping({"vis_eksempler": False}, environment=settings.environment({}))
    assert unset.show_examples is False and unset == SiteOptions(show_examples=False, today=unset.today)


def test_an_old_name_still_works_and_says_the_new_one(caplog: pytest.LogCaptureFixture) -> None:
    """Material's Deprecated(moved_to=…): a renamed option is read under its old name, with a Danish message."""
    renamed = tuple(
        dataclasses.replace(s, old="VIDERE_DAG")
        if s is settings.TODAY
        else dataclasses.replace(s, old="gennemsyn")
        if s is settings.REVIEW_MONTHS
        else s
        for s in settings.SETTINGS
    )
    settings._renamed.cache_clear()  # it says so once per process
    with caplog.at_level(logging.WARNING, logger="videre.settings"):
        assert settings.environment({"VIDERE_DAG": "2027-02-03"}, renamed).today == dt.date(2027, 2, 3)
        assert settings.site_values({"gennemsyn": 6}, declared=renamed) == {"review_months": 6}
    assert [r.getMessage() for r in caplog.records] == [
        "miljøvariablen VIDERE_DAG hedder nu VIDERE_TODAY. Det gamle navn virker stadig, men skriv det nye.",
        "extra.videre.gennemsyn i mkdocs.yml hedder nu gennemsyn_maaneder. Det gamle navn virker stadig, men "
        "skriv det nye.",
    ]
    both = settings.environment({"VIDERE_DAG": "2027-02-03", "VIDERE_TODAY": "2027-04-05"}, renamed)
    assert both.today == dt.date(2027, 4, 5)  # the new name wins
    assert settings.environment({"VIDERE_DAG": "2027-02-03"}).today is None  # no old name, no reading


TEST_ONLY = {"VIDERE_SCREENSHOTS"}
"""Read by tests/e2e/test_editor.py itself (where to keep screenshots), never by the build."""


def test_every_variable_the_project_sets_is_a_declared_option() -> None:
    """A variable set in the Makefile, CI, the bench, tools or a test but declared nowhere would do nothing."""
    root = README.parent
    files = [
        root / "Makefile",
        *root.glob(".github/**/*.yml"),
        *(root / "docs").rglob("*.md"),
        *(root / "bench").rglob("*.py"),
        *(root / "tools").rglob("*.py"),
        *(root / "tests").rglob("*.py"),
    ]
    named = {
        name
        for path in files
        if path != Path(__file__).resolve()
        for name in re.findall(r"\bVIDERE_[A-Z_]+", path.read_text(encoding="utf-8"))
    }
    assert "VIDERE_TODAY" in named
    assert sorted(named - {s.name for s in settings.SETTINGS} - TEST_ONLY) == []
