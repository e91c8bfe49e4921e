// The irreversible write — a manual pass — and what an admin checks around it: the learner's
// enrollments (the sender's fresh re-check) and transcript (the help article's last step).
import { EnrollmentsQuery, EnrollmentsResponse, ManualPassBody, ManualPassResponse, Transcript } from '../../shared/lms/api';
import type { Enrollment, Evidence, Learner, ManualPass, Module } from '../../shared/lms/entities';
import { ApiError, forbidden, invalidRequest, notFound } from '../http/api-error';
import { parseBody, parseQuery } from '../http/parse-input';
import { json } from '../http/reply';
import { idempotencyKeyOf, idempotentWrite } from './idempotent-write';
import { param, type Handler, type LmsState } from './lms-context';

const notEnrolled = (message: string) => new ApiError(422, 'not_enrolled', message);
const evidenceNotFound = (message: string) => new ApiError(422, 'evidence_not_found', message);

const requiredId: Record<Evidence['kind'], 'attemptId' | 'attachmentId' | 'knownIssueId'> = {
  score_data: 'attemptId',
  screenshot: 'attachmentId',
  known_issue: 'knownIssueId',
};

/** Every record the evidence names must exist and concern this learner (and module). */
function checkEvidence(lms: LmsState, evidence: Evidence, learner: Learner, module: Module): void {
  const needed = requiredId[evidence.kind];
  if (!evidence[needed]) throw invalidRequest(`evidence.${needed}: ${evidence.kind} evidence must name the ${needed.replace('Id', '').replace('knownIssue', 'known issue')} it rests on.`);
  if (evidence.attemptId) {
    const attempt = lms.store.get('attempt', evidence.attemptId);
    if (!attempt) throw evidenceNotFound(`evidence.attemptId: there is no attempt ${evidence.attemptId}. Pick one of the learner's attempts on this module.`);
    if (attempt.learnerId !== learner.id || attempt.moduleId !== module.id) {
      throw evidenceNotFound(`evidence.attemptId: attempt ${attempt.id} is not ${learner.name}'s attempt on ${module.name}; score data from another learner or module proves nothing here.`);
    }
  }
  if (evidence.attachmentId) {
    const attachment = lms.store.get('attachment', evidence.attachmentId);
    if (!attachment) throw evidenceNotFound(`evidence.attachmentId: there is no attachment ${evidence.attachmentId}.`);
    const ticket = lms.store.get('ticket', attachment.ticketId);
    const sentByLearner = ticket !== undefined && (ticket.learnerId === learner.id || ticket.fromEmail.toLowerCase() === learner.email.toLowerCase());
    if (!sentByLearner) throw evidenceNotFound(`evidence.attachmentId: ${attachment.fileName} was not sent on a ticket of ${learner.name}; use a screenshot the learner sent.`);
  }
  if (evidence.knownIssueId) {
    const issue = lms.store.get('known_issue', evidence.knownIssueId);
    if (!issue) throw evidenceNotFound(`evidence.knownIssueId: there is no known issue ${evidence.knownIssueId}.`);
    const course = lms.store.get('course', module.courseId);
    if (!course || issue.categoryId !== course.categoryId || (issue.courseId !== null && issue.courseId !== course.id)) {
      throw evidenceNotFound(`evidence.knownIssueId: known issue ${issue.id} does not concern the course of ${module.name}.`);
    }
  }
}

export const createManualPass: Handler = (ctx, lms) => {
  if (ctx.agent.role !== 'admin') throw forbidden('Only an admin can manually pass a learner. Ask an admin to review this ticket.');
  const key = idempotencyKeyOf(ctx, true);
  const body = parseBody(ManualPassBody, ctx.body);
  return idempotentWrite(ctx, lms, key, body, () => {
    const learner = lms.store.get('learner', body.learnerId);
    if (!learner) throw notEnrolled(`There is no learner ${body.learnerId}, so there is no enrollment to complete. Check the learner linked to the ticket.`);
    const module = lms.store.get('module', body.moduleId);
    if (!module) throw notEnrolled(`There is no module ${body.moduleId}. Pick the course module (not the course) the learner is enrolled in.`);
    const enrollment = lms.store.byLearner('enrollment', learner.id, module.id)[0];
    if (!enrollment) throw notEnrolled(`${learner.name} is not enrolled in ${module.name}; only an enrolled learner can be passed. Enroll them first, or pick the module they are enrolled in.`);
    if (enrollment.status === 'completed') {
      throw new ApiError(409, 'already_completed', `${learner.name} already completed ${module.name} on ${enrollment.completedAt ?? 'an earlier date'} (${enrollment.completionSource ?? 'tracked'}); no manual pass is needed.`);
    }
    checkEvidence(lms, body.evidence, learner, module);
    if (body.ticketId && !lms.store.get('ticket', body.ticketId)) throw evidenceNotFound(`ticketId: there is no ticket ${body.ticketId}.`);

    const at = lms.now();
    const manualPass: ManualPass = lms.store.put('manual_pass', {
      id: lms.newId('mp'),
      learnerId: learner.id,
      moduleId: module.id,
      passedAt: at,
      passedBy: ctx.agent.id,
      reason: body.reason,
      evidence: body.evidence,
      ticketId: body.ticketId ?? null,
    });
    const completed: Enrollment = lms.store.put('enrollment', { ...enrollment, status: 'completed', completedAt: at, completionSource: 'manual' });
    lms.audit.record({ at, agentId: ctx.agent.id, action: 'manual_pass.create', entity: 'manual_pass', recordId: manualPass.id, detail: { enrollmentId: enrollment.id, evidence: body.evidence } });
    return { status: 201, value: ManualPassResponse.parse({ manualPass, enrollment: completed }) };
  });
};

export const listEnrollments: Handler = (ctx, lms) => {
  const query = parseQuery(EnrollmentsQuery, ctx.query);
  return json(EnrollmentsResponse, { enrollments: lms.store.byLearner('enrollment', query.learnerId, query.moduleId) });
};

export const getTranscript: Handler = (ctx, lms) => {
  const learnerId = param(ctx, 'id');
  const learner = lms.store.get('learner', learnerId);
  if (!learner) throw notFound(`There is no learner ${learnerId}.`);
  const entries = lms.store.byLearner('enrollment', learner.id).flatMap((e) => {
    const module = lms.store.get('module', e.moduleId);
    return module ? [{ moduleId: e.moduleId, courseId: module.courseId, status: e.status, completedAt: e.completedAt, source: e.completionSource }] : [];
  });
  entries.sort((a, b) => (a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  return json(Transcript, { learner, entries });
};
