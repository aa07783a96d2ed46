"""Claiming an author record: a signed-in user asks, a moderator approves or rejects."""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry

from core import decisions, reads
from core.bounds import PAGE
from resolvers.compiler import nodes, people
from resolvers.compiler.readback import written
from resolvers.context import Info
from resolvers.mutations import claims
from schema.compiled import compiled, compiled_field, root_field
from schema.researcher import Researcher
from schema.user import User


@strawberry.enum(
    description="Where a claim stands: PENDING until a moderator approves or rejects it."
)
class ClaimStatus(Enum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


# The same class as core's: Strawberry marks it as a GraphQL enum in place.
ClaimDecision = decisions.ClaimDecision
strawberry.enum(ClaimDecision, description="A moderator's decision on a pending claim.")


@strawberry.input(description="What shows that the record is the claimant's; all optional.")
class ClaimEvidenceInput:
    orcid: str | None = strawberry.field(
        default=None,
        description="An ORCID iD in any usual spelling; it matches when it is the record's.",
    )
    institutional_email: str | None = strawberry.field(
        default=None, description="An address at an institution the record is affiliated with."
    )
    note: str | None = strawberry.field(
        default=None,
        description="Anything else for the moderator to read, at most 2000 characters.",
    )


@strawberry.type(description="The evidence given, and which of it matches the record.")
class ClaimEvidence:
    orcid: str | None = strawberry.field(
        description="The ORCID iD given, without a URL prefix; null when none was."
    )
    institutional_email: str | None = compiled_field(
        people.institutional_email,
        description="The address given; only its claimant sees it, moderators see its domain.",
    )
    email_domain: str | None = strawberry.field(
        description="The domain of the institutional email given; null when none was."
    )
    note: str | None = strawberry.field(
        description="The claimant's note; null when none was given."
    )
    orcid_matches: bool = strawberry.field(description="The ORCID iD is the record's own.")
    email_matches: bool = strawberry.field(
        description="The email's domain belongs to an institution the record is affiliated with."
    )


@strawberry.type(
    description="A request to link an author record to a person; only the claimant and"
    " moderators see it."
)
class Claim:
    id: strawberry.ID = compiled_field(
        nodes.node_id,
        description="A global id; not a node of the research graph, so node(id) answers null.",
    )
    status: ClaimStatus = strawberry.field(description="Where the claim stands.")
    researcher: Researcher = strawberry.field(description="The author record claimed.")
    claimant: User = strawberry.field(description="The user who asked.")
    evidence: ClaimEvidence = compiled_field(
        people.evidence, description="The evidence given with the request."
    )
    requested_at: datetime.datetime = compiled_field(
        people.requested_at, description="When the claim was requested."
    )
    reviewed_at: datetime.datetime | None = strawberry.field(
        description="When a moderator approved or rejected it; null while it is pending."
    )
    reason: str | None = strawberry.field(description="The moderator's reason, if given.")


@strawberry.type
class ClaimQuery:
    @root_field(
        people.claims_queue,
        items=PAGE,
        work=reads.CLAIMS_QUEUE,
        description="Moderators only: claims with a status, oldest first.",
    )
    def claims(
        self, status: ClaimStatus | None = ClaimStatus.PENDING, first: int | None = None
    ) -> list[Claim]:
        compiled()


@strawberry.type
class ClaimMutation:
    @strawberry.mutation(
        description="Ask to be recognised as the person behind a record; PENDING until reviewed."
    )
    async def request_claim(
        self, info: Info, researcher_id: strawberry.ID, evidence: ClaimEvidenceInput | None = None
    ) -> Claim:
        given = evidence or ClaimEvidenceInput()
        key = await claims.request_claim(
            info.context,
            researcher_id,
            orcid=given.orcid,
            institutional_email=given.institutional_email,
            note=given.note,
        )
        return written(Claim, key)

    @strawberry.mutation(description="Moderators only: approve or reject a pending claim.")
    async def review_claim(
        self, info: Info, id: strawberry.ID, decision: ClaimDecision, reason: str | None = None
    ) -> Claim:
        return written(Claim, await claims.review_claim(info.context, id, decision, reason))

    @strawberry.mutation(description="Moderators only: how many records a user may claim.")
    async def set_claim_allowance(self, info: Info, user_id: strawberry.ID, allowance: int) -> User:
        return written(User, await claims.set_claim_allowance(info.context, user_id, allowance))
