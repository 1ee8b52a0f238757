/** The journal's filter: one agent, one outcome, and a range of days (inclusive). */
import { useState } from 'react';
import { APPLY_OUTCOMES, type ApplyOutcome, type JournalFilter } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { toVisibleString } from '../../ui/visibleText';
import { OUTCOME } from '../sharing/outcomes';
import { dayEnd, dayStart } from './time';

type OutcomeChoice = ApplyOutcome | '';

export function JournalFilters(): React.JSX.Element {
  const agents = useAppStore((state) => state.sharingAgents.items);
  const loadJournal = useAppStore((state) => state.loadJournal);
  const [agentId, setAgentId] = useState('');
  const [outcome, setOutcome] = useState<OutcomeChoice>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const filter = (): JournalFilter => {
    const start = dayStart(from);
    const end = dayEnd(to);
    return {
      ...(agentId ? { agentId } : {}),
      ...(outcome ? { outcomes: [outcome] } : {}),
      ...(start ? { from: start } : {}),
      ...(end ? { to: end } : {}),
    };
  };

  return (
    <form
      className="activity-filters"
      aria-label="Filter the journal"
      onSubmit={(event) => {
        event.preventDefault();
        void loadJournal(filter());
      }}
    >
      <Select
        label="Agent"
        value={agentId}
        options={[
          { value: '', label: 'All agents' },
          ...agents.map((agent) => ({
            value: agent.id,
            label: toVisibleString(agent.displayName),
          })),
        ]}
        onChange={setAgentId}
      />
      <Select<OutcomeChoice>
        label="Outcome"
        value={outcome}
        options={[
          { value: '', label: 'Any outcome' },
          ...APPLY_OUTCOMES.map((value) => ({ value, label: OUTCOME[value].text })),
        ]}
        onChange={setOutcome}
      />
      <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      <Button type="submit">Filter</Button>
      <Button
        variant="ghost"
        onClick={() => {
          setAgentId('');
          setOutcome('');
          setFrom('');
          setTo('');
          void loadJournal({});
        }}
      >
        Clear
      </Button>
    </form>
  );
}
