// The screenshot viewer's service in main: the download queue, the checks, the store, the
// OCR and the reviews, behind the screenshots.* channels. Takes plain arguments (the cache,
// the data folder, the LMS connection, a clock) and never imports electron.
import type { Database } from 'better-sqlite3';
import { ScreenshotExif, ScreenshotScoreProposal, type evidenceChannels, type ScreenshotGallery, type ScreenshotTile, type ShownScreenshotReview } from '../../shared/channels/evidence';
import { PassdeskError } from '../../shared/ipc-result';
import type { Clock } from '../app/clock';
import type { EventBroadcaster } from '../app/event-broadcaster';
import type { LmsConnection } from '../app/lms-connection';
import type { Handlers } from '../ipc/dispatcher';
import type { LmsClient } from '../lms/client';
import { lmsClientFor } from '../lms/lms-client-for';
import { createAttachmentRows, type AttachmentRow } from './attachment-rows';
import { createAttemptContextReader } from './attempt-context';
import { createInspectionPool, locateInspectionWorker, type WorkerEntry } from './inspection-worker-pool';
import { createOcrReader, type OcrReader } from './ocr-reader';
import { createReviewStore } from './review-store';
import { proposeReading } from './score-reading';
import { createScreenshotDownloads, type ScreenshotDownloads } from './screenshot-downloads';
import { createScreenshotStore } from './screenshot-store';
import { tileOf } from './screenshot-tiles';

export type EvidenceHandlers = Pick<Handlers, keyof typeof evidenceChannels>;

export interface EvidenceServiceOptions {
  db: Database;
  dataDir: string;
  connection: Pick<LmsConnection, 'access' | 'status'>;
  clock: Clock;
  log: (line: string) => void;
  /** Where screenshots.changed is announced, and status.changed heard (an LMS back online is tried again at once). */
  events: Pick<EventBroadcaster, 'emit' | 'subscribe'>;
  /** Tests pass their own; the app finds the built worker or its source. */
  inspectionWorker?: WorkerEntry;
  ocr?: OcrReader;
  createClient?: (access: { url: string; token: string }) => LmsClient;
  scanEveryMs?: number;
}

export interface EvidenceService {
  handlers: EvidenceHandlers;
  downloads: ScreenshotDownloads;
  close(): Promise<void>;
}

function notFound(attachmentId: string): PassdeskError {
  return new PassdeskError({ code: 'not_found', message: `There is no attachment ${attachmentId} in the cache. It may not have synced yet; try again after the next sync.` });
}

