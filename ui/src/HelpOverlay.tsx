import { useEffect, useState } from "react";

/** Every keyboard shortcut, as the help overlay lists it. */
export const SHORTCUTS: [string, string][] = [
  ["?", "Show or hide this list"],
  ["Ctrl+N", "Name a new comparison (library)"],
  ["Ctrl+V", "Import the links or file paths on the clipboard"],
  ["Tab / Shift+Tab", "Move between sources, cells and actions"],
  ["Enter / Space", "Open the evidence of a cell, or correct a source"],
  ["Escape", "Close the evidence, the article, the correction panel or this list"],
  ["Ctrl+Z", "Undo the last correction, or in the library the last deletion"],
  ["Alt+←", "Back to the library"],
];

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** A list of the keyboard shortcuts, opened with "?". */
export function HelpOverlay() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "?" && !typing(event.target)) {
        event.preventDefault();
        setOpen((was) => !was);
      } else if (event.key === "Escape") {
        setOpen(false);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-heading">
      <div className="overlay-box">
        <h2 id="help-heading">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={() => setOpen(false)} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
