"""Event sources: the same questions asked of events in memory or in a query engine (DuckDB, Spark, …).

``viewer.source.opening.open_dataset(source)`` (``viewer.open``) gives a :class:`LazyDataset`;
:class:`EventSource` (``base``) is the seam the timeline, overview, filters, CLI and API ask;
``engine`` answers it with ibis, ``memory`` with pandas; ``pyramid`` and ``tiles`` serve the
timeline's asynchronous density tiles. Only ``engine``, ``opening`` and ``pyramid`` import ibis.
"""
