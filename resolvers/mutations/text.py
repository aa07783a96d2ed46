"""Free text from clients: trimmed, and refused when blank or too long."""

from __future__ import annotations

from core.errors import BadUserInput


def required_text(value: str, argument: str, maximum: int) -> str:
    cleaned = value.strip()
    if not cleaned:
        raise BadUserInput(f"{argument} must not be blank")
    if len(cleaned) > maximum:
        raise BadUserInput(f"{argument} must be at most {maximum} characters, got {len(cleaned)}")
    return cleaned


def optional_text(value: str | None, argument: str, maximum: int) -> str | None:
    """Blank counts as absent."""
    if value is None or not value.strip():
        return None
    return required_text(value, argument, maximum)
