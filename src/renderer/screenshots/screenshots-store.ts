// What the Screenshots screen shows: which gallery (recent, a ticket's, a learner's), its
// tiles, and the screenshot open in the viewer. Other screens open a screenshot through
// openScreenshot(), which also switches to this screen.
import { create } from 'zustand';
import type { ScreenshotGallery, ScreenshotGalleryScope, ScreenshotView } from '../../shared/channels/evidence';
import { passdesk, type PassdeskClient } from '../passdesk-client';
import { useNavigation } from '../stores/navigation-store';
import { failureText } from '../stores/alerts-store';

export type GalleryTarget = { scope: 'recent' } | { scope: 'ticket'; ticketId: string } | { scope: 'learner'; learnerId: string };

export interface ScreenshotsState {
  target: GalleryTarget;
  gallery: ScreenshotGallery | null;
  loading: boolean;
  error: string | null;
  /** The attachment open in the viewer, null for the gallery. */
  openId: string | null;
  view: ScreenshotView | null;
  viewError: string | null;
  show(target: GalleryTarget): void;
  load(): Promise<void>;
  open(attachmentId: string): Promise<void>;
  close(): void;
  /** Read the open screenshot again (after a review, or when main says it changed). */
  refreshView(): Promise<void>;
}

function scopeOf(target: GalleryTarget): ScreenshotGalleryScope {
  return target.scope === 'recent' ? { scope: 'recent', limit: 120 } : target;
}

export function createScreenshotsStore(client: PassdeskClient) {
  // Bumped by every load/open, so an answer that lands late cannot replace a newer one.
  let galleryRequest = 0;
  let viewRequest = 0;
  return create<ScreenshotsState>()((set, get) => ({
    target: { scope: 'recent' },
    gallery: null,
    loading: false,
    error: null,
    openId: null,
    view: null,
    viewError: null,
    show(target) {
      set({ target, gallery: null, openId: null, view: null });
      void get().load();
    },
    async load() {
      const request = ++galleryRequest;
      set({ loading: get().gallery === null, error: null });
      try {
        const gallery = await client.call('screenshots.gallery', scopeOf(get().target));
        if (request === galleryRequest) set({ gallery, loading: false });
      } catch (error) {
        if (request === galleryRequest) set({ loading: false, error: failureText(error) });
      }
    },
    async open(attachmentId) {
      const request = ++viewRequest;
      set({ openId: attachmentId, viewError: null, view: get().view?.tile.attachmentId === attachmentId ? get().view : null });
      try {
        const view = await client.call('screenshots.open', { attachmentId });
        if (request === viewRequest) set({ view });
      } catch (error) {
        if (request === viewRequest) set({ viewError: failureText(error) });
      }
    },
    close() {
      viewRequest += 1;
      set({ openId: null, view: null, viewError: null });
    },
    async refreshView() {
      const id = get().openId;
      if (id) await get().open(id);
    },
  }));
}

export const useScreenshots = createScreenshotsStore(passdesk);

/**
 * Opens the viewer on one attachment, with its ticket's gallery behind it (for next and
 * previous), and switches to the Screenshots screen. The inbox's thumbnails call this.
 */
export function openScreenshot(attachmentId: string, ticketId: string): void {
  const store = useScreenshots.getState();
  store.show({ scope: 'ticket', ticketId });
  void store.open(attachmentId);
  useNavigation.getState().go('screenshots');
}
