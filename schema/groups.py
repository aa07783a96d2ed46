"""Group-by facets: the items of a whole list, counted by the value of one field."""

from __future__ import annotations

from enum import Enum

import strawberry

from core.bounds import GROUPS
from schema.compiled import compiled_field
from schema.node import Node


@strawberry.enum(description="What works are grouped by.")
class WorkGroupField(Enum):
    YEAR = "year"
    TYPE = "type"
    TOPIC = "topic"
    SUBFIELD = "subfield"
    FIELD = "field"
    DOMAIN = "domain"
    INSTITUTION = "institution"
    COUNTRY = "country"
    VENUE = "venue"
    OPEN_ACCESS = "openAccess"
    AUTHOR = "author"


@strawberry.enum(description="What researchers are grouped by.")
class ResearcherGroupField(Enum):
    INSTITUTION = "institution"
    COUNTRY = "country"
    TOPIC = "topic"


@strawberry.enum(description="The order of groups. Ties in count go by key; the null key is last.")
class GroupOrder(Enum):
    COUNT_DESC = "countDesc"
    COUNT_ASC = "countAsc"
    KEY_ASC = "keyAsc"
    KEY_DESC = "keyDesc"


@strawberry.type(description="The items of a list that share one value of the grouped field.")
class Group:
    key: str | None = strawberry.field(
        description="The value: a year, a type's enum name, an ISO country code, a venue, "
        "true or false, or the global id of a topic, institution or researcher. Null for the "
        "items that have no value."
    )
    key_display_name: str | None = strawberry.field(
        description="The value as people read it: an entity's name; null with the key."
    )
    count: int = strawberry.field(description="How many items of the list have this value.")
    node: Node | None = strawberry.field(
        description="The topic, institution or researcher the key names; null for other fields."
    )


@strawberry.type(description="A list's items grouped by one field.")
class Groups:
    groups_count: int = strawberry.field(
        description="How many groups there are, the null-key group included; `groups` holds "
        "the first `first` of them."
    )
    groups: list[Group] = compiled_field(
        items=GROUPS,
        items_from_parent=True,
        description="The first `first` groups, in the order asked for.",
    )


GROUP_BY_DESCRIPTION = (
    "The whole list's items (every page, the same `where`) counted by one field. An item with "
    "several values (a work's topics) counts once in each of their groups; one without any, "
    "in the group whose key is null."
)
