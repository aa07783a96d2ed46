// The email's uniqueness constraint makes MERGE lock it: two racing sign-ups get one account.
MERGE (u:User {email: $email})
ON CREATE SET u.key = $key,
              u.name = $name,
              u.passwordHash = $passwordHash,
              u.role = 'user',
              u.claimAllowance = 1,
              u.createdAt = datetime()
RETURN u.key = $key AS created
