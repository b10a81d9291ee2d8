"""An aligned :class:`~kazlit.corpus.Bitext` written through a format's codec.

The aligner (:mod:`kazlit.align`) knows no file format; this is where its output
meets the codecs. Each bead with text on both sides becomes a translation unit
(:func:`kazlit.tm.bitext.units_from_bitext`: the score, the work, the first source
segment's id and the neighbouring sentences travel with it), and the codec writes
the units, so ``kazlit align --format tmx`` writes exactly the TMX that ``kazlit tm
export`` writes::

    from kazlit.align import align_documents
    from kazlit.formats.aligned import write_bitext

    bitext = align_documents(kazakh, russian)
    with open("abai.kk-ru.tmx", "wb") as fh:
        write_bitext(bitext, fh, work="abai", min_score=0.3)

The header records what made the file: kazlit's version (``creationtoolversion``),
and as ``x-kazlit-…`` props the aligner, its settings, the number of glossary pairs,
the segmentation, the work and the minimum score.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from typing import IO

from kazlit._version import __version__
from kazlit.corpus import Bitext, Segment
from kazlit.formats import get_codec
from kazlit.tm.bitext import units_from_bitext

__all__ = ["bitext_provenance", "write_bitext"]

log = logging.getLogger(__name__)
# C0 controls other than tab, line feed and carriage return: XML 1.0 (and so TMX and
# XLIFF) cannot hold them, even escaped (XML 1.0 §2.2, Char).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def bitext_provenance(
    bitext: Bitext, *, work: str | None = None, min_score: float = 0.0
) -> dict[str, str]:
    """The provenance a file written from *bitext* carries (keys without ``x-kazlit-``)."""
    provenance = dict(bitext.provenance)
    provenance["version"] = __version__
    provenance["src-lang"] = bitext.src_lang
    provenance["tgt-lang"] = bitext.tgt_lang
    provenance["min-score"] = f"{min_score:g}"
    if work is not None:
        provenance["work"] = work
    return provenance


def write_bitext(
    bitext: Bitext,
    fh: IO[bytes],
    *,
    format: str = "tmx",  # noqa: A002 - the natural name, as in kazlit.formats.tmio
    work: str | None = None,
    min_score: float = 0.0,
) -> int:
    """Write the beads of *bitext* scoring *min_score* or more to the binary file *fh*.

    *format* is any translation-memory codec (``tmx``, ``po``, ``xliff``, ``tsv``…);
    beads with an empty side are left out. Returns the number of units written.
    """
    codec = get_codec(format)
    bitext = _without_controls(bitext)
    return codec.write(
        units_from_bitext(bitext, work=work, min_score=min_score),
        fh,
        src_lang=bitext.src_lang,
        tgt_lang=bitext.tgt_lang,
        provenance=bitext_provenance(bitext, work=work, min_score=min_score),
    )


def _clean(segments: tuple[Segment, ...], side: str) -> tuple[Segment, ...]:
    out = []
    for segment in segments:
        if not _CONTROL.search(segment.text):
            out.append(segment)
            continue
        log.warning(
            "%s segment %s: control characters replaced by spaces (XML cannot hold them)",
            side,
            segment.id,
        )
        out.append(dataclasses.replace(segment, text=_CONTROL.sub(" ", segment.text)))
    return tuple(out)


def _without_controls(bitext: Bitext) -> Bitext:
    """*bitext* with C0 control characters in its sentences replaced by spaces."""
    if not any(_CONTROL.search(s.text) for s in (*bitext.src, *bitext.tgt)):
        return bitext
    return dataclasses.replace(
        bitext, src=_clean(bitext.src, "source"), tgt=_clean(bitext.tgt, "target")
    )
