import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const srcDir = join(__dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("architecture", () => {
  it("imports @tauri-apps only from src/api", () => {
    const offenders = sourceFiles(srcDir)
      .filter((path) => !relative(srcDir, path).startsWith(`api${sep}`))
      .filter((path) => !path.endsWith("architecture.test.ts"))
      .filter((path) => /from\s+["']@tauri-apps\//.test(readFileSync(path, "utf8")));
    expect(offenders.map((path) => relative(srcDir, path))).toEqual([]);
  });
});
