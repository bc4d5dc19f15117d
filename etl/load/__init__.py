"""The one writer: parse files, store them in a copy of the warehouse, swap it in; `load()` is the way in."""
