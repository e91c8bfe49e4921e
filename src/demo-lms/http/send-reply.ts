// Writes a reply to the socket: all at once, or — as an injected fault — a few bytes at a
// time with small pauses, as a congested or failing network would deliver it.
import type { ServerResponse } from 'node:http';
import type { Reply } from './reply';

const TRICKLE_PAUSE_MS = 15;
/** Even a large page trickles in at most this many pieces, so a test never waits minutes. */
const TRICKLE_MAX_PIECES = 40;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function sendReply(res: ServerResponse, reply: Reply, trickle: boolean): Promise<void> {
  if (res.destroyed) return;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.body.length) });
  if (!trickle || reply.body.length === 0) {
    res.end(reply.body);
    return;
  }
  res.flushHeaders();
  const piece = Math.max(8, Math.ceil(reply.body.length / TRICKLE_MAX_PIECES));
  for (let offset = 0; offset < reply.body.length; offset += piece) {
    await pause(TRICKLE_PAUSE_MS);
    if (res.destroyed) return;
    res.write(reply.body.subarray(offset, offset + piece));
  }
  res.end();
}
