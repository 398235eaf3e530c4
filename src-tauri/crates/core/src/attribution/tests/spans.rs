//! Source spans, cues, contents and vetoes.

use super::*;

#[test]
fn a_source_inside_a_clause_is_found_with_its_own_cue() {
    let text = "Court jails Marek\n\nA court sentenced Ilse Marek on Thursday for what prosecutors called \
                the misuse of party funds, in a case her supporters say was designed to keep her \
                off the ballot.";
    let sources = analyze(text).sources;
    let cued: Vec<(&str, &str)> = sources
        .iter()
        .map(|s| {
            let cue = s.mentions[0].cue.as_ref().map_or("", |c| c.text.as_str());
            (s.mentions[0].source.text.as_str(), cue)
        })
        .collect();
    assert_eq!(cued, [("prosecutors", "called"), ("her supporters", "say")]);

    let label = "Rates rise\n\nThe Bank of Marvania took what its governor called “decisive action” on Wednesday. \
                 Governor Teodor Lisk said the rise would curb inflation.";
    let sources = analyze(label).sources;
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert_eq!(sources[0].name, "Teodor Lisk");
    assert!(sources[0].aliases.contains(&"its governor".to_string()));

    let nothing = "Plan approved\n\nThe plan was what the residents wanted all along.";
    assert!(analyze(nothing).sources.is_empty());
}

#[test]
fn a_document_closing_its_sentence_may_take_eight_words() {
    let closing = |text: &str| {
        let tokens = tokenize(text);
        let tags = vec![Tag::Outside; tokens.len()];
        let cue = tokens.iter().position(|t| t.text == "showed").unwrap();
        closing_subject(&tokens, &tags, (cue, cue)).map(|(a, b)| {
            CharSpan::new(tokens[a].span.start, tokens[b].span.end)
                .slice(text)
                .unwrap()
                .to_string()
        })
    };
    assert_eq!(
        closing(
            "Water stayed warm for 11 weeks, data from the regional monitoring network OceanWatch showed."
        )
        .as_deref(),
        Some("data from the regional monitoring network OceanWatch")
    );
    assert_eq!(
        closing(
            "Water stayed warm for weeks, the long and careful work of many divers showed."
        ),
        None,
        "a phrase of more than five words needs to be a document"
    );
}

#[test]
fn a_poll_is_a_source_by_the_verb_that_states_its_finding() {
    let found_with_cues = |text: &str| -> Vec<(String, SourceKind, String)> {
        analyze(text)
            .sources
            .into_iter()
            .map(|s| {
                let cue = s.mentions[0]
                    .cue
                    .as_ref()
                    .map_or("", |c| c.text.as_str())
                    .to_string();
                (s.name, s.kind, cue)
            })
            .collect()
    };
    let race = "Leaders debate\n\nThe leaders met on Tuesday, with polls showing the race too close to call. \
                Her party has led in most polls since the summer, but a survey published by the daily \
                Ostburg Posten on Monday put the Moderates two points ahead.\n\n\
                Polls published last month put the two parties level.";
    let found = found_with_cues(race);
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "polls",
            "survey published by the daily Ostburg Posten on Monday",
            "Polls published last month"
        ],
        "{found:?}"
    );
    assert!(found
        .iter()
        .all(|(_, kind, _)| *kind == SourceKind::Document));
    let cues: Vec<&str> = found.iter().map(|(_, _, c)| c.as_str()).collect();
    assert_eq!(cues, ["showing", "put", "put"]);
}

#[test]
fn a_country_that_speaks_is_its_government() {
    assert_eq!(
        found(
            "Tanker seized\n\nMerovian forces boarded the tanker on Thursday. \
               Merovia has said the ship collided with a fishing boat."
        ),
        [("Merovia".to_string(), SourceKind::GovernmentBody)]
    );
    assert_eq!(
        found(
            "Tanker seized\n\nTarsland's foreign secretary flew to the gulf. \
               Tarsland said it would send two frigates."
        ),
        [("Tarsland".to_string(), SourceKind::GovernmentBody)]
    );
    assert_eq!(
        found("Match report\n\nThe striker scored twice. Jordan said the team had earned the win."),
        [("Jordan".to_string(), SourceKind::Person)]
    );
}

