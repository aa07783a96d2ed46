"""A researcher's computed fields as GraphQL names them, from the rows of
cypher/fragments/researcher_standing.cypher and of the recommendations."""

from __future__ import annotations

from typing import Any

from core.trust import assess, claim_status, standing_inputs


def trust_fields(standing: dict[str, Any]) -> dict[str, Any]:
    trust = assess(standing_inputs(standing))
    return {
        "score": trust.score,
        "band": trust.band.name,
        "label": trust.label,
        "verificationLevel": trust.verification_level.name,
        "claimed": trust.claimed,
        "components": [
            {
                "name": component.name,
                "points": component.points,
                "maxPoints": component.max_points,
                "reason": component.reason,
            }
            for component in trust.components
        ],
    }


def verification_level_name(standing: dict[str, Any]) -> str:
    return standing_inputs(standing).level.name


def claim_status_name(standing: dict[str, Any]) -> str:
    return claim_status(standing).name


def recommendation_reasons(row: dict[str, Any]) -> list[str]:
    reasons = []
    if row["sharedCoauthors"]:
        names = ", ".join(row["via"])
        reasons.append(f"{row['sharedCoauthors']} shared co-author(s), e.g. {names}")
    if row["sharedTopics"]:
        reasons.append("also works on " + ", ".join(row["sharedTopics"]))
    return reasons
