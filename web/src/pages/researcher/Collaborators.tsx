import { Link } from "../../components/Link";
import { pathOf } from "../../router";
import { type Collaborator, type Recommendation } from "./types";
import { plural } from "../../text";

export function Collaborators({ collaborators, recommended }: { collaborators: Collaborator[]; recommended: Recommendation[] }) {
  const close = collaborators.filter((c) => c.close);
  const others = collaborators.filter((c) => !c.close);
  return (
    <div className="columns">
      <section className="card" aria-labelledby="collaborators-title">
        <h2 id="collaborators-title">Co-authors</h2>
        <CollaboratorList title="Close" list={close} empty="No close collaborators (strength 1.0 or more)." />
        <CollaboratorList title="Other co-authors" list={others} empty="No other co-authors." />
      </section>
      <section className="card" aria-labelledby="recommended-title">
        <h2 id="recommended-title">Recommended collaborators</h2>
        {recommended.length === 0 ? (
          <p className="muted">No recommendations yet.</p>
        ) : (
          <ul className="people">
            {recommended.map((rec) => (
              <li key={rec.researcher.id}>
                <Link to={pathOf("RESEARCHER", rec.researcher.id)}>{rec.researcher.name}</Link>{" "}
                {rec.researcher.openToCollaborate && <span className="tag open">open</span>}
                <ul className="reasons">
                  {rec.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function CollaboratorList({ title, list, empty }: { title: string; list: Collaborator[]; empty: string }) {
  return (
    <>
      <h3>{title}</h3>
      {list.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="people">
          {list.map((c) => (
            <li key={c.researcher.id}>
              <Link to={pathOf("RESEARCHER", c.researcher.id)}>{c.researcher.name}</Link>{" "}
              <span className="muted">
                {plural(c.sharedWorks, "shared work")}, strength {c.strength.toFixed(2)}
                {c.lastYear !== null && `, last in ${c.lastYear}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
