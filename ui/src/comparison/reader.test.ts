import { describe, expect, it } from "vitest";
import type { Cell, Row } from "../api";
import { readerRuns, selectedSpan } from "./reader";

const TEXT = "“We came to sign,” Reyes said. Marsh declined to comment.";

function row(id: string, key: string, mention: Cell["evidence"][number]["mention"] | null): Row {
  const cell: Cell = mention
    ? { included: true, attribution: "direct_quote", mentions: 1, quoted_words: 4, evidence: [{ start: 0, end: 10, text: "", mention }] }
    : { included: false, attribution: null, mentions: 0, quoted_words: 0, evidence: [] };
  return { id, name: id, kind: "person", aliases: [], linked_to: null, corrected: false, cells: { [key]: cell } };
}

describe("readerRuns", () => {
  it("marks each source's name, cue and content in its own colour", () => {
    const rows = [
      row("reyes", "a", { start: 19, end: 24, text: "Reyes", cue: { start: 25, end: 29, text: "said" }, content: { start: 1, end: 16 }, attribution: "direct_quote" }),
      row("marsh", "a", { start: 31, end: 36, text: "Marsh", cue: { start: 37, end: 45, text: "declined" }, content: null, attribution: "indirect" }),
    ];
    const runs = readerRuns(TEXT, "a", rows).filter((r) => r.role !== null);
    expect(runs.map((r) => [r.text, r.source, r.role, r.mention])).toEqual([
      ["We came to sign", 0, "content", 19],
      ["Reyes", 0, "source", 19],
      ["said", 0, "cue", 19],
      ["Marsh", 1, "source", 31],
      ["declined", 1, "cue", 31],
    ]);
    expect(readerRuns(TEXT, "a", rows).map((r) => r.text).join("")).toBe(TEXT);
  });

  it("counts offsets in code points, so text after an emoji stays aligned", () => {
    const text = "🙂 Reyes said.";
    const rows = [row("reyes", "a", { start: 2, end: 7, text: "Reyes", cue: null, content: null, attribution: "indirect" })];
    const marked = readerRuns(text, "a", rows).find((r) => r.role === "source");
    expect(marked?.text).toBe("Reyes");
  });

  it("leaves an article's text plain when no source is in it", () => {
    expect(readerRuns(TEXT, "b", [row("reyes", "a", null)])).toEqual([{ text: TEXT, source: null, role: null, mention: null }]);
  });

  it("turns a selection into code-point offsets of the text, trimmed", () => {
    const root = document.createElement("div");
    root.innerHTML = "🙂 <mark>Reyes</mark> said the talks  stalled.";
    document.body.append(root);
    const range = document.createRange();
    const tail = root.childNodes[2];
    range.setStart(tail, 5);
    range.setEnd(tail, 16);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectedSpan(root, selection)).toEqual({ start: 13, end: 22, text: "the talks" });
    root.remove();
  });
});
