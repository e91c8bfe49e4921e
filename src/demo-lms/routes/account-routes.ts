// Who is signed in, and who a ticket can be assigned to.
import { AgentsResponse, Me } from '../../shared/lms/api';
import { json } from '../http/reply';
import type { Handler } from './lms-context';

export const getMe: Handler = (ctx) => json(Me, { id: ctx.agent.id, name: ctx.agent.name, email: ctx.agent.email, role: ctx.agent.role });

export const listAgents: Handler = (_ctx, lms) => {
  const agents = [...lms.store.all('agent')].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return json(AgentsResponse, { agents });
};
