// Support tickets, their threads and screenshots, and the manual passes that resolved some
// of them. Ticket ids follow the order tickets were opened in.
import type { Evidence, Standard, Ticket } from '../../shared/lms/entities';
import type { SeedCatalog, SeedCourse, SeedModule } from './catalog';
import type { LearningResult, ScreenshotKind, TicketCase } from './enrollments-and-attempts';
import { DEMO_ADMIN_ID, DEMO_AGENT_ID, agents, type SeedLearner, type SeedWorkplace } from './people';
import type { SeedSink } from './seed-sink';
import type { SeededRandom } from './seeded-random';
import { DAY_MS, SEED_NOW, isoAt, type SeedCounts } from './seed-scale';
import { writeThread, type ThreadContext, type ThreadKind } from './ticket-threads';
import { personalMailDomains } from './vocabulary';

export interface ScreenshotRequest {
  kind: ScreenshotKind;
  learnerName: string;
  courseName: string;
  moduleName: string;
  score: number | null;
  passingScore: number;
  takenAt: Date;
  format: 'png' | 'jpeg';
}
export type RenderScreenshot = (spec: ScreenshotRequest) => { bytes: Buffer; contentType: string; fileName: string };

interface PlannedTicket {
  kind: ThreadKind;
  learnerIndex: number;
  moduleIndex: number;
  status: Ticket['status'];
  createdAtMs: number;
  fromCase: TicketCase | null;
}

interface RenderedImage {
  sha256: string;
  contentType: string;
  fileName: string;
  size: number;
  workplaceIndex: number;
}

const standardLabel: Record<Standard, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004', xapi: 'xAPI' };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function dateLabel(ms: number): string {
  return new Date(ms).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export interface TicketResult {
  tickets: number;
  messages: number;
  attachments: number;
  distinctScreenshots: number;
  manualPasses: number;
}

