MATCH (r:Researcher)
REMOVE r.openToCollaborate, r.verificationLevel
