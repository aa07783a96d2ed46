export interface TrustData {
  score: number;
  band: string;
  label: string;
  verificationLevel: string;
  claimed: boolean;
  components: { name: string; points: number; maxPoints: number; reason: string }[];
}

const CLAIM_TEXT: Record<string, string> = {
  UNCLAIMED: "Unclaimed author",
  PENDING: "Claim under review",
  CLAIMED: "Claimed profile",
};

const LEVEL_TEXT: Record<string, string> = {
  L0: "L0 · no public record",
  L1: "L1 · imported public record",
  L2: "L2 · claimed by a signed-in user",
  L3: "L3 · claimed with verified evidence",
};

/** A compact badge: the score and its label, opening to the level, the claim and the
 * components that add up to the score. */
export function TrustBadge({ trust, claimStatus }: { trust: TrustData; claimStatus: string }) {
  return (
    <details className="trust-badge">
      <summary>
        <span className={`pill band-${trust.band.toLowerCase()}`} data-testid="trust">
          Trust {trust.score} · {trust.label}
        </span>
        <span className="sr-only"> (how the score adds up)</span>
      </summary>
      <div className="trust-breakdown">
        <p className="trust-line">
          <span className="pill" data-testid="level">
            Verification {LEVEL_TEXT[trust.verificationLevel] ?? trust.verificationLevel}
          </span>
          <span className="pill" data-testid="claim-status">
            {CLAIM_TEXT[claimStatus] ?? claimStatus}
          </span>
        </p>
        <table className="components">
          <caption className="sr-only">How the score adds up</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Points</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {trust.components.map((component) => (
              <tr key={component.name}>
                <th scope="row">{component.name}</th>
                <td>
                  {component.points} / {component.maxPoints}
                </td>
                <td>{component.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
