import { useCallback, useEffect, useRef, useState } from "react";
import { comparisonApi, libraryApi, onFilesDropped, toIpcError } from "./api";
import type { IpcError } from "./api";
import { ComparisonScreen } from "./comparison/ComparisonScreen";
import { HelpOverlay } from "./HelpOverlay";
import { LibraryView } from "./library/LibraryView";

/**
 * Whether pasted text is an article rather than links or file paths: it has
 * a line of a dozen words or more, or many words in all.
 */
export function looksLikeArticle(text: string): boolean {
  const words = (line: string) => line.split(/\s+/).filter((w) => w !== "").length;
  const lines = text.split("\n");
  return lines.some((line) => words(line) >= 12) || words(text) >= 40;
}

/** A name for a comparison started by dropping files on the library. */
function importedName(): string {
  const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
  return `Imported ${stamp}`;
}

export function App() {
  const [open, setOpen] = useState<string | null>(null);
  const [dropped, setDropped] = useState<{ inputs: string[]; id: number } | null>(null);
  const [pasted, setPasted] = useState<{ text: string; id: number } | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const openRef = useRef(open);
  openRef.current = open;

  /** The open comparison, or a new one when the library is showing; null if that failed. */
  const target = useCallback(async () => {
    if (openRef.current !== null) return openRef.current;
    // Dropped or pasted on the library: start a comparison for it.
    try {
      const created = await libraryApi.createComparison(importedName(), "");
      setOpen(created.name);
      return created.name;
    } catch (thrown) {
      setError(toIpcError(thrown));
      return null;
    }
  }, []);

  const onDrop = useCallback(
    async (paths: string[]) => {
      if ((await target()) !== null) setDropped({ inputs: paths, id: Date.now() });
    },
    [target],
  );

  const onPasteText = useCallback(
    async (text: string) => {
      if ((await target()) !== null) setPasted({ text, id: Date.now() });
    },
    [target],
  );

  /**
   * Takes text pasted or dropped on the window: an article's text opens the
   * paste form, links and file paths are imported. False when it was blank.
   */
  const takeText = useCallback(
    (text: string) => {
      if (looksLikeArticle(text)) {
        void onPasteText(text);
        return true;
      }
      const lines = text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
      if (lines.length > 0) void onDrop(lines);
      return lines.length > 0;
    },
    [onDrop, onPasteText],
  );

  const typingIn = (target: EventTarget | null) =>
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

  // Pasting links or file paths anywhere outside a text field imports them,
  // as dropping does; pasting an article's text offers to add it.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (typingIn(event.target)) return;
      if (takeText(event.clipboardData?.getData("text/plain") ?? "")) event.preventDefault();
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [takeText]);

  // Text dragged from a browser or an editor arrives as an HTML drop; files
  // and links come through the native drop event instead (`onFilesDropped`).
  useEffect(() => {
    const isText = (event: DragEvent) => {
      const types = Array.from(event.dataTransfer?.types ?? []);
      return types.includes("text/plain") && !types.includes("Files") && !types.includes("text/uri-list");
    };
    const onDragOver = (event: DragEvent) => {
      if (isText(event)) event.preventDefault();
    };
    const onDropText = (event: DragEvent) => {
      if (!isText(event) || typingIn(event.target)) return;
      event.preventDefault();
      takeText(event.dataTransfer?.getData("text/plain") ?? "");
    };
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDropText);
    return () => {
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDropText);
    };
  }, [takeText]);

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
          pasted={pasted}
          onBack={() => {
            setDropped(null);
            setPasted(null);
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
