// What the progress bar of a first sync shows: per entity how many records are in the cache
// against how many the LMS said it holds, the fraction done, and the time left at the pace
// of this run. Pure.
import type { FirstSyncProgress } from '../../shared/channels/sync';
import type { EntityName } from '../../shared/lms/entities';
import type { EntityCounts } from '../cache/apply-changes';
import { entityNames } from '../cache/entity-tables';
import type { FeedTotals } from '../cache/sync-state';

export interface ProgressInput {
  startedAt: string;
  totals: FeedTotals | null;
  /** Records per entity in the cache now. */
  done: EntityCounts;
  /** Records applied since this run began and how long that took, for the pace. */
  pace: { records: number; ms: number };
}

/** A pace measured over less than this is too noisy to promise a time. */
const MIN_PACE_MS = 1_000;

export function firstSyncProgress(input: ProgressInput): FirstSyncProgress {
  const entities = entityNames
    .map((entity: EntityName) => ({ entity, done: input.done[entity] ?? 0, total: input.totals?.[entity] ?? null }))
    .filter((e) => e.done > 0 || (e.total ?? 0) > 0);
  const done = entities.reduce((sum, e) => sum + e.done, 0);
  const total = input.totals ? entityNames.reduce((sum, e) => sum + (input.totals?.[e] ?? 0), 0) : null;
  // Records the LMS gained during the sync can push `done` past the total it announced.
  const fraction = total === null ? null : total === 0 ? 1 : Math.min(1, done / total);
  let etaSeconds: number | null = null;
  if (total !== null && input.pace.ms >= MIN_PACE_MS && input.pace.records > 0) {
    const perSecond = input.pace.records / (input.pace.ms / 1000);
    etaSeconds = Math.max(0, Math.round((total - Math.min(done, total)) / perSecond));
  }
  return { startedAt: input.startedAt, entities, done, total, fraction, etaSeconds };
}

/** How many changes to ask for next, so that applying one page keeps main busy for about `targetMs`. */
export function nextPageSize(current: number, applied: number, tookMs: number, bounds: { min: number; max: number; targetMs: number }): number {
  if (applied < 50 || tookMs <= 0) return current;
  const fitting = (bounds.targetMs / tookMs) * applied;
  const blended = Math.round(current * 0.5 + fitting * 0.5);
  return Math.min(bounds.max, Math.max(bounds.min, blended));
}
