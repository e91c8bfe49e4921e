// The course catalog: supplier and manufacturer categories, their courses and modules,
// and the LMS's list of known incompatibilities (a manufacturer's courses on an OS/browser).
import type { Category, Course, KnownIssue, Module, Standard } from '../../shared/lms/entities';
import type { SeededRandom } from './seeded-random';
import { DAY_MS, SEED_NOW, isoAt, type SeedCounts } from './seed-scale';
import { brandRoots, coursePatterns, trades, type Trade } from './vocabulary';

export interface SeedCategory {
  record: Category;
  brand: string;
  trade: Trade;
  courseIndexes: number[];
}

export interface SeedCourse {
  record: Course;
  categoryIndex: number;
  productLine: string;
  standard: Standard;
  /** The course's score scale; most use 0–100, some count points (e.g. 18 of 20). */
  scoreMax: number;
  moduleIndexes: number[];
}

export interface SeedModule {
  record: Module;
  courseIndex: number;
  /** 1-based, as learners say it: "module 2". */
  number: number;
  topic: string;
}

export interface SeedKnownIssue {
  record: KnownIssue;
  /** Lower-case prefixes an attempt's environment must start with (null = any). */
  osPrefix: string | null;
  browserPrefix: string | null;
  /** What learners on it experience: the score shows but completion never arrives, or nothing comes back. */
  symptom: 'completion_lost' | 'no_data';
}

export interface SeedCatalog {
  categories: SeedCategory[];
  courses: SeedCourse[];
  modules: SeedModule[];
  knownIssues: SeedKnownIssue[];
  /** Known issues by category index, for matching an attempt's environment quickly. */
  knownIssuesByCategory: Map<number, SeedKnownIssue[]>;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Spreads `total` over `slots` so each gets floor or ceil of the average, in random order. */
function spread(random: SeededRandom, total: number, slots: number, min: number, max: number): number[] {
  const counts = Array.from({ length: slots }, () => random.weighted<number>([[1, 8], [2, 10], [3, 20], [4, 27], [5, 16], [6, 11], [7, 8]]));
  const clamp = (n: number) => Math.max(min, Math.min(max, n));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = random.int(0, slots - 1);
    const next = clamp((counts[i] ?? min) + (sum < total ? 1 : -1));
    sum += next - (counts[i] ?? min);
    counts[i] = next;
  }
  return counts;
}

function chooseTopics(trade: Trade, count: number, random: SeededRandom): string[] {
  if (count === 1) return ['Complete Course'];
  const final = trade.moduleTopics[trade.moduleTopics.length - 1] ?? 'Final Assessment';
  const body = trade.moduleTopics.slice(0, -1);
  const wantFinal = count >= 3 && random.chance(0.7);
  const picked = random
    .sample(body.map((t, i) => [t, i] as const), Math.min(body.length, wantFinal ? count - 1 : count))
    .sort((a, b) => a[1] - b[1])
    .map(([t]) => t);
  if (wantFinal) picked.push(final);
  while (picked.length < count) picked.push(`Practice Scenario ${picked.length - body.length + 1}`);
  return picked;
}

