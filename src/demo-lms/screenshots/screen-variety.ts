// Every choice that makes one screenshot look unlike another (theme, layout, wording, device,
// noise) comes from a generator seeded by the spec itself: the same spec always yields the
// same bytes, and two learners' screenshots differ the way real ones do.
import type { ScreenshotPlan } from './screenshot-spec';

/** FNV-1a over UTF-16 code units: small, stable across platforms, good enough to spread seeds. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export interface Dice {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(options: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: a tiny, well-mixed 32-bit generator; deterministic for a given seed. */
export function diceFromSeed(seed: number): Dice {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(options: readonly T[]): T => {
      const option = options[Math.floor(next() * options.length)];
      if (option === undefined) throw new Error('Cannot pick from an empty list of options.');
      return option;
    },
    chance: (probability) => next() < probability,
  };
}

/** A separate, reproducible stream per purpose, so adding a choice in one place does not reshuffle the rest. */
export function diceFor(plan: ScreenshotPlan, purpose: string): Dice {
  const fingerprint = [
    purpose,
    plan.kind,
    plan.learnerName,
    plan.courseName,
    plan.moduleName,
    plan.score ?? 'none',
    plan.passingScore,
    plan.takenAt.toISOString(),
    plan.format,
    plan.width,
    plan.height,
  ].join('\u0000');
  return diceFromSeed(fnv1a(fingerprint));
}
