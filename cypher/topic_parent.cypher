UNWIND $keys AS key
MATCH (:Topic {key: key})-[:SUBTOPIC_OF]->(p:Topic)
RETURN key, p {.*} AS item
