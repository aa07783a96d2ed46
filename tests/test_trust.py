"""The trust formula (docs/metrics.md) as a pure function."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.trust import TrustBand, TrustInputs, VerificationLevel, assess, derived_level

SEED = TrustInputs(
    level=VerificationLevel.L1,
    claimed=False,
    has_orcid=False,
    has_affiliation=False,
    works=4,
    followers=0,
)


def test_the_seed_record_scores_17_unverified() -> None:
    trust = assess(SEED)
    assert (trust.score, trust.band, trust.label) == (17, TrustBand.UNVERIFIED, "Unverified")
    assert {c.name: c.points for c in trust.components} == {
        "verification": 5,
        "orcid": 0,
        "affiliation": 0,
        "works": 12,
        "followers": 0,
    }


def test_components_are_capped_and_bands_follow_the_score() -> None:
    best = assess(TrustInputs(VerificationLevel.L3, True, True, True, works=500, followers=10_000))
    assert best.score == 100 and best.band is TrustBand.TRUSTED
    claimed = assess(TrustInputs(VerificationLevel.L2, True, False, False, works=4, followers=0))
    assert (claimed.score, claimed.band) == (37, TrustBand.EMERGING)
    nothing = assess(TrustInputs(VerificationLevel.L0, False, False, False, 0, 0))
    assert (nothing.score, nothing.band) == (0, TrustBand.UNVERIFIED)


def test_an_approved_claim_sets_the_level_and_its_evidence_l3() -> None:
    assert derived_level(VerificationLevel.L1, False, ()) is VerificationLevel.L1
    assert derived_level(VerificationLevel.L1, True, ()) is VerificationLevel.L2
    assert derived_level(VerificationLevel.L0, True, ("ORCID iD",)) is VerificationLevel.L3


@pytest.mark.parametrize(
    ("inputs", "score", "reason"),
    [
        (SEED, 17, "L1: imported public record, unclaimed"),
        (
            replace(SEED, level=VerificationLevel.L2, claimed=True),
            37,
            "L2: claimed by a signed-in user",
        ),
        (
            replace(
                SEED, level=VerificationLevel.L3, claimed=True, evidence=("institutional email",)
            ),
            52,
            "L3: claimed with verified evidence (institutional email matches the record)",
        ),
    ],
)
def test_the_verification_component_explains_the_claim(
    inputs: TrustInputs, score: int, reason: str
) -> None:
    trust = assess(inputs)
    assert trust.score == score
    assert trust.components[0].reason == reason


def test_reasons_count_in_words() -> None:
    one = assess(replace(SEED, works=1, followers=1))
    assert [component.reason for component in one.components[3:]] == [
        "1 work, 3 points each",
        "1 follower, 2 points each",
    ]
    many = assess(replace(SEED, works=4, followers=0))
    assert [component.reason for component in many.components[3:]] == [
        "4 works, 3 points each",
        "0 followers, 2 points each",
    ]
