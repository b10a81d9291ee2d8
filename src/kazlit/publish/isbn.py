"""ISBN checking: ISBN-13 with its check digit, ISBN-10 converted to ISBN-13.

The check digits follow ISO 2108:2017 (the ISBN standard): an ISBN-13 weighs its
digits alternately 1 and 3 and the sum is a multiple of 10; an ISBN-10 weighs its
digits 10 down to 1, the sum is a multiple of 11, and ``X`` stands for 10. An ISBN-10
becomes an ISBN-13 by the prefix ``978`` and a new check digit.
"""

from __future__ import annotations

import re

from kazlit.errors import PublishError

__all__ = ["isbn13_check_digit", "normalize_isbn"]

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]")


def isbn13_check_digit(first12: str) -> str:
    """The check digit of the ISBN-13 whose first twelve digits are *first12*."""
    if len(first12) != 12 or not first12.isascii() or not first12.isdigit():
        raise ValueError("an ISBN-13 check digit needs exactly 12 digits")
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def normalize_isbn(text: str) -> str:
    """Return the 13 digits of the ISBN *text* (hyphens, spaces and ``ISBN`` allowed).

    An ISBN-10 is converted to its ISBN-13. A wrong length, a stray character or a
    wrong check digit raises :class:`~kazlit.errors.PublishError` saying which.
    """
    raw = text
    cleaned = _SEPARATORS.sub("", text.strip())
    cleaned = re.sub(r"^(?:urn:)?isbn(?:-1[03])?:?", "", cleaned, flags=re.IGNORECASE)
    if len(cleaned) == 10:
        body, check = cleaned[:9], cleaned[9].upper()
        if not (body.isascii() and body.isdigit()) or not (check == "X" or check.isdigit()):
            raise _bad(raw, "an ISBN-10 is nine digits and a check digit (0-9 or X)")
        total = sum(int(d) * (10 - i) for i, d in enumerate(body))
        expected = (11 - total % 11) % 11
        given = 10 if check == "X" else int(check)
        if given != expected:
            wanted = "X" if expected == 10 else str(expected)
            raise _bad(raw, f"the ISBN-10 check digit is {check}, it should be {wanted}")
        first12 = "978" + body
        return first12 + isbn13_check_digit(first12)
    if len(cleaned) == 13:
        if not (cleaned.isascii() and cleaned.isdigit()):
            raise _bad(raw, "an ISBN-13 is 13 digits")
        if cleaned[:3] not in {"978", "979"}:
            raise _bad(raw, "an ISBN-13 starts with 978 or 979")
        expected13 = isbn13_check_digit(cleaned[:12])
        if cleaned[12] != expected13:
            raise _bad(raw, f"the check digit is {cleaned[12]}, it should be {expected13}")
        return cleaned
    raise _bad(raw, f"it has {len(cleaned)} characters; an ISBN has 13 (or 10) digits")


def _bad(raw: str, why: str) -> PublishError:
    return PublishError(
        f"invalid ISBN {raw!r}: {why}",
        hint="check the number against the ISBN agency's record, or leave --isbn out "
        "to get a UUID identifier",
    )
