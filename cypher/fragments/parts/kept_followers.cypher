// Keeps researcher `r`'s count of followers, where `r` is bound. The lock on `r` comes
// first: racing follows then count one after the other, each with the other's edge.
CALL (r) {
  WITH r WHERE r IS NOT NULL
  SET r._lock = true
  // include fragments/parts/researcher_followers
  SET r.followers = followers
  REMOVE r._lock
}
