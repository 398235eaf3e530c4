//! The kind a source is given and the name a body goes by.

use super::*;

#[test]
fn kinds_follow_the_words_of_the_mention() {
    assert_eq!(
        kind_of("Russian President Vladimir Putin"),
        SourceKind::Person
    );
    assert_eq!(
        kind_of("two officials familiar with the talks"),
        SourceKind::Anonymous
    );
    assert_eq!(kind_of("the foreign ministry"), SourceKind::GovernmentBody);
    assert_eq!(kind_of("a joint statement"), SourceKind::Document);
    assert_eq!(kind_of("Tasnim news agency"), SourceKind::MediaOutlet);
    assert_eq!(kind_of("the union"), SourceKind::Organization);
    assert_eq!(
        kind_of("the Environment Agency"),
        SourceKind::GovernmentBody
    );
    assert_eq!(kind_of("Corvane Chemicals"), SourceKind::Organization);
    assert_eq!(kind_of("Brightwater Energy Ltd"), SourceKind::Organization);
    assert_eq!(kind_of("Energy Secretary Daniel Osei"), SourceKind::Person);
    assert_eq!(kind_of("the oil workers"), SourceKind::Other);
    assert_eq!(kind_of("NIPH"), SourceKind::Organization);
    assert_eq!(kind_of("RedNacional"), SourceKind::Organization);
    assert_eq!(kind_of("McCarthy"), SourceKind::Person);
    assert_eq!(
        kind_of("Priya Lal, a spokeswoman for the agency"),
        SourceKind::Person
    );
    assert_eq!(kind_of("a senior ministry adviser"), SourceKind::Anonymous);
    assert_eq!(kind_of("the two governments"), SourceKind::GovernmentBody);
    assert_eq!(
        kind_of("the Office of the Director of National Intelligence on Election Security"),
        SourceKind::GovernmentBody
    );
    assert_eq!(kind_of("Washington"), SourceKind::GovernmentBody);
    assert_eq!(kind_of("The U.K."), SourceKind::GovernmentBody);
    assert_eq!(kind_of("the intelligence community"), SourceKind::GovernmentBody);
    assert_eq!(kind_of("DHS"), SourceKind::GovernmentBody);
    assert_eq!(kind_of("Sanders’ campaign manager"), SourceKind::Person);
    assert_eq!(kind_of("the party's chairman"), SourceKind::Person);
    assert_eq!(kind_of("Russia Today"), SourceKind::MediaOutlet);
    assert_eq!(kind_of("Iran's semi-official Tasnim news agency"), SourceKind::MediaOutlet);
    assert_eq!(kind_of("the NBC News-Wall Street Journal poll"), SourceKind::Document);
    assert_eq!(kind_of("The Syrian Arab News Agency"), SourceKind::MediaOutlet);
    assert_eq!(kind_of("US media"), SourceKind::MediaOutlet);
    assert_eq!(
        kind_of("Israeli Prime Minister Benjamin Netanyahu's office"),
        SourceKind::GovernmentBody
    );
}

#[test]
fn the_company_is_the_last_company_named_before_it() {
    let text = "Wildfire\n\nDUBLIN, July 30 (Harbour Financial) — Insured losses could exceed 200 million \
                euros, the Irish Insurance Federation said on Wednesday.\n\n\
                Shares in Corrin Timber, which owns a fifth of the forest, fell 9 percent. \
                The company said its sawmills were closed as a precaution.";
    let analysis = analyze(text);
    let holder = analysis
        .sources
        .iter()
        .find(|s| s.mentions.iter().any(|m| m.source.text == "The company"))
        .map(|s| s.name.as_str());
    assert_eq!(holder, Some("Corrin Timber"));
}

