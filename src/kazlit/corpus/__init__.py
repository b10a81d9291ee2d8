"""The work model and the ``corpora/`` folder layout.

A corpus is a folder of work folders; a work folder holds ``work.toml`` (metadata)
and one plain-Markdown file per language (``kk.md``, ``ru.md``, ``zh.md`` …)::

    from kazlit.corpus import read_corpus, check_work

    reading = read_corpus("corpora")
    for work in reading.works:
        print(work.id, work.languages)
        for issue in check_work(work):
            print(" ", issue.severity, issue.lang, issue.message)
"""

from kazlit.corpus.folder import (
    CorpusReading,
    ShapeIssue,
    check_work,
    read_corpus,
    read_work,
    write_work,
)
from kazlit.corpus.markdown import format_document, parse_document
from kazlit.corpus.model import (
    GENRES,
    Bead,
    Bitext,
    Block,
    Chapter,
    Document,
    Genre,
    Person,
    Segment,
    Work,
    WorkMeta,
)
from kazlit.corpus.segments import segment_document
from kazlit.corpus.worktoml import format_work_toml, parse_work_toml

__all__ = [
    "GENRES",
    "Bead",
    "Bitext",
    "Block",
    "Chapter",
    "CorpusReading",
    "Document",
    "Genre",
    "Person",
    "Segment",
    "ShapeIssue",
    "Work",
    "WorkMeta",
    "check_work",
    "format_document",
    "format_work_toml",
    "parse_document",
    "parse_work_toml",
    "read_corpus",
    "read_work",
    "segment_document",
    "write_work",
]
