/**
 * The Share editor screen: pick agents, start from the first one's current sharing, set the
 * policy, preview the plan (requests, problems, blast radius), then apply and verify — or, when
 * the server cannot be reached, queue the plan in the outbox.
 */
import { useEffect } from 'react';
import { ScreenHeading } from '../../app/ScreenHeading';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { OfflineIcon } from '../../ui/icons';
import { Spinner } from '../../ui/Spinner';
import { AgentChooser } from './AgentChooser';
import { CurrentSharing } from './CurrentSharing';
import { PlanReview } from './PlanReview';
import { PolicyEditor } from './PolicyEditor';
import { QueueOutcome } from './QueueOutcome';
import { useAgentName } from './useAgentName';
import './sharing.css';

function OfflineNote(): React.JSX.Element {
  return (
    <div className="sharing-offline" role="status">
      <OfflineIcon />
      <p>
        The server cannot be reached. A preview needs the server; you can queue the plan in the
        outbox instead and replay it from the Activity screen later.
      </p>
    </div>
  );
}

export function ShareEditor(): React.JSX.Element {
  const activeProfileId = useAppStore((state) => state.activeProfileId);
  const agents = useAppStore((state) => state.sharingAgents);
  const agentIds = useAppStore((state) => state.editorAgentIds);
  const base = useAppStore((state) => state.editorBase);
  const online = useAppStore((state) => state.editorOnline);
  const preview = useAppStore((state) => state.editorPreview);
  const queue = useAppStore((state) => state.editorQueue);
  const review = useAppStore((state) => state.reviews.editor);
  const loadAgents = useAppStore((state) => state.loadSharingAgents);
  const loadRoles = useAppStore((state) => state.loadSharingRoles);
  const setAgents = useAppStore((state) => state.setEditorAgents);
  const checkOnline = useAppStore((state) => state.checkEditorOnline);
  const listen = useAppStore((state) => state.listenToSharingProgress);
  const previewDraft = useAppStore((state) => state.previewDraft);
  const queueDraft = useAppStore((state) => state.queueDraft);
  const resetDraft = useAppStore((state) => state.resetDraft);
  const applyReview = useAppStore((state) => state.applyReview);
  const reloadBase = useAppStore((state) => state.reloadEditorBase);
  const editorProfileId = useAppStore((state) => state.editorProfileId);
  const resetEditor = useAppStore((state) => state.resetEditor);
  const agentName = useAgentName();

  // A draft belongs to the server it was made for; another profile starts afresh.
  useEffect(() => {
    if (editorProfileId !== null && editorProfileId !== activeProfileId) resetEditor();
  }, [editorProfileId, activeProfileId, resetEditor]);

  useEffect(() => {
    if (activeProfileId === null) return;
    listen();
    void loadAgents();
    void loadRoles();
    void checkOnline();
  }, [activeProfileId, listen, loadAgents, loadRoles, checkOnline]);

  if (activeProfileId === null) {
    return (
      <div className="sharing-screen">
        <ScreenHeading>Share editor</ScreenHeading>
        <EmptyState title="No profile is active">
          <p>Choose or add a server on the Profiles screen first.</p>
        </EmptyState>
      </div>
    );
  }

  const offline = online === false || review.unreachable;
  const picked = agentIds.length > 0;
  const apply = (): void => {
    void applyReview('editor').then(() => reloadBase());
  };
  const queueButton = (
    <Button
      variant="primary"
      icon={<OfflineIcon />}
      onClick={() => void queueDraft()}
      disabled={!picked || queue.status === 'queueing'}
    >
      {queue.status === 'queueing' ? 'Queueing…' : 'Queue in the outbox'}
    </Button>
  );

  return (
    <div className="sharing-screen">
      <ScreenHeading>Share editor</ScreenHeading>
      {offline ? <OfflineNote /> : null}
      {agents.status === 'failed' && agents.error ? (
        <ErrorBanner
          title="The agents could not be read"
          message={agents.error}
          onRetry={() => void loadAgents(true)}
        />
      ) : null}
      <section className="sharing-section" aria-label="Agents">
        <AgentChooser
          agents={agents.items}
          value={agentIds}
          onChange={(ids) => void setAgents(ids)}
        />
      </section>
      {picked ? (
        <section className="sharing-section" aria-label="Current sharing">
          <h2>Current sharing</h2>
          {base.status === 'loading' ? <Spinner label="Reading the current sharing…" /> : null}
          {base.status === 'failed' && base.error ? (
            <p className="sharing-problem">
              The current sharing of {agentName(base.agentId ?? '')} could not be read (
              {base.error.message}). The draft starts from “not shared”.
            </p>
          ) : null}
          {base.effective ? (
            <CurrentSharing effective={base.effective} agentName={agentName(base.agentId ?? '')} />
          ) : null}
        </section>
      ) : null}
      {picked ? (
        <section className="sharing-section" aria-label="Desired sharing">
          <h2>Desired sharing</h2>
          <PolicyEditor />
          <div className="sharing-actions">
            <Button
              variant={offline ? 'secondary' : 'primary'}
              onClick={() => void previewDraft()}
              disabled={preview.status === 'working'}
            >
              {preview.status === 'working' ? 'Planning…' : 'Preview'}
            </Button>
            {offline && review.batch === null ? queueButton : null}
            <Button variant="ghost" onClick={resetDraft}>
              Reset to current sharing
            </Button>
          </div>
          {preview.status === 'failed' && preview.error ? (
            <ErrorBanner title="No preview" message={preview.error.message} />
          ) : null}
        </section>
      ) : null}
      <QueueOutcome queue={queue} />
      <PlanReview
        reviewId="editor"
        heading="Preview"
        onApply={apply}
        {...(offline ? { offline: queueButton } : {})}
      />
    </div>
  );
}
