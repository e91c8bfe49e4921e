// The cache's attachments as the screenshot viewer needs them: with their ticket, the
// learner who sent them, the message's arrival time, how their download went and what the
// check found. One SELECT, narrowed per gallery; read-only.
import type { Database } from 'better-sqlite3';
import type { ScreenshotImageType, ScreenshotTileState } from '../../shared/channels/evidence';

export interface AttachmentRow {
  id: string;
  ticketId: string;
  messageId: string;
  fileName: string;
  declaredType: string;
  size: number;
  sha256: string;
  receivedAt: string;
  ticketSubject: string;
  ticketStatus: string | null;
  ticketModuleId: string | null;
  /** The learner the ticket is linked to, or whose address sent it. */
  learnerId: string | null;
  learnerName: string | null;
  fromEmail: string | null;
  /** Who sent it, for reuse: the learner, or the sender's address when no learner is known. */
  ownerKey: string;
  fetchState: 'stored' | 'refused' | 'failed' | null;
  fetchReason: string | null;
  fetchMessage: string | null;
  imageType: ScreenshotImageType | null;
  width: number | null;
  height: number | null;
  exif: string | null;
  perceptualHash: string | null;
  thumbnail: Buffer | null;
}

const SELECT = `
  SELECT a.id AS id, a.ticket_id AS ticketId, a.message_id AS messageId, a.file_name AS fileName,
         a.content_type AS declaredType, a.size AS size, a.sha256 AS sha256,
         COALESCE(m.created_at, t.created_at, '1970-01-01T00:00:00.000Z') AS receivedAt,
         COALESCE(t.subject, '') AS ticketSubject, t.status AS ticketStatus, t.module_id AS ticketModuleId,
         owner.id AS learnerId, owner.name AS learnerName, t.from_email AS fromEmail,
         COALESCE(owner.id, 'email:' || lower(t.from_email), 'ticket:' || a.ticket_id) AS ownerKey,
         f.state AS fetchState, f.reason AS fetchReason, f.message AS fetchMessage,
         sf.image_type AS imageType, sf.width AS width, sf.height AS height, sf.exif AS exif,
         sf.perceptual_hash AS perceptualHash, sf.thumbnail AS thumbnail
  FROM attachment a
  LEFT JOIN ticket t ON t.id = a.ticket_id
  LEFT JOIN message m ON m.id = a.message_id
  LEFT JOIN learner owner ON owner.id = COALESCE(t.learner_id, (SELECT l.id FROM learner l WHERE l.email = t.from_email COLLATE NOCASE LIMIT 1))
  LEFT JOIN screenshot_fetch f ON f.attachment_id = a.id AND f.sha256 = a.sha256
  LEFT JOIN screenshot_file sf ON sf.sha256 = a.sha256 AND f.state = 'stored'`;

export interface AttachmentRows {
  byId(id: string): AttachmentRow | null;
  forTicket(ticketId: string): AttachmentRow[];
  forLearner(learnerId: string): AttachmentRow[];
  recent(limit: number): AttachmentRow[];
  /** Everything sent with the same bytes or a perceptual hash, for the reuse check. */
  reuseCandidates(): AttachmentRow[];
  learnerName(learnerId: string): string | null;
  ticketExists(ticketId: string): boolean;
}

export function tileStateOf(row: Pick<AttachmentRow, 'fetchState' | 'imageType'>): ScreenshotTileState {
  if (row.fetchState === 'refused') return 'refused';
  if (row.fetchState === 'failed') return 'unavailable';
  if (row.fetchState === 'stored' && row.imageType !== null) return 'ready';
  return 'waiting';
}

export function createAttachmentRows(db: Database): AttachmentRows {
  const order = "ORDER BY receivedAt DESC, a.seq DESC";
  const byId = db.prepare<[string], AttachmentRow>(`${SELECT} WHERE a.id = ?`);
  const forTicket = db.prepare<[string], AttachmentRow>(`${SELECT} WHERE a.ticket_id = ? ORDER BY receivedAt, a.seq, a.id`);
  const forLearner = db.prepare<[string, string], AttachmentRow>(
    `${SELECT} WHERE a.ticket_id IN (
       SELECT id FROM ticket WHERE learner_id = ?
       UNION SELECT t2.id FROM ticket t2 JOIN learner l2 ON l2.email = t2.from_email COLLATE NOCASE WHERE t2.learner_id IS NULL AND l2.id = ?
     ) ${order}`,
  );
  const recent = db.prepare<[number], AttachmentRow>(`${SELECT} ${order} LIMIT ?`);
  const candidates = db.prepare<[], AttachmentRow>(`${SELECT} WHERE f.state IS NULL OR f.state != 'refused'`);
  const learnerName = db.prepare<[string], { name: string }>('SELECT name FROM learner WHERE id = ?');
  const ticket = db.prepare<[string], { id: string }>('SELECT id FROM ticket WHERE id = ?');
  return {
    byId: (id) => byId.get(id) ?? null,
    forTicket: (ticketId) => forTicket.all(ticketId),
    forLearner: (learnerId) => forLearner.all(learnerId, learnerId),
    recent: (limit) => recent.all(limit),
    reuseCandidates: () => candidates.all(),
    learnerName: (learnerId) => learnerName.get(learnerId)?.name ?? null,
    ticketExists: (ticketId) => ticket.get(ticketId) !== undefined,
  };
}
