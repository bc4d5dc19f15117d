"""Start the dashboard: `python -m ui.serve [Streamlit's options]` (what `make run` does).

The same as `streamlit run dashboard.py [options]`, except that this process first loads what the
pages use (pandas, Plotly and the app's own modules: about 0,6 s) and starts reading the warehouse
back (activity.warehouse.store.check), before the server answers anyone. Otherwise the first visitor after
every start waits for both, and Streamlit serves its own front-end files more slowly meanwhile.
Nothing is read from the warehouse for the pages ahead of time: their answers are cached as usual,
on first use.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The modules of the pages that show figures (the upload and review pages load the ETL when used).
PRELOAD = (
    "pandas", "pyarrow", "plotly.graph_objects",
    "ui.data", "activity.warehouse.queries", "activity.export.table",
    "ui.entry", "ui.health", "ui.filters", "ui.charts", "ui.downloads", "ui.export_views",
    "ui.compare_cities", "ui.compare_periods", "ui.compare_results", "ui.quality", "ui.sources",
)


def preload() -> None:
    """Start the warehouse check and import the pages' modules (the check runs meanwhile)."""
    from activity.warehouse import store

    store.check()
    # Functions cached with st.cache_data are checked when decorated, and without a running server
    # Streamlit logs that it would fall back to memory: their caches are made on first call, inside it.
    import streamlit  # noqa: F401  (its loggers get their levels on import)

    quiet = logging.getLogger("streamlit.runtime.caching.cache_data_api")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        for name in PRELOAD:
            importlib.import_module(name)
    finally:
        quiet.setLevel(level)
    from ui.charts import warm_up

    warm_up()


def main(argv: list[str] | None = None) -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    preload()
    from streamlit.web import cli

    return cli.main(["run", str(ROOT / "dashboard.py"), *(sys.argv[1:] if argv is None else argv)],
                    prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main())
