//! Kinds, names and the grouping of mentions into sources.

use super::*;

#[test]
fn he_is_the_last_person_named_outside_quotations_and_places() {
    let text = "Trump rallies\n\nBen Carson spoke in Iowa. “I can beat Hillary Clinton,” he said. \
                The crowd in Las Vegas cheered, he said.";
    let names: Vec<String> = analyze(text).sources.into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["Ben Carson"], "{names:?}");
}

#[test]
fn sentences_end_at_stops_but_not_after_titles_or_initials() {
    let tokens = tokenize("Mr. Smith met Gen. Jones. Then J. K. Rowling spoke! “Yes.” Done");
    let ids = sentence_ids(&tokens);
    let id = |w: &str| ids[tokens.iter().position(|t| t.text == w).unwrap()];
    assert_eq!(id("Smith"), id("Jones"));
    assert_eq!(id("Then"), id("Rowling"));
    assert_ne!(id("Jones"), id("Then"));
    assert_ne!(id("spoke"), id("Yes"));
    assert_ne!(id("Yes"), id("Done"));
}

#[test]
fn speakers_for_a_person_ages_possessive_roles_and_press_offices_are_read() {
    let text = "Court jails Marek\n\nIlse Marek was sentenced on Thursday. \
                Marek, 54, denied the charges throughout the trial. \
                Lawyers for Marek say the court ignored bank records. \
                Rehn, her lawyer, wrote on Facebook that the ruling was a copy of the indictment. \
                Transparency watchdog Clearview said the trial had been marred by irregularities. \
                The court's press office said the verdict could be appealed.";
    assert_eq!(
        found(text),
        [
            ("Ilse Marek".to_string(), SourceKind::Person),
            ("Lawyers for Marek".to_string(), SourceKind::Other),
            ("Rehn".to_string(), SourceKind::Person),
            ("Clearview".to_string(), SourceKind::Organization),
            (
                "court's press office".to_string(),
                SourceKind::GovernmentBody
            ),
        ]
    );
}

#[test]
fn a_surname_takes_the_full_name_not_the_word_opening_its_clause() {
    let text = "Rally in Ohio\n\nBusiness leader Donald Trump toured a plant in Ohio.\n\n\
                Although Trump said he would win the state, his staff were less sure.";
    assert_eq!(
        found(text)[0],
        ("Donald Trump".to_string(), SourceKind::Person)
    );
}

#[test]
fn studies_data_groups_and_speakers_with_ages_are_read_whole() {
    let text = "Corals bleached in record heat\n\n\
        Half the corals bleached last year, according to a study published on Wednesday in the journal Marine Ecology Letters.\n\n\
        Researchers from the University of Port Adria surveyed 212 reefs. They found that one in ten colonies had died.\n\n\
        Boffins who surveyed more than 200 reefs say the damage is the worst ever recorded there.\n\n\
        Dive instructor Luca Moretti, 41, who has taken tourists to the reefs for 15 years, told reporters the season was lost.";
    let sources = found(text);
    assert_eq!(
        sources,
        [
            (
                "study published on Wednesday in the journal Marine Ecology Letters"
                    .to_string(),
                SourceKind::Document
            ),
            (
                "Researchers from the University of Port Adria".to_string(),
                SourceKind::Organization
            ),
            (
                "Boffins who surveyed more than 200 reefs".to_string(),
                SourceKind::Person
            ),
            ("Luca Moretti".to_string(), SourceKind::Person),
        ]
    );
}

#[test]
fn datelines_disputes_surnames_and_the_writers_themselves() {
    let wire = "Ostmark leaders spar over pensions as race tightens\n\nOSTBURG, Oct 14 (Baltic Wire) - \
                Ostmark's prime minister and her conservative rival sparred over the country's pension \
                fund in a final debate on Tuesday, with polls showing the race too close to call.";
    assert_eq!(
        found(wire),
        [("polls".to_string(), SourceKind::Document)],
        "neither the dateline's '14' nor the leaders who sparred"
    );
    let surname = "Debate\n\nMikael Dunmore spoke first.\n\n\
                   Dunmore, a former central bank economist, told reporters the report proved his case.";
    assert_eq!(
        found(surname),
        [("Mikael Dunmore".to_string(), SourceKind::Person)]
    );
    let blog = "Dunmore wipes the floor with Halvorsen\n\n\
                The Fiscal Council has been warning about the pension fund for years.\n\n\
                We asked the prime minister's office for the figures behind her claim that the fund \
                had grown every year. A spokesperson replied that the figures were \"publicly \
                available\" and declined to say where.";
    let mentioned: Vec<String> = analyze(blog)
        .sources
        .iter()
        .flat_map(|s| s.mentions.iter().map(|m| m.source.text.clone()))
        .collect();
    assert_eq!(
        mentioned,
        ["The Fiscal Council", "A spokesperson"],
        "'We asked' is the blog's own voice"
    );
}

