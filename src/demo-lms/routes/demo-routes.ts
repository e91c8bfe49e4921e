// Demo-only hooks (admin token): the world outside the support desk acting on the LMS — a
// learner e-mails in, a course sends its score data, a learner completes on their own — and
// a digest of the whole state for tests to compare a synced cache against.
import {
  DemoAttemptBody,
  DemoAttemptResponse,
  DemoCompleteBody,
  DemoCompleteResponse,
  DemoInboundEmailBody,
  DemoInboundEmailResponse,
  MAX_INBOUND_ATTACHMENT_BYTES,
  type DemoInboundAttachment,
  StateDigestResponse,
} from '../../shared/lms/api';
import { entitySchemas, type Attachment, type Attempt, type EntityName, type Enrollment, type Learner, type Module } from '../../shared/lms/entities';
import { createEntityDigester, type StateDigest } from '../../shared/lms/state-digest';
import { ApiError, forbidden, invalidRequest, notFound } from '../http/api-error';
import { parseBody } from '../http/parse-input';
import { json } from '../http/reply';
import { cmiFor } from '../seed/course-runtime';
import type { RecordStore } from '../store/record-store';
import type { Handler, LmsState, RequestContext } from './lms-context';

const DEFAULT_ENVIRONMENT = {
  os: 'Windows 11',
  browser: 'Chrome 131',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

function requireAdmin(ctx: RequestContext): void {
  if (ctx.agent.role !== 'admin') throw forbidden('The demo hooks need the demo admin token.');
}

function enrollmentOf(lms: LmsState, learnerId: string, moduleId: string): { learner: Learner; module: Module; enrollment: Enrollment } {
  const learner = lms.store.get('learner', learnerId);
  if (!learner) throw new ApiError(422, 'not_enrolled', `There is no learner ${learnerId}.`);
  const module = lms.store.get('module', moduleId);
  if (!module) throw new ApiError(422, 'not_enrolled', `There is no module ${moduleId}.`);
  const enrollment = lms.store.byLearner('enrollment', learnerId, moduleId)[0];
  if (!enrollment) throw new ApiError(422, 'not_enrolled', `${learner.name} is not enrolled in ${module.name}.`);
  return { learner, module, enrollment };
}

/** The files' bytes, decoded before the write so a bad file refuses the whole e-mail. */
function decodeAttachments(files: readonly DemoInboundAttachment[]): { file: DemoInboundAttachment; bytes: Buffer }[] {
  return files.map((file, i) => {
    const bytes = Buffer.from(file.dataBase64, 'base64');
    // The schema bounds the base64 text; this is the exact bound on what it decodes to.
    if (bytes.length > MAX_INBOUND_ATTACHMENT_BYTES) {
      throw invalidRequest(`attachments.${i} (${file.fileName}) is ${bytes.length} bytes; a file may be at most ${MAX_INBOUND_ATTACHMENT_BYTES} bytes. Send a smaller file.`);
    }
    return { file, bytes };
  });
}

export const inboundEmail: Handler = (ctx, lms) => {
  requireAdmin(ctx);
  const body = parseBody(DemoInboundEmailBody, ctx.body);
  const files = decodeAttachments(body.attachments ?? []);
  return lms.store.write(() => {
    const at = lms.now();
    const learner = lms.store.learnerByEmail(body.fromEmail);
    let ticket = body.ticketId ? lms.store.get('ticket', body.ticketId) : undefined;
    if (body.ticketId && !ticket) throw notFound(`There is no ticket ${body.ticketId} to reply to; leave ticketId out to open a new ticket.`);
    if (ticket) {
      // A learner's reply brings a ticket back to the team's attention.
      ticket = lms.store.put('ticket', { ...ticket, status: ticket.status === 'new' ? 'new' : 'open', updatedAt: at, version: ticket.version + 1 });
    } else {
      const firstLine = body.body.split('\n').find((line) => line.trim() !== '')?.trim() ?? '(no subject)';
      ticket = lms.store.put('ticket', {
        id: lms.newId('tkt'),
        subject: body.subject ?? (firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine),
        fromEmail: body.fromEmail,
        learnerId: learner?.id ?? null,
        moduleId: null,
        status: 'new',
        assigneeId: null,
        tags: [],
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
    }
    const message = lms.store.put('message', { id: lms.newId('msg'), ticketId: ticket.id, author: 'learner', authorId: ticket.learnerId ?? learner?.id ?? null, body: body.body, createdAt: at });
    // Bytes are stored once per content, as the seed stores its screenshots; the blob and the
    // records commit in this same transaction, so no attachment ever points at missing bytes.
    const attachments: Attachment[] = files.map(({ file, bytes }) =>
      lms.store.put('attachment', {
        id: lms.newId('file'),
        ticketId: ticket.id,
        messageId: message.id,
        fileName: file.fileName,
        contentType: file.contentType,
        size: bytes.length,
        sha256: lms.blobs.put(bytes, file.contentType),
      }),
    );
    return json(DemoInboundEmailResponse, { ticket, message, attachments }, 201);
  });
};

export const courseSendsAttempt: Handler = (ctx, lms) => {
  requireAdmin(ctx);
  const body = parseBody(DemoAttemptBody, ctx.body);
  return lms.store.write(() => {
    const { learner, enrollment } = enrollmentOf(lms, body.learnerId, body.moduleId);
    const at = lms.now();
    const raw = body.scoreRaw;
    const min = raw === null ? null : (body.scoreMin ?? 0);
    const max = raw === null ? null : (body.scoreMax ?? 100);
    const scaled = raw === null || body.standard === 'scorm12' || min === null || max === null || max === min ? null : Math.max(-1, Math.min(1, Math.round(((raw - min) / (max - min)) * 10_000) / 10_000));
    const suspendData = 'x'.repeat(body.suspendDataLength);
    const id = lms.newId('atm');
    const noData = body.completionStatus === null && body.successStatus === null && raw === null;
    const attempt: Attempt = lms.store.put('attempt', {
      id,
      learnerId: learner.id,
      moduleId: body.moduleId,
      startedAt: new Date(Date.parse(at) - (body.sessionTime ?? 0) * 1000).toISOString(),
      lastDataAt: noData ? null : at,
      standard: body.standard,
      completionStatus: body.completionStatus,
      successStatus: body.successStatus,
      scoreRaw: raw,
      scoreMin: min,
      scoreMax: max,
      scoreScaled: scaled,
      sessionTime: body.sessionTime,
      suspendDataLength: body.suspendDataLength,
      environment: body.environment ?? DEFAULT_ENVIRONMENT,
      errors: body.errors,
      cmi:
        body.cmi ??
        (noData
          ? {}
          : cmiFor({
              standard: body.standard,
              learnerId: learner.id,
              learnerName: learner.name,
              learnerEmail: learner.email,
              moduleId: body.moduleId,
              completionStatus: body.completionStatus,
              successStatus: body.successStatus,
              scoreRaw: raw,
              scoreMin: min,
              scoreMax: max,
              scoreScaled: scaled,
              sessionTime: body.sessionTime,
              totalTime: body.sessionTime,
              suspendData,
              location: '',
              exit: body.completionStatus === 'completed' ? 'normal' : 'suspend',
              resumed: false,
              lastDataAt: at,
              registration: id,
              interactions: [],
            })),
    });
    const register = body.registerCompletion ?? (body.completionStatus === 'completed' && body.successStatus !== 'failed');
    let next = enrollment;
    if (register && enrollment.status !== 'completed') next = lms.store.put('enrollment', { ...enrollment, status: 'completed', completedAt: at, completionSource: 'tracked' });
    else if (enrollment.status === 'not_started') next = lms.store.put('enrollment', { ...enrollment, status: 'in_progress' });
    return json(DemoAttemptResponse, { attempt, enrollment: next }, 201);
  });
};

export const learnerCompletes: Handler = (ctx, lms) => {
  requireAdmin(ctx);
  const body = parseBody(DemoCompleteBody, ctx.body);
  return lms.store.write(() => {
    const { learner, module, enrollment } = enrollmentOf(lms, body.learnerId, body.moduleId);
    if (enrollment.status === 'completed') throw new ApiError(409, 'already_completed', `${learner.name} already completed ${module.name}.`);
    const completed = lms.store.put('enrollment', { ...enrollment, status: 'completed', completedAt: lms.now(), completionSource: 'tracked' });
    return json(DemoCompleteResponse, { enrollment: completed });
  });
};

/** The digest of everything in the store, streamed entity by entity in id order. */
export function computeStateDigest(store: RecordStore, sha256: (text: string) => string): StateDigest {
  const names = Object.keys(entitySchemas) as EntityName[];
  return Object.fromEntries(
    names.map((name) => {
      const digester = createEntityDigester(sha256);
      for (const record of store.all(name)) digester.add(record);
      return [name, digester.finish()];
    }),
  ) as StateDigest;
}

export const stateDigest: Handler = (ctx, lms) => {
  requireAdmin(ctx);
  return json(StateDigestResponse, { digest: computeStateDigest(lms.store, lms.sha256) });
};
