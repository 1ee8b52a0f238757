/**
 * The Inspector tab: paste a token or pick a held one, then read what it says. Once inspected,
 * a pasted token is shown only masked, and the field can be cleared.
 */
import { useState } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { RadioGroup } from '../../ui/RadioGroup';
import { SafeText } from '../../ui/SafeText';
import { Select } from '../../ui/Select';
import { Spinner } from '../../ui/Spinner';
import { ErrorBox } from './ErrorBox';
import { heldTokenOption } from './heldTokenText';
import { InspectionReport } from './InspectionReport';
import { TokenTextArea } from './TokenTextArea';
import type { WorkbenchProfile } from './useWorkbenchProfile';

type Mode = 'raw' | 'held';

export function InspectorPanel({ profile }: { profile: WorkbenchProfile }): React.JSX.Element {
  const inspector = useAppStore((state) => state.inspector);
  const heldTokens = useAppStore((state) => state.heldTokens);
  const inspect = useAppStore((state) => state.inspect);
  const introspectCurrent = useAppStore((state) => state.introspectCurrent);
  const clearInspector = useAppStore((state) => state.clearInspector);
  const [mode, setMode] = useState<Mode>(inspector.subject?.kind ?? 'raw');
  const [draft, setDraft] = useState('');
  const [heldRef, setHeldRef] = useState(
    inspector.subject?.kind === 'held' ? inspector.subject.tokenRef : '',
  );
  const [verify, setVerify] = useState(true);
  const busy = inspector.status === 'inspecting';
  const subject = inspector.subject;
  const ready = mode === 'raw' ? draft.trim() !== '' : heldRef !== '';

  const run = (introspect: boolean): void => {
    if (mode === 'raw') {
      void inspect({ kind: 'raw', token: draft }, { verify, introspect });
      // The field is emptied at once: from here on the token is shown only masked.
      setDraft('');
    } else void inspect({ kind: 'held', tokenRef: heldRef }, { verify, introspect });
  };

  const clear = (): void => {
    setDraft('');
    setHeldRef('');
    clearInspector();
  };

  return (
    <div className="tokens-inspector">
      <section className="tokens-inspector-input" aria-label="Token to inspect">
        <RadioGroup<Mode>
          legend="Token"
          className="tokens-flow-choice"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'raw', label: 'Paste a token' },
            { value: 'held', label: 'A held token' },
          ]}
        />
        {mode === 'raw' ? (
          subject?.kind === 'raw' && draft === '' ? (
            <div className="tokens-picked">
              <span>Inspected token:</span>
              <span className="tokens-mono">
                <SafeText value={subject.masked} />
              </span>
            </div>
          ) : (
            <TokenTextArea
              label="Token"
              value={draft}
              onChange={setDraft}
              hint="Paste an access token or ID token. After inspection it is shown only masked."
            />
          )
        ) : (
          <Select
            label="Held token"
            value={heldRef}
            onChange={setHeldRef}
            options={[
              { value: '', label: heldTokens.length === 0 ? 'No tokens held' : 'Choose…' },
              ...heldTokens.map((t) => ({
                value: t.tokenRef,
                label: heldTokenOption(t, profile.agents),
              })),
            ]}
          />
        )}
        <Checkbox
          label={`Verify against the keys of ${profile.name}`}
          checked={verify}
          onChange={setVerify}
        />
        <div className="tokens-form-actions">
          <Button variant="primary" disabled={busy || !ready} onClick={() => run(false)}>
            Inspect
          </Button>
          <Button disabled={busy || !ready || !verify} onClick={() => run(true)}>
            Inspect and introspect
          </Button>
          {inspector.report && !inspector.introspected ? (
            <Button disabled={busy} onClick={() => void introspectCurrent()}>
              Introspect at the server
            </Button>
          ) : null}
          <Button variant="ghost" disabled={busy} onClick={clear}>
            Clear
          </Button>
        </div>
      </section>
      {busy ? <Spinner label="Inspecting the token…" /> : null}
      {inspector.error ? <ErrorBox error={inspector.error} /> : null}
      {inspector.report ? (
        <InspectionReport
          report={inspector.report}
          checkedAgainst={inspector.verified ? profile.name : null}
        />
      ) : null}
    </div>
  );
}
