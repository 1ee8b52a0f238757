/**
 * The exact requests a plan sends, in order: method, path, JSON body and the same request as
 * curl (the bearer token as `$TOKEN`), each with a copy button. The server's names inside the
 * bodies are shown as text.
 */
import type { PlanStep } from '../../../preload/contract';
import { SafeText } from '../../ui/SafeText';
import { CopyButton } from './CopyButton';
import { SafeLines } from './SafeLines';

function StepRequest({ step }: { step: PlanStep }): React.JSX.Element {
  const number = step.index + 1;
  const body = JSON.stringify(step.request.body, null, 2);
  return (
    <li className="sharing-request">
      <p className="sharing-request-title">
        <strong>Step {number}:</strong> <SafeText value={step.summary} />
      </p>
      <p className="sharing-mono">
        <span className="sharing-method">{step.request.method}</span>{' '}
        <SafeText value={step.request.path} />
      </p>
      <p className="sharing-caption">JSON body</p>
      <pre className="sharing-pre">
        <SafeLines value={body} />
      </pre>
      <p className="sharing-caption">curl</p>
      <pre className="sharing-pre">
        <SafeLines value={step.curl} />
      </pre>
      <div className="sharing-actions">
        <CopyButton label="Copy JSON" name={`Copy JSON body of step ${number}`} text={body} />
        <CopyButton label="Copy curl" name={`Copy curl of step ${number}`} text={step.curl} />
      </div>
    </li>
  );
}

export function RequestList({ steps }: { steps: readonly PlanStep[] }): React.JSX.Element {
  if (steps.length === 0) {
    return <p className="sharing-dim">No request is needed: the server already matches.</p>;
  }
  return (
    <section aria-label="Requests">
      <h4>
        Requests ({steps.length} {steps.length === 1 ? 'call' : 'calls'})
      </h4>
      <ol className="sharing-requests">
        {steps.map((step) => (
          <StepRequest key={step.index} step={step} />
        ))}
      </ol>
    </section>
  );
}
