/** The outcome of a form's latest run: waiting, the issued token, or the error in the server's words. */
import type { ReactNode } from 'react';
import type { FlowFormState } from '../../store/flowSlice';
import { useAppStore } from '../../store/StoreProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { CheckIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';
import { ErrorBox } from './ErrorBox';

export interface FlowStatusProps {
  form: FlowFormState;
  runningText: string;
  /** What success means for this flow, e.g. "Signed in" or "Delegated". */
  successLabel: string;
  successDetail?: ReactNode;
}

export function FlowStatus({
  form,
  runningText,
  successLabel,
  successDetail,
}: FlowStatusProps): React.JSX.Element | null {
  const inspect = useAppStore((state) => state.inspect);
  switch (form.status) {
    case 'idle':
      return null;
    case 'running':
      return (
        <p className="tokens-flow-status" role="status">
          <span className="spinner" aria-hidden="true">
            <span className="spinner-wheel" />
          </span>
          <span>{runningText}</span>
        </p>
      );
    case 'failed':
      return form.error ? <ErrorBox error={form.error} /> : null;
    case 'succeeded': {
      const token = form.token;
      return (
        <div className="tokens-flow-status tokens-flow-success" role="status">
          <Badge tone="success" icon={<CheckIcon />}>
            {successLabel}
          </Badge>
          {form.reused ? <span>A held token was reused; the server was not asked.</span> : null}
          {successDetail}
          {token ? (
            <>
              <span className="tokens-mono">
                <SafeText value={token.preview} />
              </span>
              <Button
                onClick={() =>
                  void inspect(
                    { kind: 'held', tokenRef: token.tokenRef },
                    { verify: true, introspect: false },
                  )
                }
              >
                Inspect this token
              </Button>
            </>
          ) : null}
        </div>
      );
    }
  }
}
