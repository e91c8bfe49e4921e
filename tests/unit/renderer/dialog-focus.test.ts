import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dialogKeyAction, type DialogKey } from '../../../src/renderer/components/dialog-focus';

const key = (over: Partial<DialogKey>): DialogKey => ({ key: 'Tab', shiftKey: false, index: 0, count: 3, busy: false, closesOnEscape: true, ...over });

describe('keyboard focus in an open dialog', () => {
  test('Escape closes the dialog', () => {
    expect(dialogKeyAction(key({ key: 'Escape' }))).toEqual({ kind: 'close' });
  });

  test('Escape does nothing while a request is in flight, so its outcome stays on screen', () => {
    expect(dialogKeyAction(key({ key: 'Escape', busy: true }))).toEqual({ kind: 'none' });
  });

  test('Escape is left to a native <dialog> that closes itself', () => {
    expect(dialogKeyAction(key({ key: 'Escape', closesOnEscape: false }))).toEqual({ kind: 'none' });
  });

  test('Tab on the last control wraps to the first; Shift+Tab on the first wraps to the last', () => {
    expect(dialogKeyAction(key({ index: 2 }))).toEqual({ kind: 'focus', index: 0 });
    expect(dialogKeyAction(key({ index: 0, shiftKey: true }))).toEqual({ kind: 'focus', index: 2 });
  });

  test('Tab from outside the controls (the dialog itself) lands on the first, Shift+Tab on the last', () => {
    expect(dialogKeyAction(key({ index: -1 }))).toEqual({ kind: 'focus', index: 0 });
    expect(dialogKeyAction(key({ index: -1, shiftKey: true }))).toEqual({ kind: 'focus', index: 2 });
  });

  test('other keys, and a dialog with no controls, are left alone', () => {
    expect(dialogKeyAction(key({ key: 'Enter' }))).toEqual({ kind: 'none' });
    expect(dialogKeyAction(key({ key: 'j' }))).toEqual({ kind: 'none' });
    expect(dialogKeyAction(key({ count: 0, index: -1 }))).toEqual({ kind: 'none' });
  });

  test('walking Tab (or Shift+Tab) from any control never leaves the dialog and visits every control', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: -1, max: 29 }), fc.boolean(), (count, start, shiftKey) => {
        let index = Math.min(start, count - 1);
        const seen = new Set<number>();
        for (let step = 0; step < count * 2; step++) {
          const action = dialogKeyAction(key({ shiftKey, index, count }));
          // "none" inside the ring means the browser moves one step in Tab order.
          index = action.kind === 'focus' ? action.index : index + (shiftKey ? -1 : 1);
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThan(count);
          seen.add(index);
        }
        expect(seen.size).toBe(count);
      }),
    );
  });
});
