// How each LMS record becomes a row of its cache table (migration 2): which columns it fills
// and from which fields. Pure: the statements that use these live in apply-changes.ts.
import type { EntityName, EntityRecord } from '../../shared/lms/entities';

export type SqlValue = string | number | null;

/** What a message's `sender` column needs that the message itself does not carry. */
export interface SenderDirectory {
  ticketSender(ticketId: string): string | null;
  agentSender(agentId: string): string | null;
}

interface TableSpec<E extends EntityName> {
  table: string;
  /** Columns besides id, data and seq, in the order `values` returns them. */
  columns: readonly string[];
  values(record: EntityRecord<E>, senders: SenderDirectory): SqlValue[];
}

type TableSpecs = { [E in EntityName]: TableSpec<E> };

/** Who wrote a message, as the search box matches it: the learner's address, or the agent. */
export function messageSender(message: EntityRecord<'message'>, senders: SenderDirectory): string {
  if (message.author === 'learner') return senders.ticketSender(message.ticketId) ?? '';
  if (message.authorId === null) return '';
  return senders.agentSender(message.authorId) ?? message.authorId;
}

export const entityTables: TableSpecs = {
  category: { table: 'category', columns: ['name'], values: (r) => [r.name] },
  course: { table: 'course', columns: ['category_id', 'name', 'blue_bucks'], values: (r) => [r.categoryId, r.name, r.blueBucks] },
  module: { table: 'module', columns: ['course_id', 'name', 'passing_score'], values: (r) => [r.courseId, r.name, r.passingScore] },
  workplace: { table: 'workplace', columns: ['name'], values: (r) => [r.name] },
  learner: { table: 'learner', columns: ['name', 'email', 'workplace_id'], values: (r) => [r.name, r.email, r.workplaceId] },
  enrollment: {
    table: 'enrollment',
    columns: ['learner_id', 'module_id', 'status', 'completed_at', 'completion_source'],
    values: (r) => [r.learnerId, r.moduleId, r.status, r.completedAt, r.completionSource],
  },
  attempt: {
    table: 'attempt',
    columns: [
      'learner_id', 'module_id', 'started_at', 'last_data_at', 'standard', 'completion_status', 'success_status',
      'score_raw', 'score_min', 'score_max', 'score_scaled',
    ],
    values: (r) => [
      r.learnerId, r.moduleId, r.startedAt, r.lastDataAt, r.standard, r.completionStatus, r.successStatus,
      r.scoreRaw, r.scoreMin, r.scoreMax, r.scoreScaled,
    ],
  },
  ticket: {
    table: 'ticket',
    columns: ['subject', 'from_email', 'learner_id', 'module_id', 'status', 'assignee_id', 'tags', 'created_at', 'updated_at', 'version'],
    values: (r) => [r.subject, r.fromEmail, r.learnerId, r.moduleId, r.status, r.assigneeId, JSON.stringify(r.tags), r.createdAt, r.updatedAt, r.version],
  },
  message: {
    table: 'message',
    columns: ['ticket_id', 'author', 'author_id', 'sender', 'body', 'created_at'],
    values: (r, senders) => [r.ticketId, r.author, r.authorId, messageSender(r, senders), r.body, r.createdAt],
  },
  attachment: {
    table: 'attachment',
    columns: ['ticket_id', 'message_id', 'file_name', 'content_type', 'size', 'sha256'],
    values: (r) => [r.ticketId, r.messageId, r.fileName, r.contentType, r.size, r.sha256],
  },
  known_issue: {
    table: 'known_issue',
    columns: ['category_id', 'course_id', 'os', 'browser', 'since', 'until'],
    values: (r) => [r.categoryId, r.courseId, r.os, r.browser, r.since, r.until],
  },
  agent: { table: 'agent', columns: ['name', 'email', 'role'], values: (r) => [r.name, r.email, r.role] },
  manual_pass: {
    table: 'manual_pass',
    columns: ['learner_id', 'module_id', 'passed_at', 'passed_by', 'ticket_id'],
    values: (r) => [r.learnerId, r.moduleId, r.passedAt, r.passedBy, r.ticketId],
  },
};

export const entityNames = Object.keys(entityTables) as EntityName[];

/** Insert-or-update by id; an update keeps the row's number, so full-text rows stay attached. */
export function upsertSql(entity: EntityName): string {
  const { table, columns } = entityTables[entity];
  const all = ['id', ...columns, 'data', 'seq'];
  const updates = [...columns, 'data', 'seq'].map((c) => `${c} = excluded.${c}`).join(', ');
  return `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates}`;
}

export function deleteSql(entity: EntityName): string {
  return `DELETE FROM ${entityTables[entity].table} WHERE id = ?`;
}

/** The row's parameters for upsertSql, in order. */
export function upsertParams<E extends EntityName>(entity: E, record: EntityRecord<E>, data: string, seq: number, senders: SenderDirectory): SqlValue[] {
  const spec = entityTables[entity] as TableSpec<E>;
  return [record.id, ...spec.values(record, senders), data, seq];
}
