/**
 * The outcome of "Test connection": each check (discovery, TLS, credentials, scopes) with
 * pass, fail or skipped in words, and the main process's precise reason beside it.
 */
import type { AppError, ConnectionReportView } from '../../../preload/contract';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { AlertIcon, CheckIcon, InfoIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';
import { Spinner } from '../../ui/Spinner';

type Check = ConnectionReportView['checks'][number];

const CHECK_LABELS: Record<Check['id'], string> = {
  discovery: 'Discovery',
  tls: 'TLS certificate',
  credentials: 'Administrator credentials',
  scopes: 'Scopes',
};

const STATUS: Record<Check['status'], { text: string; tone: BadgeTone; icon: React.JSX.Element }> =
  {
    pass: { text: 'Passed', tone: 'success', icon: <CheckIcon /> },
    fail: { text: 'Failed', tone: 'danger', icon: <AlertIcon /> },
    skipped: { text: 'Skipped', tone: 'neutral', icon: <InfoIcon /> },
  };

export type ConnectionTestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; report: ConnectionReportView }
  | { status: 'failed'; error: AppError };

export function summaryOf(report: ConnectionReportView): string {
  const failed = report.checks.filter((check) => check.status === 'fail').length;
  if (failed === 0) return 'Connection test passed.';
  return `Connection test failed: ${failed} of ${report.checks.length} checks failed.`;
}

export function ConnectionChecks({
  state,
  headingId,
}: {
  state: ConnectionTestState;
  headingId: string;
}): React.JSX.Element | null {
  if (state.status === 'idle') return null;
  return (
    <section className="connection-checks" aria-labelledby={headingId}>
      <h3 id={headingId}>Connection test</h3>
      {state.status === 'running' ? <Spinner label="Testing the connection…" /> : null}
      {state.status === 'failed' ? (
        <ErrorBanner title="The connection test could not run" message={state.error.message} />
      ) : null}
      {state.status === 'done' ? (
        <>
          <p className="connection-checks-summary">{summaryOf(state.report)}</p>
          <ul className="connection-checks-list">
            {state.report.checks.map((check) => {
              const status = STATUS[check.status];
              return (
                <li key={check.id} className={`connection-check connection-check-${check.status}`}>
                  <span className="connection-check-name">{CHECK_LABELS[check.id]}</span>
                  <Badge tone={status.tone} icon={status.icon}>
                    {status.text}
                  </Badge>
                  <SafeText value={check.detail} className="connection-check-detail" />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
