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

/**
 * One input that could not be used, and why.
 */
export type InputFailure = { 
/**
 * The input as given.
 */
path: string, 
/**
 * A short stable identifier of the problem.
 */
code: string, 
/**
 * What is wrong, naming the input.
 */
message: string, };

/**
 * What importing one input did.
 */
export type ImportOutcome = { 
/**
 * The input as given.
 */
input: string, 
/**
 * Articles added to the comparison.
 */
added: number, 
/**
 * Articles that were already in it.
 */
alreadyPresent: number, 
/**
 * Why the input could not be imported, if it could not.
 */
failure: InputFailure | null, };

/**
 * What a saved comparison is exported as.
 */
export type ExportFormat = "csv" | "json" | "bundle";

/**
 * Article text the researcher pasted, and what they said about it.
 */
export type Pasted = { 
/**
 * The article's text.
 */
text: string, 
/**
 * The outlet it is from.
 */
outlet: string, 
/**
 * Its headline, if given.
 */
title: string | null, 
/**
 * Where it was published, if given.
 */
url: string | null, };

/**
 * A progress report about one address.
 */
export type Progress = { 
/**
 * The address as given.
 */
url: string, } & ({ "stage": "queued" } | { "stage": "fetching" } | { "stage": "archive" } | { "stage": "extracting" } | { "stage": "done", 
/**
 * The article's headline, when it has one.
 */
title: string | null, } | { "stage": "failed", 
/**
 * A short stable identifier of the problem.
 */
code: string, 
/**
 * What went wrong and what to do.
 */
message: string, });

/**
 * Where one address has got to.
 */
export type Stage = { "stage": "queued" } | { "stage": "fetching" } | { "stage": "archive" } | { "stage": "extracting" } | { "stage": "done", 
/**
 * The article's headline, when it has one.
 */
title: string | null, } | { "stage": "failed", 
/**
 * A short stable identifier of the problem.
 */
code: string, 
/**
 * What went wrong and what to do.
 */
message: string, };

/**
 * What discovery found.
 */
export type Discovery = { 
/**
 * The seeds' signature.
 */
signature: Signature, 
/**
 * The first day searched, `YYYY-MM-DD`.
 */
from: string, 
/**
 * The last day searched, `YYYY-MM-DD`.
 */
to: string, 
/**
 * The candidates, best first.
 */
candidates: Array<Candidate>, 
/**
 * Providers that failed; the others' candidates are still here.
 */
problems: Array<ProviderProblem>, };

/**
 * What identifies an event.
 */
export type Signature = { 
/**
 * People, places and bodies named most, longest form first seen:
 * "Vladimir Putin", "DNC".
 */
entities: Array<string>, 
/**
 * Distinctive words, most frequent first.
 */
terms: Array<string>, 
/**
 * The earliest seed's publication date, `YYYY-MM-DD`.
 */
date: string | null, };

/**
 * A page that may be another outlet's version of the event.
 */
export type Candidate = { 
/**
 * Its address.
 */
url: string, 
/**
 * The outlet, from the registry or else the host.
 */
outlet: string, 
/**
 * Its headline (or the words of its address, when no headline is known).
 */
title: string, 
/**
 * Its publication date, `YYYY-MM-DD`, when known.
 */
date: string | null, 
/**
 * How alike it is to the seeds, 0 to 1.
 */
score: number, 
/**
 * Why it was found: "shares Putin, Lavrov, DNC; same day".
 */
reason: string, 
/**
 * The providers that listed it: gdelt, feed, sitemap, wayback.
 */
foundBy: Array<string>, 
/**
 * Other addresses carrying the same (wire) story, folded into this one.
 */
copies: Array<string>, };

/**
 * A provider that could not be asked, and why.
 */
export type ProviderProblem = { 
/**
 * gdelt, feed, sitemap or wayback.
 */
provider: string, 
/**
 * What went wrong, naming the address.
 */
message: string, };

/**
 * One outlet.
 */
export type Outlet = { 
/**
 * A short stable identifier, such as `presstv`.
 */
id: string, 
/**
 * The name shown in the matrix.
 */
name: string, 
/**
 * Other names news uses for it ("Russia Today", "The Associated Press").
 */
aliases?: Array<string>, 
/**
 * The web domains it publishes on (subdomains included).
 */
domains: Array<string>, 
/**
 * Country, ISO 3166-1 alpha-2.
 */
country: string, 
/**
 * The language of the edition listed, ISO 639-1.
 */
language: string, 
/**
 * Its kind of ownership.
 */
ownership: Ownership, 
/**
 * RSS or Atom feeds.
 */
feeds: Array<string>, 
/**
 * Google News sitemaps.
 */
sitemaps: Array<string>, };

