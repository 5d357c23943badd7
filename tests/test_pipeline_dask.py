"""engine="dask" runs the chunks on an existing dask.distributed cluster and writes the same bytes."""

from __future__ import annotations

import pytest
from analyze_corpus import records

from toolkit.pipeline import analyze

distributed = pytest.importorskip("distributed")


def _files(entry):
    return {str(p.relative_to(entry)): p.read_bytes() for p in sorted(entry.rglob("*")) if p.is_file()}


def test_pipeline_on_a_local_dask_cluster_matches_in_process(tmp_path):
    local = analyze(records(8), cache=tmp_path / "local", chunk_size=3, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_client = analyze(records(8), cache=tmp_path / "client", chunk_size=3, progress=False,
                            engine="dask", scheduler=client)
        by_address = analyze(records(8), cache=False, chunk_size=3, progress=False,
                             engine="dask", scheduler=cluster.scheduler_address)
        assert client.status == "running"  # a client passed in is left open
    assert _files(local.path) == _files(on_client.path)
    assert by_address.quotes.equals(local.quotes)


def test_pipeline_rejects_an_unknown_engine():
    with pytest.raises(ValueError, match="engine"):
        analyze(records(1), cache=False, engine="spark")
