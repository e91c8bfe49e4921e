// The Manual Pass panel's state, step by step as the help article walks it: Course Category
// (or Select All) → the course module → the enrolled users (keyword, Get Users, pages) → the
// learners selected → the confirmation main prepared → the passes it queued, kept live by
// main's passes.changed events. Main decides everything; this store only asks and shows.
import { create } from 'zustand';
import type {
  ModuleWorkplace,
  PassCategory,
  PassesChanged,
  PassModule,
  PassReview,
  PassSummary,
  UsersPage,
} from '../../shared/channels/passes';
import { PassdeskError } from '../../shared/ipc-result';
import type { Evidence } from '../../shared/lms/entities';
import { passdesk, type PassdeskClient } from '../passdesk-client';
import { failureText } from '../stores/alerts-store';

export const USERS_PER_PAGE = 25;
export const MODULES_PER_PAGE = 60;

export interface SelectedLearner {
  learnerId: string;
  name: string;
}

export interface ConfirmTerms {
  reason: string;
  override: boolean;
  typedConfirmation: string;
  replyToLearner: boolean;
  /** Per learner: the ticket the pass is for, when it has one. */
  tickets: Record<string, string | null>;
  /** Per learner: the evidence the pass rests on (main checks it is the learner's own). */
  evidence: Record<string, Evidence>;
}

export interface PassPanelState {
  categories: PassCategory[] | null;
  totalModules: number;
  /** undefined: nothing chosen yet; null: "Select All". */
  categoryId: string | null | undefined;
  moduleKeyword: string;
  modules: PassModule[];
  modulesTotal: number;
  modulesOffset: number;
  module: PassModule | null;
  keyword: string;
  workplaceId: string | null;
  workplaces: ModuleWorkplace[];
  users: UsersPage | null;
  loadingUsers: boolean;
  selected: SelectedLearner[];
  review: PassReview | null;
  reviewing: boolean;
  submitting: boolean;
  /** What main said when it refused the request, sentence by sentence. */
  refusals: string[];
  /** Passes made or seen in this session, newest first, kept current by events. */
  live: PassSummary[];
  proposalsVersion: number;
  error: string | null;
  /** The agent's proposal this pass answers, and its ticket. */
  proposalId: string | null;
  proposalTicket: { learnerId: string; ticketId: string } | null;

  loadCategories(): Promise<void>;
  chooseCategory(categoryId: string | null): Promise<void>;
  searchModules(keyword: string): Promise<void>;
  loadModules(offset: number): Promise<void>;
  chooseModule(module: PassModule): Promise<void>;
  setKeyword(keyword: string): void;
  getUsers(offset?: number): Promise<void>;
  chooseWorkplace(workplaceId: string | null): Promise<void>;
  toggle(learner: SelectedLearner): void;
  selectWorkplace(workplaceId: string): Promise<void>;
  clearSelection(): void;
  openReview(tickets?: Array<{ learnerId: string; ticketId: string }>): Promise<void>;
  /** Judges again with these tickets (their checklists count), keeping the confirmation open. */
  reviewWithTickets(tickets: Record<string, string | null>): Promise<void>;
  closeReview(): void;
  submit(terms: ConfirmTerms): Promise<boolean>;
  cancelPass(passId: string): Promise<void>;
  applyChanged(event: PassesChanged): void;
  startFromProposal(p: { proposalId: string; ticketId: string; moduleId: string; categoryId: string; learnerId: string; learnerName: string }): Promise<void>;
  /** An admin coming from a ticket: the same steps chosen for them, with no proposal to close. */
  startFromTicket(p: { ticketId: string; moduleId: string; categoryId: string; learnerId: string; learnerName: string }): Promise<void>;
}

