"""Extraction on a two-worker Dask LocalCluster beside the local process pool.

    python -m bench.cluster --articles 40 --runs 2

The same generated articles (bench.synth texts as files) are built with
`loader build --no-annotations --no-cache`: with `--workers 2` (two forked processes,
each loading the model), and with `--scheduler` pointing at a LocalCluster of two
single-threaded worker processes on loopback started by this script. The first
distributed run includes the workers' model load; later ones find it loaded (a
long-lived cluster). Both archives are compared row for row.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

from .build import make_corpus, run_measured

OUT = Path(__file__).resolve().parent / "out"


def _rows(db: Path) -> dict:
    conn = sqlite3.connect(db)
    tables = [t for (t,) in conn.execute("select name from sqlite_master where type = 'table' "
                                         "and name not like '%fts%' and name not like 'sqlite_%'")]
    rows = {t: conn.execute(f"select * from {t} order by 1").fetchall() for t in tables}
    conn.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cluster", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT / "cluster.json")
    args = parser.parse_args(argv)
    from distributed import LocalCluster

    work = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    try:
        folder = work / "articles"
        words = make_corpus(folder, args.articles, seed=7)
        build = [sys.executable, "-m", "loader.cli", "build", "--no-annotations", "--no-cache", "-q"]
        local, distributed = [], []
        with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster:
            for run in range(args.runs):
                seconds, _, _ = run_measured(build + ["--workers", "2", str(work / "local.db"), str(folder)])
                local.append(seconds)
                seconds, _, _ = run_measured(build + ["--scheduler", cluster.scheduler_address,
                                                      str(work / "distributed.db"), str(folder)])
                distributed.append(seconds)
                print(f"run {run + 1}: local {local[-1]:.1f} s, distributed {distributed[-1]:.1f} s", file=sys.stderr)
        same = _rows(work / "local.db") == _rows(work / "distributed.db")
        med = statistics.median
        warm = distributed[1:] or distributed
        result = {
            "articles": args.articles, "words": words, "runs": args.runs,
            "local_seconds": local, "distributed_seconds": distributed, "same_rows": same,
            "summary": {"local_words_per_second": round(words / med(local)),
                        "distributed_first_words_per_second": round(words / distributed[0]),
                        "distributed_warm_words_per_second": round(words / med(warm)),
                        "distributed_warm_to_local": round(med(local) / med(warm), 3)},
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result["summary"], indent=2), f"same rows: {same}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
