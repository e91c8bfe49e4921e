// Builds docs/lms-api.openapi.json from the zod schemas in src/shared/lms, so the published
// contract and the one both sides validate against cannot drift apart. Run `npm run openapi`
// after changing a schema; a unit test fails while the committed file is stale.
import { z } from 'zod';
import {
  AgentsResponse,
  API_BASE,
  ApiErrorBody,
  AttachmentResponse,
  Change,
  ChangesPage,
  ChangesQuery,
  ChangesWaitQuery,
  DemoAttemptBody,
  DemoAttemptResponse,
  DemoCompleteBody,
  DemoCompleteResponse,
  DemoInboundEmailBody,
  DemoInboundEmailResponse,
  EnrollmentsQuery,
  EnrollmentsResponse,
  FaultSpec,
  FaultsResponse,
  IdempotencyKey,
  ManualPassBody,
  ManualPassResponse,
  MAX_BODY_BYTES,
  MAX_CHANGES_LIMIT,
  MAX_WAIT_MS,
  Me,
  PatchTicketBody,
  PostMessageBody,
  PostMessageResponse,
  StateDigestResponse,
  TicketResponse,
  Transcript,
  TranscriptEntry,
  type ApiErrorCode,
} from '../../shared/lms/api';
import { AttemptError, Environment, Evidence, Id, entitySchemas, type EntityName } from '../../shared/lms/entities';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const componentNames: Record<EntityName, string> = {
  category: 'Category',
  course: 'Course',
  module: 'Module',
  workplace: 'Workplace',
  learner: 'Learner',
  enrollment: 'Enrollment',
  attempt: 'Attempt',
  ticket: 'Ticket',
  message: 'Message',
  attachment: 'Attachment',
  known_issue: 'KnownIssue',
  agent: 'Agent',
  manual_pass: 'ManualPass',
};

const apiComponents = {
  Evidence,
  Environment,
  AttemptError,
  ApiErrorBody,
  Me,
  Change,
  ChangesPage,
  TicketResponse,
  PostMessageBody,
  PostMessageResponse,
  PatchTicketBody,
  ManualPassBody,
  ManualPassResponse,
  EnrollmentsResponse,
  TranscriptEntry,
  Transcript,
  AttachmentResponse,
  AgentsResponse,
  FaultSpec,
  FaultsResponse,
  DemoInboundEmailBody,
  DemoInboundEmailResponse,
  DemoAttemptBody,
  DemoAttemptResponse,
  DemoCompleteBody,
  DemoCompleteResponse,
  StateDigestResponse,
} as const;
type ComponentName = keyof typeof apiComponents | (typeof componentNames)[EntityName];

const ref = (name: ComponentName): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** A JSON Schema fragment for the OpenAPI document: the `$schema`/`$id` keywords belong to standalone schemas only. */
function plain(schema: unknown): JsonObject {
  const { $schema: _s, $id: _i, ...rest } = schema as JsonObject;
  return rest;
}

// "input" describes what a reader must accept: response fields the client ignores stay allowed,
// defaulted request fields are optional, exactly as the schemas parse.
const io = 'input' as const;

function buildComponents(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [entity, schema] of Object.entries(entitySchemas) as [EntityName, z.ZodType][]) {
    registry.add(schema, { id: componentNames[entity] });
  }
  for (const [name, schema] of Object.entries(apiComponents)) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}` });
  const out: Record<string, JsonObject> = {};
  for (const name of Object.keys(schemas).sort()) out[name] = plain(schemas[name]);
  // `data` is validated per entity by the client, so the schema says only "any JSON"; say more in words.
  const change = out.Change as JsonObject & { oneOf?: JsonObject[] };
  const upsert = change.oneOf?.[0] as { properties?: Record<string, JsonObject> } | undefined;
  if (upsert?.properties?.data) {
    upsert.properties.data = {
      description: `The whole record, shaped as the component named after \`entity\`: ${Object.entries(componentNames)
        .map(([entity, name]) => `${entity} → ${name}`)
        .join(', ')}. A record that fails its schema is quarantined by the client, not fatal.`,
    };
  }
  return out;
}

