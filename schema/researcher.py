"""Researcher: a person who authors works."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from core import reads
from core.bounds import PAGE, RECENT_YEARS, WORKS_PER_COLLABORATOR, Capped
from core.collaboration import CLOSE_STRENGTH, COAUTHOR_WEIGHT, MAX_HOPS, TOPIC_WEIGHT
from core.work import Most
from resolvers.compiler import collaboration, researchers
from resolvers.derived.researcher import (
    claim_status_name,
    recommendation_reasons,
    trust_fields,
    verification_level_name,
)
from schema.aggregates import YearFigures
from schema.collections import HasWorks
from schema.compiled import compiled, compiled_field
from schema.groups import GROUP_BY_DESCRIPTION, GroupOrder, Groups, ResearcherGroupField
from schema.node import Node
from schema.pagination import Connection
from schema.trust import RecordClaimStatus, Trust, VerificationLevel

if TYPE_CHECKING:
    from schema.institution import Institution
    from schema.path import CollaborationPath
    from schema.topic import Topic
    from schema.work import Work


@strawberry.type(description="Counts derived from the graph when asked, never stored.")
class ResearcherStats:
    works: int = compiled_field(
        researchers.works_count, description="The works in the graph the researcher authored."
    )
    followers: int = compiled_field(
        researchers.followers_count,
        work=reads.STANDING,
        description="Users who follow the researcher, the record's claimant not counted.",
    )
    topics: int = compiled_field(
        researchers.topics_count,
        work=reads.RESEARCHER_TOPICS,
        description="Distinct topics of the researcher's works.",
    )
    close_collaborators: int = compiled_field(
        collaboration.close_collaborators,
        work=reads.COLLABORATORS,
        description=f"Co-authors whose collaboration strength is at least {CLOSE_STRENGTH}.",
    )
    citations: int = compiled_field(
        researchers.citations,
        description="Citations of the researcher's works: for each, the larger of citedByCount"
        " and the works in the graph citing it (docs/metrics.md).",
    )
    h_index: int = compiled_field(
        researchers.h_index,
        description="The largest h such that h of the researcher's works have at least h"
        " citations each, counted as for `citations`.",
    )
    i10_index: int = compiled_field(
        researchers.i10_index,
        description="How many of the researcher's works have at least 10 citations each,"
        " counted as for `citations`.",
    )
    two_year_mean_citedness: float = compiled_field(
        researchers.two_year_mean_citedness,
        work=reads.RECENT_CITEDNESS,
        description="The mean citations, counted as for `citations`, of the researcher's"
        " works published in the two years before this one; 0 without such works.",
    )
    counts_by_year: list[YearFigures] = compiled_field(
        researchers.counts_by_year,
        items=Capped(RECENT_YEARS),
        work=reads.RESEARCHER_COUNTS_BY_YEAR,
        description="Works published and citations received by them from works in the graph,"
        " each year from nine years ago to this one, oldest first; years with neither are"
        " left out.",
    )


@strawberry.type(description="A topic of a researcher's works, and the researcher's share of it.")
class ResearcherTopic:
    topic: Annotated[Topic, strawberry.lazy("schema.topic")] = strawberry.field(
        description="The topic."
    )
    works: int = strawberry.field(description="The researcher's works about this topic.")
    share: float = strawberry.field(
        description="Score-weighted share of the researcher's topic assignments; sums to 1."
    )


@strawberry.type(description="A co-author and the collaboration between the two.")
class Collaborator:
    researcher: Annotated[Researcher, strawberry.lazy("schema.researcher")] = strawberry.field(
        description="The co-author."
    )
    shared_works: int = strawberry.field(
        description="Works the two wrote together that count toward `strength`."
    )
    strength: float = strawberry.field(
        description="Sum over shared works of 1 / (authors - 1), halved every 5 years of age."
    )
    first_year: int | None = strawberry.field(
        description="Publication year of the earliest of those works; null when none has a year."
    )
    last_year: int | None = strawberry.field(
        description="Publication year of the latest of those works; null when none has a year."
    )
    close: bool = strawberry.field(description=f"strength >= {CLOSE_STRENGTH}")
    works: list[Annotated[Work, strawberry.lazy("schema.work")]] = compiled_field(
        items=WORKS_PER_COLLABORATOR,
        items_from_parent=True,
        description="Shared works, newest first (bounded by worksPerCollaborator).",
    )


@strawberry.type(description="Someone worth meeting: not yet a co-author.")
class RecommendedCollaborator:
    researcher: Annotated[Researcher, strawberry.lazy("schema.researcher")] = strawberry.field(
        description="The researcher recommended."
    )
    score: float = strawberry.field(
        description=f"{COAUTHOR_WEIGHT} per shared co-author + {TOPIC_WEIGHT} per shared topic."
    )
    shared_coauthors: int = strawberry.field(
        description="How many of the researcher's co-authors have also written with this one."
    )
    shared_topics: list[str] = strawberry.field(
        description="Names of the researcher's strongest topics (at most five) this one also"
        " wrote on."
    )
    reasons: list[str] = compiled_field(
        collaboration.derived_column("reasons", recommendation_reasons),
        description="The score in words, such as '2 shared co-author(s), e.g. A, B' and 'also"
        " works on X'.",
    )


@strawberry.type(description="A person who authors works: an imported author record or a profile.")
class Researcher(Node, HasWorks):
    name: str = strawberry.field(description="The researcher's name.")
    headline: str | None = strawberry.field(
        description="A one-line description, which the claimant can edit; null when there is none."
    )
    orcid: str | None = strawberry.field(
        description="The ORCID iD, without a URL prefix (0000-0002-1825-0097); null when the"
        " record has none."
    )
    open_to_collaborate: bool = strawberry.field(
        description="Whether the researcher is open to collaborate, which an invitation needs;"
        " the claimant can change it."
    )
    verification_level: VerificationLevel = compiled_field(
        researchers.derived(verification_level_name),
        work=reads.STANDING,
        description="L0 to L3, as docs/metrics.md defines them.",
    )
    claim_status: RecordClaimStatus = compiled_field(
        researchers.derived(claim_status_name),
        work=reads.STANDING,
        description="Whether a person has claimed this record, or asked to.",
    )
    viewer_follows: bool = compiled_field(
        researchers.viewer_follows,
        description="True when the signed-in user follows this researcher.",
    )
    viewer_is_claimant: bool = compiled_field(
        researchers.viewer_is_claimant,
        description="True when the signed-in user's claim on this record was approved: they"
        " may edit it and answer its invitations, and may not follow or invite it.",
    )
    openalex_id: str | None = compiled_field(
        researchers.openalex_id,
        description="The OpenAlex author id (A…): the record's key, or the oldest OpenAlex id"
        " merged into it; null when OpenAlex has not reached the record.",
    )
    affiliation: Annotated[Institution, strawberry.lazy("schema.institution")] | None = (
        compiled_field(
            researchers.affiliation,
            work=Most("researcher.affiliations") + 1,
            description="Current profile-level affiliation; null when not imported.",
        )
    )
    stats: ResearcherStats = compiled_field(
        researchers.stats, description="Counts and citation figures derived from the graph."
    )
    trust: Trust = compiled_field(
        researchers.derived(trust_fields),
        work=reads.STANDING,
        description="A documented score with its components (docs/metrics.md).",
    )

    @compiled_field(
        researchers.topics_of_researcher,
        items=PAGE,
        work=reads.RESEARCHER_TOPICS,
        description="Topics of the researcher's works, largest share first.",
    )
    def topics(self, first: int | None = None) -> list[ResearcherTopic]:
        compiled()

    @compiled_field(
        collaboration.collaborators,
        items=PAGE,
        work=reads.COLLABORATORS,
        description="Co-authors, strongest collaboration first.",
    )
    def collaborators(
        self, first: int | None = None, works_per_collaborator: int = 5
    ) -> list[Collaborator]:
        compiled()

    @compiled_field(
        collaboration.recommended_collaborators,
        items=PAGE,
        work=reads.RECOMMENDATIONS,
        description="Researchers who are not co-authors yet, open to collaborate first.",
    )
    def recommended_collaborators(self, first: int | None = None) -> list[RecommendedCollaborator]:
        compiled()

    @compiled_field(
        collaboration.collaboration_path,
        work=reads.COLLABORATION_PATH,
        description="The shortest co-authorship chain to another researcher.",
    )
    def collaboration_path(
        self, to: strawberry.ID, max_hops: int = MAX_HOPS
    ) -> Annotated[CollaborationPath, strawberry.lazy("schema.path")] | None:
        compiled()


@strawberry.type(description="A page of researchers, with facets over the whole list.")
class ResearcherConnection(Connection[Researcher]):
    @compiled_field(work=reads.RESEARCHER_GROUPS, description=GROUP_BY_DESCRIPTION)
    def group_by(
        self,
        field: ResearcherGroupField,
        first: int = 20,
        order_by: GroupOrder = GroupOrder.COUNT_DESC,
    ) -> Groups:
        compiled()