/**
 * Who owns an outlet, as far as its editorial independence goes.
 */
export type Ownership = "state" | "public" | "government-funded" | "wire" | "private" | "nonprofit";

/**
 * An open comparison: its articles and its matrix.
 */
export type ComparisonView = { 
/**
 * The comparison's name.
 */
name: string, 
/**
 * Its articles, in the order they were added.
 */
articles: Array<ArticleView>, 
/**
 * Sources × articles, with what stands out.
 */
matrix: Comparison, 
/**
 * Articles or corrections that could not be used.
 */
failures: Array<InputFailure>, 
/**
 * How many corrections the researcher has made (and can undo).
 */
corrections: number, };

/**
 * One article of an open comparison.
 */
export type ArticleView = { 
/**
 * The key of its column in the matrix.
 */
key: string, 
/**
 * The outlet it stands for.
 */
outlet: string, 
/**
 * Its headline.
 */
title: string | null, 
/**
 * Its body text, for the reader and the evidence.
 */
text: string, 
/**
 * Where it was read from: the file path or web address as given.
 */
origin: string, 
/**
 * Its web address, when it has one.
 */
url: string | null, 
/**
 * Its publication date, ISO 8601.
 */
date: string | null, 
/**
 * Who wrote it.
 */
byline: string | null, 
/**
 * The Internet Archive capture it was read from, if it was.
 */
archiveUrl: string | null, 
/**
 * The outlet's country (ISO 3166-1 alpha-2), when the registry knows it.
 */
country: string | null, 
/**
 * The outlet's kind of ownership, when the registry knows it.
 */
ownership: Ownership | null, };

/**
 * The whole comparison.
 */
export type Comparison = { 
/**
 * The matrix rows, most widely used first.
 */
sources: Array<Row>, 
/**
 * Sources most articles use that one leaves out.
 */
omissions: Array<Omission>, 
/**
 * Ids of sources only one article uses.
 */
single_article: Array<string>, 
/**
 * Near-copy article pairs.
 */
wire_copies: Array<WireCopy>, 
/**
 * Quotations several outlets share.
 */
shared_quotes: Array<SharedQuote>, 
/**
 * Per-article balance, by article key.
 */
balance: { [key in string]?: Balance }, 
/**
 * The researcher's sides: side name → ids of the sources on it.
 */
sides: { [key in string]?: Array<string> }, 
/**
 * Corrections that no longer apply.
 */
unapplied_corrections: Array<UnappliedCorrection>, };

/**
 * A source resolved across the articles: one row of the matrix.
 */
export type Row = { 
/**
 * Stable id: kind and name, e.g. `person:vladimir-putin`.
 */
id: string, 
/**
 * Canonical name.
 */
name: string, 
/**
 * Kind.
 */
kind: SourceKind, 
/**
 * Every other name the articles use for it.
 */
aliases: Array<string>, 
/**
 * The id of the source it belongs with (a spokesman's organisation).
 */
linked_to: string | null, 
/**
 * Whether a researcher's correction changed it.
 */
corrected: boolean, 
/**
 * One cell per article, by article key.
 */
cells: { [key in string]?: Cell }, };

/**
 * One source in one article.
 */
export type Cell = { 
/**
 * Whether the article uses the source at all.
 */
included: boolean, 
/**
 * Quote, paraphrase or both; absent when not included.
 */
attribution: CellAttribution | null, 
/**
 * How many times the article uses it.
 */
mentions: number, 
/**
 * Words the article gives it in quotation marks.
 */
quoted_words: number, 
/**
 * The sentences that use it.
 */
evidence: Array<Evidence>, };

/**
 * How a source is attributed in one article.
 */
export type CellAttribution = "direct_quote" | "indirect" | "both";

/**
 * A sentence that shows a source being used.
 */
export type Evidence = { 
/**
 * First char of the sentence.
 */
start: number, 
/**
 * One past its last char.
 */
end: number, 
/**
 * The sentence.
 */
text: string, 
/**
 * The mention inside it.
 */
mention: Mention, };

/**
 * One place where an article uses a source.
 */
