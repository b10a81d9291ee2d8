"""ISBN checks (ISO 2108: ISBN-13 weights 1 and 3, ISBN-10 weights 10..1 modulo 11)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazlit.errors import PublishError
from kazlit.publish.isbn import isbn13_check_digit, normalize_isbn


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("978-0-306-40615-7", "9780306406157"),  # the example of ISO 2108 and Wikipedia
        ("ISBN 978 0 306 40615 7", "9780306406157"),
        ("urn:isbn:9780306406157", "9780306406157"),
        ("0-306-40615-2", "9780306406157"),  # the same book as an ISBN-10
        ("0-8044-2957-X", "9780804429573"),  # an ISBN-10 whose check digit is X
        ("979-10-90636-07-1", "9791090636071"),
    ],
)
def test_valid_isbns(given: str, expected: str) -> None:
    assert normalize_isbn(given) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("978-0-306-40615-8", "check digit is 8, it should be 7"),
        ("0-306-40615-3", "ISBN-10 check digit is 3, it should be 2"),
        ("977-0-306-40615-7", "starts with 978 or 979"),
        ("978-0-306-4061", "11 characters"),
        ("978-0-306-4061A-7", "13 digits"),
        ("", "0 characters"),
    ],
)
def test_invalid_isbns(given: str, message: str) -> None:
    with pytest.raises(PublishError, match=message):
        normalize_isbn(given)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_isbn10_converts_to_a_valid_isbn13(body: str) -> None:
    total = sum(int(d) * (10 - i) for i, d in enumerate(body))
    check = (11 - total % 11) % 11
    isbn10 = body + ("X" if check == 10 else str(check))
    isbn13 = normalize_isbn(isbn10)
    assert isbn13.startswith("978" + body)
    assert isbn13[-1] == isbn13_check_digit(isbn13[:12])
    assert normalize_isbn(isbn13) == isbn13
