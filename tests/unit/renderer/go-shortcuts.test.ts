import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GO_WINDOW_MS, idleGoState, stepGoShortcut, type GoState, type KeyPress } from '../../../src/renderer/navigation/go-shortcuts';
import { screens } from '../../../src/renderer/navigation/screens';

function press(key: string, at: number, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, at, withModifier: false, inTextField: false, ...extra };
}

function run(presses: KeyPress[]) {
  let state: GoState = idleGoState;
  const went: string[] = [];
  for (const p of presses) {
    const step = stepGoShortcut(state, p);
    state = step.state;
    if (step.go) went.push(step.go);
  }
  return went;
}

describe('"g then a key" shortcuts', () => {
  it('g then each screen\'s key opens that screen', () => {
    for (const screen of screens) {
      expect(run([press('g', 0), press(screen.shortcutKey, 200)])).toEqual([screen.id]);
    }
    expect(run([press('g', 0), press('I', 200)])).toEqual(['inbox']);
  });

  it('gives every screen its own key', () => {
    expect(new Set(screens.map((s) => s.shortcutKey)).size).toBe(screens.length);
  });

  it('does nothing for the second key alone, too late, typed into a field, or with a modifier', () => {
    expect(run([press('i', 0)])).toEqual([]);
    expect(run([press('g', 0), press('i', GO_WINDOW_MS + 1)])).toEqual([]);
    expect(run([press('g', 0, { inTextField: true }), press('i', 10, { inTextField: true })])).toEqual([]);
    expect(run([press('g', 0), press('i', 10, { inTextField: true })])).toEqual([]);
    expect(run([press('g', 0, { withModifier: true }), press('i', 10)])).toEqual([]);
    expect(run([press('g', 0), press('x', 10), press('i', 20)])).toEqual([]);
  });

  it('g g i still opens the inbox', () => {
    expect(run([press('g', 0), press('g', 10), press('i', 20)])).toEqual(['inbox']);
  });

  it('never navigates except right after a g, whatever is typed', () => {
    const keys = fc.constantFrom('g', 'i', 'd', 's', 'p', ',', 'x', 'Enter', 'Tab', 'G');
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, fc.integer({ min: 0, max: 3000 }), fc.boolean(), fc.boolean()), { maxLength: 40 }), (raw) => {
        let at = 0;
        const presses = raw.map(([key, gap, withModifier, inTextField]) => press(key, (at += gap), { withModifier, inTextField }));
        let state: GoState = idleGoState;
        presses.forEach((p, i) => {
          const step = stepGoShortcut(state, p);
          if (step.go) {
            const before = presses[i - 1];
            expect(before?.key).toBe('g');
            expect(before?.withModifier || before?.inTextField).toBe(false);
            expect(p.at - (before?.at ?? 0)).toBeLessThanOrEqual(GO_WINDOW_MS);
          }
          state = step.state;
        });
      }),
    );
  });
});
