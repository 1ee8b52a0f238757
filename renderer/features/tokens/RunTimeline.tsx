/**
 * The runs of this session and the step timeline of the chosen one, live while it runs. A
 * picture of the run as an ordered list: each step with its method, URL, status and timing.
 */
import { useAppStore } from '../../store/StoreProvider';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { CurlExport } from './CurlExport';
import { ErrorBox } from './ErrorBox';
import { describeFlowError } from './flowErrors';
import { runKindLabel, type FlowRun, type RunStatus } from './runModel';
import { TimelineStepItem } from './TimelineStepItem';

const STATUS: Readonly<Record<RunStatus, { text: string; tone: BadgeTone }>> = {
  running: { text: 'Running', tone: 'info' },
  succeeded: { text: 'Succeeded', tone: 'success' },
  failed: { text: 'Failed', tone: 'danger' },
};

function statusOf(run: FlowRun): { text: string; tone: BadgeTone } {
  if (run.kind === 'obo' && run.status === 'succeeded')
    return { text: 'Delegated', tone: 'success' };
  return STATUS[run.status];
}

function RunList({ runs, selected }: { runs: readonly FlowRun[]; selected: string | null }) {
  const selectFlow = useAppStore((state) => state.selectFlow);
  return (
    <ul className="tokens-run-list" aria-label="Runs">
      {runs.map((run) => {
        const status = statusOf(run);
        return (
          <li key={run.flowId}>
            <button
              type="button"
              className="tokens-run-button"
              aria-current={run.flowId === selected ? 'true' : undefined}
              onClick={() => selectFlow(run.flowId)}
            >
              <span>{runKindLabel(run.kind)}</span>
              <Badge tone={status.tone}>{status.text}</Badge>
              <span className="tokens-dim">{new Date(run.seenAt).toLocaleTimeString()}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function RunTimeline(): React.JSX.Element {
  const flowRuns = useAppStore((state) => state.flowRuns);
  const selectedFlowId = useAppStore((state) => state.selectedFlowId);
  const runs = [...flowRuns.values()].reverse();
  const run = (selectedFlowId !== null ? flowRuns.get(selectedFlowId) : undefined) ?? runs[0];

  if (!run) {
    return (
      <EmptyState title="No runs yet">
        <p>Start a flow; each HTTP step will show here as it happens.</p>
      </EmptyState>
    );
  }
  const status = statusOf(run);
  return (
    <div className="tokens-runs">
      <RunList runs={runs} selected={run.flowId} />
      <section className="tokens-timeline" aria-label={`Timeline: ${runKindLabel(run.kind)}`}>
        <div className="tokens-timeline-head">
          <h3>{runKindLabel(run.kind)}</h3>
          <Badge tone={status.tone}>{status.text}</Badge>
          <span className="tokens-mono tokens-dim">run {run.flowId}</span>
        </div>
        {run.error ? <ErrorBox error={describeFlowError(run.error)} /> : null}
        <ol className="tokens-steps" aria-live="polite">
          {run.steps.map((step) => (
            <TimelineStepItem key={step.index} step={step} />
          ))}
        </ol>
        {run.steps.length === 0 ? <p className="tokens-dim">No steps yet.</p> : null}
        <CurlExport flowId={run.flowId} />
      </section>
    </div>
  );
}
