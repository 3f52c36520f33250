/**
 * Element keys for the rows in the window that recycle. A row still on screen keeps its key (so its
 * element, and any focus in it, stays with the same entity when rows around it come and go); a row
 * new on screen takes a key a departed row left behind, so after a filter or sort change the
 * elements on screen are patched in place instead of torn down and built anew.
 */
export class RowSlots {
  private slots = new Map<string, string>();
  private next = 0;

  /** Keys for the entities now in the window, in their order; the same key never appears twice. */
  assign(entityKeys: readonly string[]): string[] {
    const kept = new Map<string, string>();
    const now = new Set(entityKeys);
    const free: string[] = [];
    for (const [entity, slot] of this.slots) if (!now.has(entity)) free.push(slot);
    let reuse = 0;
    const keys = entityKeys.map((entity) => {
      // Departed rows' keys in their order, so a recycled element mostly keeps its place in the DOM.
      const slot = this.slots.get(entity) ?? free[reuse++] ?? `slot:${this.next++}`;
      kept.set(entity, slot);
      return slot;
    });
    this.slots = kept;
    return keys;
  }
}
