MERGE (t:LoginThrottle {email: $email})
ON CREATE SET t.since = datetime(), t.attempts = 0
// Locks the counter before reading it, so that racing attempts all count.
SET t._lock = true
WITH t, t.since <= datetime() - duration({seconds: $window}) AS expired
SET t.since = CASE WHEN expired THEN datetime() ELSE t.since END,
    t.attempts = CASE WHEN expired THEN 1 ELSE t.attempts + 1 END
REMOVE t._lock
WITH t
OPTIONAL MATCH (u:User {email: $email})
RETURN t.attempts <= $limit AS allowed,
       duration.inSeconds(datetime(), t.since + duration({seconds: $window})).seconds AS retryAfter,
       u.key AS user,
       u.passwordHash AS passwordHash
