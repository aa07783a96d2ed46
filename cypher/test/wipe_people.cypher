MATCH (n)
WHERE n:User OR n:Invitation OR n:LoginThrottle
DETACH DELETE n
