import type { ScreenshotView } from '../../shared/channels/evidence';
import { attemptLine, formatSize, formatWhen, percentText, typeName } from './screenshot-text';

interface Props {
  view: ScreenshotView;
  onOpenReuse(attachmentId: string, ticketId: string): void;
}

/** The file as main checked it: name, real type, size in pixels and bytes, sha256, arrival, EXIF. */
export function FileFacts({ view }: Pick<Props, 'view'>) {
  const { tile, exif } = view;
  return (
    <section className="viewer-section" aria-labelledby="file-facts">
      <h2 id="file-facts">File</h2>
      <dl className="facts viewer-facts">
        <dt>File name</dt>
        <dd>{tile.fileName || '(no name)'}</dd>
        <dt>Type</dt>
        <dd>
          {typeName(tile.detectedType)}
          {tile.detectedType && tile.declaredType !== tile.detectedType ? <span className="hint"> (sent as {tile.declaredType})</span> : null}
        </dd>
        <dt>Dimensions</dt>
        <dd>{tile.width && tile.height ? `${tile.width} × ${tile.height} px` : '—'}</dd>
        <dt>Size</dt>
        <dd>{formatSize(tile.size)}</dd>
        <dt>sha256</dt>
        <dd className="mono">{tile.sha256}</dd>
        <dt>Arrived</dt>
        <dd>
          {formatWhen(tile.receivedAt)} · ticket {tile.ticketId}
        </dd>
        <dt>Taken</dt>
        <dd>{exif?.takenAt ? formatWhen(exif.takenAt) : 'no capture time in the file'}</dd>
        <dt>Device</dt>
        <dd>{exif?.device ?? 'no device in the file'}</dd>
      </dl>
    </section>
  );
}

/** The learner's attempts on the ticket's module, to compare with what the screenshot shows. */
export function AttemptFacts({ view }: Pick<Props, 'view'>) {
  const context = view.attempts;
  return (
    <section className="viewer-section" aria-labelledby="attempt-facts">
      <h2 id="attempt-facts">Attempt data</h2>
      {context === null ? (
        <p className="hint">The ticket is not linked to a learner and a module yet, so there is no attempt data to compare with.</p>
      ) : (
        <>
          <p>
            <strong>{context.learnerName}</strong> · {context.courseName ?? 'course unknown'} · {context.moduleName}
          </p>
          <p className="hint">
            Passing score {percentText(context.passingScore)} · enrollment {context.enrollmentStatus.replace('_', ' ')}
          </p>
          {context.attempts.length === 0 ? (
            <p className="hint">No attempts on this module in the data.</p>
          ) : (
            <ul className="viewer-attempts">
              {context.attempts.map((a) => (
                <li key={a.id}>
                  <span>{formatWhen(a.startedAt)}</span>
                  <span className={a.lastDataAt === null ? 'attempt-nodata' : ''}>{attemptLine(a)}</span>
                  <span className="hint">
                    {a.environment.os}, {a.environment.browser}
                    {a.errorCount > 0 ? ` · ${a.errorCount} runtime error${a.errorCount === 1 ? '' : 's'}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** Other learners' screenshots that look the same. Advisory: a reason to look, not a verdict. */
export function ReuseFacts({ view, onOpenReuse }: Props) {
  if (view.tile.reuse.length === 0) return null;
  return (
    <section className="viewer-section viewer-reuse" aria-labelledby="reuse-facts">
      <h2 id="reuse-facts">⚑ Possible reuse (advisory)</h2>
      <p className="hint">The same picture came from another learner. Two people in one workplace may see the same screen; check names and dates before deciding.</p>
      <ul>
        {view.tile.reuse.map((r) => (
          <li key={r.attachmentId}>
            <button type="button" className="link-button" onClick={() => onOpenReuse(r.attachmentId, r.ticketId)}>
              {r.likeness === 'identical' ? 'Identical file' : `Nearly identical picture (${r.distance} bits apart)`} from {r.sentBy} — ticket {r.ticketId}
            </button>
            <span className="hint"> · {formatWhen(r.receivedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
