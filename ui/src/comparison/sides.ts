import type { Row } from "../api";

/** Sources on one side, or (side null) on none. */
export interface SideGroup {
  side: string | null;
  rows: Row[];
}

/** The side a source is on, if any. */
export function sideOf(sourceId: string, sides: Record<string, string[] | undefined>): string | null {
  return Object.entries(sides).find(([, members]) => members?.includes(sourceId))?.[0] ?? null;
}

/**
 * Groups rows by the researcher's sides, sides in alphabetical order and
 * sources without a side last, keeping the rows' order within each group.
 */
export function groupBySide(rows: Row[], sides: Record<string, string[] | undefined>): SideGroup[] {
  const names = Object.keys(sides).sort((a, b) => a.localeCompare(b));
  const groups: SideGroup[] = names.map((side) => ({ side, rows: [] }));
  const none: SideGroup = { side: null, rows: [] };
  for (const row of rows) {
    const side = sideOf(row.id, sides);
    (side === null ? none : groups[names.indexOf(side)]).rows.push(row);
  }
  return [...groups, none].filter((group) => group.rows.length > 0);
}
