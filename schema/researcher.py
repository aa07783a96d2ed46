"""Researcher: a person who authors works."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Self

import strawberry

from resolvers.context import Context, Info
from resolvers.graph import Row, count, lookup, related
from schema import institution, path, topic, work
from schema.collaboration import (
    CLOSE_STRENGTH,
    COAUTHOR_WEIGHT,
    MAX_HOPS,
    TOPIC_WEIGHT,
    recommendation_parameters,
    strength_parameters,
)
from schema.collections import HasWorks
from schema.ids import decode_id
from schema.node import Node
from schema.pagination import bounded, list_limit
from schema.trust import (
    EVIDENCE_COLUMNS,
    Trust,
    TrustInputs,
    VerificationLevel,
    assess,
    derived_level,
)

if TYPE_CHECKING:
    from schema.institution import Institution
    from schema.path import CollaborationPath
    from schema.topic import Topic
    from schema.work import Work


@strawberry.type(description="Counts derived from the graph when asked, never stored.")
class ResearcherStats:
    """Each count loads on its own, so all of them start in the same wave."""

    key: strawberry.Private[str]

    @strawberry.field
    async def works(self, info: Info) -> int:
        return int((await stats_row(info.context, self.key))["works"])

    @strawberry.field
    async def followers(self, info: Info) -> int:
        return int((await stats_row(info.context, self.key))["followers"])

    @strawberry.field(description="Distinct topics of the researcher's works.")
    async def topics(self, info: Info) -> int:
        return await count(info.context, "researcher_topic_count", self.key)

    @strawberry.field(
        description=f"Co-authors whose collaboration strength is at least {CLOSE_STRENGTH}."
    )
    async def close_collaborators(self, info: Info) -> int:
        parameters = strength_parameters(info.context.settings)
        return await count(info.context, "researcher_close_collaborators", self.key, **parameters)


@strawberry.type
class ResearcherTopic:
    topic: Annotated[Topic, strawberry.lazy("schema.topic")]
    works: int = strawberry.field(description="The researcher's works about this topic.")
    share: float = strawberry.field(
        description="Score-weighted share of the researcher's topic assignments; sums to 1."
    )


@strawberry.type(description="A co-author and the collaboration between the two.")
class Collaborator:
    researcher: Annotated[Researcher, strawberry.lazy("schema.researcher")]
    shared_works: int
    strength: float = strawberry.field(
        description="Sum over shared works of 1 / (authors - 1), halved every 5 years of age."
    )
    first_year: int | None
    last_year: int | None
    close: bool = strawberry.field(description=f"strength >= {CLOSE_STRENGTH}")
    works: list[Annotated[Work, strawberry.lazy("schema.work")]] = strawberry.field(
        description="Shared works, newest first (bounded by worksPerCollaborator)."
    )


@strawberry.type(description="Someone worth meeting: not yet a co-author.")
class RecommendedCollaborator:
    researcher: Annotated[Researcher, strawberry.lazy("schema.researcher")]
    score: float = strawberry.field(
        description=f"{COAUTHOR_WEIGHT} per shared co-author + {TOPIC_WEIGHT} per shared topic."
    )
    shared_coauthors: int
    shared_topics: list[str]
    reasons: list[str]


def recommendation_reasons(row: Row) -> list[str]:
    reasons = []
    if row["sharedCoauthors"]:
        names = ", ".join(row["via"])
        reasons.append(f"{row['sharedCoauthors']} shared co-author(s), e.g. {names}")
    if row["sharedTopics"]:
        reasons.append("also works on " + ", ".join(row["sharedTopics"]))
    return reasons


@strawberry.enum(description="Whether a person has claimed an author record.")
class RecordClaimStatus(Enum):
    UNCLAIMED = "UNCLAIMED"
    PENDING = "PENDING"
    CLAIMED = "CLAIMED"


def claim_status_name(standing: dict[str, Any]) -> str:
    if standing["claimed"]:
        return RecordClaimStatus.CLAIMED.name
    return (
        RecordClaimStatus.PENDING if standing["claimPending"] else RecordClaimStatus.UNCLAIMED
    ).name


@strawberry.type(description="A person who authors works: an imported author record or a profile.")
class Researcher(Node, HasWorks):
    name: str
    headline: str | None
    orcid: str | None
    open_to_collaborate: bool
    imported_level: strawberry.Private[VerificationLevel]

    @classmethod
    def from_record(cls, record: Row) -> Self:
        return cls(
            key=record["key"],
            name=record["name"],
            headline=record.get("headline"),
            orcid=record.get("orcid"),
            open_to_collaborate=bool(record.get("openToCollaborate")),
            imported_level=VerificationLevel(record.get("verificationLevel", "L1")),
        )

    @strawberry.field(description="L0 to L3, as docs/metrics.md defines them.")
    async def verification_level(self, info: Info) -> VerificationLevel:
        return (await self._trust_inputs(info)).level

    @strawberry.field(description="Whether a person has claimed this record, or asked to.")
    async def claim_status(self, info: Info) -> RecordClaimStatus:
        row = await stats_row(info.context, self.key)
        if row["claimed"]:
            return RecordClaimStatus.CLAIMED
        return RecordClaimStatus.PENDING if row["claimPending"] else RecordClaimStatus.UNCLAIMED

    @strawberry.field(description="True when the signed-in user follows this researcher.")
    async def viewer_follows(self, info: Info) -> bool:
        user = info.context.viewer
        if user is None:
            return False
        row = await info.context.loaders.load("follows/viewer_follows", self.key, user=user)
        return row is not None and bool(row["follows"])

    @strawberry.field(description="Current profile-level affiliation; null when not imported.")
    async def affiliation(
        self, info: Info
    ) -> Annotated[Institution, strawberry.lazy("schema.institution")] | None:
        record = await lookup(info.context, "researcher_affiliation", self.key)
        return None if record is None else institution.Institution.from_record(record)

    @strawberry.field
    def stats(self) -> ResearcherStats:
        return ResearcherStats(key=self.key)

    @strawberry.field(description="A documented score with its components (docs/metrics.md).")
    async def trust(self, info: Info) -> Trust:
        return assess(await self._trust_inputs(info))

    @strawberry.field(description="Topics of the researcher's works, largest share first.")
    async def topics(self, info: Info, first: int | None = None) -> list[ResearcherTopic]:
        rows = await related(
            info.context, "researcher_topics", self.key, limit=list_limit(info, first)
        )
        return [
            ResearcherTopic(
                topic=topic.Topic.from_record(row["topic"]), works=row["works"], share=row["share"]
            )
            for row in rows
        ]

    @strawberry.field(description="Co-authors, strongest collaboration first.")
    async def collaborators(
        self, info: Info, first: int | None = None, works_per_collaborator: int = 5
    ) -> list[Collaborator]:
        rows = await related(
            info.context,
            "researcher_collaborators",
            self.key,
            limit=list_limit(info, first),
            worksPerCollaborator=bounded(
                works_per_collaborator, default=5, maximum=20, argument="worksPerCollaborator"
            ),
            **strength_parameters(info.context.settings),
        )
        return [
            Collaborator(
                researcher=Researcher.from_record(row["researcher"]),
                shared_works=row["sharedWorks"],
                strength=row["strength"],
                first_year=row["firstYear"],
                last_year=row["lastYear"],
                close=row["strength"] >= CLOSE_STRENGTH,
                works=[work.Work.from_record(item) for item in row["works"]],
            )
            for row in rows
        ]

    @strawberry.field(
        description="Researchers who are not co-authors yet, open to collaborate first."
    )
    async def recommended_collaborators(
        self, info: Info, first: int | None = None
    ) -> list[RecommendedCollaborator]:
        rows = await related(
            info.context,
            "researcher_recommendations",
            self.key,
            limit=list_limit(info, first),
            **recommendation_parameters(info.context.settings),
        )
        return [
            RecommendedCollaborator(
                researcher=Researcher.from_record(row["researcher"]),
                score=row["score"],
                shared_coauthors=row["sharedCoauthors"],
                shared_topics=row["sharedTopics"],
                reasons=recommendation_reasons(row),
            )
            for row in rows
        ]

    @strawberry.field(description="The shortest co-authorship chain to another researcher.")
    async def collaboration_path(
        self, info: Info, to: strawberry.ID, max_hops: int = MAX_HOPS
    ) -> Annotated[CollaborationPath, strawberry.lazy("schema.path")] | None:
        _, target = decode_id(to, expected="Researcher")
        return await path.collaboration_path(info, self.key, target, max_hops)

    async def _trust_inputs(self, info: Info) -> TrustInputs:
        row = await stats_row(info.context, self.key)
        evidence = tuple(name for name, column in EVIDENCE_COLUMNS if row[column])
        return TrustInputs(
            level=derived_level(self.imported_level, row["claimed"], evidence),
            claimed=row["claimed"],
            has_orcid=self.orcid is not None,
            has_affiliation=row["hasAffiliation"],
            works=row["works"],
            followers=row["followers"],
            evidence=evidence,
        )


async def stats_row(context: Context, key: str) -> Row:
    row = await context.loaders.load("researcher_stats", key)
    if row is None:
        raise LookupError(f"researcher {key} vanished during the request")
    return row
