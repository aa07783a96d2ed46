"""Where the API's Neo4j is: a given NEO4J_URI, or the managed local server."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager

from resolvers.database import Database, Neo4jConnection
from server.neo4j_local import ManagedNeo4j
from server.settings import Settings


class Neo4jNotConfigured(RuntimeError):
    """The settings do not say how to reach Neo4j."""


def connection_for(settings: Settings) -> Neo4jConnection:
    if settings.neo4j_uri is not None:
        if settings.neo4j_password is None:
            raise Neo4jNotConfigured("NEO4J_PASSWORD must be set when NEO4J_URI is set")
        return Neo4jConnection(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password,
            settings.neo4j_database,
        )
    managed = ManagedNeo4j(settings)
    return Neo4jConnection(
        managed.uri, "neo4j", managed.password(), settings.neo4j_database, managed.home
    )


def database_for(settings: Settings) -> AbstractAsyncContextManager[Database]:
    """The database the settings name, with their timeouts, for one `async with`."""
    return Database.connect(connection_for(settings), settings.transaction_timeouts())
