"""The collaboration-strength rule (docs/metrics.md), shared by every statement that uses it."""

from __future__ import annotations

import datetime

from core.request_limits import RequestLimits

CLOSE_STRENGTH = 1.0
HALF_LIFE_YEARS = 5.0
# Hyper-authored papers say nothing about closeness, and would make hubs costly.
MAX_TEAM = 100
MAX_HOPS = 6


def strength_parameters(limits: RequestLimits) -> dict[str, float | int]:
    """A hub's cost stays bounded: only its most recent works are scanned."""
    return {
        "year": datetime.date.today().year,
        "halfLife": HALF_LIFE_YEARS,
        "worksScanned": limits.fanout_works,
        "maxTeam": MAX_TEAM,
        "closeStrength": CLOSE_STRENGTH,
    }


# Recommendations: friends of friends and topic neighbours, each side bounded.
COAUTHOR_WEIGHT = 1.0
TOPIC_WEIGHT = 0.5


TOPICS_SCANNED = 5
COAUTHORS_SCANNED = 200
PER_NEIGHBOR_SCANNED = 50


def recommendation_parameters(limits: RequestLimits) -> dict[str, float | int]:
    return {
        "worksScanned": limits.fanout_works,
        "topicsScanned": TOPICS_SCANNED,
        "coauthorsScanned": COAUTHORS_SCANNED,
        "perNeighborScanned": PER_NEIGHBOR_SCANNED,
        "coauthorWeight": COAUTHOR_WEIGHT,
        "topicWeight": TOPIC_WEIGHT,
    }
