import type { ReactNode } from "react";
import { Link } from "../../components/Link";
import { TrustBadge } from "../../components/Trust";
import { pathOf } from "../../router";
import type { Researcher } from "./types";

/** Name, affiliation, identifiers, the key metrics and the trust badge, beside what the
 * viewer can do. */
export function ProfileHeader({ researcher: r, actions }: { researcher: Researcher; actions: ReactNode }) {
  const metrics: [string, number][] = [
    ["works", r.stats.works],
    ["citations", r.stats.citations],
    ["h-index", r.stats.hIndex],
    ["i10-index", r.stats.i10Index],
    ["followers", r.stats.followers],
  ];
  return (
    <header className="profile-head">
      <div className="profile-id">
        <p className="kind-tag">Researcher</p>
        <h1>{r.name}</h1>
        {r.headline !== null && <p className="headline">{headlineOf(r.name, r.headline)}</p>}
        <p className="profile-links">
          {r.affiliation === null ? (
            <span className="muted">Affiliation not imported</span>
          ) : (
            <Link to={pathOf("INSTITUTION", r.affiliation.id)}>{r.affiliation.name}</Link>
          )}
          {r.orcid !== null && (
            <a href={`https://orcid.org/${r.orcid}`} rel="noopener noreferrer">
              ORCID {r.orcid}
            </a>
          )}
          {r.openalexId !== null && (
            <a href={`https://openalex.org/${r.openalexId}`} rel="noopener noreferrer">
              OpenAlex {r.openalexId}
            </a>
          )}
          {r.openToCollaborate && <span className="tag open">Open to collaborate</span>}
        </p>
        <dl className="metrics">
          {metrics.map(([label, value]) => (
            <div key={label} data-testid={`stat-${label}`}>
              <dt>{label}</dt>
              <dd>{value.toLocaleString("en")}</dd>
            </div>
          ))}
        </dl>
        <TrustBadge trust={r.trust} claimStatus={r.claimStatus} />
      </div>
      {actions}
    </header>
  );
}

/** A headline that reads as a predicate ("contributes to …") gets the name before it. */
function headlineOf(name: string, headline: string): string {
  const sentence = /^[a-z]/.test(headline) ? `${name} ${headline}` : headline;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
