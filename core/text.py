"""Text hygiene for what people type: one folded form per spelling, and the characters that
would let a value pose as another (control characters, bidi controls, invisible ones)."""

from __future__ import annotations

import unicodedata

# Controls that reorder the text around them: embeddings and overrides (U+202A to U+202E) and
# isolates (U+2066 to U+2069). One of them makes "moc.elpmaxe" read as "example.com".
BIDI_CONTROLS = frozenset(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))
# Unicode's Default_Ignorable_Code_Point: characters a renderer draws as nothing, among them
# the zero-width space, the byte order mark and the Hangul fillers (U+3164, U+FFA0).
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
LINE_BREAKS = frozenset("\n\r\t")

# Cc: controls (C0, DEL, C1); Zl, Zp: line and paragraph separators; Cs: lone surrogates.
UNSAFE_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs"})
# Add Cf (format: zero-width, bidi marks, BOM), Co (private use) and Cn (unassigned).
HIDDEN_CATEGORIES = UNSAFE_CATEGORIES | {"Cf", "Co", "Cn"}


def fold(value: str) -> str:
    """NFKC, case-folded, NFKC again: precomposed and decomposed accents, fullwidth forms,
    ligatures and case all meet in one string (close to Unicode's NFKC_Casefold)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold())


def is_invisible(character: str) -> bool:
    code = ord(character)
    return any(low <= code <= high for low, high in INVISIBLE_RANGES)


def is_blank(value: str) -> bool:
    """Nothing a reader would see: only whitespace and invisible characters."""
    return all(character.isspace() or is_invisible(character) for character in value)


def unsafe_character(value: str, *, multiline: bool = False) -> str | None:
    """The first control character, bidi control, line or paragraph separator or lone
    surrogate in `value`; tabs and line breaks pass when `multiline`."""
    for character in value:
        if multiline and character in LINE_BREAKS:
            continue
        if character in BIDI_CONTROLS or unicodedata.category(character) in UNSAFE_CATEGORIES:
            return character
    return None


def hidden_character(value: str) -> str | None:
    """The first character of `value` that is unsafe or does not show: for identifiers such
    as emails, where what is read must be all that is there."""
    for character in value:
        if is_invisible(character) or unicodedata.category(character) in HIDDEN_CATEGORIES:
            return character
    return None


def describe(character: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`, for an error message that cannot show the character."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X} {name}".rstrip()
