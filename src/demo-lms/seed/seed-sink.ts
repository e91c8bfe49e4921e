// Where the seed writes: records in feed order, and attachment bytes stored by content.
import type { EntityName, EntityRecord } from '../../shared/lms/entities';

export interface SeedSink {
  put<E extends EntityName>(entity: E, record: EntityRecord<E>): void;
  /** Stores bytes once per content and returns their sha256. */
  putBlob(bytes: Buffer, contentType: string): string;
}
