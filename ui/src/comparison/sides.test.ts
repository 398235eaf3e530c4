import { describe, expect, it } from "vitest";
import type { Row } from "../api";
import { groupBySide, sideOf } from "./sides";

const row = (id: string): Row => ({ id, name: id, kind: "person", aliases: [], linked_to: null, corrected: false, cells: {} });

describe("groupBySide", () => {
  const sides = { Workers: ["union", "docker"], Management: ["director"] };

  it("puts sides in alphabetical order and sources on no side last, keeping row order", () => {
    const groups = groupBySide([row("docker"), row("mayor"), row("director"), row("union")], sides);
    expect(groups.map((g) => [g.side, g.rows.map((r) => r.id)])).toEqual([
      ["Management", ["director"]],
      ["Workers", ["docker", "union"]],
      [null, ["mayor"]],
    ]);
  });

  it("leaves out sides none of the shown rows are on", () => {
    expect(groupBySide([row("union")], sides).map((g) => g.side)).toEqual(["Workers"]);
  });

  it("finds a source's side", () => {
    expect(sideOf("director", sides)).toBe("Management");
    expect(sideOf("mayor", sides)).toBeNull();
  });
});
