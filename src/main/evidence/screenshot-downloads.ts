// Brings every attachment in the cache into the screenshot store: open tickets first, then
// the rest, two at a time. Each download is checked (checkAttachmentRecord, then
// checkScreenshotBytes, then a full decode in the inspection worker) before its bytes are
// stored; a refused file leaves only its reason behind. A failed download (LMS offline, a
// server error) is tried again later with a growing pause. Once stored, a screenshot needs
// no network again.
import type { Database } from 'better-sqlite3';
import type { ScreenshotRefusal } from '../../shared/channels/evidence';
import { Attachment } from '../../shared/lms/entities';
import type { LmsClient } from '../lms/client';
import { isLmsError } from '../lms/lms-error';
import type { InspectionPool } from './inspection-worker-pool';
import { checkAttachmentRecord, checkScreenshotBytes, corruptImage, formatBytes, hashMismatch } from './screenshot-check';
import { MAX_SCREENSHOT_BYTES } from './screenshot-limits';
import type { ScreenshotStore } from './screenshot-store';

export interface ScreenshotDownloadsOptions {
  db: Database;
  store: ScreenshotStore;
  pool: InspectionPool;
  /** The LMS to download from, or null while none is connected. */
  client: () => LmsClient | null;
  now: () => Date;
  log: (line: string) => void;
  /** Told which attachments changed state, so open galleries refresh. */
  onChange: (attachmentIds: string[]) => void;
  concurrency?: number;
  /** How often to look for new attachments in the cache. */
  scanEveryMs?: number;
}

export interface ScreenshotDownloads {
  start(): void;
  /** Look for work now; `first` jumps the queue (a screenshot someone opened). */
  wake(first?: string): void;
  /** Forget a failure or a hash mismatch and download again now. */
  retry(attachmentId: string): Promise<void>;
  /** The LMS is back: every failed download is due now, not after its pause. */
  retryFailedNow(): void;
  /** The stored file of a ready attachment went missing or was changed on disk: fetch it again. */
  forget(attachmentId: string): void;
  /** Resolves when nothing is waiting or downloading (tests, benchmarks). */
  settled(): Promise<void>;
  close(): void;
}

const RETRY_BASE_MS = 15_000;
const RETRY_MAX_MS = 10 * 60_000;

interface Work {
  id: string;
  sha256: string;
  data: string;
}

