import { FormEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type {
  ArticleView,
  Cell,
  ComparisonApi,
  ComparisonView,
  Correction,
  Evidence,
  ExportFormat,
  ImportOptions,
  ImportOutcome,
  IpcError,
  Pasted,
  Row,
  SourceKind,
  Stage,
} from "../api";
import { toIpcError } from "../api";
import { ArticleReader, outletFacts } from "./ArticleReader";
import { copyGroups } from "./copies";
import { SideBySide } from "./SideBySide";
import { groupBySide, sideOf } from "./sides";
import { useBroughtIntoView } from "./useBroughtIntoView";
import { DiscoverPanel } from "./DiscoverPanel";
import { highlight } from "./highlight";

interface Props {
  api: ComparisonApi;
  name: string;
  onBack: () => void;
  /** Inputs dropped on the window while this comparison is open. */
  dropped?: { inputs: string[]; id: number } | null;
  /** Article text pasted on the window while this comparison is open. */
  pasted?: { text: string; id: number } | null;
}

/** The drag data type of a matrix row dragged onto another to merge them. */
const SOURCE_DRAG = "application/x-sourcelens-source";

/** Performance entries that time opening a comparison. */
const OPEN_MARK = "comparison-open";
const PAINTED_MEASURE = "comparison-painted";
const LOADED_MEASURE = "comparison-loaded";
const SORT_MARK = "matrix-sort";
const SORTED_MEASURE = "matrix-sorted";

/**
 * Records `measure` from `mark` to the moment the frame showing what was just
 * committed has been drawn: called from a layout effect, the animation frame
 * callback runs just before that frame is rendered and a task it queues runs
 * just after.
 */
function measureOnceDrawn(measure: string, mark: string) {
  requestAnimationFrame(() => setTimeout(() => performance.measure(measure, mark), 0));
}

/** What the researcher reads while an address is on its way. */
const STAGE_LABELS: Partial<Record<Stage["stage"], string>> = {
  queued: "waiting",
  fetching: "fetching…",
  archive: "asking the Internet Archive for a copy…",
  extracting: "extracting the text…",
};

const KIND_LABELS: Record<string, string> = {
  person: "person",
  organization: "organisation",
  government_body: "government",
  document: "document",
  media_outlet: "media",
  anonymous: "anonymous",
  other: "other",
};

/** How the matrix rows can be ordered. */
export type SortKey = "coverage" | "name" | "kind";

function coverage(row: Row): number {
  return Object.values(row.cells).filter((cell) => cell?.included).length;
}

/** The rows to show: filtered by kind, then sorted, ties broken by name. */
export function arrange(rows: Row[], sortBy: SortKey, kind: SourceKind | "all"): Row[] {
  const byName = (a: Row, b: Row) => a.name.localeCompare(b.name);
  const order = {
    coverage: (a: Row, b: Row) => coverage(b) - coverage(a) || byName(a, b),
    name: byName,
    kind: (a: Row, b: Row) => a.kind.localeCompare(b.kind) || byName(a, b),
  }[sortBy];
  return rows.filter((row) => kind === "all" || row.kind === kind).sort(order);
}

function cellLabel(cell: Cell): string {
  const words = cell.quoted_words > 0 ? ` · ${cell.quoted_words}w` : "";
  switch (cell.attribution) {
    case "direct_quote":
      return `Q ${cell.mentions}${words}`;
    case "indirect":
      return `P ${cell.mentions}`;
    case "both":
      return `Q+P ${cell.mentions}${words}`;
    default:
      return "—";
  }
}

function cellDescription(row: Row, article: ArticleView, cell: Cell, omitted: boolean): string {
  if (!cell.included) {
    return `${row.name} is not used by ${article.outlet}${omitted ? ", though most other outlets use it" : ""}`;
  }
  const how = { direct_quote: "quoted", indirect: "paraphrased", both: "quoted and paraphrased" }[
    cell.attribution ?? "indirect"
  ];
  return `${row.name} in ${article.outlet}: ${how}, ${cell.mentions} mention${cell.mentions === 1 ? "" : "s"}, ${cell.quoted_words} quoted words`;
}

/** An open comparison: the coverage matrix, evidence one click away, and import. */
export function ComparisonScreen({ api, name, onBack, dropped, pasted }: Props) {
  const [view, setView] = useState<ComparisonView | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [selected, setSelected] = useState<{ row: string; article: string } | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [sortBy, setSortBy] = useState<SortKey>("coverage");
  const [kindFilter, setKindFilter] = useState<SourceKind | "all">("all");
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [importing, setImporting] = useState(false);
  const [fetching, setFetching] = useState<Record<string, Stage>>({});
  const [toAdd, setToAdd] = useState("");
  const [archiveDate, setArchiveDate] = useState("");
  const [discovering, setDiscovering] = useState(false);
  const [reading, setReading] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [groupSides, setGroupSides] = useState(true);
  const [sideBySide, setSideBySide] = useState(false);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [pasting, setPasting] = useState<Pasted | null>(null);

  const load = useCallback(async () => {
    try {
      const opened = await api.openComparison(name);
      performance.measure(LOADED_MEASURE, OPEN_MARK);
      setView(opened);
      setError(null);
    } catch (thrown) {
      setError(toIpcError(thrown));
    }
  }, [api, name]);

  useEffect(() => {
    performance.mark(OPEN_MARK);
    void load();
  }, [load]);

  // How long opening took, from asking for the comparison to the first frame
  // with its matrix drawn: `performance.getEntriesByName("comparison-painted")`
  // ("comparison-loaded": until the backend's answer arrived).
  const painted = useRef(false);
  useLayoutEffect(() => {
    if (!view || painted.current) return;
    painted.current = true;
    measureOnceDrawn(PAINTED_MEASURE, OPEN_MARK);
  }, [view]);

  // How long re-sorting took, to the first frame drawn after: "matrix-sorted".
  const sorted = useRef(sortBy);
  useLayoutEffect(() => {
    if (sorted.current === sortBy) return;
    sorted.current = sortBy;
    measureOnceDrawn(SORTED_MEASURE, SORT_MARK);
  }, [sortBy]);

  const runImport = useCallback(
    async (inputs: string[], options?: ImportOptions) => {
      if (inputs.length === 0) return;
      setImporting(true);
      setOutcomes([]);
      setFetching({});
      const unsubscribe: (() => void)[] = [];
      try {
        unsubscribe.push(await api.onImportProgress((outcome) => setOutcomes((seen) => [...seen, outcome])));
        unsubscribe.push(
          await api.onFetchProgress((progress) =>
            setFetching((now) => ({ ...now, [progress.url]: progress })),
          ),
        );
        setOutcomes(await api.importInto(name, inputs, options));
        await load();
      } catch (thrown) {
        setError(toIpcError(thrown));
      } finally {
        unsubscribe.forEach((stop) => stop());
        setFetching({});
        setImporting(false);
      }
    },
    [api, name, load],
  );

  useEffect(() => {
    if (dropped) void runImport(dropped.inputs);
  }, [dropped, runImport]);

  useEffect(() => {
    if (pasted) setPasting({ text: pasted.text, outlet: "", title: null, url: null });
  }, [pasted]);

  const addPasted = useCallback(
    async (text: Pasted) => {
      try {
        const outcome = await api.importText(name, text);
        setOutcomes([outcome]);
        if (!outcome.failure) {
          setPasting(null);
          await load();
        }
      } catch (thrown) {
        setError(toIpcError(thrown));
      }
    },
    [api, name, load],
  );

  const correct = useCallback(
    async (correction: Correction) => {
      try {
        setView(await api.correct(name, correction));
        setError(null);
        setCorrecting(null);
      } catch (thrown) {
        setError(toIpcError(thrown));
      }
    },
    [api, name],
  );

  const placeOnSide = useCallback(
    async (source: string, side: string | null) => {
      try {
        setView(await api.correct(name, { op: "side", source, side }));
        setError(null);
      } catch (thrown) {
        setError(toIpcError(thrown));
      }
    },
    [api, name],
  );

  const exportAs = useCallback(
    async (format: ExportFormat) => {
      try {
        const path = await api.exportTo(name, format);
        if (path) setNotice(`Exported to ${path}`);
        setError(null);
      } catch (thrown) {
        setError(toIpcError(thrown));
      }
    },
    [api, name],
  );

  const undo = useCallback(async () => {
    try {
      setView(await api.undoCorrection(name));
      setError(null);
    } catch (thrown) {
      setError(toIpcError(thrown));
    }
  }, [api, name]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setSelected(null);
        setCorrecting(null);
        setReading(null);
      }
      const editing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z" && !editing) {
        event.preventDefault();
        void undo();
      }
      if (event.altKey && event.key === "ArrowLeft") onBack();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onBack, undo]);

  async function add(event: FormEvent) {
    event.preventDefault();
    const inputs = toAdd
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    setToAdd("");
    await runImport(inputs, archiveDate ? { archiveDate } : undefined);
  }

  const rows = view ? arrange(view.matrix.sources, sortBy, kindFilter) : [];
  const hasSides = view !== null && Object.keys(view.matrix.sides).length > 0;
  const bySide = hasSides && groupSides;
  const omitted = new Set(view?.matrix.omissions.map((o) => `${o.source}\u0000${o.article}`) ?? []);
  const selectedRow = view?.matrix.sources.find((r) => r.id === selected?.row);
  const correctingRow = view?.matrix.sources.find((r) => r.id === correcting);
  const selectedArticle = view?.articles.find((a) => a.key === selected?.article);
  const readingArticle = view?.articles.find((a) => a.key === reading);

  return (
    <main className="comparison" aria-labelledby="comparison-heading">
      <div className="comparison-toolbar">
        <button type="button" onClick={onBack} aria-keyshortcuts="Alt+ArrowLeft">
          ← Library
        </button>
        <h2 id="comparison-heading">{name}</h2>
        {view && (
          <span className="muted">
            {view.articles.length} article{view.articles.length === 1 ? "" : "s"},{" "}
            {view.matrix.sources.length} sources
          </span>
        )}
        <button type="button" className="secondary find-coverage" onClick={() => setDiscovering((open) => !open)}>
          Find coverage…
        </button>
        {view && view.articles.length >= 2 && (
          <button type="button" className="secondary side-by-side-toggle" onClick={() => setSideBySide((open) => !open)}>
            Side by side…
          </button>
        )}
        <details className="export-menu">
          <summary>Export</summary>
          <div role="group" aria-label="Export">
            <button type="button" onClick={() => void exportAs("csv")}>
              Matrix as CSV
            </button>
            <button type="button" onClick={() => void exportAs("json")}>
              Articles and matrix as JSON
            </button>
            <button type="button" onClick={() => void exportAs("bundle")}>
              Bundle for another library
            </button>
          </div>
        </details>
        {view && view.corrections > 0 && (
          <button
            type="button"
            className="secondary undo-correction"
            onClick={() => void undo()}
            aria-keyshortcuts="Control+Z"
          >
            Undo correction ({view.corrections})
          </button>
        )}
      </div>

      <form className="add-articles" onSubmit={add}>
        <label htmlFor="add-articles">Add articles</label>
        <textarea
          id="add-articles"
          rows={2}
          value={toAdd}
          onChange={(event) => setToAdd(event.target.value)}
          placeholder="Web addresses, or paths of saved pages, PDFs, e-mails or archives, one per line (or drop files and links on the window)"
        />
        <button type="submit" disabled={importing || toAdd.trim() === ""}>
          {importing ? "Importing…" : "Add"}
        </button>
        <label className="archive-date">
          Web pages as archived on{" "}
          <input type="date" value={archiveDate} onChange={(event) => setArchiveDate(event.target.value)} />
          <span className="muted"> (empty: the live page)</span>
        </label>
      </form>

      {pasting === null ? (
        <button type="button" className="link-button paste-text-toggle" onClick={() => setPasting({ text: "", outlet: "", title: null, url: null })}>
          Paste an article’s text instead…
        </button>
      ) : (
        <PasteForm value={pasting} onChange={setPasting} onAdd={(text) => void addPasted(text)} onCancel={() => setPasting(null)} />
      )}

      {discovering && (
        <DiscoverPanel
          api={api}
          name={name}
          onClose={() => setDiscovering(false)}
          onImport={(urls) => {
            setDiscovering(false);
            void runImport(urls);
          }}
        />
      )}

      {importing && Object.keys(fetching).length > 0 && (
        <ul className="fetch-progress" aria-label="Fetching" role="status">
          {Object.entries(fetching)
            .filter(([, stage]) => STAGE_LABELS[stage.stage])
            .map(([url, stage]) => (
              <li key={url}>
                {url}: {STAGE_LABELS[stage.stage]}
              </li>
            ))}
        </ul>
      )}

      {outcomes.length > 0 && (
        <ul className="import-outcomes" aria-label="Import results" role="status">
          {outcomes.map((outcome) => (
            <li key={outcome.input} className={outcome.failure ? "failed" : "done"}>
              {outcome.failure
                ? outcome.failure.message
                : outcome.added > 0
                  ? `${outcome.input}: added ${outcome.added} article${outcome.added === 1 ? "" : "s"}`
                  : `${outcome.input}: already in this comparison`}
              {outcome.failure?.code === "robots_disallowed" && (
                <button
                  type="button"
                  className="secondary fetch-anyway"
                  onClick={() => void runImport([outcome.input], { ignoreRobots: true })}
                >
                  Fetch anyway
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      {notice && (
        <div role="status" className="banner banner-notice">
          {notice}
        </div>
      )}

      {error && (
        <div role="alert" className="banner banner-error" data-code={error.code}>
          {error.message}
        </div>
      )}

      {view &&
        copyGroups(view.matrix.wire_copies).map((group) => {
          const outlets = group.articles.map((key) => view.articles.find((a) => a.key === key)?.outlet ?? key);
          return (
            <div key={group.articles.join("\u0000")} className="banner banner-notice">
              Near copies: {outlets.length > 6 ? `${outlets.slice(0, 5).join(", ")} and ${outlets.length - 5} more` : outlets.join(", ")}{" "}
              share {group.similarity >= 0.995 ? "virtually all" : `at least ${Math.round(group.similarity * 100)}%`} of
              their text; count them as one voice, not {outlets.length}.
            </div>
          );
        })}
      {view?.matrix.unapplied_corrections.map((c) => (
        <div key={c.index} className="banner banner-notice">
          Correction {c.index + 1} no longer applies: {c.reason}
        </div>
      ))}

      {view === null && !error && <p className="loading">Analysing…</p>}
      {view && view.articles.length === 0 && (
        <section className="empty-state">
          <h3>No articles yet</h3>
          <p>
            Drop saved pages, PDFs, e-mails or web archives on this window, or add their paths or web addresses above.
            With one article in, “Find coverage…” looks for other outlets’ versions of the same event.
          </p>
        </section>
      )}

      {view && view.articles.length > 0 && (
        <div className="matrix-controls">
          <label htmlFor="sort-sources">Sort by</label>
          <select
            id="sort-sources"
            value={sortBy}
            onChange={(event) => {
              performance.mark(SORT_MARK);
              setSortBy(event.target.value as SortKey);
            }}
          >
            <option value="coverage">how many outlets use it</option>
            <option value="name">name</option>
            <option value="kind">kind</option>
          </select>
          <label htmlFor="filter-kind">Show</label>
          <select
            id="filter-kind"
            value={kindFilter}
            onChange={(event) => setKindFilter(event.target.value as SourceKind | "all")}
          >
            <option value="all">all kinds</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          {hasSides && (
            <label>
              <input type="checkbox" checked={groupSides} onChange={(event) => setGroupSides(event.target.checked)} />{" "}
              Group by side
            </label>
          )}
          <span className="muted">
            {rows.length} of {view.matrix.sources.length} sources
          </span>
        </div>
      )}

      {view && view.articles.length > 0 && (
        <div className="matrix-wrap">
          <table className="matrix" aria-label="Coverage matrix: sources by outlet">
            <colgroup>
              <col className="source-column" />
              {view.articles.map((article) => (
                <col key={article.key} className="outlet-column" />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Source</th>
                {view.articles.map((article) => {
                  const facts = outletFacts(article);
                  return (
                    <th key={article.key} scope="col" title={article.title ?? article.key}>
                      <button
                        type="button"
                        className="link-button outlet-name"
                        aria-pressed={reading === article.key}
                        onClick={() => setReading(reading === article.key ? null : article.key)}
                      >
                        {article.outlet}
                      </button>
                      {facts && <div className="outlet-facts">{facts}</div>}
                    </th>
                  );
                })}
              </tr>
            </thead>
            {(bySide ? groupBySide(rows, view.matrix.sides) : [{ side: undefined, rows }]).map((group) => (
              <tbody key={group.side === undefined ? "all" : (group.side ?? "\u0000none")}>
                {group.side !== undefined && (
                  <tr className="side-row">
                    <th scope="rowgroup" colSpan={view.articles.length + 1}>
                      {group.side ?? "On no side"}
                    </th>
                  </tr>
                )}
                {group.rows.map((row) => (
                    <tr key={row.id} className={dropTarget === row.id ? "drop-target" : undefined}>
                      <th
                        scope="row"
                        draggable
                        title="Drag onto another source to merge them"
                        onDragStart={(event) => {
                          event.dataTransfer.setData(SOURCE_DRAG, row.id);
                          event.dataTransfer.effectAllowed = "move";
                        }}
                        onDragOver={(event) => {
                          if (!event.dataTransfer.types.includes(SOURCE_DRAG)) return;
                          event.preventDefault();
                          setDropTarget(row.id);
                        }}
                        onDragLeave={() => setDropTarget((now) => (now === row.id ? null : now))}
                        onDrop={(event) => {
                          const dragged = event.dataTransfer.getData(SOURCE_DRAG);
                          setDropTarget(null);
                          if (!dragged || dragged === row.id) return;
                          event.preventDefault();
                          void correct({ op: "merge", into: row.id, from: dragged });
                        }}
                      >
                        <button
                          type="button"
                          className="source-name link-button"
                          aria-expanded={correcting === row.id}
                          title="Correct this source"
                          onClick={() => setCorrecting(correcting === row.id ? null : row.id)}
                        >
                          {row.name}
                        </button>
                        <span className={`kind kind-${row.kind}`}>{KIND_LABELS[row.kind] ?? row.kind}</span>
                        {row.corrected && <span className="corrected">corrected</span>}
                      </th>
                      {view.articles.map((article) => {
                        const cell = row.cells[article.key];
                        if (!cell) return <td key={article.key} />;
                        const isOmission = omitted.has(`${row.id}\u0000${article.key}`);
                        const isSelected = selected?.row === row.id && selected.article === article.key;
                        return (
                          <td key={article.key} className={isOmission ? "omission" : undefined}>
                            <button
                              type="button"
                              className={`cell cell-${cell.attribution ?? "none"}`}
                              aria-label={cellDescription(row, article, cell, isOmission)}
                              aria-pressed={isSelected}
                              disabled={!cell.included}
                              onClick={() => setSelected({ row: row.id, article: article.key })}
                            >
                              {cellLabel(cell)}
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                ))}
              </tbody>
            ))}
            {bySide && (
              <tfoot>
                {Object.keys(view.matrix.sides)
                  .sort((a, b) => a.localeCompare(b))
                  .map((side) => (
                    <tr key={side}>
                      <th scope="row">{side}: share of mentions</th>
                      {view.articles.map((article) => (
                        <td key={article.key}>
                          {Math.round((view.matrix.balance[article.key]?.mentions_by_group[side] ?? 0) * 100)}%
                        </td>
                      ))}
                    </tr>
                  ))}
              </tfoot>
            )}
          </table>
          <p className="legend muted">
            Q quoted, P paraphrased, then the number of mentions and of quoted words (w);
            highlighted empty cells are sources most other outlets use.
          </p>
        </div>
      )}

      {view && correctingRow && (
        <CorrectionPanel
          key={correctingRow.id}
          row={correctingRow}
          sides={Object.keys(view.matrix.sides)}
          side={sideOf(correctingRow.id, view.matrix.sides)}
          onSide={(side) => void placeOnSide(correctingRow.id, side)}
          others={view.matrix.sources.filter((r) => r.id !== correctingRow.id)}
          onCorrect={correct}
          onClose={() => setCorrecting(null)}
        />
      )}

      {view && sideBySide && (
        <SideBySide
          articles={view.articles}
          rows={view.matrix.sources}
          sharedQuotes={view.matrix.shared_quotes}
          onClose={() => setSideBySide(false)}
        />
      )}

      {view && readingArticle && (
        <ArticleReader
          article={readingArticle}
          rows={view.matrix.sources}
          onOpenOriginal={(article) => void api.openOriginal(article).catch((thrown) => setError(toIpcError(thrown)))}
          onCorrect={(correction) => void correct(correction)}
          onClose={() => setReading(null)}
        />
      )}

      {selectedRow && selectedArticle && (
        <EvidencePanel
          row={selectedRow}
          article={selectedArticle}
          evidence={selectedRow.cells[selectedArticle.key]?.evidence ?? []}
          onClose={() => setSelected(null)}
        />
      )}
    </main>
  );
}

function EvidencePanel({
  row,
  article,
  evidence,
  onClose,
}: {
  row: Row;
  article: ArticleView;
  evidence: Evidence[];
  onClose: () => void;
}) {
  const panel = useBroughtIntoView<HTMLElement>(`${row.id}\u0000${article.key}`);
  return (
    <section className="evidence" aria-labelledby="evidence-heading" ref={panel}>
      <div className="evidence-header">
        <h3 id="evidence-heading">
          {row.name} in {article.outlet}
        </h3>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
          Close
        </button>
      </div>
      <ol>
        {evidence.map((item, index) => (
          <li key={index} className="evidence-sentence">
            {highlight(item).map((segment, i) =>
              segment.role ? (
                <mark key={i} className={`mark-${segment.role}`} title={segment.role}>
                  {segment.text}
                </mark>
              ) : (
                <span key={i}>{segment.text}</span>
              ),
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

const KINDS: SourceKind[] = ["person", "organization", "government_body", "document", "media_outlet", "anonymous", "other"];

/** The researcher's corrections of one source: each saved at once, each undoable. */
function CorrectionPanel({
  row,
  sides,
  side,
  onSide,
  others,
  onCorrect,
  onClose,
}: {
  row: Row;
  /** The sides the researcher has made so far. */
  sides: string[];
  /** The side this source is on. */
  side: string | null;
  onSide: (side: string | null) => void;
  others: Row[];
  onCorrect: (correction: Correction) => void;
  onClose: () => void;
}) {
  const [newName, setNewName] = useState(row.name);
  const [kind, setKind] = useState<SourceKind>(row.kind);
  const [into, setInto] = useState(others[0]?.id ?? "");
  const [sideName, setSideName] = useState(side ?? "");
  const [splitting, setSplitting] = useState<Set<string>>(new Set());
  const [splitName, setSplitName] = useState("");
  const toggleAlias = (alias: string) =>
    setSplitting((now) => {
      const next = new Set(now);
      if (next.has(alias)) next.delete(alias);
      else next.add(alias);
      return next;
    });
  return (
    <section className="corrections" aria-labelledby="corrections-heading">
      <div className="evidence-header">
        <h3 id="corrections-heading">Correct {row.name}</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {row.aliases.length > 0 && <p className="muted">Also called: {row.aliases.join("; ")}</p>}
      <div className="correction-actions">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onCorrect({ op: "rename", source: row.id, name: newName.trim() });
          }}
        >
          <label htmlFor="rename-source">Name</label>
          <input id="rename-source" value={newName} onChange={(event) => setNewName(event.target.value)} />
          <button type="submit" disabled={newName.trim() === "" || newName.trim() === row.name}>
            Rename
          </button>
        </form>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onCorrect({ op: "change_kind", source: row.id, kind });
          }}
        >
          <label htmlFor="source-kind">Kind</label>
          <select id="source-kind" value={kind} onChange={(event) => setKind(event.target.value as SourceKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={kind === row.kind}>
            Change kind
          </button>
        </form>
        {others.length > 0 && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              onCorrect({ op: "merge", into, from: row.id });
            }}
          >
            <label htmlFor="merge-into">Same source as</label>
            <select id="merge-into" value={into} onChange={(event) => setInto(event.target.value)}>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
            </select>
            <button type="submit">Merge</button>
          </form>
        )}
        <form
          aria-label="Side"
          onSubmit={(event) => {
            event.preventDefault();
            onSide(sideName.trim());
          }}
        >
          <label htmlFor="source-side">Side</label>
          <input
            id="source-side"
            list="known-sides"
            value={sideName}
            placeholder="e.g. Government, Opposition"
            onChange={(event) => setSideName(event.target.value)}
          />
          <datalist id="known-sides">
            {sides.map((known) => (
              <option key={known} value={known} />
            ))}
          </datalist>
          <button type="submit" disabled={sideName.trim() === "" || sideName.trim() === side}>
            Put on side
          </button>
          {side !== null && (
            <button type="button" className="secondary" onClick={() => onSide(null)}>
              No side
            </button>
          )}
        </form>
        {row.aliases.length > 0 && (
          <form
            aria-label="Split off a different source"
            onSubmit={(event) => {
              event.preventDefault();
              onCorrect({ op: "split", source: row.id, aliases: [...splitting], name: splitName.trim() });
            }}
          >
            <fieldset>
              <legend>These names are someone else</legend>
              {row.aliases.map((alias) => (
                <label key={alias}>
                  <input type="checkbox" checked={splitting.has(alias)} onChange={() => toggleAlias(alias)} />
                  {alias}
                </label>
              ))}
            </fieldset>
            <label htmlFor="split-name">Their name</label>
            <input id="split-name" value={splitName} onChange={(event) => setSplitName(event.target.value)} />
            <button type="submit" disabled={splitting.size === 0 || splitName.trim() === ""}>
              Split off
            </button>
          </form>
        )}
        <button type="button" className="danger" onClick={() => onCorrect({ op: "not_a_source", source: row.id })}>
          Not a source
        </button>
      </div>
    </section>
  );
}

/** Article text the researcher pasted, with the outlet it is from. */
function PasteForm({
  value,
  onChange,
  onAdd,
  onCancel,
}: {
  value: Pasted;
  onChange: (value: Pasted) => void;
  onAdd: (value: Pasted) => void;
  onCancel: () => void;
}) {
  return (
    <form
      className="paste-form"
      aria-label="Paste an article's text"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd(value);
      }}
    >
      <label htmlFor="pasted-text">Article text</label>
      <textarea
        id="pasted-text"
        rows={6}
        value={value.text}
        onChange={(event) => onChange({ ...value, text: event.target.value })}
      />
      <label htmlFor="pasted-outlet">Outlet</label>
      <input
        id="pasted-outlet"
        value={value.outlet}
        placeholder="e.g. Press TV"
        onChange={(event) => onChange({ ...value, outlet: event.target.value })}
      />
      <label htmlFor="pasted-title">Headline (optional)</label>
      <input id="pasted-title" value={value.title ?? ""} onChange={(event) => onChange({ ...value, title: event.target.value })} />
      <label htmlFor="pasted-url">Address (optional)</label>
      <input id="pasted-url" value={value.url ?? ""} onChange={(event) => onChange({ ...value, url: event.target.value })} />
      <div>
        <button type="submit" disabled={value.text.trim() === "" || value.outlet.trim() === ""}>
          Add text
        </button>{" "}
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
