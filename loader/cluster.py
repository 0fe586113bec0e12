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

class ClusterError(Exception):
    """The cluster could not do its part; nothing was written."""


def extract_batch(jobs: list[tuple], run_batch: Callable, fingerprint_of: Callable[[], str]) -> tuple[str, list]:
    """On a worker: the batch run by ``run_batch`` as a local build runs it (parsed through
    one nlp.pipe stream). Returns (the worker's code fingerprint, Loaded items). The build
    passes its batch and fingerprint functions (pickled by name), so this module does not
    import the build that imports it."""
    return fingerprint_of(), run_batch(jobs)


class ClusterExtractor:
    """Sends automatic extraction to the workers of the scheduler at ``address``: the jobs
    are cut by ``batches_of`` and each batch run there by ``run_batch``; ``fingerprint_of``
    gives the code's fingerprint, here and on each worker, which must agree."""

    def __init__(self, address: str, run_batch: Callable, fingerprint_of: Callable[[], str],
                 batches_of: Callable) -> None:
        import dask
        from distributed import Client

        self.work = partial(extract_batch, run_batch=run_batch, fingerprint_of=fingerprint_of)
        self.fingerprint = fingerprint_of()
        self.batches_of = batches_of
        # how long to keep trying: Dask's own setting (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)
        timeout = dask.config.get("distributed.comm.timeouts.connect")
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except OSError as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None

    def run(self, jobs: list[tuple]) -> Iterator:
        """Submit now (so the cluster works while the writer writes), yield in order."""
        batches = self.batches_of(jobs, None)  # the cluster's size is not known here
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
