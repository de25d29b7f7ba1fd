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
}
