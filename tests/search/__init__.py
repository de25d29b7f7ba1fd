"""Danish search recall: fixed queries, each paired with the pages it must find."""

from __future__ import annotations

from pathlib import Path

import yaml

QUERIES_FILE = Path(__file__).with_name("queries.yaml")
TOP = 5

PAGEFIND_SEARCH = """
async ([query, top]) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI.replace(/sog\\/.*$/, "")).href);
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, top).map((r) => r.data()));
  return data.map((d) => d.url);
}
"""


def queries() -> list[dict]:
    return yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))


def normalise(url: str) -> str:
    """Site-relative page address without host, leading slash or index.html."""
    path = url.split("://", 1)[-1]
    path = path.split("/", 1)[1] if "://" in url else path
    return path.lstrip("/").removesuffix("index.html")


def recall(results: dict[str, list[str]]) -> tuple[float, list[dict]]:
    rows = []
    for item in queries():
        found = [normalise(u) for u in results[item["soeg"]]]
        hit = any(page in found for page in item["find"])
        rows.append({"soeg": item["soeg"], "hvorfor": item["hvorfor"], "fundet": hit, "top": found})
    return sum(r["fundet"] for r in rows) / len(rows), rows
