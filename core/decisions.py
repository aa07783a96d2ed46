"""What a moderator decides about a claim and what an invited claimant answers, each
value the status it stores."""

from __future__ import annotations

from enum import Enum


class ClaimDecision(Enum):
    APPROVE = "APPROVED"
    REJECT = "REJECTED"


class InvitationAnswer(Enum):
    ACCEPT = "ACCEPTED"
    DECLINE = "DECLINED"
