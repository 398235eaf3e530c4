import type { Row } from "../api";

/** How many colours sources cycle through (see `.src-N` in styles.css). */
const COLOURS = 8;

/** The class giving the source of row `index` its colour. */
export function colourClass(index: number): string {
  return `src-${index % COLOURS}`;
}

/** A run of an article's text: plain, or part of one source's mention. */
export interface ReaderRun {
  text: string;
  /** Index of the source (its row) this run belongs to, if any. */
  source: number | null;
  role: "source" | "cue" | "content" | null;
  /** Where the mention's source words start (code points): how a correction names the mention. */
  mention: number | null;
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
  const mentionAt: (number | null)[] = chars.map(() => null);
  const rank = { content: 1, cue: 2, source: 3 } as const;
  const mark = (start: number, end: number, row: number, as: keyof typeof rank, mention: number) => {
    for (let i = Math.max(start, 0); i < Math.min(end, chars.length); i++) {
      const current = role[i];
      if (current === null || rank[current] < rank[as]) {
        role[i] = as;
        source[i] = row;
        mentionAt[i] = mention;
      }
    }
  };
  rows.forEach((row, index) => {
    for (const evidence of row.cells[articleKey]?.evidence ?? []) {
      const { mention } = evidence;
      if (mention.content) mark(mention.content.start, mention.content.end, index, "content", mention.start);
      if (mention.cue) mark(mention.cue.start, mention.cue.end, index, "cue", mention.start);
      mark(mention.start, mention.end, index, "source", mention.start);
    }
  });
  const runs: ReaderRun[] = [];
  chars.forEach((char, i) => {
    const last = runs[runs.length - 1];
    if (last && last.source === source[i] && last.role === role[i] && last.mention === mentionAt[i]) last.text += char;
    else runs.push({ text: char, source: source[i], role: role[i], mention: mentionAt[i] });
  });
  return runs;
}

/**
 * The code-point offsets of the selection inside `root`, or null when
 * nothing in it is selected.
 */
export function selectedSpan(root: Node, selection: Selection | null): { start: number; end: number; text: string } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const start = Array.from(before.toString()).length;
  const raw = range.toString();
  const text = raw.trim();
  if (text === "") return null;
  const lead = Array.from(raw).length - Array.from(raw.trimStart()).length;
  return { start: start + lead, end: start + lead + Array.from(text).length, text };
}