export function generateTickets(
  random: SeededRandom,
  counts: SeedCounts,
  catalog: SeedCatalog,
  workplaces: SeedWorkplace[],
  learners: SeedLearner[],
  learning: LearningResult,
  sink: SeedSink,
  render: RenderScreenshot,
  firstManualPassNo: number,
): TicketResult {
  const planned: PlannedTicket[] = learning.ticketCases.map((c) => ({
    kind: c.kind,
    learnerIndex: c.learnerIndex,
    moduleIndex: c.moduleIndex,
    status: c.status,
    createdAtMs: c.createdAtMs,
    fromCase: c,
  }));
  // The rest are learners asking about a course they are not in, or about their account.
  while (planned.length < counts.tickets) {
    const learnerIndex = random.int(0, learners.length - 1);
    let moduleIndex = random.int(0, catalog.modules.length - 1);
    for (let guard = 0; learning.isEnrolled(learnerIndex, moduleIndex) && guard < 20; guard += 1) moduleIndex = random.int(0, catalog.modules.length - 1);
    const kind: ThreadKind = learning.isEnrolled(learnerIndex, moduleIndex) || random.chance(0.6) ? 'general' : 'not_enrolled';
    const status = random.weighted<Ticket['status']>([['new', 20], ['open', 20], ['waiting', 15], ['resolved', 45]]);
    const window = status === 'new' ? [0.02, 3] : status === 'resolved' ? [3, 400] : [1, 20];
    const [from = 1, to = 2] = window;
    planned.push({ kind, learnerIndex, moduleIndex, status, createdAtMs: SEED_NOW - (from + random.next() * (to - from)) * DAY_MS, fromCase: null });
  }
  planned.sort((a, b) => a.createdAtMs - b.createdAtMs || a.learnerIndex - b.learnerIndex);

  const casesByLearner = new Map<number, PlannedTicket[]>();
  for (const p of planned) if (p.fromCase) casesByLearner.set(p.learnerIndex, [...(casesByLearner.get(p.learnerIndex) ?? []), p]);

  // Which screenshot cases get a fresh image and which re-send one another learner sent.
  const screenshotTickets = planned.filter((p) => p.fromCase?.screenshot);
  const reuseCandidates = screenshotTickets.filter((p) => !p.fromCase?.manualPass && p.fromCase?.screenshot !== 'failing');
  const reused = new Set(random.sample(reuseCandidates.slice(Math.floor(reuseCandidates.length / 3)), Math.min(counts.reusedScreenshots, Math.max(0, screenshotTickets.length - counts.screenshots + counts.reusedScreenshots))));
  const rendered: RenderedImage[] = [];

  const agentIds = [DEMO_AGENT_ID, 'agt_0003', 'agt_0004', DEMO_ADMIN_ID];
  let messageNo = 0;
  let attachmentNo = 0;
  let manualPassNo = firstManualPassNo;
  let manualPasses = 0;

  planned.forEach((p, index) => {
    const ticketId = `tkt_${pad(index + 1, 6)}`;
    const learner = learners[p.learnerIndex] as SeedLearner;
    const workplace = workplaces[learner.workplaceIndex] as SeedWorkplace;
    const seedModule = catalog.modules[p.moduleIndex] as SeedModule;
    const course = catalog.courses[seedModule.courseIndex] as SeedCourse;
    const category = catalog.categories[course.categoryIndex];
    const c = p.fromCase;
    const assigneeId = p.status === 'new' ? (random.chance(0.1) ? DEMO_AGENT_ID : null) : random.weighted(agentIds.map((id, i) => [id, [35, 25, 25, 15][i] ?? 1] as const));
    const admin = c?.manualPass?.passedBy ?? DEMO_ADMIN_ID;
    const others = (casesByLearner.get(p.learnerIndex) ?? []).filter((o) => o !== p && o.moduleIndex !== p.moduleIndex);
    const otherCourse = others[0] ? catalog.courses[catalog.modules[others[0].moduleIndex]?.courseIndex ?? 0]?.record.name ?? null : null;

    let image: RenderedImage | null = null;
    let claimedPercent = c?.percent ?? null;
    const isReuse = reused.has(p);
    if (c?.screenshot) {
      const sameWorkplace = rendered.filter((r) => r.workplaceIndex === learner.workplaceIndex);
      if (isReuse && rendered.length > 0) {
        image = random.pick(sameWorkplace.length > 0 ? sameWorkplace : rendered);
      } else if (rendered.length < counts.screenshots) {
        const passing = seedModule.record.passingScore;
        let kind = c.screenshot;
        if (claimedPercent === null && kind !== 'completion') claimedPercent = random.int(passing, 100);
        if (kind === 'passing' && claimedPercent !== null && claimedPercent < passing) kind = 'failing';
        if (kind === 'failing' && claimedPercent !== null && claimedPercent >= passing) kind = 'passing';
        const result = render({
          kind,
          learnerName: learner.record.name,
          courseName: course.record.name,
          moduleName: seedModule.record.name,
          score: kind === 'completion' ? null : claimedPercent,
          passingScore: passing,
          takenAt: new Date(p.createdAtMs - random.int(1, 30) * 3_600_000),
          format: random.chance(0.7) ? 'png' : 'jpeg',
        });
        image = { sha256: sink.putBlob(result.bytes, result.contentType), contentType: result.contentType, fileName: result.fileName, size: result.bytes.length, workplaceIndex: learner.workplaceIndex };
        rendered.push(image);
      }
    }

    const ctx: ThreadContext = {
      kind: p.kind,
      status: p.status,
      firstName: learner.firstName,
      lastName: learner.lastName,
      workplaceName: workplace.record.name,
      courseName: course.record.name,
      categoryName: category?.record.name ?? 'This supplier',
      moduleName: seedModule.record.name,
      moduleNumber: seedModule.number,
      moduleTopic: seedModule.topic,
      passingScore: seedModule.record.passingScore,
      blueBucks: course.record.blueBucks,
      percent: claimedPercent,
      os: c?.environment.os ?? learner.environment.os,
      browser: c?.environment.browser ?? learner.environment.browser,
      cause: c?.cause ?? null,
      knownIssueDescription: c?.knownIssue?.record.description ?? null,
      otherTroubleCourse: learner.troubled ? otherCourse : null,
      hasScreenshot: image !== null,
      screenshotReused: isReuse && image !== null,
      manualPass: c?.manualPass !== null && c?.manualPass !== undefined,
      agentName: agents.find((a) => a.id === (assigneeId ?? DEMO_AGENT_ID))?.name ?? 'Marcus Bell',
      adminName: agents.find((a) => a.id === admin)?.name ?? 'Dana Whitfield',
      standardLabel: standardLabel[course.standard],
      attemptDate: c?.attemptId ? dateLabel(p.createdAtMs - DAY_MS) : null,
      completedDate: c?.kind === 'already_complete' ? dateLabel(p.createdAtMs - 2 * DAY_MS) : null,
    };
    const thread = writeThread(random, ctx);

    // Message times: the thread's own rhythm, squeezed so nothing lies in the future and the
    // manual pass note falls exactly when the enrollment was completed.
    const hours = thread.messages.map((m) => m.afterHours);
    const passIndex = c?.manualPass ? thread.messages.findIndex((m) => m.author === 'note' && m.body.startsWith('Marked ')) : -1;
    if (passIndex > 0 && c?.manualPass) {
      const target = (c.manualPass.passedAtMs - p.createdAtMs) / 3_600_000;
      const at = hours[passIndex] ?? target;
      for (let i = 0; i < hours.length; i += 1) hours[i] = i <= passIndex ? ((hours[i] ?? 0) * target) / Math.max(at, 0.001) : (hours[i] ?? 0) - at + target;
    }
    const room = (SEED_NOW - 60_000 - p.createdAtMs) / 3_600_000;
    const last = hours[hours.length - 1] ?? 0;
    if (last > room) for (let i = 0; i < hours.length; i += 1) hours[i] = ((hours[i] ?? 0) * room) / last;

    const fromPersonal = random.chance(0.1);
    const fromEmail = fromPersonal ? `${learner.firstName.toLowerCase()}${learner.lastName.toLowerCase().replace(/[^a-z]/g, '')}${random.int(1, 99)}@${random.pick(personalMailDomains)}` : learner.record.email;
    const linked = p.status !== 'new' && (c?.manualPass ? true : random.chance(0.85));
    const learnerId = fromPersonal && !linked ? null : linked || random.chance(0.7) ? learner.record.id : null;
    const moduleId = linked && p.kind !== 'general' ? seedModule.record.id : null;

    let lastAt = p.createdAtMs;
    let attachmentId: string | undefined;
    thread.messages.forEach((m, i) => {
      messageNo += 1;
      const messageId = `msg_${pad(messageNo, 7)}`;
      const at = p.createdAtMs + (hours[i] ?? 0) * 3_600_000;
      lastAt = Math.max(lastAt, at);
      const authorId = m.by === 'learner' ? (learnerId ?? null) : m.by === 'admin' ? admin : (assigneeId ?? DEMO_AGENT_ID);
      sink.put('message', { id: messageId, ticketId, author: m.author, authorId, body: m.body, createdAt: isoAt(at) });
      if (m.withScreenshot && image) {
        attachmentNo += 1;
        attachmentId = `file_${pad(attachmentNo, 6)}`;
        sink.put('attachment', { id: attachmentId, ticketId, messageId, fileName: image.fileName, contentType: image.contentType, size: image.size, sha256: image.sha256 });
      }
    });

    if (c?.manualPass) {
      const evidence: Evidence =
        c.manualPass.evidenceKind === 'score_data' && c.attemptId
          ? { kind: 'score_data', attemptId: c.attemptId }
          : c.manualPass.evidenceKind === 'known_issue' && c.knownIssue
            ? { kind: 'known_issue', knownIssueId: c.knownIssue.record.id, ...(attachmentId ? { attachmentId } : {}) }
            : attachmentId
              ? { kind: 'screenshot', attachmentId }
              : c.attemptId
                ? { kind: 'score_data', attemptId: c.attemptId }
                : { kind: 'known_issue', knownIssueId: c.knownIssue?.record.id ?? catalog.knownIssues[0]?.record.id ?? 'ki_001' };
      manualPassNo += 1;
      manualPasses += 1;
      sink.put('manual_pass', {
        id: `mp_${pad(manualPassNo, 6)}`,
        learnerId: learner.record.id,
        moduleId: seedModule.record.id,
        passedAt: isoAt(c.manualPass.passedAtMs),
        passedBy: c.manualPass.passedBy,
        reason:
          evidence.kind === 'score_data'
            ? `Passing score (${c.percent ?? '?'}%) came back in the data; completion never registered. Learner followed the Technical Issues FAQ first.`
            : evidence.kind === 'known_issue'
              ? 'Known issue for this manufacturer on the learner’s OS/browser; reviewed screenshot of the passing score.'
              : 'No data came back; reviewed screenshot shows a passing score with the learner’s name.',
        evidence,
        ticketId,
      });
    }

    sink.put('ticket', {
      id: ticketId,
      subject: thread.subject,
      fromEmail,
      learnerId,
      moduleId,
      status: p.status,
      assigneeId,
      tags: thread.tags,
      createdAt: isoAt(p.createdAtMs),
      updatedAt: isoAt(lastAt),
      version: thread.messages.length + (assigneeId ? 1 : 0) + (moduleId ? 1 : 0),
    });
  });

  return { tickets: planned.length, messages: messageNo, attachments: attachmentNo, distinctScreenshots: rendered.length, manualPasses };
}
