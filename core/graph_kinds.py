"""The kinds of nodes and relationships a graph slice shows."""

from __future__ import annotations

from enum import Enum


class NodeKind(Enum):
    RESEARCHER = "Researcher"
    WORK = "Work"
    TOPIC = "Topic"
    INSTITUTION = "Institution"


class EdgeKind(Enum):
    AUTHORED = "AUTHORED"
    ABOUT = "ABOUT"
    AFFILIATION = "AFFILIATION"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    SUBTOPIC_OF = "SUBTOPIC_OF"
    CITES = "CITES"
