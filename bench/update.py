"""Updates in place: what adding one article costs as the archive grows.

    python -m bench.update --sizes 200 1000 --runs 3 [--clean-runs 1] [--spacy-clean 200]

For each size N, N bench.synth articles are written as files (front matter and text)
and their rows put in the extraction cache under their real input keys, so that the
archive of N articles is built by `loader build --no-annotations` itself, from the
cache, without running spaCy on N articles (which this machine cannot afford at
10,000). Then, each run on a fresh copy of that archive and cache:

* **add 1 (extracted)**: one new article, extracted by spaCy in the build (model load
  included), the archive updated in place;
* **add 1 (cached)**: one new article whose rows are in the cache: the archive-side
  cost alone (reading and hashing N files, the transaction);
* **clean from cache**: `loader build --no-cache`-free clean rebuild of all N from the
  cache (what the old rebuild-and-rename cost at least).

``--spacy-clean N`` also times a clean build of N articles with spaCy (`--no-cache`),
the denominator of "adding 1 costs x% of a clean build"; larger sizes are estimated
from its words per second (the estimate is labelled as such).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from loader import db
from loader.articles import parse_article
from loader.build import input_key
from loader.entities import load_decisions
from loader.errors import InputError

from . import synth
from .build import ROOT, run_measured

OUT = Path(__file__).resolve().parent / "out"


def _file_bytes(row: dict) -> bytes:
    header = (f"---\ntitle: {row['title']}\npublished: {row['published']}\npublisher: {row['publisher']}\n"
              f"url: {row['url']}\nlanguage: en\n---\n")
    return (header + row["text"]).encode("utf-8")


def make_archive(work: Path, n: int, seed: int) -> tuple[Path, Path, list[tuple[bytes, dict, str]]]:
    """N articles as files with their rows in the cache, and spare articles to add."""
    folder = work / "articles"
    folder.mkdir(parents=True)
    decisions = load_decisions()
    cache = db.open_cache(work / "archive.db.cache")
    spares = []
    with cache:
        for i, (rows, _) in enumerate(synth._articles((n + 4) * 25, n + 4, seed)):
            article = rows["articles"][0]
            data = _file_bytes(article)
            path = folder / f"{article['id']}.md"
            if i >= n:
                spares.append((data, rows, path.name))
                continue
            path.write_bytes(data)
            article["source_file"] = str(path)
            db.cache_put(cache, input_key(path, article["sha256"], None, decisions), rows)
    cache.close()
    return folder, work / "archive.db", spares


def loader(*args: str) -> float:
    seconds, _, _ = run_measured([sys.executable, "-m", "loader.cli", "build", "--no-annotations", "-q", *args])
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.update", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clean-runs", type=int, default=None, help="runs of the clean build from the cache (default: --runs)")
    parser.add_argument("--spacy-clean", type=int, nargs="*", default=[200])
    parser.add_argument("--out", type=Path, default=OUT / "update.json")
    args = parser.parse_args(argv)
    med = statistics.median
    result = {"runs": args.runs, "sizes": {}, "spacy_clean": {}}
    decisions = load_decisions()
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-update-{n}-"))
        try:
            t0 = time.perf_counter()
            folder, archive, spares = make_archive(work, n, seed=11)
            prepared = time.perf_counter() - t0
            clean = [loader(str(archive), str(folder))]  # the first clean build from the cache
            shutil.copy(archive, work / "pristine.db")
            shutil.copy(str(archive) + ".cache", work / "pristine.cache")
            for _ in range((args.clean_runs or args.runs) - 1):
                archive.unlink()
                clean.append(loader(str(archive), str(folder)))
            words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.iterdir())
            extracted, cached = [], []
            for run in range(args.runs):
                for kind in ("extracted", "cached"):
                    for suffix in ("-wal", "-shm"):
                        Path(str(archive) + suffix).unlink(missing_ok=True)
                    shutil.copy(work / "pristine.db", archive)
                    shutil.copy(work / "pristine.cache", str(archive) + ".cache")
                    data, rows, name = next((s for s in spares if _parses(s)), spares[0])
                    path = folder / name
                    path.write_bytes(data)
                    if kind == "cached":
                        rows["articles"][0]["source_file"] = str(path)
                        cache = db.open_cache(str(archive) + ".cache")
                        with cache:
                            db.cache_put(cache, input_key(path, rows["articles"][0]["sha256"], None, decisions), rows)
                        cache.close()
                    seconds = loader(str(archive), str(folder))
                    (extracted if kind == "extracted" else cached).append(seconds)
                    path.unlink()
                    print(f"N={n} run {run + 1}: add 1 {kind} {seconds:.2f} s", file=sys.stderr)
            result["sizes"][str(n)] = {
                "articles": n, "words": words, "prepare_seconds": round(prepared, 1),
                "clean_from_cache_seconds": clean, "add_one_extracted_seconds": extracted, "add_one_cached_seconds": cached,
                "archive_mb": round((work / "pristine.db").stat().st_size / 1e6, 1),
            }
            print(f"N={n}: clean from cache {med(clean):.1f} s, add 1 extracted {med(extracted):.2f} s, "
                  f"add 1 cached {med(cached):.2f} s", file=sys.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    for n in args.spacy_clean:
        work = Path(tempfile.mkdtemp(prefix=f"bench-update-spacy-{n}-"))
        try:
            folder, archive, _ = make_archive(work, n, seed=11)
            Path(str(archive) + ".cache").unlink()
            words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.iterdir())
            seconds = loader("--no-cache", str(archive), str(folder))
            result["spacy_clean"][str(n)] = {"articles": n, "words": words, "seconds": seconds}
            print(f"clean build with spaCy, N={n}: {seconds:.1f} s", file=sys.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


def _parses(spare: tuple[bytes, dict, str]) -> bool:
    try:
        parse_article(spare[0], spare[2])
        return True
    except InputError:
        return False


if __name__ == "__main__":
    sys.exit(main())
