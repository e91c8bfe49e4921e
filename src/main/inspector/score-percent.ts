// An attempt's score as a percent, the way the module's passing score is written. Courses
// report scores in three dialects (SCORM 1.2 raw 0–100 or points, SCORM 2004 and xAPI scaled
// −1…1 with optional raw/min/max), sometimes only in the raw key/values, sometimes as
// strings with spaces; this reads them all the same way.
import type { Attempt } from '../../shared/lms/entities';

export type ScoreFields = Pick<Attempt, 'scoreRaw' | 'scoreMin' | 'scoreMax' | 'scoreScaled'> & {
  /** The raw key/values, read only when the summary fields carry no score at all. */
  cmi?: Attempt['cmi'];
};

export type ScoreSource = 'scaled' | 'raw' | 'none';

export interface ScorePercent {
  /** 0–100; null when the attempt carries no usable score. */
  percent: number | null;
  source: ScoreSource;
  /** Why a score that came back could not be used, or how it was bent into range. */
  note: string | null;
}

/** Where each standard keeps its score in the raw key/values. */
const cmiScoreKeys = [
  { scaled: 'cmi.score.scaled', raw: 'cmi.score.raw', min: 'cmi.score.min', max: 'cmi.score.max' },
  { scaled: 'result.score.scaled', raw: 'result.score.raw', min: 'result.score.min', max: 'result.score.max' },
  { scaled: null, raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max' },
] as const;

/** Floating-point noise (0.57 × 100 = 56.99999999999999) must not fail a learner at exactly 57%. */
function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A cmi value as a number: SCORM sends strings, sometimes " 85 " or "" for "not set". */
function cmiNumber(cmi: Attempt['cmi'], key: string | null): number | null {
  if (key === null) return null;
  const text = cmi[key];
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed === '' || !/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function fromCmi(cmi: Attempt['cmi']): Pick<Attempt, 'scoreRaw' | 'scoreMin' | 'scoreMax' | 'scoreScaled'> | null {
  for (const keys of cmiScoreKeys) {
    const scaled = cmiNumber(cmi, keys.scaled);
    const raw = cmiNumber(cmi, keys.raw);
    if (scaled === null && raw === null) continue;
    return {
      scoreScaled: scaled !== null && scaled >= -1 && scaled <= 1 ? scaled : null,
      scoreRaw: raw,
      scoreMin: cmiNumber(cmi, keys.min),
      scoreMax: cmiNumber(cmi, keys.max),
    };
  }
  return null;
}

function clampPercent(value: number): { percent: number; clamped: boolean } {
  const percent = tidy(Math.min(100, Math.max(0, value)));
  return { percent, clamped: percent !== tidy(value) };
}

/**
 * The score in percent: from `scoreScaled` when present (scaled × 100), else
 * (raw − min) / (max − min) with min 0 and max 100 when the course left them out.
 */
export function scorePercent(fields: ScoreFields): ScorePercent {
  const summaryEmpty = fields.scoreScaled === null && fields.scoreRaw === null;
  const recovered = summaryEmpty && fields.cmi ? fromCmi(fields.cmi) : null;
  const score = recovered ?? fields;

  if (score.scoreScaled !== null) {
    const { percent, clamped } = clampPercent(score.scoreScaled * 100);
    return { percent, source: 'scaled', note: clamped ? `The scaled score ${score.scoreScaled} is below zero; counted as 0%.` : null };
  }
  if (score.scoreRaw === null) return { percent: null, source: 'none', note: null };

  const min = score.scoreMin ?? 0;
  const max = score.scoreMax ?? 100;
  if (max <= min) {
    return { percent: null, source: 'none', note: `The course sent a score of ${score.scoreRaw} on a range of ${min} to ${max}, which cannot be read as a percent.` };
  }
  const { percent, clamped } = clampPercent(((score.scoreRaw - min) * 100) / (max - min));
  return {
    percent,
    source: 'raw',
    note: clamped ? `The raw score ${score.scoreRaw} is outside its range ${min}–${max}; counted as ${percent}%.` : null,
  };
}

/** At exactly the passing score the learner passes. */
export function reachesPassingScore(percent: number, passingScore: number): boolean {
  return percent >= passingScore;
}

export interface ScoredAttempt<A> {
  attempt: A;
  percent: number;
}

/** Later start wins; the id settles attempts started in the same millisecond, so the order they arrive in never matters. */
function isNewer(a: { startedAt: string; id?: string }, b: { startedAt: string; id?: string }): boolean {
  const diff = Date.parse(a.startedAt) - Date.parse(b.startedAt);
  return diff !== 0 ? diff > 0 : (a.id ?? '') > (b.id ?? '');
}

/**
 * The attempt with the highest score; an older passing attempt counts even when later ones
 * failed. On a tie the most recent attempt wins, because its data is the freshest.
 */
export function bestScoredAttempt<A extends ScoreFields & { startedAt: string; id?: string }>(attempts: readonly A[]): ScoredAttempt<A> | null {
  let best: ScoredAttempt<A> | null = null;
  for (const attempt of attempts) {
    const { percent } = scorePercent(attempt);
    if (percent === null) continue;
    if (!best || percent > best.percent || (percent === best.percent && isNewer(attempt, best.attempt))) best = { attempt, percent };
  }
  return best;
}

/** A percent for a reason: 80 → "80%", 87.5 → "87.5%", 79.96 → "79.96%" (never rounded up onto a passing line). */
export function formatPercent(percent: number): string {
  return `${Math.floor(tidy(percent * 100)) / 100}%`;
}
