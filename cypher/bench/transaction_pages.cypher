// The page cache's hits and faults of the open transaction tagged $tag in its metadata:
// Neo4j 5 Community counts them per transaction only (no metrics, no JMX bean).
SHOW TRANSACTIONS YIELD metaData, pageHits, pageFaults
WHERE metaData.bench = $tag
RETURN pageHits, pageFaults
