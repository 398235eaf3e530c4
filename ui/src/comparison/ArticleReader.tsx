import { useEffect, useRef } from "react";
import type { ArticleView, Ownership, Row } from "../api";
import { readerRuns } from "./reader";

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

/** How many colours sources cycle through (see `.src-N` in styles.css). */
const COLOURS = 8;

const ROLE_HINTS = { source: "named here", cue: "the verb that attributes", content: "what is attributed" };

interface Props {
  article: ArticleView;
  rows: Row[];
  /** Opens the article's web address, or shows its file. */
  onOpenOriginal: (article: ArticleView) => void;
  onClose: () => void;
}

/**
 * One outlet's article as clean text, every mention of every source marked
 * in that source's colour, with its cue and content; hovering a mark names
 * the source and the part it plays.
 */
export function ArticleReader({ article, rows, onOpenOriginal, onClose }: Props) {
  const runs = readerRuns(article.text, article.key, rows);
  const present = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.cells[article.key]?.included);
  const facts = outletFacts(article);
  const panel = useRef<HTMLElement>(null);
  // The reader opens below the matrix: bring it into view.
  useEffect(() => panel.current?.scrollIntoView?.({ block: "start", behavior: "smooth" }), [article.key]);
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
          <li key={row.id} className={`src-${index % COLOURS}`}>
            {row.name}
          </li>
        ))}
      </ul>
      <div className="reader-text">
        {runs.map((run, i) =>
          run.role === null || run.source === null ? (
            run.text
          ) : (
            <mark
              key={i}
              className={`reader-${run.role} src-${run.source % COLOURS}`}
              title={`${rows[run.source].name}: ${ROLE_HINTS[run.role]}`}
            >
              {run.text}
            </mark>
          ),
        )}
      </div>
    </section>
  );
}
