// Run-time control of injected faults (demo LMS only): read them, or — when the demo LMS was
// started with --allow-faults — replace them. Admin only.
import { FaultSpec, FaultsResponse } from '../../shared/lms/api';
import { ApiError, forbidden } from '../http/api-error';
import { parseBody } from '../http/parse-input';
import { json } from '../http/reply';
import type { Handler } from './lms-context';

export const getFaults: Handler = (ctx, lms) => {
  if (ctx.agent.role !== 'admin') throw forbidden('Only the demo admin can see injected faults.');
  return json(FaultsResponse, { faults: lms.faults.spec });
};

export const setFaults: Handler = (ctx, lms) => {
  if (ctx.agent.role !== 'admin') throw forbidden('Only the demo admin can change injected faults.');
  if (!lms.faults.changeable) {
    throw new ApiError(403, 'faults_disabled', 'Faults cannot be changed on this demo LMS; start it with --allow-faults (or allowFaults: true) to allow it.');
  }
  lms.faults.spec = parseBody(FaultSpec, ctx.body, 'The fault spec');
  return json(FaultsResponse, { faults: lms.faults.spec });
};
