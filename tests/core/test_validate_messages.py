"""The validator's verdicts and words, keyword by keyword, on small schemas written here.

Each test feeds one schema keyword a value at its edge and compares the whole problem (position, field,
rule, Danish message and hint) with text written out by hand, so that a changed limit, comparison or word
fails. The real schemas are tested against ``jsonschema`` in test_schema.py; these are the messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from videre.core import schema as S
from videre.core.validate import (
    Validator,
    closest,
    condition_text,
    cpr_like,
    describe,
    fold,
    list_options,
    matches,
    personal_data,
)
from videre.core.yamlsource import parse

TODAY = dt.date(2026, 11, 23)


def problems(schema: dict, text: str, today: dt.date = TODAY) -> list[tuple]:
    document, found = parse(Path("x.yaml"), text)
    assert found == [] and document is not None
    return [(p.line, p.column, p.field, p.rule, p.message, p.hint) for p in Validator(schema, today).problems(document)]


def one(schema: dict, text: str, today: dt.date = TODAY) -> tuple:
    """The rule, message and hint of the only problem."""
    [(_, _, _, rule, message, hint)] = problems(schema, text, today)
    return rule, message, hint


def obj(**properties) -> dict:
    return {"type": "object", "additionalProperties": False, "properties": properties}


# ---------------------------------------------------------------- plain helpers


@pytest.mark.parametrize(
    "value, shown",
    [
        (None, "tom"),
        (True, "true"),
        (False, "false"),
        (0, "tallet 0"),
        (2.5, "tallet 2.5"),
        ([1], "en liste"),
        ({"a": 1}, "en gruppe af felter"),
        ("x" * 60, "'" + "x" * 60 + "'"),
        ("y" * 61, "'" + "y" * 60 + "…'"),
    ],
)
def test_describe(value, shown):
    assert describe(value) == shown


def test_fold_closest_and_list_options():
    assert fold("  Kognitiv Træning_på ÅØ ") == "kognitiv-traening-paa-aaoe"
    assert closest("Kognitiv træning", ["kognitiv-traening", "samvaer"]) == "kognitiv-traening"
    assert closest("samvær", ["kognitiv-traening", "samvaer"]) == "samvaer"
    assert closest("samvar", ["kognitiv-traening", "samvaer"]) == "samvaer"
    assert closest("zzz", ["kognitiv-traening", "samvaer"]) is None
    assert list_options(["a", "b"]) == "'a', 'b'"
    assert list_options([str(i) for i in range(8)]) == "'0', '1', '2', '3', '4', '5', '6', '7'"
    assert list_options([str(i) for i in range(10)]) == "'0', '1', '2', '3', '4', '5', '6', '7' og 2 flere"
    assert list_options(["a", "b", "c"], limit=2) == "'a', 'b' og 1 flere"


@pytest.mark.parametrize(
    "text, found",
    [
        ("skriv til a.b@kommune.dk", "en e-mailadresse"),
        ("ring 12 34 56 78", "et telefonnummer"),
        ("ring +45 12345678", "et telefonnummer"),
        ("ring 1234567", None),  # seven digits
        ("ring 123456789", None),  # nine digits
        ("a@b", None),  # no domain
        ("hun ringede til kommunen", None),
    ],
)
def test_personal_data(text, found):
    assert personal_data(text) == found


@pytest.mark.parametrize(
    "text, like",
    [
        ("010190 1234", True),
        ("010190\u20131234", True),
        ("０１０１９０１２３４", True),  # space, en dash, fullwidth
        ("2902011234", False),  # 29 February 1901 and 2001 do not exist
        ("2902031234", False),  # nor 1903 and 2003 (1904 would be a leap year)
        ("2902041234", True),  # 29 February 2004
        ("0113901234", False),  # month 13
        ("0001901234", False),  # day 0
        ("x0101901234", True),
        ("10101901234", False),
    ],
)
def test_cpr_like(text, like):
    assert cpr_like(text) is like


# ---------------------------------------------------------------- types


TYPES = obj(
    tekst={"type": "string"},
    tal={"type": "integer"},
    decimal={"type": "number"},
    flag={"type": "boolean"},
    liste={"type": "array"},
    gruppe={"type": "object"},
    med_eksempel={"type": "string", "examples": ["Gåtur"]},
    med_hint={"type": "string", "x-type-hint": "skriv x"},
)


@pytest.mark.parametrize(
    "line, message, hint",
    [
        ("tekst: 5", "'tekst' skal være tekst, men er tallet 5", 'sæt værdien i anførselstegn, fx "5"'),
        ("tekst: true", "'tekst' skal være tekst, men er true", 'sæt værdien i anførselstegn, fx "..."'),
        ("tal: '5'", "'tal' skal være et helt tal, men er '5'", "skriv et helt tal uden anførselstegn, fx 18"),
        ("tal: true", "'tal' skal være et helt tal, men er true", "skriv et helt tal uden anførselstegn, fx 18"),
        ("tal: 1.5", "'tal' skal være et helt tal, men er tallet 1.5", "skriv et helt tal uden anførselstegn, fx 18"),
        (
            "decimal: x",
            "'decimal' skal være et tal, men er 'x'",
            "skriv kun tallet uden enhed og anførselstegn, med punktum i stedet for komma, fx 90.1",
        ),
        ("flag: 1", "'flag' skal være true eller false, men er tallet 1", "skriv true eller false (små bogstaver)"),
        ("liste: x", "'liste' skal være en liste, men er 'x'", "skriv hver værdi på sin egen linje med '- ' foran"),
        (
            "gruppe: [x]",
            "'gruppe' skal være en gruppe af felter, men er en liste",
            "indryk felterne under med to mellemrum; se eksemplet i CONTRIBUTING.md",
        ),
        ("med_hint: 5", "'med_hint' skal være tekst, men er tallet 5", "skriv x"),
    ],
)
def test_wrong_type(line, message, hint):
    assert one(TYPES, line + "\n") == ("forkert-type", message, hint)


def test_empty_values_say_tom_and_offer_the_example():
    assert one(TYPES, "med_eksempel:\n") == ("tom-værdi", "'med_eksempel' er tom", "skriv en værdi, fx Gåtur")
    assert one(TYPES, "tekst:\n") == ("tom-værdi", "'tekst' er tom", "skriv en værdi, eller slet feltet")


def test_the_whole_file_of_the_wrong_type_is_named_filen():
    assert problems(obj(), "- a\n") == [
        (
            1,
            1,
            "",
            "forkert-type",
            "'filen' skal være en gruppe af felter, men er en liste",
            "indryk felterne under med to mellemrum; se eksemplet i CONTRIBUTING.md",
        )
    ]


EITHER = obj(
    kilde={
        "type": ["object", "string"],
        "minLength": 2,
        "properties": {"url": {"type": "string"}},
        "additionalProperties": False,
    },
    uden={"type": ["string", "integer"], "x-type-hint": "skriv tekst"},
)


def test_a_value_of_either_type_is_checked_by_the_keywords_of_its_own_type():
    assert problems(EITHER, "kilde: ab\n") == []
    assert problems(EITHER, "kilde: {url: x}\n") == []
    assert one(EITHER, "kilde: a\n")[0] == "for-kort"
    assert one(EITHER, "kilde: {adresse: x}\n")[:2] == ("ukendt-felt", "ukendt felt 'kilde.adresse'")
    assert one(EITHER, "kilde: [x]\n") == (
        "forkert-type",
        "'kilde' skal være en gruppe af felter eller tekst, men er en liste",
        "se feltets beskrivelse i feltreferencen",
    )
    assert one(EITHER, "uden: true\n") == (
        "forkert-type",
        "'uden' skal være tekst eller et helt tal, men er true",
        "skriv tekst",
    )


# ---------------------------------------------------------------- objects


OBJECT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["titel", "type", "gruppe"],
    "x-renamed": {"malgruppe": "målgruppe"},
    "properties": {
        "titel": {"type": "string"},
        "type": {"type": "string", "examples": ["samvaer"]},
        "målgruppe": {"type": "string"},
        "gruppe": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
    },
}


def test_missing_and_unknown_fields_with_their_hints():
    text = "malgruppe: x\nnavn: Hanne\ntitle: y\nzzz: 1\ngruppe:\n  b: 1\n"
    assert problems(OBJECT, text) == [
        (1, 1, "", "mangler-felt", "påkrævet felt 'titel' mangler", "tilføj feltet 'titel'"),
        (1, 1, "", "mangler-felt", "påkrævet felt 'type' mangler", "tilføj fx 'type: samvaer'"),
        (1, 1, "malgruppe", "ukendt-felt", "ukendt felt 'malgruppe'", "feltet hedder nu 'målgruppe'"),
        (
            2,
            1,
            "navn",
            "ukendt-felt",
            "ukendt felt 'navn'",
            "skriv en rolle i 'rolle' i stedet; siden viser aldrig personers navne",
        ),
        (3, 1, "title", "ukendt-felt", "ukendt felt 'title'", "mente du 'titel'?"),
        (
            4,
            1,
            "zzz",
            "ukendt-felt",
            "ukendt felt 'zzz'",
            "tilladte felter her: 'titel', 'type', 'målgruppe', 'gruppe'",
        ),
        # The inner object is open: 'b' is allowed, only 'a' is missing, named by its full path.
        (6, 3, "gruppe", "mangler-felt", "påkrævet felt 'gruppe.a' mangler", "tilføj feltet 'a'"),
    ]


CONDITIONAL = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "eksempel": {"type": "boolean"},
        "dato": {"type": "string"},
        "kilde": {"type": "string"},
        "grund": {"type": "string", "minLength": 5},
    },
    "if": {"properties": {"eksempel": {"const": True}}, "required": ["eksempel"]},
    "then": {
        "properties": {"dato": False},
        "required": ["kilde"],
        "x-hint": "skriv en kilde, ikke en dato",
        "if": {"required": ["grund"]},
        "then": {"required": ["kilde"], "properties": {"dato": False}},
    },
    "else": {"required": ["dato"], "properties": {"dato": {"type": "string", "maxLength": 3}}},
}


def test_a_condition_requires_or_forbids_fields_and_says_why():
    assert problems(CONDITIONAL, "eksempel: true\ndato: x\n") == [
        (
            1,
            1,
            "",
            "mangler-felt",
            "påkrævet felt 'kilde' mangler, fordi posten har 'eksempel: true'",
            "skriv en kilde, ikke en dato",
        ),
        (
            2,
            1,
            "dato",
            "ikke-tilladt",
            "'dato' må ikke stå her, fordi posten har 'eksempel: true'",
            "skriv en kilde, ikke en dato",
        ),
    ]
    assert problems(CONDITIONAL, "eksempel: false\n") == [
        (
            1,
            1,
            "",
            "mangler-felt",
            "påkrævet felt 'dato' mangler, fordi posten ikke har 'eksempel: true'",
            "tilføj feltet 'dato'",
        )
    ]
    assert problems(CONDITIONAL, "dato: x\n") == []
    assert problems(CONDITIONAL, "eksempel: true\nkilde: k\n") == []


def test_an_inner_condition_names_both_conditions():
    assert problems(CONDITIONAL, "eksempel: true\ngrund: lang grund\ndato: x\n") == [
        (
            1,
            1,
            "",
            "mangler-felt",
            "påkrævet felt 'kilde' mangler, fordi posten har 'eksempel: true' og har 'grund'",
            "tilføj feltet 'kilde'",
        ),
        (
            3,
            1,
            "dato",
            "ikke-tilladt",
            "'dato' må ikke stå her, fordi posten har 'eksempel: true' og har 'grund'",
            "slet 'dato'",
        ),
        (
            1,
            1,
            "",
            "mangler-felt",
            "påkrævet felt 'kilde' mangler, fordi posten har 'eksempel: true'",
            "skriv en kilde, ikke en dato",
        ),
        (
            3,
            1,
            "dato",
            "ikke-tilladt",
            "'dato' må ikke stå her, fordi posten har 'eksempel: true'",
            "skriv en kilde, ikke en dato",
        ),
    ]


def test_a_branch_checks_its_own_properties_too():
    """'dato' has no limit of its own; the 'else' branch gives it one."""
    assert problems(CONDITIONAL, "dato: abc\n") == []
    assert problems(CONDITIONAL, "dato: abcd\n") == [
        (
            1,
            7,
            "dato",
            "for-lang",
            "'dato' er for lang (4 tegn, højst 3)",
            "skriv kortere; flyt detaljer til tilbuddets egen side",
        )
    ]


def test_condition_text():
    assert (
        condition_text({"properties": {"a": {"const": True}, "b": {"const": "x"}}}, True)
        == "posten har 'a: true' og 'b: x'"
    )
    assert condition_text({"properties": {"a": {"const": False}}}, False) == "posten ikke har 'a: false'"
    assert condition_text({"required": ["a", "b"]}, True) == "posten har 'a' og 'b'"
    assert condition_text({}, True) == "posten har de felter, skemaet kræver"
    # Only fields with a 'const' are written out; else the required fields name the condition.
    assert condition_text({"properties": {"a": {"enum": [1, 2]}, "b": True}, "required": ["a"]}, True) == (
        "posten har 'a'"
    )


@pytest.mark.parametrize(
    "schema, value, holds",
    [
        (True, {}, True),
        (False, {}, False),
        ({"const": True}, True, True),
        ({"const": True}, 1, False),
        ({"const": 1}, 1.0, True),
        ({"const": 1}, True, False),
        ({"enum": ["a", "b"]}, "b", True),
        ({"enum": ["a", "b"]}, "c", False),
        ({"type": "string"}, "a", True),
        ({"type": "string"}, 1, False),
        ({"required": ["a"]}, {"a": 1}, True),
        ({"required": ["a"]}, {"b": 1}, False),
        ({"properties": {"a": {"const": 1}}}, {"a": 2}, False),
        ({"properties": {"a": {"const": 1}}}, {"b": 2}, True),
        ({"required": ["a"]}, "not a mapping", True),
    ],
)
def test_matches(schema, value, holds):
    assert matches(schema, value) is holds


def test_a_date_may_not_lie_after_its_sibling():
    schema = obj(
        kilde={
            "type": "object",
            "properties": {"læst": {"type": "string"}, "sidens_dato": {"type": "string", "x-not-after": "læst"}},
        }
    )
    assert problems(schema, 'kilde: {læst: "2026-01-02", sidens_dato: "2026-01-02"}\n') == []
    assert problems(schema, 'kilde: {læst: "2026-01-02", sidens_dato: "2026-13-01"}\n') == []  # not a date here
    assert problems(schema, 'kilde: {sidens_dato: "2026-01-03"}\n') == []
    assert problems(schema, 'kilde: {læst: "2026-01-02", sidens_dato: "2026-01-03"}\n') == [
        (
            1,
            42,
            "kilde.sidens_dato",
            "dato-efter",
            "'kilde.sidens_dato' (2026-01-03) ligger efter 'kilde.læst' (2026-01-02)",
            "'sidens_dato' kan ikke være senere end 'læst'; tjek begge datoer",
        )
    ]


# ---------------------------------------------------------------- arrays


ARRAYS = obj(
    en={"type": "array", "minItems": 1, "uniqueItems": True, "examples": [["a", "b"]], "items": {"type": "string"}},
    to={"type": "array", "minItems": 2, "items": {"type": "string"}},
    frie={"type": "array"},
)


def test_list_sizes_and_duplicates():
    assert one(ARRAYS, "en: []\n") == ("for-få", "'en' skal have mindst 1 værdi", "tilføj fx [a, b]")
    assert one(ARRAYS, "to: [a]\n") == ("for-få", "'to' skal have mindst 2 værdier", "tilføj en værdi")
    assert problems(ARRAYS, "to: [a, b]\nen: [a]\nfrie: []\n") == []
    assert problems(ARRAYS, "en: [a, b, a, 5]\n") == [
        (1, 12, "en[2]", "dublet-værdi", "'en' har 'a' to gange", "slet den ene"),
        (
            1,
            15,
            "en[3]",
            "forkert-type",
            "'en[3]' skal være tekst, men er tallet 5",
            'sæt værdien i anførselstegn, fx "5"',
        ),
    ]
    assert problems(ARRAYS, "frie: [a, a, 1]\n") == []


# ---------------------------------------------------------------- strings


STRINGS = obj(
    titel={"type": "string", "minLength": 3, "maxLength": 5},
    tekst={"type": "string", "x-markdown": True},
    anonym={"type": "string", "x-anonym": True},
    fri={"type": "string"},
    kort={"type": "string", "pattern": S.VISIBLE_TEXT_PATTERN, "x-hint": "fjern tegnet"},
    kode={"type": "string", "pattern": "^[a-z]+$"},
    telefon={"type": "string", "pattern": S.PHONE_PATTERN, "x-hint": "skriv 8 cifre"},
    email={"type": "string", "pattern": S.EMAIL_PATTERN},
    link={"type": "string", "pattern": S.HTTPS_PATTERN},
    dato={
        "type": "string",
        "pattern": S.DATE_PATTERN,
        "format": "date",
        "x-no-future": True,
        "x-no-future-hint": "skriv dagens dato",
    },
    fra={"type": "string", "pattern": S.DATE_PATTERN, "format": "date", "x-hint": "skriv ÅÅÅÅ-MM-DD!"},
    type={"type": "string", "enum": ["genoptraening", "samvaer"], "x-hint": "se listen"},
    art={"type": "string", "enum": ["a", "b"]},
    kommune={"type": "string", "enum": ["esbjerg", "varde"]},
)


@pytest.mark.parametrize(
    "value, found",
    [
        ("ab", ("for-kort", "'titel' er for kort (2 tegn, mindst 3)", "skriv lidt mere, så læseren forstår det")),
        ("abc", None),
        ("abcde", None),
        (
            "abcdef",
            (
                "for-lang",
                "'titel' er for lang (6 tegn, højst 5)",
                "skriv kortere; flyt detaljer til tilbuddets egen side",
            ),
        ),
    ],
)
def test_string_length_edges(value, found):
    assert problems(STRINGS, f"titel: {value}\n") == ([] if found is None else [(1, 8, "titel", *found)])


def test_a_string_too_long_gets_no_further_checks():
    assert [p[3] for p in problems(STRINGS, "titel: <b>x</b>\n")] == ["for-lang"]


def test_html_cpr_personal_data_and_links_in_text():
    assert problems(STRINGS, "fri: Se <b>her</b> 0101901234\n") == [
        (
            1,
            6,
            "fri",
            "html-ikke-tilladt",
            "'fri' indeholder HTML ('<b>')",
            "skriv almindelig tekst; brug **fed**, *kursiv* og [tekst](https://…) i stedet",
        ),
        (
            1,
            6,
            "fri",
            "cpr-nummer",
            "'fri' indeholder noget, der ligner et CPR-nummer",
            "fjern nummeret; siden må aldrig vise personoplysninger",
        ),
    ]
    assert one(STRINGS, "anonym: ring 12345678\n") == (
        "personoplysning",
        "'anonym' indeholder et telefonnummer",
        "fjern det; eksempler skal være anonyme, så skriv fx 'hun ringede til kommunen'",
    )
    assert problems(STRINGS, "fri: ring 12345678 [a](javascript:x)\n") == []  # neither anonymous nor Markdown
    assert problems(STRINGS, "tekst: '[a](javascript:x) [b](data:y) [c](https://z)'\n") == [
        (
            1,
            8,
            "tekst",
            "ugyldig-link",
            "'tekst' har et link, der ikke er tilladt ('javascript:x')",
            "links skal starte med https://, mailto: eller tel:",
        ),
        (
            1,
            8,
            "tekst",
            "ugyldig-link",
            "'tekst' har et link, der ikke er tilladt ('data:y')",
            "links skal starte med https://, mailto: eller tel:",
        ),
    ]


@pytest.mark.parametrize(
    "line, found",
    [
        (
            "kode: A1",
            ("ugyldig-værdi", "'kode' er ikke en gyldig værdi: 'A1'", "se feltets beskrivelse i feltreferencen"),
        ),
        ("telefon: '1234'", ("ugyldig-telefon", "'telefon' er ikke et telefonnummer: '1234'", "skriv 8 cifre")),
        (
            "email: a@b",
            ("ugyldig-email", "'email' er ikke en e-mailadresse: 'a@b'", "se feltets beskrivelse i feltreferencen"),
        ),
        (
            "link: 'http://x.dk'",
            (
                "ugyldig-link",
                "'link' skal starte med 'https://', men starter med 'http:'",
                "se feltets beskrivelse i feltreferencen",
            ),
        ),
        (
            "link: 'http://x.dk:8080/side'",
            (
                "ugyldig-link",
                "'link' skal starte med 'https://', men starter med 'http:'",
                "se feltets beskrivelse i feltreferencen",
            ),
        ),
        (
            "link: 'HTTPS://x'",
            ("ugyldig-link", "'link' er ikke en webadresse: 'HTTPS://x'", "se feltets beskrivelse i feltreferencen"),
        ),
        (
            "link: x.dk",
            ("ugyldig-link", "'link' er ikke en webadresse: 'x.dk'", "se feltets beskrivelse i feltreferencen"),
        ),
        (
            'kort: "ab\\u200Bc"',
            (
                "usynligt-tegn",
                "'kort' har et usynligt tegn eller et tegn, der vender skriveretningen (U+200B ved tegn 3)",
                "fjern tegnet",
            ),
        ),
        (
            "dato: '1.1.2026'",
            ("ugyldig-dato", "'dato' er ikke en dato: '1.1.2026'", "se feltets beskrivelse i feltreferencen"),
        ),
    ],
)
def test_pattern_messages(line, found):
    assert one(STRINGS, line + "\n") == found


@pytest.mark.parametrize(
    "day, found",
    [
        ("2026-11-23", None),
        (
            "2026-11-24",
            ("fremtidig-dato", "'dato' ligger i fremtiden (2026-11-24, og i dag er 2026-11-23)", "skriv dagens dato"),
        ),
        ("2026-02-29", ("ugyldig-dato", "'dato' er ikke en rigtig dato: '2026-02-29'", "skriv ÅÅÅÅ-MM-DD")),
    ],
)
def test_dates_real_and_not_in_the_future(day, found):
    assert problems(STRINGS, f'dato: "{day}"\n') == ([] if found is None else [(1, 7, "dato", *found)])


def test_a_date_without_x_no_future_may_lie_ahead_and_has_its_own_hint():
    assert problems(STRINGS, 'fra: "2030-01-01"\n') == []
    assert one(STRINGS, 'fra: "2030-02-30"\n') == (
        "ugyldig-dato",
        "'fra' er ikke en rigtig dato: '2030-02-30'",
        "skriv ÅÅÅÅ-MM-DD!",
    )


def test_enum_messages():
    assert one(STRINGS, "type: Samvær\n") == (
        "ugyldig-værdi",
        "'type' har værdien 'Samvær', som ikke er tilladt",
        "mente du 'samvaer'?",
    )
    assert one(STRINGS, "type: zzz\n") == (
        "ugyldig-værdi",
        "'type' har værdien 'zzz', som ikke er tilladt",
        "se listen",
    )
    assert one(STRINGS, "art: c\n") == (
        "ugyldig-værdi",
        "'art' har værdien 'c', som ikke er tilladt",
        "tilladte værdier: 'a', 'b'",
    )
    assert one(STRINGS, "kommune: vardee\n") == (
        "ukendt-kommune",
        "'kommune' henviser til kommunen 'vardee', som ikke findes",
        "mente du 'varde'?",
    )
    assert problems(STRINGS, "type: samvaer\nkommune: esbjerg\n") == []


# ---------------------------------------------------------------- numbers


NUMBERS = obj(alder={"type": "integer", "minimum": 0, "maximum": 120}, tal={"type": "integer", "enum": [1, 2]})


@pytest.mark.parametrize(
    "line, found",
    [
        ("alder: 0", None),
        ("alder: 120", None),
        (
            "alder: -1",
            ("uden-for-grænse", "'alder' er -1, men skal være mellem 0 og 120", "skriv et tal fra 0 til 120"),
        ),
        (
            "alder: 121",
            ("uden-for-grænse", "'alder' er 121, men skal være mellem 0 og 120", "skriv et tal fra 0 til 120"),
        ),
        ("tal: 2", None),
        ("tal: 3", ("ugyldig-værdi", "'tal' har værdien tallet 3, som ikke er tilladt", "tilladte værdier: '1', '2'")),
    ],
)
def test_number_limits_and_options(line, found):
    assert problems(NUMBERS, line + "\n") == (
        [] if found is None else [(1, len(line.split(":")[0]) + 3, line.split(":")[0], *found)]
    )


def test_a_decimal_number_is_held_to_its_limits():
    schema = obj(procent={"type": "number", "minimum": 0, "maximum": 100})
    assert problems(schema, "procent: 100.0\n") == []
    assert one(schema, "procent: -0.5\n") == (
        "uden-for-grænse",
        "'procent' er -0.5, men skal være mellem 0 og 100",
        "skriv et tal fra 0 til 100",
    )


# ---------------------------------------------------------------- edges found by mutation testing


def test_a_required_field_without_its_own_schema_is_still_named():
    assert problems({"type": "object", "required": ["b"]}, "a: 1\n") == [
        (1, 1, "", "mangler-felt", "påkrævet felt 'b' mangler", "tilføj feltet 'b'")
    ]


FORBIDDING = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"eksempel": {"type": "boolean"}, "dato": {"type": "string"}},
    "if": {"properties": {"eksempel": {"const": True}}, "required": ["eksempel"]},
    "then": {"properties": {"dato": False}},
}


def test_a_forbidden_field_gets_one_message_not_a_fix_to_its_value():
    assert problems(FORBIDDING, "eksempel: true\ndato: 5\n") == [
        (2, 1, "dato", "ikke-tilladt", "'dato' må ikke stå her, fordi posten har 'eksempel: true'", "slet 'dato'")
    ]
    assert problems(FORBIDDING, "eksempel: false\ndato: 5\n") == [
        (2, 7, "dato", "forkert-type", "'dato' skal være tekst, men er tallet 5", 'sæt værdien i anførselstegn, fx "5"')
    ]


def test_an_unknown_field_in_an_open_group_does_not_stop_the_fields_after_it():
    schema = {"type": "object", "properties": {"titel": {"type": "string"}}}
    assert problems(schema, "andet: 1\ntitel: 5\n") == [
        (
            2,
            8,
            "titel",
            "forkert-type",
            "'titel' skal være tekst, men er tallet 5",
            'sæt værdien i anførselstegn, fx "5"',
        )
    ]


def test_a_branch_field_that_is_absent_does_not_stop_the_next_one():
    """As in the real rule for examples: 'sidst_bekræftet' is forbidden, then 'kilde' gets its own check."""
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"eksempel": {"type": "boolean"}, "bekræftet": {"type": "string"}, "kilde": {"type": "string"}},
        "if": {"properties": {"eksempel": {"const": True}}, "required": ["eksempel"]},
        "then": {"properties": {"bekræftet": False, "kilde": {"type": "string", "minLength": 3}}},
    }
    assert problems(schema, "eksempel: true\nkilde: ab\n") == [
        (2, 8, "kilde", "for-kort", "'kilde' er for kort (2 tegn, mindst 3)", "skriv lidt mere, så læseren forstår det")
    ]


def test_an_empty_string_is_allowed_without_min_length():
    assert problems(STRINGS, 'fri: ""\n') == []


def test_a_future_date_without_its_own_hint_gets_the_general_one():
    schema = obj(tjekket={"type": "string", "format": "date", "x-no-future": True})
    assert problems(schema, 'tjekket: "2026-11-24"\n') == [
        (
            1,
            10,
            "tjekket",
            "fremtidig-dato",
            "'tjekket' ligger i fremtiden (2026-11-24, og i dag er 2026-11-23)",
            "skriv den dato, oplysningerne faktisk blev tjekket",
        )
    ]


def test_boolean_and_number_examples_are_written_as_in_yaml():
    schema = obj(
        ja={"type": "boolean", "examples": [True]},
        nej={"type": "boolean", "examples": [False]},
        antal={"type": "integer", "examples": [18]},
    )
    assert one(schema, "ja:\n") == ("tom-værdi", "'ja' er tom", "skriv en værdi, fx true")
    assert one(schema, "nej:\n") == ("tom-værdi", "'nej' er tom", "skriv en værdi, fx false")
    assert one(schema, "antal:\n") == ("tom-værdi", "'antal' er tom", "skriv en værdi, fx 18")
