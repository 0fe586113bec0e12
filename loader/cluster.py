"""Extraction on a Dask distributed cluster (``loader build --scheduler tcp://HOST:PORT``).

The build stays where it is: it reads the files, looks up the cache, and is the single
writer of the archive. Only automatic extraction moves: articles not in the cache go
to the cluster in batches (each batch parsed through ``nlp.pipe`` by one worker, with
the model loaded once per worker process), and their rows stream back in file order
to the writer. A worker that dies has its batches redone on another (Dask retries a
task whose worker was lost); if they cannot be done, the build fails and nothing is
written, as for any failed build. Workers must run the same loader code (checked:
each batch carries the worker's code fingerprint) with one thread each (spaCy's
pipeline is not shared between threads): ``dask worker tcp://HOST:PORT --nthreads 1``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

BATCH = 8  # articles per task: enough for nlp.pipe to batch, small enough to spread


class ClusterError(Exception):
    """The cluster could not do its part; nothing was written."""


def extract_batch(jobs: list[tuple], run_job: Callable, fingerprint_of: Callable[[], str]) -> tuple[str, list]:
    """On a worker: parse a batch of articles through one nlp.pipe stream, then run each
    through ``run_job`` as a local build would. Returns (the worker's code fingerprint,
    Loaded items). The build passes its job and fingerprint functions (pickled by name),
    so this module does not import the build that imports it."""
    from .articles import parse_article
    from .errors import InputError
    from .extract import analysed_part
    from .extract.model import forget_preparsed, has_words, preparse

    texts = []
    for path, annotation, max_bytes, _, data, _ in jobs:
        if annotation is None:
            try:
                text = parse_article(data, path, max_bytes).text
            except InputError:
                continue  # load_one reports it
            if has_words(text):
                texts.append(analysed_part(text))
    try:
        try:
            preparse(texts)
        except Exception:  # a pipeline bug: each article is parsed alone (and caught) below
            forget_preparsed()
        return fingerprint_of(), [run_job(job) for job in jobs]
    finally:
        forget_preparsed()


class ClusterExtractor:
    """Sends automatic extraction to the workers of the scheduler at ``address``: each
    batch of jobs is run there by ``run_job``; ``fingerprint_of`` gives the code's
    fingerprint, here and on each worker, which must agree."""

    def __init__(self, address: str, run_job: Callable, fingerprint_of: Callable[[], str]) -> None:
        import dask
        from distributed import Client

        self.work = partial(extract_batch, run_job=run_job, fingerprint_of=fingerprint_of)
        self.fingerprint = fingerprint_of()
        # how long to keep trying: Dask's own setting (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)
        timeout = dask.config.get("distributed.comm.timeouts.connect")
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except OSError as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None

    def run(self, jobs: list[tuple]) -> Iterator:
        """Submit now (so the cluster works while the writer writes), yield in order."""
        batches = [jobs[i:i + BATCH] for i in range(0, len(jobs), BATCH)]
        futures = self.client.map(self.work, batches, pure=False) if batches else []
        return self._results(futures)

    def _results(self, futures: list) -> Iterator:
        for future in futures:
            try:
                fingerprint, items = future.result()
            except Exception as error:  # KilledWorker, a lost scheduler, ...
                raise ClusterError(f"extraction on the cluster failed: {type(error).__name__}: {error}") from None
            if fingerprint != self.fingerprint:
                raise ClusterError("a Dask worker runs different loader code (its code fingerprint differs): "
                                   "install the same version on every worker")
            yield from items

    def close(self) -> None:
        self.client.close()
