// Whether an OS or browser named by a known issue ("Safari", "macOS", "Windows 7") is the
// one an attempt or a learner names ("Safari 17.2", "macOS 14.6", "an older Mac"). Names
// compare case-insensitively, word by word; versions compare only as far as both go, so
// "Safari" covers every Safari and "Safari 17" covers 17.2, but "Windows 7" is not
// "Windows 10" and "Edge 109" is not "Edge 131".

/** How learners and user agents spell platforms, mapped to one word each. */
const aliases: readonly (readonly [RegExp, string])[] = [
  [/\b(mac ?os ?x|os ?x|mac ?os|macintosh|macbook( pro| air)?|imac|mac)\b/g, 'macos'],
  [/\b(ipad ?os|ipad)\b/g, 'ipados'],
  [/\b(iphone ?os|iphone)\b/g, 'ios'],
  [/\b(chrome ?os|chromebook)\b/g, 'chromeos'],
  [/\b(microsoft edge|ms ?edge|edg)\b/g, 'edge'],
  [/\b(google chrome)\b/g, 'chrome'],
  [/\b(mozilla firefox)\b/g, 'firefox'],
  [/\b(apple safari|mobile safari)\b/g, 'safari'],
  [/\b(microsoft windows|win)\b/g, 'windows'],
];

const VERSION = /^\d+(\.\d+)*$/;

export interface PlatformName {
  /** Lower-case words before the version, e.g. ["windows"]. */
  words: string[];
  /** Version components, e.g. [17, 2]; empty when none was given. */
  version: number[];
}

export function parsePlatform(text: string): PlatformName | null {
  let normal = text.toLowerCase().replace(/[()[\],;/]+/g, ' ').replace(/\s+/g, ' ').trim();
  for (const [pattern, word] of aliases) normal = normal.replace(pattern, word);
  const tokens = normal.split(' ').filter((t) => t.length > 0);
  const words: string[] = [];
  let version: number[] = [];
  for (const token of tokens) {
    const bare = token.replace(/^v(?=\d)/, '');
    if (VERSION.test(bare)) {
      version = bare.split('.').map(Number);
      break;
    }
    words.push(token);
  }
  return words.length === 0 ? null : { words, version };
}

/** One list begins with the other, element by element. */
function startsTogether<T>(a: readonly T[], b: readonly T[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** `part` occurs in `whole` as a contiguous run. */
function occursIn<T>(part: readonly T[], whole: readonly T[]): boolean {
  for (let start = 0; start + part.length <= whole.length; start += 1) {
    if (part.every((p, i) => whole[start + i] === p)) return true;
  }
  return false;
}

/**
 * True when `named` (a known issue's OS or browser) covers `actual` (an attempt's or a
 * learner's). The issue's words must occur in the actual name ("macos" covers "macos sonoma"
 * and "an older mac"); versions must agree as far as both go.
 */
export function platformCovers(named: string, actual: string | null): boolean {
  if (actual === null) return false;
  const issue = parsePlatform(named);
  const seen = parsePlatform(actual);
  if (!issue || !seen) return false;
  if (!occursIn(issue.words, seen.words)) return false;
  return startsTogether(issue.version, seen.version);
}
