// Of users, the most that any one has of each pattern (core/work.py), and the claims.
CALL () {
  MATCH (u:User)
  RETURN max(COUNT { (u)-[:FOLLOWS]->() }) AS follows,
         max(COUNT { (u)-[:CLAIMED]->() }) AS claims,
         max(COUNT { (u)-[:SENT]->() }) AS invitations
}
RETURN follows AS `user.follows`,
       claims AS `user.claims`,
       invitations AS `user.invitations`,
       COUNT { ()-[:CLAIMED]->() } AS claims
