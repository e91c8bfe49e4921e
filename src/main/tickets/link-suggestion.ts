// Which course and module a learner's e-mail is about, read the way learners write them:
// part of the course name ("the door closers course"), a slip of the keyboard ("hardwre"),
// lower case without punctuation, and the module as "module 2", "mod 2", "part 2", "the
// final test" or its topic. Pure: the catalog comes in, ranked guesses come out; the agent
// confirms or corrects them.
import { foldWord } from './search-terms';

export interface ModuleCandidate {
  id: string;
  name: string;
}

export interface CourseCandidate {
  id: string;
  name: string;
  modules: readonly ModuleCandidate[];
}

/** Words too common in course names or e-mails to say which course is meant. */
const NOT_NAMING = new Set([
  'a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'with', 'my', 'i', 'it', 'is', 'at', 'by',
  'course', 'courses', 'module', 'modules', 'mod', 'part', 'lesson', 'unit', 'training', 'test', 'quiz', 'class',
  // What learners say about a course, never what they call it: a slip away from "Finishes" or "Passes".
  'finished', 'finish', 'completed', 'complete', 'completing', 'incomplete', 'passed', 'pass', 'passing', 'started', 'start',
  'says', 'said', 'still', 'shows', 'showing', 'tried', 'trying', 'took', 'taking', 'done', 'working', 'works', 'score', 'scored',
]);

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const found of text.matchAll(WORD)) {
    const word = foldWord(found[0]);
    if (word.length > 0) out.push({ word, start: found.index, end: found.index + found[0].length });
  }
  return out;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early past `max`. */
export function typoDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0] as number[];
  for (let j = 0; j <= b.length; j += 1) first[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return Math.min(max + 1, (rows[a.length] as number[])[b.length] as number);
}

/** How much a word the learner wrote (0–1) stands for a word of a name. */
export function wordSimilarity(written: string, name: string): number {
  if (written === name) return 1;
  if (name.length >= 4 && written.length >= 4) {
    // "hardwre" for "hardware", "dorr" for "door": one slip in a word of four letters or more.
    const distance = typoDistance(written, name, 2);
    if (distance === 1) return 0.85;
    if (distance === 2 && name.length >= 8) return 0.7;
    // A word cut short: "hardw", "install".
    if (written.length >= 5 && name.startsWith(written)) return 0.6;
  }
  // Plurals and the like: "closer" for "closers".
  if (written.length >= 4 && (name === `${written}s` || written === `${name}s`)) return 0.9;
  return 0;
}

interface IndexedCourse {
  course: CourseCandidate;
  words: string[];
  modules: { module: ModuleCandidate; number: number | null; topicWords: string[]; final: boolean }[];
}

export interface LinkCatalog {
  courses: IndexedCourse[];
  /** For each naming word of any course: how much it says (rarer = more). */
  weight: Map<string, number>;
  /** Naming word → the courses whose name has it. */
  byWord: Map<string, number[]>;
}

const MODULE_NUMBER = /^\s*module\s+(\d{1,3})\b/i;

export function namingWords(name: string): string[] {
  const bare = name.replace(/\s*\(\d+\)\s*$/, '');
  return [...new Set(tokens(bare).map((t) => t.word).filter((w) => !NOT_NAMING.has(w)))];
}

export function buildLinkCatalog(courses: readonly CourseCandidate[]): LinkCatalog {
  const byWord = new Map<string, number[]>();
  const indexed = courses.map((course, index) => {
    const words = namingWords(course.name);
    for (const w of words) byWord.set(w, [...(byWord.get(w) ?? []), index]);
    const modules = course.modules.map((module) => {
      const number = MODULE_NUMBER.exec(module.name)?.[1];
      const topic = module.name.includes(':') ? module.name.slice(module.name.indexOf(':') + 1) : module.name;
      const topicWords = namingWords(topic);
      return { module, number: number === undefined ? null : Number(number), topicWords, final: /\b(final|assessment|exam)\b/i.test(topic) };
    });
    return { course, words, modules };
  });
  const weight = new Map<string, number>();
  for (const [w, list] of byWord) weight.set(w, Math.log(1 + (courses.length + 1) / list.length));
  return { courses: indexed, weight, byWord };
}

