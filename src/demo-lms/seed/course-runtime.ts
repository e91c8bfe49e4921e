// What a course's runtime sends back, as raw key/values: the SCORM 1.2 `cmi.core.*` model,
// the SCORM 2004 `cmi.*` model, or an xAPI statement flattened to dotted keys. Both the seed
// and the demo "the course sends data" endpoint write attempts through here, so the raw data
// an admin inspects always agrees with the attempt's summary fields.
import type { CompletionStatus, Standard, SuccessStatus } from '../../shared/lms/entities';

export interface RuntimeFacts {
  standard: Standard;
  learnerId: string;
  learnerName: string;
  learnerEmail: string;
  moduleId: string;
  completionStatus: CompletionStatus | null;
  successStatus: SuccessStatus | null;
  scoreRaw: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  scoreScaled: number | null;
  /** Seconds; null when the course never reported its session time (a session cut off). */
  sessionTime: number | null;
  totalTime: number | null;
  suspendData: string;
  /** Where the learner was, e.g. "slide_14"; empty for a first launch. */
  location: string;
  exit: 'suspend' | 'normal' | 'time-out' | 'logout' | '';
  resumed: boolean;
  /** When the course last sent data, for xAPI's timestamp. */
  lastDataAt: string | null;
  /** An xAPI registration id; ignored by SCORM. */
  registration: string;
  /** Quiz answers as the course logged them. */
  interactions: readonly { id: string; correct: boolean; at: string }[];
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS */
export function scorm12Timespan(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 / xAPI ISO 8601 duration: PT1H2M3S */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round((seconds % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** SCORM 1.2 folds completion and success into one lesson_status. */
export function scorm12LessonStatus(completion: CompletionStatus | null, success: SuccessStatus | null): string {
  if (completion === 'completed') return success === 'passed' ? 'passed' : success === 'failed' ? 'failed' : 'completed';
  if (completion === 'incomplete') return 'incomplete';
  if (completion === 'unknown') return 'browsed';
  return 'not attempted';
}

function scoreEntries(prefix: string, facts: RuntimeFacts, withScaled: boolean): [string, string][] {
  if (facts.scoreRaw === null) return [];
  const entries: [string, string][] = [[`${prefix}.raw`, String(facts.scoreRaw)]];
  if (facts.scoreMin !== null) entries.push([`${prefix}.min`, String(facts.scoreMin)]);
  if (facts.scoreMax !== null) entries.push([`${prefix}.max`, String(facts.scoreMax)]);
  if (withScaled && facts.scoreScaled !== null) entries.push([`${prefix}.scaled`, String(facts.scoreScaled)]);
  return entries;
}

function scormName(name: string): string {
  const parts = name.split(' ');
  const last = parts.pop() ?? name;
  return parts.length ? `${last}, ${parts.join(' ')}` : last;
}

function scorm12(facts: RuntimeFacts): [string, string][] {
  const entries: [string, string][] = [
    ['cmi.core.student_id', facts.learnerId],
    ['cmi.core.student_name', scormName(facts.learnerName)],
    ['cmi.core.credit', 'credit'],
    ['cmi.core.lesson_mode', 'normal'],
    ['cmi.core.entry', facts.resumed ? 'resume' : 'ab-initio'],
    ['cmi.core.lesson_location', facts.location],
    ['cmi.core.lesson_status', scorm12LessonStatus(facts.completionStatus, facts.successStatus)],
    ...scoreEntries('cmi.core.score', facts, false),
    ['cmi.core.exit', facts.exit === 'normal' ? '' : facts.exit],
    ['cmi.suspend_data', facts.suspendData],
    ['cmi.launch_data', ''],
  ];
  if (facts.totalTime !== null) entries.push(['cmi.core.total_time', scorm12Timespan(facts.totalTime)]);
  if (facts.sessionTime !== null) entries.push(['cmi.core.session_time', scorm12Timespan(facts.sessionTime)]);
  entries.push(['cmi.interactions._count', String(facts.interactions.length)]);
  facts.interactions.forEach((q, n) => {
    entries.push([`cmi.interactions.${n}.id`, q.id], [`cmi.interactions.${n}.type`, 'choice'], [`cmi.interactions.${n}.result`, q.correct ? 'correct' : 'wrong'], [`cmi.interactions.${n}.time`, q.at.slice(11, 19)]);
  });
  return entries;
}

function scorm2004(facts: RuntimeFacts): [string, string][] {
  const entries: [string, string][] = [
    ['cmi._version', '1.0'],
    ['cmi.learner_id', facts.learnerId],
    ['cmi.learner_name', scormName(facts.learnerName)],
    ['cmi.credit', 'credit'],
    ['cmi.mode', 'normal'],
    ['cmi.entry', facts.resumed ? 'resume' : 'ab-initio'],
    ['cmi.location', facts.location],
    ['cmi.completion_status', facts.completionStatus === null ? 'unknown' : facts.completionStatus.replace('_', ' ')],
    ['cmi.success_status', facts.successStatus ?? 'unknown'],
    ['cmi.completion_threshold', '1'],
    ['cmi.progress_measure', facts.completionStatus === 'completed' ? '1' : facts.completionStatus === 'incomplete' ? '0.6' : '0'],
    ...scoreEntries('cmi.score', facts, true),
    ['cmi.exit', facts.exit],
    ['cmi.suspend_data', facts.suspendData],
  ];
  if (facts.totalTime !== null) entries.push(['cmi.total_time', isoDuration(facts.totalTime)]);
  if (facts.sessionTime !== null) entries.push(['cmi.session_time', isoDuration(facts.sessionTime)]);
  entries.push(['cmi.interactions._count', String(facts.interactions.length)]);
  facts.interactions.forEach((q, n) => {
    entries.push([`cmi.interactions.${n}.id`, `urn:buildlearn:${facts.moduleId}:${q.id}`], [`cmi.interactions.${n}.type`, 'choice'], [`cmi.interactions.${n}.result`, q.correct ? 'correct' : 'incorrect'], [`cmi.interactions.${n}.timestamp`, q.at]);
  });
  return entries;
}

function xapiVerb(facts: RuntimeFacts): string {
  if (facts.successStatus === 'passed') return 'passed';
  if (facts.successStatus === 'failed') return 'failed';
  if (facts.completionStatus === 'completed') return 'completed';
  if (facts.completionStatus === 'incomplete') return 'progressed';
  return 'initialized';
}

function xapi(facts: RuntimeFacts): [string, string][] {
  const verb = xapiVerb(facts);
  const entries: [string, string][] = [
    ['actor.objectType', 'Agent'],
    ['actor.name', facts.learnerName],
    ['actor.mbox', `mailto:${facts.learnerEmail}`],
    ['verb.id', `http://adlnet.gov/expapi/verbs/${verb}`],
    ['verb.display.en-US', verb],
    ['object.id', `https://courses.buildlearn.com/modules/${facts.moduleId}`],
    ['object.definition.type', 'http://adlnet.gov/expapi/activities/module'],
    ['context.registration', facts.registration],
    ['context.platform', 'BuildLearn Course Player'],
  ];
  if (facts.lastDataAt) entries.push(['timestamp', facts.lastDataAt]);
  for (const [key, value] of scoreEntries('result.score', facts, true)) entries.push([key, value]);
  if (facts.successStatus === 'passed' || facts.successStatus === 'failed') entries.push(['result.success', String(facts.successStatus === 'passed')]);
  if (facts.completionStatus === 'completed' || facts.completionStatus === 'incomplete') entries.push(['result.completion', String(facts.completionStatus === 'completed')]);
  if (facts.sessionTime !== null) entries.push(['result.duration', isoDuration(facts.sessionTime)]);
  if (facts.suspendData) entries.push(['state.suspend_data', facts.suspendData]);
  if (facts.location) entries.push(['state.bookmark', facts.location]);
  return entries;
}

/** The raw key/values the course would have sent for these facts. */
export function cmiFor(facts: RuntimeFacts): Record<string, string> {
  const entries = facts.standard === 'scorm12' ? scorm12(facts) : facts.standard === 'scorm2004' ? scorm2004(facts) : xapi(facts);
  return Object.fromEntries(entries);
}

/** The suspend-data limit of each standard (SCORM 1.2 is the one courses outgrow). */
export const suspendDataLimit: Record<Standard, number> = { scorm12: 4096, scorm2004: 64000, xapi: 64000 };
