// The Neo4j JVM's heap now, and the peak of each of its heap pools since the start (JMX):
// Neo4j 5 Community has no beans of its own, the JVM's are there.
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes AS memory
CALL dbms.queryJmx('java.lang:type=MemoryPool,*') YIELD attributes AS pool
WITH memory, pool
WHERE pool.Type.value = 'HEAP'
WITH memory.HeapMemoryUsage.value.properties AS heap,
     collect({pool: pool.Name.value, peak: pool.PeakUsage.value.properties.used}) AS peaks
RETURN heap.used AS used, heap.committed AS committed, heap.max AS max, peaks
