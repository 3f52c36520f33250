import { describe, expect, it } from 'vitest';
import { RowSlots } from '../../lib/center/row-slots';

describe('RowSlots: element keys for the rows in the Sync Center window', () => {
  it('keeps the key of a row that stays on screen, whatever moves around it', () => {
    const slots = new RowSlots();
    const [a, b, c] = slots.assign(['a', 'b', 'c']);
    // "a" left (resynced), "d" came in at the bottom: b and c keep their elements.
    const next = slots.assign(['b', 'c', 'd']);
    expect(next.slice(0, 2)).toEqual([b, c]);
    expect(next[2]).toBe(a); // d takes the element a left behind
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('after a filter change hands the departed rows\' keys to the new rows in order, so elements are patched in place', () => {
    const slots = new RowSlots();
    const before = slots.assign(['r1', 'r2', 'r3', 'r4']);
    expect(slots.assign(['x1', 'x2', 'x3', 'x4'])).toEqual(before);
  });

  it('never gives one key to two rows, and makes new keys only when no departed key is left', () => {
    const slots = new RowSlots();
    slots.assign(['a', 'b']);
    const keys = slots.assign(['c', 'a', 'd', 'e', 'f']);
    expect(new Set(keys).size).toBe(5);
    expect(keys.filter((k) => k.startsWith('slot:')).length).toBe(5);
    // Random windows: keys stay unique and a row present in both keeps its key.
    let seed = 7;
    const rand = () => ((seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647);
    let last = new Map<string, string>();
    for (let round = 0; round < 200; round++) {
      const ids = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 20) }, () => `e${Math.floor(rand() * 40)}`))];
      const assigned = slots.assign(ids);
      expect(new Set(assigned).size).toBe(ids.length);
      ids.forEach((id, i) => {
        if (last.has(id)) expect(assigned[i]).toBe(last.get(id));
      });
      last = new Map(ids.map((id, i) => [id, assigned[i]!]));
    }
  });
});
