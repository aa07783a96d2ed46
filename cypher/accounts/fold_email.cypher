// One account's email in its folded form, unless another account already holds that form:
// two accounts of one mailbox from before folding are left for an operator to merge.
MATCH (u:User {key: $key, email: $stored})
WITH u, EXISTS { (:User {email: $folded}) } AS taken
CALL (u, taken) {
  WITH * WHERE NOT taken
  SET u.email = $folded
}
RETURN taken