#[test]
fn a_medium_goes_by_its_name_and_a_compound_modifier_stays_with_its_noun() {
    let text = "Tanker seized\n\nShip-tracking data from the firm Vesseltrack showed the tanker turning north. \
                Merovia's state news agency MRNA said the tanker had been seized on a court order. \
                The judiciary of Qarsan province said in a statement that the tanker had been brought to port.";
    assert_eq!(
        found(text),
        [
            (
                "Ship-tracking data from the firm Vesseltrack".to_string(),
                SourceKind::Document
            ),
            ("MRNA".to_string(), SourceKind::MediaOutlet),
            (
                "judiciary of Qarsan province".to_string(),
                SourceKind::GovernmentBody
            ),
        ]
    );
    let beast = "Senator under fire\n\nThe Daily Beast reported that the senator had met the lobbyist twice.";
    assert_eq!(
        found(beast),
        [("Daily Beast".to_string(), SourceKind::MediaOutlet)]
    );
}

#[test]
fn the_company_with_a_compound_adjective_is_the_company_named() {
    let analysis = analyze(
        "Tanker seized in the gulf\n\nHalvard Shipping, which manages the vessel, said it had lost contact with the crew. \
         “Our priority is the safety of the crew,” the Oslo-based company said.",
    );
    let names: Vec<(&str, usize)> = analysis
        .sources
        .iter()
        .map(|s| (s.name.as_str(), s.mentions.len()))
        .collect();
    assert_eq!(names, [("Halvard Shipping", 2)]);
}

#[test]
fn a_person_of_a_body_is_the_person_and_a_body_of_somewhere_is_not() {
    assert_eq!(
        person_name("Paul Arneson of the Nordic Institute of Technology"),
        "Paul Arneson"
    );
    assert_eq!(
        kind_of("Paul Arneson of the Nordic Institute of Technology"),
        SourceKind::Person
    );
    for body in [
        "Bank of England",
        "Nordic Institute of Technology",
        "United States of America",
        "Islamic Republic of Iran",
    ] {
        assert_ne!(kind_of(body), SourceKind::Person, "{body}");
    }
}

#[test]
fn a_place_is_not_a_speaker_and_a_company_keeps_the_name_the_article_gives_it() {
    let village = found("Fishermen in the village of Brekke said the catch had halved.");
    assert!(
        !village.iter().any(|(n, _)| n.contains("Brekke")),
        "{village:?}"
    );
    assert_eq!(
        found(
            "A fire broke out at the Halvard Shipping depot on Monday.\n\n\
             Halvard said in a statement that nobody had been hurt."
        ),
        [("Halvard Shipping".to_string(), SourceKind::Organization)]
    );
}

#[test]
fn the_story_s_own_medium_and_what_follows_according_to_are_not_sources() {
    assert_eq!(
        found("According to the commission, a limited review of results would be completed by Friday."),
        [("commission".to_string(), SourceKind::GovernmentBody)]
    );
    let memo = found(
        "A leaked internal memo from the ministry, seen by this newspaper, shows that \
         officials were told to hurry.",
    );
    assert_eq!(memo.len(), 1, "{memo:?}");
    assert_eq!(memo[0].1, SourceKind::Document);
    assert_eq!(kind_of("Campaign lawyer Sofia Brandão"), SourceKind::Person);
}

#[test]
fn a_headline_s_sources_are_the_body_s_and_clauses_without_commas_are_cut() {
    let text = "Flood costs could top 80 million, insurers say\n\n\
                The Coastal Insurance Federation said on Friday that claims were rising. \
                A lock keeper who has worked on the canal since 1990, and who asked not to be \
                named, said the gates had failed. \
                Analysts at Orre Securities said in a note that rates would rise.";
    let names: Vec<String> = found(text).into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [
            "Coastal Insurance Federation",
            "lock keeper",
            "Orre Securities"
        ]
    );
}

#[test]
fn the_company_is_the_one_the_article_names_and_dr_keeps_its_name() {
    let text = "OSLO — Norwegian drugmaker Veltrix Pharma paused its trial, the company said.\n\n\
                Dr. Amina Yusuf, who is not involved in the trial, said such pauses were normal.";
    assert_eq!(
        found(text),
        [
            ("Veltrix Pharma".to_string(), SourceKind::Organization),
            ("Amina Yusuf".to_string(), SourceKind::Person),
        ]
    );
}

#[test]
fn a_capitalised_article_names_nobody() {
    assert_eq!(kind_of("The airport operator"), SourceKind::Other);
    assert_eq!(kind_of("airport operator"), SourceKind::Other);
    assert_eq!(
        person_name("Chief Inspector Rune Falkenberg"),
        "Rune Falkenberg"
    );
}

