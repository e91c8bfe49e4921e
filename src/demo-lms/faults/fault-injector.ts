// Decides, per request, which injected fault (if any) hits it. The demo LMS's test hooks —
// /__faults and /__demo — are never hit, so a test can always switch faults off again.
import type { FaultSpec } from '../../shared/lms/api';

export interface FaultDecision {
  latencyMs: number;
  error500: boolean;
  resetBefore: boolean;
  resetAfter: boolean;
  trickle: boolean;
}

export const noFaults: FaultDecision = { latencyMs: 0, error500: false, resetBefore: false, resetAfter: false, trickle: false };

export function isExemptFromFaults(apiPath: string): boolean {
  return apiPath === '/__faults' || apiPath.startsWith('/__faults/') || apiPath === '/__demo' || apiPath.startsWith('/__demo/');
}

export function faultsApply(spec: FaultSpec, apiPath: string): boolean {
  if (isExemptFromFaults(apiPath)) return false;
  return spec.paths.length === 0 || spec.paths.some((prefix) => apiPath.startsWith(prefix));
}

/**
 * At most one of 500 / reset-before / reset-after per request, drawn in that order; latency
 * and trickle combine with whatever answer is sent. `draw` gives uniform numbers in [0, 1).
 */
export function decideFaults(spec: FaultSpec, apiPath: string, draw: () => number): FaultDecision {
  if (!faultsApply(spec, apiPath)) return noFaults;
  const error500 = draw() < spec.error500;
  const resetBefore = !error500 && draw() < spec.resetBefore;
  const resetAfter = !error500 && !resetBefore && draw() < spec.resetAfter;
  const trickle = draw() < spec.trickle;
  return { latencyMs: spec.latencyMs, error500, resetBefore, resetAfter, trickle };
}
