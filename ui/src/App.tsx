import { useCallback, useEffect, useRef, useState } from "react";
import { comparisonApi, libraryApi, onFilesDropped, toIpcError } from "./api";
import type { IpcError } from "./api";
import { ComparisonScreen } from "./comparison/ComparisonScreen";
import { HelpOverlay } from "./HelpOverlay";
import { LibraryView } from "./library/LibraryView";

/** A name for a comparison started by dropping files on the library. */
function importedName(): string {
  const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
  return `Imported ${stamp}`;
}

export function App() {
  const [open, setOpen] = useState<string | null>(null);
  const [dropped, setDropped] = useState<{ inputs: string[]; id: number } | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const openRef = useRef(open);
  openRef.current = open;

  const onDrop = useCallback(async (paths: string[]) => {
    if (openRef.current === null) {
      // Dropped on the library: start a comparison for them.
      try {
        const created = await libraryApi.createComparison(importedName(), "");
        setOpen(created.name);
      } catch (thrown) {
        setError(toIpcError(thrown));
        return;
      }
    }
    setDropped({ inputs: paths, id: Date.now() });
  }, []);

  // Pasting links or file paths anywhere outside a text field imports them,
  // as dropping does.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      const lines = (event.clipboardData?.getData("text/plain") ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
      if (lines.length > 0) {
        event.preventDefault();
        void onDrop(lines);
      }
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [onDrop]);

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let live = true;
    void onFilesDropped((paths) => void onDrop(paths)).then((stop) => (live ? (unsubscribe = stop) : stop()));
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [onDrop]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>SourceLens</h1>
        <p className="tagline">Who each outlet quotes, and who it leaves out</p>
        <p className="help-hint muted">
          Press <kbd>?</kbd> for keyboard shortcuts
        </p>
      </header>
      <HelpOverlay />
      {error && (
        <div role="alert" className="banner banner-error" data-code={error.code}>
          {error.message}
        </div>
      )}
      {open === null ? (
        <LibraryView api={libraryApi} onOpen={setOpen} />
      ) : (
        <ComparisonScreen
          api={comparisonApi}
          name={open}
          dropped={dropped}
          onBack={() => {
            setDropped(null);
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
