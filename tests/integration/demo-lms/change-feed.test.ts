// The change feed's promise: page to the end while someone keeps writing, keep applying the
// later pages, and the copy equals the server's state — checked by the shared state digest.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChangesPage, StateDigestResponse, TicketResponse } from '../../../src/shared/lms/api';
import { entitySchemas, type EntityName } from '../../../src/shared/lms/entities';
import { digestState } from '../../../src/shared/lms/state-digest';
import { SeededRandom } from '../../../src/demo-lms/seed/seeded-random';
import { startDemoLms, type Harness } from './demo-lms-harness';

let h: Harness;
beforeAll(async () => {
  h = await startDemoLms({ seed: 3 });
});
afterAll(async () => {
  await h.stop();
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function writeWhileReading(writes: number): Promise<void> {
  const dice = new SeededRandom(99, 'writer');
  for (let n = 0; n < writes; n += 1) {
    const ticketId = `tkt_${String(dice.int(1, 500)).padStart(6, '0')}`;
    const learnerId = `lrn_${String(dice.int(1, 2000)).padStart(6, '0')}`;
    switch (n % 4) {
      case 0:
        await h.agent('POST', `/tickets/${ticketId}/messages`, { body: `Note ${n}`, author: 'note' });
        break;
      case 1: {
        const { ticket } = TicketResponse.parse((await h.agent('GET', `/tickets/${ticketId}`)).body);
        await h.agent('PATCH', `/tickets/${ticketId}`, { tags: [`t${n}`] }, { 'if-match': String(ticket.version) });
        break;
      }
      case 2: {
        const learner = (await h.admin('GET', `/enrollments?learnerId=${learnerId}`)).body as { enrollments: { moduleId: string }[] };
        const moduleId = learner.enrollments[0]?.moduleId;
        if (moduleId) await h.admin('POST', '/__demo/attempts', { learnerId, moduleId, scoreRaw: 85 });
        break;
      }
      default:
        await h.admin('POST', '/__demo/inbound-email', { fromEmail: `someone${n}@example.com`, body: `Question ${n}` });
    }
  }
}

it('a copy paged while another client writes ends equal to the server state', async () => {
  const copy = new Map<string, { entity: EntityName; data: { id: string } }>();
  let cursor: string | undefined;
  let writerDone = false;
  const writer = writeWhileReading(160).then(() => {
    writerDone = true;
  });
  let pagesAfterEnd = 0;
  for (;;) {
    // Only a page read after the writer finished can prove the copy is complete.
    const writerWasDone = writerDone;
    const query = new URLSearchParams({ limit: '1500' });
    if (cursor) query.set('cursor', cursor);
    const page = ChangesPage.parse((await h.agent('GET', `/changes?${query}`)).body);
    for (const change of page.changes) copy.set(`${change.entity}:${change.id}`, { entity: change.entity, data: change.data as { id: string } });
    cursor = page.cursor;
    if (!page.hasMore) {
      if (writerWasDone) break;
      pagesAfterEnd += 1;
      // Caught up with the writer: wait for its next write rather than spin.
      await h.agent('GET', `/changes/wait?cursor=${cursor}&timeout=2000`);
    }
  }
  await writer;
  expect(pagesAfterEnd).toBeGreaterThan(0);

  const byEntity = Object.fromEntries(Object.keys(entitySchemas).map((e) => [e, [] as { id: string }[]])) as Record<EntityName, { id: string }[]>;
  for (const { entity, data } of copy.values()) byEntity[entity].push(data);
  const server = StateDigestResponse.parse((await h.admin('GET', '/__demo/state-digest')).body).digest;
  expect(digestState(byEntity, sha256)).toEqual(server);
});
