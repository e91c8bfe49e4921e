import { useCallback, useEffect } from 'react';
import type { ScreenshotTile, ScreenshotView } from '../../shared/channels/evidence';
import { passdesk } from '../passdesk-client';
import { useAlerts } from '../stores/alerts-store';
import { ReviewForm } from './ReviewForm';
import { AttemptFacts, FileFacts, ReuseFacts } from './ScreenshotFacts';
import { openScreenshot, useScreenshots } from './screenshots-store';
import { ViewerStage } from './ViewerStage';
import { isTextField } from '../components/text-field';

interface Props {
  view: ScreenshotView | null;
  error: string | null;
  openId: string;
  /** The gallery behind the viewer, for next and previous. */
  tiles: readonly ScreenshotTile[];
}

/** One screenshot large, with the attempt data, the file's facts, reuse flags and the review beside it. */
export function ScreenshotViewer({ view, error, openId, tiles }: Props) {
  const open = useScreenshots((s) => s.open);
  const close = useScreenshots((s) => s.close);
  const refreshView = useScreenshots((s) => s.refreshView);
  const load = useScreenshots((s) => s.load);
  const index = tiles.findIndex((t) => t.attachmentId === openId);
  const step = useCallback(
    (by: number) => {
      if (tiles.length === 0) return;
      const next = tiles[(Math.max(index, 0) + by + tiles.length) % tiles.length];
      if (next) void open(next.attachmentId);
    },
    [tiles, index, open],
  );
  const onPrevious = useCallback(() => step(-1), [step]);
  const onNext = useCallback(() => step(1), [step]);

  // Stepping and closing work whatever the open file is — refused and waiting ones too.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      const action = ({ PageDown: onNext, n: onNext, PageUp: onPrevious, p: onPrevious, Escape: close } as Record<string, () => void>)[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNext, onPrevious, close]);

  async function retry() {
    try {
      await passdesk.call('screenshots.retry', { attachmentId: openId });
      await refreshView();
      await load();
    } catch (failure) {
      useAlerts.getState().report('Downloading the screenshot again', failure);
    }
  }

  const tile = view?.tile ?? null;
  const position = index >= 0 ? `${index + 1} of ${tiles.length}` : '';
  return (
    <div className="viewer" aria-label="Screenshot viewer">
      <div className="viewer-heading">
        <button type="button" onClick={close} title="Back to the gallery (Esc)">
          ← Gallery
        </button>
        <h2 className="viewer-title" title={tile?.fileName}>
          {tile ? tile.fileName || '(no name)' : 'Opening…'}
        </h2>
        <span className="hint">{position}</span>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="viewer-body">
        <div className="viewer-main">
          {view?.image ? (
            <ViewerStage key={`${view.tile.attachmentId}:${view.tile.sha256}`} image={view.image} alt={`Screenshot ${view.tile.fileName} from ${view.tile.sentBy}`} onPrevious={onPrevious} onNext={onNext} />
          ) : (
            <div className="viewer-empty">
              {tile?.state === 'refused' ? (
                <div className="viewer-refused" role="alert">
                  <strong>Passdesk refused this file.</strong>
                  <p>{tile.refusal?.message}</p>
                  {tile.refusal?.reason === 'hash_mismatch' && (
                    <button type="button" onClick={() => void retry()}>
                      Download again
                    </button>
                  )}
                </div>
              ) : tile?.state === 'unavailable' ? (
                <div role="status">
                  <p>This screenshot is not downloaded yet: {tile.problem}</p>
                  <button type="button" onClick={() => void retry()}>
                    Try again now
                  </button>
                </div>
              ) : (
                <p role="status">{tile ? 'Downloading and checking the file…' : 'Opening…'}</p>
              )}
              <div className="button-row">
                <button type="button" onClick={onPrevious}>
                  ‹ Previous
                </button>
                <button type="button" onClick={onNext}>
                  Next ›
                </button>
              </div>
            </div>
          )}
        </div>
        {view && (
          <aside className="viewer-side" aria-label="About this screenshot">
            <AttemptFacts view={view} />
            <ReuseFacts view={view} onOpenReuse={openScreenshot} />
            {view.tile.state === 'ready' && <ReviewForm key={`${view.tile.attachmentId}:${view.reviews.length}`} view={view} onReviewed={() => void Promise.all([refreshView(), load()])} />}
            <FileFacts view={view} />
          </aside>
        )}
      </div>
    </div>
  );
}
