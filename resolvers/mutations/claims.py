"""Claiming an author record: a signed-in user asks, a moderator approves or rejects."""

from __future__ import annotations

import uuid

from core.decisions import ClaimDecision
from core.errors import BadUserInput, Conflict, Forbidden, NotFound
from core.global_ids import decode_id
from core.identifiers import normalize_email, normalize_orcid
from resolvers.compiler.connections import bounded
from resolvers.conditions import (
    ACCOUNT_EXISTS,
    MODERATORS_ONLY,
    Condition,
    guarded_write,
)
from resolvers.context import Context
from resolvers.mutations.text import optional_text

MAX_NOTE = 2000
MAX_ALLOWANCE = 100

REQUEST_CONDITIONS = (
    ACCOUNT_EXISTS,
    Condition("found", NotFound, "no researcher has this id"),
    Condition("unclaimed", Conflict, "this record is already claimed", "ALREADY_CLAIMED"),
    Condition("noOpenClaim", Conflict, "this record has a claim awaiting review", "CLAIM_PENDING"),
    Condition(
        "withinAllowance",
        Forbidden,
        "you already claim as many records as you may; a moderator can allow more",
        "CLAIM_LIMIT",
    ),
)
REVIEW_CONDITIONS = (
    ACCOUNT_EXISTS,
    MODERATORS_ONLY,
    Condition("found", NotFound, "no claim has this id"),
    Condition("notOwn", Forbidden, "moderators may not review their own claims"),
    Condition("pending", Conflict, "this claim has already been reviewed"),
)
ALLOWANCE_CONDITIONS = (
    ACCOUNT_EXISTS,
    MODERATORS_ONLY,
    Condition("found", NotFound, "no user has this id"),
)


def evidence_parameters(
    orcid: str | None, institutional_email: str | None, note: str | None
) -> dict[str, str | None]:
    email = None if institutional_email is None else normalize_email(institutional_email)
    return {
        "orcid": None if orcid is None else normalize_orcid(orcid),
        "institutionalEmail": email,
        "emailDomain": None if email is None else email.partition("@")[2],
        "note": optional_text(note, "note", MAX_NOTE, multiline=True),
    }


async def request_claim(
    context: Context,
    researcher_id: str,
    *,
    orcid: str | None = None,
    institutional_email: str | None = None,
    note: str | None = None,
) -> str:
    """The new claim's key."""
    user = context.signed_in()
    _, researcher = decode_id(researcher_id, expected="Researcher")
    key = uuid.uuid4().hex
    parameters = {"user": user, "researcher": researcher, "key": key}
    evidence = evidence_parameters(orcid, institutional_email, note)
    await guarded_write(context, "claims/request", parameters | evidence, REQUEST_CONDITIONS)
    return key


async def review_claim(
    context: Context, claim_id: str, decision: ClaimDecision, reason: str | None
) -> str:
    """The reviewed claim's key."""
    moderator = context.signed_in()
    _, key = decode_id(claim_id, expected="Claim")
    why = optional_text(reason, "reason", MAX_NOTE, multiline=True)
    if decision is ClaimDecision.REJECT and why is None:
        raise BadUserInput("a rejection needs a reason")
    parameters = {"moderator": moderator, "claim": key, "status": decision.value, "reason": why}
    await guarded_write(context, "claims/review", parameters, REVIEW_CONDITIONS)
    return key


async def set_claim_allowance(context: Context, user_id: str, allowance: int) -> str:
    """The user's key."""
    moderator = context.signed_in()
    _, user = decode_id(user_id, expected="User")
    parameters = {
        "moderator": moderator,
        "user": user,
        "allowance": bounded(allowance, 1, MAX_ALLOWANCE, argument="allowance"),
    }
    await guarded_write(context, "claims/allowance", parameters, ALLOWANCE_CONDITIONS)
    return user
