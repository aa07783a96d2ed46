"""The collaboration-strength rule (docs/metrics.md), shared by every statement that uses it."""

from __future__ import annotations

import datetime

from server.settings import Settings

CLOSE_STRENGTH = 1.0
HALF_LIFE_YEARS = 5.0
# Hyper-authored papers say nothing about closeness, and would make hubs costly.
MAX_TEAM = 100
MAX_HOPS = 6


def strength_parameters(settings: Settings) -> dict[str, float | int]:
    """A hub's cost stays bounded: only its most recent works are scanned."""
    return {
        "year": datetime.date.today().year,
        "halfLife": HALF_LIFE_YEARS,
        "worksScanned": settings.fanout_works,
        "maxTeam": MAX_TEAM,
        "closeStrength": CLOSE_STRENGTH,
    }


# Recommendations: friends of friends and topic neighbours, each side bounded.
COAUTHOR_WEIGHT = 1.0
TOPIC_WEIGHT = 0.5


def recommendation_parameters(settings: Settings) -> dict[str, float | int]:
    return {
        "worksScanned": settings.fanout_works,
        "topicsScanned": 5,
        "coauthorsScanned": 200,
        "perNeighborScanned": 50,
        "coauthorWeight": COAUTHOR_WEIGHT,
        "topicWeight": TOPIC_WEIGHT,
    }
