"""JSON as RFC 8259 has it, for every body and parameter a client sends: `NaN`,
`Infinity` and `-Infinity` are not JSON, though Python's and pydantic's parsers take
them by default."""

from __future__ import annotations

from typing import Any

import pydantic_core


def parse_json(text: bytes | str) -> Any:
    """The value of a JSON text; ValueError when it is not JSON."""
    return pydantic_core.from_json(text, allow_inf_nan=False)
