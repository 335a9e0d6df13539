"""``track`` on a real Dask cluster: a LocalCluster of two worker processes, reached through
``Client.get_executor()`` as any ``concurrent.futures.Executor``, gives the series ``track`` gives in
one process (docs/series.md, "Executors")."""

from __future__ import annotations

import pytest

import statediff

from .conftest import FIXTURES

distributed = pytest.importorskip("distributed")


def test_track_on_a_dask_local_cluster_is_the_local_series() -> None:
    paths = sorted((FIXTURES / "corpora" / "fomc-implementation-notes-2015-2016").glob("*.txt"))
    local = statediff.track(paths)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_paths = statediff.track(paths, executor=client.get_executor())  # the workers read the files
        on_docs = statediff.track([statediff.read(p) for p in paths], executor=client.get_executor())
        workers = len(client.scheduler_info()["workers"])
    assert workers == 2
    expected = statediff.render(local, "json")
    assert statediff.render(on_paths, "json") == expected
    assert statediff.render(on_docs, "json") == expected
    assert len(local.documents) == len(paths) > 5 and local.changed