export function createPassPanelStore(client: PassdeskClient) {
  // Bumped on every new users query, so a slow answer to an older one is dropped.
  let usersQuery = 0;
  return create<PassPanelState>()((set, get) => ({
    categories: null,
    totalModules: 0,
    categoryId: undefined,
    moduleKeyword: '',
    modules: [],
    modulesTotal: 0,
    modulesOffset: 0,
    module: null,
    keyword: '',
    workplaceId: null,
    workplaces: [],
    users: null,
    loadingUsers: false,
    selected: [],
    review: null,
    reviewing: false,
    submitting: false,
    refusals: [],
    live: [],
    proposalsVersion: 0,
    error: null,
    proposalId: null,
    proposalTicket: null,

    async loadCategories() {
      try {
        const answer = await client.call('passes.categories', {});
        set({ categories: answer.categories, totalModules: answer.totalModules, error: null });
      } catch (error) {
        set({ error: failureText(error) });
      }
    },
    async chooseCategory(categoryId) {
      set({ categoryId, module: null, users: null, selected: [], workplaces: [], workplaceId: null, modulesOffset: 0 });
      await get().loadModules(0);
    },
    async searchModules(keyword) {
      set({ moduleKeyword: keyword });
      await get().loadModules(0);
    },
    async loadModules(offset) {
      const { categoryId, moduleKeyword } = get();
      if (categoryId === undefined) return;
      try {
        const answer = await client.call('passes.modules', { categoryId, keyword: moduleKeyword, offset, limit: MODULES_PER_PAGE });
        set({ modules: answer.modules, modulesTotal: answer.total, modulesOffset: offset, error: null });
      } catch (error) {
        set({ error: failureText(error) });
      }
    },
    async chooseModule(module) {
      set({ module, users: null, selected: [], keyword: '', workplaceId: null, workplaces: [], refusals: [] });
      const [, workplaces] = await Promise.all([
        get().getUsers(0),
        client.call('passes.workplaces', { moduleId: module.id }).catch((error: unknown) => {
          set({ error: failureText(error) });
          return { workplaces: [] };
        }),
      ]);
      if (get().module?.id === module.id) set({ workplaces: workplaces.workplaces });
    },
    setKeyword(keyword) {
      set({ keyword });
    },
    async getUsers(offset = 0) {
      const { module, keyword, workplaceId } = get();
      if (!module) return;
      const mine = ++usersQuery;
      set({ loadingUsers: true });
      try {
        const users = await client.call('passes.users', { moduleId: module.id, keyword, workplaceId, offset, limit: USERS_PER_PAGE });
        if (mine === usersQuery) set({ users, loadingUsers: false, error: null });
      } catch (error) {
        if (mine === usersQuery) set({ loadingUsers: false, error: failureText(error) });
      }
    },
    async chooseWorkplace(workplaceId) {
      set({ workplaceId });
      await get().getUsers(0);
    },
    toggle(learner) {
      const selected = get().selected;
      set({
        selected: selected.some((s) => s.learnerId === learner.learnerId) ? selected.filter((s) => s.learnerId !== learner.learnerId) : [...selected, learner],
      });
    },
    async selectWorkplace(workplaceId) {
      const { module } = get();
      if (!module) return;
      try {
        const found = await client.call('passes.workplaceLearners', { moduleId: module.id, workplaceId });
        if (found.learnerIds.length === 0) {
          set({ error: 'Everyone enrolled from this workplace has already completed the module.' });
          return;
        }
        set({ workplaceId, keyword: '' });
        await get().getUsers(0);
        const names = new Map((get().users?.users ?? []).map((u) => [u.learnerId, u.name]));
        set({ selected: found.learnerIds.map((learnerId) => ({ learnerId, name: names.get(learnerId) ?? learnerId })) });
      } catch (error) {
        set({ error: failureText(error) });
      }
    },
    clearSelection() {
      set({ selected: [] });
    },
    async reviewWithTickets(tickets) {
      const { review } = get();
      if (!review) return;
      const chosen = Object.entries(tickets).flatMap(([learnerId, ticketId]) => (ticketId ? [{ learnerId, ticketId }] : []));
      try {
        const again = await client.call('passes.review', { moduleId: review.module.id, learnerIds: review.learners.map((l) => l.learnerId), tickets: chosen });
        if (get().review) set({ review: again, refusals: [] });
      } catch (error) {
        set({ refusals: [failureText(error)] });
      }
    },
    async openReview(tickets = []) {
      const { module, selected } = get();
      if (!module || selected.length === 0) return;
      set({ reviewing: true, refusals: [] });
      try {
        const review = await client.call('passes.review', { moduleId: module.id, learnerIds: selected.map((s) => s.learnerId), tickets });
        set({ review, reviewing: false, error: null });
      } catch (error) {
        set({ reviewing: false, error: failureText(error) });
      }
    },
    closeReview() {
      set({ review: null, refusals: [] });
    },
    async submit(terms) {
      const { review, proposalId } = get();
      if (!review) return false;
      const missing = review.learners.filter((l) => !terms.evidence[l.learnerId]);
      if (missing.length > 0) {
        set({ refusals: missing.map((l) => `${l.name} has no evidence on file to rest a pass on.`) });
        return false;
      }
      set({ submitting: true, refusals: [] });
      try {
        const answer = await client.call('passes.request', {
          moduleId: review.module.id,
          passes: review.learners.flatMap((l) => {
            const evidence = terms.evidence[l.learnerId];
            return evidence ? [{ learnerId: l.learnerId, evidence, ticketId: terms.tickets[l.learnerId] ?? null }] : [];
          }),
          reason: terms.reason,
          override: terms.override,
          typedConfirmation: terms.typedConfirmation,
          replyToLearner: terms.replyToLearner,
          proposalId,
        });
        set((s) => ({
          submitting: false,
          review: null,
          selected: [],
          proposalId: null,
          proposalTicket: null,
          live: [...answer.passes, ...s.live.filter((p) => !answer.passes.some((a) => a.id === p.id))].slice(0, 50),
        }));
        void get().getUsers(get().users?.offset ?? 0);
        return true;
      } catch (error) {
        const refusals = error instanceof PassdeskError && error.issues?.length ? error.issues.map((i) => i.message) : [failureText(error)];
        set({ submitting: false, refusals });
        return false;
      }
    },
    async cancelPass(passId) {
      try {
        const pass = await client.call('passes.cancel', { passId });
        set((s) => ({ live: s.live.map((p) => (p.id === pass.id ? pass : p)), error: null }));
        void get().getUsers(get().users?.offset ?? 0);
      } catch (error) {
        set({ error: failureText(error) });
      }
    },
    applyChanged(event) {
      set((s) => {
        const byId = new Map(event.passes.map((p) => [p.id, p]));
        const known = new Set(s.live.map((p) => p.id));
        const updated = s.live.map((p) => byId.get(p.id) ?? p);
        const fresh = event.passes.filter((p) => !known.has(p.id));
        return { live: [...fresh, ...updated].slice(0, 50), proposalsVersion: event.proposalsChanged ? s.proposalsVersion + 1 : s.proposalsVersion };
      });
      // Rows on screen show each learner's pass state: refresh them when one of theirs moved.
      const shown = new Set((get().users?.users ?? []).map((u) => u.learnerId));
      if (event.passes.some((p) => shown.has(p.learnerId) && p.moduleId === get().module?.id)) void get().getUsers(get().users?.offset ?? 0);
    },
    async startFromProposal({ proposalId, ...from }) {
      await get().startFromTicket(from);
      set({ proposalId });
    },
    async startFromTicket({ ticketId, moduleId, categoryId, learnerId, learnerName }) {
      await get().chooseCategory(categoryId);
      const module = get().modules.find((m) => m.id === moduleId);
      const chosen = module ?? (await client.call('passes.users', { moduleId, limit: 1 })).module;
      await get().chooseModule(chosen);
      set({ selected: [{ learnerId, name: learnerName }], proposalId: null, proposalTicket: { learnerId, ticketId }, keyword: learnerName });
      await get().getUsers(0);
    },
  }));
}

export type PassPanelStore = ReturnType<typeof createPassPanelStore>;
export const usePassPanel: PassPanelStore = createPassPanelStore(passdesk);

/**
 * Keeps the live passes in step with main for as long as the window is open, whatever screen is
 * shown: a transcript that disagrees with the LMS's answer needs a person, so it is said above
 * every screen as soon as it is known. Returns the unsubscribe.
 */
export function followPasses(store: PassPanelStore, client: PassdeskClient, report: (what: string, error: Error) => void): () => void {
  return client.on('passes.changed', (event) => {
    const known = new Map(store.getState().live.map((p) => [p.id, p.alert]));
    for (const pass of event.passes) {
      if (pass.alert && known.get(pass.id) !== pass.alert) report(`Double-checking the pass of ${pass.learnerName}`, new Error(pass.alert));
    }
    store.getState().applyChanged(event);
  });
}
