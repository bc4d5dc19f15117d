"""Month names: Ukrainian (nominative, genitive, locative, instrumental, abbreviated) and English, January first.

Shared by ``activity.periods`` (which re-exports them), ``activity.period_text`` and formatting.
"""

from __future__ import annotations

MONTH_NAMES_UK = tuple(
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад "
    "грудень".split()
)
MONTH_NAMES_UK_GENITIVE = tuple(
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split()
)
MONTH_NAMES_UK_LOCATIVE = tuple(
    "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні".split()
)
MONTH_NAMES_UK_INSTRUMENTAL = tuple(
    "січнем лютим березнем квітнем травнем червнем липнем серпнем вереснем жовтнем листопадом груднем".split()
)
MONTH_ABBR_UK = tuple("січ. лют. бер. квіт. трав. черв. лип. серп. вер. жовт. лист. груд.".split())
MONTH_NAMES_EN = tuple(
    "January February March April May June July August September October November December".split()
)
