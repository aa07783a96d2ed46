"""The collaboration-strength rule (docs/metrics.md), shared by every statement that uses it."""

from __future__ import annotations

import datetime

CLOSE_STRENGTH = 1.0
HALF_LIFE_YEARS = 5.0
# A hub's cost stays bounded: only its most recent works are scanned, and
# hyper-authored papers (which say nothing about closeness) are skipped.
WORKS_SCANNED = 500
MAX_TEAM = 100
MAX_HOPS = 6


def strength_parameters() -> dict[str, float | int]:
    return {
        "year": datetime.date.today().year,
        "halfLife": HALF_LIFE_YEARS,
        "worksScanned": WORKS_SCANNED,
        "maxTeam": MAX_TEAM,
        "closeStrength": CLOSE_STRENGTH,
    }


# Recommendations: friends of friends and topic neighbours, each side bounded.
COAUTHOR_WEIGHT = 1.0
TOPIC_WEIGHT = 0.5


def recommendation_parameters() -> dict[str, float | int]:
    return {
        "worksScanned": WORKS_SCANNED,
        "topicsScanned": 5,
        "coauthorsScanned": 200,
        "perNeighborScanned": 50,
        "coauthorWeight": COAUTHOR_WEIGHT,
        "topicWeight": TOPIC_WEIGHT,
    }
