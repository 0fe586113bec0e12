"""`loader add` benchmark: saved pages per second beside trafilatura alone on the same pages.

    python -m bench.add --pages 1000 --runs 3

The pages are bench.synth's generated articles in three layouts in turn (a news site
with adverts, related links and comments, metadata in meta tags; JSON-LD only;
OpenGraph only), each inside the chrome real news pages carry (a mega-menu, inline
scripts, a footer of links: about 33 kB a page), written as .html files in folders of
10 (--block) in the project's folder. Each run measures, in this process, block by block and in
alternating order (so both see the same load on a shared machine), (a) trafilatura alone: read every file and call
``trafilatura.bare_extraction`` with the loader's own options, nothing else; and (b)
``loader add FOLDER`` through the library (the CLI is a thin layer over it): the same
reading and extraction plus language and prose checks, duplicate checks, writing the
article file and the page into the run's archive. Figures are medians, of wall-clock
time (what a user waits) and of the process's CPU time (less disturbed by other work on
the machine). The ratio is the median of the runs' own ratios (each run compares the two
on the same blocks at the same time), given with each run's load average at its start and
end (the machine's other work, which moves it), and with the median over all blocks of
each block's ratio, which a burst of other work during a few blocks moves less.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from . import synth

OUT = Path(__file__).resolve().parent / "out"
TARGET = 0.9


SECTIONS = ["World", "Politics", "Business", "Markets", "Technology", "Science", "Health", "Sport", "Culture", "Opinion",
            "Travel", "Weather", "Video", "Podcasts", "Education", "Climate", "Cities", "Media", "Law", "Obituaries"]


def _chrome(seed: int) -> tuple[str, str, str]:
    """(head scripts, header with menus, footer) in the shape and size of a real news
    site's pages: tens of kB of navigation, scripts and links around the article."""
    menu = "".join(
        f'<li class="menu-item"><a href="/{s.lower()}">{s}</a><ul class="submenu">'
        + "".join(f'<li><a href="/{s.lower()}/topic-{k}">{s} topic {k}</a></li>' for k in range(12))
        + "</ul></li>" for s in SECTIONS)
    script = "<script>" + "".join(f"window.dataLayer=window.dataLayer||[];dataLayer.push({{'slot':'ad-{k}','page':{seed}}});"
                                  for k in range(150)) + "</script>"
    footer = ('<footer class="site-footer"><ul>' + "".join(f'<li><a href="/about/{k}">About us {k}</a></li>' for k in range(40))
              + "</ul><p>&copy; The publisher. All rights reserved.</p></footer>")
    header = f'<header><nav class="mega-menu"><ul>{menu}</ul></nav></header>'
    return script, header, footer


def _news_site(a: dict, body: str, chrome: tuple[str, str, str]) -> str:
    script, header, footer = chrome
    related = "".join(f'<li><a href="/story/{k}">Another story from the newsroom, number {k}</a></li>' for k in range(20))
    comments = "".join(f'<div class="comment"><p class="who">reader{k}</p><p>Thanks for this report, it was an interesting read.</p></div>'
                       for k in range(10))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{a['title']} | {a['publisher']}</title>
<link rel="canonical" href="{a['url']}"><meta property="og:site_name" content="{a['publisher']}">
<meta property="article:published_time" content="{a['published']}T08:00:00Z"><meta name="author" content="Staff reporter">{script}</head>
<body>{header}
<div class="ad">Advertisement: subscribe for a year and get a month free.</div>
<main><article><h1>{a['title']}</h1><p class="byline">By Staff reporter</p>
{body}
</article><aside class="related"><h2>Read more</h2><ul>{related}</ul></aside>
<section class="comments"><h2>Comments</h2>{comments}</section></main>
{footer}</body></html>
"""


def _json_ld(a: dict, body: str, chrome: tuple[str, str, str]) -> str:
    script, header, footer = chrome
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": html.unescape(a["title"]),
            "datePublished": a["published"], "publisher": {"@type": "Organization", "name": html.unescape(a["publisher"])},
            "inLanguage": "en", "url": a["url"]}
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><script type="application/ld+json">{json.dumps(data)}</script>{script}</head>
<body>{header}<div id="page"><div class="text">
{body}
</div></div>{footer}</body></html>
"""


