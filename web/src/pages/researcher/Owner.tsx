// The claimant's own view of their record: edit the headline and openness, and answer the
// invitations the record received or see those sent.
import { useState } from "react";
import Inbox from "../../graphql/Inbox.graphql";
import ReceivedInvitations from "../../graphql/ReceivedInvitations.graphql";
import RespondToInvitation from "../../graphql/RespondToInvitation.graphql";
import SentInvitations from "../../graphql/SentInvitations.graphql";
import UpdateProfile from "../../graphql/UpdateProfile.graphql";
import { Link } from "../../components/Link";
import { pathOf } from "../../router";
import { useAction } from "../../useAction";
import { send, useQuery } from "../../useQuery";
import { sentence } from "../../text";
import { Refusal, submitted } from "./Refusal";
import { plural } from "../../text";

export interface Editable {
  id: string;
  headline: string | null;
  openToCollaborate: boolean;
}

const HEADLINE_LIMIT = 280;
const INBOX_PAGE = 20;

export function OwnerActions({ editing, onEdit }: { editing: boolean; onEdit: () => void }) {
  return (
    <div className="profile-actions" data-testid="owner-actions">
      <p className="pill open">Your profile</p>
      <button type="button" className="secondary" onClick={onEdit} aria-expanded={editing}>
        Edit profile
      </button>
      <a className="button secondary-link" href="#invitations-title">
        Invitations
      </a>
    </div>
  );
}

