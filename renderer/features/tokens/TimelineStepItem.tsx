/**
 * One step of a run: what happened, the HTTP method, URL, status and time taken, and on demand
 * the redacted headers and bodies. URLs are text, never links: nothing here opens by itself.
 */
import type { TimelineStepView } from '../../../preload/contract';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { SafeText } from '../../ui/SafeText';

function statusTone(step: TimelineStepView): BadgeTone {
  if (step.error) return 'danger';
  if (step.status === undefined) return 'neutral';
  if (step.status >= 400) return 'danger';
  if (step.status >= 300) return 'warning';
  return 'success';
}

function statusText(step: TimelineStepView): string | null {
  if (step.error) return `Failed: ${step.error.code}`;
  if (step.status !== undefined) return `HTTP ${step.status}`;
  return null;
}

function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
}

function Headers({ title, headers }: { title: string; headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return null;
  return (
    <>
      <h4 className="tokens-step-subheading">{title}</h4>
      <dl className="tokens-headers">
        {entries.map(([name, value]) => (
          <div key={name}>
            <dt className="tokens-mono">{name}</dt>
            <dd className="tokens-mono">
              <SafeText value={value} />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Body({ title, body }: { title: string; body: unknown }) {
  if (body === undefined) return null;
  return (
    <>
      <h4 className="tokens-step-subheading">{title}</h4>
      <pre className="tokens-pre">{bodyText(body)}</pre>
    </>
  );
}

export function TimelineStepItem({ step }: { step: TimelineStepView }): React.JSX.Element {
  const status = statusText(step);
  const hasDetails =
    step.requestHeaders !== undefined ||
    step.requestBody !== undefined ||
    step.responseHeaders !== undefined ||
    step.responseBody !== undefined;
  return (
    <li className="tokens-step">
      <div className="tokens-step-line">
        <span className="tokens-step-label">{step.label}</span>
        {status ? <Badge tone={statusTone(step)}>{status}</Badge> : null}
        {step.durationMs !== undefined ? (
          <span className="tokens-dim">{Math.round(step.durationMs)} ms</span>
        ) : null}
        {step.attempt !== undefined && step.attempt > 1 ? (
          <span className="tokens-dim">attempt {step.attempt}</span>
        ) : null}
      </div>
      {step.method || step.url ? (
        <p className="tokens-step-url tokens-mono">
          {step.method ? <strong>{step.method} </strong> : null}
          {step.url ? <SafeText value={step.url} /> : null}
        </p>
      ) : null}
      {step.detail ? (
        <p className="tokens-step-detail">
          <SafeText value={step.detail} />
        </p>
      ) : null}
      {step.error ? (
        <p className="tokens-step-detail">
          <SafeText value={step.error.message} />
        </p>
      ) : null}
      {hasDetails ? (
        <details className="tokens-step-details">
          <summary>Request and response (secrets redacted)</summary>
          {step.requestHeaders ? (
            <Headers title="Request headers" headers={step.requestHeaders} />
          ) : null}
          <Body title="Request body" body={step.requestBody} />
          {step.responseHeaders ? (
            <Headers title="Response headers" headers={step.responseHeaders} />
          ) : null}
          <Body title="Response body" body={step.responseBody} />
        </details>
      ) : null}
    </li>
  );
}