#[test]
fn a_described_role_is_the_person_the_article_names_with_it_and_no_rival() {
    let names = |text: &str| -> Vec<String> {
        analyze(text).sources.into_iter().map(|s| s.name).collect()
    };
    assert_eq!(
        names(
            "Debate\n\nRepublican nominee Donald Trump toured Ohio on Monday.\n\n\
               The Republican nominee said the debate was rigged."
        ),
        ["Donald Trump"]
    );
    assert_eq!(
        names(
            "Debate\n\nRepublican nominee Donald Trump toured Ohio on Monday.\n\n\
               The Democratic nominee said the debate had been fair."
        ),
        ["Democratic nominee"]
    );
    assert_eq!(
        names("Debate\n\nThe Democratic presidential nominee says the plan is costed.\n\n\
               The Republican nominee also outlined a tax plan, saying it would pay for itself."),
        ["Democratic presidential nominee", "Republican nominee"]
    );
}

#[test]
fn a_source_whose_name_is_withheld_is_anonymous_and_cued_by_its_verb() {
    for text in [
        "Crews short of water as fire spreads\n\nA firefighter, who asked not to be named because crews may not speak to the press, said the teams were exhausted.",
        "Crews short of water as fire spreads\n\nA senior doctor at the hospital, speaking on condition of anonymity, said three of the injured were in a critical condition.",
    ] {
        let analysis = analyze(text);
        let [source] = analysis.sources.as_slice() else {
            panic!("one source expected: {:?}", analysis.sources);
        };
        assert_eq!(source.kind, SourceKind::Anonymous, "{text}");
        let cue = source.mentions[0].cue.as_ref().map(|c| c.text.as_str());
        assert_eq!(cue, Some("said"), "{text}");
    }
}

#[test]
fn an_unnamed_speaker_stays_anonymous_when_the_employer_is_named() {
    for text in [
        "A Tarsland defence official",
        "a senior Tarsland military official",
        "a Foreign Ministry official",
        "West Virginia officials",
        "one GOP source",
    ] {
        assert_eq!(kind_of(text), SourceKind::Anonymous, "{text}");
    }
    assert_eq!(
        kind_of("J. Rhodes, one of the president's closest aides"),
        SourceKind::Person
    );
    assert_eq!(
        kind_of("Pentagon official Sean Parnell"),
        SourceKind::Person
    );
}

#[test]
fn a_named_speaker_is_kept_when_the_tagger_marks_only_their_appositive() {
    let analysis = analyze(
        "Ada Aldwick, a member of the harbour council, said the plan needed more time.",
    );
    let names: Vec<&str> = analysis.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ada Aldwick"], "{names:?}");
    let place =
        analyze("In Kessling, a member of the harbour council said the plan needed more time.");
    assert!(
        !place.sources.iter().any(|s| s.name.contains("Kessling")),
        "a place is not a speaker: {:?}",
        place.sources.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_relative_clause_describes_a_speaker_and_is_not_a_source() {
    let names = |text: &str| -> Vec<String> {
        analyze(text).sources.into_iter().map(|s| s.name).collect()
    };
    assert_eq!(
        names("“The road will reopen in spring,” said Margit Olsen, who heads the regional roads office."),
        ["Margit Olsen"]
    );
    let expert = analyze(
        "Marine biologist Tove Rasmussen of the Baltic Research Centre, who was not part of the survey, \
         said the die-off was unusual. \"We have not seen this before,\" Rasmussen said.",
    );
    let found: Vec<(&str, SourceKind, usize)> = expert
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s.kind, s.mentions.len()))
        .collect();
    assert_eq!(found, [("Tove Rasmussen", SourceKind::Person, 2)]);
}

#[test]
fn a_speaker_before_a_relative_clause_is_found_and_one_who_did_not_answer_is_not() {
    assert_eq!(
        found(
            "Hydrologist Mette Dahl of the Coastal Water Institute, who has mapped the estuary \
             for a decade, said the flooding had been predictable."
        ),
        [("Mette Dahl".to_string(), SourceKind::Person)]
    );
    for silent in [
        "Port director Ada Lunde did not respond to questions about the leak.",
        "The company declined to comment on the figures.",
    ] {
        assert_eq!(found(silent), [], "{silent}");
    }
    assert!(non_answer("didn't reply to"));
    assert!(!non_answer("said"));
}

