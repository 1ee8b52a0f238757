/**
 * Shown when the page may not write the clipboard: the text in a read-only field, selected on
 * focus, for the user to copy by hand. It goes away with Done, taking the text with it.
 */
import { useEffect, useId, useRef } from 'react';
import { Button } from '../../ui/Button';

export interface CopyFallbackProps {
  label: string;
  text: string;
  onDone: () => void;
}

export function CopyFallback({ label, text, onDone }: CopyFallbackProps): React.JSX.Element {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <div className="tokens-copy-fallback">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        The clipboard is not available here. Select the text and copy it yourself.
      </p>
      <textarea
        id={id}
        ref={ref}
        readOnly
        rows={4}
        value={text}
        aria-describedby={`${id}-hint`}
        className="field-input tokens-mono tokens-textarea"
        onFocus={(event) => event.currentTarget.select()}
      />
      <Button onClick={onDone}>Done</Button>
    </div>
  );
}
