// Where completion failures cluster, per course category and per OS · browser family — the
// start of spotting a new known issue before the tickets pile up. Pure: the attempts come in
// as plain facts, the map goes out.
import type { FailureCell, FailureMap } from '../../shared/channels/inspector';
import type { Attempt, KnownIssue } from '../../shared/lms/entities';
import { mayStillBeOpen } from './completion-cause';
import { parsePlatform, platformCovers } from './platform-match';
import { reachesPassingScore, scorePercent, type ScoreFields } from './score-percent';

const DAY_MS = 86_400_000;

/** OS families whose versions behave differently enough to keep apart ("Windows 7" is not "Windows 11"). */
const VERSIONED_OS = new Set(['windows']);

/** "macOS 14.6" → "macOS", "Windows 7" → "Windows 7", "Safari 17.6" → "Safari". */
export function platformFamily(name: string, keepVersion: boolean): string {
  const trimmed = name.trim();
  if (trimmed === '') return 'Unknown';
  const parsed = parsePlatform(trimmed);
  const cut = trimmed.search(/\s+v?\d/);
  const words = cut === -1 ? trimmed : trimmed.slice(0, cut);
  if (!parsed) return words || 'Unknown';
  const major = parsed.version[0];
  return keepVersion && major !== undefined ? `${words} ${major}` : words;
}

/** The family an attempt's environment counts under: "Windows 7 · Edge", "macOS · Safari". */
export function platformOf(os: string, browser: string): { os: string; browser: string; label: string } {
  const osWords = parsePlatform(os)?.words ?? [];
  const osFamily = platformFamily(os, osWords.some((w) => VERSIONED_OS.has(w)));
  const browserFamily = platformFamily(browser, false);
  return { os: osFamily, browser: browserFamily, label: `${osFamily} · ${browserFamily}` };
}

/** What the failure map needs of an attempt; the scan reads only these columns. */
export type FailureFacts = Pick<Attempt, 'startedAt' | 'lastDataAt' | 'completionStatus' | 'successStatus' | 'sessionTime'> &
  ScoreFields & {
    errorCount: number;
  };

/**
 * The attempt's completion failed, much as the verdict's "trouble elsewhere" reads it (but
 * an attempt that completed is no completion failure, whatever errors it logged):
 * runtime errors; a pass that never completed; a session cut off (no session time); or
 * launched over a day ago with nothing back. A failing score is not a completion failure,
 * and data from the last half hour may still be followed by its completion.
 */
export function completionFailed(a: FailureFacts, passingScore: number, nowMs: number): boolean {
  if (a.completionStatus === 'completed') return false;
  if (a.errorCount > 0) return true;
  if (a.lastDataAt === null) return nowMs - Date.parse(a.startedAt) >= DAY_MS;
  if (mayStillBeOpen(a, nowMs)) return false;
  const { percent } = scorePercent(a);
  const passed = percent !== null ? reachesPassingScore(percent, passingScore) : a.successStatus === 'passed';
  return passed || a.sessionTime === null;
}

export interface ClusterAttempt {
  categoryId: string;
  os: string;
  browser: string;
  failed: boolean;
}

export interface ClusterOptions {
  sinceDays: number;
  categoryNames: ReadonlyMap<string, string>;
  knownIssues: readonly KnownIssue[];
  /** Categories shown; those with a suspicious cell are always kept. */
  maxCategories?: number;
}

/** A cell needs this many failures before it can look suspicious: a few could be one learner's bad week. */
export const SUSPICIOUS_MIN_FAILURES = 5;
/**
 * …and this many standard deviations more failures than the rest of its category's rate
 * predicts (a binomial z-score), so small cells do not ring by chance: 4 of 7 against a
 * category at 27% is luck, 19 of 21 is not.
 */
export const SUSPICIOUS_MIN_Z = 3;
/** …and at least this many points above that rate, so 12% against 6% on a big cell does not ring either. */
export const SUSPICIOUS_RATE_MARGIN = 0.2;
/** …measured against at least this many attempts on the category's other platforms: without a baseline there is no "above". */
export const SUSPICIOUS_MIN_BASELINE = 10;

/** How many standard deviations `failures` of `attempts` lie above what `rate` predicts. */
export function excessFailures(failures: number, attempts: number, rate: number): number {
  const expected = attempts * rate;
  // A rest-of-category rate of 0 would make any failure infinitely surprising; floor it at one failure in the baseline.
  const spread = Math.sqrt(attempts * Math.max(rate, 0.01) * (1 - Math.min(rate, 0.99)));
  return (failures - expected) / spread;
}

