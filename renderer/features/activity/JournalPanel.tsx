/**
 * The journal of applied plans: filter, export, and Undo, which plans the inverse of an entry
 * and shows it in the same preview and apply view as the Share editor.
 */
import type { JournalEntry } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SafeText } from '../../ui/SafeText';
import { Spinner } from '../../ui/Spinner';
import { Table } from '../../ui/Table';
import { OUTCOME } from '../sharing/outcomes';
import { PlanReview } from '../sharing/PlanReview';
import { useAgentName } from '../sharing/useAgentName';
import { ExportView } from './ExportView';
import { JournalFilters } from './JournalFilters';
import { formatTime } from './time';

const SOURCE: Readonly<Record<JournalEntry['source'], string>> = {
  direct: 'Share editor',
  outbox: 'Outbox replay',
  undo: 'Undo',
  repair: 'Drift repair',
};

export function JournalPanel(): React.JSX.Element {
  const journal = useAppStore((state) => state.journal);
  const loadJournal = useAppStore((state) => state.loadJournal);
  const exportJournal = useAppStore((state) => state.exportJournal);
  const exporting = useAppStore((state) => state.journalExport.status === 'exporting');
  const undo = useAppStore((state) => state.undoJournalEntry);
  const planningUndo = useAppStore((state) => state.planningUndo);
  const reviewKind = useAppStore((state) => state.activityReviewKind);
  const applyActivityReview = useAppStore((state) => state.applyActivityReview);
  const closeReview = useAppStore((state) => state.closeActivityReview);
  const agentName = useAgentName();

  return (
    <div className="activity-panel">
      <h2>Journal</h2>
      <JournalFilters />
      <div className="sharing-actions">
        <Button onClick={() => void exportJournal('json')} disabled={exporting}>
          Export JSON
        </Button>
        <Button onClick={() => void exportJournal('csv')} disabled={exporting}>
          Export CSV
        </Button>
        {journal.status === 'loading' ? <Spinner label="Reading the journal…" /> : null}
      </div>
      <ExportView />
      {journal.status === 'failed' && journal.error ? (
        <ErrorBanner
          title="The journal could not be read"
          message={journal.error}
          onRetry={() => void loadJournal()}
        />
      ) : null}
      <Table<JournalEntry>
        caption="Applied plans, newest first"
        rows={journal.entries}
        rowKey={(entry) => entry.id}
        empty="No plan matches the filter."
        columns={[
          {
            key: 'when',
            header: 'Started',
            cell: (entry) => <span className="activity-time">{formatTime(entry.startedAt)}</span>,
          },
          { key: 'agent', header: 'Agent', rowHeader: true, cell: (e) => agentName(e.agentId) },
          { key: 'source', header: 'From', cell: (entry) => SOURCE[entry.source] },
          {
            key: 'outcome',
            header: 'Outcome',
            cell: (entry) => (
              <Badge tone={OUTCOME[entry.outcome].tone} icon={OUTCOME[entry.outcome].icon}>
                {OUTCOME[entry.outcome].text}
              </Badge>
            ),
          },
          {
            key: 'summary',
            header: 'What it did',
            cell: (entry) => <SafeText value={entry.plan.summary.join(' ')} />,
          },
          {
            key: 'undo',
            header: 'Actions',
            cell: (entry) => (
              <Button
                variant="ghost"
                disabled={entry.before === null || planningUndo !== null}
                aria-label={`Undo the plan for ${agentName(entry.agentId)} started ${formatTime(entry.startedAt)}`}
                onClick={() => void undo(entry.id)}
              >
                {planningUndo === entry.id ? 'Planning…' : 'Undo…'}
              </Button>
            ),
          },
        ]}
      />
      {reviewKind?.kind === 'undo' ? (
        <PlanReview
          reviewId="activity"
          heading="Undo plan"
          applyLabel="Apply the undo"
          onApply={() => void applyActivityReview()}
          onClose={closeReview}
        />
      ) : null}
    </div>
  );
}
