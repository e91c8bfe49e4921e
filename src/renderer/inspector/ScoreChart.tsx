// The learner's scores over their attempts against the passing line: hand-written SVG, with
// the same facts in words for screen readers and for anyone who prefers reading.
import type { InspectedAttempt } from '../../shared/contract';
import { percentText, shortDate } from './plain-figures';

const WIDTH = 520;
const HEIGHT = 190;
const PAD = { left: 40, right: 84, top: 14, bottom: 38 };
/** Room inside the plot so the first and last attempt's labels are not cut at the edges. */
const INSET = 36;

interface Props {
  /** Oldest first. */
  attempts: readonly InspectedAttempt[];
  passingScore: number;
}

export function scoreChartSummary(attempts: readonly InspectedAttempt[], passingScore: number): string {
  if (attempts.length === 0) return 'No attempts yet, so no scores to chart.';
  const points = attempts.map((a, i) =>
    a.percent === null ? `attempt ${i + 1} (${shortDate(a.startedAt)}) no score` : `attempt ${i + 1} (${shortDate(a.startedAt)}) ${percentText(a.percent)}${a.reachesPassingScore ? ', passing' : ''}`,
  );
  return `Scores over ${attempts.length} attempt${attempts.length === 1 ? '' : 's'} against the passing score of ${percentText(passingScore)}: ${points.join('; ')}.`;
}

export function ScoreChart({ attempts, passingScore }: Props) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + INSET + (attempts.length <= 1 ? (plotW - 2 * INSET) / 2 : (i * (plotW - 2 * INSET)) / (attempts.length - 1));
  const y = (percent: number) => PAD.top + plotH - (percent / 100) * plotH;
  const scored = attempts.map((a, i) => ({ a, i })).filter(({ a }) => a.percent !== null);
  const path = scored.map(({ a, i }, n) => `${n === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(a.percent ?? 0).toFixed(1)}`).join(' ');
  const summary = scoreChartSummary(attempts, passingScore);
  // Label every attempt when they fit, else every few, always the last.
  const labelEvery = Math.max(1, Math.ceil(attempts.length / 8));

  if (scored.length === 0) {
    return <p className="hint">No attempt came back with a score, so there is nothing to chart against the passing score of {percentText(passingScore)}.</p>;
  }
  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="score-chart-svg">
        {[0, 50, 100].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} className="chart-axis" textAnchor="end">
              {tick}%
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(passingScore)} y2={y(passingScore)} className="chart-pass-line" />
        <text x={WIDTH - PAD.right + 6} y={y(passingScore) + 4} className="chart-pass-label">
          Passing {percentText(passingScore)}
        </text>
        {path && <path d={path} className="chart-score-line" />}
        {attempts.map((a, i) =>
          a.percent === null ? (
            <g key={a.id} className="chart-no-score">
              <line x1={x(i) - 5} x2={x(i) + 5} y1={y(0) - 5} y2={y(0) + 5} />
              <line x1={x(i) - 5} x2={x(i) + 5} y1={y(0) + 5} y2={y(0) - 5} />
            </g>
          ) : (
            <circle key={a.id} cx={x(i)} cy={y(a.percent)} r={a.isBest ? 6 : 4.5} className={a.reachesPassingScore ? 'chart-point chart-point-pass' : 'chart-point chart-point-fail'} />
          ),
        )}
        {attempts.map((a, i) =>
          i % labelEvery === 0 || i === attempts.length - 1 ? (
            <text key={a.id} x={x(i)} y={HEIGHT - PAD.bottom + 16} className="chart-axis" textAnchor="middle">
              #{i + 1} · {shortDate(a.startedAt)}
            </text>
          ) : null,
        )}
        <text x={PAD.left} y={HEIGHT - 4} className="chart-legend" aria-hidden="true">
          <tspan className="legend-pass">●</tspan> passing <tspan className="legend-fail">●</tspan> below the passing score <tspan className="legend-none">✕</tspan> no score
        </text>
      </svg>
      <figcaption className="hint">{summary}</figcaption>
    </figure>
  );
}