#[test]
fn a_surname_or_a_title_takes_the_full_name_the_article_gives() {
    let text = "LUNDHAVN — Opposition leader Mateus Arroyo rejected the count. \
                President Helena Cordova thanked voters.\n\n\
                “We will not go home,” said Arroyo, a former mayor of the capital.\n\n\
                “Democracy has spoken,” the president said.";
    let names: Vec<String> = found(text).into_iter().map(|(name, _)| name).collect();
    assert!(names.contains(&"Mateus Arroyo".to_string()), "{names:?}");
    assert!(names.contains(&"Helena Cordova".to_string()), "{names:?}");
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn groups_of_people_keep_what_names_them() {
    assert_eq!(
        found("Farmers from the valley of Ostra, which flooded twice this year, said the dam had failed them."),
        [("farmers".to_string(), SourceKind::Other)]
    );
    assert_eq!(
        found("Independent researchers have found no evidence that the dam was overfilled."),
        [("Independent researchers".to_string(), SourceKind::Anonymous)]
    );
    assert_eq!(
        kind_of("Footage released by the coast guard"),
        SourceKind::Document
    );
}

#[test]
fn a_relative_with_the_same_surname_is_another_person() {
    let text = "“I can’t feel my feet,” Kari Nilsen, 71, told reporters.\n\n\
                Her daughter, Silje Nilsen, said the family had not been warned.";
    let names: Vec<String> = found(text).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["Kari Nilsen", "Silje Nilsen"]);
}

#[test]
fn knowing_is_not_saying_and_a_group_goes_by_its_name() {
    let text = "Customers of Lakeside Bank learned on Monday that their data had been stolen. \
                A group calling itself GreyTide said in a post online that it had taken the data. \
                The bank’s regional manager, Tor Eide, said no money had been lost. \
                The Data Protection Authority said it had opened an inquiry.";
    let names: Vec<(String, SourceKind)> = found(text);
    assert!(
        !names
            .iter()
            .any(|(name, _)| name.to_lowercase().contains("customers")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|(name, _)| name == "GreyTide"),
        "{names:?}"
    );
    assert!(
        names.contains(&("Tor Eide".to_string(), SourceKind::Person)),
        "{names:?}"
    );
    assert!(
        names.contains(&(
            "Data Protection Authority".to_string(),
            SourceKind::GovernmentBody
        )),
        "{names:?}"
    );
}

#[test]
fn the_speaker_is_the_name_in_its_appositive_and_the_source_before_the_cue() {
    let text = "The ferry ran aground, injuring nine, three of them badly, officials said. \
                A spokeswoman for Brinmouth General Hospital, Ada Holt, said all were stable. \
                Sam Orr, general secretary of the Ferry Workers' Union, said the crew was tired.";
    let names: Vec<(String, SourceKind)> = found(text);
    assert_eq!(
        names,
        [
            ("officials".to_string(), SourceKind::Anonymous),
            ("Ada Holt".to_string(), SourceKind::Person),
            ("Sam Orr".to_string(), SourceKind::Person),
        ]
    );
}

#[test]
fn titles_are_dropped_from_person_names() {
    assert_eq!(
        person_name("Russian President Vladimir Putin"),
        "Vladimir Putin"
    );
    assert_eq!(person_name("Sen. Ted Cruz"), "Ted Cruz");
    assert_eq!(person_name("Putin"), "Putin");
}

#[test]
fn an_order_is_an_act_and_the_office_is_the_one_named_before() {
    assert_eq!(
        names("The court ordered the factory closed until March."),
        Vec::<String>::new()
    );
    let office = names(
        "The county auditor's office said it had opened an inquiry into the contracts.\n\n\
         “We will publish everything we find,” the office said.",
    );
    assert_eq!(office, ["county auditor's office"], "{office:?}");
}

#[test]
fn a_description_refers_back_and_the_bank_is_the_one_the_article_named() {
    let person = names(
        "Ana Rus, 41, said the school had had no heating since October.\n\n\
         “We teach in our coats,” the mother of three said.",
    );
    assert_eq!(person, ["Ana Rus"], "{person:?}");
    let bank = names(
        "The Bank of Osterland cut its main rate on Thursday.\n\n\
         The cut was needed to support lending, the bank said.",
    );
    assert_eq!(bank, ["Bank of Osterland"], "{bank:?}");
}