#[test]
fn a_verdict_or_a_deal_agreed_to_is_an_act_not_something_said() {
    let is_act = |text: &str, verb: &str| {
        let tokens = tokenize(text);
        let cue = tokens.iter().position(|t| t.text == verb).unwrap();
        reports_an_act(&tokens, (cue, cue))
    };
    assert!(is_act(
        "The court on Thursday found former MP Ilse Marek guilty of fraud.",
        "found"
    ));
    assert!(is_act("A jury found the company not liable.", "found"));
    assert!(!is_act(
        "The inquiry found that the operator was liable for the spill.",
        "found"
    ));
    assert!(!is_act(
        "The audit found serious gaps in the records.",
        "found"
    ));
    assert!(is_act("Lumora Systems has agreed to buy Vexa.", "agreed"));
    assert!(!is_act(
        "Both sides agreed that the talks had failed.",
        "agreed"
    ));
}

#[test]
fn a_subject_whose_verb_is_joined_to_said_is_the_source() {
    let names = |text: &str| -> Vec<String> {
        analyze(text).sources.into_iter().map(|s| s.name).collect()
    };
    assert_eq!(
        names("Tarsland condemns seizure\n\nTarsland on Thursday condemned the seizure of the tanker and said it was considering naval escorts."),
        ["Tarsland"]
    );
    assert!(names("Schools shut in heatwave\n\nAuthorities closed schools in four provinces and told outdoor workers to stop at noon.").is_empty());
}

#[test]
fn the_ones_spoken_to_or_about_in_a_passive_are_not_sources() {
    let names = |text: &str| -> Vec<String> {
        analyze(text).sources.into_iter().map(|s| s.name).collect()
    };
    for text in [
        "Residents told to keep away from the Harlow after chemical leak\n\nThe council closed the towpath on Friday.",
        "Agency investigates leak as fish deaths reported on the Harlow\n\nThe plant was shut on Friday.",
        "The villagers were told on Sunday that the road would stay closed.",
    ] {
        let found = names(text);
        assert!(
            !found.iter().any(|n| ["Residents", "fish", "villagers", "The villagers"].contains(&n.as_str())),
            "{text}: {found:?}"
        );
    }
    let active = names("Local officials reported on Monday that 40 houses had been flooded, and Mayor Joan Petrakis told reporters the town would rebuild.");
    assert!(active.iter().any(|n| n.contains("Petrakis")), "{active:?}");
    assert!(active.iter().any(|n| n.contains("officials")), "{active:?}");
}

#[test]
fn reporting_verbs_the_tagger_missed_still_attribute() {
    let survey = found(
        "A poll of 600 dockworkers, commissioned by the union in March, found that most \
         would accept arbitration.",
    );
    assert!(
        survey.iter().any(|(_, kind)| *kind == SourceKind::Document),
        "{survey:?}"
    );
    assert_eq!(
        found("Economists at Vestbank estimated in a note to clients that the strike cost 40 million crowns a day."),
        [("Vestbank".to_string(), SourceKind::Organization)]
    );
    assert_eq!(
        found("Ada Lunde, the port’s director, said the offer was fair."),
        [("Ada Lunde".to_string(), SourceKind::Person)]
    );
}

#[test]
fn the_subject_of_what_is_said_is_not_an_inverted_speaker() {
    let text = "Its president, Ola Brekk, said many members were already working two jobs. \
                Ines Varga, a second-year law student, said she had slept in the hall. \
                “We stay,” Brekk told The Harrow Record, the student newspaper.";
    let names: Vec<(String, SourceKind)> = found(text);
    assert_eq!(
        names,
        [
            ("Ola Brekk".to_string(), SourceKind::Person),
            ("Ines Varga".to_string(), SourceKind::Person),
        ]
    );
}

#[test]
fn a_short_phrase_before_a_closing_cue_is_its_source() {
    let statement =
        found("Most of the fund went to two of the minister's allies, the audit found.");
    assert_eq!(
        statement,
        [("audit".to_string(), SourceKind::Document)],
        "{statement:?}"
    );
    let described = found(
        "Its yearly compliance audit was published on Monday.\n\n\
         Most of the fund went to two of the minister's allies, the audit found.",
    );
    assert_eq!(
        described,
        [("yearly compliance audit".to_string(), SourceKind::Document)],
        "{described:?}"
    );
}

