import { useRef, useState, type FormEvent } from "react";
import type { ArticleView, AttributionKind, Correction, Ownership, Row } from "../api";
import { colourClass, readerRuns, selectedSpan } from "./reader";
import { useBroughtIntoView } from "./useBroughtIntoView";

/** How each kind of ownership is named for researchers. */
export const OWNERSHIP_LABELS: Record<Ownership, string> = {
  state: "state media",
  public: "public broadcaster",
  "government-funded": "government-funded",
  wire: "wire agency",
  private: "private",
  nonprofit: "nonprofit",
};

/** "IR · state media", or nothing when the registry does not know the outlet. */
export function outletFacts(article: ArticleView): string | null {
  const facts = [article.country, article.ownership ? OWNERSHIP_LABELS[article.ownership] : null].filter(
    (fact): fact is string => Boolean(fact),
  );
  return facts.length > 0 ? facts.join(" · ") : null;
}


const ROLE_HINTS = { source: "named here", cue: "the verb that attributes", content: "what is attributed" };

interface Props {
  article: ArticleView;
  rows: Row[];
  /** Opens the article's web address, or shows its file. */
  onOpenOriginal: (article: ArticleView) => void;
  /** Saves a correction: a mention added from a selection, or one removed. */
  onCorrect: (correction: Correction) => void;
  onClose: () => void;
}

/** A mention the researcher picked in the text, to remove. */
interface Picked {
  start: number;
  text: string;
  source: string;
}

/** Text the researcher selected, to add as a mention. */
interface Selected {
  start: number;
  end: number;
  text: string;
}

const NEW_SOURCE = "\u0000new";

/**
 * One outlet's article as clean text, every mention of every source marked
 * in that source's colour, with its cue and content; hovering a mark names
 * the source and the part it plays.
 */
export function ArticleReader({ article, rows, onOpenOriginal, onCorrect, onClose }: Props) {
  const text = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [target, setTarget] = useState(rows[0]?.id ?? NEW_SOURCE);
  const [newName, setNewName] = useState("");
  const [attribution, setAttribution] = useState<AttributionKind>("indirect");

  function noteSelection() {
    if (!text.current) return;
    const span = selectedSpan(text.current, window.getSelection());
    setSelected(span);
    if (span) setPicked(null);
  }

  function addMention(event: FormEvent) {
    event.preventDefault();
    if (!selected) return;
    const source = target === NEW_SOURCE ? newName.trim() : target;
    if (source === "") return;
    onCorrect({ op: "add_mention", article: article.key, start: selected.start, end: selected.end, source, attribution });
    setSelected(null);
    setNewName("");
  }

  const runs = readerRuns(article.text, article.key, rows);
  const present = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.cells[article.key]?.included);
  const facts = outletFacts(article);
  const panel = useBroughtIntoView<HTMLElement>(article.key);
  return (
    <section className="reader" aria-labelledby="reader-heading" ref={panel}>
      <div className="panel-header">
        <h3 id="reader-heading">
          {article.outlet}
          {article.title && <span className="reader-title"> — {article.title}</span>}
        </h3>
        <button type="button" className="secondary" onClick={onClose} aria-label="Close the article">
          ×
        </button>
      </div>
      <p className="muted">
        {[article.byline, article.date?.slice(0, 10), facts].filter(Boolean).join(" · ")}
        {article.archiveUrl && " · read from the Internet Archive"}{" "}
        <button type="button" className="link-button" onClick={() => onOpenOriginal(article)}>
          {article.url ? `Open ${article.archiveUrl ?? article.url}` : `Show ${article.origin}`}
        </button>
      </p>
      <ul className="reader-legend" aria-label="Sources in this article">
        {present.map(({ row, index }) => (
          <li key={row.id} className={colourClass(index)}>
            {row.name}
          </li>
        ))}
      </ul>
      <p className="muted reader-help">
        Select words to add a mention the machine missed; click a marked name to remove a wrong one.
      </p>
      <div className="reader-text" ref={text} onMouseUp={noteSelection} onKeyUp={noteSelection}>
        {runs.map((run, i) => {
          if (run.role === null || run.source === null) return run.text;
          const row = rows[run.source];
          const className = `reader-${run.role} ${colourClass(run.source)}`;
          const title = `${row.name}: ${ROLE_HINTS[run.role]}`;
          if (run.role !== "source" || run.mention === null) {
            return (
              <mark key={i} className={className} title={title}>
                {run.text}
              </mark>
            );
          }
          const start = run.mention;
          return (
            <mark key={i} className={className} title={title}>
              <button
                type="button"
                className="mention-button"
                aria-label={`Mention of ${row.name}: “${run.text}”`}
                onClick={() => {
                  setSelected(null);
                  setPicked({ start, text: run.text, source: row.name });
                }}
              >
                {run.text}
              </button>
            </mark>
          );
        })}
      </div>
      {picked && (
        <div className="reader-action" role="group" aria-label="The picked mention">
          “{picked.text}”, a mention of {picked.source}.{" "}
          <button
            type="button"
            onClick={() => {
              onCorrect({ op: "remove_mention", article: article.key, start: picked.start });
              setPicked(null);
            }}
          >
            Remove this mention
          </button>{" "}
          <button type="button" className="secondary" onClick={() => setPicked(null)}>
            Keep it
          </button>
        </div>
      )}
      {selected && (
        <form className="reader-action" aria-label="Add a mention" onSubmit={addMention}>
          <span>Add “{selected.text}” as a mention of</span>
          <select aria-label="Source" value={target} onChange={(event) => setTarget(event.target.value)}>
            {rows.map((row) => (
              <option key={row.id} value={row.id}>
                {row.name}
              </option>
            ))}
            <option value={NEW_SOURCE}>a new source…</option>
          </select>
          {target === NEW_SOURCE && (
            <input
              aria-label="New source's name"
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
              placeholder={selected.text}
            />
          )}
          <select
            aria-label="Attribution"
            value={attribution}
            onChange={(event) => setAttribution(event.target.value as AttributionKind)}
          >
            <option value="direct_quote">quoted</option>
            <option value="indirect">paraphrased</option>
          </select>
          <button type="submit" disabled={target === NEW_SOURCE && newName.trim() === ""}>
            Add mention
          </button>
        </form>
      )}
    </section>
  );
}
