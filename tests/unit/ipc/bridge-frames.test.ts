// Browser mode's socket frames: any text at all is either a call or a refusal with a
// reason — reading a frame never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readClientFrame } from '../../../src/main/serve/bridge-frames';

describe('bridge frames', () => {
  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((v) => JSON.stringify(v) ?? 'undefined')), (text) => {
        const frame = readClientFrame(text);
        expect(['invoke', 'bad']).toContain(frame.kind);
        if (frame.kind === 'bad') expect(frame.error.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a call, leaving channel and payload for the dispatcher to judge', () => {
    expect(readClientFrame('{"type":"invoke","id":12,"channel":"app.ping","payload":{}}')).toEqual({ kind: 'invoke', id: 12, channel: 'app.ping', payload: {} });
    expect(readClientFrame('{"type":"invoke","id":"c-1","channel":42,"payload":null}')).toEqual({ kind: 'invoke', id: 'c-1', channel: 42, payload: null });
    // A call whose payload was undefined (dropped by JSON.stringify) is still a call: the dispatcher answers it.
    expect(readClientFrame('{"type":"invoke","id":"c-2","channel":"app.ping"}')).toEqual({ kind: 'invoke', id: 'c-2', channel: 'app.ping', payload: undefined });
  });

  it('keeps the id of a refused frame when it has a usable one, so the caller can be answered', () => {
    expect(readClientFrame('{"type":"call","id":5}')).toMatchObject({ kind: 'bad', id: 5 });
    expect(readClientFrame('{"type":"invoke","id":-1}')).toMatchObject({ kind: 'bad', id: null });
    expect(readClientFrame('[1,2]')).toMatchObject({ kind: 'bad', id: null, error: { code: 'invalid_payload' } });
  });
});