export interface ModuleMention {
  number: number | null;
  final: boolean;
  /** Where the mention is, to quote it. */
  start: number;
  end: number;
}

const NUMBERED = /\b(?:module|mod|part|lesson|unit|section|chapter)\s*(?:#|no\.?|number)?\s*(\d{1,3})\b/giu;
const FINAL = /\b(?:final|last)\s+(?:test|quiz|exam|assessment|module)\b|\bassessment\b/giu;

/** "module 2", "Mod 2", "part #2", "the final test". The first wins: learners name the problem first. */
export function moduleMentions(text: string): ModuleMention[] {
  const found: ModuleMention[] = [];
  for (const m of text.matchAll(NUMBERED)) found.push({ number: Number(m[1]), final: false, start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(FINAL)) found.push({ number: null, final: true, start: m.index, end: m.index + m[0].length });
  return found.sort((a, b) => a.start - b.start);
}

export interface LinkGuess {
  courseId: string;
  moduleId: string | null;
  /** 0–1. */
  confidence: number;
  /** The learner's own words the guess rests on. */
  quote: string;
}

interface ModuleHit {
  id: string;
  start: number;
  end: number;
  /** Found by its topic's words rather than by "module 2". */
  byTopic: boolean;
}

interface CourseScore {
  index: number;
  score: number;
  coverage: number;
  first: number;
  last: number;
  enrolled: boolean;
  module: ModuleHit | null;
}

const MIN_MATCHED_WEIGHT = 0.5;

function quoteOf(text: string, start: number, end: number): string {
  const raw = text.slice(start, end).replace(/\s+/gu, ' ').trim();
  return raw.length > 90 ? `${raw.slice(0, 88)}…` : raw;
}

/**
 * The module the text names within one course: "module 2" or "the final test" first, then the
 * course's only module, else the topic written out — with at least one of its words not
 * already part of the course's name, so "the Waterproofing Membranes course" does not also
 * pick the "Waterproofing" module.
 */
function moduleFor(entry: IndexedCourse, text: string, written: readonly Token[], mentions: readonly ModuleMention[], usedForCourse: ReadonlySet<number>): ModuleHit | null {
  for (const mention of mentions) {
    const hit = mention.number !== null ? entry.modules.find((m) => m.number === mention.number) : entry.modules.filter((m) => m.final).at(-1);
    if (hit) return { id: hit.module.id, start: mention.start, end: mention.end, byTopic: false };
  }
  // A course with one module: naming the course names the module.
  const only = entry.modules.length === 1 ? entry.modules[0] : undefined;
  if (only) return { id: only.module.id, start: text.length, end: 0, byTopic: false };
  // "the field adjustments module": most of a topic's words, in the learner's spelling, and at
  // least one of them not already part of the course's name.
  let best: (ModuleHit & { share: number; hits: number }) | null = null;
  for (const m of entry.modules) {
    if (m.topicWords.length === 0) continue;
    let hits = 0;
    let freeHits = 0;
    let start = text.length;
    let end = 0;
    for (const w of m.topicWords) {
      const t = written.find((tok) => !usedForCourse.has(tok.start) && wordSimilarity(tok.word, w) >= 0.85) ?? written.find((tok) => wordSimilarity(tok.word, w) >= 0.85);
      if (t) {
        hits += 1;
        if (!usedForCourse.has(t.start)) freeHits += 1;
        start = Math.min(start, t.start);
        end = Math.max(end, t.end);
      }
    }
    const share = hits / m.topicWords.length;
    if (share >= 0.66 && freeHits > 0 && (best === null || hits > best.hits || (hits === best.hits && share > best.share))) best = { id: m.module.id, share, hits, start, end, byTopic: true };
  }
  return best;
}

/**
 * The courses (and modules) the text most likely means, best first. `enrolled` holds the
 * learner's module ids: among equals, a course the learner is enrolled in wins, and a bare
 * "module 2" with no course named can still point at the one enrolled course that has it.
 */
export function guessLink(text: string, catalog: LinkCatalog, enrolled: ReadonlySet<string> = new Set(), limit = 3): LinkGuess[] {
  const naming = tokens(text).filter((t) => !NOT_NAMING.has(t.word));
  const mentions = moduleMentions(text);
  const perCourse = new Map<number, Map<string, { sim: number; token: Token }>>();
  // Compare each written word with each distinct naming word once, then spread to courses.
  for (const [nameWord, courseIndexes] of catalog.byWord) {
    for (const t of naming) {
      const sim = wordSimilarity(t.word, nameWord);
      if (sim === 0) continue;
      for (const index of courseIndexes) {
        const seen = perCourse.get(index) ?? new Map<string, { sim: number; token: Token }>();
        const before = seen.get(nameWord);
        if (!before || before.sim < sim) seen.set(nameWord, { sim, token: t });
        perCourse.set(index, seen);
      }
    }
  }
  const written = tokens(text);
  const scores: CourseScore[] = [];
  for (const [index, seen] of perCourse) {
    const entry = catalog.courses[index];
    if (!entry) continue;
    let matched = 0;
    let total = 0;
    let first = text.length;
    let last = 0;
    for (const w of entry.words) total += catalog.weight.get(w) ?? 0;
    const used = new Set<number>();
    for (const [w, { sim, token }] of seen) {
      matched += (catalog.weight.get(w) ?? 0) * sim;
      first = Math.min(first, token.start);
      last = Math.max(last, token.end);
      used.add(token.start);
    }
    if (matched < MIN_MATCHED_WEIGHT) continue;
    const coverage = total === 0 ? 0 : matched / total;
    // A module's topic written out ("the ventilation requirements module") names the course as surely as its title.
    const module = moduleFor(entry, text, written, mentions, used);
    const topicBonus = module?.byTopic ? matched * 0.5 : 0;
    const isEnrolled = entry.modules.some((m) => enrolled.has(m.module.id));
    scores.push({ index, score: matched * (0.5 + 0.5 * Math.min(1, coverage)) + topicBonus + (isEnrolled ? 0.05 : 0), coverage, first, last, enrolled: isEnrolled, module });
  }
  scores.sort((a, b) => b.score - a.score || b.coverage - a.coverage || Number(b.enrolled) - Number(a.enrolled) || a.index - b.index);

  const guesses: LinkGuess[] = [];
  const top = scores[0];
  for (const s of scores.slice(0, limit)) {
    const entry = catalog.courses[s.index] as IndexedCourse;
    const module = s.module;
    const start = Math.min(s.first, module?.start ?? s.first);
    const end = Math.max(s.last, module?.end ?? s.last);
    // Sure when the name is well covered and no other course scored as high.
    const runnerUp = scores.find((o) => o !== s && o.index !== s.index);
    const margin = runnerUp && top === s ? Math.min(1, (s.score - runnerUp.score) / Math.max(s.score, 0.001)) : top === s ? 1 : 0;
    const confidence = Math.max(0, Math.min(1, 0.55 * Math.min(1, s.coverage) + 0.3 * margin + (module ? 0.15 : 0)));
    guesses.push({ courseId: entry.course.id, moduleId: module?.id ?? null, confidence: Math.round(confidence * 100) / 100, quote: quoteOf(text, start, end) });
  }
  if (guesses.length > 0 || mentions.length === 0) return guesses;

  // No course named, but "module 2": the one enrolled course with such a module, if only one.
  const candidates = catalog.courses.flatMap((entry) => {
    const enrolledHere = entry.modules.filter((m) => enrolled.has(m.module.id));
    const hit = mentions
      .map((mention) => ({ mention, module: enrolledHere.find((m) => (mention.number !== null ? m.number === mention.number : m.final)) }))
      .find((h) => h.module !== undefined);
    return hit?.module ? [{ entry, module: hit.module, mention: hit.mention }] : [];
  });
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (!only) return [];
  return [{ courseId: only.entry.course.id, moduleId: only.module.module.id, confidence: 0.35, quote: quoteOf(text, only.mention.start, only.mention.end) }];
}
