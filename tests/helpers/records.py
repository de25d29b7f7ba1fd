"""Small record texts for tests, built from one valid offer so each test changes one thing.

The GOOD_* records are confirmed (``eksempel: false``) so tests can exercise dates and review;
:func:`as_example` turns any of them into an example, which has no ``sidst_bekræftet``.
"""

import re

GOOD_OFFER = """\
titel: Genoptræning efter indlæggelse
type: genoptraening
beskrivelse: |
  Du træner med en **ergoterapeut** hjemme eller udendørs.
målgruppe:
  alder: {fra: 18, til: 120}
  problemer: [angst, depression]
form: [hjemme, udendoers]
henvisning: [gop]
kontakt:
  rolle: Visitator
  email: genoptraening@esbjerg.example.org
sidst_bekræftet:
  dato: "2026-10-01"
  af: Træning og Rehabilitering
eksempel: false
"""

GOOD_PARTNER = """\
navn: Testforeningen
kort_navn: Test
beskrivelse: En forening til test.
web: https://forening.example.org
sidst_bekræftet: {dato: "2026-10-01", af: Redaktionen}
eksempel: false
"""

GOOD_PARTNER_OFFER = (
    GOOD_OFFER.replace("type: genoptraening", "type: samvaer").replace(
        "henvisning: [gop]", "henvisning: [egen-henvendelse]"
    )
    + "dækning: [varde, region-nordjylland]\n"
)

GOOD_CONTACTS = """\
gop_modtager:
  rolle: Modtagelse af genoptræningsplaner
  sikker_post: sikkerpost@esbjerg.example.org
  tider: Hverdage kl. 8–15
sidst_bekræftet: {dato: "2026-10-01", af: Træning og Rehabilitering}
eksempel: false
"""

GOOD_CASE = """\
titel: Kvinde, 30 år, med angst
resumé: Hun er holdt op med at gå ud. Hun træner trin for trin.
konstrueret: true
problemer: [angst]
situation: Hun har haft angst i flere år.
funktionstab:
  områder: [social, bevaegelse]
  beskrivelse: Hun undgår butikker og busser.
hvorfor_gop: Hun har brug for træning med en terapeut.
forløb_i_kommunen: Terapeuten og hun træner ude.
resultat: Hun handler selv.
tilbudstyper: [genoptraening]
indhold: [eksponering]
kilde: {dokument: S001, linjer: "629–657"}
"""

GOOD_FLOW = """\
titel: Patientens vej
beskrivelse: Fra sygehuset til kommunen.
kilde: {dokument: S001, linjer: "1098–1306"}
baner:
  - {id: sygehus, titel: Psykiatrisygehuset}
  - {id: kommune, titel: Kommunen}
trin:
  - id: H1
    bane: sygehus
    titel: Patienten bliver indlagt
    uddybning: Patienten kommer på afdelingen.
    kilde: {dokument: S001, linjer: "1109–1126"}
    vejledning: vejledning/ret-til-gop.md
    videre:
      - til: H2
  - id: H2
    bane: sygehus
    type: beslutning
    titel: Skal patienten have en plan?
    uddybning: Tre kriterier.
    kriterier:
      - {kode: funktionstab, tekst: Funktionstab, spørgsmål: Har patienten mistet funktion?, hjælp: Fx hukommelse.}
    ja: {til: K1, tekst: Skriv planen}
    nej: {til: K1, tekst: Andre indsatser}
    kilde: {dokument: S001, linjer: "1158–1181"}
    vejledning: vejledning/ret-til-gop.md
  - id: K1
    bane: kommune
    titel: Kommunen modtager planen
    uddybning: Visitationen behandler planen.
    kilde: {dokument: S001, linjer: "1224–1233"}
    vejledning: vejledning/i-kommunen.md
patientvej:
  titel: Din vej
  intro: Sådan foregår det.
  trin:
    - {titel: Du bliver indlagt, tekst: Du kommer på afdelingen., dækker: [H1]}
    - {titel: Vi vurderer, tekst: Vi ser på det svære., dækker: [H2]}
    - {titel: Du kommer hjem, tekst: Planen sendes til kommunen., dækker: [H2]}
    - {titel: Du træner, tekst: Kommunen ringer til dig., dækker: [K1]}
"""

GOOD_FIGURES = """\
titel: Tal
intro: Tal fra kilderne.
figurer:
  - id: planer
    titel: Planer fra psykiatrien
    tekst: Tallet steg.
    enhed: antal
    akse: År
    serier:
      - navn: Planer
        værdier:
          - {etiket: "2018", værdi: 132}
          - {etiket: "2019", værdi: 193}
    periode: 2018–2019
    kilde: {dokument: S001, linjer: "52–56"}
"""


_CONFIRMATION = re.compile(r"^sidst_bekræftet:(?: \{[^\n]*\}\n|\n(?:  [^\n]*\n)+)", re.M)


def as_example(text: str) -> str:
    """The record as an example: ``eksempel: true`` and no ``sidst_bekræftet``, as the schema requires."""
    stripped, found = _CONFIRMATION.subn("", text)
    assert found == 1 and "eksempel: false\n" in stripped, "the record must be confirmed to begin with"
    return stripped.replace("eksempel: false\n", "eksempel: true\n")


EXAMPLE_OFFER = as_example(GOOD_OFFER)
EXAMPLE_PARTNER = as_example(GOOD_PARTNER)
EXAMPLE_CONTACTS = as_example(GOOD_CONTACTS)


def as_sourced(text: str, url: str, read: str, page_date: str | None = None) -> str:
    """The record as read from a public page: no ``sidst_bekræftet``, no ``eksempel``, and a ``kilde`` object."""
    stripped, found = _CONFIRMATION.subn("", text)
    assert found == 1 and "eksempel: false\n" in stripped, "the record must be confirmed to begin with"
    source = f'kilde:\n  url: {url}\n  læst: "{read}"\n' + (f'  sidens_dato: "{page_date}"\n' if page_date else "")
    return stripped.replace("eksempel: false\n", source)


SOURCE_URL = "https://www.esbjerg.example.org/borger/sundhed/genoptraening"
SOURCED_OFFER = as_sourced(GOOD_OFFER, SOURCE_URL, "2026-11-20", "2025-03-04")
SOURCED_CONTACTS = as_sourced(
    GOOD_CONTACTS, "https://www.esbjerg.example.org/borger/sundhed/genoptraeningsplan", "2026-11-20"
)
SOURCED_PARTNER = as_sourced(GOOD_PARTNER, "https://forening.example.org/om-os", "2026-11-20")
