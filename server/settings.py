"""Configuration from the environment and an optional .env file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from core.fair_share import SharePolicy
from core.passwords import PasswordHashing
from core.request_limits import RequestLimits
from core.timeouts import TransactionTimeouts
from core.tokens import TokenSigning
from server.transaction_memory import EXTERNAL_TURNS, most_turns

Positive = Annotated[int, Field(gt=0)]
# What a browser sends as Origin: scheme://host[:port], no path, no trailing slash.
Origin = Annotated[str, Field(pattern=r"^(\*|https?://[^/\s]+)$")]

# For development only: any other environment refuses to start with it, or with a secret
# made from it (spaces or case changed, something added).
DEVELOPMENT_JWT_SECRET = "peergraph-development-secret-never-use-outside-a-developer-machine"
# Outside development: the least a secret must hold. 32 random hex digits hold about 14
# different ones; `a` x 32 or a repeated word does not pass.
MIN_SECRET_LENGTH = 32
MIN_SECRET_VARIETY = 8


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PEERGRAPH_",
        env_file=".env",
        extra="ignore",
        populate_by_name=True,
    )

    neo4j_uri: str | None = Field(
        default=None,
        validation_alias=AliasChoices("NEO4J_URI", "neo4j_uri"),
        pattern=r"^(bolt|neo4j)(\+s|\+ssc)?://",
    )
    neo4j_user: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_USER", "neo4j_user")
    )
    neo4j_password: str | None = Field(
        default=None, validation_alias=AliasChoices("NEO4J_PASSWORD", "neo4j_password")
    )
    neo4j_database: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "neo4j_database")
    )

    neo4j_version: str = Field(default="5.26.30", pattern=r"^5\.26\.\d+$")
    neo4j_home: Path = Path(".peergraph/neo4j")
    neo4j_cache: Path = Path.home() / ".cache" / "peergraph"
    neo4j_bolt_port: int = Field(default=7687, ge=1, le=65535)
    neo4j_heap: str = Field(default="1g", pattern=r"^\d+[mg]$")
    neo4j_pagecache: str = Field(default="256m", pattern=r"^\d+[mg]$")
    neo4j_start_timeout: Positive = 180

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # Server processes `serve` runs on that port; each builds its own app and driver pool.
    workers: Positive = 1
    # Unset: on in development, off in production.
    graphiql: bool | None = None
    introspection: bool | None = None
    # One log line per request (server/observe.py), at INFO on the peergraph.requests logger.
    access_log: bool = True
    log_format: Literal["text", "json"] = "text"
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    metrics: bool = True
    # Lets a caller from another machine read /metrics and /readyz's reason
    # (server/operator_access.py); without it, in production, only local callers may.
    metrics_token: SecretStr | None = None
    # Connection guards of `serve` (server/protocol.py): seconds a client has to send a
    # request's head (from connecting, or from the previous response), then its body.
    header_timeout: float = Field(default=10.0, gt=0)
    body_timeout: float = Field(default=10.0, gt=0)
    max_header_bytes: Positive = 16_384
    keep_alive_timeout: Positive = 5
    max_depth: Positive = 12
    max_aliases: Positive = 30
    max_tokens: Positive = 5000
    max_query_bytes: Positive = 20_000
    # Items a request may return, page sizes multiplied down the tree (resolvers/cost.py)
    max_items: Positive = 50_000
    # Rows a request may read from the store, by the graph's statistics (core/work.py), and
    # how often the server reads those statistics again (resolvers/graph_statistics.py)
    max_work: Positive = 5_000_000
    light_work: Positive = 10_000
    statistics_seconds: float = Field(default=300.0, gt=0)
    max_page_size: Positive = 100
    default_page_size: Positive = 20
    query_timeout: float = Field(default=10.0, gt=0)
    # Statements each server process runs on Neo4j at once; the managed Neo4j gives each
    # transaction its share of the transaction memory (server/transaction_memory.py).
    # Unset: as many as the managed heap has room for, 8 for a Neo4j of one's own.
    db_concurrency: Positive | None = None
    # How long start-up may plan the persisted documents before the server listens; what is
    # not planned by then is planned on its first request (resolvers/warm_up.py). 0: none.
    warm_up_seconds: float = Field(default=30.0, ge=0)
    # Fan-out caps that keep a hub as cheap as a leaf (docs/explorer.md, docs/metrics.md)
    fanout_center: Positive = 1000
    fanout_per_neighbor: Positive = 200
    fanout_works: Positive = 500

    environment: Literal["development", "production"] = "development"
    jwt_secret: SecretStr = SecretStr(DEVELOPMENT_JWT_SECRET)
    jwt_lifetime: Positive = 900
    # RFC 9106's second recommended argon2id profile (argon2-cffi's defaults); tests lower them.
    argon2_time_cost: Positive = 3
    argon2_memory_cost: int = Field(default=65536, ge=8)
    argon2_parallelism: Positive = 4
    login_attempts: Positive = 10
    login_window: Positive = 900
    invitations_per_day: Positive = 20
    # Each client's fair share (core/fair_share.py): work units per window, for each address
    # not signed in and for each account, and an operator's budgets for particular accounts
    # by account key, as JSON: PEERGRAPH_RATE_BUDGETS='{"<account key>": 500000000}'.
    rate_window: Positive = 60
    # Sized on estimates, which assume the busiest node at every step: a reader opening ten
    # researcher pages a minute on a million-work graph, each its busiest, stays within.
    rate_budget_anonymous: Positive = 20_000_000
    rate_budget_signed_in: Positive = 100_000_000
    rate_budgets: dict[str, Positive] = {}

    # The browser app and the documents it sends by id (server/web.py, server/persisted.py)
    web_dist: Path = Path("web/dist")
    documents_manifest: Path | None = None
    documents: Literal["any", "persisted-only"] = "any"
    cors_origins: Annotated[list[Origin], NoDecode] = []

    @field_validator("jwt_secret")
    @classmethod
    def _secret_fits_environment(cls, secret: SecretStr, info: ValidationInfo) -> SecretStr:
        if info.data.get("environment", "development") == "development":
            return secret
        value = secret.get_secret_value()
        if DEVELOPMENT_JWT_SECRET.lower() in "".join(value.split()).lower():
            raise ValueError("the default secret is for development only; set PEERGRAPH_JWT_SECRET")
        if len(value.strip()) < MIN_SECRET_LENGTH:
            raise ValueError(
                f"must be at least {MIN_SECRET_LENGTH} characters outside development, "
                "not counting spaces around it"
            )
        if len(set(value)) < MIN_SECRET_VARIETY:
            raise ValueError(
                f"must hold at least {MIN_SECRET_VARIETY} different characters outside "
                "development: use a random value, such as `openssl rand -hex 32`"
            )
        return secret

    @field_validator("metrics_token")
    @classmethod
    def _metrics_token_is_long(cls, token: SecretStr | None) -> SecretStr | None:
        if token is not None and len(token.get_secret_value().strip()) < MIN_SECRET_LENGTH:
            raise ValueError(f"must be at least {MIN_SECRET_LENGTH} characters")
        return token

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins_from_text(cls, value: object) -> object:
        """A JSON list, or origins separated by commas."""
        if not isinstance(value, str):
            return value
        if value.lstrip().startswith("["):
            return json.loads(value)
        return [origin.strip() for origin in value.split(",") if origin.strip()]

    @property
    def documents_manifest_path(self) -> Path:
        return self.documents_manifest or self.web_dist / "persisted-documents.json"

    @property
    def serves_graphiql(self) -> bool:
        return self.environment == "development" if self.graphiql is None else self.graphiql

    @property
    def allows_introspection(self) -> bool:
        if self.introspection is None:
            return self.environment == "development"
        return self.introspection

    @property
    def database_turns(self) -> int:
        if self.db_concurrency is not None:
            return self.db_concurrency
        if self.managed:
            return most_turns(self.neo4j_heap, self.workers)
        return EXTERNAL_TURNS

    @property
    def managed(self) -> bool:
        """True when the project runs its own Neo4j rather than a given NEO4J_URI."""
        return self.neo4j_uri is None

    def request_limits(self) -> RequestLimits:
        """The limits as the layers below the server read them: they never see Settings."""
        return RequestLimits(
            max_depth=self.max_depth,
            max_aliases=self.max_aliases,
            max_tokens=self.max_tokens,
            max_items=self.max_items,
            max_work=self.max_work,
            light_work=self.light_work,
            max_page_size=self.max_page_size,
            default_page_size=self.default_page_size,
            fanout_center=self.fanout_center,
            fanout_per_neighbor=self.fanout_per_neighbor,
            fanout_works=self.fanout_works,
            login_attempts=self.login_attempts,
            login_window=self.login_window,
            invitations_per_day=self.invitations_per_day,
        )

    def share_policy(self) -> SharePolicy:
        return SharePolicy(
            window=self.rate_window,
            anonymous=self.rate_budget_anonymous,
            signed_in=self.rate_budget_signed_in,
            accounts=dict(self.rate_budgets),
        )

    def transaction_timeouts(self) -> TransactionTimeouts:
        return TransactionTimeouts(query=self.query_timeout, concurrency=self.database_turns)

    def password_hashing(self) -> PasswordHashing:
        return PasswordHashing(
            self.argon2_time_cost, self.argon2_memory_cost, self.argon2_parallelism
        )

    def token_signing(self) -> TokenSigning:
        return TokenSigning(self.jwt_secret.get_secret_value(), self.jwt_lifetime)


def load_settings() -> Settings:
    return Settings()


def environment_variable(field: str) -> str:
    """The variable that sets a field: NEO4J_URI for neo4j_uri, PEERGRAPH_PORT for port."""
    info = Settings.model_fields.get(field)
    if info is None:  # already the variable: a field with aliases reports the one it read
        return field
    if isinstance(info.validation_alias, AliasChoices):
        return str(info.validation_alias.choices[0])
    return Settings.model_config.get("env_prefix", "") + field.upper()


def describe_error(error: ValidationError) -> str:
    """One line naming each wrong setting by its environment variable, for a start-up
    refusal."""
    problems = []
    for item in error.errors():
        name = environment_variable(str(item["loc"][0])) if item["loc"] else "settings"
        problems.append(f"{name}: {item['msg']}")
    return "invalid configuration: " + "; ".join(problems)
