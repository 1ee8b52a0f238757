/** One side of a comparison: a held token, or a pasted one (shown masked once compared). */
import type { TokenSummaryView } from '../../../preload/contract';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/RadioGroup';
import { SafeText } from '../../ui/SafeText';
import { Select } from '../../ui/Select';
import { heldTokenOption } from './heldTokenText';
import { useWorkbenchProfile } from './useWorkbenchProfile';
import { maskToken } from './scopes';
import { TokenTextArea } from './TokenTextArea';

export interface SideDraft {
  mode: 'held' | 'raw';
  tokenRef: string;
  text: string;
  /** True once compared: the pasted text is no longer shown. */
  masked: boolean;
}

export const EMPTY_SIDE: SideDraft = { mode: 'held', tokenRef: '', text: '', masked: false };

export function sideReady(side: SideDraft): boolean {
  return side.mode === 'held' ? side.tokenRef !== '' : side.text.trim() !== '';
}

export function CompareSideInput({
  name,
  side,
  heldTokens,
  onChange,
}: {
  name: string;
  side: SideDraft;
  heldTokens: readonly TokenSummaryView[];
  onChange: (side: SideDraft) => void;
}): React.JSX.Element {
  const agents = useWorkbenchProfile()?.agents ?? [];
  return (
    <fieldset className="tokens-fieldset tokens-compare-side">
      <legend className="field-label">Token {name}</legend>
      <RadioGroup<SideDraft['mode']>
        legend={`Token ${name} comes from`}
        className="tokens-flow-choice"
        value={side.mode}
        onChange={(mode) => onChange({ ...side, mode })}
        options={[
          { value: 'held', label: 'A held token' },
          { value: 'raw', label: 'Paste a token' },
        ]}
      />
      {side.mode === 'held' ? (
        <Select
          label={`Held token ${name}`}
          value={side.tokenRef}
          onChange={(tokenRef) => onChange({ ...side, tokenRef })}
          options={[
            { value: '', label: heldTokens.length === 0 ? 'No tokens held' : 'Choose…' },
            ...heldTokens.map((t) => ({ value: t.tokenRef, label: heldTokenOption(t, agents) })),
          ]}
        />
      ) : side.masked ? (
        <div className="tokens-picked">
          <span className="tokens-mono">
            <SafeText value={maskToken(side.text)} />
          </span>
          <Button variant="ghost" onClick={() => onChange({ ...side, text: '', masked: false })}>
            Clear token {name}
          </Button>
        </div>
      ) : (
        <TokenTextArea
          label={`Pasted token ${name}`}
          value={side.text}
          onChange={(text) => onChange({ ...side, text })}
        />
      )}
    </fieldset>
  );
}
