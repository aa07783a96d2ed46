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
strawberry.enum(TrustBand)
RecordClaimStatus = trust.RecordClaimStatus
strawberry.enum(RecordClaimStatus, description="Whether a person has claimed an author record.")


@strawberry.type(description="One named part of the trust score and why it scored what it did.")
class TrustComponent:
    name: str
    points: int
    max_points: int
    reason: str


@strawberry.type
class Trust:
    score: int = strawberry.field(description="0 to 100: the sum of the components' points.")
    band: TrustBand
    label: str = strawberry.field(description="The band as shown to people, e.g. 'Unverified'.")
    verification_level: VerificationLevel
    claimed: bool
    components: list[TrustComponent] = compiled_field(items=Capped(TRUST_COMPONENTS))
