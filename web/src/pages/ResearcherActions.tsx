// Follow, claim and invite. A button that cannot be used is disabled and says why, in the
// API's words (its error reason) or, before trying, by the same rule the API applies.
import { useState, type FormEvent } from "react";
import Follow from "../graphql/Follow.graphql";
import RequestClaim from "../graphql/RequestClaim.graphql";
import SendInvitation from "../graphql/SendInvitation.graphql";
import Unfollow from "../graphql/Unfollow.graphql";
import { ApiError } from "../api";
import { askToSignIn } from "../components/Account";
import type { TrustData } from "../components/Trust";
import { useSession } from "../session";
import { send } from "../useQuery";

export interface ActionTarget {
  id: string;
  name: string;
  openToCollaborate: boolean;
  claimStatus: string;
  viewerFollows: boolean;
  followers: number;
}

interface Refusal {
  reason: string;
  text: string;
}

function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError) {
    return { reason: error.reason ?? error.code, text: error.message };
  }
  return { reason: "INTERNAL_SERVER_ERROR", text: String(error) };
}

function Reason({ refusal, id }: { refusal: Refusal | null; id: string }) {
  if (refusal === null) {
    return null;
  }
  return (
    <p className="reason" id={id} data-testid={id}>
      {refusal.text} <code>{refusal.reason}</code>
    </p>
  );
}

const NOT_SIGNED_IN = (action: string): Refusal => ({ reason: "UNAUTHENTICATED", text: `Sign in to ${action}.` });

export function ResearcherActions({
  target,
  onFollow,
  onClaim,
}: {
  target: ActionTarget;
  onFollow: (follows: boolean, followers: number) => void;
  onClaim: (claimStatus: string, trust: TrustData) => void;
}) {
  const session = useSession();
  return (
    <section className="card actions" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      <FollowButton target={target} signedIn={session !== null} onFollow={onFollow} />
      <ClaimAction target={target} signedIn={session !== null} onClaim={onClaim} />
      <InviteAction target={target} signedIn={session !== null} />
    </section>
  );
}

function FollowButton({ target, signedIn, onFollow }: { target: ActionTarget; signedIn: boolean; onFollow: (follows: boolean, followers: number) => void }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const toggle = async () => {
    const before = { follows: target.viewerFollows, followers: target.followers };
    const follows = !before.follows;
    onFollow(follows, before.followers + (follows ? 1 : -1));
    setBusy(true);
    setRefusal(null);
    try {
      const data = await send<Record<string, { viewerFollows: boolean; stats: { followers: number } }>>(
        follows ? Follow : Unfollow,
        { id: target.id },
      );
      const answer = data[follows ? "followResearcher" : "unfollowResearcher"];
      onFollow(answer.viewerFollows, answer.stats.followers);
    } catch (error) {
      onFollow(before.follows, before.followers);
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };
  const shown = signedIn ? refusal : NOT_SIGNED_IN("follow");
  return (
    <div className="action">
      <h3>Stay connected</h3>
      <button
        type="button"
        onClick={toggle}
        disabled={!signedIn || busy}
        aria-pressed={target.viewerFollows}
        aria-describedby={shown === null ? undefined : "follow-reason"}
        data-testid="follow"
      >
        {target.viewerFollows ? "Unfollow" : "Follow researcher"}{" "}
        <span className="count" data-testid="follow-count">{target.followers}</span>
      </button>
      <Reason refusal={shown} id="follow-reason" />
      {!signedIn && <SignInLink />}
    </div>
  );
}

function SignInLink() {
  return (
    <button type="button" className="link" onClick={askToSignIn}>
      Sign in or sign up
    </button>
  );
}

function ClaimAction({ target, signedIn, onClaim }: { target: ActionTarget; signedIn: boolean; onClaim: (claimStatus: string, trust: TrustData) => void }) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [orcid, setOrcid] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const before: Refusal | null = !signedIn
    ? NOT_SIGNED_IN("claim this record")
    : target.claimStatus === "PENDING"
      ? { reason: "CLAIM_PENDING", text: "A claim on this record is under review." }
      : target.claimStatus === "CLAIMED"
        ? { reason: "ALREADY_CLAIMED", text: "This record is claimed." }
        : null;
  const shown = done === null ? (refusal ?? before) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    const evidence = {
      institutionalEmail: email.trim() || null,
      orcid: orcid.trim() || null,
      note: note.trim() || null,
    };
    try {
      const { requestClaim } = await send<{ requestClaim: { status: string; researcher: { claimStatus: string; trust: TrustData } } }>(
        RequestClaim,
        { researcherId: target.id, evidence },
      );
      setDone(requestClaim.status);
      setOpen(false);
      onClaim(requestClaim.researcher.claimStatus, requestClaim.researcher.trust);
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="action">
      <h3>Identity</h3>
      <p className="muted">Claiming links this public author record to your account; a moderator reviews the evidence.</p>
      {done !== null ? (
        <p className="success" role="status" data-testid="claim-result">
          Claim sent: <strong>{done}</strong>. A moderator will review it.
        </p>
      ) : (
        <button
          type="button"
          onClick={() => setOpen(!open)}
          disabled={shown !== null || busy}
          aria-expanded={open}
          aria-describedby={shown === null ? undefined : "claim-reason"}
        >
          Claim this record
        </button>
      )}
      <Reason refusal={shown} id="claim-reason" />
      {!signedIn && <SignInLink />}
      {open && shown === null && done === null && (
        <form className="stacked" onSubmit={submit} aria-label="Claim evidence">
          <label>
            Institutional email
            <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
          </label>
          <label>
            ORCID iD
            <input value={orcid} onChange={(event) => setOrcid(event.target.value)} placeholder="0000-0000-0000-0000" />
          </label>
          <label>
            Note for the moderator
            <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} />
          </label>
          <button type="submit" disabled={busy}>
            Send claim
          </button>
        </form>
      )}
    </div>
  );
}

function InviteAction({ target, signedIn }: { target: ActionTarget; signedIn: boolean }) {
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sent, setSent] = useState(false);

  const before: Refusal | null = !signedIn
    ? NOT_SIGNED_IN("send an invitation")
    : target.claimStatus !== "CLAIMED"
      ? { reason: "NOT_CLAIMED", text: `${target.name} has not claimed this record yet, so it cannot receive invitations.` }
      : !target.openToCollaborate
        ? { reason: "NOT_OPEN_TO_COLLABORATE", text: `${target.name} is not open to collaborate.` }
        : null;
  const shown = sent ? { reason: "ALREADY_INVITED", text: "Invitation sent; it awaits an answer." } : (refusal ?? before);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      await send(SendInvitation, { to: target.id, message });
      setSent(true);
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setBusy(false);
    }
  };

  const usable = shown === null && !busy;
  return (
    <form className="action stacked" onSubmit={submit} aria-label="Collaboration invitation">
      <h3>Direct collaboration</h3>
      <label>
        Message
        <textarea
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          rows={2}
          maxLength={2000}
          disabled={shown !== null}
        />
      </label>
      <button
        type="submit"
        disabled={!usable || message.trim() === ""}
        aria-describedby={shown === null ? undefined : "invite-reason"}
        data-testid="invite"
      >
        Send collaboration invitation
      </button>
      <Reason refusal={shown} id="invite-reason" />
    </form>
  );
}
