// Where completion failures cluster: course categories down, OS · browser families across,
// each cell the share of attempts whose completion failed. Cells a known issue already names
// are outlined; cells failing far above the rest of their category with no known issue are
// flagged — the start of spotting a new known issue before the tickets pile up.
import type { FailureCell, FailureMap } from '../../shared/contract';

/** Columns beyond this many are the platforms with the fewest failures, left out to keep the table readable. */
const PLATFORMS_SHOWN = 8;

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function cellTitle(c: FailureCell, categoryName: string): string {
  const issue = c.knownIssueIds.length > 0 ? ` Known issue ${c.knownIssueIds.join(', ')} names this platform.` : '';
  const flag = c.suspicious ? ' Failing far more often than the category’s other platforms, and no known issue explains it.' : '';
  return `${categoryName} on ${c.platform}: ${c.failures} of ${c.attempts} attempts failed to complete (${percent(c.rate)}).${issue}${flag}`;
}

export function FailureHeatMap({ map }: { map: FailureMap }) {
  const platforms = map.platforms.slice(0, PLATFORMS_SHOWN);
  const cells = new Map(map.cells.map((c) => [`${c.categoryId}|${c.platform}`, c]));
  const suspicious = map.cells.filter((c) => c.suspicious);
  const categoryName = (id: string) => map.categories.find((c) => c.id === id)?.name ?? id;

  // Shade by how far a cell fails above the map's overall rate: the demo data, like real data,
  // has a steady background of failures, and only what stands out of it is worth the eye.
  const overall = map.attempts > 0 ? map.failures / map.attempts : 0;
  const heat = (rate: number) => Math.max(0, Math.min(1, (rate - overall) / Math.max(0.05, 1 - overall)));

  if (map.attempts === 0) return <p className="hint">No attempts in the last {map.sinceDays} days.</p>;
  return (
    <div className="heat-map">
      <div className="heat-scroll">
        <table className="heat-table">
          <caption>
            Completion failures per category and OS · browser, last {map.sinceDays} days: {map.failures.toLocaleString('en-US')} of {map.attempts.toLocaleString('en-US')} attempts
          </caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              {platforms.map((p) => (
                <th scope="col" key={p}>
                  {p.split(' · ').map((part, i) => (
                    <span key={part} className="heat-head-part">
                      {i > 0 ? <span className="visually-hidden"> · </span> : null}
                      {part}
                    </span>
                  ))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.categories.map((cat) => (
              <tr key={cat.id}>
                <th scope="row">
                  {cat.name}
                  <span className="cell-detail heat-category-count">
                    {cat.failures}/{cat.attempts} failed
                  </span>
                </th>
                {platforms.map((p) => {
                  const c = cells.get(`${cat.id}|${p}`);
                  if (!c) return <td key={p} className="heat-empty" aria-label={`${cat.name} on ${p}: no attempts`} />;
                  const h = heat(c.rate);
                  const classes = ['heat-cell', h > 0.45 ? 'heat-hot' : '', c.knownIssueIds.length > 0 ? 'heat-known' : '', c.suspicious ? 'heat-suspicious' : ''].filter(Boolean).join(' ');
                  return (
                    <td key={p} className={classes} style={{ ['--heat' as string]: h.toFixed(3) }} title={cellTitle(c, cat.name)}>
                      <span className="heat-rate">{c.failures > 0 ? percent(c.rate) : '·'}</span>
                      <span className="heat-count">
                        {c.failures}/{c.attempts}
                      </span>
                      {c.suspicious && <span className="heat-flag" aria-hidden="true">!</span>}
                      <span className="visually-hidden">{cellTitle(c, cat.name)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint heat-legend">
        Each cell: the share of attempts that failed to complete (passed without completion, runtime errors, cut off, or nothing came back), failures/attempts below it. Darker = further above the overall {Math.round(overall * 100)}%.{' '}
        <span className="legend-known">Outlined</span>: a known issue names this platform. <span className="legend-suspicious">Red “!”</span>: well above the category’s other platforms, no known issue.
      </p>
      <div aria-live="polite">
        {suspicious.length === 0 ? (
          <p className="hint">No cluster stands out that a known issue does not already explain.</p>
        ) : (
          <>
            <h3>Possible new known issues</h3>
            <ul className="suspicious-list">
              {suspicious.map((c) => (
                <li key={`${c.categoryId}|${c.platform}`}>{cellTitle(c, categoryName(c.categoryId))}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
