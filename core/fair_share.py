"""A fair share of the graph for each client: every account, and every address that is
not signed in, may spend a budget of work units in each window of time. A request is
charged what its shape may cost before it runs; one that would overdraw the budget is
refused with the seconds until the window turns, and runs nothing.

Windows are fixed (each starts when the last ends, as the RateLimit fields' `t` has it),
and each server process keeps its own count: with several workers a client may spend up
to the budget in each of them (docs/operations.md)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# Clients counted in one window, at most: past it a new client is not tracked (it spends
# from a full budget) rather than the count growing without bound.
MAX_CLIENTS = 100_000


@dataclass(frozen=True)
class SharePolicy:
    window: int  # seconds
    anonymous: int  # work units per window for each address not signed in
    signed_in: int  # work units per window for each account
    # an operator's budget for particular accounts, by account key (an analyst's, say)
    accounts: Mapping[str, int] = field(default_factory=dict)

    def quota(self, client: Client) -> int:
        if client.account is None:
            return self.anonymous
        return self.accounts.get(client.account, self.signed_in)


@dataclass(frozen=True)
class Client:
    """Who is charged: the account when signed in, else the address."""

    account: str | None
    address: str

    @property
    def key(self) -> str:
        return f"account:{self.account}" if self.account is not None else f"address:{self.address}"


@dataclass(frozen=True)
class Allowance:
    """Where a client stands after a charge."""

    granted: bool
    quota: int
    remaining: int
    reset: int  # whole seconds until the window turns


class FairShare:
    def __init__(self, policy: SharePolicy, clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy
        self.clock = clock
        self._window = -1
        self._spent: dict[str, int] = {}

    def charge(self, client: Client, units: int) -> Allowance:
        """Spends `units` from the client's budget if they fit in what is left."""
        now = self.clock()
        window = int(now // self.policy.window)
        if window != self._window:
            self._window = window
            self._spent = {}
        reset = max(1, math.ceil((window + 1) * self.policy.window - now))
        quota = self.policy.quota(client)
        key = client.key
        spent = self._spent.get(key, 0)
        if spent + units > quota:
            return Allowance(False, quota, quota - spent, reset)
        if key in self._spent or len(self._spent) < MAX_CLIENTS:
            self._spent[key] = spent + units
        return Allowance(True, quota, quota - spent - units, reset)
