"""Danish search recall: fixed queries, each paired with the pages it must find."""

from __future__ import annotations

from pathlib import Path

import yaml

QUERIES_FILE = Path(__file__).with_name("queries.yaml")
ROOT = Path(__file__).resolve().parent.parent.parent
TOP = 5

SETUP = """
  const parts = await window.videreSoegning.dele;  // the other indexes of a large site (videre-sog.js)
  const url = new URL("pagefind/pagefind.js", document.baseURI.replace(/sog\\/.*$/, "")).href;
  // With several indexes, a module of its own: the page's search box merges them into its module once.
  const pagefind = await import(parts.length ? url + "?alle-dele" : url);
  await pagefind.options({ ranking: window.videreSoegning.ranking });  // the search page's own settings
  if (parts.length && !window.videreTestDele) {
    window.videreTestDele = true;
    for (const part of parts) { await pagefind.mergeIndex(part, { ranking: window.videreSoegning.ranking }); }
  }
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, top).map((r) => r.data()));
"""

PAGEFIND_SEARCH = "async ([query, top]) => {" + SETUP + "  return data.map((d) => d.url);\n}"

PAGEFIND_EXCERPTS = (
    "async ([query, top]) => {"
    + SETUP
    + """
  // As the search page shows them: its processResult (videre-sog.js) makes excerpts from the visible words.
  return data.map((d) => window.videreSoegning.synligt(d)).map((d) => ({
    url: d.url, excerpt: d.excerpt, sub_results: d.sub_results.map((s) => ({ url: s.url, excerpt: s.excerpt })),
  }));
}"""
)


ASCII_NAMES = {
    "Morsø": "Morsoe",
    "Brønderslev": "Broenderslev",
    "Læsø": "Laesoe",
    "Hjørring": "Hjoerring",
    "Samsø": "Samsoe",
    "Ringkøbing-Skjern": "Ringkoebing-Skjern",
    "Ærø": "Aeroe",
    "Sønderborg": "Soenderborg",
    "Tønder": "Toender",
    "Fanø": "Fanoe",
    "København": "Koebenhavn",
    "Brøndby": "Broendby",
    "Dragør": "Dragoer",
    "Høje-Taastrup": "Hoeje-Taastrup",
    "Lyngby-Taarbæk": "Lyngby-Taarbaek",
    "Rødovre": "Roedovre",
    "Ishøj": "Ishoej",
    "Tårnby": "Taarnby",
    "Vallensbæk": "Vallensbaek",
    "Furesø": "Furesoe",
    "Allerød": "Alleroed",
    "Helsingør": "Helsingoer",
    "Hillerød": "Hilleroed",
    "Hørsholm": "Hoersholm",
    "Halsnæs": "Halsnaes",
    "Køge": "Koege",
    "Solrød": "Solroed",
    "Holbæk": "Holbaek",
    "Sorø": "Soroe",
    "Næstved": "Naestved",
    "Region Sjælland": "Region Sjaelland",
}
"""Each place name with æ, ø or å as staff type it on a foreign keyboard, written out by hand (not made by the
folding under test). A new name with æ, ø or å in the register must be added here."""


def name_queries() -> list[dict]:
    """Every municipality and region by each of its names, generated from the register (not typed in):
    the official name, the other names in ``andre_navne`` and the ASCII spelling from :data:`ASCII_NAMES`.
    Each must bring its own page to rank 1."""
    from videre.catalog.load import load_catalog

    register = load_catalog(ROOT / "data").catalog.register
    places = [(m.name, m.alt_names, f"kommuner/{m.slug}/") for m in register.municipalities]
    places += [(r.name, r.alt_names, f"regioner/{r.slug}/") for r in register.regions]
    missing = [name for name, _, _ in places if not name.isascii() and name not in ASCII_NAMES]
    assert missing == [], f"skriv ASCII-stavemåden i ASCII_NAMES: {missing}"
    found = []
    for name, others, page in places:
        for query in dict.fromkeys((name, ASCII_NAMES.get(name, name))):
            found.append({"soeg": query, "find": [page], "hvorfor": "stednavn, rang 1"})
        for query in others:
            found.append({"soeg": query, "find": [page], "hvorfor": "andet navn i registeret, rang 1"})
    return found


def rank(found: list[str], wanted: list[str]) -> int | None:
    """1-based place of the first wanted page in the results, or None."""
    return next((i for i, page in enumerate(found, 1) if page in wanted), None)


def queries() -> list[dict]:
    return yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))


def normalise(url: str) -> str:
    """Site-relative page address without host, leading slash or index.html."""
    path = url.split("://", 1)[-1]
    path = path.split("/", 1)[1] if "://" in url else path
    return path.lstrip("/").removesuffix("index.html")


def recall(results: dict[str, list[str]], items: list[dict] | None = None) -> tuple[float, list[dict]]:
    rows = []
    for item in queries() if items is None else items:
        found = [normalise(u) for u in results[item["soeg"]]]
        place = rank(found[:TOP], item["find"])
        rows.append(
            {"soeg": item["soeg"], "hvorfor": item["hvorfor"], "fundet": place is not None, "rang": place, "top": found}
        )
    return sum(r["fundet"] for r in rows) / len(rows), rows
