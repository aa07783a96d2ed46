"""Why Neo4j cannot be used, in one line for an operator that names what to change.

The driver's errors say little of it: a routing URI reports "Unable to retrieve routing
information" whether nothing listens, the host is wrong or the server speaks no TLS. For
those a short probe of the address finds out.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from urllib.parse import urlsplit

from neo4j.exceptions import Neo4jError

from core.errors import PeergraphError, QueryTimeout
from resolvers.database import Neo4jConnection

PROBE_SECONDS = 0.5
BOLT_PORT = 7687


async def explain(error: PeergraphError, connection: Neo4jConnection) -> str:
    if isinstance(error, QueryTimeout):
        return f"{error.message} (PEERGRAPH_QUERY_TIMEOUT sets the limit)"
    cause = error.__cause__
    if isinstance(cause, TimeoutError):
        return (
            f"Neo4j at {connection.uri} did not answer in time: is it overloaded or suspended?"
            " (PEERGRAPH_QUERY_TIMEOUT sets how long to wait)"
        )
    if isinstance(cause, Neo4jError) and cause.code:
        return _refused(cause, connection)
    if isinstance(cause, ValueError) and isinstance(cause.__cause__, socket.gaierror):
        return _unresolved(connection)
    found = await _probe(connection)
    if found is not None:
        return found
    detail = str(cause).strip().splitlines()[0] if cause is not None else error.message
    return f"Neo4j at {connection.uri} is unavailable ({detail}): check NEO4J_URI"


def _refused(error: Neo4jError, connection: Neo4jConnection) -> str:
    code, uri = error.code or "", connection.uri
    if code.startswith("Neo.ClientError.Security."):
        home = connection.managed_home
        if home is not None:
            return (
                f"the managed Neo4j at {uri} refused the password in {home / 'password'}: its "
                f"data was set up with another one; restore that file, or remove {home / 'data'}"
                " to start afresh (PEERGRAPH_NEO4J_HOME is that folder)"
            )
        return (
            f"Neo4j at {uri} refused user '{connection.user}' with the password given "
            f"({error.message}): check NEO4J_USER and NEO4J_PASSWORD"
        )
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        return f"Neo4j at {uri} has no database '{connection.database}': check NEO4J_DATABASE"
    return f"Neo4j at {uri} cannot serve the database '{connection.database}' ({error.message})"


def _unresolved(connection: Neo4jConnection) -> str:
    host = urlsplit(connection.uri).hostname
    return f"the host '{host}' of NEO4J_URI ({connection.uri}) does not resolve: check NEO4J_URI"


async def _probe(connection: Neo4jConnection) -> str | None:
    """What stops a connection to the server's address, or None when one opens."""
    address = urlsplit(connection.uri)
    host, port = address.hostname or "localhost", address.port or BOLT_PORT
    tls = _tls_context(address.scheme)
    try:
        async with asyncio.timeout(PROBE_SECONDS):
            _, writer = await asyncio.open_connection(host, port, ssl=tls)
    except socket.gaierror:
        return _unresolved(connection)
    except ConnectionRefusedError:
        if connection.managed_home is not None:
            return (
                f"the managed Neo4j is not running on port {port}: start it with "
                "`peergraph neo4j start`, or set NEO4J_URI to use another server"
            )
        return (
            f"nothing accepts connections at {host}:{port} (connection refused): is Neo4j "
            "running there? check NEO4J_URI"
        )
    except ssl.SSLCertVerificationError as refusal:
        return (
            f"the TLS certificate of {host}:{port} is not trusted ({refusal.verify_message}): "
            f"use {address.scheme.split('+')[0]}+ssc:// in NEO4J_URI to accept it anyway"
        )
    except (ssl.SSLError, ConnectionResetError, EOFError) as refusal:
        if tls is None:
            return f"cannot connect to {host}:{port} ({refusal}): check NEO4J_URI"
        plain = address.scheme.split("+")[0]
        return (
            f"{host}:{port} does not speak TLS: use {plain}:// in NEO4J_URI, or turn TLS on "
            "for Bolt in that server"
        )
    except TimeoutError:
        return f"{host}:{port} did not answer within {PROBE_SECONDS}s: check NEO4J_URI"
    except OSError as refusal:
        return f"cannot connect to {host}:{port} ({refusal.strerror or refusal}): check NEO4J_URI"
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()
    return None


def _tls_context(scheme: str) -> ssl.SSLContext | None:
    if scheme.endswith("+s"):
        return ssl.create_default_context()
    if scheme.endswith("+ssc"):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    return None
