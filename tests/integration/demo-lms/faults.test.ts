// Injected faults do what they say: a 500 writes nothing, a reset before writes nothing, a
// reset after has written, a trickle arrives in pieces, latency still arrives — and the
// fault switch itself is never faulted.
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_BASE, AgentsResponse, ApiErrorBody, FaultsResponse, TicketResponse } from '../../../src/shared/lms/api';
import { parseFaultSpecText } from '../../../src/demo-lms/faults/fault-spec-text';
import { startDemoLms, type Harness } from './demo-lms-harness';

let h: Harness;
const ticketId = 'tkt_000042';
beforeAll(async () => {
  h = await startDemoLms({ seed: 1, allowFaults: true, faults: parseFaultSpecText('latencyMs=5,paths=/me') });
});
afterAll(async () => {
  await h.stop();
});

async function setFaults(spec: object): Promise<void> {
  const answer = await h.admin('POST', '/__faults', spec);
  expect(answer.status).toBe(200);
}

async function ticketVersion(): Promise<number> {
  return TicketResponse.parse((await h.agent('GET', `/tickets/${ticketId}`)).body).ticket.version;
}

function postNote(): Promise<Response> {
  return fetch(`${h.lms.url}${API_BASE}/tickets/${ticketId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.lms.agentToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: 'Checked the data.', author: 'note' }),
  });
}

it('starts with the faults it was given, and the latency on /me still answers', async () => {
  expect(FaultsResponse.parse((await h.admin('GET', '/__faults')).body).faults).toMatchObject({ latencyMs: 5, paths: ['/me'] });
  expect((await h.agent('GET', '/me')).status).toBe(200);
});

it('a 500 answers without writing', async () => {
  await setFaults({ error500: 1, paths: [`/tickets/${ticketId}/messages`] });
  const before = await ticketVersion();
  const res = await postNote();
  expect(res.status).toBe(500);
  expect(ApiErrorBody.parse(await res.json()).error.code).toBe('internal');
  expect(await ticketVersion()).toBe(before);
});

it('a reset before the write drops the connection and writes nothing', async () => {
  await setFaults({ resetBefore: 1, paths: [`/tickets/${ticketId}/messages`] });
  const before = await ticketVersion();
  await expect(postNote()).rejects.toThrow();
  expect(await ticketVersion()).toBe(before);
});

it('a reset after the write drops the connection but the write is applied', async () => {
  await setFaults({ resetAfter: 1, paths: [`/tickets/${ticketId}/messages`] });
  const before = await ticketVersion();
  await expect(postNote()).rejects.toThrow();
  expect(await ticketVersion()).toBe(before + 1);
});

it('a trickle delivers the answer in several pieces that still make the whole', async () => {
  await setFaults({ trickle: 1, paths: ['/agents'] });
  const { pieces, text } = await new Promise<{ pieces: number; text: string }>((resolve, reject) => {
    const req = request(`${h.lms.url}${API_BASE}/agents`, { headers: { authorization: `Bearer ${h.lms.agentToken}` } }, (res) => {
      let pieces = 0;
      let text = '';
      res.on('data', (chunk: Buffer) => {
        pieces += 1;
        text += chunk.toString();
      });
      res.on('end', () => resolve({ pieces, text }));
    });
    req.on('error', reject);
    req.end();
  });
  expect(pieces).toBeGreaterThan(3);
  expect(AgentsResponse.parse(JSON.parse(text)).agents.length).toBeGreaterThan(0);
});

it('added latency still answers', async () => {
  await setFaults({ latencyMs: 150, paths: ['/agents'] });
  expect((await h.agent('GET', '/agents')).status).toBe(200);
});

it('never faults the fault switch, and validates what it is given', async () => {
  await setFaults({ error500: 1, resetBefore: 1 });
  const bad = await h.admin('POST', '/__faults', { error500: 2 });
  expect(bad.status).toBe(400);
  expect(ApiErrorBody.parse(bad.body).error.message).toContain('error500');
  await setFaults({});
  expect((await h.agent('GET', '/me')).status).toBe(200);
});
