"""Global ids, cursors and identifier spellings."""

from __future__ import annotations

import pytest

from resolvers.compiler.connections import after_key, after_offset, bounded
from schema.errors import BadInput
from schema.identifiers import normalize_arxiv_id, normalize_doi, normalize_orcid
from schema.ids import decode_id, encode_id, encode_opaque, offset_cursor


def test_ids_round_trip_and_are_opaque() -> None:
    value = encode_id("Work", "arxiv:2204.12554")
    assert "arxiv" not in value
    assert decode_id(value) == ("Work", "arxiv:2204.12554")
    assert decode_id(value, expected="Work") == ("Work", "arxiv:2204.12554")


@pytest.mark.parametrize("value", ["", "!!!", encode_id("Paper", "x"), encode_id("Work", "")])
def test_malformed_ids_are_bad_input(value: str) -> None:
    with pytest.raises(BadInput):
        decode_id(value)


def test_page_requests_check_bounds_and_cursor_kind() -> None:
    assert bounded(None, 20, 100) == 20
    with pytest.raises(BadInput):
        bounded(101, 20, 100)
    with pytest.raises(BadInput):
        bounded(-1, 20, 100)
    assert after_offset(offset_cursor(7)) == 7
    with pytest.raises(BadInput):
        after_key(offset_cursor(7))
    for odd in ("o|²", "o|9223372036854775807", "o|-1", "k|x"):
        with pytest.raises(BadInput):
            after_offset(encode_opaque(odd))


def test_identifier_spellings_normalise() -> None:
    assert normalize_orcid("https://orcid.org/0000-0002-1825-009x") == "0000-0002-1825-009X"
    assert normalize_doi("doi:10.1016/J.NEUNET.2022.03.040") == "10.1016/j.neunet.2022.03.040"
    assert normalize_arxiv_id("https://arxiv.org/abs/2005.04211v3") == "2005.04211"
    assert normalize_arxiv_id("hep-th/9901001") == "hep-th/9901001"
