"""Writing a :class:`~kazlit.corpus.Bitext`: beads (Vecalign's format), TSV and TMX.

Each writer returns bytes (UTF-8); the caller chooses where they go.
"""

from __future__ import annotations

import re

from kazlit.corpus import Bitext

__all__ = ["to_beads", "to_tmx", "to_tsv"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def to_beads(bitext: Bitext) -> bytes:
    """One bead a line, ``[i, j]:[k]`` with 0-based indexes, ``[]`` for an empty side."""
    lines = [f"[{', '.join(map(str, b.src))}]:[{', '.join(map(str, b.tgt))}]" for b in bitext.beads]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def to_tsv(bitext: Bitext, *, header: bool = True) -> bytes:
    """Tab-separated: source, target, score, source ids, target ids; one bead a line.

    Tabs and line breaks inside a sentence become spaces. The header row names the
    columns and the languages (``source:kk-Cyrl``).
    """
    rows: list[str] = []
    if header:
        rows.append(
            f"source:{bitext.src_lang}\ttarget:{bitext.tgt_lang}\tscore\tsource_ids\ttarget_ids"
        )
    for src, tgt, bead in bitext.pairs():
        rows.append(
            "\t".join(
                [
                    _flat(src),
                    _flat(tgt),
                    f"{bead.score:.4f}",
                    " ".join(bitext.src[i].id for i in bead.src),
                    " ".join(bitext.tgt[j].id for j in bead.tgt),
                ]
            )
        )
    return ("\n".join(rows) + "\n").encode("utf-8") if rows else b""


def to_tmx(bitext: Bitext, *, min_score: float = 0.0) -> bytes:
    """A TMX 1.4b document: one translation unit per bead with both sides.

    Beads scoring below *min_score* are left out. The header records kazlit's
    version and settings (``creationtool``, ``x-kazlit-*`` properties); each unit
    carries its score and segment ids as ``x-`` properties, as TMX 1.4b §3.3 allows.
    """
    from lxml import etree  # noqa: PLC0415 - only when TMX is asked for

    root = etree.Element("tmx", version="1.4")
    tool, _, version = bitext.provenance.get("tool", "kazlit").partition(" ")
    header = etree.SubElement(
        root,
        "header",
        {
            "creationtool": tool or "kazlit",
            "creationtoolversion": version or "unknown",
            "segtype": "sentence",
            "o-tmf": "kazlit",
            "adminlang": "en",
            "srclang": bitext.src_lang,
            "datatype": "plaintext",
        },
    )
    for key, value in sorted(bitext.provenance.items()):
        prop = etree.SubElement(header, "prop", type=f"x-kazlit-{key}")
        prop.text = _clean(value)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    body = etree.SubElement(root, "body")
    for src, tgt, bead in bitext.pairs():
        if not bead.src or not bead.tgt or bead.score < min_score:
            continue
        tu = etree.SubElement(body, "tu")
        for key, value in (
            ("x-score", f"{bead.score:.4f}"),
            ("x-source-ids", " ".join(bitext.src[i].id for i in bead.src)),
            ("x-target-ids", " ".join(bitext.tgt[j].id for j in bead.tgt)),
        ):
            etree.SubElement(tu, "prop", type=key).text = value
        for tag, text in ((bitext.src_lang, src), (bitext.tgt_lang, tgt)):
            tuv = etree.SubElement(tu, "tuv", {xml_lang: tag})
            etree.SubElement(tuv, "seg").text = _clean(text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _clean(text: str) -> str:
    return _CONTROL.sub(" ", text)
