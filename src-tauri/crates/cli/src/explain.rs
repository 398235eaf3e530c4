//! `analyze --explain`: for each source of each article, which passes of the
//! attribution pipeline proposed, changed, paired or dropped its mentions,
//! and the candidates that were dropped, with the reason, so that a wrong
//! source can be traced to the pass that made it.

use std::io::Write;

use sourcelens_core::attribution::{explain, ExplainedStep};
use sourcelens_service::Analysed;

fn overlaps(step: &ExplainedStep, start: usize, end: usize) -> bool {
    step.span.start < end && start < step.span.end
}

fn print_step(out: &mut impl Write, step: &ExplainedStep, indent: &str) -> std::io::Result<()> {
    writeln!(
        out,
        "{indent}{:<26} “{}” {}..{}: {}",
        step.pass, step.span.text, step.span.start, step.span.end, step.action
    )
}

/// Prints the explanation of every analysed article.
pub fn print(out: &mut impl Write, analysed: &[Analysed]) -> std::io::Result<()> {
    for article in analysed {
        let explanation = explain(&article.text);
        writeln!(out, "{}", crate::analysis::heading(article))?;
        for source in &explanation.analysis.sources {
            let kind = serde_json::to_value(source.kind).unwrap_or_default();
            writeln!(out, "  {} ({})", source.name, kind.as_str().unwrap_or(""))?;
            for mention in &source.mentions {
                let (start, end) = (mention.source.start, mention.source.end);
                writeln!(out, "    “{}” {start}..{end}", mention.source.text)?;
                for step in explanation.steps.iter().filter(|s| overlaps(s, start, end)) {
                    print_step(out, step, "      ")?;
                }
            }
        }
        let mentioned = |step: &ExplainedStep| {
            explanation.analysis.sources.iter().any(|s| {
                s.mentions
                    .iter()
                    .any(|m| overlaps(step, m.source.start, m.source.end))
            })
        };
        let dropped: Vec<&ExplainedStep> = explanation
            .steps
            .iter()
            .filter(|s| s.action.starts_with("dropped") && !mentioned(s))
            .collect();
        if !dropped.is_empty() {
            writeln!(out, "  Candidates that are no source:")?;
            for step in dropped {
                print_step(out, step, "    ")?;
            }
        }
    }
    Ok(())
}
