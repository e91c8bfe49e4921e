// Above the list: the views with their live counts, the search box (results as you type) and
// the filters and sort.
import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import { inboxViewLabels, inboxViews, type InboxSort } from '../../shared/channels/tickets';
import { useInboxList } from './inbox-store';

/** Typing pauses this long before the search runs. */
const SEARCH_PAUSE_MS = 120;

export function InboxViews() {
  const view = useInboxList((s) => s.view);
  const counts = useInboxList((s) => s.counts);
  const setView = useInboxList((s) => s.setView);
  return (
    <div className="inbox-views" role="group" aria-label="Views">
      {inboxViews.map((v) => (
        <button key={v} type="button" className="view-button" aria-pressed={view === v} onClick={() => setView(v)}>
          {inboxViewLabels[v]}
          <span className="view-count" aria-label={`${counts?.[v] ?? 0} tickets`}>
            {counts ? counts[v].toLocaleString('en-US') : '…'}
          </span>
        </button>
      ))}
    </div>
  );
}

export function InboxSearch({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const search = useInboxList((s) => s.search);
  const setSearch = useInboxList((s) => s.setSearch);
  const [text, setText] = useState(search);
  useEffect(() => {
    if (text === search) return;
    const timer = setTimeout(() => setSearch(text), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, search, setSearch]);
  return (
    <input
      ref={inputRef}
      type="search"
      className="inbox-search"
      aria-label="Search tickets"
      placeholder="Search subject, messages, sender  /"
      value={text}
      maxLength={200}
      onChange={(event) => setText(event.target.value)}
    />
  );
}

export function InboxFilters({ search }: { search: ReactNode }) {
  const filters = useInboxList((s) => s.filters);
  const sort = useInboxList((s) => s.sort);
  const options = useInboxList((s) => s.filterOptions);
  const setFilters = useInboxList((s) => s.setFilters);
  const setSort = useInboxList((s) => s.setSort);
  const loadFilterOptions = useInboxList((s) => s.loadFilterOptions);
  useEffect(() => {
    void loadFilterOptions();
  }, [loadFilterOptions]);
  const pick = (value: string) => (value === '' ? null : value);
  return (
    <div className="inbox-filters" role="group" aria-label="Search and filters">
      {search}
      <select aria-label="Filter by course category" value={filters.categoryId ?? ''} onChange={(e) => setFilters({ categoryId: pick(e.target.value) })}>
        <option value="">Category</option>
        {options?.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <select aria-label="Filter by course" value={filters.courseId ?? ''} disabled={!filters.categoryId} onChange={(e) => setFilters({ courseId: pick(e.target.value) })}>
        <option value="">Course</option>
        {options?.courses.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <select aria-label="Filter by module" value={filters.moduleId ?? ''} disabled={!filters.courseId} onChange={(e) => setFilters({ moduleId: pick(e.target.value) })}>
        <option value="">Module</option>
        {options?.modules.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <select aria-label="Filter by tag" value={filters.tag ?? ''} onChange={(e) => setFilters({ tag: pick(e.target.value) })}>
        <option value="">Tag</option>
        {options?.tags.map((t) => (
          <option key={t.tag} value={t.tag}>
            {t.tag} ({t.tickets})
          </option>
        ))}
      </select>
      <select aria-label="Filter by assignee" value={filters.assigneeId ?? ''} onChange={(e) => setFilters({ assigneeId: pick(e.target.value) })}>
        <option value="">Assignee</option>
        {options?.agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by screenshot"
        value={filters.hasScreenshot === null ? '' : filters.hasScreenshot ? 'yes' : 'no'}
        onChange={(e) => setFilters({ hasScreenshot: e.target.value === '' ? null : e.target.value === 'yes' })}
      >
        <option value="">Screenshot</option>
        <option value="yes">Has a screenshot</option>
        <option value="no">No screenshot</option>
      </select>
      <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as InboxSort)}>
        <option value="activity">Latest first</option>
        <option value="age">Oldest first</option>
      </select>
    </div>
  );
}

export function BulkBar() {
  const selected = useInboxList((s) => s.selected);
  const lastBulk = useInboxList((s) => s.lastBulk);
  const bulkEdit = useInboxList((s) => s.bulkEdit);
  const clearSelection = useInboxList((s) => s.clearSelection);
  const [tag, setTag] = useState('');
  if (selected.size === 0 && !lastBulk) return null;
  const tagValue = tag.trim().slice(0, 40);
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Change the selected tickets">
      {selected.size > 0 ? (
        <>
          <span className="bulk-count">{selected.size} selected</span>
          <button type="button" onClick={() => void bulkEdit({ status: 'resolved' })}>
            Resolve
          </button>
          <button type="button" onClick={() => void bulkEdit({ status: 'waiting' })}>
            Waiting on learner
          </button>
          <button type="button" onClick={() => void bulkEdit({ status: 'open' })}>
            Open
          </button>
          <button type="button" onClick={() => void bulkEdit({ assignToMe: true })}>
            Assign to me
          </button>
          <button type="button" onClick={() => void bulkEdit({ assigneeId: null })}>
            Unassign
          </button>
          <input type="text" className="bulk-tag" aria-label="Tag" placeholder="tag" value={tag} maxLength={40} onChange={(e) => setTag(e.target.value)} />
          <button type="button" disabled={tagValue === ''} onClick={() => void bulkEdit({ addTags: [tagValue] })}>
            Add tag
          </button>
          <button type="button" disabled={tagValue === ''} onClick={() => void bulkEdit({ removeTags: [tagValue] })}>
            Remove tag
          </button>
        </>
      ) : null}
      {lastBulk && (
        <span className="bulk-result" role="status">
          {lastBulk.queued.length} queued{lastBulk.skipped.length > 0 ? `, ${lastBulk.skipped.length} left as they were` : ''}
        </span>
      )}
      <button type="button" className="button-quiet" onClick={clearSelection}>
        Clear
      </button>
    </div>
  );
}
