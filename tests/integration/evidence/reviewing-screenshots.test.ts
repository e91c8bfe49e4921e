// A reviewer's screenshots end to end over a real cache, a real LMS on 127.0.0.1, the real
// inspection worker and store: galleries, metadata, attempt data beside it, reuse flags across
// learners, offline once fetched, reviews that the verdict can read, and one real OCR reading.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLearnerScreenshotReader } from '../../../src/main/evidence/learner-screenshots';
import { createScreenshotStore } from '../../../src/main/evidence/screenshot-store';
import { PassdeskError } from '../../../src/shared/ipc-result';
import { reencodedAsJpeg, screen } from '../../unit/evidence/sample-images';
import { admin, seedCatalog, sha256, startHarness, ticketWith, type Harness } from './evidence-harness';

let h: Harness;
const anaScreen = screen({ learnerName: 'Ana Lopez', score: 87 }).bytes;
const anaPhoto = screen({ kind: 'phone_photo', learnerName: 'Ana Lopez', score: 91 }).bytes;
const boOwn = screen({ learnerName: 'Bo Chen', score: 93, takenAt: new Date('2026-04-02T09:00:00Z') }).bytes;
const reencoded = reencodedAsJpeg(anaScreen, 60);

beforeAll(async () => {
  h = await startHarness();
  seedCatalog(h);
  ticketWith(h, 'tkt_ana', { learnerId: 'lrn_1', email: 'ana@sunrise.example' }, [
    { id: 'a_ana_screen', fileName: 'Screenshot 2026-03-14 at 14.02.11.png', bytes: anaScreen },
    { id: 'a_ana_photo', fileName: 'IMG_4821.jpg', bytes: anaPhoto },
  ]);
  // Bo sends Ana's very file, then the same picture re-saved as a JPEG, then his own.
  ticketWith(h, 'tkt_bo', { learnerId: 'lrn_2', email: 'bo@sunrise.example' }, [
    { id: 'a_bo_copy', fileName: 'score.png', bytes: anaScreen },
    { id: 'a_bo_resaved', fileName: 'score.jpg', bytes: reencoded },
    { id: 'a_bo_own', fileName: 'my score.png', bytes: boOwn },
  ]);
  await h.service.downloads.settled();
});

afterAll(async () => {
  await h?.close();
});

const handlers = () => h.service.handlers;

