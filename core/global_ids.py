"""Opaque strings for clients: global ids ("Kind:key") and cursors share one encoding."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from functools import lru_cache

from core.errors import BadUserInput
from core.identifiers import openalex_lookup

# Users, claims and invitations have ids too, but are not nodes of the research graph.
KINDS = ("Researcher", "Work", "Topic", "Institution", "User", "Claim", "Invitation")


def encode_opaque(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def list_identity(owner: str, field: str, order: tuple[str, str] | None) -> str:
    """What a cursor names its list by: the field ("Researcher.works") and the order."""
    return f"{owner}.{field}|{'default' if order is None else ':'.join(order)}"


NEIGHBORS = list_identity("Query", "neighbors", None)


def offset_cursor(position: int, list_: str, parent: str = "") -> str:
    """The cursor after the item at a 1-based position of an offset-paged list, with the
    list it belongs to and the key of the parent that list hangs off ("" at the root)."""
    return encode_opaque(f"o|{position}|{list_}|{parent}")


def key_cursor(key: str, list_: str) -> str:
    """The cursor after the item with this key, in a root list paged by key."""
    return encode_opaque(f"k|{list_}|{key}")


def decode_opaque(value: str, what: str) -> str:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadUserInput(f"malformed {what} {value!r}") from None


# Hot ids come back in request after request, and a page names the same nodes many times.
@lru_cache(maxsize=8192)
def encode_id(kind: str, key: str) -> str:
    return encode_opaque(f"{kind}:{key}")


@lru_cache(maxsize=8192)
def decode_id(value: str, expected: str | None = None) -> tuple[str, str]:
    """(kind, key) of a global id; BAD_USER_INPUT when malformed or of another kind."""
    try:
        kind, separator, key = decode_opaque(value, "id").partition(":")
    except BadUserInput:
        raise malformed_id(value) from None
    if not separator or not key or kind not in KINDS:
        raise malformed_id(value)
    if expected is not None and kind != expected:
        raise BadUserInput(f"id {value!r} is a {kind} id, not a {expected} id")
    return kind, key


def malformed_id(value: str) -> BadUserInput:
    lookup = openalex_lookup(value)
    if lookup is None:
        return BadUserInput(f"malformed id {value!r}")
    # analysts paste OpenAlex ids where global ids go: say where those belong
    return BadUserInput(
        f"malformed id {value!r}: ids are opaque global ids, and this is an OpenAlex id;"
        f" look it up with {lookup}"
    )


MAX_OFFSET_DIGITS = 9  # an offset past a billion is no page of ours


@dataclass(frozen=True)
class Cursor:
    mode: str  # "o": after an offset; "k": after a key
    position: str
    list_: str
    parent: str


def read_cursor(cursor: str) -> Cursor:
    text = decode_opaque(cursor, "cursor")
    if text.startswith("o|"):
        parts = text.split("|", 4)
        position = parts[1]
        plain = position.isascii() and position.isdigit() and len(position) <= MAX_OFFSET_DIGITS
        if len(parts) == 5 and plain:
            return Cursor("o", position, f"{parts[2]}|{parts[3]}", parts[4])
    elif text.startswith("k|"):
        parts = text.split("|", 3)
        if len(parts) == 4 and parts[3]:
            return Cursor("k", parts[3], f"{parts[1]}|{parts[2]}", "")
    raise BadUserInput(f"malformed cursor {cursor!r}")


def after_offset(cursor: str | None, list_: str, parent: str | None) -> int:
    """The offset a cursor of this list (`list_` under `parent`) resumes after. `parent`
    None: the list hangs off many parents, or one the request names other than by key."""
    if cursor is None:
        return 0
    found = read_cursor(cursor)
    if parent is None:
        raise BadUserInput(
            f"a cursor pages one list: to page {list_.partition('|')[0]}, ask for it under "
            "one parent named by id"
        )
    if found.mode != "o" or found.list_ != list_ or found.parent != parent:
        raise BadUserInput(f"cursor {cursor!r} does not belong to this list")
    return int(found.position)


def after_key(cursor: str, list_: str) -> str:
    found = read_cursor(cursor)
    if found.mode != "k" or found.list_ != list_:
        raise BadUserInput(f"cursor {cursor!r} does not belong to this list")
    return found.position
