// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p sourcelens-app bindings` instead.

/**
 * What the library list shows of one saved comparison.
 */
export type ComparisonSummary = { 
/**
 * Stable identifier, a UUID v7 (so ids sort by creation time).
 */
id: string, 
/**
 * The name the researcher gave it; unique in the library, ignoring case.
 */
name: string, 
/**
 * Free-text description.
 */
description: string, 
/**
 * How many articles it holds.
 */
articleCount: number, 
/**
 * The outlets of those articles, in the order they were added.
 */
outlets: Array<string>, 
/**
 * The researcher's tags.
 */
tags: Array<string>, 
/**
 * When it was created, RFC 3339.
 */
createdAt: string, 
/**
 * When it last changed, RFC 3339.
 */
updatedAt: string, };

/**
 * What kind of failure an [`IpcError`] is; the UI acts on this.
 */
export type ErrorCode = "storeLocked" | "storeTooNew" | "storeDamaged" | "storeUnavailable" | "invalidInput" | "alreadyExists" | "notFound" | "internal";

/**
 * An error as the UI receives it.
 */
export type IpcError = { 
/**
 * What kind of failure this is.
 */
code: ErrorCode, 
/**
 * What happened and what to do, in words for the researcher.
 */
message: string, };
