// Admin > Training > Manual Pass, the help article's way: Course Category → module → enrolled
// users → Mark Complete → the transcript. Beside it, every pass ever made (with its audit
// trail) and the agents' requests waiting for an admin.
import { useState } from 'react';
import type { PassSummary } from '../../shared/channels/passes';
import { CourseCategoryPicker } from './CourseCategoryPicker';
import { EnrolledUsers } from './EnrolledUsers';
import { LivePasses } from './LivePasses';
import { MarkCompleteDialog } from './MarkCompleteDialog';
import { PassesList } from './PassesList';
import { ProposalQueue } from './ProposalQueue';
import { usePassPanel } from './pass-panel-store';
import { TranscriptPanel } from './TranscriptPanel';
import './passes.css';

type Tab = 'mark' | 'passes' | 'queue';
const tabs: ReadonlyArray<{ id: Tab; label: string }> = [
  { id: 'mark', label: 'Course modules' },
  { id: 'passes', label: 'Passes' },
  { id: 'queue', label: 'Requested passes' },
];

export function ManualPassScreen() {
  const [tab, setTab] = useState<Tab>('mark');
  const [transcript, setTranscript] = useState<PassSummary | null>(null);
  const error = usePassPanel((s) => s.error);

  return (
    <section className="screen pass-screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Manual Pass</h1>
        <nav className="pass-tabs" aria-label="Manual Pass views">
          {tabs.map((t) => (
            <button key={t.id} type="button" className="pass-tab" aria-pressed={tab === t.id} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </nav>
      </header>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {tab === 'mark' && (
        <>
          <div className="pass-panel">
            <CourseCategoryPicker />
            <div className="pass-column">
              <EnrolledUsers />
              <LivePasses onTranscript={setTranscript} />
              {transcript && <TranscriptPanel learnerId={transcript.learnerId} moduleId={transcript.moduleId} onClose={() => setTranscript(null)} />}
            </div>
          </div>
          <MarkCompleteDialog />
        </>
      )}
      {tab === 'passes' && <PassesList />}
      {tab === 'queue' && <ProposalQueue onTake={() => setTab('mark')} />}
    </section>
  );
}
