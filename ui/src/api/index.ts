// The only module that talks to Tauri. Everything else in the UI imports the
// typed functions below, so the rest of the UI can be tested without a window.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open, save } from "@tauri-apps/plugin-dialog";
import { openUrl, revealItemInDir } from "@tauri-apps/plugin-opener";
import type {
  ArticleView,
  ComparisonSummary,
  ComparisonView,
  Correction,
  Discovery,
  ErrorCode,
  ExportFormat,
  ImportOutcome,
  IpcError,
  Outlet,
  Pasted,
  Progress,
} from "./bindings";

export type * from "./bindings";
export type { ComparisonSummary, ComparisonView, ErrorCode, ImportOutcome, IpcError };

/** The library operations the UI needs; a plain object so tests can supply their own. */
export interface LibraryApi {
  listComparisons(): Promise<ComparisonSummary[]>;
  createComparison(name: string, description: string): Promise<ComparisonSummary>;
  renameComparison(name: string, newName: string): Promise<ComparisonSummary>;
  duplicateComparison(name: string, newName: string): Promise<ComparisonSummary>;
  /** Deletes a comparison; resolves to the token that undoes it. */
  deleteComparison(name: string): Promise<string>;
  restoreComparison(token: string): Promise<ComparisonSummary>;
  /** Asks for a bundle file and imports it; null when the researcher cancelled. */
  openBundle(): Promise<ComparisonSummary | null>;
}

/** How web addresses of an import are fetched. */
export interface ImportOptions {
  ignoreRobots?: boolean;
  archiveDate?: string;
}

/** The operations on one comparison. */
export interface ComparisonApi {
  openComparison(name: string): Promise<ComparisonView>;
  /**
   * Imports files and web addresses; `ignoreRobots` fetches pages robots.txt forbids,
   * `archiveDate` (YYYY-MM-DD) takes the Internet Archive's copy closest to that date.
   */
  importInto(comparison: string, inputs: string[], options?: ImportOptions): Promise<ImportOutcome[]>;
  /** Calls `onOutcome` as each input of an import finishes; resolves to the unsubscribe. */
  onImportProgress(onOutcome: (outcome: ImportOutcome) => void): Promise<() => void>;
  /** Saves a correction (putting a source on a side is one) and returns the corrected comparison. */
  correct(comparison: string, correction: Correction): Promise<ComparisonView>;
  /** Takes back the newest correction and returns the comparison without it. */
  undoCorrection(comparison: string): Promise<ComparisonView>;
  /** Adds pasted article text as one article of the outlet named. */
  importText(comparison: string, pasted: Pasted): Promise<ImportOutcome>;
  /** Calls `onProgress` as each web address of an import moves on; resolves to the unsubscribe. */
  onFetchProgress(onProgress: (progress: Progress) => void): Promise<() => void>;
  /** Other outlets' versions of the comparison's event; imports nothing. */
  discover(comparison: string, outlets: string[]): Promise<Discovery>;
  /** The outlets discovery can look in. */
  listOutlets(): Promise<Outlet[]>;
  /** Opens an article's web address (its archive copy, if it came from there) or shows its file. */
  openOriginal(article: ArticleView): Promise<void>;
  /** Asks where to save, then exports; resolves to the path, or null when the researcher cancelled. */
  exportTo(comparison: string, format: ExportFormat): Promise<string | null>;
}

/** The file name extension and dialog label of each export format. */
const EXPORT_FILES: Record<ExportFormat, { extension: string; label: string }> = {
  csv: { extension: "csv", label: "CSV (the matrix)" },
  json: { extension: "json", label: "JSON (articles, sources and matrix)" },
  bundle: { extension: "sourcelens", label: "SourceLens bundle" },
};

/** Whether a thrown value is an error in the backend's `{code, message}` shape. */
export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as IpcError).code === "string" &&
    typeof (value as IpcError).message === "string"
  );
}

/**
 * Turns whatever a failed call threw into `{code, message}`. Tauri itself
 * rejects with plain strings (an unknown command, a denied permission); those
 * are failures of SourceLens, not of the researcher's input.
 */
export function toIpcError(thrown: unknown): IpcError {
  if (isIpcError(thrown)) return thrown;
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return {
    code: "internal",
    message: `SourceLens failed internally (${detail}). Please report this, with what you were doing.`,
  };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    throw toIpcError(thrown);
  }
}

/** The backend's library commands. */
export const libraryApi: LibraryApi = {
  listComparisons: () => call<ComparisonSummary[]>("list_comparisons"),
  createComparison: (name, description) =>
    call<ComparisonSummary>("create_comparison", { name, description }),
  renameComparison: (name, newName) => call<ComparisonSummary>("rename_comparison", { name, newName }),
  duplicateComparison: (name, newName) => call<ComparisonSummary>("duplicate_comparison", { name, newName }),
  deleteComparison: (name) => call<string>("delete_comparison", { name }),
  restoreComparison: (token) => call<ComparisonSummary>("restore_comparison", { token }),
  openBundle: async () => {
    let path: string | null;
    try {
      path = await open({
        multiple: false,
        directory: false,
        filters: [{ name: EXPORT_FILES.bundle.label, extensions: [EXPORT_FILES.bundle.extension, "json"] }],
      });
    } catch (thrown) {
      throw toIpcError(thrown);
    }
    return path === null ? null : call<ComparisonSummary>("open_bundle", { path });
  },
};

/** The backend's comparison commands. */
export const comparisonApi: ComparisonApi = {
  openComparison: (name) => call<ComparisonView>("open_comparison", { name }),
  importInto: (comparison, inputs, options) =>
    call<ImportOutcome[]>("import_into_comparison", {
      comparison,
      inputs,
      ignoreRobots: options?.ignoreRobots ?? false,
      archiveDate: options?.archiveDate || null,
    }),
  onImportProgress: (onOutcome) =>
    listen<ImportOutcome>("import-progress", (event) => onOutcome(event.payload)),
  correct: (name, correction) => call<ComparisonView>("correct_comparison", { name, correction }),
  undoCorrection: (name) => call<ComparisonView>("undo_last_correction", { name }),
  importText: (comparison, pasted) => call<ImportOutcome>("import_text", { comparison, pasted }),
  onFetchProgress: (onProgress) => listen<Progress>("fetch-progress", (event) => onProgress(event.payload)),
  discover: (name, outlets) => call<Discovery>("discover_coverage", { name, outlets }),
  listOutlets: () => call<Outlet[]>("list_outlets"),
  exportTo: async (name, format) => {
    const { extension, label } = EXPORT_FILES[format];
    let path: string | null;
    try {
      path = await save({ defaultPath: `${name}.${extension}`, filters: [{ name: label, extensions: [extension] }] });
    } catch (thrown) {
      throw toIpcError(thrown);
    }
    if (path === null) return null;
    await call<void>("export_comparison", { name, format, path });
    return path;
  },
  openOriginal: async (article) => {
    try {
      const address = article.archiveUrl ?? article.url;
      if (address) await openUrl(address);
      else await revealItemInDir(article.origin);
    } catch (thrown) {
      throw toIpcError(thrown);
    }
  },
};

/** Calls `onDrop` with the paths of files dropped on the window; returns the unsubscribe. */
export async function onFilesDropped(onDrop: (paths: string[]) => void): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((event) => {
    if (event.payload.type === "drop" && event.payload.paths.length > 0) {
      onDrop(event.payload.paths);
    }
  });
}
