MATCH (u:User {email: $email})
SET u.role = 'moderator'
RETURN u.key AS key
