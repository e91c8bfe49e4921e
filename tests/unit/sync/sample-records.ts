// Small valid records of every entity, for tests that feed the cache by hand.
import type { Change } from '../../../src/shared/lms/api';
import type { EntityName, EntityRecord } from '../../../src/shared/lms/entities';

const at = '2024-05-02T09:30:00.000Z';

export const sample = {
  category: (id = 'cat-1'): EntityRecord<'category'> => ({ id, name: 'Allegion Door Hardware' }),
  course: (id = 'crs-1'): EntityRecord<'course'> => ({ id, categoryId: 'cat-1', name: 'Fire-Rated Door Hardware', blueBucks: 50 }),
  module: (id = 'mod-1'): EntityRecord<'module'> => ({ id, courseId: 'crs-1', name: 'Module 2: Exit Devices', passingScore: 80 }),
  workplace: (id = 'wp-1'): EntityRecord<'workplace'> => ({ id, name: 'Northside Lock & Key' }),
  learner: (id = 'lrn-1', name = 'Dana Whitfield'): EntityRecord<'learner'> => ({ id, name, email: `${id}@northside-lock.example`, workplaceId: 'wp-1' }),
  enrollment: (id = 'enr-1'): EntityRecord<'enrollment'> => ({ id, learnerId: 'lrn-1', moduleId: 'mod-1', status: 'in_progress', completedAt: null, completionSource: null }),
  attempt: (id = 'att-1'): EntityRecord<'attempt'> => ({
    id,
    learnerId: 'lrn-1',
    moduleId: 'mod-1',
    startedAt: at,
    lastDataAt: at,
    standard: 'scorm12',
    completionStatus: 'incomplete',
    successStatus: 'passed',
    scoreRaw: 90,
    scoreMin: 0,
    scoreMax: 100,
    scoreScaled: 0.9,
    sessionTime: 1800,
    suspendDataLength: 120,
    environment: { os: 'macOS 14', browser: 'Safari 17', userAgent: 'Mozilla/5.0 (Macintosh)' },
    errors: [],
    cmi: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.score.raw': '90' },
  }),
  ticket: (id = 'tkt-1', subject = 'Finished module 2 and it still says incomplete', version = 1): EntityRecord<'ticket'> => ({
    id,
    subject,
    fromEmail: 'lrn-1@northside-lock.example',
    learnerId: 'lrn-1',
    moduleId: null,
    status: 'new',
    assigneeId: null,
    tags: [],
    createdAt: at,
    updatedAt: at,
    version,
  }),
  message: (id = 'msg-1', body = 'I got 90% on the quiz but the course shows incomplete.', ticketId = 'tkt-1'): EntityRecord<'message'> => ({
    id,
    ticketId,
    author: 'learner',
    authorId: null,
    body,
    createdAt: at,
  }),
  attachment: (id = 'att-file-1'): EntityRecord<'attachment'> => ({
    id,
    ticketId: 'tkt-1',
    messageId: 'msg-1',
    fileName: 'score.png',
    contentType: 'image/png',
    size: 1234,
    sha256: 'a'.repeat(64),
  }),
  known_issue: (id = 'ki-1'): EntityRecord<'known_issue'> => ({
    id,
    categoryId: 'cat-1',
    courseId: null,
    os: 'macOS',
    browser: 'Safari',
    description: 'Completion is not reported on Safari.',
    since: at,
    until: null,
  }),
  agent: (id = 'agt-1'): EntityRecord<'agent'> => ({ id, name: 'Sam Ortiz', email: 'sam@lms-support.example', role: 'agent' }),
  manual_pass: (id = 'mp-1'): EntityRecord<'manual_pass'> => ({
    id,
    learnerId: 'lrn-1',
    moduleId: 'mod-1',
    passedAt: at,
    passedBy: 'agt-1',
    reason: 'Known Safari issue; screenshot shows 90%.',
    evidence: { kind: 'known_issue', knownIssueId: 'ki-1' },
    ticketId: 'tkt-1',
  }),
} satisfies { [E in EntityName]: (...args: never[]) => EntityRecord<E> };

let seq = 0;
export function upsert<E extends EntityName>(entity: E, data: unknown, id?: string): Change {
  seq += 1;
  const recordId = id ?? (data as { id: string }).id;
  return { seq, entity, id: recordId, op: 'upsert', data };
}
export function remove(entity: EntityName, id: string): Change {
  seq += 1;
  return { seq, entity, id, op: 'delete' };
}
