/** The verification verdict in words and with an icon — never by colour alone — and its reasons. */
import type { InspectionReportView } from '../../../preload/contract';
import { AlertIcon, CheckIcon, InfoIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';

type Verification = InspectionReportView['verification'];

const VERDICT = {
  verified: { icon: <CheckIcon />, text: 'Verified', tone: 'success' },
  invalid: { icon: <AlertIcon />, text: 'Invalid', tone: 'danger' },
  unverifiable: { icon: <InfoIcon />, text: 'Unverifiable', tone: 'warning' },
} as const;

const SIGNATURE: Readonly<Record<Verification['signature'], string>> = {
  valid: 'The signature verifies against the issuer’s published keys.',
  invalid: 'The signature does not verify.',
  not_checked: 'The signature was not checked.',
};

function Reasons({ title, items }: { title: string; items: Verification['reasons'] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4 className="tokens-step-subheading">{title}</h4>
      <ul className="tokens-reasons">
        {items.map((item, index) => (
          <li key={`${item.code}-${index}`}>
            <SafeText value={item.message} />{' '}
            <span className="tokens-dim tokens-mono">
              ({item.code}
              {item.claim ? `, claim ${item.claim}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function VerificationView({
  verification,
  checkedAgainst,
}: {
  verification: Verification;
  /** The profile whose keys were used, or null when the user chose not to verify. */
  checkedAgainst: string | null;
}): React.JSX.Element {
  const verdict = VERDICT[verification.state];
  const reasonTitle =
    verification.state === 'unverifiable' ? 'Why it cannot be verified' : 'Reasons';
  return (
    <section
      className={`tokens-verdict tokens-verdict-${verdict.tone}`}
      aria-labelledby="tokens-verdict-heading"
    >
      <h3 id="tokens-verdict-heading" className="tokens-verdict-title">
        {verdict.icon}
        <span>Verification: {verdict.text}</span>
      </h3>
      <p>{SIGNATURE[verification.signature]}</p>
      {checkedAgainst === null ? (
        <p className="tokens-dim">Not checked against any profile’s keys.</p>
      ) : (
        <p className="tokens-dim">
          Checked against the keys of <SafeText value={checkedAgainst} />.
        </p>
      )}
      <Reasons title={reasonTitle} items={verification.reasons} />
      <Reasons title="Warnings" items={verification.warnings} />
    </section>
  );
}
