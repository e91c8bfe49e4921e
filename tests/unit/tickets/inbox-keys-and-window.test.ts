import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandFor, inboxShortcuts } from '../../../src/renderer/inbox/inbox-keys';
import { pagesFor, scrollToShow, visibleWindow } from '../../../src/renderer/inbox/list-window';

const press = (key: string, over: Partial<Parameters<typeof commandFor>[0]> = {}) => commandFor({ key, withModifier: false, inTextField: false, inList: false, ...over });

describe('inbox shortcuts', () => {
  it('maps the documented keys', () => {
    expect(['j', 'k', '/', 'r', 'n', 'e', 'a', '?', 'x'].map((k) => press(k))).toEqual(['next', 'previous', 'search', 'reply', 'note', 'resolve', 'assignToMe', 'help', 'toggleSelect']);
    expect(press('Enter', { inList: true })).toBe('open');
  });

  it('leaves typing alone, except Escape which leaves the field', () => {
    for (const key of ['j', 'k', 'r', 'e', '/', '?', 'a']) expect(press(key, { inTextField: true })).toBeNull();
    expect(press('Escape', { inTextField: true })).toBe('back');
  });

  it('leaves Ctrl/Alt/Meta combinations to the browser, and the arrows, Space and Enter to whatever has the focus', () => {
    expect(press('r', { withModifier: true })).toBeNull();
    expect(press('ArrowDown')).toBeNull();
    expect(press(' ')).toBeNull();
    expect(press('Enter')).toBeNull();
    expect(press('ArrowDown', { inList: true })).toBe('next');
  });

  it('lists every command once in the help dialog', () => {
    const commands = inboxShortcuts.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
  });
});

describe('the list window', () => {
  it('draws the rows in view plus a few either side, never past the ends', () => {
    fc.assert(
      fc.property(fc.nat(5_000_000), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 200 }), fc.nat(60_000), (top, height, rowHeight, total) => {
        const w = visibleWindow(top, height, rowHeight, total);
        expect(w.first).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeLessThanOrEqual(total);
        expect(w.end).toBeGreaterThanOrEqual(w.first);
        expect(w.end - w.first).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 13);
        const firstInView = Math.floor(top / rowHeight);
        if (firstInView < total) expect(w.first).toBeLessThanOrEqual(firstInView);
      }),
    );
  });

  it('scrolls only as far as needed to show a row', () => {
    expect(scrollToShow(10, 0, 860, 86)).toBe(86);
    expect(scrollToShow(5, 0, 860, 86)).toBeNull();
    expect(scrollToShow(2, 860, 860, 86)).toBe(172);
  });

  it('asks for aligned pages covering the window', () => {
    expect(pagesFor({ first: 95, end: 210 }, 100)).toEqual([0, 100, 200]);
    expect(pagesFor({ first: 0, end: 0 }, 100)).toEqual([]);
  });
});
