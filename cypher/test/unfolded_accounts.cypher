// Accounts as register stored them before emails were folded: trimmed and lower-cased only.
UNWIND $accounts AS account
CREATE (:User {key: account.key, email: account.email, name: 'Before folding',
               passwordHash: 'not a hash', role: 'user', claimAllowance: 1,
               createdAt: datetime()})
