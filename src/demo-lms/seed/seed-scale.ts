// How much demo data each scale makes. "small" is what Passdesk starts on by default and
// every integration test seeds, so it must be ready in seconds; "large" is for benchmarks.
export type SeedScale = 'small' | 'large';

export interface SeedCounts {
  categories: number;
  courses: number;
  modules: number;
  workplaces: number;
  learners: number;
  enrollments: number;
  attempts: number;
  tickets: number;
  knownIssues: number;
  /** Distinct screenshots rendered; each costs milliseconds, so they are few and some are reused. */
  screenshots: number;
  reusedScreenshots: number;
}

export const seedCounts: Record<SeedScale, SeedCounts> = {
  small: {
    categories: 20,
    courses: 200,
    modules: 800,
    workplaces: 150,
    learners: 2_000,
    enrollments: 20_000,
    attempts: 30_000,
    tickets: 500,
    knownIssues: 6,
    screenshots: 18,
    reusedScreenshots: 4,
  },
  large: {
    categories: 200,
    courses: 5_000,
    modules: 20_000,
    workplaces: 5_000,
    learners: 100_000,
    enrollments: 1_000_000,
    attempts: 1_000_000,
    tickets: 50_000,
    knownIssues: 24,
    screenshots: 60,
    reusedScreenshots: 12,
  },
};

/** The demo data's "now": fixed, so the same seed gives the same data whatever day it runs. */
export const SEED_NOW = Date.parse('2026-11-30T17:00:00.000Z');
export const DAY_MS = 86_400_000;

export function isoAt(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}
