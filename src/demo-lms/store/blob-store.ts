// Attachment bytes, stored once per content (sha256): a screenshot forwarded by three
// learners is one blob and three attachment records.
import type { Database, Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface StoredBlob {
  sha256: string;
  contentType: string;
  bytes: Buffer;
}

export class BlobStore {
  private readonly insert: Statement<[string, string, Buffer]>;
  private readonly select: Statement<[string], { content_type: string; bytes: Buffer }>;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO blob (sha256, content_type, bytes) VALUES (?, ?, ?)');
    this.select = db.prepare('SELECT content_type, bytes FROM blob WHERE sha256 = ?');
  }

  /** Stores the bytes (once) and returns their sha256, the key attachments refer to. */
  put(bytes: Buffer, contentType: string): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.insert.run(sha256, contentType, bytes);
    return sha256;
  }

  get(sha256: string): StoredBlob | undefined {
    const row = this.select.get(sha256);
    return row ? { sha256, contentType: row.content_type, bytes: row.bytes } : undefined;
  }
}
