import type { Evidence } from "../api";

/** A run of an evidence sentence, marked with the part it plays, if any. */
export interface Segment {
  text: string;
  role: "source" | "cue" | "content" | null;
}

/**
 * Splits an evidence sentence into runs marking the source, the cue and the
 * content. Offsets from the engine count Unicode code points, not UTF-16
 * units, so the sentence is indexed as an array of code points.
 */
export function highlight(evidence: Evidence): Segment[] {
  const chars = Array.from(evidence.text);
  const roles: Segment["role"][] = chars.map(() => null);
  const mark = (start: number, end: number, role: Segment["role"]) => {
    for (let i = Math.max(start - evidence.start, 0); i < Math.min(end - evidence.start, chars.length); i++) {
      roles[i] = role;
    }
  };
  const { mention } = evidence;
  if (mention.content) mark(mention.content.start, mention.content.end, "content");
  if (mention.cue) mark(mention.cue.start, mention.cue.end, "cue");
  mark(mention.start, mention.end, "source");
  const segments: Segment[] = [];
  chars.forEach((char, i) => {
    const last = segments[segments.length - 1];
    if (last && last.role === roles[i]) last.text += char;
    else segments.push({ text: char, role: roles[i] });
  });
  return segments;
}
