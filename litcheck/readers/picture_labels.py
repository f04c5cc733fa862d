"""Picture labels and captions: the words a page sets beside or under a picture.

An Easy Read page puts a picture beside each sentence, often with a word or two under it
("Calendar", "Nurse"); a web page has <figcaption>, a Word file a paragraph in the Caption
style. Read as prose, a one-word label is a one-word sentence (the average sentence looks
shorter than it is) or, run into the next line, words the sentence does not have. Readers
make such text a ``caption`` block: shown and searched for practical details, never scored
as prose (segment keeps a caption block whole).
"""

from __future__ import annotations

#: a caption this long is really a paragraph (the PDF reader's limit too)
CAPTION_MAX_WORDS = 40
#: a label beside a picture is a few words
LABEL_MAX_WORDS = 4


def is_picture_label(text: str) -> bool:
    """Whether ``text``, found in the same element as a picture, is the picture's label: a few
    words with no sentence punctuation and no number ("Calendar", "Your nurse"), not a short
    sentence ("It is free.") and not a fact ("Ward 5", "Call 0300 555 0142")."""
    words = text.split()
    if not words or len(words) > LABEL_MAX_WORDS or len(text.strip()) > 40:
        return False
    if text.rstrip()[-1] in ".!?:;,":
        return False
    return not any(ch.isdigit() for ch in text)


def is_caption(text: str) -> bool:
    """Whether text in a caption element (<figcaption>, <caption>, Word's Caption style) reads
    as a caption: up to CAPTION_MAX_WORDS words; a longer one is a paragraph."""
    return 0 < len(text.split()) <= CAPTION_MAX_WORDS
