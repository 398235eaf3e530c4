import { describe, expect, it } from "vitest";
import { highlight } from "./highlight";

describe("highlight", () => {
  it("marks source, cue and content by code-point offsets", () => {
    // The emoji is two UTF-16 units but one code point, as the engine counts.
    const text = "🙂 “No deal,” Reyes said.";
    const segments = highlight({
      start: 10,
      end: 10 + Array.from(text).length,
      text,
      mention: {
        start: 23,
        end: 28,
        text: "Reyes",
        cue: { start: 29, end: 33, text: "said" },
        content: { start: 13, end: 20 },
        attribution: "direct_quote",
      },
    });
    expect(segments).toEqual([
      { text: "🙂 “", role: null },
      { text: "No deal", role: "content" },
      { text: ",” ", role: null },
      { text: "Reyes", role: "source" },
      { text: " ", role: null },
      { text: "said", role: "cue" },
      { text: ".", role: null },
    ]);
  });

  it("clips content that runs beyond the sentence", () => {
    const segments = highlight({
      start: 0,
      end: 9,
      text: "He added.",
      mention: { start: 0, end: 2, text: "He", cue: null, content: { start: 3, end: 400 }, attribution: "indirect" },
    });
    expect(segments.map((s) => s.role)).toEqual(["source", null, "content"]);
  });
});