function schemaOf(schema: z.ZodType): JsonObject {
  return plain(z.toJSONSchema(schema, { io }));
}

function queryParameters(query: z.ZodObject, descriptions: Record<string, string>): JsonObject[] {
  const requiredKeys = new Set((schemaOf(query).required as string[] | undefined) ?? []);
  return Object.entries(query.shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: requiredKeys.has(name),
    description: descriptions[name] ?? '',
    schema: schemaOf(schema as z.ZodType),
  }));
}

const pathId = (what: string): JsonObject => ({ name: 'id', in: 'path', required: true, description: `The ${what}'s id.`, schema: schemaOf(Id) });

/** Header values as the server reads them (headers are strings on the wire). */
const IfMatchHeader = z.string().regex(/^(W\/)?"?[1-9][0-9]*"?$/);

const errorExamples: Record<ApiErrorCode, string> = {
  unauthorized: 'The Authorization header is missing or its token is not known to this LMS. Send "Authorization: Bearer <token>".',
  forbidden: 'Only an admin can manually pass a learner; ask an admin to do it.',
  not_found: 'There is no ticket tkt_000123.',
  malformed_json: 'The request body is not valid JSON: Unexpected token } in JSON at position 17.',
  invalid_request: 'evidence.kind: Invalid option: expected one of "score_data"|"screenshot"|"known_issue".',
  payload_too_large: 'The request body is larger than 1 MiB.',
  missing_idempotency_key: 'A manual pass needs an Idempotency-Key header, so that a retry can never pass the learner twice.',
  idempotency_key_reused: 'This Idempotency-Key was already used for a different manual pass; use a fresh key for a new request.',
  precondition_required: 'Changing a ticket needs an If-Match header with the version you last saw.',
  version_conflict: 'Ticket tkt_000123 changed since you loaded it (you sent version 3, it is now at 4). Look at the current ticket in this answer, then apply your change to it.',
  already_completed: 'The learner has already completed this module, so there is nothing to pass.',
  not_enrolled: 'The learner is not enrolled in this module; enroll them first.',
  evidence_not_found: 'evidence.attemptId: there is no attempt atm_0000042. Pick one of the learner\'s attempts on this module.',
  faults_disabled: 'Fault injection is off; start the demo LMS with --allow-faults to use it.',
  internal: 'The LMS failed while answering; nothing was changed. Try again.',
};

interface ErrorCase {
  status: number;
  codes: ApiErrorCode[];
  when: string;
}

function errorResponse(cases: ErrorCase[]): JsonObject {
  const codes = cases.flatMap((c) => c.codes);
  const examples: JsonObject = {};
  for (const code of codes) examples[code] = { value: { error: { code, message: errorExamples[code] } } };
  return {
    description: cases.map((c) => `\`${c.codes.join('`, `')}\` — ${c.when}`).join(' '),
    content: { 'application/json': { schema: ref('ApiErrorBody'), examples } },
  };
}

const always: ErrorCase[] = [
  { status: 401, codes: ['unauthorized'], when: 'the bearer token is missing or unknown.' },
  { status: 500, codes: ['internal'], when: 'the LMS failed; the request was not applied. Retry.' },
];
const withBody: ErrorCase[] = [
  { status: 400, codes: ['malformed_json', 'invalid_request'], when: 'the body is not JSON, or fails the schema (the message names the field).' },
  { status: 413, codes: ['payload_too_large'], when: `the body is over ${MAX_BODY_BYTES} bytes (1 MiB).` },
];
const noSuch = (what: string): ErrorCase => ({ status: 404, codes: ['not_found'], when: `there is no such ${what} (or the path is unknown).` });

