import { useEffect, useState, type FormEvent } from "react";
import { toIpcError, type ComparisonApi, type Discovery, type IpcError, type Outlet } from "../api";

interface Props {
  api: ComparisonApi;
  name: string;
  /** Imports the addresses the researcher picked. */
  onImport: (urls: string[]) => void;
  onClose: () => void;
}

/** Splits "Reuters, Press TV" into outlet names. */
function outletNames(text: string): string[] {
  return text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/**
 * Finds other outlets' versions of the comparison's event and lets the
 * researcher pick which to import. Nothing is imported until they do.
 */
export function DiscoverPanel({ api, name, onImport, onClose }: Props) {
  const [outlets, setOutlets] = useState("");
  const [known, setKnown] = useState<Outlet[]>([]);
  const [searching, setSearching] = useState(false);
  const [found, setFound] = useState<Discovery | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    api.listOutlets().then(setKnown, (thrown: unknown) => setError(toIpcError(thrown)));
  }, [api]);

  async function search(event: FormEvent) {
    event.preventDefault();
    setSearching(true);
    setError(null);
    setFound(null);
    try {
      const discovery = await api.discover(name, outletNames(outlets));
      setFound(discovery);
      setPicked(new Set());
    } catch (thrown) {
      setError(toIpcError(thrown));
    } finally {
      setSearching(false);
    }
  }

  function toggle(url: string) {
    setPicked((now) => {
      const next = new Set(now);
      if (next.has(url)) next.delete(url);
      else next.add(url);
      return next;
    });
  }

  return (
    <section className="discover-panel" aria-labelledby="discover-heading">
      <div className="panel-header">
        <h3 id="discover-heading">Find other outlets’ coverage</h3>
        <button type="button" className="secondary" onClick={onClose} aria-label="Close coverage search">
          ×
        </button>
      </div>
      <form onSubmit={search}>
        <label htmlFor="discover-outlets">Outlets to look in</label>
        <input
          id="discover-outlets"
          list="known-outlets"
          value={outlets}
          onChange={(event) => setOutlets(event.target.value)}
          placeholder="e.g. Reuters, Press TV, RT (leave empty to search every outlet GDELT knows)"
        />
        <datalist id="known-outlets">
          {known.map((outlet) => (
            <option key={outlet.id} value={outlet.name}>
              {outlet.country} · {outlet.ownership}
            </option>
          ))}
        </datalist>
        <button type="submit" disabled={searching}>
          {searching ? "Searching…" : "Search"}
        </button>
      </form>
      {searching && (
        <p className="loading" role="status">
          Asking GDELT, the outlets’ feeds and sitemaps, and the Wayback Machine…
        </p>
      )}
      {error && (
        <div role="alert" className="banner banner-error" data-code={error.code}>
          {error.message}
        </div>
      )}
      {found && (
        <>
          <p className="muted">
            Looked for {[...found.signature.entities, ...found.signature.terms].slice(0, 8).join(", ")} from{" "}
            {found.from} to {found.to}.
          </p>
          {found.problems.map((problem) => (
            <div key={`${problem.provider}-${problem.message}`} className="banner banner-notice">
              {problem.provider}: {problem.message}
            </div>
          ))}
          {found.candidates.length === 0 ? (
            <p>No candidates found. Name the outlets you want, or widen the search by adding an earlier article.</p>
          ) : (
            <ul className="candidates" aria-label="Candidate articles">
              {found.candidates.map((candidate) => (
                <li key={candidate.url}>
                  <label>
                    <input
                      type="checkbox"
                      checked={picked.has(candidate.url)}
                      onChange={() => toggle(candidate.url)}
                    />
                    <span className="candidate-outlet">{candidate.outlet}</span>{" "}
                    <span className="candidate-title">{candidate.title}</span>
                  </label>
                  <div className="muted">
                    {candidate.date ?? "date unknown"} · {candidate.reason} · score {candidate.score.toFixed(2)}
                    {candidate.copies.length > 0 &&
                      ` · ${candidate.copies.length} cop${candidate.copies.length === 1 ? "y" : "ies"} of the same story elsewhere`}
                  </div>
                  <div className="candidate-url">{candidate.url}</div>
                </li>
              ))}
            </ul>
          )}
          <button type="button" disabled={picked.size === 0} onClick={() => onImport([...picked])}>
            Import selected ({picked.size})
          </button>
        </>
      )}
    </section>
  );
}
