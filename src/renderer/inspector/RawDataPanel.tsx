// The raw key/values an attempt sent, exactly as the course sent them, fetched on demand and
// searchable (keys and values). Long values — suspend data runs to 64,000 characters — come
// back cut, with their full length.
import { useEffect, useId, useState } from 'react';
import type { RawData } from '../../shared/contract';
import { passdesk } from '../passdesk-client';
import { describeFailure } from '../stores/alerts-store';
import { thousands } from './plain-figures';

const PAGE = 200;

/** `search`: the words the data on screen answers, which may lag behind what is being typed. */
type Load = { state: 'loading' } | { state: 'ready'; data: RawData; search: string } | { state: 'failed'; message: string };

export function RawDataPanel({ attemptId }: { attemptId: string }) {
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const inputId = useId();

  useEffect(() => {
    let current = true;
    // A short pause lets a typist finish a word before main is asked.
    const timer = setTimeout(() => {
      passdesk
        .call('inspector.rawData', { attemptId, search, offset: 0, limit: Math.min(500, shown) })
        .then((data) => current && setLoad({ state: 'ready', data, search }))
        .catch((error: unknown) => current && setLoad({ state: 'failed', message: describeFailure(error).message }));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [attemptId, search, shown]);

  return (
    <div className="raw-data" aria-label={`Raw data of attempt ${attemptId}`} role="group">
      <div className="raw-data-search">
        <label htmlFor={inputId}>Search the raw data</label>
        <input
          id={inputId}
          type="search"
          value={search}
          placeholder="cmi.core.lesson_status, suspend_data, 405…"
          onChange={(e) => {
            setSearch(e.target.value);
            setShown(PAGE);
          }}
        />
      </div>
      {load.state === 'loading' && <p className="loading">Reading the key/values…</p>}
      {load.state === 'failed' && (
        <p className="inline-error" role="alert">
          {load.message}
        </p>
      )}
      {load.state === 'ready' && (
        <>
          <p className="hint" aria-live="polite">
            {load.search !== search
              ? 'Searching…'
              : load.data.total === 0
                ? 'The course sent no key/values for this attempt.'
                : load.search.trim() === ''
                  ? `${thousands(load.data.total)} key/values, in the order the course sent them.`
                  : `${thousands(load.data.matched)} of ${thousands(load.data.total)} key/values match “${load.search.trim()}”.`}
          </p>
          {load.data.entries.length > 0 && (
            <table className="raw-table">
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {load.data.entries.map((e) => (
                  <tr key={e.key}>
                    <th scope="row">
                      <code>{e.key}</code>
                    </th>
                    <td>
                      <code className="raw-value">{e.value === '' ? '(empty)' : e.value}</code>
                      {e.truncated && <span className="hint"> … {thousands(e.length)} characters in all</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {load.data.matched > load.data.entries.length && shown < 500 && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              Show more ({thousands(load.data.matched - load.data.entries.length)} left)
            </button>
          )}
        </>
      )}
    </div>
  );
}
