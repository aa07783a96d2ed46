MATCH (u:User {email: $email})
RETURN u.passwordHash AS hash
