//! PolNeAR: reading its brat annotations, training the attribution tagger
//! on the train split, and scoring it on dev.
//!
//! Spans are char offsets (code points) into the exact file text; a span may
//! be discontinuous (fragments joined by `;`); a record's covered text may
//! run over several lines, so records start only at `T<n>\t`/`E<n>\t`/`#<n>\t`.
//! Articles annotated by several people are read from the lowest annotator id.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use sourcelens_core::tagger::{self, Model, Tag};
use sourcelens_core::tokens::{tokenize, Token};
use sourcelens_core::CharSpan;

/// One annotated attribution.
#[derive(Debug, Default, Clone)]
pub struct Relation {
    /// The source's fragments, if it has a source.
    pub source: Vec<CharSpan>,
    /// The cue's fragments.
    pub cue: Vec<CharSpan>,
    /// The content's fragments (both content spans).
    pub content: Vec<CharSpan>,
}

/// One role's fragments of a relation: its source, cue or content.
type Fragments = fn(&Relation) -> &Vec<CharSpan>;

/// An article and its attributions.
pub struct Document {
    /// The exact text.
    pub text: String,
    /// Its attributions.
    pub relations: Vec<Relation>,
}

fn parse_fragments(spec: &str) -> Option<Vec<CharSpan>> {
    spec.split(';')
        .map(|fragment| {
            let mut bounds = fragment.split_whitespace();
            let start = bounds.next()?.parse().ok()?;
            let end = bounds.next()?.parse().ok()?;
            (start <= end).then(|| CharSpan::new(start, end))
        })
        .collect()
}

/// Parses a brat `.ann` file into relations.
pub fn parse_ann(ann: &str) -> Vec<Relation> {
    let mut spans: HashMap<&str, (&str, Vec<CharSpan>)> = HashMap::new();
    let mut events: Vec<&str> = Vec::new();
    for line in ann.lines() {
        let Some((id, rest)) = line.split_once('\t') else {
            continue;
        };
        let is_record = id.len() > 1 && id[1..].chars().all(|c| c.is_ascii_digit());
        if !is_record {
            continue;
        }
        match id.as_bytes()[0] {
            b'T' => {
                let spec = rest.split('\t').next().unwrap_or("");
                let Some((kind, fragments)) = spec.split_once(' ') else {
                    continue;
                };
                if let Some(fragments) = parse_fragments(fragments) {
                    spans.insert(id, (kind, fragments));
                }
            }
            b'E' => events.push(rest),
            _ => {}
        }
    }
    events
        .into_iter()
        .map(|event| {
            let mut relation = Relation::default();
            for role in event.split_whitespace() {
                let Some((role, target)) = role.split_once(':') else {
                    continue;
                };
                let Some((_, fragments)) = spans.get(target) else {
                    continue;
                };
                match role {
                    "Source" => relation.source.extend(fragments),
                    "Cue" => relation.cue.extend(fragments),
                    r if r.starts_with("Content") => relation.content.extend(fragments),
                    _ => {}
                }
            }
            relation
        })
        .collect()
}

/// The annotation files of a split's articles, by article name, each
/// article's files in annotator order.
fn annotation_files(dir: &Path) -> anyhow::Result<BTreeMap<String, Vec<PathBuf>>> {
    let ann_dir = dir.join("attributions");
    let entries = std::fs::read_dir(&ann_dir).with_context(|| {
        format!(
            "cannot read {}: is {} a PolNeAR split?",
            ann_dir.display(),
            dir.display()
        )
    })?;
    let mut files: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in entries {
        let path = entry?.path();
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if let Some((doc, _annotator)) = name.rsplit_once('_') {
            files.entry(doc.to_string()).or_default().push(path);
        }
    }
    for paths in files.values_mut() {
        paths.sort();
    }
    Ok(files)
}

fn read_relations(path: &Path) -> anyhow::Result<Vec<Relation>> {
    let ann =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(parse_ann(&ann))
}