#[test]
fn a_source_inside_what_another_says_is_not_one() {
    let closing = names(
        "Two of the company's banks have asked for new terms on their loans, \
         people familiar with the matter said.",
    );
    assert_eq!(closing, ["people familiar with the matter"], "{closing:?}");
    let argued =
        names("The union's lawyers have argued that the strike is legal, officials said.");
    assert_eq!(argued, ["officials"], "{argued:?}");
}

#[test]
fn a_source_does_not_reach_back_into_the_paragraph_before() {
    let critics = names(
        "The mayor backed the plan. Read the plan\n\n\
         Residents wrote in a petition that the square should stay open.",
    );
    assert!(critics.contains(&"Residents".to_string()), "{critics:?}");
}

#[test]
fn a_span_inside_another_is_dropped() {
    let mut spans = vec![(3, 4), (3, 9), (12, 12), (14, 15)];
    drop_nested(&mut spans);
    assert_eq!(spans, [(3, 9), (12, 12), (14, 15)]);
}

#[test]
fn a_restrictive_clause_is_part_of_its_speaker_and_refusals_and_warnings_received_say_nothing()
{
    let clause = names("Roof\n\nThe roof had leaked for years, people who work there said.");
    assert_eq!(clause, ["people who work there"], "{clause:?}");
    let warned = names(
        "Ferry\n\nThe ferry company had been warned about the engines, \
         according to an inspection report.",
    );
    assert_eq!(warned, ["inspection report"], "{warned:?}");
    assert_eq!(
        names("Raids\n\nPolice refused to confirm the arrests."),
        Vec::<String>::new()
    );
}

#[test]
fn one_who_had_been_warned_was_told_and_one_who_has_been_saying_tells() {
    let passive = |text: &str| {
        let tokens = tokenize(text);
        passive_cue(&tokens, (2, 4), (0, 1), true, true)
    };
    assert!(passive("The stadium had been warned about its roof"));
    assert!(passive("The owners have been told about the cracks"));
    assert!(!passive("The union has been saying for months"));
}

#[test]
fn the_subject_of_a_sentence_ending_in_saying_says_it() {
    let fares = names(
        "Fares\n\nTARNOV, May 2 (Baltic Wire) — Tarnov's transport authority raised bus \
         fares by 8% on Monday, saying fuel costs had doubled since the autumn.",
    );
    assert_eq!(fares, ["Tarnov's transport authority"], "{fares:?}");
    let tokens = tokenize("The board closed the pool, saying the water was unsafe.");
    let sentences = sentence_ids(&tokens);
    let cue = tokens.iter().position(|t| t.text == "saying").unwrap();
    assert_eq!(saying_subject(&tokens, &sentences, cue), Some((0, 1)));
    let quoted = tokenize("“We closed it,” the board said, saying more later.");
    let cue = quoted.iter().position(|t| t.text == "saying").unwrap();
    assert_eq!(saying_subject(&quoted, &sentence_ids(&quoted), cue), None);
}

#[test]
fn a_document_opening_a_sentence_shows_what_it_reports() {
    let figures = found(
        "Schools\n\nThe region's own figures show that enrolment has fallen by a quarter \
         since 2015.",
    );
    assert_eq!(
        figures,
        [("region's own figures".to_string(), SourceKind::Document)],
        "{figures:?}"
    );
}

#[test]
fn whom_a_speaker_told_is_the_venue_not_a_source() {
    let told = names(
        "Outage\n\nConsumer lawyer Ana Ruiz told RTN that customers could claim \
         compensation.",
    );
    assert_eq!(told, ["Ana Ruiz"], "{told:?}");
    let interviewer = names(
        "Talks\n\n“We had nothing to do with it,” Foreign Minister Ali Rahimi told the \
         BBC's Lyse Doucet.",
    );
    assert_eq!(interviewer, ["Ali Rahimi"], "{interviewer:?}");
    // A medium that reports is still credited.
    let reported = names("Talks\n\nSky News reported that the suspects had left in May.");
    assert_eq!(reported, ["Sky News"], "{reported:?}");
}
