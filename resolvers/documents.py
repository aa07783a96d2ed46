"""Documents parsed and validated once per distinct text, every error with its code."""

from __future__ import annotations

from dataclasses import dataclass

from graphql import (
    ASTValidationRule,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    NoSchemaIntrospectionCustomRule,
    SelectionSetNode,
    parse,
    specified_rules,
    validate,
)
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from core.errors import PARSE_FAILED, VALIDATION_FAILED
from core.weighted_cache import WeightedCache
from resolvers.limits import limit_errors

# Characters of document text each cache of documents, operations or plans keeps. A parsed
# document holds 60-80 bytes for each character of its text, so a cache stays within about
# 10 MB however many distinct documents clients send.
CACHED_TEXT = 128 * 1024
# How graphql-core ends the message when one of its limits (tokens, nesting) stops the
# parser: the document broke a limit, its syntax may be fine.
PARSER_LIMIT = "Parsing aborted."


class NonEmptySelectionSets(ASTValidationRule):
    """`{ }` selects nothing; graphql-core parses it since spec PR 1227, GraphQL
    servers in use refuse it, and so do we."""

    def enter_selection_set(self, node: SelectionSetNode, *_: object) -> None:
        if not node.selections:
            self.report_error(GraphQLError("a selection set selects no field", nodes=[node]))


RULES = (*specified_rules, MaybeNullValidationRule, OneOfInputValidationRule, NonEmptySelectionSets)


@dataclass(frozen=True)
class Prepared:
    """A valid document, or None and the errors that refused it."""

    document: DocumentNode | None
    errors: tuple[GraphQLError, ...]


class Documents:
    def __init__(
        self,
        schema: GraphQLSchema,
        *,
        max_tokens: int,
        max_depth: int,
        max_aliases: int,
        introspection: bool = True,
    ) -> None:
        self.schema = schema
        self.max_tokens = max_tokens
        self.max_depth = max_depth
        self.max_aliases = max_aliases
        self.rules = RULES if introspection else (*RULES, NoSchemaIntrospectionCustomRule)
        # "Did you mean 'researcher'?" would hand out the schema that introspection withholds
        self.hide_suggestions = not introspection
        self._prepared: WeightedCache[str, Prepared] = WeightedCache(CACHED_TEXT)

    def prepare(self, text: str) -> Prepared:
        prepared = self._prepared.get(text)
        if prepared is None:
            prepared = self._prepare(text)
            self._prepared.put(text, prepared, len(text))
        return prepared

    def _prepare(self, text: str) -> Prepared:
        try:
            document = parse(text, max_tokens=self.max_tokens)
        except GraphQLSyntaxError as error:
            code = VALIDATION_FAILED if PARSER_LIMIT in error.message else PARSE_FAILED
            return Prepared(None, (detached(error, code),))
        errors = validate(
            self.schema, document, self.rules, hide_suggestions=self.hide_suggestions
        ) or limit_errors(self.schema, document, self.max_depth, self.max_aliases)
        if errors:
            # a refused document is remembered by its errors alone, not its syntax tree
            return Prepared(None, tuple(detached(error, VALIDATION_FAILED) for error in errors))
        return Prepared(document, ())


def detached(error: GraphQLError, code: str) -> GraphQLError:
    """The error with a code, pointing into the document's text by position rather than
    holding its nodes, and through them the whole syntax tree."""
    return GraphQLError(
        error.message,
        source=error.source,
        positions=error.positions,
        extensions={"code": code, **(error.extensions or {})},
    )
