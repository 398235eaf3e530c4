import { describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ArticleView, Cell, ComparisonApi, ComparisonView, Correction, Discovery, ImportOutcome } from "../api";
import { arrange, ComparisonScreen } from "./ComparisonScreen";

const TEXT = "“We came to sign,” Reyes said.";

function cell(included: boolean): Cell {
  if (!included) return { included: false, attribution: null, mentions: 0, quoted_words: 0, evidence: [] };
  return {
    included: true,
    attribution: "direct_quote",
    mentions: 1,
    quoted_words: 4,
    evidence: [
      {
        start: 0,
        end: 30,
        text: TEXT,
        mention: { start: 19, end: 24, text: "Reyes", cue: { start: 25, end: 29, text: "said" }, content: { start: 1, end: 16 }, attribution: "direct_quote" },
      },
    ],
  };
}

function article(key: string, outlet: string, title: string | null, text: string): ArticleView {
  return { key, outlet, title, text, origin: `/articles/${key}`, url: null, date: null, byline: null, archiveUrl: null, country: null, ownership: null };
}

function view(): ComparisonView {
  return {
    name: "Valmora talks",
    articles: [
      article("a.txt", "Capital Daily", "Reyes: we came to sign", TEXT),
      article("b.txt", "Meridian Wire", null, TEXT),
      article("c.txt", "Northern Voice", null, "Other text."),
    ],
    matrix: {
      sources: [
        { id: "person:anton-reyes", name: "Anton Reyes", kind: "person", aliases: [], linked_to: null, corrected: false, cells: { "a.txt": cell(true), "b.txt": cell(true), "c.txt": cell(false) } },
        { id: "person:reyes", name: "Reyes", kind: "person", aliases: [], linked_to: null, corrected: false, cells: { "a.txt": cell(false), "b.txt": cell(false), "c.txt": cell(true) } },
      ],
      omissions: [{ source: "person:anton-reyes", article: "c.txt", included_by: 2 }],
      single_article: [],
      wire_copies: [],
      shared_quotes: [],
      balance: {},
      sides: {},
      unapplied_corrections: [],
    },
    failures: [],
    corrections: 0,
  };
}

function fakeApi(outcomes: ImportOutcome[] = []): ComparisonApi {
  return {
    openComparison: vi.fn(async () => view()),
    importInto: vi.fn(async () => outcomes),
    onImportProgress: vi.fn(async () => () => {}),
    correct: vi.fn(async (_name: string, correction: Correction) => {
      const corrected = { ...view(), corrections: 1 };
      if (correction.op === "side" && correction.side) {
        corrected.matrix = { ...corrected.matrix, sides: { [correction.side]: [correction.source] } };
      }
      return corrected;
    }),
    undoCorrection: vi.fn(async () => view()),
    onFetchProgress: vi.fn(async () => () => {}),
    discover: vi.fn(async () => discovery()),
    listOutlets: vi.fn(async () => []),
    openOriginal: vi.fn(async () => {}),
    exportTo: vi.fn(async (_name: string, format: string) => `/home/r/valmora.${format}`),
    importText: vi.fn(async () => ({ input: "text pasted for Brackwater Echo", added: 1, alreadyPresent: 0, failure: null })),
  };
}

function discovery(): Discovery {
  return {
    signature: { entities: ["Anton Reyes", "Valmora"], terms: ["ceasefire"], date: "2026-06-09" },
    from: "2026-06-07",
    to: "2026-06-12",
    candidates: [
      {
        url: "https://www.presstv.ir/Detail/2026/06/09/valmora-talks",
        outlet: "Press TV",
        title: "Valmora talks collapse as Reyes walks out",
        date: "2026-06-09",
        score: 0.71,
        reason: "shares Reyes, Valmora, “ceasefire”; same day",
        foundBy: ["gdelt"],
        copies: ["https://wire.example/valmora-talks"],
      },
      {
        url: "https://www.rt.com/news/valmora-ceasefire",
        outlet: "RT",
        title: "Ceasefire in doubt in Valmora",
        date: null,
        score: 0.44,
        reason: "shares Valmora, “ceasefire”; date unknown",
        foundBy: ["feed"],
        copies: [],
      },
    ],
    problems: [{ provider: "gdelt", message: "GDELT did not answer with a list of articles: “Please slow down”" }],
  };
}

