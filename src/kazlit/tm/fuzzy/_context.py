"""In-context (101 %) matching: a stable fingerprint of the previous source segment.

A unit remembers the source segment that preceded it in its document as a 64-bit
fingerprint (BLAKE2b of the NFC text), so the index keeps 8 bytes per unit rather
than a second string. ``None`` means the context is unknown (for example a unit
imported from a TMX file without context): it never gives an in-context match. The
empty string means "first segment of its document" and matches only that.
"""

from __future__ import annotations

import hashlib
import unicodedata

__all__ = ["NO_CONTEXT", "context_fingerprint"]

#: The fingerprint of an unknown context.
NO_CONTEXT = 0


def context_fingerprint(previous: str | None) -> int:
    """The fingerprint of the previous source segment (``NO_CONTEXT`` for ``None``).

    Stable across processes and Python versions, so it can be stored.
    """
    if previous is None:
        return NO_CONTEXT
    text = unicodedata.normalize("NFC", previous).encode("utf-8")
    value = int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big", signed=True)
    # 0 is reserved for "unknown"; fold the one colliding value onto 1.
    return value or 1
