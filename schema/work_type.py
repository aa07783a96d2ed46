"""The kinds of work as a GraphQL enum, shared by the Work type and the filters on works."""

from __future__ import annotations

import strawberry

from core import work_type

# The same class as core's: Strawberry marks it as a GraphQL enum in place.
WorkType = work_type.WorkType
strawberry.enum(WorkType, description="The kind of work, as OpenAlex types works.")
