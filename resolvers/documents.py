"""Documents parsed and validated once per distinct text, every error with its code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

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
from resolvers.limits import limit_errors

DOCUMENTS_KEPT = 256
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
    """A document, or None when it does not parse; its parse or validation errors."""

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
        self.prepare = lru_cache(maxsize=DOCUMENTS_KEPT)(self._prepare)

    def _prepare(self, text: str) -> Prepared:
        try:
            document = parse(text, max_tokens=self.max_tokens)
        except GraphQLSyntaxError as error:
            code = VALIDATION_FAILED if PARSER_LIMIT in error.message else PARSE_FAILED
            return Prepared(None, (with_code(error, code),))
        errors = validate(
            self.schema, document, self.rules, hide_suggestions=self.hide_suggestions
        ) or limit_errors(self.schema, document, self.max_depth, self.max_aliases)
        return Prepared(document, tuple(with_code(error, VALIDATION_FAILED) for error in errors))


def with_code(error: GraphQLError, code: str) -> GraphQLError:
    if error.extensions and "code" in error.extensions:
        return error
    return GraphQLError(
        error.message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        extensions={**(error.extensions or {}), "code": code},
    )
