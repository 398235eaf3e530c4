import { useState } from "react";
import type { ArticleView, Row, SharedQuote } from "../api";
import { colourClass, readerRuns } from "./reader";
import { useBroughtIntoView } from "./useBroughtIntoView";

/** At most this many outlets side by side. */
const MAX_COLUMNS = 3;

interface Props {
  articles: ArticleView[];
  rows: Row[];
  sharedQuotes: SharedQuote[];
  onClose: () => void;
}

/**
 * Two or three outlets' articles next to each other: first the quotations
 * they share, one per line so the versions line up, with each outlet's
 * changes against the fullest version marked; then their texts, sources
 * marked as in the reader.
 */
export function SideBySide({ articles, rows, sharedQuotes, onClose }: Props) {
  // Start with outlets that share a quotation, if any do.
  const [chosen, setChosen] = useState<string[]>(() => {
    const sharing = sharedQuotes.find((q) => q.versions.length >= 2)?.versions.map((v) => v.article);
    return (sharing ?? articles.map((a) => a.key)).slice(0, 2);
  });
  const columns = chosen
    .map((key) => articles.find((a) => a.key === key))
    .filter((a): a is ArticleView => a !== undefined);
  const shared = sharedQuotes.filter(
    (quote) => quote.versions.filter((v) => chosen.includes(v.article)).length >= 2,
  );
  const sourceName = (id: string) => rows.find((r) => r.id === id)?.name ?? id;
  const panel = useBroughtIntoView<HTMLElement>(null);

  function toggle(key: string) {
    setChosen((now) =>
      now.includes(key) ? now.filter((k) => k !== key) : now.length < MAX_COLUMNS ? [...now, key] : now,
    );
  }

  return (
    <section className="side-by-side" aria-labelledby="side-by-side-heading" ref={panel}>
      <div className="panel-header">
        <h3 id="side-by-side-heading">Side by side</h3>
        <button type="button" className="secondary" onClick={onClose} aria-label="Close side by side">
          ×
        </button>
      </div>
      <fieldset className="side-choice">
        <legend>Outlets (up to {MAX_COLUMNS})</legend>
        {articles.map((article) => (
          <label key={article.key}>
            <input
              type="checkbox"
              checked={chosen.includes(article.key)}
              disabled={!chosen.includes(article.key) && chosen.length >= MAX_COLUMNS}
              onChange={() => toggle(article.key)}
            />
            {article.outlet}
          </label>
        ))}
      </fieldset>

      <table className="shared-quotes" aria-label="Quotations they share">
        <thead>
          <tr>
            <th scope="col">Quoted</th>
            {columns.map((article) => (
              <th key={article.key} scope="col">
                {article.outlet}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shared.length === 0 && (
            <tr>
              <td colSpan={columns.length + 1} className="muted">
                These outlets share no quotation.
              </td>
            </tr>
          )}
          {shared.map((quote) => (
            <tr key={`${quote.source}\u0000${quote.fullest}`}>
              <th scope="row">{sourceName(quote.source)}</th>
              {columns.map((article) => {
                const version = quote.versions.find((v) => v.article === article.key);
                if (!version) return <td key={article.key} className="muted">does not carry it</td>;
                return (
                  <td key={article.key}>
                    “
                    {version.diff.map((piece, i) => {
                      const space = i > 0 ? " " : "";
                      if (piece.op === "equal") return <span key={i}>{space + piece.text}</span>;
                      const Marked = piece.op === "added" ? "ins" : "del";
                      return (
                        <span key={i}>
                          {space}
                          <Marked title={piece.op === "added" ? "Added in this version" : "Left out of this version"}>
                            {piece.text}
                          </Marked>
                        </span>
                      );
                    })}
                    ”
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>

      <div className={`side-texts columns-${Math.max(columns.length, 1)}`}>
        {columns.map((article) => (
          <article key={article.key} aria-label={`${article.outlet}'s text`}>
            <h4>{article.outlet}</h4>
            <div className="reader-text">
              {readerRuns(article.text, article.key, rows).map((run, i) =>
                run.role === null || run.source === null ? (
                  run.text
                ) : (
                  <mark key={i} className={`reader-${run.role} ${colourClass(run.source)}`} title={rows[run.source].name}>
                    {run.text}
                  </mark>
                ),
              )}
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
