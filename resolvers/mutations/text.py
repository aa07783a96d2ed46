"""Free text from clients: trimmed, and refused when blank, too long, or holding characters
that would make it read as something else (core/text.py)."""

from __future__ import annotations

from core.errors import BadUserInput
from core.text import describe, is_blank, unsafe_character


def required_text(value: str, argument: str, maximum: int, *, multiline: bool = False) -> str:
    """`multiline` lets line breaks and tabs through, for notes and messages; a name or a
    headline is one line."""
    cleaned = value.strip()
    unsafe = unsafe_character(cleaned, multiline=multiline)
    if unsafe is not None:
        raise BadUserInput(f"{argument} must not contain {describe(unsafe)}")
    if is_blank(cleaned):
        raise BadUserInput(f"{argument} must not be blank")
    if len(cleaned) > maximum:
        raise BadUserInput(f"{argument} must be at most {maximum} characters, got {len(cleaned)}")
    return cleaned


def optional_text(
    value: str | None, argument: str, maximum: int, *, multiline: bool = False
) -> str | None:
    """Blank counts as absent."""
    if value is None or not value.strip():
        return None
    return required_text(value, argument, maximum, multiline=multiline)
