import { useEffect } from 'react';
import { passdesk } from '../passdesk-client';
import { ScreenshotTileCard } from './ScreenshotTileCard';
import { ScreenshotViewer } from './ScreenshotViewer';
import { useScreenshots } from './screenshots-store';
import './screenshots.css';

/**
 * Step 4 of the help article: when no data came back, the learner's screenshot of their
 * passing score or completion. A gallery (recent, a ticket's, everything a learner sent) and
 * the viewer, where a reviewer reads, compares and reviews it.
 */
export function ScreenshotsScreen() {
  const target = useScreenshots((s) => s.target);
  const gallery = useScreenshots((s) => s.gallery);
  const loading = useScreenshots((s) => s.loading);
  const error = useScreenshots((s) => s.error);
  const openId = useScreenshots((s) => s.openId);
  const view = useScreenshots((s) => s.view);
  const viewError = useScreenshots((s) => s.viewError);
  const { load, show, open, refreshView } = useScreenshots.getState();

  useEffect(() => {
    void load();
  }, [load, target]);

  useEffect(() => {
    // Downloads finish and reviews land in the background; the gallery and an open
    // screenshot that was still downloading catch up.
    return passdesk.on('screenshots.changed', ({ attachmentIds }) => {
      void load();
      const current = useScreenshots.getState();
      if (current.openId && attachmentIds.includes(current.openId) && current.view?.tile.state !== 'ready') void refreshView();
    });
  }, [load, refreshView]);

  const tiles = gallery?.tiles ?? [];
  // With a screenshot open from the recent list, its own ticket and learner are one click away.
  const shown = openId ? view?.tile : null;
  const learnerId = gallery?.learnerId ?? shown?.learnerId ?? null;
  const learnerName = gallery?.learnerName ?? (shown?.learnerId ? shown.sentBy : null);
  const ticketId = gallery?.ticketId ?? shown?.ticketId ?? null;

  return (
    <section className="screen screenshots-screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Screenshots</h1>
        <span className="hint">{gallery?.title ?? ''}</span>
        <nav className="gallery-scopes" aria-label="Which screenshots">
          <button type="button" aria-pressed={target.scope === 'recent'} onClick={() => show({ scope: 'recent' })}>
            Recent
          </button>
          {ticketId && (
            <button type="button" aria-pressed={target.scope === 'ticket'} onClick={() => show({ scope: 'ticket', ticketId })}>
              Ticket {ticketId}
            </button>
          )}
          {learnerId && (
            <button type="button" aria-pressed={target.scope === 'learner'} onClick={() => show({ scope: 'learner', learnerId })}>
              Everything {learnerName ?? 'this learner'} sent
            </button>
          )}
        </nav>
      </header>
      {openId ? (
        <ScreenshotViewer view={view} error={viewError} openId={openId} tiles={tiles} />
      ) : (
        <>
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
          {loading && <p className="loading">Loading screenshots…</p>}
          {gallery && tiles.length === 0 && <p className="hint">No attachments here yet. They appear as the LMS syncs.</p>}
          <ul className="shot-grid" aria-label="Screenshots">
            {tiles.map((tile) => (
              <ScreenshotTileCard
                key={tile.attachmentId}
                tile={tile}
                onOpen={(id) => void open(id)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
