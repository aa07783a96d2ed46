"""What a node holds, by label, for the stored properties its GraphQL type never leaves
null when no source gives them: an OpenAlex author has no openness to collaborate.

Every write path sets them on the nodes it creates (Cypher reads them as `$defaults`, the
bulk import writes them as CSV columns) and a migration gives them to nodes stored
before, so every node answers every non-null field of its type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, TypedDict


class ResearcherDefaults(TypedDict):
    openToCollaborate: bool
    verificationLevel: str


RESEARCHER_DEFAULTS: Final = ResearcherDefaults(openToCollaborate=False, verificationLevel="L1")
NODE_DEFAULTS: Final[dict[str, Mapping[str, object]]] = {"Researcher": RESEARCHER_DEFAULTS}
