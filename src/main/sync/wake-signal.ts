// A wait that ends early when someone says "now": the pull and the sender sleep between
// tries (backoff, nothing due) and "sync now", a new write or stop() cut the sleep short.
export interface WakeSignal {
  /** Resolves after `ms` (null = until woken), or at once if woken since the last sleep began. */
  sleep(ms: number | null): Promise<void>;
  wake(): void;
}

export function createWakeSignal(): WakeSignal {
  let woken = false;
  let resolveSleep: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;

  function finish(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const resolve = resolveSleep;
    resolveSleep = null;
    resolve?.();
  }

  return {
    sleep(ms) {
      if (woken) {
        woken = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        resolveSleep = resolve;
        if (ms !== null) timer = setTimeout(finish, Math.max(0, ms));
      });
    },
    wake() {
      if (resolveSleep) finish();
      else woken = true;
    },
  };
}
