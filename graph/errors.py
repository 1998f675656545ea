"""Errors raised by the graph layer; the CLI and the API turn them into clear messages."""


class GraphError(Exception):
    """Base class of graph errors."""


class ConfigError(GraphError):
    """A setting is wrong; the message names the setting."""


class BackendUnavailable(GraphError):
    """The graph server cannot be reached or started."""


class ReadOnlyError(GraphError):
    """A write was attempted through a read-only store or query."""


class QueryTimeout(GraphError):
    """A query ran longer than its timeout."""


class CypherSyntaxError(GraphError):
    """The engine rejected the query text."""


class QueryError(GraphError):
    """Any other error the engine reported for a query."""
