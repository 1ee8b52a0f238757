/** The hint under a field and, when the value is wrong, the error that says what is wrong. */
import { AlertIcon } from './icons';

export interface FieldMessagesProps {
  hintId: string;
  errorId: string;
  hint?: string | undefined;
  error?: string | null | undefined;
}

export function FieldMessages({
  hintId,
  errorId,
  hint,
  error,
}: FieldMessagesProps): React.JSX.Element {
  return (
    <>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          <AlertIcon />
          <span>{error}</span>
        </p>
      ) : null}
    </>
  );
}
