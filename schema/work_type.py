"""The kinds of work, shared by the Work type and the filters on works."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="The kind of work, as OpenAlex types works.")
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
