"""Opaque strings for clients: global ids ("Kind:key") and cursors share one encoding."""

from __future__ import annotations

import base64
import binascii
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
