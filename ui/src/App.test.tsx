import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/react";
import type { ComparisonView } from "./api";

const emptyView = (name: string): ComparisonView => ({
  name,
  articles: [],
  matrix: { sources: [], omissions: [], single_article: [], wire_copies: [], shared_quotes: [], balance: {}, sides: {}, unapplied_corrections: [] },
  failures: [],
  corrections: 0,
});

const api = vi.hoisted(() => ({
  created: [] as string[],
  imported: [] as [string, string[]][],
}));

vi.mock("./api", async (original) => {
  const actual = await original<typeof import("./api")>();
  return {
    ...actual,
    libraryApi: {
      listComparisons: async () => [],
      createComparison: async (name: string) => {
        api.created.push(name);
        return { id: "1", name, description: "", articleCount: 0, outlets: [], tags: [], createdAt: "2026-11-26T10:00:00Z", updatedAt: "2026-11-26T10:00:00Z" };
      },
    },
    comparisonApi: {
      openComparison: async (name: string) => emptyView(name),
      importInto: async (name: string, inputs: string[]) => {
        api.imported.push([name, inputs]);
        return [];
      },
      onImportProgress: async () => () => {},
      onFetchProgress: async () => () => {},
      importText: async () => ({ input: "", added: 1, alreadyPresent: 0, failure: null }),
      discover: async () => {
        throw new Error("not used here");
      },
      listOutlets: async () => [],
      openOriginal: async () => {},
      exportTo: async () => null,
      correct: async (name: string) => emptyView(name),
      undoCorrection: async (name: string) => emptyView(name),
    },
    onFilesDropped: async () => () => {},
  };
});

import { App, looksLikeArticle } from "./App";

describe("App", () => {
  it("imports links pasted on the library into a new comparison", async () => {
    render(<App />);
    await screen.findByRole("heading", { name: "Your library is empty" });
    fireEvent.paste(window, {
      clipboardData: { getData: () => "https://harbourcourier.example/a\n\n/home/r/saved.html\n" },
    });
    expect(await screen.findByRole("heading", { level: 2 })).toBeTruthy();
    await vi.waitFor(() => expect(api.imported.length).toBe(1));
    expect(api.created[0]).toMatch(/^Imported /);
    expect(api.imported[0]).toEqual([api.created[0], ["https://harbourcourier.example/a", "/home/r/saved.html"]]);
  });

  it("tells pasted article text from pasted links and paths", () => {
    expect(looksLikeArticle("https://harbourcourier.example/a\n/home/r/Press TV: strike.html")).toBe(false);
    expect(
      looksLikeArticle(
        "HALLAM — Container traffic stayed frozen on Saturday as a strike by dockworkers entered its second day.",
      ),
    ).toBe(true);
  });

  it("offers text dragged onto the window as a pasted article", async () => {
    render(<App />);
    await screen.findByRole("heading", { name: "Your library is empty" });
    const text =
      "HALLAM — Container traffic stayed frozen on Saturday as a strike by dockworkers entered its second day, port officials said.";
    const dataTransfer = { types: ["text/plain"], getData: (type: string) => (type === "text/plain" ? text : "") };
    fireEvent.drop(window, { dataTransfer });
    const field = (await screen.findByLabelText("Article text")) as HTMLTextAreaElement;
    expect(field.value).toBe(text);
    expect(api.created[api.created.length - 1]).toMatch(/^Imported /);
  });
});
