import { describe, expect, it } from "vitest";
import { isIpcError, toIpcError } from ".";

describe("toIpcError", () => {
  it("passes the backend's {code, message} through unchanged", () => {
    const error = { code: "notFound", message: "No comparison named “X”." };
    expect(toIpcError(error)).toBe(error);
  });

  it("wraps Tauri's plain-string refusals as internal failures", () => {
    const wrapped = toIpcError("command create_thing not found");
    expect(wrapped.code).toBe("internal");
    expect(wrapped.message).toContain("command create_thing not found");
  });

  it("does not mistake other objects for backend errors", () => {
    expect(isIpcError({ code: 3, message: "x" })).toBe(false);
    expect(isIpcError(null)).toBe(false);
    expect(toIpcError(new Error("boom")).message).toContain("boom");
  });
});
