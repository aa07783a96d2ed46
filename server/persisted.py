"""Persisted documents: the GraphQL documents the web app sends by id, the sha256 of
their text, in GraphQL over HTTP's form (`documentId: "sha256:<hex>"`) or Apollo's
(`extensions.persistedQuery.sha256Hash`), by POST or GET. The id becomes the document's
text as soon as /graphql has read the request's fields, so a persisted document takes the
same compiled, known-document path as its text would. With
PEERGRAPH_DOCUMENTS=persisted-only, nothing else runs."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from graphql import GraphQLError, OperationDefinitionNode, parse

from server.settings import Settings

logger = logging.getLogger("peergraph")
DOCUMENT_ID_PREFIX = "sha256:"
NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
ONLY_PERSISTED = "this server runs only persisted documents: send a documentId"


class ManifestError(ValueError):
    """The manifest cannot be trusted: not a JSON object of hash to text, or a hash that
    is not its text's."""


def document_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def read_manifest(path: Path) -> dict[str, str]:
    """The documents of the manifest at path, by the sha256 hex of their text."""
    try:
        documents = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ManifestError(f"cannot read {path}: {error}") from None
    if not isinstance(documents, dict):
        raise ManifestError(f"{path} is not a JSON object of sha256 hex to document text")
    for key, text in documents.items():
        if not isinstance(text, str) or key != document_hash(text):
            raise ManifestError(f"{path}: the entry {key[:16]}… is not the sha256 of its text")
    return documents


class Manifest:
    """The documents of a manifest file, read at start and again when an id is missed
    after the file changed: a new build's documents run without a restart. A missing or
    broken manifest is one line in the log and no documents; the API serves every other
    request as before."""

    def __init__(self, path: Path, required: bool) -> None:
        self.path = path
        # Without a build the web app's own line says so; a missing manifest matters alone
        # when nothing else may run.
        self.missing_level = logging.WARNING if required else logging.INFO
        self.documents: dict[str, str] = {}
        self.operation_names: frozenset[str] = frozenset()
        self._version = version_of(path)
        self._read()

    def text(self, document_id: str) -> str | None:
        text = self.documents.get(document_id)
        if text is None and version_of(self.path) != self._version:
            self._version = version_of(self.path)
            self._read()
            text = self.documents.get(document_id)
        return text

    def _read(self) -> None:
        if self._version is None:
            self.documents = {}
            logger.log(
                self.missing_level,
                "no persisted documents: %s not found (make web builds it)",
                self.path,
            )
            return
        try:
            self.documents = read_manifest(self.path)
        except ManifestError as error:
            self.documents = {}
            logger.error("no persisted documents: %s", error)
            return
        self.operation_names = frozenset(
            name for text in self.documents.values() for name in operation_names(text)
        )
        logger.info("%d persisted documents from %s", len(self.documents), self.path)


def operation_names(text: str) -> list[str]:
    """The names of a document's operations; none for one that does not parse."""
    try:
        document = parse(text)
    except GraphQLError:
        return []
    return [
        definition.name.value
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode) and definition.name is not None
    ]


def version_of(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def manifest_for(settings: Settings) -> Manifest:
    required = settings.documents == "persisted-only"
    return Manifest(settings.documents_manifest_path, required=required)


class Refused(Exception):
    """A request naming a document this server cannot run, or one that names none where
    nothing else may run."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class PersistedDocuments:
    """The fields of a request naming a document by id, as if it had sent the document's
    text: applied to the request's fields as /graphql parsed them (server/graphql_http.py)."""

    def __init__(self, manifest: Manifest, persisted_only: bool) -> None:
        self.manifest = manifest
        self.persisted_only = persisted_only

    def resolve(self, fields: dict[str, Any]) -> dict[str, Any]:
        """The fields to go on with: a persisted document's id replaced by its text."""
        document_id = requested_id(fields)
        if document_id is None:
            if self.persisted_only:
                raise Refused(ONLY_PERSISTED, NOT_FOUND)
            return fields
        sent = fields.get("query")
        if isinstance(sent, str) and document_hash(sent) != document_id:
            raise Refused("the document's sha256 does not match its text", "BAD_USER_INPUT")
        text = self.manifest.text(document_id)
        if text is None:
            if isinstance(sent, str) and not self.persisted_only:
                return fields  # Apollo's retry with the text, of a document we do not keep
            raise Refused(f"no persisted document has the id sha256:{document_id}", NOT_FOUND)
        return {
            "query": text,
            "operationName": fields.get("operationName"),
            "variables": fields.get("variables"),
        }


def persisted_documents(manifest: Manifest, settings: Settings) -> PersistedDocuments:
    return PersistedDocuments(manifest, settings.documents == "persisted-only")


def requested_id(payload: dict[str, Any]) -> str | None:
    """The sha256 hex a request names its document by, in either form; "" for an id
    that cannot be any document's."""
    document_id = payload.get("documentId")
    if document_id is not None:
        if isinstance(document_id, str) and document_id.startswith(DOCUMENT_ID_PREFIX):
            return document_id.removeprefix(DOCUMENT_ID_PREFIX).lower()
        return ""
    extensions = payload.get("extensions")
    persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
    if persisted is None:
        return None
    found = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    return found.lower() if isinstance(found, str) else ""
