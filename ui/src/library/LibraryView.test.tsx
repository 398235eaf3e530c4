import { describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComparisonSummary, IpcError, LibraryApi } from "../api";
import { LibraryView } from "./LibraryView";

function summary(name: string, extra: Partial<ComparisonSummary> = {}): ComparisonSummary {
  return {
    id: `id-${name}`,
    name,
    description: "",
    articleCount: 0,
    outlets: [],
    tags: [],
    createdAt: "2026-11-20T10:00:00Z",
    updatedAt: "2026-11-20T10:00:00Z",
    ...extra,
  };
}

function fakeApi(initial: ComparisonSummary[]): LibraryApi {
  let stored = [...initial];
  const trash = new Map<string, ComparisonSummary>();
  return {
    listComparisons: vi.fn(async () => [...stored]),
    createComparison: vi.fn(async (name: string) => {
      const created = summary(name);
      stored.unshift(created);
      return created;
    }),
    renameComparison: vi.fn(async (name: string, newName: string) => {
      if (stored.some((c) => c.name.toLowerCase() === newName.toLowerCase() && c.name !== name)) {
        throw { code: "alreadyExists", message: `A comparison called “${newName}” already exists.` } satisfies IpcError;
      }
      stored = stored.map((c) => (c.name === name ? { ...c, name: newName } : c));
      return stored.find((c) => c.name === newName)!;
    }),
    duplicateComparison: vi.fn(async (name: string, newName: string) => {
      const copy = { ...stored.find((c) => c.name === name)!, id: `id-${newName}`, name: newName };
      stored.unshift(copy);
      return copy;
    }),
    deleteComparison: vi.fn(async (name: string) => {
      const gone = stored.find((c) => c.name === name)!;
      stored = stored.filter((c) => c !== gone);
      trash.set(`token-${name}`, gone);
      return `token-${name}`;
    }),
    restoreComparison: vi.fn(async (token: string) => {
      const back = trash.get(token)!;
      stored.unshift(back);
      return back;
    }),
    openBundle: vi.fn(async () => null),
  };
}

