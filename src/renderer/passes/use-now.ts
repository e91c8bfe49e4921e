// A clock for countdowns: re-renders every `everyMs` while `running`, and not at all otherwise.
import { useEffect, useState } from 'react';

export function useNow(running: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    // The first tick at once, so a countdown never starts from a stale moment.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [running, everyMs]);
  return now;
}