const knownIssueTemplates: readonly ((category: SeedCategory, course: SeedCourse) => Omit<SeedKnownIssue, 'record'> & { courseScoped: boolean; description: string; os: string | null; browser: string | null })[] = [
  (category) => ({
    courseScoped: false, os: 'macOS', browser: 'Safari', osPrefix: 'macos', browserPrefix: 'safari', symptom: 'completion_lost',
    description: `${category.record.name} courses finish normally in Safari on macOS, but the completion never reaches the LMS: Safari's cross-site tracking prevention blocks the course player's session, so LMSFinish runs with nothing to save. The score screen still shows. Ask affected learners for a screenshot of their passing score; the supplier is working on a new player.`,
  }),
  (category) => ({
    courseScoped: false, os: 'Windows 7', browser: 'Edge', osPrefix: 'windows 7', browserPrefix: 'edge', symptom: 'no_data',
    description: `${category.record.name} courses published with the 2024 course player do not load their tracking script on Edge 109, the last Edge release for Windows 7. The course plays, but no data comes back at all and the module stays "in progress". Workplaces still on Windows 7 cannot easily upgrade; pass on a screenshot of the passing score.`,
  }),
  (category, course) => ({
    courseScoped: true, os: 'iPadOS', browser: 'Safari', osPrefix: 'ipados', browserPrefix: 'safari', symptom: 'completion_lost',
    description: `The video in "${course.record.name}" (${category.record.name}) never reports as watched on iPad, so the module cannot complete there even after the quiz is passed.`,
  }),
  (category, course) => ({
    courseScoped: true, os: null, browser: 'Firefox', osPrefix: null, browserPrefix: 'firefox', symptom: 'completion_lost',
    description: `"${course.record.name}" (SCORM 1.2) writes more suspend data than SCORM 1.2 allows (4,096 characters) when resumed in Firefox; LMSSetValue fails with error 405 and the completion after that is lost.`,
  }),
  (category) => ({
    courseScoped: false, os: 'iOS', browser: 'Safari', osPrefix: 'ios', browserPrefix: 'safari', symptom: 'no_data',
    description: `${category.record.name} courses are not supported on iPhone: the course player opens in a pop-up that iOS Safari blocks, and nothing is recorded. Learners should use a computer or tablet.`,
  }),
  (category, course) => ({
    courseScoped: true, os: 'Windows 11', browser: 'Edge', osPrefix: 'windows 11', browserPrefix: 'edge', symptom: 'completion_lost',
    description: `The last module of "${course.record.name}" hangs at "Saving your progress…" on Edge with enhanced security mode turned on; LMSCommit returns false and the completion is lost.`,
  }),
];

