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

/** The trust snapshot: score, label, level and claim, with the components that add up. */
export function TrustSnapshot({ trust, claimStatus }: { trust: TrustData; claimStatus: string }) {
  return (
    <section className="card trust" aria-labelledby="trust-title">
      <h2 id="trust-title">Trust snapshot</h2>
      <p className="trust-line">
        <span className={`pill band-${trust.band.toLowerCase()}`} data-testid="trust">
          Trust {trust.score} - {trust.label}
        </span>
        <span className="pill" data-testid="level">Verification {trust.verificationLevel}</span>
        <span className="pill" data-testid="claim-status">{CLAIM_TEXT[claimStatus] ?? claimStatus}</span>
      </p>
      <details>
        <summary>How the score adds up</summary>
        <table className="components">
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
      </details>
    </section>
  );
}
