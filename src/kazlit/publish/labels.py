"""Words the edition itself writes: navigation headings and contributor roles.

Translations are the usual words of books and reading systems in each language.
Notes: the Latin-script Kazakh words follow the 2021 alphabet (decree of the
President of Kazakhstan no. 637 of 26 October 2017 as amended in 2021) letter for
letter from the Cyrillic; "landmarks" has no settled word in Kazakh or Chinese
reading systems, so a plain description is used ("sections of the book", "导航"
as in common Chinese e-reader menus); kazlit has no hand-checked Kazakh Arabic-script
table, so a kk-Arab edition gets these words through its transliteration scheme, or
the Arabic words (tagged ``ar``) when it has none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kazlit.publish.edition import Text, epub_lang

__all__ = ["LABELS", "labels_for"]

_KEYS = ("toc", "landmarks", "cover", "titlepage", "bodymatter", "page-list", "trl", "edt", "ill")

LABELS: Mapping[str, tuple[str, ...]] = {
    "kk-Cyrl": (
        "Мазмұны",
        "Кітап бөлімдері",
        "Мұқаба",
        "Титул беті",
        "Негізгі мәтін",
        "Беттер",
        "Аударған:",
        "Редакторы:",
        "Суретін салған:",
    ),
    "kk-Latn": (
        "Mazmūny",
        "Kıtap bölımderı",
        "Mūqaba",
        "Titul betı",
        "Negızgı mätın",
        "Better",
        "Audarğan:",
        "Redaktory:",
        "Suretın salğan:",
    ),
    "ru": (
        "Содержание",
        "Разделы книги",
        "Обложка",
        "Титульный лист",
        "Основной текст",
        "Страницы",
        "Перевод:",
        "Редактор:",
        "Иллюстрации:",
    ),
    "en": (
        "Contents",
        "Landmarks",
        "Cover",
        "Title page",
        "Start of text",
        "Pages",
        "Translated by",
        "Edited by",
        "Illustrated by",
    ),
    "fr": (
        "Table des matières",
        "Repères",
        "Couverture",
        "Page de titre",
        "Début du texte",
        "Pages",
        "Traduit par",
        "Sous la direction de",
        "Illustrations de",
    ),
    "es": (
        "Índice",
        "Puntos de referencia",
        "Cubierta",
        "Portada",
        "Inicio del texto",
        "Páginas",
        "Traducción de",
        "Edición de",
        "Ilustraciones de",
    ),
    "zh-Hans": ("目录", "导航", "封面", "扉页", "正文", "页码", "译者：", "编者：", "插图："),
    "ar": (
        "المحتويات",
        "معالم الكتاب",
        "الغلاف",
        "صفحة العنوان",
        "بداية النص",
        "الصفحات",
        "ترجمة:",
        "تحرير:",
        "رسوم:",
    ),
}


def labels_for(tag: str, convert: Callable[[str], str] | None = None) -> dict[str, Text]:
    """The words for an edition in kazlit language *tag*, each tagged with its language.

    *convert* transliterates the Kazakh Cyrillic words for a kk-Arab edition.
    """
    if tag in LABELS:
        words, lang = LABELS[tag], epub_lang(tag)
    elif tag == "kk-Arab" and convert is not None:
        words, lang = tuple(convert(w) for w in LABELS["kk-Cyrl"]), "kk-Arab"
    else:
        words, lang = LABELS["ar"], "ar"
    return {key: Text(word, lang) for key, word in zip(_KEYS, words, strict=True)}
