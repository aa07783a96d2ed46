"""Claiming an author record: a signed-in user asks, a moderator approves or rejects."""

from __future__ import annotations

import datetime
import uuid
from enum import Enum

import strawberry

from core.errors import BadUserInput, Conflict, Forbidden, NotFound
from core.identifiers import normalize_email, normalize_orcid
from core.ids import decode_id
from resolvers.compiler.connections import bounded
from resolvers.compiler.readback import written
from resolvers.context import Info
from resolvers.writes import ACCOUNT_EXISTS, MODERATORS_ONLY, Rule, guarded_write
from schema.compiled import compiled
from schema.inputs import optional_text
from schema.researcher import Researcher
from schema.user import User

MAX_NOTE = 2000
MAX_ALLOWANCE = 100


@strawberry.enum
class ClaimStatus(Enum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


@strawberry.enum
class ClaimDecision(Enum):
    APPROVE = "APPROVED"
    REJECT = "REJECTED"


@strawberry.input(description="What shows that the record is the claimant's; all optional.")
class ClaimEvidenceInput:
    orcid: str | None = None
    institutional_email: str | None = strawberry.field(
        default=None, description="An address at an institution the record is affiliated with."
    )
    note: str | None = None


@strawberry.type(description="The evidence given, and which of it matches the record.")
class ClaimEvidence:
    orcid: str | None
    institutional_email: str | None = strawberry.field(
        description="The address given; only its claimant sees it, moderators see its domain."
    )
    email_domain: str | None
    note: str | None
    orcid_matches: bool = strawberry.field(description="The ORCID iD is the record's own.")
    email_matches: bool = strawberry.field(
        description="The email's domain belongs to an institution the record is affiliated with."
    )


@strawberry.type(
    description="A request to link an author record to a person; only the claimant and"
    " moderators see it."
)
class Claim:
    id: strawberry.ID
    status: ClaimStatus
    researcher: Researcher
    claimant: User
    evidence: ClaimEvidence
    requested_at: datetime.datetime
    reviewed_at: datetime.datetime | None
    reason: str | None = strawberry.field(description="The moderator's reason, if given.")


def evidence_parameters(evidence: ClaimEvidenceInput | None) -> dict[str, str | None]:
    given = evidence or ClaimEvidenceInput()
    orcid = None if given.orcid is None else normalize_orcid(given.orcid)
    address = given.institutional_email
    email = None if address is None else normalize_email(address)
    return {
        "orcid": orcid,
        "institutionalEmail": email,
        "emailDomain": None if email is None else email.partition("@")[2],
        "note": optional_text(given.note, "note", MAX_NOTE),
    }


REQUEST_RULES = (
    ACCOUNT_EXISTS,
    Rule("found", NotFound, "no researcher has this id"),
    Rule("unclaimed", Conflict, "this record is already claimed", "ALREADY_CLAIMED"),
    Rule("noOpenClaim", Conflict, "this record has a claim awaiting review", "CLAIM_PENDING"),
    Rule(
        "withinAllowance",
        Forbidden,
        "you already claim as many records as you may; a moderator can allow more",
        "CLAIM_LIMIT",
    ),
)
REVIEW_RULES = (
    ACCOUNT_EXISTS,
    MODERATORS_ONLY,
    Rule("found", NotFound, "no claim has this id"),
    Rule("notOwn", Forbidden, "moderators may not review their own claims"),
    Rule("pending", Conflict, "this claim has already been reviewed"),
)
ALLOWANCE_RULES = (ACCOUNT_EXISTS, MODERATORS_ONLY, Rule("found", NotFound, "no user has this id"))


@strawberry.type
class ClaimQuery:
    @strawberry.field(description="Moderators only: claims with a status, oldest first.")
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
        user = info.context.signed_in()
        _, researcher = decode_id(researcher_id, expected="Researcher")
        key = uuid.uuid4().hex
        parameters = {"user": user, "researcher": researcher, "key": key}
        await guarded_write(
            info.context,
            "claims/request",
            parameters | evidence_parameters(evidence),
            REQUEST_RULES,
        )
        return written(Claim, key)

    @strawberry.mutation(description="Moderators only: approve or reject a pending claim.")
    async def review_claim(
        self, info: Info, id: strawberry.ID, decision: ClaimDecision, reason: str | None = None
    ) -> Claim:
        moderator = info.context.signed_in()
        _, key = decode_id(id, expected="Claim")
        why = optional_text(reason, "reason", MAX_NOTE)
        if decision is ClaimDecision.REJECT and why is None:
            raise BadUserInput("a rejection needs a reason")
        parameters = {"moderator": moderator, "claim": key, "status": decision.value, "reason": why}
        await guarded_write(info.context, "claims/review", parameters, REVIEW_RULES)
        return written(Claim, key)

    @strawberry.mutation(description="Moderators only: how many records a user may claim.")
    async def set_claim_allowance(self, info: Info, user_id: strawberry.ID, allowance: int) -> User:
        moderator = info.context.signed_in()
        _, user = decode_id(user_id, expected="User")
        parameters = {
            "moderator": moderator,
            "user": user,
            "allowance": bounded(allowance, 1, MAX_ALLOWANCE, argument="allowance"),
        }
        await guarded_write(info.context, "claims/allowance", parameters, ALLOWANCE_RULES)
        return written(User, user)
