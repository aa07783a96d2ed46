"""The operation compiler: one Cypher statement per root field, shaped like the response."""
