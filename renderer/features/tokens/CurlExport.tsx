/**
 * "Copy as curl" for a run, with secrets as placeholders. Revealing the real values is a
 * separate action behind a confirmation, and the revealed text is shown only until Done.
 */
import { useState } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { copyText } from './clipboard';
import { CopyFallback } from './CopyFallback';
import { describeThrown } from './flowErrors';

export function CurlExport({ flowId }: { flowId: string }): React.JSX.Element {
  const exportFlowCurl = useAppStore((state) => state.exportCurl);
  const notify = useAppStore((state) => state.notify);
  const [fallback, setFallback] = useState<{ label: string; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const exportCurl = async (reveal: boolean): Promise<void> => {
    try {
      const text = await exportFlowCurl(flowId, reveal);
      const label = reveal ? 'curl commands with secrets' : 'curl commands';
      if (!reveal && (await copyText(text))) notify('curl commands copied.', 'success');
      else setFallback({ label, text });
    } catch (error) {
      const shown = describeThrown(error, 'The curl commands could not be made');
      notify(`${shown.title}: ${shown.message}`, 'error');
    }
  };

  return (
    <div className="tokens-curl">
      <div className="tokens-form-actions">
        <Button onClick={() => void exportCurl(false)}>Copy as curl</Button>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Reveal secrets…
        </Button>
      </div>
      {fallback ? (
        <CopyFallback
          label={fallback.label}
          text={fallback.text}
          onDone={() => setFallback(null)}
        />
      ) : null}
      <Dialog
        open={confirming}
        title="Reveal secrets in the curl commands?"
        description="The commands will contain real client secrets, agent secrets and tokens. Anyone who sees them can act as the agent or the user until the tokens expire."
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Keep them hidden</Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirming(false);
                void exportCurl(true);
              }}
            >
              Reveal secrets
            </Button>
          </>
        }
      >
        <p>They are shown in a field for you to copy; they are not written anywhere.</p>
      </Dialog>
    </div>
  );
}
