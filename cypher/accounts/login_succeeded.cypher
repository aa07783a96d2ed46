MATCH (t:LoginThrottle {email: $email})
DELETE t
