// Failed calls the person should know about, shown as dismissible alerts above the screen.
// The same failure repeated does not stack up: it counts instead.
import { create } from 'zustand';
import { PassdeskError, type ErrorCode } from '../../shared/ipc-result';

export interface Alert {
  id: number;
  /** What the person was doing, e.g. "Switching to the demo agent". */
  action: string;
  message: string;
  code: ErrorCode | null;
  count: number;
}

interface AlertsState {
  alerts: Alert[];
  report(action: string, error: unknown): void;
  dismiss(id: number): void;
}

/** Newest alerts are kept when too many pile up; older ones are dropped. */
export const MAX_ALERTS = 5;

export function describeFailure(error: unknown): { message: string; code: ErrorCode | null } {
  if (error instanceof PassdeskError) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message || error.name, code: null };
  return { message: String(error), code: null };
}

/** What went wrong, in the words main (or the browser) gave: for the messages next to a control. */
export function failureText(error: unknown): string {
  return describeFailure(error).message;
}

let nextAlertId = 1;

export const useAlerts = create<AlertsState>()((set) => ({
  alerts: [],
  report(action, error) {
    const { message, code } = describeFailure(error);
    set((state) => {
      const same = state.alerts.find((a) => a.action === action && a.message === message);
      if (same) {
        return { alerts: state.alerts.map((a) => (a === same ? { ...a, count: a.count + 1 } : a)) };
      }
      const alert: Alert = { id: nextAlertId++, action, message, code, count: 1 };
      return { alerts: [...state.alerts, alert].slice(-MAX_ALERTS) };
    });
  },
  dismiss(id) {
    set((state) => ({ alerts: state.alerts.filter((a) => a.id !== id) }));
  },
}));
