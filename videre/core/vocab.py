"""Coded values used in records, with the Danish labels shown on pages.

Codes are lowercase ASCII slugs so they are safe in file names, URLs and CSS
classes; labels carry the Danish spelling. The JSON Schema enums and the
directory facets are both generated from these tables, so they cannot drift.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


def _table(*pairs: tuple[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(pairs))


OFFER_KINDS = _table(
    ("genoptraening", "Genoptræning efter genoptræningsplan"),
    ("socialpsykiatri", "Socialpsykiatrisk støtte"),
    ("depressionsforloeb", "Forløb for depression"),
    ("sundhedscenter", "Sundhedscenter og kurser"),
    ("beskaeftigelse", "Job og uddannelse"),
    ("samvaer", "Fællesskab og aktiviteter"),
    ("besoegsven", "Besøgsven og ledsager"),
    ("raadgivning", "Rådgivning og information"),
    ("paaroerende", "Til pårørende"),
)

LEGAL_BASES = _table(
    ("serviceloven-82a", "Serviceloven § 82 a: gruppebaseret hjælp og støtte"),
    ("serviceloven-82b", "Serviceloven § 82 b: tidsbegrænset socialpædagogisk støtte"),
    ("serviceloven-85", "Serviceloven § 85: socialpædagogisk støtte"),
    ("serviceloven-99", "Serviceloven § 99: støtte- og kontaktperson"),
    ("serviceloven-103", "Serviceloven § 103: beskyttet beskæftigelse"),
    ("serviceloven-104", "Serviceloven § 104: aktivitets- og samværstilbud"),
    ("serviceloven-107", "Serviceloven § 107: midlertidigt botilbud"),
    ("serviceloven-108", "Serviceloven § 108: længerevarende botilbud"),
    ("sundhedsloven-140", "Sundhedsloven § 140: genoptræning efter udskrivning"),
    ("sundhedsloven-119", "Sundhedsloven § 119: forebyggelse og sundhedsfremme"),
    ("ingen", "Ingen lovhjemmel: foreningens eget tilbud"),
)
"""The law an offer is given under. It decides the way in: § 85 needs a municipal decision, § 99 and most
§ 104 offers do not. Optional on a record: set it only where the source names the section."""

PROBLEMS = _table(
    ("alle", "Alle psykiske vanskeligheder"),
    ("angst", "Angst"),
    ("depression", "Depression"),
    ("psykose", "Psykose og skizofreni"),
    ("ptsd", "PTSD og traumer"),
    ("bipolar", "Bipolar lidelse"),
    ("ocd", "OCD (tvangstanker)"),
    ("spiseforstyrrelse", "Spiseforstyrrelse"),
    ("personlighedsforstyrrelse", "Personlighedsforstyrrelse"),
    ("adhd", "ADHD"),
    ("stress", "Stress"),
    ("ensomhed", "Ensomhed"),
    ("selvmordstanker", "Selvmordstanker"),
    ("misbrug", "Misbrug"),
)

CONTENT_ELEMENTS = _table(
    ("struktur-i-hverdagen", "Struktur i hverdagen"),
    ("strategier", "Indlæring af strategier"),
    ("kognitiv-traening", "Kognitiv træning"),
    ("eksponering", "Eksponering"),
    ("fysisk-traening", "Fysisk træning"),
    ("sanseintegration", "Sanseintegration"),
    ("mindfulness", "Mindfulness"),
    ("naturterapi", "Naturterapi"),
    ("kropslig-forankring", "Kropslig forankring og vejrtrækning"),
    ("mentalisering", "Mentalisering"),
    ("psykoedukation", "Psykoedukation"),
    ("sygdomsmestring", "Sygdomsmestring"),
    ("rygestop", "Rygestop"),
    ("kost", "Kost"),
    ("samvaer", "Samvær med andre"),
    ("samtale", "Samtaler og rådgivning"),
    ("ledsagelse", "Ledsagelse"),
)

SIGNS = _table(
    ("soevnproblemer", "Søvnproblemer"),
    ("mareridt", "Mareridt"),
    ("undgaaelse", "Undgår steder og mennesker"),
    ("isolation", "Trækker sig fra andre"),
    ("hukommelse", "Dårlig hukommelse"),
    ("koncentration", "Svært ved at koncentrere sig"),
    ("overblik", "Mistet overblikket over hverdagen"),
    ("doegnrytme", "Uregelmæssig døgnrytme"),
    ("spisning", "Spiser uregelmæssigt eller for meget"),
    ("fysisk-form", "Dårlig fysisk form"),
    ("anspaendthed", "Anspændt og urolig"),
    ("smerter", "Smerter og spændinger i kroppen"),
    ("selvmordstanker", "Tanker om selvmord"),
    ("psykotiske-symptomer", "Psykotiske symptomer"),
    ("ude-af-arbejde", "Ude af arbejde eller uddannelse"),
)
"""Signs and situations a case is about, in the words staff use: what the story shows, not a diagnosis."""

SEARCH_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # signs (SIGNS)
        "soevnproblemer": ("kan ikke sove", "søvnløshed", "sover dårligt", "søvnbesvær"),
        "mareridt": ("mareridt", "drømmer om", "vågner om natten"),
        "undgaaelse": ("tør ikke gå ud", "går ikke ud", "undgåelse", "undgår", "bliver hjemme"),
        "isolation": ("isolerer sig", "isolation", "ensom", "ser ikke venner", "trukket sig"),
        "hukommelse": ("hukommelsesproblemer", "hukommelsesbesvær", "glemmer", "husker dårligt"),
        "koncentration": ("koncentrationsbesvær", "koncentrationsproblemer", "kan ikke koncentrere sig"),
        "overblik": ("kan ikke overskue", "overskud", "struktur på dagen", "planlægning"),
        "doegnrytme": ("sover længe", "vendt døgn", "kommer ikke op"),
        "spisning": ("overspiser", "spiser uregelmæssigt", "spiseproblemer"),
        "fysisk-form": ("dårlig form", "kondition", "inaktiv"),
        "anspaendthed": ("anspændt", "urolig", "uro", "farer sammen", "nervøs"),
        "smerter": ("ondt i nakken", "ondt i kroppen", "muskelspændinger"),
        "selvmordstanker": ("selvmordstanker", "tanker om selvmord", "selvmordsforsøg", "vil ikke leve"),
        "psykotiske-symptomer": ("hører stemmer", "vrangforestillinger", "hallucinationer", "psykotisk"),
        "ude-af-arbejde": ("sygemeldt", "arbejdsløs", "ledig", "droppet ud"),
        # problems (PROBLEMS)
        "angst": ("angstanfald", "panikangst", "social angst"),
        "depression": ("nedtrykt", "deprimeret", "tristhed"),
        "psykose": ("skizofreni", "psykotisk"),
        "ptsd": ("traume", "traumatiseret", "posttraumatisk"),
        "bipolar": ("maniodepressiv", "mani"),
        "ocd": ("tvangstanker", "tvangshandlinger"),
        "spiseforstyrrelse": ("anoreksi", "bulimi"),
        "misbrug": ("alkohol", "hash", "rusmidler"),
        # legal bases (LEGAL_BASES)
        "serviceloven-82a": ("gruppeforløb", "forebyggende gruppetilbud", "§ 82 a"),
        "serviceloven-82b": ("tidsbegrænset støtte", "forebyggende støtte", "§ 82 b"),
        "serviceloven-85": ("bostøtte", "socialpædagogisk støtte", "hjemmevejledning", "støtte i eget hjem", "§ 85"),
        "serviceloven-99": ("støtte- og kontaktperson", "støttekontaktperson", "SKP", "opsøgende", "§ 99"),
        "serviceloven-103": ("beskyttet beskæftigelse", "beskyttet værksted", "§ 103"),
        "serviceloven-104": ("aktivitets- og samværstilbud", "værested", "samværstilbud", "§ 104"),
        "serviceloven-107": ("midlertidigt botilbud", "bosted", "§ 107"),
        "serviceloven-108": ("længerevarende botilbud", "bosted", "§ 108"),
        "sundhedsloven-140": ("§ 140",),
        "sundhedsloven-119": ("forebyggelse", "patientrettet forebyggelse", "§ 119"),
    }
)
"""Everyday words for a coded sign, problem or legal basis, indexed with the pages that carry the code (not shown)."""


def search_words(*tables_and_codes: tuple[Mapping[str, str], tuple[str, ...]]) -> list[str]:
    """Labels and everyday words of the given codes, each once, for the search index."""
    words: dict[str, None] = {}
    for table, codes in tables_and_codes:
        for code in codes:
            words.update(dict.fromkeys((label(table, code), *SEARCH_WORDS.get(code, ()))))
    return list(words)


DELIVERY_MODES = _table(
    ("hjemme", "Hjemme hos dig"),
    ("udendoers", "Udendørs"),
    ("center", "På et center"),
    ("telefon", "Telefon"),
    ("video", "Video"),
)

REFERRAL_ROUTES = _table(
    ("gop", "Genoptræningsplan (GOP) fra sygehuset"),
    ("henvisning", "Henvisning fra læge"),
    ("visitation", "Visitation i kommunen efter serviceloven"),
    ("egen-henvendelse", "Du kan selv henvende dig"),
    ("anonym", "Anonym henvendelse"),
)

LANGUAGES = _table(
    ("da", "Dansk"),
    ("en", "Engelsk"),
    ("de", "Tysk"),
    ("ar", "Arabisk"),
    ("tr", "Tyrkisk"),
    ("uk", "Ukrainsk"),
    ("pl", "Polsk"),
    ("so", "Somali"),
    ("fa", "Persisk"),
    ("ur", "Urdu"),
    ("sgn", "Dansk tegnsprog"),
)

FUNCTION_DOMAINS = _table(
    ("kropslig", "Kropslig"),
    ("kognitiv", "Kognitiv"),
    ("foelelsesmaessig", "Følelsesmæssig (emotionel)"),
    ("social", "Social"),
    ("bevaegelse", "Bevægelse"),
    ("aktivitet", "Aktivitet"),
)
"""Kinds of lost function a need for rehabilitation rests on, not the diagnosis (S001 400–404)."""

SOURCE_DOCUMENTS = _table(
    ("S000", "S000: Region Midtjylland, kommissorium (2016)"),
    ("S001", "S001: Region Syddanmark, arbejdsgruppenotat (2020)"),
    ("S002", "S002: Region Midtjylland, statusnotat (2015–2016)"),
    ("S003", "S003: Generel Sundhedsaftale for Region Midtjylland (omkring 2008)"),
    ("S004", "S004: Region Hovedstaden, tekstforslag (2024)"),
)
"""The seed documents that guidance, cases and figures cite; anchors on kilder.md are the lowercase codes."""

NATIONWIDE = "hele-landet"
"""Coverage value meaning that a partner offer reaches every municipality."""


ALL_PROBLEMS = "alle"
"""The problem code for every difficulty: such an offer matches every problem, and no filter offers it."""


def label(table: Mapping[str, str], code: str) -> str:
    """The Danish label of a code; unknown codes fall back to the code itself."""
    return table.get(code, code)


AGE_GROUPS: tuple[tuple[str, str, int, int], ...] = (
    ("boern-unge", "Børn og unge (0–17 år)", 0, 17),
    ("unge-voksne", "Unge voksne (18–29 år)", 18, 29),
    ("voksne", "Voksne (30–64 år)", 30, 64),
    ("aeldre", "Ældre (65 år og derover)", 65, 200),
)
"""Directory facet: an offer belongs to every group its age range overlaps."""


def age_groups(age_from: int, age_to: int) -> tuple[str, ...]:
    return tuple(code for code, _, low, high in AGE_GROUPS if age_from <= high and age_to >= low)


EXAMPLE_BADGE = "Eksempel – ikke bekræftet"
"""The visible mark on every record with ``eksempel: true``, wherever it is shown."""

CRISIS_WORDS: tuple[str, ...] = (
    "krise",
    "krisehjælp",
    "akut hjælp",
    "akut krise",
    "psykisk krise",
    "selvmordsfare",
    "selvmordstanker",
    "vil ikke leve",
    "hjælp nu",
    "krisetelefon",
)
"""Words staff search with for crisis help. The crisis block (on handouts, kiosk and municipality pages) carries
them as hidden search words: ``hidden_words("krise", CRISIS_WORDS | join(" · "), "5")`` in its template."""

STATE_EXAMPLE = "eksempel"
STATE_SOURCED = "kilde"
STATE_CONFIRMED = "bekraeftet"
RECORD_STATES = _table(
    (STATE_EXAMPLE, "Eksempel: ikke tjekket mod en rigtig kilde"),
    (STATE_SOURCED, "Fra en offentlig side: ikke bekræftet af dem, der driver tilbuddet"),
    (STATE_CONFIRMED, "Bekræftet af dem, der driver tilbuddet, eller af kommunen"),
)
"""The three states of a confirmable record (:func:`videre.core.model.record_state`), in exports and on pages."""

SOURCED_BADGES = _table(
    ("kommune", "Fra kommunens hjemmeside – ikke bekræftet"),
    ("partner", "Fra foreningens hjemmeside – ikke bekræftet"),
    ("region", "Fra regionens hjemmeside – ikke bekræftet"),
)
"""The visible mark on a record read from a public page (``kilde: {url, læst}``), by who keeps the record.
It never says 'bekræftet' without 'ikke': no one who runs the offer has confirmed it."""

CLAIM_QUESTIONS = _table(
    ("kommune", "Arbejder du i kommunen?"),
    ("partner", "Arbejder du i foreningen?"),
    ("region", "Arbejder du i regionen?"),
)
"""The question that invites those who run a record read from a public page to confirm it, by whose page it is."""

EXAMPLES_HEADING = "Eksempler"
EXAMPLES_TEXT = (
    "Disse tilbud er eksempler. De viser, hvordan siden ser ud, når kommunen eller foreningen har lagt "
    "sine tilbud ind. Ingen har tjekket dem, så brug dem ikke til at henvise."
)
"""The heading and text above the examples, which follow the real records on every list."""
