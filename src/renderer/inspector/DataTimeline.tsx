// When data came back, attempt by attempt, as a strip of the stages a course reports —
// launched, data, score, passed, completion — each filled when it arrived and a hollow red
// ring when it never did, so "passed at 14:02, completion never arrived" reads at a glance.
// Every event in time order follows as a list.
import type { InspectedAttempt, TimelineEvent } from '../../shared/contract';
import { clockTime, percentText, shortDate, utcTime } from './plain-figures';

const STAGES = ['Launched', 'Data came back', 'Score', 'Passed', 'Completion'] as const;
const LANES_SHOWN = 6;
const WIDTH = 640;
const LABEL_W = 96;
const ROW_H = 50;
const HEAD_H = 22;

type StageMark = { state: 'arrived' | 'bad' | 'missing' | 'pending'; text: string };

/** What each stage shows for one attempt. */
export function stageMarks(a: InspectedAttempt, nowMs: number): StageMark[] {
  const back = a.lastDataAt;
  const recent = back !== null && nowMs - Date.parse(back) < 30 * 60_000;
  const launched: StageMark = { state: 'arrived', text: clockTime(a.startedAt) };
  if (back === null) {
    const never: StageMark = { state: 'missing', text: 'never' };
    return [launched, never, { state: 'missing', text: '—' }, { state: 'missing', text: '—' }, { state: 'missing', text: '—' }];
  }
  const score: StageMark =
    a.percent === null ? { state: 'missing', text: 'none' } : { state: a.reachesPassingScore ? 'arrived' : 'bad', text: percentText(a.percent) };
  const passed: StageMark =
    a.successStatus === 'passed' ? { state: 'arrived', text: 'passed' } : a.successStatus === 'failed' ? { state: 'bad', text: 'failed' } : { state: 'missing', text: 'not sent' };
  const completion: StageMark =
    a.completionStatus === 'completed' ? { state: 'arrived', text: 'completed' } : recent ? { state: 'pending', text: 'not yet' } : { state: 'missing', text: 'never arrived' };
  return [launched, { state: 'arrived', text: clockTime(back) }, score, passed, completion];
}

interface Props {
  /** Newest first. */
  attempts: readonly InspectedAttempt[];
  events: readonly TimelineEvent[];
  computedAt: string;
}

export function DataTimeline({ attempts, events, computedAt }: Props) {
  const nowMs = Date.parse(computedAt);
  const lanes = attempts.slice(0, LANES_SHOWN);
  const height = HEAD_H + lanes.length * ROW_H + 6;
  const stageX = (i: number) => LABEL_W + 36 + (i * (WIDTH - LABEL_W - 84)) / (STAGES.length - 1);
  const ordinal = (a: InspectedAttempt) => attempts.length - attempts.indexOf(a);
  const summary = lanes.map((a) => `Attempt ${ordinal(a)}: ${a.summary}`).join(' ');

  return (
    <div className="data-timeline">
      {lanes.length > 0 && (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} className="timeline-svg">
          {STAGES.map((stage, i) => (
            <text key={stage} x={stageX(i)} y={14} textAnchor="middle" className="timeline-stage">
              {stage}
            </text>
          ))}
          {lanes.map((a, row) => {
            const top = HEAD_H + row * ROW_H;
            const cy = top + 16;
            const marks = stageMarks(a, nowMs);
            const lastArrived = marks.reduce((last, m, i) => (m.state === 'arrived' || m.state === 'bad' ? i : last), 0);
            return (
              <g key={a.id}>
                <text x={4} y={cy + 4} className="timeline-lane-label">
                  #{ordinal(a)} · {shortDate(a.startedAt)}
                </text>
                <line x1={stageX(0)} x2={stageX(lastArrived)} y1={cy} y2={cy} className="timeline-track" />
                {lastArrived < STAGES.length - 1 && <line x1={stageX(lastArrived)} x2={stageX(STAGES.length - 1)} y1={cy} y2={cy} className="timeline-track timeline-track-missing" />}
                {marks.map((m, i) => (
                  <g key={STAGES[i]}>
                    <circle cx={stageX(i)} cy={cy} r={7} className={`timeline-node timeline-node-${m.state}`} />
                    <text x={stageX(i)} y={cy + 22} textAnchor="middle" className={`timeline-value timeline-value-${m.state}`}>
                      {m.text}
                    </text>
                  </g>
                ))}
                {a.errors.length > 0 && (
                  <text x={stageX(1) + 12} y={cy - 9} className="timeline-errors">
                    ⚠ {a.errors.length} error{a.errors.length === 1 ? '' : 's'}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
      {attempts.length > LANES_SHOWN && <p className="hint">The {attempts.length - LANES_SHOWN} older attempts are in the table below and in every event.</p>}
      <details className="timeline-events">
        <summary>Every event, in time order ({events.length})</summary>
        <ol>
          {events.map((e, i) => (
            <li key={`${e.at}-${i}`} className={`timeline-event timeline-event-${e.kind}`}>
              <time dateTime={e.at}>{utcTime(e.at)}</time> {e.text}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
