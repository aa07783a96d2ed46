"""The trust formula (docs/metrics.md) as a pure function."""

from __future__ import annotations

from schema.trust import TrustBand, TrustInputs, VerificationLevel, assess

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
