// The change feed's cursor: opaque to clients (base64url), but it names the feed it came
// from, so a cursor kept from a database that was since replaced is refused instead of
// silently skipping records.
import { ApiError } from '../http/api-error';

const PREFIX = 'v1';

export function encodeCursor(feedId: string, seq: number): string {
  return Buffer.from(`${PREFIX}.${feedId}.${seq}`, 'utf8').toString('base64url');
}

/** The seq after which to read; 0 (from the beginning) when no cursor is given. */
export function decodeCursor(feedId: string, cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const bad = () =>
    new ApiError(400, 'invalid_request', 'cursor: this is not a cursor this LMS handed out. Send the cursor from the last page unchanged, or leave it out to start from the beginning.');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  const [prefix, id, seqText, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  if (prefix !== PREFIX || !id || !seqText || rest.length > 0 || !/^\d{1,16}$/.test(seqText)) throw bad();
  if (id !== feedId) {
    throw new ApiError(400, 'invalid_request', 'cursor: it belongs to another LMS database (this one was re-created). Start again without a cursor to read everything afresh.');
  }
  return Number(seqText);
}