export type Mention = { 
/**
 * The cue ("said", "according to"), when there is one.
 */
cue: Piece | null, 
/**
 * What is attributed, when it was found.
 */
content: CharSpan | null, 
/**
 * Direct quote or paraphrase.
 */
attribution: AttributionKind, 
/**
 * First char.
 */
start: number, 
/**
 * One past the last char.
 */
end: number, 
/**
 * The covered text.
 */
text: string, };

/**
 * A span and the text it covers.
 */
export type Piece = { 
/**
 * First char.
 */
start: number, 
/**
 * One past the last char.
 */
end: number, 
/**
 * The covered text.
 */
text: string, };

/**
 * A half-open range `[start, end)` of a text, counted in chars.
 */
export type CharSpan = { 
/**
 * First char of the span.
 */
start: number, 
/**
 * One past the last char of the span.
 */
end: number, };

/**
 * What kind of entity a source is.
 */
export type SourceKind = "person" | "organization" | "government_body" | "document" | "media_outlet" | "anonymous" | "other";

/**
 * How an attribution presents what the source said.
 */
export type AttributionKind = "direct_quote" | "indirect";

/**
 * A source most articles use and one leaves out.
 */
export type Omission = { 
/**
 * The source's id.
 */
source: string, 
/**
 * The article that leaves it out.
 */
article: string, 
/**
 * How many of the other articles use it.
 */
included_by: number, };

/**
 * Two articles that are near copies of each other (a shared wire story).
 */
export type WireCopy = { 
/**
 * One article.
 */
a: string, 
/**
 * The other.
 */
b: string, 
/**
 * Share of shared word 5-grams (Jaccard), 0 to 1.
 */
similarity: number, };

/**
 * The same quotation in several outlets.
 */
export type SharedQuote = { 
/**
 * The source it is attributed to.
 */
source: string, 
/**
 * The fullest version.
 */
fullest: string, 
/**
 * Every outlet's version.
 */
versions: Array<QuoteVersion>, };

/**
 * One outlet's version of a shared quotation.
 */
export type QuoteVersion = { 
/**
 * The article.
 */
article: string, 
/**
 * The quotation as this outlet gives it.
 */
text: string, 
/**
 * How it differs from the fullest version.
 */
diff: Array<DiffPiece>, };

/**
 * A piece of a word-level difference.
 */
export type DiffPiece = { 
/**
 * `equal`, `added` or `left_out`, relative to the fullest version.
 */
op: string, 
/**
 * The words.
 */
text: string, };

/**
 * How an article divides its attention among sources.
 */
export type Balance = { 
/**
 * Share of mentions by source kind.
 */
mentions_by_kind: { [key in string]?: number }, 
/**
 * Share of quoted words by source kind.
 */
quoted_words_by_kind: { [key in string]?: number }, 
/**
 * Share of all mentions that go to each researcher-defined group.
 */
mentions_by_group: { [key in string]?: number }, };

/**
 * A correction that could not be applied, and why.
 */
export type UnappliedCorrection = { 
/**
 * Its place in the log.
 */
index: number, 
/**
 * The correction.
 */
correction: Correction, 
/**
 * Why it no longer applies.
 */
reason: string, };

/**
 * A researcher's correction of the machine's analysis.
 */
export type Correction = { "op": "merge", 
/**
 * The source that remains.
 */
into: string, 
/**
 * The source folded into it.
 */
from: string, } | { "op": "split", 
/**
 * The source to split.
 */
source: string, 
/**
 * The names whose mentions move.
 */
aliases: Array<string>, 
/**
 * The new source's name.
 */
name: string, } | { "op": "rename", 
/**
 * The source.
 */
source: string, 
/**
 * Its new name.
 */
name: string, } | { "op": "change_kind", 
/**
 * The source.
 */
source: string, 
/**
 * Its kind.
 */
kind: SourceKind, } | { "op": "not_a_source", 
/**
 * The source.
 */
source: string, } | { "op": "add_mention", 
/**
 * The article.
 */
article: string, 
/**
 * First char of the words standing for the source.
 */
start: number, 
/**
 * One past their last char.
 */
end: number, 
/**
 * The source's id or, for a new source, its name.
 */
source: string, 
/**
 * Quote or paraphrase.
 */
attribution: AttributionKind, } | { "op": "remove_mention", 
/**
 * The article.
 */
article: string, 
/**
 * First char of the mention's source words.
 */
start: number, } | { "op": "side", 
/**
 * The source.
 */
source: string, 
/**
 * The side's name; none, or a blank one, takes the source off.
 */
side: string | null, };
