"""``python -m bench``: build a synthetic archive and measure serving it.

    python -m bench                                  # 100k statements into bench/out/, then the serving table
    python -m bench --statements 1000000 --requests 25
    python -m bench synth OUT.db --statements N ...  # bench.synth alone
    python -m bench serving DB ...                   # bench.serving alone
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import serving, synth

OUT = Path(__file__).resolve().parent / "out"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "synth":
        return synth.main(argv[1:])
    if argv and argv[0] == "serving":
        return serving.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=25)
    parser.add_argument("--reuse", action="store_true", help="serve the archive already in bench/out/ if there is one")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    label = f"{args.statements // 1000}k" if args.statements < 1_000_000 else f"{args.statements / 1e6:g}m"
    db = OUT / f"archive-{label}.db"
    if not (args.reuse and db.exists()):
        synth.main([str(db), "--statements", str(args.statements), "--seed", str(args.seed)])
    return serving.main([str(db), "--requests", str(args.requests), "--out", str(OUT / f"serving-{label}.md")])


if __name__ == "__main__":
    sys.exit(main())
