// The link suggestion reads course and module names the way learners write them. The
// learners' ways of writing come from the demo LMS's own wording (partial names, typos,
// "module 2", "the final test"), over a catalog generated the way the demo LMS makes one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCatalog, type SeedCatalog } from '../../../src/demo-lms/seed/catalog';
import { courseAsWritten, moduleAsWritten } from '../../../src/demo-lms/seed/learner-wording';
import { SeededRandom } from '../../../src/demo-lms/seed/seeded-random';
import { seedCounts } from '../../../src/demo-lms/seed/seed-scale';
import {
  buildLinkCatalog,
  guessLink,
  moduleMentions,
  namingWords,
  typoDistance,
  wordSimilarity,
  type CourseCandidate,
} from '../../../src/main/tickets/link-suggestion';

const seedCatalog: SeedCatalog = generateCatalog(new SeededRandom(7, 'catalog'), seedCounts.small);
const allCourses: CourseCandidate[] = seedCatalog.courses.map((c) => ({
  id: c.record.id,
  name: c.record.name,
  modules: c.moduleIndexes.map((i) => seedCatalog.modules[i]!.record),
}));

interface Case {
  text: string;
  courseId: string;
  moduleId: string;
  written: string;
  /** The learner's course words, before any module wording. */
  courseWords: string;
  enrolled: CourseCandidate[];
}

/** A learner enrolled in a handful of courses writes about one module of one of them. */
function learnerCase(seed: number): Case {
  const random = new SeededRandom(seed, 'learner');
  const enrolled = random.sample(allCourses, 8);
  const course = enrolled[random.int(0, enrolled.length - 1)]!;
  const seedCourse = seedCatalog.courses.find((c) => c.record.id === course.id)!;
  const moduleIndex = seedCourse.moduleIndexes[random.int(0, seedCourse.moduleIndexes.length - 1)]!;
  const module = seedCatalog.modules[moduleIndex]!;
  const courseWords = courseAsWritten(random, course.name);
  const moduleWordsText = moduleAsWritten(random, module.number, module.record.name, module.topic);
  const template = random.pick([
    `I finished the ${courseWords} course ${moduleWordsText} and it still says incomplete, I got 88%`,
    `${courseWords} - ${moduleWordsText} wont mark complete. passed with 91. tried twice`,
    `Hi,\n\nMy score was 85 on ${courseWords} ${moduleWordsText} but the course didnt register as completed.\n\nThanks,\nDana`,
  ]);
  return { text: template, courseId: course.id, moduleId: module.record.id, written: moduleWordsText, courseWords, enrolled };
}

/** The learner's words fit the guessed course as well as the right one: no reader could tell them apart. */
function equallyFits(courseWords: string, guessedCourseId: string): boolean {
  const guessed = allCourses.find((c) => c.id === guessedCourseId)!;
  const words = namingWords(courseWords);
  return words.length > 0 && words.every((w) => namingWords(guessed.name).some((n) => wordSimilarity(w, n) > 0));
}

