"""The kinds of work, as OpenAlex types them."""

from __future__ import annotations

from enum import Enum


class WorkType(Enum):
    ARTICLE = "article"
    PREPRINT = "preprint"
    BOOK = "book"
    BOOK_CHAPTER = "book-chapter"
    DATASET = "dataset"
    DISSERTATION = "dissertation"
    REVIEW = "review"
    REPORT = "report"
    EDITORIAL = "editorial"
    LETTER = "letter"
    STANDARD = "standard"
    OTHER = "other"
