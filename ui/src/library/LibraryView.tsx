import { FormEvent, useCallback, useEffect, useRef, useState } from "react";
import type { ComparisonSummary, IpcError, LibraryApi } from "../api";
import { toIpcError } from "../api";

interface Props {
  api: LibraryApi;
  /** Opens a saved comparison. */
  onOpen?: (name: string) => void;
}

const updatedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The first screen: the researcher's saved comparisons. */
export function LibraryView({ api, onOpen }: Props) {
  const [comparisons, setComparisons] = useState<ComparisonSummary[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [newName, setNewName] = useState("");
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState("");
  const [deleted, setDeleted] = useState<{ name: string; token: string } | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const [loadFailed, setLoadFailed] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setComparisons(await api.listComparisons());
      setLoadFailed(false);
      setError(null);
    } catch (thrown) {
      setLoadFailed(true);
      setError(toIpcError(thrown));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Runs a library change, then shows the library as it now is; false when it failed. */
  const change = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        await refresh();
        return true;
      } catch (thrown) {
        setError(toIpcError(thrown));
        return false;
      }
    },
    [refresh],
  );

  const remove = useCallback(
    (name: string) =>
      change(async () => {
        setDeleted({ name, token: await api.deleteComparison(name) });
      }),
    [api, change],
  );

  const undoDelete = useCallback(() => {
    if (!deleted) return;
    void change(async () => {
      await api.restoreComparison(deleted.token);
      setDeleted(null);
    });
  }, [api, change, deleted]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const editing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "n") {
        event.preventDefault();
        nameInput.current?.focus();
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z" && !editing) {
        event.preventDefault();
        undoDelete();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undoDelete]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setCreating(true);
    setError(null);
    try {
      const created = await api.createComparison(newName, "");
      setNewName("");
      setComparisons((current) => [created, ...(current ?? []).filter((c) => c.id !== created.id)]);
    } catch (thrown) {
      setError(toIpcError(thrown));
    } finally {
      setCreating(false);
    }
  }

  return (
    <main className="library" aria-labelledby="library-heading">
      <div className="library-toolbar">
        <h2 id="library-heading">Library</h2>
        <form className="new-comparison" onSubmit={create}>
          <label htmlFor="new-comparison-name">New comparison</label>
          <input
            id="new-comparison-name"
            ref={nameInput}
            value={newName}
            onChange={(event) => setNewName(event.target.value)}
            placeholder="The event, e.g. Tanker seizure in the Gulf of Oman"
            aria-keyshortcuts="Control+N"
            autoComplete="off"
          />
          <button type="submit" disabled={creating || newName.trim() === ""}>
            Create
          </button>
        </form>
        <button type="button" className="secondary" onClick={() => void change(() => api.openBundle())}>
          Open bundle…
        </button>
      </div>

      {deleted && (
        <div role="status" className="banner banner-notice">
          Deleted “{deleted.name}”.{" "}
          <button type="button" className="link-button" onClick={undoDelete} aria-keyshortcuts="Control+Z">
            Undo
          </button>
        </div>
      )}

      {error && (
        <div role="alert" className="banner banner-error" data-code={error.code}>
          {error.message}
        </div>
      )}
      {loadFailed ? (
        <button type="button" onClick={() => void refresh()}>
          Try again
        </button>
      ) : comparisons === null ? (
        <p className="loading" aria-busy="true">
          Opening your library…
        </p>
      ) : comparisons.length === 0 ? (
        <EmptyLibrary />
      ) : (
        <>
          <input
            type="search"
            className="library-search"
            aria-label="Search comparisons"
            placeholder="Search by name, description, outlet or tag"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <ul className="comparison-list" aria-label="Saved comparisons">
            {comparisons.filter((c) => matches(c, search)).map((comparison) => (
              <ComparisonRow
                key={comparison.id}
                comparison={comparison}
                onOpen={onOpen}
                onRename={(newName) => change(() => api.renameComparison(comparison.name, newName))}
                onDuplicate={() =>
                  change(() => api.duplicateComparison(comparison.name, copyName(comparison.name, comparisons)))
                }
                onDelete={() => remove(comparison.name)}
              />
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

/** "Name (copy)", or "Name (copy 2)" and so on when that is taken. */
export function copyName(name: string, existing: ComparisonSummary[]): string {
  const taken = new Set(existing.map((c) => c.name.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${name} (copy)` : `${name} (copy ${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Whether a comparison matches every word of a search, in any of its fields. */
function matches(comparison: ComparisonSummary, search: string): boolean {
  const haystack = [comparison.name, comparison.description, ...comparison.outlets, ...comparison.tags]
    .join(" ")
    .toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "")
    .every((word) => haystack.includes(word));
}

function EmptyLibrary() {
  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <h3 id="empty-heading">Your library is empty</h3>
      <p>
        A comparison holds several outlets’ versions of one news event. SourceLens shows which
        sources each version quotes, paraphrases or cites, and which it leaves out.
      </p>
      <ol>
        <li>
          <strong>Drop articles here</strong>: saved web pages, PDFs, e-mails or web archives,
          or links dragged from your browser.
        </li>
        <li>
          <strong>Paste a URL</strong> of an article (Ctrl+V) to fetch it.
        </li>
        <li>
          Or <strong>name a new comparison</strong> above (Ctrl+N) and add articles to it later.
        </li>
      </ol>
    </section>
  );
}

function ComparisonRow({
  comparison,
  onOpen,
  onRename,
  onDuplicate,
  onDelete,
}: {
  comparison: ComparisonSummary;
  onOpen?: (name: string) => void;
  onRename: (newName: string) => Promise<boolean>;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const articles = `${comparison.articleCount} article${comparison.articleCount === 1 ? "" : "s"}`;

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (renaming === null) return;
    // A refused name stays in the field to be changed.
    if (await onRename(renaming)) setRenaming(null);
  }

  return (
    <li className="comparison-row">
      <div className="comparison-main">
        {renaming === null ? (
          <button type="button" className="comparison-name link-button" onClick={() => onOpen?.(comparison.name)}>
            {comparison.name}
          </button>
        ) : (
          <form className="rename" onSubmit={rename}>
            <input
              aria-label={`New name for ${comparison.name}`}
              value={renaming}
              autoFocus
              onChange={(event) => setRenaming(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape") setRenaming(null);
              }}
            />
            <button type="submit" disabled={renaming.trim() === ""}>
              Save
            </button>
          </form>
        )}
        {comparison.description && (
          <span className="comparison-description">{comparison.description}</span>
        )}
      </div>
      <div className="comparison-meta">
        <span>{articles}</span>
        {comparison.outlets.length > 0 && <span>{comparison.outlets.join(", ")}</span>}
        <time dateTime={comparison.updatedAt}>
          Updated {updatedFormat.format(new Date(comparison.updatedAt))}
        </time>
        {comparison.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
        <span className="row-actions" role="group" aria-label={`Actions for ${comparison.name}`}>
          <button type="button" className="secondary" onClick={() => setRenaming(comparison.name)}>
            Rename
          </button>
          <button type="button" className="secondary" onClick={onDuplicate}>
            Duplicate
          </button>
          <button type="button" className="secondary" onClick={onDelete}>
            Delete
          </button>
        </span>
      </div>
    </li>
  );
}
