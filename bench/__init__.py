"""Benchmarks for large archives: a synthetic archive generator (``bench.synth``) and a
serving benchmark (``bench.serving``). ``python -m bench`` runs both at 100k statements."""