export function generateCatalog(random: SeededRandom, counts: SeedCounts): SeedCatalog {
  const combos = random.shuffle(brandRoots.flatMap((brand) => trades.map((trade) => ({ brand, trade }))));
  const categories: SeedCategory[] = [];
  const usedBrands = new Set<string>();
  // Prefer a brand per category and every trade represented before any brand repeats.
  for (let round = 0; categories.length < counts.categories && round < 2; round += 1) {
    for (const combo of combos) {
      if (categories.length >= counts.categories) break;
      if (round === 0 && usedBrands.has(combo.brand)) continue;
      if (round === 0 && categories.filter((c) => c.trade === combo.trade).length >= Math.ceil(counts.categories / trades.length)) continue;
      if (categories.some((c) => c.brand === combo.brand && c.trade === combo.trade)) continue;
      usedBrands.add(combo.brand);
      categories.push({ record: { id: `cat_${pad(categories.length + 1, 4)}`, name: `${combo.brand} ${combo.trade.suffix}` }, brand: combo.brand, trade: combo.trade, courseIndexes: [] });
    }
  }

  const coursesPerCategory = spread(random, counts.courses, categories.length, 1, Math.ceil((counts.courses / categories.length) * 2));
  const courses: SeedCourse[] = [];
  categories.forEach((category, categoryIndex) => {
    const names = new Set<string>();
    const lines = random.shuffle(category.trade.productLines);
    const want = coursesPerCategory[categoryIndex] ?? 0;
    for (let attempt = 0; names.size < want; attempt += 1) {
      const line = lines[attempt % lines.length] ?? 'Product Training';
      const round = Math.floor(attempt / lines.length);
      const pattern = round === 0 ? '{line}' : random.pick(coursePatterns);
      const name = pattern.replace('{line}', line).replace('{brand}', category.brand);
      if (names.has(name) && round < 40) continue;
      const unique = names.has(name) ? `${name} (${round})` : name;
      names.add(unique);
      category.courseIndexes.push(courses.length);
      courses.push({
        record: {
          id: `crs_${pad(courses.length + 1, 5)}`,
          categoryId: category.record.id,
          name: unique,
          blueBucks: random.weighted([[0, 35], [5, 10], [10, 20], [15, 10], [25, 15], [50, 7], [100, 3]]),
        },
        categoryIndex,
        productLine: line,
        standard: random.weighted<Standard>([['scorm12', 55], ['scorm2004', 35], ['xapi', 10]]),
        scoreMax: random.weighted([[100, 85], [20, 7], [10, 4], [50, 4]]),
        moduleIndexes: [],
      });
    }
  });

  const modulesPerCourse = spread(random, counts.modules, courses.length, 1, 8);
  const modules: SeedModule[] = [];
  courses.forEach((course, courseIndex) => {
    const category = categories[course.categoryIndex] as SeedCategory;
    const passingScore = random.weighted([[70, 25], [75, 20], [80, 40], [85, 10], [90, 5]]);
    chooseTopics(category.trade, modulesPerCourse[courseIndex] ?? 1, random).forEach((topic, i) => {
      course.moduleIndexes.push(modules.length);
      modules.push({
        record: { id: `mod_${pad(modules.length + 1, 6)}`, courseId: course.record.id, name: `Module ${i + 1}: ${topic}`, passingScore },
        courseIndex,
        number: i + 1,
        topic,
      });
    });
  });

  const knownIssues: SeedKnownIssue[] = [];
  const knownIssuesByCategory = new Map<number, SeedKnownIssue[]>();
  const issueCategories = random.sample(categories.map((_, i) => i), Math.min(categories.length, counts.knownIssues));
  issueCategories.forEach((categoryIndex, n) => {
    const category = categories[categoryIndex] as SeedCategory;
    const course = courses[random.pick(category.courseIndexes)] as SeedCourse;
    const template = knownIssueTemplates[n % knownIssueTemplates.length];
    if (!template) return;
    const made = template(category, course);
    const since = SEED_NOW - random.int(60, 500) * DAY_MS;
    // One in six has since been fixed: the list is history as well as the present.
    const until = n % 6 === 5 ? since + random.int(20, 50) * DAY_MS : null;
    const issue: SeedKnownIssue = {
      record: {
        id: `ki_${pad(n + 1, 3)}`,
        categoryId: category.record.id,
        courseId: made.courseScoped ? course.record.id : null,
        os: made.os,
        browser: made.browser,
        description: made.description,
        since: isoAt(since),
        until: until === null ? null : isoAt(until),
      },
      osPrefix: made.osPrefix,
      browserPrefix: made.browserPrefix,
      symptom: made.symptom,
    };
    knownIssues.push(issue);
    knownIssuesByCategory.set(categoryIndex, [...(knownIssuesByCategory.get(categoryIndex) ?? []), issue]);
  });

  return { categories, courses, modules, knownIssues, knownIssuesByCategory };
}

/** The known issue (if any) that explains trouble on this course in this environment at this time. */
export function matchingKnownIssue(catalog: SeedCatalog, courseIndex: number, os: string, browser: string, atMs: number): SeedKnownIssue | null {
  const course = catalog.courses[courseIndex];
  if (!course) return null;
  const candidates = catalog.knownIssuesByCategory.get(course.categoryIndex);
  if (!candidates) return null;
  const osLower = os.toLowerCase();
  const browserLower = browser.toLowerCase();
  for (const issue of candidates) {
    if (issue.record.courseId !== null && issue.record.courseId !== course.record.id) continue;
    if (issue.osPrefix !== null && !osLower.startsWith(issue.osPrefix)) continue;
    if (issue.browserPrefix !== null && !browserLower.startsWith(issue.browserPrefix)) continue;
    if (atMs < Date.parse(issue.record.since)) continue;
    if (issue.record.until !== null && atMs > Date.parse(issue.record.until)) continue;
    return issue;
  }
  return null;
}