#[test]
fn a_source_span_stops_at_a_dateline_a_clause_and_a_day_and_a_place_names_nobody() {
    let dateline = names(
        "BRAKKE, May 2 (Northwire) — The harbour board on Tuesday said the quay would reopen.",
    );
    assert_eq!(dateline, ["harbour board"], "{dateline:?}");
    let clause = names("Two guards were arrested overnight, the prison service said.");
    assert_eq!(clause, ["prison service"], "{clause:?}");
    let place = found("A European diplomat in Lisbon said talks had stalled.");
    assert_eq!(
        place,
        [(
            "European diplomat in Lisbon".to_string(),
            SourceKind::Anonymous
        )]
    );
}

#[test]
fn a_closing_speaker_a_place_apposition_a_bracketed_acronym_and_a_person_described() {
    let closing = names(
        "Outbreak\n\nTwo children have died since the outbreak was confirmed in January, \
         the institute said in its weekly bulletin.",
    );
    assert_eq!(closing, ["institute"], "{closing:?}");
    let place = names(
        "Bridge\n\nA council official in the provincial capital, Rosk, who was not \
         authorised to speak to the media, said the bridge would stay shut.",
    );
    assert_eq!(
        place,
        ["council official in the provincial capital"],
        "{place:?}"
    );
    let acronym = names(
        "Budget\n\nThe deficit will narrow next year, the Office for Budget \
         Responsibility (OBR) said on Monday.",
    );
    assert_eq!(acronym, ["Office for Budget Responsibility"], "{acronym:?}");
    let described = names(
        "Flood\n\nJonas Berg was asleep when the water came in.\n\n\
         “We lost everything,” the 58-year-old said.",
    );
    assert_eq!(described, ["Jonas Berg"], "{described:?}");
}

#[test]
fn an_agent_after_by_speaks_not_and_a_body_s_name_names_no_person() {
    let tokens = tokenize("Images reviewed by the Coastal Watch Institute show damage.");
    let mut tags = vec![Tag::Outside; tokens.len()];
    tags[4] = Tag::SourceStart;
    tags[5] = Tag::Source;
    tags[6] = Tag::Source;
    tags[7] = Tag::CueStart;
    let sentences = sentence_ids(&tokens);
    assert_eq!(tidy_source(&tokens, &tags, &sentences, (4, 6)), None);
    let article =
        "Ola Berg, an analyst at the Centre for Democratic Studies, said prices would \
                   rise. “It will hurt,” he said.";
    let he = article.chars().count() - "he said.".chars().count();
    assert_eq!(
        person_named_before(article, he).map(|(name, _)| name),
        Some("Ola Berg".to_string())
    );
}

#[test]
fn a_body_s_one_word_name_data_at_a_sentence_end_and_a_refusal_to_say() {
    let body = names("Outage\n\nTeleNord, the mobile operator, said the outage was over.");
    assert_eq!(body, ["TeleNord"], "{body:?}");
    let according = names(
        "Heat\n\nMost of those treated were elderly, according to the regional health \
         department. Some were children.",
    );
    assert_eq!(according, ["regional health department"], "{according:?}");
    let data = names(
        "Gas\n\nWholesale gas prices in Norland rose to a record 96 euros on Monday as \
         cold weather pushed demand to its highest level, data from the gas exchange showed.",
    );
    assert!(
        data.contains(&"data from the gas exchange".to_string()),
        "{data:?}"
    );
    let refusal = names("Prices\n\nThe finance ministry declined to say whether it would act.");
    assert_eq!(refusal, Vec::<String>::new());
}

#[test]
fn a_push_or_a_reaction_is_an_act_and_a_medium_told_is_no_source() {
    let push = names(
        "Gas\n\nWholesale gas prices in Norland rose to a record 96 euros on Monday as \
         cold weather pushed demand to its highest level, data from the gas exchange showed.",
    );
    assert_eq!(push, ["data from the gas exchange"], "{push:?}");
    let reaction = names(
        "Raids\n\nFans reacted with fury on Saturday after it emerged that a striker was \
         among those detained.",
    );
    assert!(reaction.is_empty(), "{reaction:?}");
    let paper = names(
        "Crash\n\n“We were lucky,” driver Nils Aune, 40, told the Vestby Posten newspaper.",
    );
    assert_eq!(paper, ["Nils Aune"], "{paper:?}");
    let weekly = names(
        "Ward\n\nA nurse who worked that night told Health Weekly that the ward was short \
         of staff.",
    );
    assert!(!weekly.contains(&"Health Weekly".to_string()), "{weekly:?}");
}

