"""Publish the warehouse where app replicas read it: one file, swapped in whole.

`publish(db, to_dir)` copies the warehouse to a temporary name in `to_dir`, flushes it to disk,
reads it back whole (activity.warehouse.store.verify), keeps the snapshot it replaces as
`<name>.previous` and renames the copy into place, which is atomic on one file system. A replica
reading `to_dir/<name>` sees the old snapshot or the new one, never a mix: it opens the file per
query (activity.warehouse.store), so it moves to the new one on its next query. The live warehouse
is only read: a load may swap it meanwhile, and the copy is then the one before or after that load.
Two publishes to one folder take turns (a lock beside the published file).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from activity.warehouse.store import WarehouseMissing, verify
from etl.load.warehouse import fsync_dir, fsync_file, keep_previous, write_lock


def publish(db_path: Path, to_dir: Path) -> Path:
    """The published file (`to_dir/<warehouse name>`), after the swap."""
    db_path, to_dir = Path(db_path), Path(to_dir)
    if not db_path.exists():
        raise WarehouseMissing(str(db_path))
    to_dir.mkdir(parents=True, exist_ok=True)
    dest = to_dir / db_path.name
    with write_lock(dest):
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.publishing")
        try:
            with open(db_path, "rb") as src, open(tmp, "wb") as out:  # one open: one version of the file
                shutil.copyfileobj(src, out, 1 << 22)
            fsync_file(tmp)
            verify(tmp)
            keep_previous(dest)
            os.replace(tmp, dest)
            fsync_dir(to_dir)
        finally:
            tmp.unlink(missing_ok=True)
    return dest
