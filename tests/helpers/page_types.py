"""Every page type on the site, with one example address each (relative to the site root).

The quality gates (accessibility, privacy, CSP, console errors) run over this
list, so a new page type joins every gate by adding one line here.
"""

PAGE_TYPES: dict[str, str] = {
    "forside": "",
    "kommuneoversigt": "kommuner/",
    "kommune": "kommuner/esbjerg/",
    "kommune-uden-poster": "kommuner/laesoe/",
    "region": "regioner/syddanmark/",
    "foreninger": "partnere/",
    "partner": "partnere/sind/",
    "katalog": "tilbud/",
    "katalog-filtreret": "tilbud/?kommune=esbjerg&problem=depression",
    "tilbud": "tilbud/esbjerg/genoptraening-efter-psykiatrisk-indlaeggelse/",
    "vejledning": "vejledning/ret-til-gop/",
    "ordliste": "vejledning/ordliste/",
    "kilder": "kilder/",
    "soeg": "sog/?q=angst",
    "privatliv": "privatliv/",
    "tilgaengelighed": "tilgaengelighed/",
    "ikke-fundet": "404.html",
    "feltreference": "feltreference/",
    "feltreference-type": "feltreference/tilbud/",
    "gennemsyn": "gennemsyn/",
    "senest-aendret": "senest-aendret/",
    "omdirigering": "tilbud/esbjerg/genoptraening/",
    "flow": "forloeb/",
    "flow-patient": "forloeb/patient/",
    "flow-print": "forloeb/print-a4/",
    "flow-print-a3": "forloeb/print-a3/",
    "beslutning": "beslutning/",
    "sager": "sager/",
    "sag": "sager/henrik/",
    "sag-konstrueret": "sager/angst-og-undgaaelse/",
    "indholdsoversigt": "indhold/",
    "indhold": "indhold/kognitiv-traening/",
    "typeoversigt": "typer/",
    "type": "typer/genoptraening/",
    "tal": "tal/",
    "skaerm-oversigt": "skaerm/",
    "kiosk-offentlig": "skaerm/venterum-esbjerg/",
    "handout-kommune": "udskrivning/esbjerg/",
    "tilbud-forening": "tilbud/sind/faellesspisning-og-samvaer/",  # prints as its sheet: tests/pages/test_handouts.py
    "tilbud-fra-hjemmeside": "tilbud/nyborg/genoptraening-efter-indlaeggelse/",  # read from a public page
    "kommune-med-rigtige-tilbud": "kommuner/nyborg/",  # real records first, examples after
    "daekning": "daekning/",
}
