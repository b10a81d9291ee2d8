"""kazlit.publish: EPUB editions and ONIX records from the corpus model.

Plan an edition from one work (or several, for an anthology), then write it::

    from kazlit.corpus import read_work
    from kazlit.publish import EditionOptions, plan_edition, write_epub

    work = read_work("corpora/ak-kar")
    edition = plan_edition(
        work, "en", parallel_with="kk", options=EditionOptions(isbn="978-601-...", publisher="…")
    )
    write_epub(edition, "ak-kar.en-kk.epub")

Every check on the input happens when the edition is planned; writing is atomic.
The packaging (XHTML, navigation, package document, container) is kazlit's own, on
lxml and zipfile, so the output is byte-reproducible (see docs/architecture.md).
"""

from kazlit.publish.build import build_epub, write_epub
from kazlit.publish.check import (
    USAGE_ALLOW_LIST,
    CheckMessage,
    CheckReport,
    run_ace,
    run_epubcheck,
)
from kazlit.publish.edition import (
    EDITION_LANGUAGES,
    Contributor,
    Edition,
    EditionKind,
    EditionOptions,
    Para,
    Section,
    Subject,
    Text,
)
from kazlit.publish.isbn import normalize_isbn
from kazlit.publish.plan import plan_anthology, plan_edition

__all__ = [
    "EDITION_LANGUAGES",
    "USAGE_ALLOW_LIST",
    "CheckMessage",
    "CheckReport",
    "Contributor",
    "Edition",
    "EditionKind",
    "EditionOptions",
    "Para",
    "Section",
    "Subject",
    "Text",
    "build_epub",
    "normalize_isbn",
    "plan_anthology",
    "plan_edition",
    "run_ace",
    "run_epubcheck",
    "write_epub",
]
