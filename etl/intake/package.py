"""Read the parts of a zip package (.xlsx, .ods) with every byte counted.

`zipfile` trusts the sizes written in the zip directory: it stops at the claimed size, while other
readers (calamine's among them) inflate the stream to its real end. A part that claims 1 KB and
inflates to gigabytes would pass a check made through `zipfile` and then blow up the parser. So
this module inflates each part's raw stream itself, from its local header, and refuses the file
when the stream yields more than it claims, more than a limit allows, a wrong checksum, or an XML
DOCTYPE/ENTITY declaration anywhere (entity expansion and external entities).
"""

from __future__ import annotations

import re
import struct
import zipfile

from isal import isal_zlib as zlib  # ISA-L's inflate: zlib's interface, ~1,4x faster

from activity.i18n import translator
from activity.settings import setting

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CHUNK = 1 << 20
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
T = {
    "mb": ("{n} МБ", "{n} MB"),
    "bytes": ("{n} байтів", "{n} bytes"),
}


t = translator(T)


class PackageRefused(Exception):
    """The package is refused: `key` is a message key of etl.problems, `detail` the reason."""

    def __init__(self, key: str, detail: str = "", detail_en: str = "") -> None:
        super().__init__(detail or key)
        self.key = key
        self.detail = detail
        self.detail_en = detail_en or detail


