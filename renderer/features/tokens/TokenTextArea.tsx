/** A labelled box to paste a token into; no spell checking or autofill touches what is pasted. */
import { useId } from 'react';

export interface TokenTextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}

export function TokenTextArea({
  label,
  value,
  onChange,
  hint,
}: TokenTextAreaProps): React.JSX.Element {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={4}
        value={value}
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="field-input tokens-mono tokens-textarea"
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
