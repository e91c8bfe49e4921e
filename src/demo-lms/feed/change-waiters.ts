// Long-poll waiters for GET /changes/wait: each waits until the feed has something after its
// cursor, its timeout passes, its client goes away, or the server closes. Woken by the store's
// commit notification — no polling loop.
import type { RecordStore } from '../store/record-store';

interface Waiter {
  afterSeq: number;
  wake: () => void;
}

export class ChangeWaiters {
  private readonly waiters = new Set<Waiter>();
  private readonly unsubscribe: () => void;

  constructor(private readonly store: RecordStore) {
    this.unsubscribe = store.onChange(() => this.wakeReady());
  }

  /** Resolves when there is something after `afterSeq` (true) or when time is up or aborted (false). */
  waitForChanges(afterSeq: number, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
    if (this.store.lastSeq() > afterSeq) return Promise.resolve(true);
    if (timeoutMs <= 0 || signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const finish = (ready: boolean) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.waiters.delete(waiter);
        resolve(ready);
      };
      const onAbort = () => finish(false);
      const waiter: Waiter = { afterSeq, wake: () => finish(true) };
      const timer = setTimeout(() => finish(false), timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
    });
  }

  get size(): number {
    return this.waiters.size;
  }

  /** Answers every waiter now (with whatever the feed has), e.g. when the server closes. */
  releaseAll(): void {
    for (const waiter of [...this.waiters]) waiter.wake();
  }

  close(): void {
    this.releaseAll();
    this.unsubscribe();
  }

  private wakeReady(): void {
    if (this.waiters.size === 0) return;
    const last = this.store.lastSeq();
    for (const waiter of [...this.waiters]) if (last > waiter.afterSeq) waiter.wake();
  }
}
