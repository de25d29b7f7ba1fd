"""Small record texts for tests, built from one valid offer so each test changes one thing."""

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
eksempel: true
"""

GOOD_PARTNER = """\
navn: Testforeningen
kort_navn: Test
beskrivelse: En forening til test.
web: https://forening.example.org
sidst_bekræftet: {dato: "2026-10-01", af: Redaktionen}
eksempel: true
"""

GOOD_PARTNER_OFFER = GOOD_OFFER.replace("type: genoptraening", "type: samvaer").replace(
    "henvisning: [gop]", "henvisning: [egen-henvendelse]") + "dækning: [varde, region-nordjylland]\n"

GOOD_CONTACTS = """\
gop_modtager:
  rolle: Modtagelse af genoptræningsplaner
  sikker_post: sikkerpost@esbjerg.example.org
  tider: Hverdage kl. 8–15
sidst_bekræftet: {dato: "2026-10-01", af: Træning og Rehabilitering}
eksempel: true
"""