describe("ComparisonScreen", () => {
  it("shows sources by outlet and marks an omission", async () => {
    render(<ComparisonScreen api={fakeApi()} name="Valmora talks" onBack={() => {}} />);
    const table = await screen.findByRole("table", { name: /Coverage matrix/ });
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["Source", "Capital Daily", "Meridian Wire", "Northern Voice"]);
    expect(screen.getByRole("button", { name: /Anton Reyes in Capital Daily: quoted, 1 mention, 4 quoted words/ })).toBeTruthy();
    const left_out = screen.getByRole("button", { name: /not used by Northern Voice, though most other outlets use it/ }) as HTMLButtonElement;
    expect(left_out.disabled).toBe(true);
    expect(left_out.closest("td")?.className).toBe("omission");
    expect(within(table).getByRole("button", { name: /Anton Reyes in Capital Daily/ }).textContent).toBe("Q 1 · 4w");
  });

  it("merges a source into another, shows the undo, and undoes on Ctrl+Z", async () => {
    const api = fakeApi();
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Reyes" }));
    const panel = screen.getByRole("region", { name: "Correct Reyes" });
    await userEvent.selectOptions(within(panel).getByLabelText("Same source as"), "person:anton-reyes");
    await userEvent.click(within(panel).getByRole("button", { name: "Merge" }));
    expect(api.correct).toHaveBeenCalledWith("Valmora talks", { op: "merge", into: "person:anton-reyes", from: "person:reyes" });
    expect(await screen.findByRole("button", { name: "Undo correction (1)" })).toBeTruthy();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(api.undoCorrection).toHaveBeenCalledWith("Valmora talks");
  });

  it("marks a source as not a source", async () => {
    const api = fakeApi();
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Anton Reyes" }));
    await userEvent.click(screen.getByRole("button", { name: "Not a source" }));
    expect(api.correct).toHaveBeenCalledWith("Valmora talks", { op: "not_a_source", source: "person:anton-reyes" });
  });

  it("sorts rows by coverage, name or kind and filters them by kind", async () => {
    const rows = view().matrix.sources;
    expect(arrange(rows, "coverage", "all").map((r) => r.name)).toEqual(["Anton Reyes", "Reyes"]);
    expect(arrange(rows, "name", "all").map((r) => r.name)).toEqual(["Anton Reyes", "Reyes"]);
    expect(arrange(rows, "coverage", "anonymous")).toEqual([]);
    render(<ComparisonScreen api={fakeApi()} name="Valmora talks" onBack={() => {}} />);
    await screen.findByRole("table");
    await userEvent.selectOptions(screen.getByLabelText("Show"), "anonymous");
    expect(screen.getByText("0 of 2 sources")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Anton Reyes" })).toBeNull();
  });

  it("opens the evidence for a cell with source and cue marked, and closes it on Escape", async () => {
    render(<ComparisonScreen api={fakeApi()} name="Valmora talks" onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: /Anton Reyes in Meridian Wire/ }));
    const panel = screen.getByRole("region", { name: "Anton Reyes in Meridian Wire" });
    expect(within(panel).getByTitle("source").textContent).toBe("Reyes");
    expect(within(panel).getByTitle("cue").textContent).toBe("said");
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "Anton Reyes in Meridian Wire" })).toBeNull();
  });

  it("imports typed paths and reports each result, failures included", async () => {
    const api = fakeApi([
      { input: "/articles/a.html", added: 1, alreadyPresent: 0, failure: null },
      { input: "/articles/scan.pdf", added: 0, alreadyPresent: 0, failure: { path: "/articles/scan.pdf", code: "pdf_without_text", message: "/articles/scan.pdf: has no text layer" } },
    ]);
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await screen.findByRole("table");
    await userEvent.type(screen.getByLabelText("Add articles"), "/articles/a.html{Enter}/articles/scan.pdf");
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(api.importInto).toHaveBeenCalledWith("Valmora talks", ["/articles/a.html", "/articles/scan.pdf"], undefined);
    const results = await screen.findByRole("status");
    expect(results.textContent).toContain("added 1 article");
    expect(results.textContent).toContain("has no text layer");
  });

  it("finds other outlets' coverage and imports only the picked candidates", async () => {
    const api = fakeApi();
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Find coverage…" }));
    const panel = screen.getByRole("region", { name: "Find other outlets’ coverage" });
    await userEvent.type(within(panel).getByLabelText("Outlets to look in"), "Press TV, RT");
    await userEvent.click(within(panel).getByRole("button", { name: "Search" }));
    expect(api.discover).toHaveBeenCalledWith("Valmora talks", ["Press TV", "RT"]);
    const list = await within(panel).findByRole("list", { name: "Candidate articles" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(within(list).getByText(/shares Reyes, Valmora/).textContent).toContain("1 copy of the same story elsewhere");
    expect(within(panel).getByText(/gdelt: GDELT did not answer/)).toBeTruthy();
    expect(api.importInto).not.toHaveBeenCalled();
    await userEvent.click(within(list).getByRole("checkbox", { name: /Press TV/ }));
    await userEvent.click(within(panel).getByRole("button", { name: "Import selected (1)" }));
    expect(api.importInto).toHaveBeenCalledWith("Valmora talks", ["https://www.presstv.ir/Detail/2026/06/09/valmora-talks"], undefined);
    expect(screen.queryByRole("region", { name: "Find other outlets’ coverage" })).toBeNull();
  });

  it("shows why discovery could not start", async () => {
    const api = fakeApi();
    api.discover = vi.fn(async () => {
      throw { code: "invalidInput", message: "No outlet called “Daily Planet”." };
    });
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Find coverage…" }));
    await userEvent.type(screen.getByLabelText("Outlets to look in"), "Daily Planet");
    await userEvent.click(screen.getByRole("button", { name: "Search" }));
    expect((await screen.findByRole("alert")).textContent).toBe("No outlet called “Daily Planet”.");
  });

  it("tells how each web address is getting on while it is fetched", async () => {
    const api = fakeApi();
    let report: ((p: { url: string; stage: "fetching" | "archive" }) => void) | undefined;
    let finish: ((outcomes: ImportOutcome[]) => void) | undefined;
    api.onFetchProgress = vi.fn(async (listener) => {
      report = listener;
      return () => {};
    });
    api.importInto = vi.fn(() => new Promise<ImportOutcome[]>((resolve) => (finish = resolve)));
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.type(await screen.findByLabelText("Add articles"), "https://x.example/gone");
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    const { act } = await import("@testing-library/react");
    act(() => report?.({ url: "https://x.example/gone", stage: "archive" }));
    expect((await screen.findByRole("status", { name: "Fetching" })).textContent).toBe(
      "https://x.example/gone: asking the Internet Archive for a copy…",
    );
    await act(async () => finish?.([{ input: "https://x.example/gone", added: 1, alreadyPresent: 0, failure: null }]));
    expect(screen.queryByRole("status", { name: "Fetching" })).toBeNull();
  });

  it("offers to fetch a page robots.txt forbids, once the researcher asks", async () => {
    const refused: ImportOutcome = {
      input: "https://x.example/private/memo",
      added: 0,
      alreadyPresent: 0,
      failure: {
        path: "https://x.example/private/memo",
        code: "robots_disallowed",
        message: "https://x.example/private/memo: is off limits to crawlers by the site's robots.txt",
      },
    };
    const api = fakeApi([refused]);
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.type(await screen.findByLabelText("Add articles"), refused.input);
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(api.importInto).toHaveBeenLastCalledWith("Valmora talks", [refused.input], undefined);
    await userEvent.click(await screen.findByRole("button", { name: "Fetch anyway" }));
    expect(api.importInto).toHaveBeenLastCalledWith("Valmora talks", [refused.input], { ignoreRobots: true });
  });

  it("opens an outlet's article with its sources marked, and its original a click away", async () => {
    const api = fakeApi();
    const shown = view();
    shown.articles[0] = { ...shown.articles[0], url: "https://capitaldaily.example/reyes", country: "VL", ownership: "state" };
    api.openComparison = vi.fn(async () => shown);
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    const table = await screen.findByRole("table", { name: /Coverage matrix/ });
    expect(within(table).getByText("VL · state media")).toBeTruthy();
    await userEvent.click(within(table).getByRole("button", { name: "Capital Daily" }));
    const reader = screen.getByRole("region", { name: /^Capital Daily\s*— Reyes: we came to sign/ });
    expect(within(reader).getByTitle("Anton Reyes: named here").textContent).toBe("Reyes");
    expect(within(reader).getByTitle("Anton Reyes: the verb that attributes").textContent).toBe("said");
    expect(within(reader).getByRole("list", { name: "Sources in this article" }).textContent).toBe("Anton Reyes");
    await userEvent.click(within(reader).getByRole("button", { name: "Open https://capitaldaily.example/reyes" }));
    expect(api.openOriginal).toHaveBeenCalledWith(shown.articles[0]);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: /^Capital Daily\s*— / })).toBeNull();
  });

  it("exports the matrix where the researcher chose and says where", async () => {
    const api = fakeApi();
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await screen.findByRole("table", { name: /Coverage matrix/ });
    await userEvent.click(screen.getByText("Export"));
    await userEvent.click(screen.getByRole("button", { name: "Matrix as CSV" }));
    expect(api.exportTo).toHaveBeenCalledWith("Valmora talks", "csv");
    expect((await screen.findByText(/Exported to/)).textContent).toBe("Exported to /home/r/valmora.csv");
  });

  it("says nothing when the researcher cancels the save dialog, and explains a failed export", async () => {
    const api = fakeApi();
    api.exportTo = vi.fn(async () => null);
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await screen.findByRole("table", { name: /Coverage matrix/ });
    await userEvent.click(screen.getByText("Export"));
    await userEvent.click(screen.getByRole("button", { name: "Bundle for another library" }));
    expect(screen.queryByText(/Exported to/)).toBeNull();
    api.exportTo = vi.fn(async () => {
      throw { code: "invalidInput", message: "/media/usb/v.json could not be written (read-only file system); choose another folder or file name" };
    });
    await userEvent.click(screen.getByRole("button", { name: "Articles and matrix as JSON" }));
    expect((await screen.findByRole("alert")).textContent).toContain("choose another folder");
  });

  it("removes a wrong mention picked in the reader", async () => {
    const api = fakeApi();
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    const table = await screen.findByRole("table", { name: /Coverage matrix/ });
    await userEvent.click(within(table).getByRole("button", { name: "Capital Daily" }));
    await userEvent.click(screen.getByRole("button", { name: "Mention of Anton Reyes: “Reyes”" }));
    const picked = screen.getByRole("group", { name: "The picked mention" });
    expect(picked.textContent).toContain("“Reyes”, a mention of Anton Reyes.");
    await userEvent.click(within(picked).getByRole("button", { name: "Remove this mention" }));
    expect(api.correct).toHaveBeenCalledWith("Valmora talks", { op: "remove_mention", article: "a.txt", start: 19 });
  });

  it("adds a mention the machine missed from words selected in the reader", async () => {
    const api = fakeApi();
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    const table = await screen.findByRole("table", { name: /Coverage matrix/ });
    await userEvent.click(within(table).getByRole("button", { name: "Meridian Wire" }));
    const text = document.querySelector(".reader-text")!;
    // Select the opening quotation mark, the text's first (unmarked) run.
    const range = document.createRange();
    range.setStart(text.childNodes[0], 0);
    range.setEnd(text.childNodes[0], 1);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const { fireEvent } = await import("@testing-library/react");
    fireEvent.mouseUp(text);
    const form = screen.getByRole("form", { name: "Add a mention" });
    await userEvent.selectOptions(within(form).getByLabelText("Source"), "a new source…");
    await userEvent.type(within(form).getByLabelText("New source's name"), "Press office");
    await userEvent.selectOptions(within(form).getByLabelText("Attribution"), "quoted");
    await userEvent.click(within(form).getByRole("button", { name: "Add mention" }));
    expect(api.correct).toHaveBeenCalledWith("Valmora talks", {
      op: "add_mention",
      article: "b.txt",
      start: 0,
      end: 1,
      source: "Press office",
      attribution: "direct_quote",
    });
  });

  it("splits names that belong to someone else into their own source", async () => {
    const api = fakeApi();
    const shown = view();
    shown.matrix.sources[0] = { ...shown.matrix.sources[0], aliases: ["Reyes", "Foreign Minister Reyes", "Ana Reyes"] };
    api.openComparison = vi.fn(async () => shown);
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Anton Reyes" }));
    const split = screen.getByRole("form", { name: "Split off a different source" });
    const submit = within(split).getByRole("button", { name: "Split off" }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await userEvent.click(within(split).getByLabelText("Ana Reyes"));
    await userEvent.type(within(split).getByLabelText("Their name"), "Ana Reyes");
    await userEvent.click(submit);
    expect(api.correct).toHaveBeenCalledWith("Valmora talks", {
      op: "split",
      source: "person:anton-reyes",
      aliases: ["Ana Reyes"],
      name: "Ana Reyes",
    });
  });

  it("puts a source on a side, groups the matrix by side and shows each outlet's balance", async () => {
    const api = fakeApi();
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Anton Reyes" }));
    const form = screen.getByRole("form", { name: "Side" });
    await userEvent.type(within(form).getByLabelText("Side"), "Government");
    await userEvent.click(within(form).getByRole("button", { name: "Put on side" }));
    expect(api.correct).toHaveBeenCalledWith("Valmora talks", { op: "side", source: "person:anton-reyes", side: "Government" });
    const table = await screen.findByRole("table", { name: /Coverage matrix/ });
    const groups = within(table).getAllByRole("rowgroup").map((g) => g.textContent ?? "");
    expect(groups.some((text) => text.startsWith("GovernmentAnton Reyes"))).toBe(true);
    expect(groups.some((text) => text.startsWith("On no sideReyes"))).toBe(true);
    expect(within(table).getByRole("rowheader", { name: "Government: share of mentions" })).toBeTruthy();
    await userEvent.click(screen.getByLabelText("Group by side"));
    expect(within(table).queryByText("On no side")).toBeNull();
  });

  it("lines up the quotations two outlets share, marking what each version changed", async () => {
    const api = fakeApi();
    const shown = view();
    shown.matrix.shared_quotes = [
      {
        source: "person:anton-reyes",
        fullest: "We came here to sign, not to start again",
        versions: [
          { article: "a.txt", text: "We came here to sign, not to start again", diff: [{ op: "equal", text: "We came here to sign, not to start again" }] },
          {
            article: "b.txt",
            text: "We came here to sign",
            diff: [
              { op: "equal", text: "We came here to sign," },
              { op: "left_out", text: "not to start again" },
            ],
          },
        ],
      },
    ];
    api.openComparison = vi.fn(async () => shown);
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.click(await screen.findByRole("button", { name: "Side by side…" }));
    const quotes = screen.getByRole("table", { name: "Quotations they share" });
    const cells = within(quotes).getAllByRole("cell");
    expect(cells[0].textContent).toContain("We came here to sign, not to start again");
    expect(within(cells[1]).getByTitle("Left out of this version").textContent?.trim()).toBe("not to start again");
    expect(screen.getByRole("article", { name: "Capital Daily's text" })).toBeTruthy();
    await userEvent.click(screen.getByLabelText("Northern Voice"));
    const boxes = screen.getAllByRole("checkbox").filter((b) => b.closest(".side-choice")) as HTMLInputElement[];
    expect(boxes.filter((b) => b.checked)).toHaveLength(3);
    expect(within(quotes).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Quoted",
      "Capital Daily",
      "Meridian Wire",
      "Northern Voice",
    ]);
    expect(within(quotes).getAllByRole("cell")[2].textContent).toBe("does not carry it");
  });

  it("adds pasted article text once the researcher names its outlet", async () => {
    const api = fakeApi();
    const { rerender } = render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await screen.findByRole("table", { name: /Coverage matrix/ });
    const text = "BRACKWATER — Residents voted on Thursday on whether a wind farm may be built on the ridge above the mill.";
    rerender(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} pasted={{ text, id: 1 }} />);
    const form = screen.getByRole("form", { name: "Paste an article's text" });
    expect((within(form).getByLabelText("Article text") as HTMLTextAreaElement).value).toBe(text);
    const add = within(form).getByRole("button", { name: "Add text" }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await userEvent.type(within(form).getByLabelText("Outlet"), "Brackwater Echo");
    await userEvent.click(add);
    expect(api.importText).toHaveBeenCalledWith("Valmora talks", { text, outlet: "Brackwater Echo", title: null, url: null });
    expect((await screen.findByRole("status", { name: "Import results" })).textContent).toContain("added 1 article");
    expect(screen.queryByRole("form", { name: "Paste an article's text" })).toBeNull();
  });

  it("fetches the archived copy closest to a date when the researcher gives one", async () => {
    const api = fakeApi();
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    await userEvent.type(await screen.findByLabelText("Add articles"), "https://capitaldaily.example/reyes");
    const date = screen.getByLabelText(/Web pages as archived on/) as HTMLInputElement;
    const { fireEvent } = await import("@testing-library/react");
    fireEvent.change(date, { target: { value: "2026-06-09" } });
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(api.importInto).toHaveBeenLastCalledWith("Valmora talks", ["https://capitaldaily.example/reyes"], {
      archiveDate: "2026-06-09",
    });
  });

  it("merges a source dragged onto another row", async () => {
    const api = fakeApi();
    render(<ComparisonScreen api={api} name="Valmora talks" onBack={() => {}} />);
    const dragged = (await screen.findByRole("button", { name: "Reyes" })).closest("th")!;
    const target = screen.getByRole("button", { name: "Anton Reyes" }).closest("th")!;
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? "",
      get types() {
        return [...data.keys()];
      },
      effectAllowed: "none",
    };
    const { fireEvent } = await import("@testing-library/react");
    fireEvent.dragStart(dragged, { dataTransfer });
    fireEvent.dragOver(target, { dataTransfer });
    expect(target.closest("tr")?.className).toBe("drop-target");
    fireEvent.drop(target, { dataTransfer });
    expect(api.correct).toHaveBeenCalledWith("Valmora talks", { op: "merge", into: "person:anton-reyes", from: "person:reyes" });
  });
});