/** Known issues of this category whose OS and browser cover this platform family. */
function coveringIssues(issues: readonly KnownIssue[], categoryId: string, os: string, browser: string): string[] {
  return issues
    .filter((i) => i.categoryId === categoryId && (i.os === null || platformCovers(i.os, os)) && (i.browser === null || platformCovers(i.browser, browser)))
    .map((i) => i.id);
}

export function failureMap(attempts: Iterable<ClusterAttempt>, options: ClusterOptions): FailureMap {
  type Tally = { attempts: number; failures: number; os: string; browser: string };
  const cells = new Map<string, Map<string, Tally>>();
  const byCategory = new Map<string, { attempts: number; failures: number }>();
  const byPlatform = new Map<string, number>();
  let total = 0;
  let failures = 0;
  // A few dozen distinct environments cover thousands of attempts: name each once.
  const named = new Map<string, ReturnType<typeof platformOf>>();
  for (const a of attempts) {
    const key = `${a.os}\u0000${a.browser}`;
    let platform = named.get(key);
    if (!platform) {
      platform = platformOf(a.os, a.browser);
      named.set(key, platform);
    }
    const row = cells.get(a.categoryId) ?? new Map<string, Tally>();
    cells.set(a.categoryId, row);
    const cell = row.get(platform.label) ?? { attempts: 0, failures: 0, os: platform.os, browser: platform.browser };
    row.set(platform.label, cell);
    const cat = byCategory.get(a.categoryId) ?? { attempts: 0, failures: 0 };
    byCategory.set(a.categoryId, cat);
    cell.attempts += 1;
    cat.attempts += 1;
    total += 1;
    byPlatform.set(platform.label, (byPlatform.get(platform.label) ?? 0) + (a.failed ? 1 : 0));
    if (a.failed) {
      cell.failures += 1;
      cat.failures += 1;
      failures += 1;
    }
  }

  const out: FailureCell[] = [];
  for (const [categoryId, row] of cells) {
    const cat = byCategory.get(categoryId) ?? { attempts: 0, failures: 0 };
    for (const [platform, cell] of row) {
      const restAttempts = cat.attempts - cell.attempts;
      const restRate = restAttempts > 0 ? (cat.failures - cell.failures) / restAttempts : 0;
      const rate = cell.attempts > 0 ? cell.failures / cell.attempts : 0;
      const knownIssueIds = coveringIssues(options.knownIssues, categoryId, cell.os, cell.browser);
      const suspicious =
        knownIssueIds.length === 0 &&
        restAttempts >= SUSPICIOUS_MIN_BASELINE &&
        cell.failures >= SUSPICIOUS_MIN_FAILURES &&
        rate >= restRate + SUSPICIOUS_RATE_MARGIN &&
        excessFailures(cell.failures, cell.attempts, restRate) >= SUSPICIOUS_MIN_Z;
      out.push({ categoryId, platform, attempts: cell.attempts, failures: cell.failures, rate, knownIssueIds, suspicious });
    }
  }

  const maxCategories = options.maxCategories ?? 20;
  const suspiciousCategories = new Set(out.filter((c) => c.suspicious).map((c) => c.categoryId));
  const rankedCategories = [...byCategory.entries()]
    .sort(([ida, a], [idb, b]) => Number(suspiciousCategories.has(idb)) - Number(suspiciousCategories.has(ida)) || b.failures - a.failures || b.attempts - a.attempts || ida.localeCompare(idb))
    .slice(0, Math.max(maxCategories, suspiciousCategories.size));
  const shown = new Set(rankedCategories.map(([id]) => id));
  const platforms = [...byPlatform.entries()].sort(([la, a], [lb, b]) => b - a || la.localeCompare(lb)).map(([label]) => label);

  return {
    sinceDays: options.sinceDays,
    platforms,
    categories: rankedCategories.map(([id, t]) => ({ id, name: options.categoryNames.get(id) ?? id, attempts: t.attempts, failures: t.failures })),
    cells: out.filter((c) => shown.has(c.categoryId)).sort((a, b) => a.categoryId.localeCompare(b.categoryId) || a.platform.localeCompare(b.platform)),
    attempts: total,
    failures,
  };
}
