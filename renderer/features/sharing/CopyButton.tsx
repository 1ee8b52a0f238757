/**
 * Copies one text to the clipboard. Where the page may not write the clipboard, the text is
 * shown in a read-only field, selected, for the user to copy by hand.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { copyText } from '../tokens/clipboard';

export interface CopyButtonProps {
  /** The visible label, e.g. "Copy curl". */
  label: string;
  /** The accessible name when the label alone is ambiguous, e.g. "Copy curl of step 2". */
  name?: string;
  text: string;
}

function ManualCopy({ text, onDone }: { text: string; onDone: () => void }): React.JSX.Element {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <div className="sharing-manual-copy">
      <label htmlFor={id} className="field-label">
        The clipboard is not available here: select the text and copy it yourself.
      </label>
      <textarea
        id={id}
        ref={ref}
        readOnly
        rows={4}
        value={text}
        className="field-input sharing-mono"
        onFocus={(event) => event.currentTarget.select()}
      />
      <Button onClick={onDone}>Done</Button>
    </div>
  );
}

export function CopyButton({ label, name, text }: CopyButtonProps): React.JSX.Element {
  const notify = useAppStore((state) => state.notify);
  const [manual, setManual] = useState(false);

  const copy = async (): Promise<void> => {
    if (await copyText(text)) notify(`${name ?? label}: copied.`, 'success');
    else setManual(true);
  };

  return (
    <>
      <Button variant="ghost" aria-label={name} onClick={() => void copy()}>
        {label}
      </Button>
      {manual ? <ManualCopy text={text} onDone={() => setManual(false)} /> : null}
    </>
  );
}
