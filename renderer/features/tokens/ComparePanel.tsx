/**
 * The Compare tab: two tokens claim by claim, side by side. Identity, organization, actor and
 * scope claims come first; list claims show the entries gained and lost.
 */
import { useState } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import type { CompareSide } from '../../store/tokenSlice';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { SafeText } from '../../ui/SafeText';
import { Spinner } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { CompareSideInput, EMPTY_SIDE, sideReady, type SideDraft } from './CompareSideInput';
import { CHANGE_LABELS, orderDiffRows, valueText, type DiffRow } from './diffRows';
import { ErrorBox } from './ErrorBox';

const TONES: Readonly<Record<DiffRow['change'], BadgeTone>> = {
  changed: 'warning',
  added: 'info',
  removed: 'info',
  same: 'neutral',
};

function toSource(side: SideDraft): CompareSide {
  return side.mode === 'held'
    ? { kind: 'held', tokenRef: side.tokenRef }
    : { kind: 'raw', token: side.text.trim() };
}

function Entries({ row }: { row: DiffRow }) {
  if (!row.entries) return null;
  return (
    <ul className="tokens-claim-items">
      {row.entries.added.map((entry) => (
        <li key={`+${entry}`}>
          Gained: <SafeText value={entry} className="tokens-mono" />
        </li>
      ))}
      {row.entries.removed.map((entry) => (
        <li key={`-${entry}`}>
          Lost: <SafeText value={entry} className="tokens-mono" />
        </li>
      ))}
    </ul>
  );
}

export function ComparePanel(): React.JSX.Element {
  const heldTokens = useAppStore((state) => state.heldTokens);
  const comparison = useAppStore((state) => state.comparison);
  const compareTokens = useAppStore((state) => state.compareTokens);
  const [a, setA] = useState<SideDraft>(EMPTY_SIDE);
  const [b, setB] = useState<SideDraft>(EMPTY_SIDE);
  const [hideSame, setHideSame] = useState(false);
  const busy = comparison.status === 'comparing';

  const compare = (): void => {
    void compareTokens(toSource(a), toSource(b));
    // Pasted tokens are masked from here on; their text stays only for a new comparison.
    setA((side) => ({ ...side, masked: side.mode === 'raw' }));
    setB((side) => ({ ...side, masked: side.mode === 'raw' }));
  };

  const diff = comparison.diff;
  const rows = diff
    ? orderDiffRows(diff.claims).filter((r) => !hideSame || r.change !== 'same')
    : [];
  return (
    <div className="tokens-compare">
      <div className="tokens-compare-inputs">
        <CompareSideInput name="A" side={a} heldTokens={heldTokens} onChange={setA} />
        <CompareSideInput name="B" side={b} heldTokens={heldTokens} onChange={setB} />
      </div>
      <div className="tokens-form-actions">
        <Button
          variant="primary"
          disabled={busy || !sideReady(a) || !sideReady(b)}
          onClick={compare}
        >
          Compare
        </Button>
        <Checkbox label="Hide unchanged claims" checked={hideSame} onChange={setHideSame} />
      </div>
      {busy ? <Spinner label="Comparing…" /> : null}
      {comparison.error ? <ErrorBox error={comparison.error} /> : null}
      {diff ? (
        <>
          <p role="status">
            {diff.counts.changed ?? 0} changed, {diff.counts.added ?? 0} only in B,{' '}
            {diff.counts.removed ?? 0} only in A, {diff.counts.same ?? 0} the same.
          </p>
          <div className="tokens-table-scroll">
            <Table
              caption="Claim by claim"
              rows={rows}
              rowKey={(row) => row.claim}
              empty="No claims to show."
              columns={[
                {
                  key: 'claim',
                  header: 'Claim',
                  rowHeader: true,
                  cell: (row) => (
                    <>
                      <SafeText value={row.claim} className="tokens-mono tokens-wrap" />
                      {row.highlight ? <span className="tokens-cell-note">Key claim</span> : null}
                    </>
                  ),
                },
                {
                  key: 'change',
                  header: 'Change',
                  cell: (row) => (
                    <Badge tone={TONES[row.change]}>{CHANGE_LABELS[row.change]}</Badge>
                  ),
                },
                {
                  key: 'a',
                  header: 'Token A',
                  cell: (row) => (
                    <SafeText value={valueText(row.before)} className="tokens-mono tokens-wrap" />
                  ),
                },
                {
                  key: 'b',
                  header: 'Token B',
                  cell: (row) => (
                    <>
                      <SafeText value={valueText(row.after)} className="tokens-mono tokens-wrap" />
                      <Entries row={row} />
                    </>
                  ),
                },
              ]}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}
