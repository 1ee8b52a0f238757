/**
 * The trust decision on first use: read the certificate the server presents, show what a
 * person needs to judge it, and pin it only after they confirm in a dialog.
 */
import { useId, useState } from 'react';
import type { AppError, CertificateView } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SafeText } from '../../ui/SafeText';
import { Spinner } from '../../ui/Spinner';
import { ConfirmDialog } from './ConfirmDialog';

type ProbeState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; certificate: CertificateView; url: string }
  | { status: 'failed'; error: AppError };

export interface CertificateCheckProps {
  /** The server to ask: the form's base URL as typed now. */
  url: string;
  /** The fingerprint currently pinned in the form, if any. */
  pinned: string | undefined;
  onPin: (sha256: string) => void;
}

function formatDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toUTCString();
}

export function CertificateCheck({ url, pinned, onPin }: CertificateCheckProps): React.JSX.Element {
  const probeCertificate = useAppStore((state) => state.probeCertificate);
  const announce = useAppStore((state) => state.announce);
  const [probe, setProbe] = useState<ProbeState>({ status: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();

  const check = async (): Promise<void> => {
    const target = url.trim();
    if (!target) {
      setProbe({
        status: 'failed',
        error: { code: 'invalid-input', message: 'Enter the base URL first.' },
      });
      return;
    }
    setProbe({ status: 'running' });
    const result = await probeCertificate(target);
    if (!result.ok) {
      setProbe({ status: 'failed', error: result.error });
      announce(`Could not read the certificate: ${result.error.message}`);
      return;
    }
    setProbe({ status: 'done', certificate: result.value, url: target });
    announce('Certificate read. Check its fingerprint before pinning it.');
  };

  const certificate = probe.status === 'done' ? probe.certificate : undefined;
  const isPinned = certificate !== undefined && certificate.sha256 === pinned;

  return (
    <div className="certificate-check">
      <Button onClick={() => void check()} disabled={probe.status === 'running'}>
        Check certificate
      </Button>
      {probe.status === 'running' ? <Spinner label="Reading the certificate…" /> : null}
      {probe.status === 'failed' ? (
        <ErrorBanner title="Could not read the certificate" message={probe.error.message} />
      ) : null}
      {certificate ? (
        <section className="certificate-details" aria-labelledby={headingId}>
          <h4 id={headingId}>
            Certificate presented by <SafeText value={probe.status === 'done' ? probe.url : ''} />
          </h4>
          <dl>
            <dt>SHA-256 fingerprint</dt>
            <dd className="fingerprint">{certificate.sha256}</dd>
            <dt>Subject</dt>
            <dd>
              <SafeText value={certificate.subject} />
            </dd>
            <dt>Issuer</dt>
            <dd>
              <SafeText value={certificate.issuer} />
            </dd>
            <dt>Valid</dt>
            <dd>
              {formatDate(certificate.validFrom)} to {formatDate(certificate.validTo)}
            </dd>
            <dt>Self-signed</dt>
            <dd>{certificate.selfSigned ? 'Yes' : 'No'}</dd>
            <dt>Trusted by the system CAs</dt>
            <dd>
              {certificate.trusted ? (
                <Badge tone="success">Yes</Badge>
              ) : (
                <Badge tone="warning">
                  No{certificate.verifyCode ? ` (${certificate.verifyCode})` : ''}
                </Badge>
              )}
            </dd>
          </dl>
          {/* The button stays after pinning: the dialog gives focus back to it. */}
          <div className="certificate-pin">
            <Button variant="primary" onClick={() => setConfirming(true)}>
              Pin this certificate
            </Button>
            {isPinned ? <Badge tone="success">Pinned in this form</Badge> : null}
          </div>
        </section>
      ) : null}
      <ConfirmDialog
        open={confirming && certificate !== undefined}
        title="Pin this certificate?"
        confirmLabel="Pin certificate"
        tone="primary"
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          if (!certificate) return;
          onPin(certificate.sha256);
          setConfirming(false);
          announce('Certificate pinned. Save the profile to keep it.');
        }}
      >
        <p>
          ShareDesk will then trust this server only while it presents exactly this certificate.
          Compare the fingerprint with the one your server&apos;s administrator gives you:
        </p>
        <p className="fingerprint">{certificate?.sha256}</p>
      </ConfirmDialog>
    </div>
  );
}
