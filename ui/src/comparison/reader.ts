import type { Row } from "../api";

/** A run of an article's text: plain, or part of one source's mention. */
export interface ReaderRun {
  text: string;
  /** Index of the source (its row) this run belongs to, if any. */
  source: number | null;
  role: "source" | "cue" | "content" | null;
}

/**
 * Splits an article's text into runs marking every mention of every source,
 * with its cue and content. Offsets count Unicode code points. Where spans
 * overlap, the source's own name wins over its cue, and the cue over content.
 */
export function readerRuns(text: string, articleKey: string, rows: Row[]): ReaderRun[] {
  const chars = Array.from(text);
  const source: (number | null)[] = chars.map(() => null);
  const role: ReaderRun["role"][] = chars.map(() => null);
  const rank = { content: 1, cue: 2, source: 3 } as const;
  const mark = (start: number, end: number, row: number, as: keyof typeof rank) => {
    for (let i = Math.max(start, 0); i < Math.min(end, chars.length); i++) {
      const current = role[i];
      if (current === null || rank[current] < rank[as]) {
        role[i] = as;
        source[i] = row;
      }
    }
  };
  rows.forEach((row, index) => {
    for (const evidence of row.cells[articleKey]?.evidence ?? []) {
      const { mention } = evidence;
      if (mention.content) mark(mention.content.start, mention.content.end, index, "content");
      if (mention.cue) mark(mention.cue.start, mention.cue.end, index, "cue");
      mark(mention.start, mention.end, index, "source");
    }
  });
  const runs: ReaderRun[] = [];
  chars.forEach((char, i) => {
    const last = runs[runs.length - 1];
    if (last && last.source === source[i] && last.role === role[i]) last.text += char;
    else runs.push({ text: char, source: source[i], role: role[i] });
  });
  return runs;
}
