"""plangraph from Python: open the configured store, run catalogue queries, get DataFrames and networks.

>>> from plangraph.client import Client
>>> with Client.open() as pg:                      # the store of PLANGRAPH_DATA_DIR / PLANGRAPH_GRAPH_URI
...     pg.queries()                               # the catalogue: name, description, parameters
...     tasks = pg.frame("tasks", agency="市场监管局", role="lead", topic="碳计量")   # a pandas DataFrame
...     g = pg.graph("co_responsibility_network", jurisdiction="铜陵市")          # a networkx graph

Parameters are the catalogue's own (``plangraph query --list``, ``GET /queries``); agency, topic and place
names are resolved the same way as in the API (any script, aliases, English). ``frame(..., flat=True)`` spreads
nested columns the way the CSV exports do (``lead_name``, ``co_name`` joined with 、). pandas comes with the
``notebooks`` extra (``pip install 'plangraph[notebooks]'``); everything else is in the base install.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any

from plangraph.settings import Settings, get_settings

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from plangraph.graph.store import GraphStore


class Client:
    """A read-and-query handle on one plangraph store (close it, or use it as a context manager)."""

    def __init__(self, store: GraphStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._resolver: Any = None

    @classmethod
    def open(cls, settings: Settings | None = None, *, seed_if_empty: bool = False, read_only: bool = False,
             **overrides: Any) -> Client:
        """The store the settings name (default: the environment, i.e. the same store as the command line),
        with ``overrides`` of single settings (``data_dir=…``, ``graph_name=…``). ``seed_if_empty`` ingests the
        bundled seed plans into a store that holds no document yet."""
        settings = settings or get_settings()
        if overrides:
            settings = settings.model_copy(update=overrides)
        from plangraph.graph.store import open_store

        store = open_store(settings.store_config(), read_only=read_only and not seed_if_empty)
        if seed_if_empty:
            from plangraph.service import seed_store

            seed_store(store, sorted(settings.seeds_dir.glob("*.txt")), if_empty=True, max_mb=settings.max_file_mb)
        return cls(store, settings)

    # ------------------------------------------------------------------ catalogue

    def queries(self) -> pd.DataFrame:
        """The catalogue: one row per query with its descriptions (zh, en), parameters and examples."""
        import pandas as pd

        from plangraph.graph.catalogue import catalogue_rows, load_catalogue

        rows = catalogue_rows(load_catalogue(self.settings.queries_dir).values())
        for row in rows:
            row["params"] = ", ".join(p["name"] for p in row["params"])
        return pd.DataFrame(rows)

    def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of catalogue query ``name`` as plain dicts (parameters checked, names resolved)."""
        from plangraph.graph.catalogue import Resolver, run_query

        if self._resolver is None:
            self._resolver = Resolver(self.store, self.settings.queries_dir, self.settings.query_timeout_ms)
        return run_query(self.store, name, params, timeout_ms=self.settings.query_timeout_ms,
                         directory=self.settings.queries_dir, resolver=self._resolver)

    def frame(self, name: str, *, flat: bool = False, **params: Any) -> pd.DataFrame:
        """Rows of catalogue query ``name`` as a pandas DataFrame (``flat``: nested columns spread out)."""
        import pandas as pd

        rows = self.rows(name, **params)
        if flat:
            from plangraph.graph.tabular import flat_rows

            columns, flat_list = flat_rows(rows)
            return pd.DataFrame(flat_list, columns=columns)
        return pd.DataFrame(rows)

    def graph(self, name: str, **params: Any) -> nx.Graph:
        """A catalogue query whose rows are edges (``source``, ``target`` columns) as a networkx graph:
        ``source_x``/``target_x`` columns become node attribute ``x``, the other columns edge attributes."""
        from plangraph.graph.network import graph_from_edge_rows

        try:
            return graph_from_edge_rows(self.rows(name, **params))
        except ValueError:
            raise ValueError(f"query {name!r} does not return edges (no source and target columns)") from None

    def network(self, *, doc_id: str | None = None, jurisdiction: str | None = None, level: str = "agency",
                min_weight: int = 1) -> nx.Graph:
        """The co-responsibility network (agencies or functions sharing tasks; as ``GET /network/agencies``)."""
        from plangraph.graph.catalogue import Resolver
        from plangraph.graph.network import co_responsibility_graph

        if jurisdiction:
            jurisdiction = Resolver(self.store, self.settings.queries_dir).jurisdiction(jurisdiction)
        return co_responsibility_graph(self.store, doc_id=doc_id, jurisdiction=jurisdiction, level=level,
                                       min_weight=min_weight)

    def stats(self) -> dict[str, Any]:
        """Node counts per label, stubs and relationships per type (as ``plangraph stats``)."""
        from plangraph.graph.loader import graph_stats

        return graph_stats(self.store)

    # ------------------------------------------------------------------ lifetime

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
