import type { ScreenshotTile } from '../../shared/channels/evidence';
import { formatWhen, reviewSummary, stateLine } from './screenshot-text';

interface Props {
  tile: ScreenshotTile;
  onOpen(attachmentId: string): void;
}

/** One attachment in a gallery: the thumbnail main made, or why there is none. */
export function ScreenshotTileCard({ tile, onOpen }: Props) {
  const refused = tile.state === 'refused';
  return (
    <li className={`shot-tile shot-tile-${tile.state}`}>
      <button type="button" className="shot-tile-open" onClick={() => onOpen(tile.attachmentId)} aria-label={`Open ${tile.fileName} from ticket ${tile.ticketId}`}>
        <span className="shot-tile-picture">
          {tile.thumbnail ? (
            <img src={tile.thumbnail} alt="" width={tile.width ?? undefined} height={tile.height ?? undefined} />
          ) : refused ? (
            <span className="shot-tile-refused" role="note">
              <strong>Refused</strong>
              <span>{tile.refusal?.message}</span>
            </span>
          ) : (
            <span className="shot-tile-pending">{tile.state === 'unavailable' ? (tile.problem ?? 'Not downloaded yet.') : tile.detectedType === 'image/webp' ? 'WebP — open to view' : 'Downloading and checking…'}</span>
          )}
        </span>
        <span className="shot-tile-name" title={tile.fileName}>
          {tile.fileName || '(no name)'}
        </span>
        <span className="shot-tile-meta">{stateLine(tile)}</span>
        <span className="shot-tile-meta">
          {tile.sentBy} · {tile.ticketId} · {formatWhen(tile.receivedAt)}
        </span>
      </button>
      {tile.review && <p className="shot-tile-review">{reviewSummary(tile.review)}</p>}
      {tile.reuse.length > 0 && (
        <p className="shot-tile-reuse" role="note">
          ⚑ Looks like a screenshot {tile.reuse[0]?.sentBy} sent ({tile.reuse[0]?.ticketId}){tile.reuse.length > 1 ? ` and ${tile.reuse.length - 1} more` : ''} — advisory
        </p>
      )}
    </li>
  );
}
