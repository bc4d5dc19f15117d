"""The commands of `python -m etl`, each a thin wrapper over the library."""
