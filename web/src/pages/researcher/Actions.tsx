// What a visitor can do on a researcher's page: follow, claim the record, invite. Each
// control shows only when the API would take it from this visitor; without an account it
// leads to sign-in, and a refusal is told in words.
import { useState, type ReactNode } from "react";
import Follow from "../../graphql/Follow.graphql";
import RequestClaim from "../../graphql/RequestClaim.graphql";
import SendInvitation from "../../graphql/SendInvitation.graphql";
import Unfollow from "../../graphql/Unfollow.graphql";
import { askToSignIn } from "../../components/Account";
import type { TrustData } from "../../components/Trust";
import { useSession } from "../../session";
import { useAction } from "../../useAction";
import { send } from "../../useQuery";
import { Refusal, submitted } from "./Refusal";

export interface ActionTarget {
  id: string;
  name: string;
  openToCollaborate: boolean;
  claimStatus: string;
  viewerFollows: boolean;
  followers: number;
}

interface ActionProps {
  target: ActionTarget;
  signedIn: boolean;
  // the page is being asked again for a new account: its answer may change what applies
  stale: boolean;
}

export function VisitorActions({
  target,
  stale,
  onFollow,
  onClaim,
}: {
  target: ActionTarget;
  stale: boolean;
  onFollow: (follows: boolean, followers: number) => void;
  onClaim: (claimStatus: string, trust: TrustData) => void;
}) {
  const signedIn = useSession() !== null;
  const props = { target, signedIn, stale };
  return (
    <div className="profile-actions" aria-busy={stale} data-testid="actions">
      <FollowButton {...props} onFollow={onFollow} />
      <ClaimAction {...props} onClaim={onClaim} />
      <InviteAction {...props} />
    </div>
  );
}

function FollowButton({ target, signedIn, stale, onFollow }: ActionProps & { onFollow: (follows: boolean, followers: number) => void }) {
  const toggle = useAction(async () => {
    const before = { follows: target.viewerFollows, followers: target.followers };
    const follows = !before.follows;
    onFollow(follows, before.followers + (follows ? 1 : -1));
    try {
      const data = await send<Record<string, { viewerFollows: boolean; stats: { followers: number } }>>(
        follows ? Follow : Unfollow,
        { id: target.id },
      );
      const answer = data[follows ? "followResearcher" : "unfollowResearcher"];
      onFollow(answer.viewerFollows, answer.stats.followers);
    } catch (error) {
      onFollow(before.follows, before.followers);
      throw error;
    }
  });
  return (
    <div className="action">
      <button
        type="button"
        onClick={() => (signedIn ? void toggle.run() : askToSignIn())}
        disabled={toggle.busy || stale}
        aria-pressed={signedIn ? target.viewerFollows : undefined}
        data-testid="follow"
      >
        {target.viewerFollows ? "Following" : "Follow"}{" "}
        <span className="count" data-testid="follow-count" aria-label={`${target.followers} followers`}>
          {target.followers}
        </span>
      </button>
      <Refusal error={toggle.refusal} testId="follow-reason" />
    </div>
  );
}

function ClaimAction({ target, signedIn, stale, onClaim }: ActionProps & { onClaim: (claimStatus: string, trust: TrustData) => void }) {
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <p className="success action" role="status" data-testid="claim-result">
        Claim sent. A moderator will review it.
      </p>
    );
  }
  if (target.claimStatus === "PENDING") {
    return (
      <p className="muted action" data-testid="claim-note">
        A claim on this record is under review.
      </p>
    );
  }
  if (target.claimStatus !== "UNCLAIMED") {
    return null;
  }
  return (
    <Opening label="Claim this record" signedIn={signedIn} stale={stale}>
      <ClaimForm
        target={target}
        onSent={(claimStatus, trust) => {
          setDone(true);
          onClaim(claimStatus, trust);
        }}
      />
    </Opening>
  );
}

function ClaimForm({ target, onSent }: { target: ActionTarget; onSent: (claimStatus: string, trust: TrustData) => void }) {
  const [email, setEmail] = useState("");
  const [orcid, setOrcid] = useState("");
  const [note, setNote] = useState("");
  const claim = useAction(async () => {
    const evidence = {
      institutionalEmail: email.trim() || null,
      orcid: orcid.trim() || null,
      note: note.trim() || null,
    };
    const { requestClaim } = await send<{ requestClaim: { researcher: { claimStatus: string; trust: TrustData } } }>(
      RequestClaim,
      { researcherId: target.id, evidence },
    );
    onSent(requestClaim.researcher.claimStatus, requestClaim.researcher.trust);
  });
  return (
    <form className="stacked" onSubmit={submitted(claim.run)} aria-label="Claim evidence">
      <p className="muted">Claiming links this author record to your account. A moderator reviews the evidence.</p>
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
      <button type="submit" disabled={claim.busy}>
        Send claim
      </button>
      <Refusal error={claim.refusal} testId="claim-reason" />
    </form>
  );
}

function InviteAction({ target, signedIn, stale }: ActionProps) {
  const [sent, setSent] = useState(false);
  if (target.claimStatus !== "CLAIMED") {
    return null;
  }
  if (!target.openToCollaborate) {
    return <p className="muted action">Not open to collaboration invitations.</p>;
  }
  if (sent) {
    return (
      <p className="success action" role="status" data-testid="invite-result">
        Invitation sent. It awaits {target.name}&apos;s answer.
      </p>
    );
  }
  return (
    <Opening label="Invite to collaborate" signedIn={signedIn} stale={stale}>
      <InviteForm target={target} onSent={() => setSent(true)} />
    </Opening>
  );
}

function InviteForm({ target, onSent }: { target: ActionTarget; onSent: () => void }) {
  const [message, setMessage] = useState("");
  const invite = useAction(async () => {
    await send(SendInvitation, { to: target.id, message });
    onSent();
  });
  return (
    <form className="stacked" onSubmit={submitted(invite.run)} aria-label="Collaboration invitation">
      <label>
        Message to {target.name}
        <textarea value={message} onChange={(event) => setMessage(event.target.value)} rows={3} maxLength={2000} />
      </label>
      <button type="submit" disabled={invite.busy || message.trim() === ""} data-testid="invite">
        Send invitation
      </button>
      <Refusal error={invite.refusal} testId="invite-reason" />
    </form>
  );
}

/** A button that opens its form below it, or sign-in for a visitor without an account. */
function Opening({ label, signedIn, stale, children }: { label: string; signedIn: boolean; stale: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="action">
      <button
        type="button"
        className="secondary"
        onClick={() => (signedIn ? setOpen(!open) : askToSignIn())}
        disabled={stale}
        aria-expanded={signedIn ? open : undefined}
      >
        {label}
      </button>
      {open && signedIn && <div className="card action-panel">{children}</div>}
    </div>
  );
}
