"""The OCF container written deterministically (EPUB 3.3, Open Container Format).

``mimetype`` comes first, stored (not compressed) with no extra field; every other
entry follows in a fixed order, deflated at a fixed level, with one fixed
timestamp, fixed permissions and a fixed "made by" system, so the same files give
the same bytes on every machine.
"""

from __future__ import annotations

import datetime as _dt
import zipfile
from collections.abc import Iterable
from typing import IO

__all__ = ["write_ocf"]

_MIMETYPE = b"application/epub+zip"
_UNIX = 3
_MODE = 0o100644 << 16


def _info(name: str, stamp: tuple[int, int, int, int, int, int], compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = compress
    info.create_system = _UNIX
    info.external_attr = _MODE
    return info


def write_ocf(sink: IO[bytes], files: Iterable[tuple[str, bytes]], *, epoch: int) -> None:
    """Write an EPUB container to *sink*: ``mimetype`` first, then *files* as given.

    *epoch* (seconds since 1970, UTC, not before 1980) is the time of every entry.
    The caller orders *files* (``META-INF/container.xml`` first is customary).
    """
    moment = _dt.datetime.fromtimestamp(max(epoch, 315532800), tz=_dt.UTC)
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    with zipfile.ZipFile(sink, "w") as archive:
        archive.writestr(_info("mimetype", stamp, zipfile.ZIP_STORED), _MIMETYPE)
        seen = {"mimetype"}
        for name, data in files:
            if name in seen:
                raise ValueError(f"duplicate entry {name!r} in the container")
            seen.add(name)
            archive.writestr(_info(name, stamp, zipfile.ZIP_DEFLATED), data, compresslevel=6)
