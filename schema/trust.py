"""The trust snapshot: a documented, explainable score (docs/metrics.md)."""

from __future__ import annotations

import strawberry

from core import trust
from core.bounds import TRUST_COMPONENTS, Capped
from schema.compiled import compiled_field

# The same classes as core's: Strawberry marks them as GraphQL enums in place.
VerificationLevel = trust.VerificationLevel
strawberry.enum(
    VerificationLevel,
    description="How far the identity behind a researcher record is established.",
)
TrustBand = trust.TrustBand
strawberry.enum(
    TrustBand,
    description="The band of a trust score: UNVERIFIED 0 to 24, EMERGING 25 to 49, ESTABLISHED"
    " 50 to 74, TRUSTED 75 to 100.",
)
RecordClaimStatus = trust.RecordClaimStatus
strawberry.enum(RecordClaimStatus, description="Whether a person has claimed an author record.")


@strawberry.type(description="One named part of the trust score and why it scored what it did.")
class TrustComponent:
    name: str = strawberry.field(
        description="The component: verification, orcid, affiliation, works or followers."
    )
    points: int = strawberry.field(description="The points it adds to the score.")
    max_points: int = strawberry.field(description="The most points it can add.")
    reason: str = strawberry.field(
        description="Why it scored these points, such as '4 works, 3 points each'."
    )


@strawberry.type(
    description="A researcher record's trust score, with the components it sums (docs/metrics.md)."
)
class Trust:
    score: int = strawberry.field(description="0 to 100: the sum of the components' points.")
    band: TrustBand = strawberry.field(description="The band the score falls in.")
    label: str = strawberry.field(description="The band as shown to people, e.g. 'Unverified'.")
    verification_level: VerificationLevel = strawberry.field(
        description="As the researcher's verificationLevel."
    )
    claimed: bool = strawberry.field(
        description="True once a moderator has approved a claim on the record."
    )
    components: list[TrustComponent] = compiled_field(
        items=Capped(TRUST_COMPONENTS),
        description="The parts of the score, in this order: verification, orcid, affiliation,"
        " works, followers.",
    )
