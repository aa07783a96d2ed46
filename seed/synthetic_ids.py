"""Well-formed persistent identifiers (ORCID, ROR, DOI, arXiv) for synthetic records.

Each one is unique by construction: it encodes a distinct number through a bijection,
so no generator has to remember the identifiers it already handed out.
"""

from __future__ import annotations

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
ORCID_SPACE = 30_000_000  # 0000-0001-... to 0000-0003-..., 10^7 each
ROR_SPACE = 32**6
ARXIV_SPACE = 100_000  # five-digit sequence numbers per month
MULTIPLIER = 2_654_435_761
OFFSET = 1_540_483_477  # so that number 0 does not come out as a round value


def orcid_check_digit(base: str) -> str:
    """ISO 7064 MOD 11-2 over the first 15 digits, as ORCID defines it."""
    total = 0
    for digit in base:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def orcid(number: int) -> str:
    """A distinct 0000-000X-XXXX-XXXX iD for each number below ORCID_SPACE."""
    scrambled = _scramble(number, ORCID_SPACE)
    base = f"0000000{1 + scrambled // 10_000_000}{scrambled % 10_000_000:07d}"
    digits = base + orcid_check_digit(base)
    return f"{digits[0:4]}-{digits[4:8]}-{digits[8:12]}-{digits[12:16]}"


def ror(number: int) -> str:
    """A distinct ROR id for each number below ROR_SPACE: 0, six base32 digits, checksum."""
    value = _scramble(number, ROR_SPACE)
    body = "".join(CROCKFORD[(value >> shift) & 31] for shift in range(25, -1, -5))
    return f"0{body}{98 - value * 100 % 97:02d}"


def doi(registrant: int, journal: str, year: int, number: int, space: int) -> str:
    """10.<registrant>/<journal>.<year>.<n>: the suffix alone is unique per number."""
    return f"10.{registrant}/{journal}.{year}.{_scramble(number, space):0{len(str(space - 1))}d}"


def arxiv_id(year: int, month: int, sequence: int) -> str:
    """YYMM.NNNNN for the sequence-th submission of that month (below ARXIV_SPACE)."""
    return f"{year % 100:02d}{month:02d}.{_scramble(sequence, ARXIV_SPACE):05d}"


def _scramble(number: int, space: int) -> int:
    """A bijection of range(space) that makes consecutive numbers look unrelated.

    Knuth's multiplicative-hash constant is prime, so coprime with every space used
    here (powers of two and of ten, three times a power of ten).
    """
    if not 0 <= number < space:
        raise ValueError(f"{number} is outside the identifier space of {space}")
    return (number * MULTIPLIER + OFFSET) % space