describe('galleries and the viewer', () => {
  it('shows a ticket’s attachments with what main found in the bytes', async () => {
    const gallery = await handlers()['screenshots.gallery']({ scope: 'ticket', ticketId: 'tkt_ana' });
    expect(gallery.learnerName).toBe('Ana Lopez');
    expect(gallery.tiles.map((t) => [t.attachmentId, t.state, t.detectedType, t.width, t.height])).toEqual([
      ['a_ana_screen', 'ready', 'image/png', 1280, 800],
      ['a_ana_photo', 'ready', 'image/jpeg', 1600, 1200],
    ]);
    for (const tile of gallery.tiles) expect(tile.thumbnail).toMatch(/^data:image\/jpeg;base64,\/9j\//);
  });

  it('shows every screenshot a learner ever sent', async () => {
    const gallery = await handlers()['screenshots.gallery']({ scope: 'learner', learnerId: 'lrn_2' });
    expect(gallery.title).toBe('Every screenshot Bo Chen sent');
    expect(gallery.tiles.map((t) => t.attachmentId).sort()).toEqual(['a_bo_copy', 'a_bo_own', 'a_bo_resaved']);
  });

  it('opens a phone photo with its EXIF capture time and device, beside the learner’s attempt data', async () => {
    const view = await handlers()['screenshots.open']({ attachmentId: 'a_ana_photo' });
    expect(view.image?.type).toBe('image/jpeg');
    expect(sha256(Buffer.from(view.image?.base64 ?? '', 'base64'))).toBe(view.tile.sha256);
    expect(view.exif?.takenAt).toBe('2026-03-14T14:02:11+00:00');
    expect(view.exif?.device).toBeTruthy();
    expect(view.attempts).toMatchObject({ learnerName: 'Ana Lopez', moduleName: 'Module 2: Installation and Code Compliance', courseName: 'Solar Racking Basics', passingScore: 80, enrollmentStatus: 'in_progress' });
    expect(view.attempts?.attempts.map((a) => [a.id, a.percent, a.lastDataAt])).toEqual([['att_a1', null, null]]);
    expect(view.canReview).toBe(true);
  });
});

describe('reuse across learners (advisory)', () => {
  it('flags identical bytes and a re-saved copy with both tickets linked', async () => {
    const gallery = await handlers()['screenshots.gallery']({ scope: 'ticket', ticketId: 'tkt_ana' });
    const flags = gallery.tiles.find((t) => t.attachmentId === 'a_ana_screen')?.reuse ?? [];
    expect(flags.map((f) => [f.attachmentId, f.ticketId, f.sentBy, f.likeness])).toEqual([
      ['a_bo_copy', 'tkt_bo', 'Bo Chen', 'identical'],
      ['a_bo_resaved', 'tkt_bo', 'Bo Chen', 'near_identical'],
    ]);
    const bo = await handlers()['screenshots.gallery']({ scope: 'ticket', ticketId: 'tkt_bo' });
    expect(bo.tiles.find((t) => t.attachmentId === 'a_bo_copy')?.reuse.map((f) => f.ticketId)).toEqual(['tkt_ana']);
    expect(bo.tiles.find((t) => t.attachmentId === 'a_bo_own')?.reuse).toEqual([]);
  });

  it('does not flag a learner’s own screenshots against each other', async () => {
    const gallery = await handlers()['screenshots.gallery']({ scope: 'ticket', ticketId: 'tkt_ana' });
    expect(gallery.tiles.find((t) => t.attachmentId === 'a_ana_photo')?.reuse).toEqual([]);
  });
});

describe('offline once fetched', () => {
  it('opens a stored screenshot with the LMS down, and gets a tampered file again when it is back', async () => {
    h.setOnline(false);
    const view = await handlers()['screenshots.open']({ attachmentId: 'a_bo_own' });
    expect(view.image).not.toBeNull();

    writeFileSync(createScreenshotStore(h.dataDir).pathOf(sha256(boOwn)), Buffer.from('tampered'));
    const tampered = await handlers()['screenshots.open']({ attachmentId: 'a_bo_own' });
    expect(tampered.image).toBeNull();
    expect(tampered.tile.state).toBe('waiting');
    await h.service.downloads.settled();
    const offline = await handlers()['screenshots.gallery']({ scope: 'ticket', ticketId: 'tkt_bo' });
    expect(offline.tiles.find((t) => t.attachmentId === 'a_bo_own')).toMatchObject({ state: 'unavailable', problem: expect.stringMatching(/503|unavailable|maintenance/i) });

    h.setOnline(true);
    await h.service.downloads.settled();
    const back = await handlers()['screenshots.open']({ attachmentId: 'a_bo_own' });
    expect(back.tile.state).toBe('ready');
    expect(sha256(Buffer.from(back.image?.base64 ?? '', 'base64'))).toBe(sha256(boOwn));
  });
});

describe('reviews', () => {
  it('records who read what, and the verdict’s reader sees it', async () => {
    const review = await handlers()['screenshots.review']({ attachmentId: 'a_ana_screen', sha256: sha256(anaScreen), showsPassingScore: true, scoreRead: 87, courseShown: 'Solar Racking Basics', moduleShown: 'Module 2: Installation and Code Compliance' });
    expect(review).toMatchObject({ reviewedBy: admin.id, reviewerName: admin.name, showsPassingScore: true, scoreRead: 87 });
    const view = await handlers()['screenshots.open']({ attachmentId: 'a_ana_screen' });
    expect(view.reviews).toHaveLength(1);
    expect(view.tile.review?.scoreRead).toBe(87);
    expect(h.events.some((e) => e.name === 'screenshots.changed' && e.payload.attachmentIds.includes('a_ana_screen'))).toBe(true);

    const forVerdict = createLearnerScreenshotReader(h.db)('lrn_1', 'mod_1');
    expect(forVerdict.find((s) => s.attachmentId === 'a_ana_screen')).toMatchObject({ ticketId: 'tkt_ana', reuseFlagged: true, review: { scoreRead: 87, showsPassingScore: true, reviewedBy: admin.id } });
    expect(forVerdict.find((s) => s.attachmentId === 'a_ana_photo')).toMatchObject({ review: null, reuseFlagged: false });
  });

  it('refuses a pass read below the module’s passing score, a stale file, and an agent', async () => {
    const base = { attachmentId: 'a_ana_photo', sha256: sha256(anaPhoto), courseShown: null, moduleShown: null };
    await expect(Promise.resolve().then(() => handlers()['screenshots.review']({ ...base, showsPassingScore: true, scoreRead: 62 }))).rejects.toThrow(/below this module’s passing score of 80/);
    await expect(Promise.resolve().then(() => handlers()['screenshots.review']({ ...base, sha256: sha256(boOwn), showsPassingScore: true, scoreRead: 91 }))).rejects.toMatchObject({ code: 'conflict' });
    h.setUser({ ...admin, id: 'agt_0002', name: 'Marcus Bell', role: 'agent' });
    try {
      await expect(Promise.resolve().then(() => handlers()['screenshots.review']({ ...base, showsPassingScore: true, scoreRead: 91 }))).rejects.toBeInstanceOf(PassdeskError);
      expect((await handlers()['screenshots.open']({ attachmentId: 'a_ana_photo' })).canReview).toBe(false);
    } finally {
      h.setUser(admin);
    }
    expect((await handlers()['screenshots.open']({ attachmentId: 'a_ana_photo' })).reviews).toEqual([]);
  });
});

describe('OCR (the one real reading in the test suite)', () => {
  it('proposes the score, the pass words and the course it reads on the screenshot', async () => {
    const proposal = await handlers()['screenshots.readScore']({ attachmentId: 'a_ana_screen' });
    expect(proposal.score).toBe(87);
    expect(proposal.passWords.length + proposal.completionWords.length).toBeGreaterThan(0);
    expect(proposal.courseName).toBe('Solar Racking Basics');
    const view = await handlers()['screenshots.open']({ attachmentId: 'a_ana_screen' });
    expect(view.proposal?.score).toBe(87);
  });
});
