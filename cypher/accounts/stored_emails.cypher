// Every account's email as stored, for resolvers/stored_emails.py to fold in Python:
// Cypher has NFKC (normalize) but no case folding.
MATCH (u:User)
RETURN u.key AS key, u.email AS email
