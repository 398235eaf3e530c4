import { describe, expect, it } from "vitest";
import { copyGroups } from "./copies";

describe("copyGroups", () => {
  it("joins chains of near copies into one group with the weakest similarity", () => {
    const groups = copyGroups([
      { a: "a", b: "b", similarity: 0.99 },
      { a: "c", b: "d", similarity: 0.9 },
      { a: "b", b: "e", similarity: 0.85 },
    ]);
    expect(groups).toEqual([
      { articles: ["a", "b", "e"], similarity: 0.85 },
      { articles: ["c", "d"], similarity: 0.9 },
    ]);
  });

  it("makes one group of every pair among many copies", () => {
    const names = Array.from({ length: 12 }, (_, i) => `outlet-${i}`);
    const pairs = names.flatMap((a, i) => names.slice(i + 1).map((b) => ({ a, b, similarity: 0.99 })));
    expect(copyGroups(pairs)).toEqual([{ articles: names, similarity: 0.99 }]);
  });

  it("has no groups without pairs", () => {
    expect(copyGroups([])).toEqual([]);
  });
});