#[test]
fn he_is_the_person_named_since_the_last_speaker_and_a_headline_keeps_to_itself() {
    let pronoun = names(
        "Clinic queues\n\nAnna Krog, 54, said the queue had been long.\n\n\
         The mayor, Piet Olsen, did not return calls. In a statement, he said the council \
         was acting.",
    );
    assert_eq!(pronoun, ["Anna Krog", "Piet Olsen"], "{pronoun:?}");
    let headline =
        names("Queues at the clinic in Brekke\n\nAnna Krog, 54, said the queue had been long.");
    assert_eq!(headline, ["Anna Krog"], "{headline:?}");
}

#[test]
fn a_refusal_comes_before_what_is_refused_and_he_is_the_minister_who_declined() {
    let union =
        names("Strike\n\nNurses United says staffing, not only pay, is behind the strike.");
    assert_eq!(union, ["Nurses United"], "{union:?}");
    let minister = analyze(
        "Floods\n\nRiver warden Ida Holm said the water was still rising.\n\n\
         Interior Minister Karl Eng declined to say whether troops would help. \
         “I will not discuss operations,” he said.",
    );
    let names: Vec<&str> = minister.sources.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ida Holm", "Karl Eng"], "{names:?}");
}

#[test]
fn who_saw_a_document_is_not_its_source_and_a_short_clause_says_who_is_unnamed() {
    let emails = found(
        "Dam\n\nThe summary of the report was rewritten twice, according to emails seen \
         by the Valley Courier.",
    );
    assert_eq!(
        emails,
        [("emails".to_string(), SourceKind::Document)],
        "{emails:?}"
    );
    let unnamed = found(
        "Plant\n\nTwo inspectors who visited the plant said the pumps had not been \
         serviced for a year.",
    );
    assert_eq!(unnamed.len(), 1, "{unnamed:?}");
    assert!(
        unnamed[0].0.ends_with("inspectors who visited the plant"),
        "{unnamed:?}"
    );
    assert_ne!(unnamed[0].1, SourceKind::Document);
}

#[test]
fn a_title_s_full_stop_a_clause_s_verb_and_the_noun_a_source_was_given() {
    let title = names(
        "Clinic\n\nDr. Mirela Kosta of the national health institute said the delay was \
         regrettable.",
    );
    assert_eq!(title, ["Mirela Kosta"], "{title:?}");
    let clause = names(
        "Raids\n\nNine people, including two players and a club director, were detained \
         for questioning, the office said in a statement.",
    );
    assert_eq!(clause, ["office"], "{clause:?}");
    let claimed = names(
        "Leak\n\nA group calling itself GreyOtter claimed responsibility in a post on its \
         channel and threatened to publish the files.",
    );
    assert_eq!(claimed, ["GreyOtter"], "{claimed:?}");
    let claim = tokenize("The guards were asleep, sources claim.");
    let sources = claim.iter().position(|t| t.text == "sources").unwrap();
    assert_eq!(
        reporting_verb_after(&claim, &sentence_ids(&claim), sources),
        Some((sources + 1, sources + 1))
    );
    let guard = names(
        "Theft\n\nA security guard who was on duty told the Evening Post that the alarm \
         had failed.\n\n“Nobody checked it,” the guard said.",
    );
    assert_eq!(
        guard,
        ["security guard who was on duty"],
        "{guard:?}"
    );
    let group = found(
        "Fines\n\nConsumer group Voz do Cliente said shoppers deserved compensation. \
         “The families who overpaid get nothing,” said its director, Rita Sal.\n\n\
         The group said it was preparing a class action.",
    );
    assert_eq!(group.len(), 2, "{group:?}");
}

#[test]
fn according_to_reaches_the_end_of_a_long_document_name() {
    let report = names(
        "Bridge\n\nThe bridge needs new bearings within a year, according to an \
         inspectors' report published by Tarnov's transport ministry on Friday.",
    );
    assert_eq!(
        report,
        ["inspectors' report published by Tarnov's transport ministry"],
        "{report:?}"
    );
}

#[test]
fn she_is_no_title_standing_alone() {
    let text = "Delaware votes\n\nHillary Clinton visited Wilmington on Monday, where she praised Beau \
                Biden, the former Attorney General of Delaware. She said the state mattered.";
    let names: Vec<String> = analyze(text).sources.into_iter().map(|s| s.name).collect();
    assert!(!names.contains(&"Attorney General".to_string()), "{names:?}");
}

#[test]
fn a_name_keeps_its_lower_case_particles() {
    assert_eq!(person_name("Syrian President Bashar al-Assad"), "Bashar al-Assad");
    assert_eq!(person_name("Commission President Ursula von der Leyen"), "Ursula von der Leyen");
    assert_eq!(person_name("Defence Minister Jonas Vik"), "Jonas Vik");
}
