// Fills a fresh demo LMS database: the same --seed always gives the same records. Runs in
// one transaction with prepared statements; the caller builds the indexes afterwards.
import type { Database } from 'better-sqlite3';
import type { EntityName, EntityRecord } from '../../shared/lms/entities';
import { renderScreenshot } from '../screenshots/render-screenshot';
import { BlobStore } from '../store/blob-store';
import { indexColumnsOf } from '../store/record-store';
import { generateCatalog } from './catalog';
import { generateEnrollmentsAndAttempts } from './enrollments-and-attempts';
import { agents, generateLearners, generateWorkplaces } from './people';
import type { SeedSink } from './seed-sink';
import { SeededRandom } from './seeded-random';
import { seedCounts, type SeedScale } from './seed-scale';
import { generateTickets, type RenderScreenshot } from './tickets';

export type { SeedScale } from './seed-scale';

export interface SeedOptions {
  scale: SeedScale;
  seed: number;
  log: (line: string) => void;
  /** Tests may pass their own; the demo LMS draws real PNG/JPEG screenshots. */
  render?: RenderScreenshot;
}

export interface SeedReport {
  counts: Record<EntityName, number>;
  distinctScreenshots: number;
  milliseconds: number;
}

// Rendering is deterministic and costs up to half a second per phone photo; a process that
// seeds several databases (a test run) draws each distinct screenshot once.
const renderedBySpec = new Map<string, ReturnType<RenderScreenshot>>();
const RENDER_CACHE_LIMIT = 200;

function rememberingRenders(render: RenderScreenshot): RenderScreenshot {
  return (spec) => {
    const key = JSON.stringify({ ...spec, takenAt: spec.takenAt.toISOString() });
    const known = renderedBySpec.get(key);
    if (known) return known;
    const made = render(spec);
    if (renderedBySpec.size >= RENDER_CACHE_LIMIT) renderedBySpec.clear();
    renderedBySpec.set(key, made);
    return made;
  };
}

export function seedDemoLms(db: Database, options: SeedOptions): SeedReport {
  const startedAt = performance.now();
  const counts = seedCounts[options.scale];
  const insert = db.prepare('INSERT INTO record (entity, id, data, learner_id, module_id, email) VALUES (?, ?, ?, ?, ?, ?)');
  const blobs = new BlobStore(db);
  const written = Object.fromEntries(
    ['category', 'course', 'module', 'workplace', 'learner', 'enrollment', 'attempt', 'ticket', 'message', 'attachment', 'known_issue', 'agent', 'manual_pass'].map((e) => [e, 0]),
  ) as Record<EntityName, number>;
  const sink: SeedSink = {
    put<E extends EntityName>(entity: E, record: EntityRecord<E>) {
      const columns = indexColumnsOf(entity, record);
      insert.run(entity, record.id, JSON.stringify(record), columns.learnerId, columns.moduleId, columns.email);
      written[entity] += 1;
    },
    putBlob: (bytes, contentType) => blobs.put(bytes, contentType),
  };
  const render = options.render ?? rememberingRenders(renderScreenshot);
  const lap = (() => {
    let last = performance.now();
    return (what: string) => {
      const now = performance.now();
      options.log(`  ${what} in ${Math.round(now - last)} ms`);
      last = now;
    };
  })();

  options.log(`Seeding the demo LMS (scale ${options.scale}, seed ${options.seed})…`);
  const result = db.transaction(() => {
    for (const agent of agents) sink.put('agent', agent);
    const catalog = generateCatalog(new SeededRandom(options.seed, 'catalog'), counts);
    for (const c of catalog.categories) sink.put('category', c.record);
    for (const c of catalog.courses) sink.put('course', c.record);
    for (const m of catalog.modules) sink.put('module', m.record);
    for (const k of catalog.knownIssues) sink.put('known_issue', k.record);
    const workplaces = generateWorkplaces(new SeededRandom(options.seed, 'workplaces'), counts, catalog.categories.length);
    for (const w of workplaces) sink.put('workplace', w.record);
    const learners = generateLearners(new SeededRandom(options.seed, 'learners'), counts, workplaces);
    for (const l of learners) sink.put('learner', l.record);
    lap('catalog, workplaces and learners');
    const learning = generateEnrollmentsAndAttempts(new SeededRandom(options.seed, 'learning'), counts, catalog, workplaces, learners, sink);
    lap(`${learning.enrollmentCount} enrollments and ${learning.attemptCount} attempts`);
    const tickets = generateTickets(new SeededRandom(options.seed, 'tickets'), counts, catalog, workplaces, learners, learning, sink, render, learning.manualPassCount);
    lap(`${tickets.tickets} tickets, ${tickets.messages} messages, ${tickets.attachments} attachments (${tickets.distinctScreenshots} distinct screenshots)`);
    return tickets;
  })();
  const milliseconds = Math.round(performance.now() - startedAt);
  options.log(`Seeded in ${milliseconds} ms.`);
  return { counts: written, distinctScreenshots: result.distinctScreenshots, milliseconds };
}
