"""kg's SPARQL answer writers against pyoxigraph's (QuerySolutions.serialize): the CSV is the
same bytes; the other formats differ on purpose (kg.results' docstring says how)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.query import canned_queries, load_store, run_query
from kg.results import to_csv

GOLDEN = Path(__file__).resolve().parent / "data" / "golden" / "graph.ttl"


def test_the_csv_of_every_canned_select_is_pyoxigraphs():
    store = load_store(GOLDEN)
    checked = 0
    for query in canned_queries().values():
        if query.params:
            continue
        result = run_query(store, query.sparql)
        if result.kind != "select":
            continue
        assert to_csv(result).encode("utf-8") == store.query(query.sparql).serialize(
            format=ox.QueryResultsFormat.CSV), query.name
        checked += 1
    assert checked >= 5