#[test]
fn it_and_the_bank_are_the_body_the_sentence_named() {
    let it = found(
        "Fine\n\nThe packaging supplier, Brunvik Kartong, was fined 4 million crowns on \
         Tuesday. It said in a statement that it would not appeal.",
    );
    assert_eq!(
        it,
        [("Brunvik Kartong".to_string(), SourceKind::Organization)],
        "{it:?}"
    );
    let closing = found(
        "Outage\n\nSALMA, June 3 (Northern Wire) — Caixa Veral restored its cash machines on \
         Wednesday after a nine-hour fault, the bank said.",
    );
    assert_eq!(
        closing,
        [("Caixa Veral".to_string(), SourceKind::Organization)],
        "{closing:?}"
    );
    let agent = names(
        "Fire\n\nThe ship, the MV Tormund, is run by Ostvik Linjen. The company said the crew \
         had acted quickly.",
    );
    assert_eq!(agent, ["Ostvik Linjen"], "{agent:?}");
    let unnamed = names("Rates\n\nPrices rose 5% in March, the bank said.");
    assert_eq!(unnamed, ["bank"], "{unnamed:?}");
}

#[test]
fn an_acronym_in_brackets_joins_its_body() {
    let acronym = found(
        "Ban\n\nSkier Anna Berg has been banned for four years after testing positive for \
         a blood-boosting drug, the Nordic Anti-Doping Agency (NADA) said on Thursday.\n\n\
         NADA said in a statement that the skier could appeal.",
    );
    assert_eq!(acronym.len(), 1, "{acronym:?}");
    assert_eq!(acronym[0].0, "Nordic Anti-Doping Agency");
}

#[test]
fn a_name_the_article_calls_a_body_is_one() {
    let operator = found(
        "Dam\n\nThe reservoir's operator, Lomme Energi, said it had lowered the water \
         level by two metres.",
    );
    assert_eq!(
        operator,
        [("Lomme Energi".to_string(), SourceKind::Organization)],
        "{operator:?}"
    );
    let described =
        found("Sponsors\n\nCarmaker Vestbil said it was reviewing its contract with the team.");
    assert_eq!(
        described,
        [("Vestbil".to_string(), SourceKind::Organization)],
        "{described:?}"
    );
    let person = found("Dam\n\nEngineer Lene Kvam said the cracks had grown.");
    assert_eq!(person[0].1, SourceKind::Person, "{person:?}");
    assert!(named_as_body(
        "Brightline Events, the company that ran it",
        "Brightline Events"
    ));
    assert!(!named_as_body(
        "Lene Kvam, the engineer who found it",
        "Lene Kvam"
    ));
    assert_eq!(kind_of("Holm Ski Federation"), SourceKind::Organization);
    assert_eq!(kind_of("the panel's decision"), SourceKind::Document);
    assert_eq!(kind_of("A maintenance log"), SourceKind::Document);
}

#[test]
fn a_closing_reporter_may_say_where_and_a_body_s_name_loses_its_description() {
    let joint = names(
        "Talks\n\nSKALD, Nov. 3 (Nordic Wire) — Ostmark and Vellany agreed on Monday to \
         resume talks on a power cable, the two governments said in a joint statement.",
    );
    assert_eq!(joint, ["two governments"], "{joint:?}");
    assert_eq!(
        without_description("Amoxicillin maker Saltvik Pharma").as_deref(),
        Some("Saltvik Pharma")
    );
    assert_eq!(
        without_description("Consumer group Voz do Cliente").as_deref(),
        Some("Voz do Cliente")
    );
    assert_eq!(without_description("Lindholm Pharmacy Association"), None);
    assert_eq!(without_description("the bank"), None);
}