interface OperationSpec {
  method: 'get' | 'post' | 'patch';
  path: string;
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  parameters?: JsonObject[];
  requestBody?: ComponentName;
  ok: { status: number; description: string; content: JsonObject; headers?: JsonObject };
  /** Non-error answers besides `ok`, e.g. 304. */
  extraResponses?: JsonObject;
  errors: ErrorCase[];
}

const json = (name: ComponentName): JsonObject => ({ 'application/json': { schema: ref(name) } });

const idempotencyKeyHeader = (required: boolean): JsonObject => ({
  $ref: required ? '#/components/parameters/IdempotencyKeyRequired' : '#/components/parameters/IdempotencyKey',
});

const ticketEtag: JsonObject = { ETag: { description: 'The ticket\'s `version`, quoted: what to send as If-Match.', schema: { type: 'string' } } };

const demoHookErrors = (extra: ErrorCase[]): ErrorCase[] => [
  ...withBody,
  { status: 403, codes: ['forbidden'], when: 'the token is not the demo admin\'s.' },
  ...extra,
  ...always,
];

const operations: OperationSpec[] = [
  {
    method: 'get',
    path: '/me',
    operationId: 'getMe',
    tags: ['session'],
    summary: 'Who the token belongs to',
    description: 'Passdesk checks a token with this call before saving it in Settings; `role` decides what the app offers (only an admin can manually pass).',
    ok: { status: 200, description: 'The signed-in agent or admin.', content: json('Me') },
    errors: [...always],
  },
  {
    method: 'get',
    path: '/changes',
    operationId: 'getChanges',
    tags: ['sync'],
    summary: 'One page of the change feed',
    description:
      'One feed for every entity, in strictly increasing `seq`. Without `cursor` the feed starts from the beginning. Apply the changes in order, store the returned `cursor`, and ask again while `hasMore` is true; paging to the end and then applying later pages yields exactly the server\'s state, also while the server is being written. `op: "upsert"` carries the whole record in `data`; `op: "delete"` has no data (the LMS never hard-deletes through the API, so deletes are rare). The first page (no cursor) also carries `totals` per entity for a progress bar.',
    parameters: queryParameters(ChangesQuery, {
      cursor: 'Opaque; the `cursor` of the previous page. Omit to start from the beginning.',
      limit: `How many changes at most (1–${MAX_CHANGES_LIMIT}).`,
    }),
    ok: { status: 200, description: 'A page of changes and the cursor to continue from.', content: json('ChangesPage') },
    errors: [{ status: 400, codes: ['invalid_request'], when: 'the cursor is not one this LMS issued, or `limit` is out of range.' }, ...always],
  },
  {
    method: 'get',
    path: '/changes/wait',
    operationId: 'waitForChanges',
    tags: ['sync'],
    summary: 'Long-poll: wait until the feed moves past a cursor',
    description: `Answers as soon as the feed holds anything after \`cursor\` (the same page shape as /changes), or with an empty \`changes\` array when \`timeout\` milliseconds (at most ${MAX_WAIT_MS}) pass first. A client keeps one of these open to learn of a change within a second, without busy polling; its own deadline must be longer than \`timeout\`.`,
    parameters: queryParameters(ChangesWaitQuery, {
      cursor: 'Opaque; the cursor the client has applied up to. Omit to wait from the beginning (answers at once if the feed is not empty).',
      timeout: `How long to hold the request open, in milliseconds (0–${MAX_WAIT_MS}).`,
    }),
    ok: { status: 200, description: 'New changes, or none at the timeout.', content: json('ChangesPage') },
    errors: [{ status: 400, codes: ['invalid_request'], when: 'the cursor is not one this LMS issued, or `timeout` is out of range.' }, ...always],
  },
  {
    method: 'get',
    path: '/tickets/{id}',
    operationId: 'getTicket',
    tags: ['tickets'],
    summary: 'One ticket, fresh from the LMS',
    description: 'Used to reload a ticket after a 412.',
    parameters: [pathId('ticket')],
    ok: { status: 200, description: 'The ticket.', headers: ticketEtag, content: json('TicketResponse') },
    errors: [noSuch('ticket'), ...always],
  },
  {
    method: 'post',
    path: '/tickets/{id}/messages',
    operationId: 'postTicketMessage',
    tags: ['tickets'],
    summary: 'Reply to the learner, or add an internal note',
    description: '`author: "agent"` is a reply the learner receives; `"note"` is visible to the support team only. Recorded with who and when. An `Idempotency-Key` makes a retried send post the message once.',
    parameters: [pathId('ticket'), idempotencyKeyHeader(false)],
    requestBody: 'PostMessageBody',
    ok: { status: 201, description: 'The new message and the ticket as it is now (its `version` moved on).', headers: ticketEtag, content: json('PostMessageResponse') },
    errors: [...withBody, noSuch('ticket'), ...always],
  },
  {
    method: 'patch',
    path: '/tickets/{id}',
    operationId: 'patchTicket',
    tags: ['tickets'],
    summary: 'Change a ticket\'s status, assignee, learner, module or tags',
    description:
      'Send `If-Match` with the `version` you last saw. If someone changed the ticket since, nothing is applied and the answer is 412 `version_conflict` with the current ticket in `error.current`, so the client can show both and let a person decide — never overwrite silently.',
    parameters: [pathId('ticket'), { $ref: '#/components/parameters/IfMatch' }, idempotencyKeyHeader(false)],
    requestBody: 'PatchTicketBody',
    ok: { status: 200, description: 'The ticket after the change, with a new `version` (unchanged if the body changed nothing).', headers: ticketEtag, content: json('TicketResponse') },
    errors: [
      { status: 400, codes: ['malformed_json', 'invalid_request'], when: 'the body is not JSON or fails the schema, `assigneeId`, `learnerId` or `moduleId` names a record that does not exist, or If-Match is not a version number (the message names the field).' },
      { status: 413, codes: ['payload_too_large'], when: `the body is over ${MAX_BODY_BYTES} bytes (1 MiB).` },
      noSuch('ticket'),
      { status: 412, codes: ['version_conflict'], when: 'the ticket\'s version is not the one in If-Match; `error.current` is the ticket as it is now.' },
      { status: 428, codes: ['precondition_required'], when: 'the If-Match header is missing.' },
      ...always,
    ],
  },
  {
    method: 'post',
    path: '/manual-passes',
    operationId: 'createManualPass',
    tags: ['manual passes'],
    summary: 'Manually pass a learner on a module (irreversible)',
    description:
      'Manual passes cannot be undone and may release $BlueBucks incentives, so this is the one write with every safeguard: admin only; an `Idempotency-Key` is required; the pass and the enrollment becoming `completed` with `completionSource: "manual"` happen in one transaction and both appear in the change feed. The same key with the same body returns the same pass again (200 or 201) — also when the repeats arrive at the same time — and never creates a second one. After a pass, double-check the learner\'s transcript.',
    parameters: [idempotencyKeyHeader(true)],
    requestBody: 'ManualPassBody',
    ok: {
      status: 201,
      description: 'The pass and the enrollment it completed. A replay of the same key and body answers with the same status and body as the first time, marked `Idempotent-Replayed: true`.',
      headers: { 'Idempotent-Replayed': { description: 'Present and `true` when this answer is a replay of an earlier request with the same key.', schema: { type: 'string', const: 'true' } } },
      content: json('ManualPassResponse'),
    },
    errors: [
      {
        status: 400,
        codes: ['malformed_json', 'invalid_request', 'missing_idempotency_key'],
        when: 'the body is not JSON or fails the schema, the evidence does not name the record its kind rests on (`score_data` → `attemptId`, `screenshot` → `attachmentId`, `known_issue` → `knownIssueId`), or the Idempotency-Key header is missing or malformed.',
      },
      { status: 403, codes: ['forbidden'], when: 'the token belongs to an agent; only an admin can manually pass.' },
      { status: 409, codes: ['already_completed'], when: 'the learner has already completed that module, by any route.' },
      { status: 413, codes: ['payload_too_large'], when: `the body is over ${MAX_BODY_BYTES} bytes (1 MiB).` },
      {
        status: 422,
        codes: ['not_enrolled', 'evidence_not_found', 'idempotency_key_reused'],
        when: 'the learner is not enrolled in the module (or there is no such learner or module); the evidence or `ticketId` names a record that does not exist or does not concern this learner and module (another learner\'s attempt, a screenshot from someone else\'s ticket, a known issue of another course); or the key was already used with a different body.',
      },
      ...always,
    ],
  },
  {
    method: 'get',
    path: '/enrollments',
    operationId: 'getEnrollments',
    tags: ['manual passes'],
    summary: 'A learner\'s enrollments, fresh from the LMS',
    description: 'The sender\'s last re-check before a manual pass: is the learner still enrolled, and not already complete?',
    parameters: queryParameters(EnrollmentsQuery, { learnerId: 'The learner.', moduleId: 'Only this module.' }),
    ok: { status: 200, description: 'The matching enrollments (possibly none).', content: json('EnrollmentsResponse') },
    errors: [{ status: 400, codes: ['invalid_request'], when: '`learnerId` is missing.' }, ...always],
  },
  {
    method: 'get',
    path: '/learners/{id}/transcript',
    operationId: 'getTranscript',
    tags: ['manual passes'],
    summary: 'A learner\'s transcript',
    description: 'Every module the learner is enrolled in, with its status and whether a completion was tracked or manual — the help article\'s last step: "Double-check the status of the course in the learner\'s transcript."',
    parameters: [pathId('learner')],
    ok: { status: 200, description: 'The learner and their transcript entries.', content: json('Transcript') },
    errors: [noSuch('learner'), ...always],
  },
  {
    method: 'get',
    path: '/attachments/{id}',
    operationId: 'getAttachment',
    tags: ['attachments'],
    summary: 'An attachment\'s metadata',
    description: 'File name, type, size and sha256 of a file a learner attached to a ticket (usually a screenshot of the course player\'s result screen).',
    parameters: [pathId('attachment')],
    ok: { status: 200, description: 'The attachment record.', content: json('AttachmentResponse') },
    errors: [noSuch('attachment'), ...always],
  },
  {
    method: 'get',
    path: '/attachments/{id}/content',
    operationId: 'getAttachmentContent',
    tags: ['attachments'],
    summary: 'An attachment\'s bytes',
    description: 'The stored bytes with the stored `Content-Type`. `ETag` is the sha256 of the bytes (hex), so a client can check that what it received is what the LMS stored.',
    parameters: [
      pathId('attachment'),
      { name: 'If-None-Match', in: 'header', required: false, description: 'The ETag of a copy already held; when it matches, the answer is 304 without a body.', schema: { type: 'string' } },
    ],
    extraResponses: { '304': { description: 'Not modified: the copy named by If-None-Match is current.' } },
    ok: {
      status: 200,
      description: 'The file.',
      headers: {
        ETag: { description: 'The sha256 of the bytes, hex (quoted, as ETags are).', schema: { type: 'string' } },
        'Content-Type': { description: 'The content type stored with the attachment, e.g. image/png.', schema: { type: 'string' } },
      },
      content: { '*/*': { schema: { description: 'The raw bytes.' } } },
    },
    errors: [noSuch('attachment'), ...always],
  },
  {
    method: 'get',
    path: '/agents',
    operationId: 'getAgents',
    tags: ['tickets'],
    summary: 'The support team',
    description: 'Who a ticket can be assigned to.',
    ok: { status: 200, description: 'Every agent and admin.', content: json('AgentsResponse') },
    errors: [...always],
  },
  {
    method: 'get',
    path: '/__faults',
    operationId: 'getFaults',
    tags: ['demo LMS'],
    summary: 'Demo LMS only: the fault injection in force',
    description: 'Admin only. Shows what `--faults` set at start, or the last POST /__faults.',
    ok: { status: 200, description: 'The faults now injected.', content: json('FaultsResponse') },
    errors: [{ status: 403, codes: ['forbidden'], when: 'the token is not an admin\'s.' }, ...always],
  },
  {
    method: 'post',
    path: '/__faults',
    operationId: 'setFaults',
    tags: ['demo LMS'],
    summary: 'Demo LMS only: inject faults into later requests',
    description:
      'Replaces the fault injection in force. Per matching request the demo LMS answers 500 without applying the write (`error500`), drops the connection before applying it (`resetBefore`) or after (`resetAfter`), adds `latencyMs`, or sends the answer a few bytes at a time (`trickle`). Probabilities are 0–1; `paths` limits the faults to paths (after /api/v1) starting with one of them. Send `{}` to turn every fault off. Requests to /__faults and /__demo are never faulted. Only on a demo LMS started with `--allow-faults`.',
    requestBody: 'FaultSpec',
    ok: { status: 200, description: 'The faults now injected.', content: json('FaultsResponse') },
    errors: [
      ...withBody,
      { status: 403, codes: ['forbidden', 'faults_disabled'], when: 'the token is not an admin\'s, or the demo LMS was started without `--allow-faults`.' },
      ...always,
    ],
  },
  {
    method: 'post',
    path: '/__demo/inbound-email',
    operationId: 'demoInboundEmail',
    tags: ['demo LMS'],
    summary: 'Demo LMS only: a learner writes in',
    description: 'Opens a new ticket from the e-mail (linked to the learner whose address it is, if any), or adds the learner\'s reply to `ticketId` and brings that ticket back to the team\'s attention. Files in `attachments` (at most 5, each at most 700,000 bytes once decoded from base64) become attachment records on the message, their bytes stored once per sha256, in the same write as the message. Not part of the API a real LMS offers.',
    requestBody: 'DemoInboundEmailBody',
    ok: { status: 201, description: 'The ticket, the learner\'s message and the attachment records of its files.', content: json('DemoInboundEmailResponse') },
    errors: demoHookErrors([noSuch('ticket to reply to')]),
  },
  {
    method: 'post',
    path: '/__demo/attempts',
    operationId: 'demoCourseSendsAttempt',
    tags: ['demo LMS'],
    summary: 'Demo LMS only: a course sends its score data',
    description: 'Records an attempt as the course\'s runtime would report it (SCORM 1.2, SCORM 2004 or xAPI); the completion is registered (`tracked`) when `registerCompletion` says so, by default when the course reports completed and not failed — leave it false to reproduce "passed but completion not registered".',
    requestBody: 'DemoAttemptBody',
    ok: { status: 201, description: 'The attempt and the enrollment as it is now.', content: json('DemoAttemptResponse') },
    errors: demoHookErrors([{ status: 422, codes: ['not_enrolled'], when: 'there is no such learner or module, or the learner is not enrolled in it.' }]),
  },
  {
    method: 'post',
    path: '/__demo/complete',
    operationId: 'demoLearnerCompletes',
    tags: ['demo LMS'],
    summary: 'Demo LMS only: a learner completes a module on their own',
    description: 'The enrollment becomes `completed` with `completionSource: "tracked"` — what makes a queued manual pass unnecessary.',
    requestBody: 'DemoCompleteBody',
    ok: { status: 200, description: 'The completed enrollment.', content: json('DemoCompleteResponse') },
    errors: demoHookErrors([
      { status: 409, codes: ['already_completed'], when: 'the learner already completed the module.' },
      { status: 422, codes: ['not_enrolled'], when: 'there is no such learner or module, or the learner is not enrolled in it.' },
    ]),
  },
  {
    method: 'get',
    path: '/__demo/state-digest',
    operationId: 'demoStateDigest',
    tags: ['demo LMS'],
    summary: 'Demo LMS only: a fingerprint of the whole state',
    description: 'Per entity, how many live records there are and a checksum over them (src/shared/lms/state-digest.ts). A synced cache that computes the same digest holds exactly what the LMS holds.',
    ok: { status: 200, description: 'The digest per entity.', content: json('StateDigestResponse') },
    errors: [{ status: 403, codes: ['forbidden'], when: 'the token is not the demo admin\'s.' }, ...always],
  },
];

