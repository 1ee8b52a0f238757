/**
 * The journal export, shown as text to copy. The app's Content-Security-Policy opens no
 * `blob:` source, so a Blob URL download is not relied on; saving straight to a file would need
 * a main-process call with a save dialog, which the contract does not have.
 */
import { useEffect, useId, useRef } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { CopyButton } from '../sharing/CopyButton';

export function ExportView(): React.JSX.Element | null {
  const state = useAppStore((s) => s.journalExport);
  const clear = useAppStore((s) => s.clearJournalExport);
  const id = useId();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const result = state.result;

  useEffect(() => {
    if (result) areaRef.current?.focus();
  }, [result]);

  if (state.status === 'failed' && state.error) {
    return (
      <ErrorBanner title="The journal was not exported" message={state.error} onDismiss={clear} />
    );
  }
  if (result === null) return null;
  return (
    <section className="activity-export" aria-label="Export">
      <label htmlFor={id} className="field-label">
        {result.fileName}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        Copy the {result.format.toUpperCase()} text and save it under this name.
      </p>
      <textarea
        id={id}
        ref={areaRef}
        readOnly
        rows={10}
        value={result.content}
        aria-describedby={`${id}-hint`}
        className="field-input sharing-mono activity-export-text"
      />
      <div className="sharing-actions">
        <CopyButton label="Copy" name={`Copy ${result.fileName}`} text={result.content} />
        <Button onClick={clear}>Done</Button>
      </div>
    </section>
  );
}
