"""kazlit.formats.

File-format codecs (TMX, PO, XLIFF, TBX, TSV …), each reading and writing model objects.

Planned in issue 4; nothing is public here yet.
"""
