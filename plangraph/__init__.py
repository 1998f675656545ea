"""plangraph: a knowledge graph of Chinese government plans, their tasks and responsible agencies."""

__version__ = "0.1.0"
