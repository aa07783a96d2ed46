"""A researcher record's standing: whether someone claimed it, how far its identity is
established, and the trust score, a documented, explainable formula (docs/metrics.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any


class VerificationLevel(Enum):
    L0 = "L0"
    L1 = "L1"
    L2 = "L2"
    L3 = "L3"


class TrustBand(Enum):
    UNVERIFIED = "Unverified"
    EMERGING = "Emerging"
    ESTABLISHED = "Established"
    TRUSTED = "Trusted"


class RecordClaimStatus(Enum):
    UNCLAIMED = "UNCLAIMED"
    PENDING = "PENDING"
    CLAIMED = "CLAIMED"


@dataclass(frozen=True)
class ScoreComponent:
    name: str
    points: int
    max_points: int
    reason: str


@dataclass(frozen=True)
class TrustScore:
    score: int
    band: TrustBand
    verification_level: VerificationLevel
    claimed: bool
    components: tuple[ScoreComponent, ...]

    @property
    def label(self) -> str:
        return self.band.value


@dataclass(frozen=True)
class TrustInputs:
    level: VerificationLevel
    claimed: bool
    has_orcid: bool
    has_affiliation: bool
    works: int
    followers: int
    evidence: tuple[str, ...] = ()  # the approved claim's evidence that matched the record


LEVEL_MEANINGS = {
    VerificationLevel.L0: "no public record",
    VerificationLevel.L1: "imported public record",
    VerificationLevel.L2: "claimed by a signed-in user",
    VerificationLevel.L3: "claimed with verified evidence",
}
LEVEL_POINTS = {
    VerificationLevel.L0: 0,
    VerificationLevel.L1: 5,
    VerificationLevel.L2: 25,
    VerificationLevel.L3: 40,
}
POINTS_PER_WORK, MAX_WORK_POINTS = 3, 30
POINTS_PER_FOLLOWER, MAX_FOLLOWER_POINTS = 2, 10
ORCID_POINTS = 10
AFFILIATION_POINTS = 10
BANDS = ((75, TrustBand.TRUSTED), (50, TrustBand.ESTABLISHED), (25, TrustBand.EMERGING))


def derived_level(
    imported: VerificationLevel, claimed: bool, evidence: Sequence[str]
) -> VerificationLevel:
    """An approved claim makes a record L2, or L3 when its evidence matched the record."""
    if not claimed:
        return imported
    return VerificationLevel.L3 if evidence else VerificationLevel.L2


def verification_reason(inputs: TrustInputs) -> str:
    reason = f"{inputs.level.value}: {LEVEL_MEANINGS[inputs.level]}"
    if inputs.evidence:
        return f"{reason} ({', '.join(inputs.evidence)} matches the record)"
    return reason if inputs.claimed else f"{reason}, unclaimed"


def assess(inputs: TrustInputs) -> TrustScore:
    level = inputs.level
    components = (
        ScoreComponent(
            name="verification",
            points=LEVEL_POINTS[level],
            max_points=LEVEL_POINTS[VerificationLevel.L3],
            reason=verification_reason(inputs),
        ),
        ScoreComponent(
            name="orcid",
            points=ORCID_POINTS if inputs.has_orcid else 0,
            max_points=ORCID_POINTS,
            reason="ORCID on the record" if inputs.has_orcid else "no ORCID on the record",
        ),
        ScoreComponent(
            name="affiliation",
            points=AFFILIATION_POINTS if inputs.has_affiliation else 0,
            max_points=AFFILIATION_POINTS,
            reason="current affiliation on the profile"
            if inputs.has_affiliation
            else "no profile affiliation",
        ),
        ScoreComponent(
            name="works",
            points=min(inputs.works * POINTS_PER_WORK, MAX_WORK_POINTS),
            max_points=MAX_WORK_POINTS,
            reason=f"{counted(inputs.works, 'work')}, {POINTS_PER_WORK} points each",
        ),
        ScoreComponent(
            name="followers",
            points=min(inputs.followers * POINTS_PER_FOLLOWER, MAX_FOLLOWER_POINTS),
            max_points=MAX_FOLLOWER_POINTS,
            reason=f"{counted(inputs.followers, 'follower')}, {POINTS_PER_FOLLOWER} points each",
        ),
    )
    score = sum(component.points for component in components)
    band = next((band for floor, band in BANDS if score >= floor), TrustBand.UNVERIFIED)
    return TrustScore(
        score=score,
        band=band,
        verification_level=level,
        claimed=inputs.claimed,
        components=components,
    )


EVIDENCE_COLUMNS = (("ORCID iD", "orcidVerified"), ("institutional email", "emailVerified"))


def standing_inputs(standing: dict[str, Any]) -> TrustInputs:
    """TrustInputs from the counts and flags cypher/fragments/researcher_standing.cypher reads."""
    evidence = tuple(name for name, column in EVIDENCE_COLUMNS if standing[column])
    return TrustInputs(
        level=derived_level(
            VerificationLevel(standing["importedLevel"]), standing["claimed"], evidence
        ),
        claimed=standing["claimed"],
        has_orcid=standing["hasOrcid"],
        has_affiliation=standing["hasAffiliation"],
        works=standing["works"],
        followers=standing["followers"],
        evidence=evidence,
    )


def claim_status(standing: dict[str, Any]) -> RecordClaimStatus:
    if standing["claimed"]:
        return RecordClaimStatus.CLAIMED
    return RecordClaimStatus.PENDING if standing["claimPending"] else RecordClaimStatus.UNCLAIMED


def counted(number: int, noun: str) -> str:
    """`number` of `noun`, in the plural unless one: "1 follower", "3 followers"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