function buildOperation(op: OperationSpec): JsonObject {
  const responses: JsonObject = {
    [String(op.ok.status)]: { description: op.ok.description, ...(op.ok.headers ? { headers: op.ok.headers } : {}), content: op.ok.content },
    ...op.extraResponses,
  };
  const byStatus = new Map<number, ErrorCase[]>();
  for (const c of op.errors) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c]);
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) responses[String(status)] = errorResponse(byStatus.get(status) ?? []);
  return {
    operationId: op.operationId,
    tags: op.tags,
    summary: op.summary,
    description: op.description,
    ...(op.parameters && op.parameters.length > 0 ? { parameters: op.parameters } : {}),
    ...(op.requestBody ? { requestBody: { required: true, content: json(op.requestBody) } } : {}),
    responses,
  };
}

export function buildOpenApiDocument(): JsonObject {
  const paths: JsonObject = {};
  for (const op of operations) {
    const item = (paths[op.path] ?? {}) as JsonObject;
    item[op.method] = buildOperation(op);
    paths[op.path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'LMS Support API',
      version: '1.0.0',
      description:
        'The API through which Passdesk, the support team\'s desktop app, syncs with the learning management system: a change feed of every entity, ticket writes, attachments, transcripts, and the irreversible manual pass. Every endpoint may also answer 401 `unauthorized` (checked before anything else), 404 `not_found` for a path that does not exist, 405 `invalid_request` (with an `Allow` header) for a method a path does not take, and 503 `internal` while the LMS shuts down. Generated from the zod schemas in src/shared/lms by `npm run openapi`; the guide is docs/lms-api.md.',
    },
    servers: [
      {
        url: `http://127.0.0.1:{port}${API_BASE}`,
        description: 'The demo LMS (`npm run demo-lms`), which prints its port and tokens.',
        variables: { port: { default: '4000' } },
      },
    ],
    security: [{ bearer: [] }],
    tags: [
      { name: 'session', description: 'Who is signed in.' },
      { name: 'sync', description: 'The change feed and its long-poll.' },
      { name: 'tickets', description: 'Learners\' tickets: replies, notes, status, assignment.' },
      { name: 'manual passes', description: 'The irreversible manual pass and the checks around it.' },
      { name: 'attachments', description: 'Files learners attached, usually screenshots.' },
      { name: 'demo LMS', description: 'Fault injection and the outside world acting on the LMS (learners writing in, courses sending data); exists on the demo LMS only, admin token only.' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Every request: `Authorization: Bearer <token>`. The demo LMS prints an admin token and an agent token at start.' },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'A fresh key per logical write; repeating it with the same body repeats the answer instead of the write.',
          schema: schemaOf(IdempotencyKey),
        },
        IdempotencyKeyRequired: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'Required. A fresh key per manual pass; a retry sends the same key, so the LMS records the pass once.',
          schema: schemaOf(IdempotencyKey),
        },
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'The ticket `version` the change is based on: `3`, `"3"` or `W/"3"` (the ETag of the ticket answers).',
          schema: schemaOf(IfMatchHeader),
        },
      },
      schemas: buildComponents(),
    },
  };
}

/** The file as committed: two-space JSON with a final newline, so diffs stay readable. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
