"""Identifier spellings from OpenAlex, Crossref, ORCID and ROR: one canonical form each."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from core.errors import BadUserInput
from core.identifiers import normalize_arxiv_id, normalize_doi, normalize_orcid, normalize_ror

SCHEMES = ("", "http://", "https://", "HTTPS://")


def spellings(hosts: tuple[str, ...], schemes_too: tuple[str, ...], body: str) -> list[str]:
    """Every host with every scheme, once and doubled, plus the bare schemes."""
    prefixes = [scheme + host for scheme, host in itertools.product(SCHEMES, hosts)]
    prefixes += list(schemes_too)
    single = [prefix + body for prefix in prefixes]
    doubled = [first + second + body for first, second in itertools.product(prefixes, repeat=2)]
    return ["  " + body + " ", *single, *doubled]


def test_every_ror_spelling_is_the_bare_lower_case_id() -> None:
    for spelling in spellings(("ror.org/", "www.ror.org/", "ROR.ORG/"), ("ror:",), "01ppj9r51") + (
        spellings(("ror.org/",), (), "01PPJ9R51")
    ):
        assert normalize_ror(spelling) == "01ppj9r51", spelling


def test_every_orcid_spelling_is_the_hyphenated_upper_case_id() -> None:
    hosts = ("orcid.org/", "www.orcid.org/")
    for spelling in spellings(hosts, ("orcid:",), "0000-0002-1825-009x") + (
        spellings(hosts, (), "000000021825009X")
    ):
        assert normalize_orcid(spelling) == "0000-0002-1825-009X", spelling


def test_every_doi_spelling_is_the_bare_lower_case_doi() -> None:
    for spelling in spellings(
        ("doi.org/", "dx.doi.org/", "www.doi.org/", "DX.DOI.ORG/"),
        ("doi:", "DOI:", "doi: ", "info:doi/"),
        "10.1016/J.NeuNet.2022.03.040",
    ):
        assert normalize_doi(spelling) == "10.1016/j.neunet.2022.03.040", spelling


@pytest.mark.parametrize(
    "spelling",
    ["10.1000%2Fabc", "https://doi.org/10.1000%2FABC", "https%3A%2F%2Fdoi.org%2F10.1000%2Fabc"],
)
def test_a_percent_encoded_doi_is_decoded(spelling: str) -> None:
    assert normalize_doi(spelling) == "10.1000/abc"


def test_a_percent_sign_in_a_doi_stays_one() -> None:
    assert normalize_doi("10.1000/50%25-off") == "10.1000/50%-off"


def test_every_arxiv_spelling_is_the_unversioned_id() -> None:
    hosts = ("arxiv.org/abs/", "arxiv.org/pdf/", "export.arxiv.org/abs/")
    others = ["https://arxiv.org/pdf/2005.04211v3.pdf", "2005.04211"]
    for spelling in [*spellings(hosts, ("arXiv:", "arxiv:"), "2005.04211v3"), *others]:
        assert normalize_arxiv_id(spelling) == "2005.04211", spelling


@pytest.mark.parametrize(
    ("normalize", "value"),
    [
        (normalize_ror, "https://ror.org/01ppj9r52"),  # wrong checksum
        (normalize_ror, "https://example.org/01ppj9r51"),
        (normalize_ror, "https://ror.org/"),
        (normalize_orcid, "https://orcid.org/0000-0002-1825"),
        (normalize_orcid, "https://example.org/0000-0002-1825-0097"),
        (normalize_doi, "https://doi.org/11.1016/x"),
        (normalize_doi, "https://doi.org/10.1016/with space"),
        (normalize_doi, "doi:"),
        (normalize_arxiv_id, "https://arxiv.org/abs/not-an-id"),
    ],
)
def test_what_is_not_an_identifier_stays_refused(
    normalize: Callable[[str], str], value: str
) -> None:
    with pytest.raises(BadUserInput):
        normalize(value)