export function EditProfile({
  record,
  onSaved,
  onClose,
}: {
  record: Editable;
  onSaved: (saved: Editable) => void;
  onClose: () => void;
}) {
  const [headline, setHeadline] = useState(record.headline ?? "");
  const [open, setOpen] = useState(record.openToCollaborate);
  const save = useAction(async () => {
    const { updateProfile } = await send<{ updateProfile: Editable }>(UpdateProfile, {
      id: record.id,
      headline,
      openToCollaborate: open,
    });
    onSaved(updateProfile);
    onClose();
  });
  return (
    <form className="card stacked edit-profile" onSubmit={submitted(save.run)} aria-label="Edit profile">
      <h2>Edit profile</h2>
      <label>
        Headline
        <input value={headline} maxLength={HEADLINE_LIMIT} onChange={(event) => setHeadline(event.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={open} onChange={(event) => setOpen(event.target.checked)} />
        Open to collaborate (others can send you invitations)
      </label>
      <p className="row">
        <button type="submit" disabled={save.busy}>
          Save
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </p>
      <Refusal error={save.refusal} testId="profile-reason" />
    </form>
  );
}

interface Invitation {
  id: string;
  message: string;
  status: "PENDING" | "ACCEPTED" | "DECLINED";
  createdAt: string;
  respondedAt: string | null;
  from: { id: string; name: string };
  to: { id: string; name: string };
}

interface Invitations {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Invitation }[];
}

interface InboxData {
  viewer: { id: string; invitations: Invitations; sentInvitations: Invitations } | null;
}

type Box = "invitations" | "sentInvitations";

const STATUS_TEXT = { PENDING: "Awaiting an answer", ACCEPTED: "Accepted", DECLINED: "Declined" };
const NEXT_PAGE = { invitations: ReceivedInvitations, sentInvitations: SentInvitations };

export function InvitationsInbox() {
  const [state, update] = useQuery<InboxData>(Inbox, { first: INBOX_PAGE });
  const [shown, setShown] = useState<Box>("invitations");
  const change = (box: Box, list: (invitations: Invitations) => Invitations) =>
    update((data) => (data.viewer === null ? data : { viewer: { ...data.viewer, [box]: list(data.viewer[box]) } }));
  const answered = (invitation: Invitation) =>
    change("invitations", (list) => ({
      ...list,
      edges: list.edges.map((edge) => (edge.node.id === invitation.id ? { node: invitation } : edge)),
    }));
  const more = async (box: Box, after: string) => {
    const { viewer } = await send<{ viewer: Record<Box, Invitations> | null }>(NEXT_PAGE[box], { first: INBOX_PAGE, after });
    if (viewer !== null) {
      change(box, (list) => ({ ...viewer[box], edges: [...list.edges, ...viewer[box].edges] }));
    }
  };
  return (
    <section className="card" aria-labelledby="invitations-title" data-testid="inbox">
      <h2 id="invitations-title">Invitations</h2>
      {state.status === "loading" && <p className="muted" role="status">Loading your invitations…</p>}
      {state.status === "error" && <p className="error" role="alert">{sentence(state.error.message)}</p>}
      {state.status === "done" && state.data.viewer !== null && (
        <>
          <div className="tabs" role="group" aria-label="Invitations shown">
            <button type="button" aria-pressed={shown === "invitations"} onClick={() => setShown("invitations")}>
              Received ({state.data.viewer.invitations.totalCount})
            </button>
            <button type="button" aria-pressed={shown === "sentInvitations"} onClick={() => setShown("sentInvitations")}>
              Sent ({state.data.viewer.sentInvitations.totalCount})
            </button>
          </div>
          <InvitationList
            key={shown}
            list={state.data.viewer[shown]}
            received={shown === "invitations"}
            onAnswered={answered}
            onMore={(after) => more(shown, after)}
          />
        </>
      )}
    </section>
  );
}

function InvitationList({
  list,
  received,
  onAnswered,
  onMore,
}: {
  list: Invitations;
  received: boolean;
  onAnswered: (invitation: Invitation) => void;
  onMore: (after: string) => Promise<void>;
}) {
  const more = useAction(onMore);
  if (list.totalCount === 0) {
    return <p className="muted">{received ? "No invitations received yet." : "You have not sent any invitations."}</p>;
  }
  const after = list.pageInfo.endCursor;
  return (
    <>
      <ol className="invitations">
        {list.edges.map(({ node }) => (
          <li key={node.id} data-testid="invitation">
            <p className="invitation-head">
              {received ? (
                <>From <strong>{node.from.name}</strong></>
              ) : (
                <>To <Link to={pathOf("RESEARCHER", node.to.id)}>{node.to.name}</Link></>
              )}{" "}
              <span className="muted">
                · {new Date(node.createdAt).toLocaleDateString("en", { dateStyle: "medium" })} ·{" "}
                {STATUS_TEXT[node.status]}
              </span>
            </p>
            <blockquote className="invitation-message">{node.message}</blockquote>
            {received && node.status === "PENDING" && <Answer invitation={node} onAnswered={onAnswered} />}
          </li>
        ))}
      </ol>
      {list.pageInfo.hasNextPage && after !== null && (
        <button type="button" className="secondary" disabled={more.busy} onClick={() => void more.run(after)}>
          Show {plural(Math.min(INBOX_PAGE, list.totalCount - list.edges.length), "more invitation")}
        </button>
      )}
      <Refusal error={more.refusal} testId="inbox-reason" />
    </>
  );
}

function Answer({ invitation, onAnswered }: { invitation: Invitation; onAnswered: (invitation: Invitation) => void }) {
  const answer = useAction(async (choice: "ACCEPT" | "DECLINE") => {
    const { respondToInvitation } = await send<{ respondToInvitation: Invitation }>(RespondToInvitation, {
      id: invitation.id,
      answer: choice,
    });
    onAnswered(respondToInvitation);
  });
  return (
    <div className="row">
      <button type="button" disabled={answer.busy} onClick={() => void answer.run("ACCEPT")}>
        Accept
      </button>
      <button type="button" className="secondary" disabled={answer.busy} onClick={() => void answer.run("DECLINE")}>
        Decline
      </button>
      <Refusal error={answer.refusal} testId="answer-reason" />
    </div>
  );
}