export function createEvidenceService(options: EvidenceServiceOptions): EvidenceService {
  const { db, clock, log } = options;
  const rows = createAttachmentRows(db);
  const reviews = createReviewStore(db);
  const attemptsFor = createAttemptContextReader(db);
  const store = createScreenshotStore(options.dataDir);
  const pool = createInspectionPool(options.inspectionWorker ?? locateInspectionWorker(__filename), log);
  const ocr = options.ocr ?? createOcrReader(log);
  const client = lmsClientFor(() => options.connection.access(), options.createClient);
  const announce = (attachmentIds: string[]) => options.events.emit('screenshots.changed', { attachmentIds });

  const downloads = createScreenshotDownloads({
    db,
    store,
    pool,
    client,
    now: () => clock.now(),
    log,
    onChange: (ids) => announce(ids),
    ...(options.scanEveryMs ? { scanEveryMs: options.scanEveryMs } : {}),
  });
  downloads.start();
  let wasOnline = options.connection.status().lms.online;
  const stopListening = options.events.subscribe((event) => {
    if (event.name !== 'status.changed') return;
    const online = event.payload.lms.online;
    if (online && !wasOnline) downloads.retryFailedNow();
    wasOnline = online;
  });

  const readingOf = db.prepare<[string], { proposal: string }>('SELECT proposal FROM screenshot_reading WHERE sha256 = ?');
  const saveReading = db.prepare('INSERT OR REPLACE INTO screenshot_reading (sha256, proposal, read_at) VALUES (?, ?, ?)');

  function rowOf(attachmentId: string): AttachmentRow {
    const row = rows.byId(attachmentId);
    if (!row) throw notFound(attachmentId);
    return row;
  }

  function tiles(list: AttachmentRow[]): ScreenshotTile[] {
    const candidates = rows.reuseCandidates();
    const out = list.map((row) => tileOf(row, candidates, reviews.latest(row.id)));
    for (const tile of out) if (tile.state === 'waiting') downloads.wake(tile.attachmentId);
    return out;
  }

  function tile(attachmentId: string): ScreenshotTile {
    return tiles([rowOf(attachmentId)])[0] as ScreenshotTile;
  }

  /** The checked bytes of a ready tile; a file gone or changed on disk is fetched again. */
  async function bytesOf(t: ScreenshotTile): Promise<Buffer | null> {
    if (t.state !== 'ready') return null;
    const bytes = await store.read(t.sha256);
    if (!bytes) {
      log(`[evidence] the stored file of attachment ${t.attachmentId} is missing or changed on disk; downloading it again.`);
      downloads.forget(t.attachmentId);
    }
    return bytes;
  }

  function lastProposal(sha256: string): ScreenshotScoreProposal | null {
    const row = readingOf.get(sha256);
    if (!row) return null;
    const parsed = ScreenshotScoreProposal.safeParse(JSON.parse(row.proposal));
    return parsed.success ? parsed.data : null;
  }

  function exifOf(row: AttachmentRow): ScreenshotExif | null {
    if (row.exif === null) return null;
    const parsed = ScreenshotExif.safeParse(JSON.parse(row.exif));
    return parsed.success ? parsed.data : null;
  }

  const handlers: EvidenceHandlers = {
    'screenshots.gallery': (scope): ScreenshotGallery => {
      if (scope.scope === 'ticket') {
        if (!rows.ticketExists(scope.ticketId)) throw new PassdeskError({ code: 'not_found', message: `There is no ticket ${scope.ticketId} in the cache.` });
        const list = rows.forTicket(scope.ticketId);
        const learnerId = list.find((r) => r.learnerId !== null)?.learnerId ?? null;
        return { title: `Attachments of ticket ${scope.ticketId}`, ticketId: scope.ticketId, learnerId, learnerName: learnerId ? rows.learnerName(learnerId) : null, tiles: tiles(list) };
      }
      if (scope.scope === 'learner') {
        const name = rows.learnerName(scope.learnerId);
        if (name === null) throw new PassdeskError({ code: 'not_found', message: `There is no learner ${scope.learnerId} in the cache.` });
        return { title: `Every screenshot ${name} sent`, ticketId: null, learnerId: scope.learnerId, learnerName: name, tiles: tiles(rows.forLearner(scope.learnerId)) };
      }
      return { title: 'Recent screenshots', ticketId: null, learnerId: null, learnerName: null, tiles: tiles(rows.recent(scope.limit)) };
    },

    'screenshots.open': async ({ attachmentId }) => {
      const row = rowOf(attachmentId);
      let shown = tile(attachmentId);
      const bytes = await bytesOf(shown);
      if (shown.state === 'ready' && !bytes) shown = { ...shown, state: 'waiting', thumbnail: null, detectedType: null, width: null, height: null };
      if (shown.state === 'waiting' || shown.state === 'unavailable') downloads.wake(attachmentId);
      return {
        tile: shown,
        image: bytes && shown.detectedType ? { type: shown.detectedType, base64: bytes.toString('base64') } : null,
        exif: shown.state === 'ready' ? exifOf(row) : null,
        attempts: attemptsFor(row.learnerId, row.ticketModuleId),
        reviews: reviews.history(attachmentId),
        proposal: lastProposal(row.sha256),
        canReview: options.connection.status().user?.role === 'admin',
      };
    },

    'screenshots.readScore': async ({ attachmentId }) => {
      const row = rowOf(attachmentId);
      const shown = tile(attachmentId);
      const bytes = await bytesOf(shown);
      if (!bytes) {
        throw new PassdeskError({ code: 'refused', message: shown.refusal ? `This file was refused, so it is not read: ${shown.refusal.message}` : 'This screenshot is not downloaded and checked yet; OCR reads only checked files. Try again in a moment.' });
      }
      const context = attemptsFor(row.learnerId, row.ticketModuleId);
      const { text, milliseconds } = await ocr.read(bytes);
      const proposal: ScreenshotScoreProposal = {
        sha256: row.sha256,
        ...proposeReading(text, { courseName: context?.courseName ?? null, moduleName: context?.moduleName ?? null }),
        text: text.slice(0, 20_000),
        milliseconds,
      };
      saveReading.run(row.sha256, JSON.stringify(proposal), clock.now().toISOString());
      return proposal;
    },

    'screenshots.review': (input): ShownScreenshotReview => {
      const user = options.connection.status().user;
      if (!user) throw new PassdeskError({ code: 'forbidden', message: 'Sign in to the LMS first: a review records who made it.' });
      if (user.role !== 'admin') throw new PassdeskError({ code: 'forbidden', message: `Only an admin can review a screenshot as evidence for a manual pass; ${user.name} is signed in as an agent.` });
      const row = rowOf(input.attachmentId);
      const shown = tile(input.attachmentId);
      if (shown.state !== 'ready') throw new PassdeskError({ code: 'refused', message: 'Only a screenshot that was downloaded and passed every check can be reviewed.' });
      if (input.sha256 !== row.sha256) {
        throw new PassdeskError({ code: 'conflict', message: 'This attachment’s file changed since you opened it. Open it again and review what it shows now.' });
      }
      const context = attemptsFor(row.learnerId, row.ticketModuleId);
      if (input.showsPassingScore && input.scoreRead !== null && context && input.scoreRead < context.passingScore) {
        throw new PassdeskError({
          code: 'invalid_payload',
          message: `You marked the screenshot as showing a pass, but ${input.scoreRead} % is below this module’s passing score of ${context.passingScore} %. Correct the score, or untick “shows a pass”.`,
          issues: [{ path: 'scoreRead', message: `below the passing score of ${context.passingScore} %` }],
        });
      }
      const review: ShownScreenshotReview = {
        attachmentId: input.attachmentId,
        sha256: input.sha256,
        reviewedBy: user.id,
        reviewerName: user.name,
        reviewedAt: clock.now().toISOString(),
        showsPassingScore: input.showsPassingScore,
        scoreRead: input.scoreRead,
        courseShown: input.courseShown === '' ? null : input.courseShown,
        moduleShown: input.moduleShown === '' ? null : input.moduleShown,
      };
      reviews.record(review, lastProposal(row.sha256)?.score ?? null);
      announce([input.attachmentId]);
      return review;
    },

    'screenshots.retry': async ({ attachmentId }) => {
      rowOf(attachmentId);
      await downloads.retry(attachmentId);
      return tile(attachmentId);
    },
  };

  return {
    handlers,
    downloads,
    async close() {
      stopListening();
      downloads.close();
      await Promise.allSettled([pool.close(), ocr.close()]);
    },
  };
}
