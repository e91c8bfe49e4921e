// The change feed, paged (GET /changes) and live (GET /changes/wait, a long-poll that answers
// as soon as anything is written after the cursor, or with an empty page at the timeout).
import { ChangesQuery, ChangesWaitQuery } from '../../shared/lms/api';
import { readChangesPage } from '../feed/change-pages';
import { decodeCursor } from '../feed/feed-cursor';
import { parseQuery } from '../http/parse-input';
import { jsonText } from '../http/reply';
import type { Handler } from './lms-context';

const WAIT_PAGE_LIMIT = 1000;

export const getChanges: Handler = (ctx, lms) => {
  const query = parseQuery(ChangesQuery, ctx.query);
  const after = decodeCursor(lms.feedId, query.cursor);
  return jsonText(200, readChangesPage(lms.store, lms.feedId, after, query.limit, query.cursor === undefined).text);
};

export const waitForChanges: Handler = async (ctx, lms) => {
  const query = parseQuery(ChangesWaitQuery, ctx.query);
  const after = decodeCursor(lms.feedId, query.cursor);
  await lms.waiters.waitForChanges(after, query.timeout, ctx.signal);
  return jsonText(200, readChangesPage(lms.store, lms.feedId, after, WAIT_PAGE_LIMIT).text);
};
