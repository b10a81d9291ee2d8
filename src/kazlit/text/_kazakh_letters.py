"""Letter tables between Kazakh Cyrillic and the 2021 Latin alphabet (private).

[ABC2021] The Kazakh Latin alphabet presented by the Government of Kazakhstan on
28 January 2021 (31 letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü
V Y Z), checked against Wikipedia's "Kazakh alphabets". Letters absent from the 2021
alphabet (ё, ц, щ, ъ, ь, э, ю, я, ч, һ) are mapped to their usual Latin spelling.
These tables serve the suffix grammar only; kazlit.translit holds the official
transliteration schemes.
"""

from __future__ import annotations

__all__ = ["CYR_TO_LAT", "LAT_TO_CYR"]

#: Cyrillic letter → 2021 Latin spelling.
CYR_TO_LAT: dict[str, str] = dict(
    zip(
        "аәбвгғдежзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяё",
        [
            "a",
            "ä",
            "b",
            "v",
            "g",
            "ğ",
            "d",
            "e",
            "j",
            "z",
            "i",
            "i",
            "k",
            "q",
            "l",
            "m",
            "n",
            "ñ",
            "o",
            "ö",
            "p",
            "r",
            "s",
            "t",
            "u",
            "ū",
            "ü",
            "f",
            "h",
            "h",
            "ts",
            "ç",
            "ş",
            "şş",
            "",
            "y",
            "ı",
            "",
            "e",
            "iu",
            "ia",
            "io",
        ],
        strict=True,
    )
)
#: Latin → Cyrillic for analysis only: one Cyrillic letter per Latin letter (i is
#: read as и, h as х); the suffix grammar treats и and й alike, and х and һ alike.
LAT_TO_CYR: dict[str, str] = dict(
    zip("aäbvgğdejzikqlmnñoöprstuūüfhçşyıwcx", "аәбвгғдежзикқлмнңоөпрстуұүфхчшыіуцх", strict=True)
)
