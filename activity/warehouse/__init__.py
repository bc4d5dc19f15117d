"""The warehouse's schema and its one reader: read-only connections and every query the app runs."""
