// The ticket list as the inbox shows it: the view, filters, search and sort; the rows loaded
// so far (a page at a time, as the virtualized list scrolls); each view's count; which row
// has the keyboard focus and which are selected for a bulk change. Reloads what is on screen
// whenever main says the inbox changed.
import { create } from 'zustand';
import type { EditResult, FilterOptions, InboxFilters, InboxRow, InboxSort, InboxView, TicketEdit, ViewCounts } from '../../shared/channels/tickets';
import { passdesk, type PassdeskClient } from '../passdesk-client';
import { describeFailure, useAlerts } from '../stores/alerts-store';
import { PAGE_ROWS } from './list-window';

export const noFilters: InboxFilters = { categoryId: null, courseId: null, moduleId: null, tag: null, assigneeId: null, hasScreenshot: null };

export interface InboxListState {
  view: InboxView;
  filters: InboxFilters;
  search: string;
  sort: InboxSort;
  total: number;
  counts: ViewCounts | null;
  searchTerms: string[];
  /** Loaded rows by their index in the list. */
  rows: ReadonlyMap<number, InboxRow>;
  /** Inbox revision each loaded page was read at, by its first row. */
  pages: ReadonlyMap<number, number>;
  revision: number;
  focused: number;
  selected: ReadonlySet<string>;
  loading: boolean;
  error: string | null;
  filterOptions: FilterOptions | null;
  /** Set by a bulk change: what happened, for the bar to say. */
  lastBulk: EditResult | null;

  setView(view: InboxView): void;
  setSearch(search: string): void;
  setFilters(change: Partial<InboxFilters>): void;
  setSort(sort: InboxSort): void;
  /** Makes sure the rows [first, end) are loaded (or on their way). */
  ensureRows(first: number, end: number): void;
  /** main said the inbox changed: reload the pages on screen and the counts. */
  changed(revision: number): void;
  focus(index: number): void;
  toggleSelected(id: string): void;
  clearSelection(): void;
  selectLoaded(): void;
  /** Changes the selected tickets, or `ids` when given. */
  bulkEdit(changes: TicketEdit, ids?: readonly string[]): Promise<EditResult | null>;
  loadFilterOptions(): Promise<void>;
}

export function createInboxStore(client: PassdeskClient, report: (action: string, error: unknown) => void) {
  // Bumped whenever the query changes, so an answer to an older query is dropped.
  let generation = 0;
  const inFlight = new Set<string>();

  return create<InboxListState>()((set, get) => {
    async function loadPage(start: number, gen: number): Promise<void> {
      const key = `${gen}:${start}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      const s = get();
      try {
        const page = await client.call('tickets.list', { view: s.view, filters: s.filters, search: s.search, sort: s.sort, offset: start, limit: PAGE_ROWS });
        if (gen !== generation) return;
        set((state) => {
          const rows = new Map(state.rows);
          for (let i = start; i < start + PAGE_ROWS; i += 1) rows.delete(i);
          page.rows.forEach((row, i) => rows.set(start + i, row));
          const pages = new Map(state.pages);
          pages.set(start, page.revision);
          return {
            rows,
            pages,
            total: page.total,
            counts: page.counts,
            searchTerms: page.searchTerms,
            revision: Math.max(state.revision, page.revision),
            loading: false,
            error: null,
            focused: Math.min(state.focused, Math.max(0, page.total - 1)),
          };
        });
      } catch (error) {
        if (gen === generation) set({ loading: false, error: describeFailure(error).message });
      } finally {
        inFlight.delete(key);
      }
    }

    function restart(change: Partial<InboxListState>): void {
      generation += 1;
      set({ ...change, rows: new Map(), pages: new Map(), focused: 0, loading: true, error: null });
      void loadPage(0, generation);
    }

    return {
      view: 'new',
      filters: noFilters,
      search: '',
      sort: 'activity',
      total: 0,
      counts: null,
      searchTerms: [],
      rows: new Map(),
      pages: new Map(),
      revision: 0,
      focused: 0,
      selected: new Set(),
      loading: true,
      error: null,
      filterOptions: null,
      lastBulk: null,

      setView: (view) => restart({ view, selected: new Set() }),
      setSearch: (search) => restart({ search }),
      setFilters: (change) => {
        const filters = { ...get().filters, ...change };
        // A narrower choice only makes sense inside the broader one.
        if ('categoryId' in change) Object.assign(filters, { courseId: change.courseId ?? null, moduleId: change.moduleId ?? null });
        else if ('courseId' in change) Object.assign(filters, { moduleId: change.moduleId ?? null });
        restart({ filters });
        void get().loadFilterOptions();
      },
      setSort: (sort) => restart({ sort }),
      ensureRows(first, end) {
        const { pages, total } = get();
        const last = Math.max(first, Math.min(end, total === 0 ? PAGE_ROWS : total));
        for (let start = Math.floor(first / PAGE_ROWS) * PAGE_ROWS; start < last; start += PAGE_ROWS) {
          if (!pages.has(start)) void loadPage(start, generation);
        }
      },
      changed(revision) {
        const { pages } = get();
        set({ revision: Math.max(get().revision, revision) });
        const stale = [...pages.entries()].filter(([, r]) => r < revision).map(([start]) => start);
        if (stale.length === 0) void loadPage(0, generation);
        for (const start of stale) void loadPage(start, generation);
      },
      focus(index) {
        const { total } = get();
        set({ focused: Math.max(0, Math.min(index, Math.max(0, total - 1))) });
      },
      toggleSelected(id) {
        const selected = new Set(get().selected);
        if (selected.has(id)) selected.delete(id);
        else selected.add(id);
        set({ selected });
      },
      clearSelection: () => set({ selected: new Set(), lastBulk: null }),
      selectLoaded: () => set({ selected: new Set([...get().rows.values()].map((r) => r.id)) }),
      async bulkEdit(changes, ids) {
        const ticketIds = ids ? [...ids] : [...get().selected];
        if (ticketIds.length === 0) return null;
        try {
          const result = await client.call('tickets.edit', { ticketIds, changes });
          // The bar reports on changes to the selection; a shortcut on one ticket shows on the ticket itself.
          if (!ids) set({ lastBulk: result });
          return result;
        } catch (error) {
          report(ticketIds.length > 1 ? `Changing ${ticketIds.length} tickets` : 'Changing the ticket', error);
          return null;
        }
      },
      async loadFilterOptions() {
        const { categoryId, courseId } = get().filters;
        try {
          set({ filterOptions: await client.call('tickets.filterOptions', { categoryId, courseId }) });
        } catch (error) {
          report('Loading the inbox filters', error);
        }
      },
    };
  });
}

export type InboxStore = ReturnType<typeof createInboxStore>;

export const useInboxList: InboxStore = createInboxStore(passdesk, (action, error) => useAlerts.getState().report(action, error));
