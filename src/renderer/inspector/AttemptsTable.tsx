// Every attempt of the learner on the module, newest first: when it started and when data
// last came back, the standard, completion and success, the score against the passing score,
// the session time, suspend data against its limit, runtime errors, OS and browser. A row
// opens its runtime errors and its raw key/values.
import { Fragment, useState } from 'react';
import type { InspectedAttempt } from '../../shared/contract';
import { RawDataPanel } from './RawDataPanel';
import { clockTime, dayText, durationText, percentText, standardNames, thousands, utcTime } from './plain-figures';

const COLUMNS = 10;

function ScoreCell({ a, passingScore }: { a: InspectedAttempt; passingScore: number }) {
  const range = a.scoreMin !== null || a.scoreMax !== null ? ` (${a.scoreMin ?? '–'}–${a.scoreMax ?? '–'})` : ' (no min/max)';
  const raw = a.scoreRaw !== null ? `raw ${a.scoreRaw}${range}` : null;
  const scaled = a.scoreScaled !== null ? `scaled ${a.scoreScaled}` : null;
  return (
    <td>
      {a.percent === null ? (
        <span className="muted-value">no score</span>
      ) : (
        <span className={a.reachesPassingScore ? 'score score-pass' : 'score score-fail'}>
          {percentText(a.percent)}
          <span className="visually-hidden">{a.reachesPassingScore ? ', at or above' : ', below'} the passing score of {percentText(passingScore)}</span>
        </span>
      )}
      {a.isBest && <span className="tag">best</span>}
      {raw && <div className="cell-detail">{raw}</div>}
      {scaled && <div className="cell-detail">{scaled}</div>}
      {a.scoreNote && <div className="cell-detail cell-warning">{a.scoreNote}</div>}
    </td>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso}>
      {dayText(iso)}
      <span className="cell-detail"> {clockTime(iso)} UTC</span>
    </time>
  );
}

function SuspendCell({ a }: { a: InspectedAttempt }) {
  const share = Math.min(1, a.suspendDataLength / a.suspendDataLimit);
  return (
    <td>
      <span className={a.suspendDataOverflow ? 'cell-warning' : undefined}>
        {thousands(a.suspendDataLength)} / {thousands(a.suspendDataLimit)}
      </span>
      <span className="meter" aria-hidden="true">
        <span className={a.suspendDataOverflow ? 'meter-fill meter-full' : 'meter-fill'} style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      {a.suspendDataOverflow && <div className="cell-detail cell-warning">at its limit</div>}
    </td>
  );
}

interface Props {
  attempts: readonly InspectedAttempt[];
  passingScore: number;
}

export function AttemptsTable({ attempts, passingScore }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="table-scroll">
      <table className="attempts-table">
        <caption className="visually-hidden">Attempts, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Attempt</th>
            <th scope="col">Started</th>
            <th scope="col">Last data back</th>
            <th scope="col">Completion</th>
            <th scope="col">Success</th>
            <th scope="col">Score</th>
            <th scope="col">Session time</th>
            <th scope="col">Suspend data</th>
            <th scope="col">Errors</th>
            <th scope="col">OS · browser</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a, i) => {
            const expanded = open.has(a.id);
            return (
              <Fragment key={a.id}>
                <tr className={expanded ? 'attempt-row attempt-row-open' : 'attempt-row'}>
                  <th scope="row">
                    <button
                      type="button"
                      className="row-toggle"
                      aria-expanded={expanded}
                      aria-controls={`attempt-${a.id}-details`}
                      aria-label={`Attempt #${attempts.length - i}, ${a.id}: runtime errors and raw data`}
                      onClick={() => toggle(a.id)}
                    >
                      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> #{attempts.length - i}
                    </button>
                    <div className="cell-detail">{a.id}</div>
                    <div className="cell-detail">{standardNames[a.standard]}</div>
                  </th>
                  <td>
                    <When iso={a.startedAt} />
                  </td>
                  <td>{a.lastDataAt ? <When iso={a.lastDataAt} /> : <span className="cell-warning">no data came back</span>}</td>
                  <td className={a.lastDataAt !== null && a.completionStatus !== 'completed' ? 'cell-warning' : undefined}>{a.completionStatus ?? 'not sent'}</td>
                  <td>{a.successStatus ?? 'not sent'}</td>
                  <ScoreCell a={a} passingScore={passingScore} />
                  <td>{a.sessionTime === null ? <span className="muted-value">not sent</span> : durationText(a.sessionTime)}</td>
                  <SuspendCell a={a} />
                  <td className={a.errors.length > 0 ? 'cell-warning' : undefined}>{a.errors.length === 0 ? 'none' : thousands(a.errors.length)}</td>
                  <td>
                    {a.environment.os}
                    <div className="cell-detail">{a.environment.browser}</div>
                  </td>
                </tr>
                <tr className="attempt-summary-row">
                  <td colSpan={COLUMNS}>{a.summary}</td>
                </tr>
                {expanded && (
                  <tr className="attempt-details" id={`attempt-${a.id}-details`}>
                    <td colSpan={COLUMNS}>
                      {a.errors.length > 0 && (
                        <div className="attempt-errors">
                          <h4>Runtime errors</h4>
                          <ul>
                            {a.errors.map((e, n) => (
                              <li key={`${e.at}-${n}`}>
                                <time dateTime={e.at}>{utcTime(e.at)}</time> <code>{e.code}</code> {e.message}
                              </li>
                            ))}
                          </ul>
                        </div>
                      )}
                      <p className="cell-detail">User agent: {a.environment.userAgent}</p>
                      <RawDataPanel attemptId={a.id} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