export function createScreenshotDownloads(options: ScreenshotDownloadsOptions): ScreenshotDownloads {
  const { db, store, pool, log } = options;
  const concurrency = options.concurrency ?? 2;
  const scanEveryMs = options.scanEveryMs ?? 10_000;

  const due = db.prepare<[number], Work>(
    `SELECT a.id AS id, a.sha256 AS sha256, a.data AS data FROM attachment a
     LEFT JOIN ticket t ON t.id = a.ticket_id
     LEFT JOIN screenshot_fetch f ON f.attachment_id = a.id AND f.sha256 = a.sha256
     WHERE f.attachment_id IS NULL OR (f.state = 'failed' AND f.next_try_at <= ?)
     ORDER BY CASE WHEN t.status IS NULL OR t.status = 'resolved' THEN 1 ELSE 0 END, a.seq DESC
     LIMIT 50`,
  );
  const one = db.prepare<[string], Work>('SELECT id, sha256, data FROM attachment WHERE id = ?');
  const fileKnown = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM screenshot_file WHERE sha256 = ?');
  const previousAttempts = db.prepare<[string, string], { attempts: number }>('SELECT attempts FROM screenshot_fetch WHERE attachment_id = ? AND sha256 = ?');
  const upsertFetch = db.prepare(
    `INSERT INTO screenshot_fetch (attachment_id, sha256, state, reason, message, attempts, next_try_at, updated_at)
     VALUES (@attachmentId, @sha256, @state, @reason, @message, @attempts, @nextTryAt, @updatedAt)
     ON CONFLICT (attachment_id) DO UPDATE SET sha256 = excluded.sha256, state = excluded.state, reason = excluded.reason,
       message = excluded.message, attempts = excluded.attempts, next_try_at = excluded.next_try_at, updated_at = excluded.updated_at`,
  );
  const deleteFetch = db.prepare('DELETE FROM screenshot_fetch WHERE attachment_id = ?');
  const dueNow = db.prepare("UPDATE screenshot_fetch SET next_try_at = 0 WHERE state = 'failed'");
  const insertFile = db.prepare(
    `INSERT OR REPLACE INTO screenshot_file (sha256, image_type, width, height, size, exif, perceptual_hash, thumbnail, checked_at)
     VALUES (@sha256, @imageType, @width, @height, @size, @exif, @perceptualHash, @thumbnail, @checkedAt)`,
  );

  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  const running = new Map<string, Promise<void>>();
  const first: string[] = [];
  let backlog: Work[] = [];
  const idleWaiters: Array<() => void> = [];

  function note(attachmentId: string, sha256: string, state: 'stored' | 'refused' | 'failed', detail: { refusal?: ScreenshotRefusal; problem?: string } = {}): void {
    if (closed) return;
    const attempts = (previousAttempts.get(attachmentId, sha256)?.attempts ?? 0) + 1;
    const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (attempts - 1));
    upsertFetch.run({
      attachmentId,
      sha256,
      state,
      reason: detail.refusal?.reason ?? null,
      message: detail.refusal?.message ?? detail.problem ?? null,
      attempts,
      nextTryAt: state === 'failed' ? options.now().getTime() + wait : 0,
      updatedAt: options.now().toISOString(),
    });
  }

  async function download(work: Work): Promise<void> {
    const parsed = Attachment.safeParse(JSON.parse(work.data));
    if (!parsed.success) return note(work.id, work.sha256, 'failed', { problem: 'The LMS’s record of this attachment is unreadable; it will be read again after the next sync.' });
    const attachment = parsed.data;
    const early = checkAttachmentRecord(attachment);
    if (early) return note(attachment.id, attachment.sha256, 'refused', { refusal: early });
    // The same bytes may already be here, sent with another ticket.
    if (fileKnown.get(attachment.sha256) && (await store.has(attachment.sha256))) return note(attachment.id, attachment.sha256, 'stored');

    const client = options.client();
    if (!client) return note(attachment.id, attachment.sha256, 'failed', { problem: 'No LMS is connected, so the file cannot be downloaded yet.' });
    let bytes: Buffer;
    try {
      bytes = (await client.attachmentContent(attachment.id, { maxBytes: MAX_SCREENSHOT_BYTES })).bytes;
    } catch (error) {
      if (isLmsError(error) && error.code === 'too_large') {
        return note(attachment.id, attachment.sha256, 'refused', {
          refusal: { reason: 'too_large', message: `This file is larger than the ${formatBytes(MAX_SCREENSHOT_BYTES)} Passdesk opens, so the download was stopped. Ask the learner for a smaller screenshot (a PNG or JPEG of the screen).` },
        });
      }
      if (isLmsError(error) && error.code === 'checksum_mismatch') return note(attachment.id, attachment.sha256, 'refused', { refusal: hashMismatch() });
      return note(attachment.id, attachment.sha256, 'failed', { problem: error instanceof Error ? error.message : String(error) });
    }

    const check = checkScreenshotBytes(bytes, attachment.sha256);
    if (!check.ok) return note(attachment.id, attachment.sha256, 'refused', { refusal: check.refusal });
    const { header, exif } = check;
    let perceptualHash: string | null = null;
    let thumbnail: Buffer | null = null;
    // WebP is checked by its structure only: Passdesk ships no WebP decoder, so it has no
    // thumbnail and is matched for reuse by identical bytes alone.
    if (header.type !== 'image/webp') {
      const inspected = await pool.inspect({ type: header.type, bytes, orientation: exif?.orientation ?? null, width: header.width, height: header.height });
      if (!inspected.ok) return note(attachment.id, attachment.sha256, 'refused', { refusal: corruptImage(inspected.problem) });
      perceptualHash = inspected.perceptualHash;
      thumbnail = Buffer.from(inspected.thumbnail);
    }
    await store.put(attachment.sha256, bytes);
    if (closed) return;
    db.transaction(() => {
      insertFile.run({
        sha256: attachment.sha256,
        imageType: header.type,
        width: header.width,
        height: header.height,
        size: bytes.length,
        exif: exif ? JSON.stringify(exif) : null,
        perceptualHash,
        thumbnail,
        checkedAt: options.now().toISOString(),
      });
      note(attachment.id, attachment.sha256, 'stored');
    })();
  }

  function next(): Work | null {
    while (first.length > 0) {
      const id = first.shift() as string;
      if (running.has(id)) continue;
      const work = one.get(id);
      if (work) return work;
    }
    if (backlog.length === 0) backlog = due.all(options.now().getTime());
    while (backlog.length > 0) {
      const work = backlog.shift() as Work;
      if (!running.has(work.id)) return work;
    }
    return null;
  }

  function pump(): void {
    while (!closed && running.size < concurrency) {
      const work = next();
      if (!work) break;
      const job = download(work)
        .catch((error: unknown) => {
          log(`[evidence] attachment ${work.id}: ${error instanceof Error ? error.message : String(error)}`);
          note(work.id, work.sha256, 'failed', { problem: `Passdesk could not check this file: ${error instanceof Error ? error.message : String(error)}` });
        })
        .finally(() => {
          running.delete(work.id);
          if (!closed) options.onChange([work.id]);
          pump();
        });
      running.set(work.id, job);
    }
    if (running.size === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  }

  return {
    start() {
      if (timer || closed) return;
      timer = setInterval(() => {
        backlog = [];
        pump();
      }, scanEveryMs);
      timer.unref();
      pump();
    },
    wake(attachmentId) {
      if (attachmentId && !first.includes(attachmentId)) first.push(attachmentId);
      backlog = [];
      pump();
    },
    async retry(attachmentId) {
      await running.get(attachmentId);
      deleteFetch.run(attachmentId);
      first.unshift(attachmentId);
      pump();
      await running.get(attachmentId);
    },
    retryFailedNow() {
      if (closed) return;
      dueNow.run();
      backlog = [];
      pump();
    },
    forget(attachmentId) {
      deleteFetch.run(attachmentId);
      first.unshift(attachmentId);
      pump();
    },
    settled() {
      backlog = [];
      pump();
      if (running.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    close() {
      closed = true;
      if (timer) clearInterval(timer);
      for (const resolve of idleWaiters.splice(0)) resolve();
    },
  };
}
