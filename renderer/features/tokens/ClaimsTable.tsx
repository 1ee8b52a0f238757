/**
 * The claims with what each means. Times are shown as dates and as "in 12 min", kept current;
 * list claims (scope, aud) as their entries; WSO2's own claims are marked as such.
 */
import type { ClaimExplanationView } from '../../../preload/contract';
import { Badge } from '../../ui/Badge';
import { SafeText } from '../../ui/SafeText';
import { Table } from '../../ui/Table';
import { formatDate, formatRelativeTime, TIME_CLAIMS } from './time';

const ORIGIN_LABELS = { standard: 'Standard', wso2: 'WSO2', other: 'Other' } as const;

function ValueCell({ claim, now }: { claim: ClaimExplanationView; now: number }) {
  if (TIME_CLAIMS.has(claim.claim) && typeof claim.value === 'number' && !claim.problem) {
    const ms = claim.value * 1000;
    return (
      <span className="tokens-wrap">
        {formatDate(ms)} <span className="tokens-dim">({formatRelativeTime(ms, now)})</span>
        <span className="tokens-cell-note tokens-mono">{claim.value}</span>
      </span>
    );
  }
  if (claim.items && claim.items.length > 0) {
    return (
      <ul className="tokens-claim-items">
        {claim.items.map((item, index) => (
          <li key={index} className="tokens-mono">
            <SafeText value={item} />
          </li>
        ))}
      </ul>
    );
  }
  return <SafeText value={claim.display} className="tokens-wrap tokens-mono" />;
}

export function ClaimsTable({
  caption,
  claims,
  now,
}: {
  caption: string;
  claims: readonly ClaimExplanationView[];
  now: number;
}): React.JSX.Element {
  return (
    <div className="tokens-table-scroll">
      <Table
        caption={caption}
        rows={claims}
        rowKey={(claim) => claim.claim}
        empty="No claims."
        columns={[
          {
            key: 'claim',
            header: 'Claim',
            rowHeader: true,
            cell: (claim) => (
              <>
                <SafeText value={claim.claim} className="tokens-mono tokens-wrap" />
                <span className="tokens-cell-note">
                  <Badge tone={claim.origin === 'wso2' ? 'info' : 'neutral'}>
                    {ORIGIN_LABELS[claim.origin]}
                  </Badge>
                </span>
              </>
            ),
          },
          { key: 'value', header: 'Value', cell: (claim) => <ValueCell claim={claim} now={now} /> },
          {
            key: 'meaning',
            header: 'Meaning',
            cell: (claim) => (
              <>
                <SafeText value={claim.meaning} className="tokens-wrap" />
                {claim.problem ? (
                  <span className="tokens-cell-note tokens-problem">
                    Problem: <SafeText value={claim.problem} />
                  </span>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