class Package:
    """An open zip package whose parts are read with limits; use as a context manager."""

    def __init__(self, path: str) -> None:
        self.max_part = setting("MAX_PART_BYTES")
        self.max_total = setting("MAX_UNPACKED_BYTES")
        self.max_ratio = setting("MAX_RATIO")
        self.inflated = 0
        try:
            self.zf = zipfile.ZipFile(path)
            self.infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error,
                NotImplementedError, UnicodeDecodeError) as exc:
            raise PackageRefused("file_unreadable", f"пошкоджений zip-архів ({exc})", f"a damaged zip archive ({exc})") from exc
        self.fh = open(path, "rb")  # closed in close()
        self._check_directory()
        self.by_name = {i.filename: i for i in self.infos}

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.fh.close()
        self.zf.close()

    @property
    def names(self):
        """The part names (a live view: asked once per sheet)."""
        return self.by_name.keys()

    def _check_directory(self) -> None:
        infos = self.infos
        if len(infos) > setting("MAX_ENTRIES"):
            raise PackageRefused("file_unsafe", f"{len(infos)} частин в архіві (межа {setting('MAX_ENTRIES')})",
                                 f"{len(infos)} parts in the archive (limit {setting('MAX_ENTRIES')})")
        folded = [i.filename.replace("\\", "/").lower() for i in infos]
        if len(set(folded)) != len(folded):
            raise PackageRefused("file_unsafe", "частини з однаковими назвами в архіві", "parts with the same name in the archive")
        claimed = sum(i.file_size for i in infos)
        if claimed > self.max_total:
            raise PackageRefused("file_too_big", f"розпакований розмір {claimed // 1_000_000} МБ "
                                                 f"(межа {self.max_total // 1_000_000} МБ)",
                                 f"{claimed // 1_000_000} MB unpacked (limit {self.max_total // 1_000_000} MB)")
        for info in infos:
            if info.flag_bits & 0x1:
                raise PackageRefused("file_encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise PackageRefused("file_unsafe", f"незвичний метод стиснення ({info.compress_type}) у частині "
                                                    f"{info.filename}; збережіть файл в Excel заново",
                                     f"an unusual compression method ({info.compress_type}) in part "
                                     f"{info.filename}; save the file in Excel again")

    def read(self, name: str) -> bytes:
        """The part's bytes (checked); raises PackageRefused."""
        chunks: list[bytes] = []
        self._inflate(self.by_name[name], chunks.append)
        return b"".join(chunks)

    def scan(self, name: str) -> None:
        """Inflate and check a part without keeping it (only XML parts are searched for DOCTYPE)."""
        self._inflate(self.by_name[name], None, xml=name.lower().endswith((".xml", ".rels", ".vml")))

    def _inflate(self, info: zipfile.ZipInfo, keep, xml: bool = True) -> None:
        try:
            self._inflate_checked(info, keep, xml)
        except OSError as exc:  # an offset that points outside the file
            raise PackageRefused("file_unreadable", f"пошкоджений zip-архів (частина {info.filename})",
                                 f"a damaged zip archive (part {info.filename})") from exc

    def _inflate_checked(self, info: zipfile.ZipInfo, keep, xml: bool) -> None:
        name = info.filename
        self.fh.seek(info.header_offset)
        head = self.fh.read(_LOCAL.size)
        if len(head) < _LOCAL.size or _LOCAL.unpack(head)[0] != 0x04034B50:
            raise PackageRefused("file_unreadable", f"пошкоджений zip-архів (частина {name})",
                                 f"a damaged zip archive (part {name})")
        fields = _LOCAL.unpack(head)
        self.fh.seek(fields[9] + fields[10], 1)
        left = info.compress_size
        inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
        out, crc, tail = 0, 0, b""
        while left > 0 or (inflate is not None and inflate.unconsumed_tail):
            if inflate is not None and inflate.unconsumed_tail:
                raw = inflate.unconsumed_tail
            else:
                raw = self.fh.read(min(_CHUNK, left))
                if not raw:
                    raise PackageRefused("file_unreadable", f"zip-архів обрізано (частина {name})",
                                         f"the zip archive is cut short (part {name})")
                left -= len(raw)
            try:
                data = inflate.decompress(raw, _CHUNK) if inflate is not None else raw
            except zlib.error as exc:
                raise PackageRefused("file_unreadable", f"пошкоджена частина {name} ({exc})",
                                     f"damaged part {name} ({exc})") from exc
            out += len(data)
            self.inflated += len(data)
            self._check_size(name, info, out)
            crc = zlib.crc32(data, crc)
            window = tail + data
            # both declarations need a "!": rare in XML, and looked for at memchr speed
            if xml and (b"!" in data or b"!" in tail) and _DOCTYPE.search(window):
                raise PackageRefused("file_unsafe", f"частина {name} містить DOCTYPE/ENTITY "
                                                    "(XML-сутності заборонені)",
                                     f"part {name} has a DOCTYPE/ENTITY (XML entities are not allowed)")
            tail = window[-16:]
            if keep is not None:
                keep(data)
            if inflate is not None and inflate.eof:
                break
        if out != info.file_size or crc != info.CRC:
            raise PackageRefused("file_unreadable", f"пошкоджена частина {name} (розмір або контрольна сума "
                                                    "не збігаються з заявленими)",
                                 f"damaged part {name} (its size or checksum is not what the archive says)")

    def _check_size(self, name: str, info: zipfile.ZipInfo, out: int) -> None:
        if out > info.file_size:
            raise PackageRefused("file_unsafe", f"частина {name} розпаковується більше, ніж заявлено "
                                                f"({info.file_size} байтів): zip-бомба?",
                                 f"part {name} unpacks to more than it claims ({info.file_size} bytes): a zip bomb?")
        if out > self.max_part:
            raise PackageRefused("file_too_big", f"частина {name} розпаковується понад "
                                                 f"{_size(self.max_part)}",
                                 f"part {name} unpacks to more than {_size(self.max_part, 'en')}")
        if self.inflated > self.max_total:
            raise PackageRefused("file_too_big", f"розпакований розмір понад {self.max_total // 1_000_000} МБ",
                                 f"more than {self.max_total // 1_000_000} MB unpacked")
        if out > 50_000_000 and out > self.max_ratio * max(info.compress_size, 1):
            raise PackageRefused("file_unsafe", f"частина {name} стиснута підозріло сильно (zip-бомба?)",
                                 f"part {name} is compressed suspiciously well (a zip bomb?)")


def _size(n: int, lang: str = "uk") -> str:
    """250 МБ, or 20 000 байтів below a megabyte."""
    if n >= 1_000_000:
        return t("mb", lang, n=n // 1_000_000)
    return t("bytes", lang, n=f"{n:,}".replace(",", " " if lang != "en" else ","))
