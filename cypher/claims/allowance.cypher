OPTIONAL MATCH (m:User {key: $moderator})
OPTIONAL MATCH (u:User {key: $user})
WITH m, u,
     m IS NOT NULL AS signedIn,
     coalesce(m.role = 'moderator', false) AS moderator,
     u IS NOT NULL AS found
CALL (u, signedIn, moderator, found) {
  WITH * WHERE signedIn AND moderator AND found
  SET u.claimAllowance = $allowance
}
RETURN signedIn, moderator, found
