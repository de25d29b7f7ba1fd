"""The benchmark table: each figure per data set, its budget, pass or miss, and growth from 1×."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

LINEAR_SLACK = 1.2
"""Growth up to 1.2 × the scale factor counts as linear (timings on a shared machine wobble)."""


def scale_label(scale: float) -> str:
    return f"{scale:g}x"


def _get(data: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict) or data.get(key) is None:
            return None
        data = data[key]
    return data


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    read: Callable[[dict[str, Any]], float | None]
    budget: float | None = None
    budget_on: str = "1x"
    """Which data set the budget applies to: the national scale (1x) or the real data."""


def _kb(value: Any) -> float | None:
    return None if value is None else value / 1024


def _mb(value: Any) -> float | None:
    return None if value is None else value / (1024 * 1024)


def _ratio(data: dict[str, Any], peer: str, rounds: slice = slice(None), runs: str = "runs_s") -> float | None:
    """Our build over the peer's, round by round (each pair ran under the same load); the median of those.

    ``runs="runs_cpu_s"`` compares CPU seconds instead of wall time: on a shared machine the load can
    change between the two builds of a round, CPU time much less."""
    ours, theirs = _get(data, "build", runs), _get(data, "peers", peer, runs)
    if not ours or not theirs:
        return None
    ratios = sorted(a / b for a, b in list(zip(ours, theirs))[rounds] if b)
    return (ratios[(len(ratios) - 1) // 2] + ratios[len(ratios) // 2]) / 2 if ratios else None


def _best_ratio(data: dict[str, Any], peer: str) -> float | None:
    """Our fastest build over the peer's fastest. The rounds' ratio can flatter us: a peer round that runs
    just after our build may be slowed by it (writing our output to disk), and our later builds have a cache."""
    ours, theirs = _get(data, "build", "wall_s"), _get(data, "peers", peer, "wall_s")
    return ours / theirs if ours and theirs else None


FIGURES: tuple[Figure, ...] = (
    Figure("offers", "Tilbud (poster)", "", lambda d: _get(d, "validate", "offers")),
    Figure("contact_roles", "Kontaktroller", "", lambda d: _get(d, "validate", "contact_roles")),
    Figure("validate_s", "Validering, alle poster", "s", lambda d: _get(d, "validate", "wall_s"), 1.0),
    Figure("build_s", "Fuld bygning (mkdocs build --strict)", "s", lambda d: _get(d, "build", "wall_s"), 10.0),
    Figure("build_cold_s", "Fuld bygning, første kørsel (tom cache)", "s", lambda d: _get(d, "build", "cold_s"), 10.0),
    Figure("peer_hugo_s", "Hugo, samme poster, samme kørsel", "s", lambda d: _get(d, "peers", "hugo", "wall_s")),
    Figure(
        "peer_pagefind_s",
        "Hugo + Pagefind, samme poster, samme kørsel",
        "s",
        lambda d: _get(d, "peers", "hugo_pagefind", "wall_s"),
    ),
    Figure("peer_html_files", "Hugo: HTML-filer", "", lambda d: _get(d, "peers", "html_files")),
    Figure("ratio_hugo", "Fuld bygning / Hugo, median pr. runde", "×", lambda d: _ratio(d, "hugo")),
    Figure(
        "ratio_peer",
        "Fuld bygning / (Hugo + Pagefind), median pr. runde",
        "×",
        lambda d: _ratio(d, "hugo_pagefind"),
        2.0,
    ),
    Figure(
        "ratio_peer_cpu",
        "CPU-tid: fuld bygning / (Hugo + Pagefind), median pr. runde",
        "×",
        lambda d: _ratio(d, "hugo_pagefind", runs="runs_cpu_s"),
    ),
    Figure(
        "ratio_peer_cold",
        "Første bygning (tom cache) / (Hugo + Pagefind)",
        "×",
        lambda d: _ratio(d, "hugo_pagefind", slice(0, 1)),
        2.0,
    ),
    Figure(
        "ratio_peer_best",
        "Bedste bygning / bedste Hugo + Pagefind",
        "×",
        lambda d: _best_ratio(d, "hugo_pagefind"),
        2.0,
    ),
    Figure("build_real_s", "Bygning af de rigtige data", "s", lambda d: _get(d, "build", "wall_s"), 3.0, "real"),
    Figure("build_cpu_s", "Bygning, CPU-tid (bruger + system)", "s", lambda d: _get(d, "build", "cpu_s")),
    Figure("peak_rss_mb", "Bygning, største hukommelse (RSS)", "MB", lambda d: _get(d, "build", "peak_rss_mb")),
    Figure("output_mb", "Output i alt", "MB", lambda d: _mb(_get(d, "sizes", "output_bytes"))),
    Figure("per_offer_kb", "Output pr. tilbud", "KB", lambda d: _kb(_get(d, "sizes", "bytes_per_offer"))),
    Figure("html_files", "HTML-filer", "", lambda d: _get(d, "sizes", "html_files")),
    Figure("largest_html_kb", "Største HTML-side", "KB", lambda d: _kb(_get(d, "sizes", "largest_html_bytes")), 300),
    Figure("pagefind_mb", "Søgeindeks (site/pagefind)", "MB", lambda d: _mb(_get(d, "sizes", "pagefind_bytes"))),
    Figure(
        "search_kb", "Hentet for én søgning", "KB", lambda d: _kb(_get(d, "browser", "search", "one_search", "bytes"))
    ),
    Figure("katalog_kb", "Katalogdata (katalog.json)", "KB", lambda d: _kb(_get(d, "sizes", "katalog_json_bytes"))),
    Figure("filter_p50_ms", "Filter i kataloget, p50", "ms", lambda d: _get(d, "browser", "filters", "p50_ms")),
    Figure("filter_p95_ms", "Filter i kataloget, p95", "ms", lambda d: _get(d, "browser", "filters", "p95_ms"), 50),
    Figure(
        "search_first_ms",
        "Søgning: første resultat efter indtastning",
        "ms",
        lambda d: _get(d, "browser", "search", "first_result_ms"),
        300,
    ),
    Figure(
        "search_warm_ms", "Søgning: næste søgninger, p50", "ms", lambda d: _get(d, "browser", "search", "warm_p50_ms")
    ),
    Figure(
        "kiosk_kb", "Skærm (kiosk): første indlæsning", "KB", lambda d: _kb(_get(d, "browser", "kiosk", "bytes")), 500
    ),
    Figure("edit_s", "Ret én post under make serve, til siden vises", "s", lambda d: _get(d, "edit", "edit_s"), 3.0),
    Figure(
        "edit_municipality_s",
        "Ret én post under make serve, til kommunens side vises",
        "s",
        lambda d: _get(d, "edit", "municipality_edit_s"),
        3.0,
    ),
)


def _verdict(figure: Figure, value: float | None) -> str:
    if figure.budget is None:
        return ""
    if value is None:
        return "n/a"
    return "pass" if value <= figure.budget else f"MISS (+{(value / figure.budget - 1) * 100:.0f} %)"


def figures(datasets: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for figure in FIGURES:
        values = {label: figure.read(data) for label, data in datasets.items()}
        if figure.budget_on == "real":  # a figure only about the real data
            values = {"real": values.get("real")}
        row: dict[str, Any] = {
            "key": figure.key,
            "label": figure.label,
            "unit": figure.unit,
            "values": values,
            "budget": figure.budget,
            "budget_on": figure.budget_on if figure.budget else None,
        }
        if figure.budget is not None:
            row["verdict"] = _verdict(figure, values.get(figure.budget_on))
            if figure.budget_on == "1x" and "real" in values:
                row["verdict_real"] = _verdict(figure, values.get("real"))
        base = values.get("1x")
        growth = {}
        for label, value in values.items():
            if label in ("real", "1x") or not base or value is None:
                continue
            scale = float(label.rstrip("x"))
            ratio = value / base
            growth[label] = {"ratio": ratio, "linear": ratio <= scale * LINEAR_SLACK}
        if growth:
            row["growth"] = growth
        out.append(row)
    return out


def _fmt(value: Any, unit: str) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        if unit in ("s", "×"):
            return f"{value:.2f}"
        if value >= 100:
            return f"{value:.0f}"
        return f"{value:.1f}"
    return str(value)


def table(results: dict[str, Any]) -> str:
    rows = results.get("figures") or figures(results["datasets"])
    labels = list(results["datasets"])
    scaled = [label for label in labels if label not in ("real", "1x")]
    header = ["Måling", "Enhed", *labels, *(f"{label}/1x" for label in scaled), "Budget", "Resultat"]
    lines = [header]
    for row in rows:
        values = row["values"]
        cells = [row["label"], row["unit"], *(_fmt(values.get(label), row["unit"]) for label in labels)]
        for label in scaled:
            growth = row.get("growth", {}).get(label)
            cells.append("" if growth is None else f"{growth['ratio']:.2f}" + ("" if growth["linear"] else " !"))
        budget = row.get("budget")
        cells.append("" if budget is None else f"≤ {budget:g} {row['unit']} ({row['budget_on']})")
        verdict = row.get("verdict", "")
        if row.get("verdict_real") and row["verdict_real"] not in ("n/a", verdict):
            verdict += f"; real: {row['verdict_real']}"
        cells.append(verdict)
        lines.append(cells)
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    text = []
    for index, line in enumerate(lines):
        text.append(
            " | ".join(
                str(cell).ljust(widths[i]) if i < 2 else str(cell).rjust(widths[i]) for i, cell in enumerate(line)
            )
        )
        if index == 0:
            text.append("-+-".join("-" * w for w in widths))
    notes = [
        "",
        f"Tider er den bedste af {results.get('repeat')} kørsler (maskinen deles med andre byggerier); "
        "'!' efter en vækstfaktor betyder mere end lineær vækst (> 1,2 × skalaen).",
        f"Belastning (load average) ved start {results['machine'].get('load_average_at_start')}, "
        f"ved slut {results['machine'].get('load_average_at_end')}.",
    ]
    for label, data in results["datasets"].items():
        for key in ("browser_error", "edit_error", "peers_error"):
            if data.get(key):
                notes.append(f"{label}: {key}: {data[key]}")
        if data.get("sizes") and not data["sizes"].get("kiosk_pages"):
            notes.append(f"{label}: ingen skærmsider (skaerm/<slug>/kiosk/) i outputtet: kiosk = n/a")
    return "\n".join(text + notes)
