// Reads and writes the LMS's records and their change feed (see schema.ts for the shape).
// Every write goes through `write`, which runs in one SQLite transaction and tells the
// long-poll waiters once it has committed.
import type { Database, Statement } from 'better-sqlite3';
import { EntityName, entitySchemas, type EntityRecord } from '../../shared/lms/entities';

export interface FeedRow {
  seq: number;
  entity: EntityName;
  id: string;
  /** The record as stored JSON text; the feed splices it into the page without re-encoding. */
  data: string;
}

interface IndexColumns {
  learnerId: string | null;
  moduleId: string | null;
  email: string | null;
}

/** The columns the API looks records up by, besides entity and id. */
export function indexColumnsOf<E extends EntityName>(entity: E, record: EntityRecord<E>): IndexColumns {
  const none: IndexColumns = { learnerId: null, moduleId: null, email: null };
  switch (entity) {
    case 'enrollment':
    case 'attempt':
    case 'manual_pass': {
      const r = record as EntityRecord<'enrollment' | 'attempt' | 'manual_pass'>;
      return { ...none, learnerId: r.learnerId, moduleId: r.moduleId };
    }
    case 'learner':
      return { ...none, email: (record as EntityRecord<'learner'>).email.toLowerCase() };
    default:
      return none;
  }
}

export type ChangeListener = () => void;

export class RecordStore {
  private readonly selectOne: Statement<[string, string], { data: string }>;
  private readonly deleteOne: Statement<[string, string]>;
  private readonly insertOne: Statement<[string, string, string, string | null, string | null, string | null]>;
  private readonly selectByLearner: Statement<[string, string], { data: string }>;
  private readonly selectByLearnerModule: Statement<[string, string, string], { data: string }>;
  private readonly selectByEmail: Statement<[string, string], { data: string }>;
  private readonly selectAfter: Statement<[number, number], FeedRow>;
  private readonly selectLastSeq: Statement<[], { seq: number | null }>;
  private readonly selectEntity: Statement<[string], { data: string }>;
  private readonly countByEntity: Statement<[], { entity: string; n: number }>;
  private readonly listeners = new Set<ChangeListener>();
  private wroteInTransaction = false;

  constructor(private readonly db: Database) {
    this.selectOne = db.prepare('SELECT data FROM record WHERE entity = ? AND id = ?');
    this.deleteOne = db.prepare('DELETE FROM record WHERE entity = ? AND id = ?');
    this.insertOne = db.prepare('INSERT INTO record (entity, id, data, learner_id, module_id, email) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectByLearner = db.prepare('SELECT data FROM record WHERE entity = ? AND learner_id = ? ORDER BY id');
    this.selectByLearnerModule = db.prepare('SELECT data FROM record WHERE entity = ? AND learner_id = ? AND module_id = ? ORDER BY id');
    this.selectByEmail = db.prepare('SELECT data FROM record WHERE entity = ? AND email = ? ORDER BY id');
    this.selectAfter = db.prepare('SELECT seq, entity, id, data FROM record WHERE seq > ? ORDER BY seq LIMIT ?');
    this.selectLastSeq = db.prepare('SELECT MAX(seq) AS seq FROM record');
    this.selectEntity = db.prepare('SELECT data FROM record WHERE entity = ? ORDER BY id');
    this.countByEntity = db.prepare('SELECT entity, count(*) AS n FROM record GROUP BY entity');
  }

  /** Live records per entity (the feed holds each exactly once); read from the (entity, id) index. */
  counts(): Partial<Record<EntityName, number>> {
    const counts: Partial<Record<EntityName, number>> = {};
    for (const row of this.countByEntity.all()) {
      const entity = EntityName.safeParse(row.entity);
      if (entity.success) counts[entity.data] = row.n;
    }
    return counts;
  }

  get<E extends EntityName>(entity: E, id: string): EntityRecord<E> | undefined {
    const row = this.selectOne.get(entity, id);
    return row ? this.decode(entity, row.data) : undefined;
  }

  /** Inserts or replaces a record and moves it to the end of the feed. Only inside `write`. */
  put<E extends EntityName>(entity: E, record: EntityRecord<E>): EntityRecord<E> {
    if (!this.db.inTransaction) throw new Error('RecordStore.put must run inside RecordStore.write, so the record and its feed entry commit together.');
    const valid = entitySchemas[entity].parse(record) as EntityRecord<E>;
    const columns = indexColumnsOf(entity, valid);
    this.deleteOne.run(entity, valid.id);
    this.insertOne.run(entity, valid.id, JSON.stringify(valid), columns.learnerId, columns.moduleId, columns.email);
    this.wroteInTransaction = true;
    return valid;
  }

  /** Runs `work` in one transaction; waiters hear about it only after it committed. */
  write<T>(work: () => T): T {
    if (this.db.inTransaction) return work();
    this.wroteInTransaction = false;
    const result = this.db.transaction(work).immediate();
    if (this.wroteInTransaction) {
      this.wroteInTransaction = false;
      for (const listener of [...this.listeners]) listener();
    }
    return result;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  byLearner<E extends 'enrollment' | 'attempt' | 'manual_pass'>(entity: E, learnerId: string, moduleId?: string): EntityRecord<E>[] {
    const rows = moduleId === undefined ? this.selectByLearner.all(entity, learnerId) : this.selectByLearnerModule.all(entity, learnerId, moduleId);
    return rows.map((row) => this.decode(entity, row.data));
  }

  learnerByEmail(email: string): EntityRecord<'learner'> | undefined {
    const row = this.selectByEmail.get('learner', email.trim().toLowerCase());
    return row ? this.decode('learner', row.data) : undefined;
  }

  changesAfter(seq: number, limit: number): FeedRow[] {
    return this.selectAfter.all(seq, limit);
  }

  lastSeq(): number {
    return this.selectLastSeq.get()?.seq ?? 0;
  }

  /** Every record of one entity in ascending id order, one at a time. */
  *all<E extends EntityName>(entity: E): Generator<EntityRecord<E>> {
    for (const row of this.selectEntity.iterate(entity)) yield JSON.parse(row.data) as EntityRecord<E>;
  }

  /** Single reads are re-checked against the schema; a damaged row is an error, not a surprise later. */
  private decode<E extends EntityName>(entity: E, data: string): EntityRecord<E> {
    return entitySchemas[entity].parse(JSON.parse(data)) as EntityRecord<E>;
  }
}
