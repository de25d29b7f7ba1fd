"""Facts the site tells staff and patients, checked as text so that a wrong fact cannot come back unnoticed.

Staff act on what Videre says. Each rule here was found wrong once in review: the paragraph for the
støtte- og kontaktpersonordning, the 7-day start told without its conditions, references to rules that have been
replaced, the legal term for the discharge agreement, the complaints body, where the 12-hour limit comes from,
PsykInfo listed as an association, and text copied from the seed documents. The rules scan the hand-written
pages (docs/), the records (data/) and the Danish text in templates and in the patient-page module.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


def _text_files() -> list[Path]:
    files = list((ROOT / "docs").rglob("*.md"))
    files += list((ROOT / "data").rglob("*.yaml"))
    files += list((ROOT / "videre" / "pages" / "templates").rglob("*.j2"))
    files.append(ROOT / "videre" / "pages" / "patient.py")
    return sorted(files)


FILES = _text_files()
SENTENCE_END = re.compile(r"(?<=[.!?:\]])\s+(?=[\"“*\[(A-ZÆØÅ§-])|\n\s*\n|\n\s*[-|]")


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _sentences(text: str) -> list[str]:
    return [" ".join(s.split()) for s in SENTENCE_END.split(text) if s.strip()]


def _line(text: str, needle: str) -> int:
    return text[: text.find(needle)].count("\n") + 1 if needle in text else 0


def _problems(rule) -> list[str]:
    found = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        for message in rule(text):
            found.append(f"{_rel(path)}: {message}")
    return found


# ------------------------------------------------------------------ § 85 and § 99

KONTAKTPERSON = re.compile(r"støtte-?\s*(og\s+)?kontaktperson", re.IGNORECASE)
PARAGRAPH = re.compile(r"§{1,2}\s*(\d+)")


def support_person_rule(text: str) -> list[str]:
    """A støtte- og kontaktperson tied to a paragraph cites § 99; § 85 is never called a kontaktperson scheme."""
    problems = []
    for sentence in _sentences(text):
        if not KONTAKTPERSON.search(sentence):
            continue
        numbers = set(PARAGRAPH.findall(sentence))
        if not numbers or "99" in numbers:
            continue
        if "85" in numbers and " ikke " in f" {sentence} ":
            continue  # "§ 85 er ikke støtte- og kontaktpersonordningen"
        problems.append(
            f"støtte- og kontaktperson knyttet til § {', § '.join(sorted(numbers))}, ikke § 99: {sentence!r}"
        )
    return problems


def test_support_person_rule_catches_the_old_wording():
    assert support_person_rule("Han får en støtte- og kontaktperson efter § 85.")
    assert support_person_rule("Mange får §85-støtte, fx en mentor eller en støtte- og kontaktperson.")
    assert support_person_rule("Typisk får borgeren en støtte-kontaktperson (§ 85).")
    assert not support_person_rule("Han får en støtte- og kontaktperson efter servicelovens § 99.")
    assert not support_person_rule("Socialpædagogisk støtte efter § 85 eller en støtte- og kontaktperson efter § 99.")
    assert not support_person_rule("Hun kan få hjælp til at søge om en støtte- og kontaktperson.")


def test_support_person_scheme_is_paragraph_99_everywhere():
    assert _problems(support_person_rule) == []


# ------------------------------------------------------------------ the 7-day start

SEVEN_DAYS = re.compile(r"(start\w*|opstart\w*)[^.\n]{0,60}(inden for|senest) (7|syv) dage", re.IGNORECASE)
FREE_CHOICE = re.compile(r"privat leverandør|frit valg", re.IGNORECASE)


def seven_day_rule(text: str) -> list[str]:
    """Where the 7-day start is told, the free choice when the municipality cannot meet it is told too."""
    match = SEVEN_DAYS.search(text)
    if match and not FREE_CHOICE.search(text):
        return [f"linje {_line(text, match.group(0))}: 7-dages-start uden frit valg: {match.group(0)!r}"]
    return []


def test_seven_day_rule_catches_a_bare_promise():
    assert seven_day_rule("Kommunen skal starte din genoptræning inden for 7 dage.")
    assert not seven_day_rule("Kommunen skal tilbyde start inden for 7 dage. Ellers kan du vælge en privat leverandør.")
    assert not seven_day_rule("Fuld behandlingsplan inden for 7 dage")


def test_seven_day_start_is_told_with_its_conditions():
    assert _problems(seven_day_rule) == []


def test_guidance_states_every_condition_of_the_seven_day_rule():
    text = " ".join((ROOT / "docs" / "vejledning" / "frister.md").read_text(encoding="utf-8").split())
    for condition in (
        "inden for 7 dage",
        "privat leverandør",
        "frit valg",
        "senere",
        "selv vente",
        "BEK nr. 918 af 2018",
        "§ 140, stk. 4",
    ):
        assert condition in text, condition


# ------------------------------------------------------------------ replaced rules and names

OUTDATED = {
    "bekendtgørelsen fra 2015": re.compile(
        r"bekendtgørelse\w*(\s+om\s+genoptræningsplaner)?\s+fra\s+2015", re.IGNORECASE
    ),
    "vejledningen fra 2015": re.compile(r"vejledning\w*(\s+fra\s+2015|[^.\n]{0,90}\(2015\))", re.IGNORECASE),
    "udskrivningsplan (psykiatriloven siger udskrivningsaftale)": re.compile(
        r"(?<![\"“])\budskrivningsplan", re.IGNORECASE
    ),
    "gammel klageinstans": re.compile(r"patientombud|patientklagenævn", re.IGNORECASE),
    "12 timer som regionens mål": re.compile(
        r"Region Hovedstadens mål|målet om at sende[^.\n]{0,40}12 timer", re.IGNORECASE
    ),
}


def outdated_rule(text: str) -> list[str]:
    return [
        f"linje {_line(text, m.group(0))}: {name}: {m.group(0)!r}"
        for name, pattern in OUTDATED.items()
        for m in pattern.finditer(text)
    ]


def test_outdated_rule_catches_each_old_wording():
    for sample in (
        "Det krav faldt bort med bekendtgørelsen fra 2015.",
        "Vejledning om genoptræning og vedligeholdelsestræning i kommuner og regioner (2015)",
        "om patienten skal have en udskrivningsplan",
        "gik klagen til Sundhedsvæsenets Patientklagenævn",
        "| Planen er sendt til tiden (Region Hovedstadens mål) |",
    ):
        assert outdated_rule(sample), sample
    assert not outdated_rule('Ordet er "udskrivningsaftale", ikke "udskrivningsplan".')


def test_no_replaced_rule_or_body_is_named_as_current():
    assert _problems(outdated_rule) == []


def test_twelve_hours_is_attributed_to_the_party_proposal():
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        if "12 timer" in text:
            assert re.search(r"Konservative|partiets|budgetforslag", text), _rel(path)


def test_complaints_go_to_styrelsen_for_patientklager():
    text = (ROOT / "docs" / "vejledning" / "i-kommunen.md").read_text(encoding="utf-8")
    assert "Styrelsen for Patientklager" in text and "https://stpk.dk" in text


# ------------------------------------------------------------------ PsykInfo and the partners


def test_psykinfo_is_not_presented_as_an_association():
    record = (ROOT / "data" / "partners" / "psykinfo.yaml").read_text(encoding="utf-8")
    assert "ikke en forening" in record and "Psykiatrien i Region Syddanmark" in record
    for template in ("partnere.md.j2", "kommune.md.j2"):
        text = (ROOT / "videre" / "pages" / "templates" / template).read_text(encoding="utf-8")
        assert "# Frivillige foreninger" not in text, template


def test_vejviser_under_roede_kors_carries_its_caveat():
    record = (ROOT / "data" / "partners" / "roede-kors" / "vejviser.yaml").read_text(encoding="utf-8")
    assert "eksempel: true" in record
    assert "Vi ved ikke, om Røde Kors har et tilbud med dette navn" in record


# ------------------------------------------------------------------ no copied runs from the seeds

RUN = 10
WORD = re.compile(r"[0-9a-zæøåéü§%]+(?:[-'][0-9a-zæøåéü]+)*")


def _words(text: str) -> list[str]:
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # words split over a line break in the seeds
    return WORD.findall(text.casefold())


TITLES = (
    "om genoptræningsplaner og om patienters valg af genoptræningstilbud efter udskrivning fra sygehus",
    "model for sondring mellem behandling og genoptræning på forskellige niveauer",
)
"""Official names of rules and tools. Naming them is citing, not copying, so no run may span one."""


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def shared_runs(text: str, seed_runs: set[tuple[str, ...]]) -> list[str]:
    chunks = [" ".join(_words(text))]
    for title in TITLES:
        chunks = [part for chunk in chunks for part in chunk.split(" ".join(_words(title)))]
    ours = set().union(*(_runs(chunk.split()) for chunk in chunks))
    return sorted({" ".join(r) for r in ours & seed_runs})


def test_shared_runs_finds_a_copied_sentence():
    seed = _runs(
        _words("Henriks kognitive funktionsniveau bedres ikke væsentligt efter ECT er sepo-\n\nneret, hvorfor")
    )
    assert shared_runs(
        "Hans kognitive funktionsniveau bedres ikke væsentligt efter ECT er seponeret, hvorfor han", seed
    )
    assert not shared_runs("Det er ikke blevet meget bedre, selv om behandlingen er slut.", seed)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not next to the project")
def test_no_case_or_guidance_text_copies_ten_words_from_a_seed():
    seed_runs: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        seed_runs |= _runs(_words(seed.read_text(encoding="utf-8")))
    checked = [p for p in FILES if p.suffix in (".md", ".yaml") and "schemas" not in p.parts]
    copied = {_rel(p): runs for p in checked if (runs := shared_runs(p.read_text(encoding="utf-8"), seed_runs))}
    assert copied == {}


# ------------------------------------------------------------------ the reform on 1 January 2027

UNSURE = re.compile(r"usikker|usikkert|ikke (er )?afklaret|uafklare|ikke kunnet bekræfte|ved (vi )?ikke", re.IGNORECASE)
GENERAL_TRAINING = re.compile(r"avanceret|almen genoptræning", re.IGNORECASE)


def reform_doubt_rule(text: str) -> list[str]:
    """Almen genoptræning (basal and avanceret) stays with the municipality on 1 January 2027: the sources
    name the four tasks that move, and it is not one of them. No sentence may call that uncertain."""
    return [
        f"almen/avanceret genoptræning kaldt uafklaret: {s!r}"
        for s in _sentences(text)
        if GENERAL_TRAINING.search(s) and UNSURE.search(s)
    ]


def test_reform_doubt_rule_catches_the_old_wording():
    assert reform_doubt_rule('!!! warning "Usikkert: avanceret genoptræning"')
    assert reform_doubt_rule(
        "| Almen genoptræning på avanceret niveau | Kommunen[^s002-kommune] | **Usikkert.** Vi har "
        "ikke kunnet bekræfte, om den flytter til regionen.[^reform] |"
    )
    assert reform_doubt_rule("Det er ikke afklaret, om avanceret genoptræning også flytter.")
    assert not reform_doubt_rule(
        "Almen genoptræning bliver i kommunen. Det er ikke afklaret, hvem der modtager "
        "planer til rehabilitering på specialiseret niveau."
    )


def test_no_page_calls_the_move_of_general_rehabilitation_uncertain():
    assert _problems(reform_doubt_rule) == []


def reform_answer(text: str) -> list[str]:
    """What the reform page must say plainly: what stays with the municipality and what moves."""
    sentences = _sentences(text)
    missing = []
    if not any(
        re.search(r"almen genoptræning bliver i kommunen", s, re.IGNORECASE) and "basalt" in s and "avanceret" in s
        for s in sentences
    ):
        missing.append("almen genoptræning, basalt og avanceret, bliver i kommunen")
    if not any(
        re.search(r"rehabilitering på specialiseret niveau\W*\s+flytter til regionen", s, re.IGNORECASE)
        for s in sentences
    ):
        missing.append("rehabilitering på specialiseret niveau flytter til regionen")
    if not all(
        task in text
        for task in ("akutfunktioner", "70 % af kommunernes midlertidige pladser", "Patientrettet forebyggelse")
    ):
        missing.append("de fire opgaver, der flytter")
    return missing


def test_reform_answer_fails_on_the_old_page():
    old = (
        "Fra 1. januar 2027 flytter myndigheds- og finansieringsansvaret for fire sundhedsopgaver fra kommunerne "
        "til regionerne. En af dem er den specialiserede rehabilitering. Basalt niveau: kommunen. Avanceret "
        "niveau: **Usikkert**, se boksen ovenfor."
    )
    assert reform_answer(old) == [
        "almen genoptræning, basalt og avanceret, bliver i kommunen",
        "rehabilitering på specialiseret niveau flytter til regionen",
        "de fire opgaver, der flytter",
    ]


def test_reform_page_says_what_stays_and_what_moves():
    text = (ROOT / "docs" / "vejledning" / "sundhedsreform-2027.md").read_text(encoding="utf-8")
    assert reform_answer(text) == []
    # What is unsettled is named: the new wording of § 140 (L 42) and who receives plans for specialised rehab.
    assert "Den nye ordlyd af sundhedslovens § 140" in text and "L 42" in text
    assert "Hvem der modtager planer til rehabilitering på specialiseret niveau" in text
    assert "i løbet af 2026" not in text  # the page is read from December 2026


def test_the_pages_that_said_usikkert_now_say_it_plainly():
    for page in ("sundhedsreform-2027.md", "specialiseringsniveauer.md", "i-kommunen.md"):
        text = (ROOT / "docs" / "vejledning" / page).read_text(encoding="utf-8")
        assert "Usikkert" not in text, page
        assert re.search(r"(bliver i kommunen|Uændret: kommunen)", text), page


# ------------------------------------------------------------------ the health councils

COUNCILS = re.compile(r"\b17\s+(nye\s+|nyoprettede\s+)?sundhedsråd", re.IGNORECASE)
NATIONWIDE = re.compile(r"hele landet|i alt|landsdækkende", re.IGNORECASE)


def councils_rule(text: str) -> list[str]:
    """17 is the number of health councils in the whole country, not in each region: say so where it is told."""
    return [
        f"17 sundhedsråd uden 'i hele landet': {s!r}"
        for s in _sentences(text)
        if COUNCILS.search(s) and not NATIONWIDE.search(s)
    ]


def test_councils_rule_catches_seventeen_per_region():
    assert councils_rule("Fra 1. januar 2027 samarbejder regionen og kommunerne i 17 sundhedsråd.")
    assert councils_rule("| Samarbejde mellem region og kommuner | Sundhedsaftaler. | 17 sundhedsråd.[^sundhedsraad]")
    assert not councils_rule("Der er 17 sundhedsråd i hele landet, ikke 17 i hver region.")


def test_seventeen_councils_are_told_as_a_national_total():
    assert _problems(councils_rule) == []
    text = (ROOT / "docs" / "vejledning" / "ordliste.md").read_text(encoding="utf-8")
    assert "17 sundhedsråd i hele landet" in text


def test_the_patients_seven_days_keep_the_later_date_in_the_plan():
    """The handout told the 7-day start without the plan's later start date (sundhedsloven § 140, stk. 4)."""
    from videre.pages.patient import NEXT_SEVEN_DAYS

    told = " ".join(NEXT_SEVEN_DAYS)
    assert "inden for 7 dage" in told and "privat leverandør" in told
    assert re.search(r"senere[^.]*7 dage fra den dato", told), told
