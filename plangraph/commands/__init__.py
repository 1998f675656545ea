"""The CLI commands, one module each; :mod:`plangraph.cli` lists them. Heavy imports go in command bodies."""
