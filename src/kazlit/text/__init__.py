"""kazlit.text: sentence segmentation, tokens and word counts, Kazakh suffix grammar.

Sentence segmentation for Kazakh and the six UN languages::

    from kazlit.text import segment, split_paragraphs

    for paragraph in split_paragraphs(text):
        for sentence in segment(paragraph, "kk"):
            print(sentence)
"""

from kazlit.text.segment import segment, segment_paragraphs, split_paragraphs

__all__ = ["segment", "segment_paragraphs", "split_paragraphs"]
