// Maps bearer tokens to the agent they sign in. Tokens are compared by their sha256, so the
// time a lookup takes says nothing about how much of a guessed token was right.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Agent } from '../../shared/lms/entities';
import { ApiError } from './api-error';

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class BearerTokens {
  private readonly agentIdByDigest = new Map<string, string>();

  constructor(tokens: readonly { token: string; agentId: string }[]) {
    for (const { token, agentId } of tokens) this.agentIdByDigest.set(digest(token), agentId);
  }

  /** The agent the request's token signs in, or a 401 that says what to send. */
  authenticate(req: IncomingMessage, findAgent: (id: string) => Agent | undefined): Agent {
    const value = req.headers.authorization;
    if (!value) throw new ApiError(401, 'unauthorized', 'Sign in: send the header Authorization: Bearer <token>. The demo LMS prints its admin and agent tokens when it starts.');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
    if (!match?.[1]) throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer <token>".');
    const agentId = this.agentIdByDigest.get(digest(match[1]));
    const agent = agentId ? findAgent(agentId) : undefined;
    if (!agent) throw new ApiError(401, 'unauthorized', 'This token is not known to this LMS. Check the token in Settings; the demo LMS makes new tokens each time it starts unless they are given.');
    return agent;
  }
}
