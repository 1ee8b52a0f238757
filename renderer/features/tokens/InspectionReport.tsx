/** Everything the inspector found: verdict, expiry, delegation chain, claims, header, problems. */
import type { InspectionReportView } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Badge } from '../../ui/Badge';
import { SafeText } from '../../ui/SafeText';
import { Table } from '../../ui/Table';
import { useNow } from '../../ui/useNow';
import { ClaimsTable } from './ClaimsTable';
import { DelegationChain } from './DelegationChain';
import { formatCountdown, formatDate, formatRelativeTime, parseIso } from './time';
import { VerificationView } from './VerificationView';

type Expiry = InspectionReportView['expiry'];

function ExpiryLine({ expiry, now }: { expiry: Expiry; now: number }) {
  const at = parseIso(expiry.expiresAt);
  if (expiry.state === 'no_expiry') return <p>The token has no expiry.</p>;
  if (expiry.state === 'unreadable' || at === null) return <p>The expiry cannot be read.</p>;
  const left = formatCountdown(at, now);
  return (
    <p className="tokens-expiry">
      {left === 'expired' ? (
        <strong>Expired {formatRelativeTime(at, now)}</strong>
      ) : (
        <strong>Expires in {left}</strong>
      )}{' '}
      <span className="tokens-dim">({formatDate(at)})</span>
      {expiry.state === 'not_yet_valid' ? <span> — not valid yet.</span> : null}
    </p>
  );
}

function TextList({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul className="tokens-reasons">
        {items.map((item, index) => (
          <li key={index}>
            <SafeText value={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function InspectionReport({
  report,
  checkedAgainst,
}: {
  report: InspectionReportView;
  checkedAgainst: string | null;
}): React.JSX.Element {
  const clock = useAppStore((state) => state.clock);
  const now = useNow(clock, 1000);
  const introspection = report.introspection;
  return (
    <div className="tokens-report">
      <div className="tokens-report-summary">
        <Badge tone="neutral">{report.kind === 'jwt' ? 'JWT' : report.kind}</Badge>
        <span className="tokens-mono">
          <SafeText value={report.preview} />
        </span>
      </div>
      <ExpiryLine expiry={report.expiry} now={now} />
      <VerificationView verification={report.verification} checkedAgainst={checkedAgainst} />
      <TextList
        title="Problems"
        items={report.problems.map((p) => (p.segment ? `${p.message} (${p.segment})` : p.message))}
      />
      <TextList title="Warnings" items={report.warnings} />
      {report.kind === 'jwt' ? <DelegationChain report={report} /> : null}
      <ClaimsTable caption="Claims" claims={report.claims} now={now} />
      <div className="tokens-table-scroll">
        <Table
          caption="Header"
          rows={report.header}
          rowKey={(entry) => entry.name}
          empty="No header."
          columns={[
            {
              key: 'name',
              header: 'Name',
              rowHeader: true,
              cell: (entry) => <SafeText value={entry.name} className="tokens-mono" />,
            },
            {
              key: 'value',
              header: 'Value',
              cell: (entry) => (
                <SafeText value={entry.display} className="tokens-mono tokens-wrap" />
              ),
            },
          ]}
        />
      </div>
      {introspection ? (
        <section aria-labelledby="tokens-introspection-heading">
          <h3 id="tokens-introspection-heading">Introspection: {introspection.state}</h3>
          {introspection.problem ? (
            <p className="tokens-problem">
              <SafeText value={introspection.problem} />
            </p>
          ) : null}
          {introspection.claims.length > 0 ? (
            <ClaimsTable
              caption="What the server reports"
              claims={introspection.claims}
              now={now}
            />
          ) : null}
          {introspection.otherFields.length > 0 ? (
            <p>
              Other fields: <SafeText value={introspection.otherFields.join(', ')} />
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
