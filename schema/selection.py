"""What a request selects under the field being resolved, read from its syntax tree."""

from __future__ import annotations

from graphql import (
    BooleanValueNode,
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
)

from resolvers.context import Info


def selects(info: Info, name: str) -> bool:
    """Whether the current field's selection, fragments and @skip/@include applied, has
    the field `name`. Read from the query's syntax tree: Info.selected_fields would
    convert the whole subtree, once for every parent of a nested list."""
    raw = info._raw_info

    def included(node: SelectionNode) -> bool:
        conditions = {
            directive.name.value: argument.value
            for directive in node.directives or ()
            for argument in directive.arguments or ()
            if directive.name.value in ("skip", "include") and argument.name.value == "if"
        }
        return not holds(conditions.get("skip"), False) and holds(conditions.get("include"), True)

    def holds(value: ValueNode | None, default: bool) -> bool:
        # `if` is a Boolean!: validation left a literal or a variable
        if isinstance(value, BooleanValueNode):
            return value.value
        if isinstance(value, VariableNode):
            return bool(info.variable_values.get(value.name.value))
        return default

    def asks(selection_set: SelectionSetNode | None) -> bool:
        if selection_set is None:
            return False
        for selection in selection_set.selections:
            if not included(selection):
                continue
            if isinstance(selection, FieldNode) and selection.name.value == name:
                return True
            if isinstance(selection, InlineFragmentNode) and asks(selection.selection_set):
                return True
            if isinstance(selection, FragmentSpreadNode):
                fragment = raw.fragments.get(selection.name.value)
                if fragment is not None and asks(fragment.selection_set):
                    return True
        return False

    return any(asks(node.selection_set) for node in raw.field_nodes)
