// The demo LMS's own screenshots with the truth behind each: the seed is run (default seed 1,
// small scale — what Passdesk starts on) with a renderer that records every screenshot it is
// asked for, so the score each picture shows is known exactly.
import BetterSqlite3 from 'better-sqlite3';
import { renderScreenshot } from '../../src/demo-lms/screenshots/render-screenshot';
import { seedDemoLms } from '../../src/demo-lms/seed/seed-demo-lms';
import type { ScreenshotRequest } from '../../src/demo-lms/seed/tickets';
import { createTables } from '../../src/demo-lms/store/schema';

export interface KnownScreenshot {
  request: ScreenshotRequest;
  bytes: Buffer;
  contentType: string;
}

export function demoScreenshots(seed = 1): KnownScreenshot[] {
  const db = new BetterSqlite3(':memory:');
  db.exec(createTables);
  const drawn: KnownScreenshot[] = [];
  seedDemoLms(db, {
    scale: 'small',
    seed,
    log: () => undefined,
    render: (request) => {
      const made = renderScreenshot(request);
      drawn.push({ request, bytes: made.bytes, contentType: made.contentType });
      return made;
    },
  });
  db.close();
  return drawn;
}

const COURSES = [
  ['Solar Racking Basics', 'Module 2: Installation and Code Compliance'],
  ['Impact-Rated Windows', 'Module 1: Measuring and Ordering'],
  ['Fire-Rated Door Hardware', 'Module 3: Inspection and Labels'],
  ['Heat Pump Commissioning', 'Module 4: Refrigerant Charging'],
  ['Roofing Underlayment Systems', 'Module 1: Product Selection'],
  ['Commercial Fire Doors', 'Module 2: Hardware Requirements'],
] as const;
const NAMES = ['Rebecca McAllister', 'Ana Lopez', 'Bo Chen', 'Priya Natarajan', 'Tomasz Wójcik', 'Grace O’Neill'];

/**
 * A wider set than the seed draws: every kind with a score (passing, failing, phone photos),
 * PNG and JPEG, scores across the range, six courses — deterministic, so runs compare.
 */
export function variedScreenshots(count = 36): KnownScreenshot[] {
  const shots: KnownScreenshot[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = (['passing', 'failing', 'phone_photo'] as const)[i % 3] ?? 'passing';
    const passingScore = [70, 75, 80, 85][i % 4] ?? 80;
    const score = kind === 'failing' ? Math.max(0, passingScore - 1 - ((i * 7) % 40)) : Math.min(100, passingScore + ((i * 5) % (101 - passingScore)));
    const [courseName, moduleName] = COURSES[i % COURSES.length] ?? COURSES[0];
    const request: ScreenshotRequest = {
      kind,
      learnerName: NAMES[i % NAMES.length] ?? 'Ana Lopez',
      courseName,
      moduleName,
      score,
      passingScore,
      takenAt: new Date(Date.UTC(2026, i % 12, 1 + (i % 27), 8 + (i % 10), (i * 13) % 60)),
      format: i % 2 === 0 ? 'png' : 'jpeg',
    };
    const made = renderScreenshot(request);
    shots.push({ request, bytes: made.bytes, contentType: made.contentType });
  }
  return shots;
}
