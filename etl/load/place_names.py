"""What people tell apart: a council or town name several places share ("Долинської міської ради":
Dolyna in Ivano-Frankivsk oblast, Dolynska in Kirovohrad oblast), mapped once to the place they chose
on the review page, is read as that place from then on (``activity.places.remembered_place``, asked
by ``etl.reports.header`` only when the text itself cannot tell). Kept in ``place_names.toml`` of the
local data folder with who chose it and when."""

from __future__ import annotations

from activity.places import (
    PlaceError,
    get_place,
    place_name_key,
    remembered_places,
    remembered_places_path,
)
from etl.load.local_toml import now, who, write_entries


def remember_place(text: str, code: str, *, user: str | None = None) -> None:
    """Remember that ``text`` means the place ``code``; PlaceError when the code is not the codifier's
    or the text is empty."""
    text = " ".join(str(text).split())
    get_place(code)  # raises PlaceError for a code the codifier lacks
    if not place_name_key(text):
        raise PlaceError("Порожня назва міста.", "Empty place name.")
    entries = {k: v for k, v in remembered_places().items() if k != place_name_key(text)}
    entries[place_name_key(text)] = (text, code, who(user), now())
    write_entries(remembered_places_path(), "Place names people told apart (the review page): read by "
                  "activity.places.remembered_place.", "name",
                  [{"text": t, "code": c, "added_by": by, "added_at": at} for t, c, by, at in entries.values()])