describe('guessLink on what learners write', () => {
  it('always offers the learner’s course among its guesses, and the module they named when it ranks it first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const c = learnerCase(seed);
        const enrolledIds = new Set(c.enrolled.flatMap((course) => course.modules.map((m) => m.id)));
        const guesses = guessLink(c.text, buildLinkCatalog(c.enrolled), enrolledIds);
        expect(guesses.map((g) => g.courseId), `no right guess for: ${c.text}`).toContain(c.courseId);
        const [top] = guesses;
        if (top?.courseId === c.courseId) expect(top.moduleId, `module for “${c.written}” in: ${c.text}`).toBe(c.moduleId);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks the learner’s course first for nearly every message, or one their words fit just as well', () => {
    let right = 0;
    const runs = 500;
    for (let seed = 1; seed <= runs; seed += 1) {
      const c = learnerCase(seed);
      const enrolledIds = new Set(c.enrolled.flatMap((course) => course.modules.map((m) => m.id)));
      const [top] = guessLink(c.text, buildLinkCatalog(c.enrolled), enrolledIds);
      if (top && (top.courseId === c.courseId || equallyFits(c.courseWords, top.courseId))) right += 1;
    }
    expect(right / runs).toBeGreaterThan(0.95);
  });

  it('finds the right course in the whole catalog for most messages when the learner is not known', () => {
    const catalog = buildLinkCatalog(allCourses);
    let right = 0;
    const runs = 300;
    for (let seed = 1; seed <= runs; seed += 1) {
      const c = learnerCase(seed);
      const [top] = guessLink(c.text, catalog);
      if (top && (top.courseId === c.courseId || equallyFits(c.courseWords, top.courseId))) right += 1;
    }
    // Partial names ("door closers") fit many of 200 courses; the agent confirms. Most must still land.
    expect(right / runs).toBeGreaterThan(0.8);
  });

  it('ignores case and punctuation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const c = learnerCase(seed);
        const catalog = buildLinkCatalog(c.enrolled);
        const shouted = c.text.toUpperCase().replace(/[.,:!-]/g, ' ');
        const strip = (g: ReturnType<typeof guessLink>) => g.map((x) => [x.courseId, x.moduleId]);
        expect(strip(guessLink(shouted, catalog))).toEqual(strip(guessLink(c.text, catalog)));
      }),
      { numRuns: 100 },
    );
  });

  it('suggests nothing for messages that name no course', () => {
    const catalog = buildLinkCatalog(allCourses);
    const vocabulary = [...new Set(allCourses.flatMap((c) => namingWords(c.name)))];
    const chatter = ['hello', 'any', 'update', 'on', 'this', 'please', 'thanks', 'my', 'password', 'reset', 'email', 'never', 'comes', 'forgot', 'account', 'name', 'spelled', 'wrong', 'boss', 'friday'];
    const harmless = chatter.filter((w) => vocabulary.every((v) => wordSimilarity(w, v) === 0));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...harmless), { minLength: 1, maxLength: 30 }), (words) => {
        expect(guessLink(words.join(' '), catalog)).toEqual([]);
      }),
    );
  });

  it('reads a bare "module 2" as the one enrolled course that has a module 2, and only then', () => {
    const course = allCourses.find((c) => c.modules.length >= 3)!;
    const only = buildLinkCatalog([course]);
    const enrolled = new Set(course.modules.map((m) => m.id));
    expect(guessLink('it says incomplete for module 2', only, enrolled)[0]?.moduleId).toBe(course.modules.find((m) => m.name.startsWith('Module 2:'))?.id);
    const other = allCourses.find((c) => c.id !== course.id && c.modules.length >= 3)!;
    const two = buildLinkCatalog([course, other]);
    const both = new Set([...course.modules, ...other.modules].map((m) => m.id));
    expect(guessLink('it says incomplete for module 2', two, both)).toEqual([]);
  });
});

describe('the words underneath', () => {
  it('typoDistance is symmetric, zero only for equal words, and one for each slip learners make', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 5, maxLength: 12 }), fc.string({ unit: fc.constantFrom(...'abcdefghij'), maxLength: 12 }), (a, b) => {
        expect(typoDistance(a, b, 3)).toBe(typoDistance(b, a, 3));
        expect(typoDistance(a, a)).toBe(0);
        const i = 2;
        expect(typoDistance(a, a.slice(0, i) + a.slice(i + 1))).toBe(1);
        expect(typoDistance(a, a.slice(0, i) + a.charAt(i + 1) + a.charAt(i) + a.slice(i + 2))).toBeLessThanOrEqual(1);
        expect(typoDistance(a, a.slice(0, i) + a.charAt(i) + a.slice(i))).toBe(1);
      }),
    );
  });

  it('finds "module 2", "Mod 2", "part #2" and "the final test"', () => {
    expect(moduleMentions('I did module 2 yesterday').map((m) => m.number)).toEqual([2]);
    expect(moduleMentions('Mod 3 wont finish').map((m) => m.number)).toEqual([3]);
    expect(moduleMentions('part #4 of it').map((m) => m.number)).toEqual([4]);
    expect(moduleMentions('the final test froze')).toEqual([expect.objectContaining({ final: true, number: null })]);
    expect(moduleMentions('I passed with 88%')).toEqual([]);
  });
});
