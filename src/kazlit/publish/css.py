"""The edition's stylesheet: a common base and per-script rules.

- Arabic script (``ar``, ``kk-Arab``): right-to-left, start-aligned text, no
  letter-spacing and no hyphenation (letter-spacing breaks the joining of Arabic
  letters; CSS Text Level 3, section 8.2).
- Chinese (``zh-Hans``): ``line-break: strict`` (CSS Text Level 3, section 5.2: no
  break before small kana and CJK iteration marks, and the strictest rules for
  punctuation), ``word-break: normal``, the customary two-character first-line
  indent, no italics (Chinese has no italic style; emphasis marks are used instead),
  and punctuation allowed to hang at line end (``hanging-punctuation: allow-end``).
  EPUB 3's ``-epub-`` prefixed forms are written as well, for older reading systems.
- Bilingual pairs: the original and the translation are visually distinct
  (a rule and a colour on the translation, a smaller original), not by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from kazlit.publish.edition import Edition

__all__ = ["FontFace", "stylesheet"]

FontFace = tuple[str, str, str, str]  # (family, href from the stylesheet, format, group)

_BASE = """\
html { font-size: 100%%; }
body { margin: 0 1em; line-height: 1.5; font-family: %(family)s; }
h1 { font-size: 1.5em; line-height: 1.25; margin: 2em 0 1em; text-align: center;
  font-weight: bold; page-break-after: avoid; break-after: avoid; }
h1 .title-original { display: block; font-size: 0.75em; font-weight: normal;
  margin-top: 0.5em; }
p { margin: 0; text-indent: 1.5em; text-align: justify; hyphens: auto;
  -epub-hyphens: auto; orphans: 2; widows: 2; }
p.verse { text-indent: 0; text-align: start; margin: 0 0 1em 2em; hyphens: none;
  -epub-hyphens: none; }
.byline, .creator, .subtitle, .title-other, .contributor { text-indent: 0;
  text-align: center; margin: 0.5em 0; }
.creator { font-size: 1.2em; margin-top: 2em; }
.subtitle, .title-other { font-size: 1.1em; }
.colophon { margin-top: 4em; }
.colophon p { text-indent: 0; text-align: center; font-size: 0.85em; }
.role { font-style: italic; }
section.cover { text-align: center; margin: 0; padding: 0; }
section.cover img { max-width: 100%%; max-height: 100vh; }
nav ol { list-style-type: none; }
div.pair { margin: 0 0 1.2em; }
div.pair p { text-indent: 0; }
div.pair p.original { font-size: 0.9em; color: #333; }
div.pair p.translation { margin-top: 0.4em; padding-inline-start: 0.8em;
  border-inline-start: 3px solid #1f5f8b; color: #102a3c; }
div.pair.side-by-side { display: flex; gap: 1.5em; }
div.pair.side-by-side p { flex: 1 1 0; margin-top: 0; }
"""

_RTL = """\
:lang(ar), :lang(kk-Arab) { text-align: start; letter-spacing: 0;
  hyphens: none; -epub-hyphens: none; font-family: %(arabic)s; }
html[dir="rtl"] p { text-align: start; }
"""

_CJK = """\
:lang(zh-Hans) { line-break: strict; -epub-line-break: strict; word-break: normal;
  -epub-word-break: normal; hanging-punctuation: allow-end; font-style: normal;
  font-family: %(cjk)s; }
p:lang(zh-Hans) { text-indent: 2em; text-align: justify; hyphens: none;
  -epub-hyphens: none; }
:lang(zh-Hans) .role, :lang(zh-Hans) em { font-style: normal; }
"""

_FALLBACK = {
    "family": '"Noto Serif", "DejaVu Serif", serif',
    "arabic": '"Noto Naskh Arabic", "Amiri", serif',
    "cjk": '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif',
}


def stylesheet(edition: Edition, faces: Sequence[FontFace] = ()) -> bytes:
    """The CSS for *edition*; *faces* are embedded fonts to declare and use first."""
    families = dict(_FALLBACK)
    rules: list[str] = ['@charset "utf-8";\n']
    for family, href, fmt, _ in faces:
        rules.append(
            f'@font-face {{ font-family: "{family}"; src: url("{href}") format("{fmt}"); '
            "font-style: normal; font-weight: normal; }\n"
        )
    for key, default in list(families.items()):
        own = [f'"{family}"' for family, _, _, group in faces if group == key]
        families[key] = ", ".join([*own, default])
    rules.append(_BASE % families)
    langs = set(edition.languages)
    if langs & {"ar", "kk-Arab"}:
        rules.append(_RTL % families)
    if "zh-Hans" in langs:
        rules.append(_CJK % families)
    return "".join(rules).encode("utf-8")
