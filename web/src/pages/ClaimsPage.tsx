// The moderators' queue: pending claims, oldest first, approved or rejected with a reason.
import { useEffect, useState } from "react";
import ClaimsQueue from "../graphql/ClaimsQueue.graphql";
import ReviewClaim from "../graphql/ReviewClaim.graphql";
import { ApiError } from "../api";
import { askToSignIn } from "../components/Account";
import { Link } from "../components/Link";
import { pathOf } from "../router";
import { useSession } from "../session";
import { send, useQuery } from "../useQuery";
import { sentence } from "../text";
import { Loaded } from "./common";

interface Claim {
  id: string;
  status: string;
  requestedAt: string;
  researcher: { id: string; name: string };
  claimant: { id: string; name: string };
  evidence: { orcid: string | null; emailDomain: string | null; emailMatches: boolean; orcidMatches: boolean; note: string | null };
}

export function ClaimsPage() {
  const session = useSession();
  useEffect(() => {
    document.title = "Claims queue · peergraph";
  }, []);
  if (session === null) {
    return (
      <section>
        <h1>Claims queue</h1>
        <p>Claims are reviewed by moderators. Sign in with a moderator&apos;s account to see them.</p>
        <button type="button" onClick={askToSignIn}>
          Sign in
        </button>
      </section>
    );
  }
  return <Queue />;
}

function Queue() {
  const [state, update] = useQuery<{ claims: Claim[] }>(ClaimsQueue, {});
  return (
    <section>
      <h1>Claims queue</h1>
      <Loaded state={state} what="the claims">
        {({ claims }) =>
          claims.length === 0 ? (
            <p className="muted">No claims await review.</p>
          ) : (
            <ol className="claims">
              {claims.map((claim) => (
                <ClaimItem
                  key={claim.id}
                  claim={claim}
                  onReviewed={() => update((data) => ({ claims: data.claims.filter((c) => c.id !== claim.id) }))}
                />
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}

function ClaimItem({ claim, onReviewed }: { claim: Claim; onReviewed: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const review = async (decision: "APPROVE" | "REJECT") => {
    setBusy(true);
    setError("");
    try {
      await send(ReviewClaim, { id: claim.id, decision, reason: reason.trim() || null });
      onReviewed();
    } catch (caught) {
      setError(caught instanceof ApiError ? sentence(caught.message) : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };
  const { evidence } = claim;
  return (
    <li className="card">
      <p>
        <strong>{claim.claimant.name}</strong> claims{" "}
        <Link to={pathOf("RESEARCHER", claim.researcher.id)}>{claim.researcher.name}</Link>{" "}
        <span className="muted">on {new Date(claim.requestedAt).toLocaleString()}</span>
      </p>
      <ul className="evidence">
        <li>
          Email domain: {evidence.emailDomain ?? "none"} {evidence.emailDomain !== null && (evidence.emailMatches ? "(matches an affiliation)" : "(no match)")}
        </li>
        <li>
          ORCID: {evidence.orcid ?? "none"} {evidence.orcid !== null && (evidence.orcidMatches ? "(the record's own)" : "(no match)")}
        </li>
        {evidence.note !== null && <li>Note: {evidence.note}</li>}
      </ul>
      <label>
        Reason (needed to reject)
        <input value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <div className="row">
        <button type="button" onClick={() => void review("APPROVE")} disabled={busy}>
          Approve
        </button>
        <button type="button" className="secondary" onClick={() => void review("REJECT")} disabled={busy || reason.trim() === ""}>
          Reject
        </button>
      </div>
      {error !== "" && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
