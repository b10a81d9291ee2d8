"""Language tags kazlit works with: their script and text direction.

kazlit speaks BCP 47 tags. The Kazakh tags carry their script, because the script is
what changes the work (``kk-Cyrl``, ``kk-Latn``, ``kk-Arab``); Chinese is Simplified
(``zh-Hans``), as in the UN's six languages.

:func:`get` accepts what users type — ``kk``, ``KK``, ``kk_KZ``, ``kaz``, ``zh``,
``zh-CN``, ``ru-RU``, ``Kazakh`` — and returns the :class:`Language`; anything else
raises :class:`~kazlit.errors.LanguageError` listing the supported tags::

    >>> from kazlit import lang
    >>> lang.get("kk_KZ").tag
    'kk-Cyrl'
    >>> lang.get("zh-CN").tag
    'zh-Hans'
    >>> lang.get("ar").direction
    'rtl'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kazlit.errors import LanguageError

__all__ = [
    "KAZAKH",
    "LANGUAGES",
    "UN_LANGUAGES",
    "Direction",
    "Language",
    "get",
    "normalize",
]

Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True, slots=True)
class Language:
    """A supported language variety.

    ``tag`` is the canonical BCP 47 tag; ``code`` the ISO 639-1 language subtag;
    ``script`` the ISO 15924 code of the script its text is written in.
    """

    tag: str
    code: str
    script: str
    name: str
    native_name: str

    @property
    def direction(self) -> Direction:
        """``"rtl"`` for Arabic-script text, ``"ltr"`` otherwise."""
        return "rtl" if self.script == "Arab" else "ltr"

    @property
    def is_kazakh(self) -> bool:
        return self.code == "kk"

    @property
    def is_cjk(self) -> bool:
        return self.script in {"Hans", "Hant"}

    def __str__(self) -> str:
        return self.tag


_ALL = (
    Language("kk-Cyrl", "kk", "Cyrl", "Kazakh (Cyrillic)", "қазақ тілі"),
    Language("kk-Latn", "kk", "Latn", "Kazakh (Latin)", "qazaq tılı"),
    Language("kk-Arab", "kk", "Arab", "Kazakh (Arabic)", "قازاق ٴتىلى"),
    Language("ru", "ru", "Cyrl", "Russian", "русский"),
    Language("zh-Hans", "zh", "Hans", "Chinese (Simplified)", "简体中文"),
    Language("en", "en", "Latn", "English", "English"),
    Language("ar", "ar", "Arab", "Arabic", "العربية"),
    Language("fr", "fr", "Latn", "French", "français"),
    Language("es", "es", "Latn", "Spanish", "español"),
)

#: Every supported language by canonical tag, in a stable order.
LANGUAGES: dict[str, Language] = {lang.tag: lang for lang in _ALL}
#: The Kazakh original (Cyrillic script, the usual manuscript form).
KAZAKH = LANGUAGES["kk-Cyrl"]
#: The six official languages of the United Nations, the programme's targets.
UN_LANGUAGES: tuple[Language, ...] = tuple(
    LANGUAGES[t] for t in ("ru", "zh-Hans", "en", "ar", "fr", "es")
)

# ISO 639-2/3 codes and English names users type, mapped to a primary subtag.
_LANGUAGE_ALIASES = {
    "kaz": "kk",
    "kazakh": "kk",
    "qazaq": "kk",
    "rus": "ru",
    "russian": "ru",
    "zho": "zh",
    "chi": "zh",
    "chinese": "zh",
    "eng": "en",
    "english": "en",
    "ara": "ar",
    "arabic": "ar",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "spa": "es",
    "spanish": "es",
}
# Default script of each primary language, and the scripts it may be written in.
_DEFAULT_SCRIPT = {"kk": "Cyrl", "zh": "Hans"}
_SCRIPTS = {"kk": {"Cyrl", "Latn", "Arab"}, "zh": {"Hans"}}
# Regions that imply a script when none is given (Kazakhs in China write Arabic script;
# mainland China and Singapore write Simplified characters).
_REGION_SCRIPT = {("kk", "CN"): "Arab", ("zh", "CN"): "Hans", ("zh", "SG"): "Hans"}
_TRADITIONAL_REGIONS = {"TW", "HK", "MO"}


def normalize(text: str) -> str:
    """Return the canonical tag for what a user typed (see :func:`get`)."""
    return get(text).tag


def get(text: str | Language) -> Language:
    """Return the :class:`Language` for a tag, alias or English name.

    Case, ``_`` for ``-``, a region subtag and surrounding spaces are forgiven.
    Raises :class:`~kazlit.errors.LanguageError` for anything kazlit does not support.
    """
    if isinstance(text, Language):
        return text
    raw = text
    primary, script, region = _split(raw)
    if primary == "zh" and (
        script == "Hant" or (script is None and region in _TRADITIONAL_REGIONS)
    ):
        raise LanguageError(
            f"unsupported language {raw!r}: Traditional Chinese is not a kazlit target",
            hint="use zh-Hans (Simplified Chinese)",
        )
    if script is None and region is not None:
        script = _REGION_SCRIPT.get((primary, region))
    if script is None:
        script = _DEFAULT_SCRIPT.get(primary)
    allowed = _SCRIPTS.get(primary)
    if allowed is not None:
        if script not in allowed:
            raise _unknown(raw)
        tag = f"{primary}-{script}"
    else:
        lang = LANGUAGES.get(primary)
        if lang is None or (script is not None and script != lang.script):
            raise _unknown(raw)
        tag = primary
    found = LANGUAGES.get(tag)
    if found is None:
        raise _unknown(raw)
    return found


def _split(raw: str) -> tuple[str, str | None, str | None]:
    """Split a typed tag into (primary language, script or None, region or None)."""
    cleaned = raw.strip().replace("_", "-")
    # POSIX locales: "kk_KZ.UTF-8", "ru_RU@latin".
    cleaned = cleaned.split(".", 1)[0].split("@", 1)[0]
    if not cleaned:
        raise _unknown(raw)
    subtags = cleaned.split("-")
    primary = subtags[0].lower()
    primary = _LANGUAGE_ALIASES.get(primary, primary)
    script: str | None = None
    region: str | None = None
    for sub in subtags[1:]:
        if len(sub) == 4 and sub.isalpha():
            script = sub.title()
        elif (len(sub) == 2 and sub.isalpha()) or (len(sub) == 3 and sub.isdigit()):
            region = sub.upper()
        else:
            raise _unknown(raw)
    return primary, script, region


def _unknown(raw: str) -> LanguageError:
    return LanguageError(
        f"unknown or unsupported language {raw!r}",
        hint=f"use one of: {', '.join(LANGUAGES)} (kk means kk-Cyrl, zh means zh-Hans)",
    )
