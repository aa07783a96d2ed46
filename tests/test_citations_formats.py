"""`Work.citation(format:)`: the seed's journal paper in BibTeX, RIS and CSL-JSON through the
API, and the formats' rules on records the graph holds in part."""

from __future__ import annotations

import json

from starlette.testclient import TestClient

from core.citations import CitedWork, bibtex, citation_key, csl_json, ris
from core.global_ids import encode_id
from tests.conftest import gql

CITATION = (
    "query ($id: ID!, $format: CitationFormat!) { work(id: $id) { citation(format: $format) } }"
)
SEED_WORK = encode_id("Work", "arxiv:2005.04211")


def cited(client: TestClient, citation_format: str) -> str:
    response = gql(client, CITATION, id=SEED_WORK, format=citation_format)
    assert response.errors == [], response.errors
    return str(response.data["work"]["citation"])


def test_bibtex_names_the_authors_in_byline_order(client: TestClient) -> None:
    assert cited(client, "BIBTEX") == (
        "@article{karmakar2022,\n"
        "  author = {Karmakar, Sayar and Mukherjee, Anirbit},\n"
        "  title = {{Provable Training of a ReLU Gate with an Iterative Non-Gradient Algorithm}},\n"
        "  journal = {Neural Networks},\n"
        "  year = {2022},\n"
        "  doi = {10.1016/j.neunet.2022.03.040},\n"
        "  eprint = {2005.04211},\n"
        "  archiveprefix = {arXiv}\n"
        "}\n"
    )


def test_ris_ends_its_record(client: TestClient) -> None:
    lines = cited(client, "RIS").split("\r\n")
    assert lines[:3] == ["TY  - JOUR", "AU  - Sayar Karmakar", "AU  - Anirbit Mukherjee"]
    assert "T2  - Neural Networks" in lines
    assert "DO  - 10.1016/j.neunet.2022.03.040" in lines
    assert "DA  - 2020/05/08" in lines
    assert lines[-2:] == ["ER  -", ""]


def test_csl_json_is_a_list_of_one_item(client: TestClient) -> None:
    (item,) = json.loads(cited(client, "CSL_JSON"))
    assert item["author"] == [
        {"family": "Karmakar", "given": "Sayar"},
        {"family": "Mukherjee", "given": "Anirbit"},
    ]
    assert item["issued"] == {"date-parts": [[2020, 5, 8]]}
    assert (item["DOI"], item["type"]) == ("10.1016/j.neunet.2022.03.040", "article-journal")
    assert item["container-title"] == "Neural Networks"


def test_bibtex_is_the_default_and_an_unknown_format_is_refused(client: TestClient) -> None:
    response = gql(client, "query ($id: ID!) { work(id: $id) { citation } }", id=SEED_WORK)
    assert response.data["work"]["citation"] == cited(client, "BIBTEX")
    refused = gql(client, CITATION, id=SEED_WORK, format="WORD")
    assert refused.codes == ["BAD_USER_INPUT"], refused.errors


BARE = CitedWork(
    key="test:bare",
    type=None,
    title="50% of {braces} & more",
    year=None,
    published_on=None,
    venue=None,
    doi=None,
    arxiv_id=None,
    authors=("Plato",),
)


def test_what_the_graph_does_not_hold_is_left_out() -> None:
    assert bibtex(BARE) == (
        "@misc{plato,\n  author = {Plato},\n  title = {{50\\% of \\{braces\\} \\& more}}\n}\n"
    )
    assert ris(BARE) == "TY  - GEN\r\nAU  - Plato\r\nTI  - 50% of {braces} & more\r\nER  -\r\n"
    (item,) = json.loads(csl_json(BARE))
    assert item == {
        "id": "test:bare",
        "type": "document",
        "title": "50% of {braces} & more",
        "author": [{"literal": "Plato"}],
    }


def test_the_citation_key_is_the_first_family_name_and_year() -> None:
    work = CitedWork("k", "article", "T", 2021, None, None, None, None, ("Ana María López-Ruiz",))
    assert citation_key(work) == "lopezruiz2021"
    assert citation_key(CitedWork("k", None, None, None, None, None, None, None, ())) == "anonymous"
