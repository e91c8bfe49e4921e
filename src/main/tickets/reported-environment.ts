// What computer and browser the learner says they used ("on my MacBook in Safari", "the
// older Windows 7 one at the counter"), read from their own messages so a known issue can be
// matched before any attempt data exists. Pure; the inspector's platform matching reads the
// result the same way it reads a user agent.
import type { ReportedEnvironment } from '../../shared/verdict';

const OS_PATTERNS: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/\bwindows\s*(xp|vista|7|8\.1|8|10|11)\b/i, (m) => `Windows ${m[1] ?? ''}`.trim()],
  [/\b(?:mac\s?os|macos|os\s?x)(?:\s+(\d{1,2}(?:\.\d+)?))?/i, (m) => (m[1] ? `macOS ${m[1]}` : 'macOS')],
  [/\b(?:macbook(?:\s(?:pro|air))?|imac|mac)\b/i, () => 'macOS'],
  [/\bipad\b/i, () => 'iPadOS'],
  [/\biphone\b/i, () => 'iOS'],
  [/\bchromebook\b/i, () => 'ChromeOS'],
  [/\bandroid\b/i, () => 'Android'],
  [/\bwindows\b/i, () => 'Windows'],
];

// Capitalised only: "edge" and "chrome" are also words of the trades (a door's edge, chrome trim).
const BROWSER_PATTERNS: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/\b(?:Microsoft Edge|Edge)(?:\s+(\d{2,3}))?\b/, (m) => (m[1] ? `Edge ${m[1]}` : 'Edge')],
  [/\b(?:Google Chrome|Chrome)(?:\s+(\d{2,3}))?\b/, (m) => (m[1] ? `Chrome ${m[1]}` : 'Chrome')],
  [/\bsafari(?:\s+(\d{2}(?:\.\d)?))?\b/i, (m) => (m[1] ? `Safari ${m[1]}` : 'Safari')],
  [/\bfirefox(?:\s+(\d{2,3}))?\b/i, (m) => (m[1] ? `Firefox ${m[1]}` : 'Firefox')],
  [/\b(?:internet explorer|IE\s?11)\b/i, () => 'Internet Explorer'],
];

function firstMatch(text: string, patterns: typeof OS_PATTERNS): string | null {
  let best: { at: number; name: string } | null = null;
  for (const [pattern, name] of patterns) {
    const m = pattern.exec(text);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, name: name(m) };
  }
  return best?.name ?? null;
}

/** The OS and browser the learner named first across their messages; null when they named neither. */
export function reportedEnvironment(learnerTexts: readonly string[]): ReportedEnvironment | null {
  let os: string | null = null;
  let browser: string | null = null;
  for (const text of learnerTexts) {
    os ??= firstMatch(text, OS_PATTERNS);
    browser ??= firstMatch(text, BROWSER_PATTERNS);
    if (os && browser) break;
  }
  return os === null && browser === null ? null : { os, browser };
}