/// Reads a split directory (`text/` and `attributions/`).
pub fn read_split(dir: &Path) -> anyhow::Result<Vec<Document>> {
    let mut documents = Vec::new();
    for (doc, paths) in annotation_files(dir)? {
        let text_path = dir.join("text").join(format!("{doc}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("cannot read {}", text_path.display()))?;
        documents.push(Document {
            text,
            relations: read_relations(&paths[0])?,
        });
    }
    if documents.is_empty() {
        bail!("{} holds no annotated articles", dir.display());
    }
    Ok(documents)
}

/// The gold tag of every token: the role whose fragment covers the token's
/// first char, `…Start` on a fragment's first token. Cues win over sources,
/// sources over content, where annotations overlap.
pub fn gold_tags(tokens: &[Token<'_>], relations: &[Relation]) -> Vec<Tag> {
    let mut tags = vec![Tag::Outside; tokens.len()];
    let roles: [(Fragments, Tag, Tag); 3] = [
        (|r| &r.content, Tag::ContentStart, Tag::Content),
        (|r| &r.source, Tag::SourceStart, Tag::Source),
        (|r| &r.cue, Tag::CueStart, Tag::Cue),
    ];
    for (fragments_of, start_tag, inside_tag) in roles {
        for relation in relations {
            for fragment in fragments_of(relation) {
                let mut first = true;
                for (i, token) in tokens.iter().enumerate() {
                    if token.span.start >= fragment.start && token.span.start < fragment.end {
                        tags[i] = if first { start_tag } else { inside_tag };
                        first = false;
                    }
                }
            }
        }
    }
    tags
}

/// Spans of one role in a tag sequence.
pub fn predicted_spans(tokens: &[Token<'_>], tags: &[Tag], role: usize) -> Vec<CharSpan> {
    tagger::spans(tags, role)
        .into_iter()
        .map(|(first, last)| CharSpan::new(tokens[first].span.start, tokens[last].span.end))
        .collect()
}

/// A discontinuous span as one, from its first char to its last.
fn extent(fragments: &[CharSpan]) -> CharSpan {
    CharSpan::new(
        fragments.iter().map(|f| f.start).min().unwrap_or(0),
        fragments.iter().map(|f| f.end).max().unwrap_or(0),
    )
}

/// Counts for precision and recall under overlap and exact matching.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    predicted: usize,
    gold: usize,
    predicted_overlapping: usize,
    gold_overlapped: usize,
    exact: usize,
}

impl Counts {
    fn add(&mut self, predicted: &[CharSpan], gold: &[Vec<CharSpan>]) {
        self.predicted += predicted.len();
        self.gold += gold.len();
        let hits = |p: &CharSpan, g: &[CharSpan]| g.iter().any(|f| f.overlaps(p));
        self.predicted_overlapping += predicted
            .iter()
            .filter(|p| gold.iter().any(|g| hits(p, g)))
            .count();
        self.gold_overlapped += gold
            .iter()
            .filter(|g| predicted.iter().any(|p| hits(p, g)))
            .count();
        self.exact += gold
            .iter()
            .filter(|g| predicted.contains(&extent(g)))
            .count();
    }

    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 {
            0.0
        } else {
            a as f64 / b as f64
        }
    }

    fn f1(p: f64, r: f64) -> f64 {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Overlap precision, recall and F1.
    pub fn overlap(&self) -> (f64, f64, f64) {
        let p = Self::ratio(self.predicted_overlapping, self.predicted);
        let r = Self::ratio(self.gold_overlapped, self.gold);
        (p, r, Self::f1(p, r))
    }

    /// Exact-match precision, recall and F1.
    pub fn exact(&self) -> (f64, f64, f64) {
        let p = Self::ratio(self.exact, self.predicted);
        let r = Self::ratio(self.exact, self.gold);
        (p, r, Self::f1(p, r))
    }
}

/// Words of cue spans that are cues often enough to count: seen in at
/// least this many cues, and in a cue at least this share of the times
/// they occur at all (which keeps "to" of "according to" out).
const LEXICON_MIN_COUNT: usize = 3;
const LEXICON_MIN_SHARE: f64 = 0.05;

/// The cue lexicon of a training split, one word per line with its counts:
/// times in a cue, times in all text, and times in a cue that comes before
/// its source ("said Putin"), which is how inversions are told apart.
fn cue_lexicon(documents: &[Document]) -> String {
    let mut in_cues: HashMap<String, usize> = HashMap::new();
    let mut inverted: HashMap<String, usize> = HashMap::new();
    let mut overall: HashMap<String, usize> = HashMap::new();
    for document in documents {
        let tokens = tokenize(&document.text);
        for token in &tokens {
            *overall.entry(token.text.to_lowercase()).or_default() += 1;
        }
        for relation in &document.relations {
            let source_start = relation.source.iter().map(|s| s.start).min();
            for cue in &relation.cue {
                let before_source = source_start.is_some_and(|s| s >= cue.end);
                for token in tokens
                    .iter()
                    .filter(|t| t.span.start >= cue.start && t.span.start < cue.end)
                {
                    if token.text.chars().any(char::is_alphabetic) {
                        *in_cues.entry(token.text.to_lowercase()).or_default() += 1;
                        if before_source {
                            *inverted.entry(token.text.to_lowercase()).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    let mut words: Vec<(String, usize, usize, usize)> = in_cues
        .into_iter()
        .map(|(word, count)| {
            let total = overall.get(&word).copied().unwrap_or(count);
            let before = inverted.get(&word).copied().unwrap_or(0);
            (word, count, total, before)
        })
        .filter(|(_, count, total, _)| {
            *count >= LEXICON_MIN_COUNT && *count as f64 / *total as f64 >= LEXICON_MIN_SHARE
        })
        .collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = String::from(
        "# Cue words learned from PolNeAR train by `sourcelens train polnear`:\n\
         # word, times in a cue, times in all text, times in a cue before its source.\n",
    );
    for (word, count, total, before) in words {
        out.push_str(&format!("{word}\t{count}\t{total}\t{before}\n"));
    }
    out
}

/// `sourcelens train polnear DIR --out FILE`: writes the model to FILE and
/// the cue lexicon to `cue-lexicon.tsv` beside it.
pub fn train(dir: &Path, out: &Path, epochs: usize, min_weight: f32) -> anyhow::Result<()> {
    let documents = read_split(&dir.join("train"))?;
    let data: Vec<(Vec<Token<'_>>, Vec<Tag>)> = documents
        .iter()
        .map(|d| {
            let tokens = tokenize(&d.text);
            let tags = gold_tags(&tokens, &d.relations);
            (tokens, tags)
        })
        .collect();
    let mut model = Model::train(&data, epochs);
    model.prune(min_weight);
    std::fs::write(out, model.to_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    let lexicon = out.with_file_name("cue-lexicon.tsv");
    std::fs::write(&lexicon, cue_lexicon(&documents))
        .with_context(|| format!("cannot write {}", lexicon.display()))?;
    println!(
        "trained on {} articles, {} epochs: {} features -> {}",
        documents.len(),
        epochs,
        model.len(),
        out.display()
    );
    Ok(())
}

/// `sourcelens eval polnear DIR`: source and cue spans on the dev split,
/// as `model` tags them and (`engine_` figures) as the analysis engine,
/// with its built-in model and its rules, reports its mentions.
pub fn eval(dir: &Path, model: &Model) -> anyhow::Result<()> {
    let documents = read_split(&dir.join("dev"))?;
    let (mut sources, mut cues) = (Counts::default(), Counts::default());
    let (mut engine_sources, mut engine_cues) = (Counts::default(), Counts::default());
    let mut tagging = std::time::Duration::ZERO;
    let mut words = 0;
    for document in &documents {
        let started = std::time::Instant::now();
        let tokens = tokenize(&document.text);
        let tags = model.tag(&tokens);
        tagging += started.elapsed();
        words += tokens.len();
        let gold_sources = gold_spans(&document.relations, |r| &r.source);
        let gold_cues = gold_spans(&document.relations, |r| &r.cue);
        sources.add(&predicted_spans(&tokens, &tags, 0), &gold_sources);
        cues.add(&predicted_spans(&tokens, &tags, 1), &gold_cues);
        let analysis = sourcelens_core::attribution::analyze(&document.text);
        let mentions = analysis.sources.iter().flat_map(|s| &s.mentions);
        let (mentioned, cued): (Vec<CharSpan>, Vec<Option<CharSpan>>) = mentions
            .map(|m| {
                let cue = m.cue.as_ref().map(|c| CharSpan::new(c.start, c.end));
                (CharSpan::new(m.source.start, m.source.end), cue)
            })
            .unzip();
        engine_sources.add(&mentioned, &gold_sources);
        engine_cues.add(&cued.into_iter().flatten().collect::<Vec<_>>(), &gold_cues);
    }
    let (sp, sr, sf) = sources.overlap();
    let (_, _, sf_exact) = sources.exact();
    let (cp, cr, cf) = cues.overlap();
    let (_, _, cf_exact) = cues.exact();
    let (esp, esr, esf) = engine_sources.overlap();
    let (_, _, ecf) = engine_cues.overlap();
    println!(
        "articles={} source_p={sp:.4} source_r={sr:.4} source_f1={sf:.4} source_exact_f1={sf_exact:.4} cue_p={cp:.4} cue_r={cr:.4} cue_f1={cf:.4} cue_exact_f1={cf_exact:.4} engine_source_p={esp:.4} engine_source_r={esr:.4} engine_source_f1={esf:.4} engine_cue_f1={ecf:.4} ms_per_1000_tokens={:.3}",
        documents.len(),
        tagging.as_secs_f64() * 1000.0 / (words as f64 / 1000.0)
    );
    Ok(())
}

/// Each relation's source or cue as one span, from its first to its last
/// char, without repeats: what a tagger that marks runs of tokens outputs.
fn whole_spans(relations: &[Relation], fragments_of: Fragments) -> Vec<CharSpan> {
    let mut spans: Vec<CharSpan> = relations
        .iter()
        .map(fragments_of)
        .filter(|f| !f.is_empty())
        .map(|f| extent(f))
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    spans.dedup();
    spans
}

/// Each relation's source or cue fragments, as gold for [`Counts::add`].
fn gold_spans(relations: &[Relation], fragments_of: Fragments) -> Vec<Vec<CharSpan>> {
    relations
        .iter()
        .map(fragments_of)
        .filter(|f| !f.is_empty())
        .cloned()
        .collect()
}

/// The spans that a strict majority of `annotators` marked: a span of one
/// annotator counts when more than half of them have a span overlapping it,
/// and is kept once, unless an overlapping span is kept already.
fn majority_spans(annotators: &[Vec<CharSpan>]) -> Vec<CharSpan> {
    let needed = annotators.len() / 2 + 1;
    let mut kept: Vec<CharSpan> = Vec::new();
    for span in annotators.iter().flatten() {
        let votes = annotators
            .iter()
            .filter(|spans| spans.iter().any(|s| s.overlaps(span)))
            .count();
        if votes >= needed && !kept.iter().any(|k| k.overlaps(span)) {
            kept.push(*span);
        }
    }
    kept
}

/// Agreement on one role: each annotator's spans read as predictions
/// against each other annotator, and the spans most of the other
/// annotators marked read as predictions against the one left out.
#[derive(Default)]
struct Agreement {
    pairwise: Counts,
    majority: Counts,
}

impl Agreement {
    fn add(&mut self, annotations: &[Vec<Relation>], fragments_of: Fragments) {
        let marked: Vec<Vec<CharSpan>> = annotations
            .iter()
            .map(|a| whole_spans(a, fragments_of))
            .collect();
        for (i, gold) in annotations.iter().enumerate() {
            let gold = gold_spans(gold, fragments_of);
            let others: Vec<Vec<CharSpan>> = (0..marked.len())
                .filter(|&j| j != i)
                .map(|j| marked[j].clone())
                .collect();
            for spans in &others {
                self.pairwise.add(spans, &gold);
            }
            self.majority.add(&majority_spans(&others), &gold);
        }
    }

    fn print(&self, role: &str) -> String {
        let (p, r, f) = self.pairwise.overlap();
        let (_, _, exact) = self.pairwise.exact();
        let (mp, mr, mf) = self.majority.overlap();
        format!(
            "{role}_p={p:.4} {role}_r={r:.4} {role}_f1={f:.4} {role}_exact_f1={exact:.4} \
             majority_{role}_p={mp:.4} majority_{role}_r={mr:.4} majority_{role}_f1={mf:.4}"
        )
    }
}

/// `sourcelens eval polnear-agreement DIR`: how far PolNeAR's annotators
/// agree with each other, on the articles of both splits that several of
/// them annotated, with the metric of [`eval`]. Every annotator is scored
/// against every other (`source_f1`), and the spans most of the others
/// marked are scored against the one left out (`majority_source_f1`): about
/// the best a model that learned what annotators agree on can score against
/// one annotator's work.
pub fn agreement(dir: &Path) -> anyhow::Result<()> {
    let (mut sources, mut cues) = (Agreement::default(), Agreement::default());
    let mut articles = 0;
    for split in ["train", "dev"] {
        for paths in annotation_files(&dir.join(split))?.values() {
            if paths.len() < 3 {
                continue;
            }
            articles += 1;
            let annotations = paths
                .iter()
                .map(|p| read_relations(p))
                .collect::<anyhow::Result<Vec<_>>>()?;
            sources.add(&annotations, |r| &r.source);
            cues.add(&annotations, |r| &r.cue);
        }
    }
    if articles == 0 {
        bail!(
            "{} holds no article annotated by three or more people",
            dir.display()
        );
    }
    println!(
        "articles={articles} {} {}",
        sources.print("source"),
        cues.print("cue")
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: &str =
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tit rained hard\n\
                       T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n\
                       T5\tDiscard 40 45\tspan\nwith a newline\n";

    #[test]
    fn brat_relations_are_read_with_discontinuous_fragments() {
        let relations = parse_ann(ANN);
        assert_eq!(relations.len(), 1);
        assert_eq!(relations[0].source, [CharSpan::new(0, 5)]);
        assert_eq!(
            relations[0].content,
            [CharSpan::new(11, 20), CharSpan::new(25, 30)]
        );
    }

    #[test]
    fn gold_tags_mark_fragment_starts() {
        let text = "Smith said it rained.";
        let tokens = tokenize(text);
        let relations = vec![Relation {
            source: vec![CharSpan::new(0, 5)],
            cue: vec![CharSpan::new(6, 10)],
            content: vec![CharSpan::new(11, 20)],
        }];
        use Tag::*;
        assert_eq!(
            gold_tags(&tokens, &relations),
            [SourceStart, CueStart, ContentStart, Content, Outside]
        );
        assert_eq!(
            predicted_spans(&tokens, &gold_tags(&tokens, &relations), 2),
            [CharSpan::new(11, 20)]
        );
    }

    #[test]
    fn overlap_and_exact_matching_count_as_the_metric_says() {
        let mut counts = Counts::default();
        let gold = vec![vec![CharSpan::new(0, 10)], vec![CharSpan::new(20, 25)]];
        counts.add(
            &[
                CharSpan::new(5, 10),
                CharSpan::new(20, 25),
                CharSpan::new(40, 45),
            ],
            &gold,
        );
        let (p, r, _) = counts.overlap();
        assert_eq!((p, r), (2.0 / 3.0, 1.0));
        let (p, r, _) = counts.exact();
        assert_eq!((p, r), (1.0 / 3.0, 0.5));
    }

    fn sourced(source: (usize, usize)) -> Relation {
        Relation {
            source: vec![CharSpan::new(source.0, source.1)],
            ..Relation::default()
        }
    }

    #[test]
    fn a_majority_span_is_one_most_annotators_overlap_kept_once() {
        let annotators = vec![
            vec![CharSpan::new(0, 5), CharSpan::new(10, 15)],
            vec![CharSpan::new(1, 4)],
            vec![CharSpan::new(0, 6), CharSpan::new(20, 25)],
        ];
        assert_eq!(majority_spans(&annotators), [CharSpan::new(0, 5)]);
        assert!(majority_spans(&annotators[..1]).len() == 2);
    }

    #[test]
    fn annotators_are_scored_against_each_other_and_against_the_rest() {
        let agreeing = vec![sourced((0, 5)), sourced((10, 15))];
        let mut agreement = Agreement::default();
        agreement.add(
            &[agreeing.clone(), agreeing.clone(), agreeing.clone()],
            |r| &r.source,
        );
        assert_eq!(agreement.pairwise.overlap(), (1.0, 1.0, 1.0));
        assert_eq!(agreement.majority.overlap(), (1.0, 1.0, 1.0));

        let mut agreement = Agreement::default();
        let dissenting = vec![sourced((30, 35))];
        agreement.add(&[agreeing.clone(), agreeing, dissenting], |r| &r.source);
        let (p, r, _) = agreement.pairwise.overlap();
        // Of the 6 ordered pairs, the two between the agreeing annotators
        // match their 4 spans; the 6 spans of the four pairs with the
        // dissenter match nothing.
        assert_eq!((p, r), (4.0 / 10.0, 4.0 / 10.0));
        let (p, r, _) = agreement.majority.overlap();
        // Left out, each agreeing annotator faces a tie with no majority;
        // the dissenter faces the two who agree, who outvote it.
        assert_eq!((p, r), (0.0, 0.0));
    }
}