describe("LibraryView", () => {
  it("teaches how to start when the library is empty", async () => {
    render(<LibraryView api={fakeApi([])} />);
    expect(await screen.findByRole("heading", { name: "Your library is empty" })).toBeTruthy();
    expect(screen.getByText(/Drop articles here/)).toBeTruthy();
    expect(screen.getByText(/Paste a URL/)).toBeTruthy();
  });

  it("lists saved comparisons with their article counts and outlets", async () => {
    const api = fakeApi([
      summary("Tanker seizure", { articleCount: 5, outlets: ["Press TV", "Reuters"] }),
      summary("Summit communiqué", { articleCount: 1, tags: ["diplomacy"] }),
    ]);
    render(<LibraryView api={api} />);
    const list = await screen.findByRole("list", { name: "Saved comparisons" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("Tanker seizure");
    expect(rows[0].textContent).toContain("5 articles");
    expect(rows[0].textContent).toContain("Press TV, Reuters");
    expect(rows[1].textContent).toContain("1 article");
    expect(rows[1].textContent).toContain("diplomacy");
  });

  it("creates a comparison, shows it first and clears the field", async () => {
    const api = fakeApi([summary("Older event")]);
    render(<LibraryView api={api} />);
    await screen.findByText("Older event");
    const field = screen.getByLabelText("New comparison");
    await userEvent.type(field, "Port strike{Enter}");
    const rows = await screen.findAllByRole("listitem");
    expect(rows[0].textContent).toContain("Port strike");
    expect(api.createComparison).toHaveBeenCalledWith("Port strike", "");
    expect((field as HTMLInputElement).value).toBe("");
  });

  it("shows the backend's message when creating fails and keeps what was typed", async () => {
    const api = fakeApi([]);
    const refusal: IpcError = { code: "alreadyExists", message: "A comparison named “X” already exists." };
    api.createComparison = vi.fn(async () => Promise.reject(refusal));
    render(<LibraryView api={api} />);
    await userEvent.type(screen.getByLabelText("New comparison"), "X{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(refusal.message);
    expect(alert.dataset.code).toBe("alreadyExists");
    expect((screen.getByLabelText("New comparison") as HTMLInputElement).value).toBe("X");
  });

  it("says why when the library cannot be opened", async () => {
    const api = fakeApi([]);
    api.listComparisons = vi.fn(async () =>
      Promise.reject({ code: "storeLocked", message: "SourceLens is already open with this library." }),
    );
    render(<LibraryView api={api} />);
    const alert = await screen.findByRole("alert");
    expect(alert.dataset.code).toBe("storeLocked");
    expect(alert.textContent).toContain("already open");
    expect(screen.queryByText("Your library is empty")).toBeNull();
  });

  it("loads the library again when asked after a failure", async () => {
    const api = fakeApi([summary("Tanker seizure")]);
    const list = api.listComparisons;
    api.listComparisons = vi
      .fn()
      .mockRejectedValueOnce({ code: "storeLocked", message: "SourceLens is already open with this library." })
      .mockImplementation(list);
    render(<LibraryView api={api} />);
    await userEvent.click(await screen.findByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Tanker seizure")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("does not offer to create a comparison without a name", async () => {
    render(<LibraryView api={fakeApi([])} />);
    await screen.findByRole("heading", { name: "Your library is empty" });
    const create = screen.getByRole("button", { name: "Create" }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText("New comparison"), "   ");
    expect(create.disabled).toBe(true);
  });

  it("focuses the new comparison field on Ctrl+N", async () => {
    render(<LibraryView api={fakeApi([])} />);
    await screen.findByRole("heading", { name: "Your library is empty" });
    await userEvent.keyboard("{Control>}n{/Control}");
    expect(document.activeElement).toBe(screen.getByLabelText("New comparison"));
  });

  it("finds comparisons by name, outlet or tag", async () => {
    render(
      <LibraryView
        api={fakeApi([
          summary("Tanker seizure", { outlets: ["Press TV", "Reuters"] }),
          summary("Summit communiqué", { tags: ["diplomacy"] }),
        ])}
      />,
    );
    await screen.findByText("Tanker seizure");
    const search = screen.getByRole("searchbox", { name: "Search comparisons" });
    await userEvent.type(search, "press tv");
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([expect.stringContaining("Tanker seizure")]);
    await userEvent.clear(search);
    await userEvent.type(search, "diplomacy");
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([expect.stringContaining("Summit communiqué")]);
  });

  it("opens a comparison when its name is clicked", async () => {
    const opened: string[] = [];
    render(<LibraryView api={fakeApi([summary("Tanker seizure")])} onOpen={(name) => opened.push(name)} />);
    await userEvent.click(await screen.findByRole("button", { name: "Tanker seizure" }));
    expect(opened).toEqual(["Tanker seizure"]);
  });

  it("renames a comparison in place, and keeps the old name when the new one is taken", async () => {
    const api = fakeApi([summary("Port strike"), summary("Valmora talks")]);
    render(<LibraryView api={api} />);
    const actions = await screen.findByRole("group", { name: "Actions for Port strike" });
    await userEvent.click(within(actions).getByRole("button", { name: "Rename" }));
    const field = screen.getByLabelText("New name for Port strike");
    await userEvent.clear(field);
    await userEvent.type(field, "Port Hallam strike{Enter}");
    expect(api.renameComparison).toHaveBeenCalledWith("Port strike", "Port Hallam strike");
    expect(await screen.findByRole("button", { name: "Port Hallam strike" })).toBeTruthy();

    const other = screen.getByRole("group", { name: "Actions for Valmora talks" });
    await userEvent.click(within(other).getByRole("button", { name: "Rename" }));
    const second = screen.getByLabelText("New name for Valmora talks");
    await userEvent.clear(second);
    await userEvent.type(second, "port hallam strike{Enter}");
    expect((await screen.findByRole("alert")).textContent).toContain("already exists");
    expect(screen.getByLabelText("New name for Valmora talks")).toBeTruthy();
  });

  it("duplicates under a free name", async () => {
    const api = fakeApi([summary("Port strike"), summary("Port strike (copy)")]);
    render(<LibraryView api={api} />);
    const actions = await screen.findByRole("group", { name: "Actions for Port strike" });
    await userEvent.click(within(actions).getByRole("button", { name: "Duplicate" }));
    expect(api.duplicateComparison).toHaveBeenCalledWith("Port strike", "Port strike (copy 2)");
    expect(await screen.findByRole("button", { name: "Port strike (copy 2)" })).toBeTruthy();
  });

  it("deletes at once and undoes the deletion from the notice or with Ctrl+Z", async () => {
    const api = fakeApi([summary("Port strike"), summary("Valmora talks")]);
    render(<LibraryView api={api} />);
    let actions = await screen.findByRole("group", { name: "Actions for Port strike" });
    await userEvent.click(within(actions).getByRole("button", { name: "Delete" }));
    expect((await screen.findByRole("status")).textContent).toContain("Deleted “Port strike”.");
    expect(screen.queryByRole("button", { name: "Port strike" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(api.restoreComparison).toHaveBeenCalledWith("token-Port strike");
    expect(await screen.findByRole("button", { name: "Port strike" })).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();

    actions = screen.getByRole("group", { name: "Actions for Valmora talks" });
    await userEvent.click(within(actions).getByRole("button", { name: "Delete" }));
    await screen.findByRole("status");
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(api.restoreComparison).toHaveBeenLastCalledWith("token-Valmora talks");
    expect(await screen.findByRole("button", { name: "Valmora talks" })).toBeTruthy();
  });

  it("opens a bundle file and shows what it added", async () => {
    const api = fakeApi([summary("Port strike")]);
    api.openBundle = vi.fn(async () => summary("From a colleague"));
    api.listComparisons = vi
      .fn()
      .mockResolvedValueOnce([summary("Port strike")])
      .mockResolvedValue([summary("From a colleague"), summary("Port strike")]);
    render(<LibraryView api={api} />);
    await screen.findByRole("button", { name: "Port strike" });
    await userEvent.click(screen.getByRole("button", { name: "Open bundle…" }));
    expect(await screen.findByRole("button", { name: "From a colleague" })).toBeTruthy();
  });
});