def _open_graph(a: dict, body: str, chrome: tuple[str, str, str]) -> str:
    script, header, footer = chrome
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta property="og:title" content="{a['title']}">
<meta property="og:site_name" content="{a['publisher']}"><meta property="og:url" content="{a['url']}">
<meta property="og:locale" content="en_GB"><meta property="article:published_time" content="{a['published']}">{script}</head>
<body>{header}<div class="wrapper"><div class="story-body">
{body}
</div></div>{footer}</body></html>
"""


LAYOUTS = (_news_site, _json_ld, _open_graph)


def make_pages(folder: Path, pages: int, block: int, seed: int = 5) -> int:
    """Write ``pages`` saved pages into subfolders of ``folder`` of ``block`` pages each;
    return the number of words of text."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "synth.db"
        synth.generate(db, statements=pages * 25, articles=pages, seed=seed)
        words = 0
        rows = sqlite3.connect(db).execute("select title, publisher, published, url, text from articles order by id")
        for i, (title, publisher, published, url, text) in enumerate(rows):
            a = {"title": html.escape(title), "publisher": html.escape(publisher), "published": published, "url": html.escape(url)}
            body = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
            sub = folder / f"block-{i // block:04d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"page-{i:05d}.html").write_text(LAYOUTS[i % len(LAYOUTS)](a, body, _chrome(i)), encoding="utf-8")
            words += len(text.split())
    return words


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def trafilatura_alone(folder: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to read and extract every page."""
    import trafilatura

    from loader.pages import TRAFILATURA_OPTIONS

    started, cpu = time.perf_counter(), _cpu()
    for path in sorted(folder.glob("*.html")):
        doc = trafilatura.bare_extraction(path.read_bytes(), **TRAFILATURA_OPTIONS)
        assert doc is not None and doc.text, path
    return time.perf_counter() - started, _cpu() - cpu


def loader_add(adder, folder: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``loader add FOLDER`` in a run's adder."""
    started, cpu = time.perf_counter(), _cpu()
    adder.add([str(folder)])
    return time.perf_counter() - started, _cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.add", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--block", type=int, default=10, help="pages measured by both in turn (small: both see the same load)")
    parser.add_argument("--out", type=Path, default=OUT / "add.json")
    args = parser.parse_args(argv)
    # in the project's own folder, as data/articles is (creating a file costs what other
    # work on the machine makes it cost: 0.04 ms to 0.9 ms here, measured by hand)
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="add-work-", dir=OUT))
    try:
        from loader.add import Adder, AddOptions

        pages = work / "saved"
        words = make_pages(pages, args.pages, args.block)
        blocks = sorted(pages.iterdir())
        size = sum(p.stat().st_size for p in pages.rglob("*.html"))
        print(f"{args.pages} pages, {size / 1e6:.1f} MB, {words:,} words of text", file=sys.stderr)
        for block in blocks:  # warm up: imports, and the pages in the OS cache
            trafilatura_alone(block)
        wall = {"trafilatura": [], "loader": []}
        cpu = {"trafilatura": [], "loader": []}
        block_ratios: dict[str, list[float]] = {"wall": [], "cpu": []}
        loads = []
        counts: dict = {}
        for run in range(args.runs):
            target = work / f"run-{run}" / "articles"
            adder = Adder(AddOptions(to=target))
            totals = {name: [0.0, 0.0] for name in wall}
            load_before = os.getloadavg()[0]
            # block by block, in alternating order: both see the same load on a shared machine
            for k, block in enumerate(blocks):
                this = {}
                for name in (("trafilatura", "loader") if (run + k) % 2 == 0 else ("loader", "trafilatura")):
                    this[name] = trafilatura_alone(block) if name == "trafilatura" else loader_add(adder, block)
                    totals[name][0] += this[name][0]
                    totals[name][1] += this[name][1]
                block_ratios["wall"].append(this["trafilatura"][0] / this["loader"][0])
                block_ratios["cpu"].append(this["trafilatura"][1] / this["loader"][1])
            loads.append([round(load_before, 2), round(os.getloadavg()[0], 2)])
            for name, (seconds, cpu_seconds) in totals.items():
                wall[name].append(round(seconds, 3))
                cpu[name].append(round(cpu_seconds, 3))
            counts = {status: adder.report.count(status) for status in ("added", "skipped", "refused")}
            shutil.rmtree(target.parent)
            print(f"run {run + 1}: trafilatura {wall['trafilatura'][-1]:.2f} s (CPU {cpu['trafilatura'][-1]:.2f}), "
                  f"loader add {wall['loader'][-1]:.2f} s (CPU {cpu['loader'][-1]:.2f}) {counts}, "
                  f"load average {loads[-1][0]} -> {loads[-1][1]}", file=sys.stderr)
        t, l = statistics.median(wall["trafilatura"]), statistics.median(wall["loader"])
        # each run's ratio compares the two on the same blocks under the same load; the
        # medians of the two columns may come from different runs (a quiet one and a busy one)
        per_run = [a / b for a, b in zip(wall["trafilatura"], wall["loader"])]
        per_run_cpu = [a / b for a, b in zip(cpu["trafilatura"], cpu["loader"])]
        result = {
            "pages": args.pages, "runs": args.runs, "block": args.block, "megabytes": round(size / 1e6, 1), "words": words,
            "wall_seconds": wall, "cpu_seconds": cpu, "load_average_start_end": loads, "last_run": counts,
            "summary": {
                "trafilatura_pages_per_second": round(args.pages / t, 1),
                "loader_pages_per_second": round(args.pages / l, 1),
                "loader_to_trafilatura_ratio": round(statistics.median(per_run), 3),
                "cpu_ratio": round(statistics.median(per_run_cpu), 3),
                "per_run_ratios": [round(r, 3) for r in per_run],
                "per_run_cpu_ratios": [round(r, 3) for r in per_run_cpu],
                "ratio_of_medians": round(t / l, 3),
                "block_median_ratio": round(statistics.median(block_ratios["wall"]), 3),
                "block_median_cpu_ratio": round(statistics.median(block_ratios["cpu"]), 3),
                "target": TARGET,
            },
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result["summary"], indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
