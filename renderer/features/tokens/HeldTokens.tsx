/**
 * The tokens the app holds for this profile, masked: where each acts, for whom, and how long
 * it has left. Copying a token is an explicit action per token; signing out revokes them all.
 */
import { useState } from 'react';
import type { TokenSummaryView } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SafeText } from '../../ui/SafeText';
import { Table, type TableColumn } from '../../ui/Table';
import { useNow } from '../../ui/useNow';
import { copyText } from './clipboard';
import { CopyFallback } from './CopyFallback';
import { ErrorBox } from './ErrorBox';
import { actorLabel, organizationLabel, sourceLabel } from './heldTokenText';
import { useWorkbenchProfile } from './useWorkbenchProfile';
import { formatCountdown, parseIso } from './time';

function Expiry({ token, now }: { token: TokenSummaryView; now: number }) {
  const expiresAt = parseIso(token.expiresAt);
  if (expiresAt === null) return <span className="tokens-dim">No expiry given</span>;
  const left = formatCountdown(expiresAt, now);
  return (
    <span title={new Date(expiresAt).toLocaleString()}>
      {left === 'expired' ? 'Expired' : `Expires in ${left}`}
    </span>
  );
}

function Actions({ token, onCopied }: { token: TokenSummaryView; onCopied: (t: string) => void }) {
  const busy = useAppStore((state) => state.heldBusy);
  const inspect = useAppStore((state) => state.inspect);
  const refresh = useAppStore((state) => state.refreshHeldToken);
  const revoke = useAppStore((state) => state.revokeHeldToken);
  const copyHeldToken = useAppStore((state) => state.copyHeldToken);
  const notify = useAppStore((state) => state.notify);
  const disabled = busy !== null;
  const name = `${sourceLabel(token)} token ${token.preview}`;

  const copy = async (): Promise<void> => {
    const raw = await copyHeldToken(token.tokenRef);
    if (raw === null) return;
    if (await copyText(raw)) notify('Token copied to the clipboard.', 'success');
    else onCopied(raw);
  };

  return (
    <div className="tokens-row-actions">
      <Button
        aria-label={`Inspect ${name}`}
        onClick={() =>
          void inspect(
            { kind: 'held', tokenRef: token.tokenRef },
            { verify: true, introspect: false },
          )
        }
      >
        Inspect
      </Button>
      <Button
        aria-label={`Refresh ${name}`}
        disabled={disabled || !token.hasRefreshToken}
        title={token.hasRefreshToken ? undefined : 'No refresh token was issued'}
        onClick={() => void refresh(token.tokenRef)}
      >
        Refresh
      </Button>
      <Button
        aria-label={`Revoke ${name}`}
        variant="danger"
        disabled={disabled}
        onClick={() => void revoke(token.tokenRef)}
      >
        Revoke
      </Button>
      <Button aria-label={`Copy ${name}`} disabled={disabled} onClick={() => void copy()}>
        Copy token
      </Button>
    </div>
  );
}

export function HeldTokens(): React.JSX.Element {
  const heldTokens = useAppStore((state) => state.heldTokens);
  const heldTokensError = useAppStore((state) => state.heldTokensError);
  const busy = useAppStore((state) => state.heldBusy);
  const signOutAll = useAppStore((state) => state.signOutAll);
  const clock = useAppStore((state) => state.clock);
  const now = useNow(clock, 1000);
  const [copied, setCopied] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const agents = useWorkbenchProfile()?.agents ?? [];

  const columns: TableColumn<TokenSummaryView>[] = [
    {
      key: 'token',
      header: 'Token',
      rowHeader: true,
      cell: (token) => (
        <>
          <span className="tokens-mono">
            <SafeText value={token.preview} />
          </span>
          <span className="tokens-cell-note">{sourceLabel(token)}</span>
        </>
      ),
    },
    {
      key: 'org',
      header: 'Organization',
      cell: (token) => <SafeText value={organizationLabel(token)} className="tokens-wrap" />,
    },
    {
      key: 'actor',
      header: 'Actor',
      cell: (token) => {
        const named = actorLabel(token, agents);
        const subject = <SafeText value={token.actor} className="tokens-wrap tokens-mono" />;
        if (named === undefined) return subject;
        return (
          <>
            <SafeText value={named} className="tokens-wrap" />
            <span className="tokens-cell-note">{subject}</span>
          </>
        );
      },
    },
    { key: 'expiry', header: 'Expiry', cell: (token) => <Expiry token={token} now={now} /> },
    {
      key: 'actions',
      header: 'Actions',
      cell: (token) => <Actions token={token} onCopied={setCopied} />,
    },
  ];

  return (
    <section className="tokens-held" aria-labelledby="tokens-held-heading">
      <div className="tokens-section-head">
        <h2 id="tokens-held-heading">Held tokens</h2>
        <Button
          variant="danger"
          disabled={busy !== null || heldTokens.length === 0}
          onClick={() => setConfirming(true)}
        >
          Sign out
        </Button>
      </div>
      <p className="field-hint">
        Kept in memory by the app for this profile only; shown masked. Copy one to use it elsewhere.
      </p>
      {heldTokensError ? <ErrorBox error={heldTokensError} /> : null}
      <div className="tokens-table-scroll">
        <Table
          caption="Held tokens"
          captionHidden
          columns={columns}
          rows={heldTokens}
          rowKey={(token) => token.tokenRef}
          empty="No tokens held. Run a flow to get one."
        />
      </div>
      {copied !== null ? (
        <CopyFallback label="Access token" text={copied} onDone={() => setCopied(null)} />
      ) : null}
      <Dialog
        open={confirming}
        title="Sign out everywhere?"
        description="Every held token of this profile is revoked at the server and deleted here."
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Keep the tokens</Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirming(false);
                void signOutAll();
              }}
            >
              Sign out
            </Button>
          </>
        }
      >
        <p>Revocations the server cannot take now are retried in the background.</p>
      </Dialog>
    </section>
  );
}
