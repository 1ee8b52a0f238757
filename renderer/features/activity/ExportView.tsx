/**
 * The journal export: saved as a file (a download of a Blob URL, which the Content-Security-
 * Policy does not govern: it names sources a page loads, not files it hands to the user), or
 * shown as text to copy.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import type { ExportFormat } from '../../../preload/contract/sharing-views';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { CopyButton } from '../sharing/CopyButton';

const MEDIA_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
};

/** An object URL for the text, revoked when the text changes or the view goes. */
function useFileUrl(content: string | undefined, format: ExportFormat | undefined): string | null {
  const url = useMemo(
    () =>
      content === undefined || format === undefined
        ? null
        : URL.createObjectURL(
            new Blob([content], { type: `${MEDIA_TYPES[format]};charset=utf-8` }),
          ),
    [content, format],
  );
  useEffect(() => (url === null ? undefined : () => URL.revokeObjectURL(url)), [url]);
  return url;
}

export function ExportView(): React.JSX.Element | null {
  const state = useAppStore((s) => s.journalExport);
  const clear = useAppStore((s) => s.clearJournalExport);
  const id = useId();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const result = state.result;
  const fileUrl = useFileUrl(result?.content, result?.format);

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
        Save it as a file, or copy the {result.format.toUpperCase()} text.
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
        {fileUrl === null ? null : (
          <a className="button button-primary" href={fileUrl} download={result.fileName}>
            Save {result.fileName}
          </a>
        )}
        <CopyButton label="Copy" name={`Copy ${result.fileName}`} text={result.content} />
        <Button onClick={clear}>Done</Button>
      </div>
    </section>
  );
}
