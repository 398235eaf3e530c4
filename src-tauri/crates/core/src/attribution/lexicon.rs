//! The words attribution leans on: cues and the verbs around them, the
//! nouns, titles and endings that say what a phrase names, and the small
//! words that end or open a source.

/// Verbs of knowing and feeling, not of saying: "customers learned that…",
/// "customers worried about…" report no source's words; nor does an order
/// ("the ministry ordered the bridge closed"), a push ("fans pushed
/// forward"), a reaction ("fans reacted with fury") or a dispute ("the
/// leaders sparred over pensions"), which are acts.
pub(super) const NOT_SPEECH: &[&str] = &[
    "ordered",
    "sparred",
    "clashed",
    "pushed",
    "reacted",
    "learned",
    "learnt",
    "worried",
    "knew",
    "saw",
    "heard",
    "noticed",
    "realised",
    "realized",
    "discovered",
    "felt",
    "calling",
    // An endorsement or a campaign stop is an act, not a statement.
    "endorsed",
    "endorses",
    "endorse",
    "endorsing",
    "stumped",
    "campaigned",
];

/// Verbs that follow the subject of a reported clause ("said officials were").
pub(super) const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "would", "could", "should", "will", "did",
    "do", "does", "may", "might", "must", "can",
];

/// Verbs that report what a source says, found where the tagger marked no cue.
pub(super) const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "found",
    "finds",
    "showed",
    "shows",
    "show",
    "say",
    "claim",
    "claims",
    "claimed",
    "concluded",
    "estimated",
    "estimates",
    "warned",
    "warns",
    "reported",
    "reports",
    "stated",
    "noted",
    "described",
    "recommended",
];

/// Nouns that end an organisation's name ("Tasnim news agency").
pub(super) const HEAD_NOUNS: &[&str] = &[
    "news",
    "agency",
    "mission",
    "delegation",
    "embassy",
    "ministry",
    "office",
    "department",
    "committee",
    "council",
    "union",
    "party",
    "newspaper",
    "channel",
    "television",
    "radio",
    "service",
    "authority",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// How occupations end ("Hydrologist", "Lawyer", "Historian"): a capitalised
/// word so ending before a two-word name is the person's role.
pub(super) const ROLE_ENDINGS: &[&str] = &["ist", "er", "or", "ian", "ant", "ent"];

/// Words for documents: "a joint statement", "court documents".
pub(super) const DOCUMENT_WORDS: &[&str] = &[
    "report",
    "statement",
    "study",
    "document",
    "documents",
    "letter",
    "memo",
    "survey",
    "surveys",
    "poll",
    "polls",
    "studies",
    "data",
    "figures",
    "filing",
    "indictment",
    "transcript",
    "communiqué",
    "communique",
    "declaration",
    "resolution",
    "analysis",
    "review",
    "audit",
    "complaint",
    "lawsuit",
    "ruling",
    "footage",
    "video",
    "images",
    "photographs",
    "recording",
    "plan",
    "guidance",
    "guidelines",
    "policy",
    "manual",
    "decision",
    "judgment",
    "verdict",
    "email",
    "emails",
    "log",
    "logs",
    "records",
    "minutes",
    "contract",
];

/// Verbs by which a poll or a count states its finding: "polls showing the
/// race too close to call", "a survey put the party two points ahead".
pub(super) const FINDING_VERBS: &[&str] = &[
    "put",
    "puts",
    "showing",
    "showed",
    "shows",
    "suggest",
    "suggests",
    "suggested",
    "gave",
    "gives",
    "placed",
    "indicated",
    "indicate",
    "indicates",
];

/// Words for speakers left unnamed: "officials said", "a source familiar
/// with the talks".
pub(super) const UNNAMED_SPEAKERS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "aides",
    "aide",
    "insiders",
    "people",
    "person",
    "someone",
    "observers",
    "analysts",
    "experts",
    "researchers",
    "scientists",
    "economists",
    "activists",
    "campaigners",
    "critics",
    "residents",
    "witnesses",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "insider",
];

/// What a clause about a source says when the source is left unnamed on
/// purpose: "who asked not to be named", "speaking on condition of
/// anonymity".
pub(super) const NAME_WITHHELD: &[&str] = &[
    "not to be named",
    "not be named",
    "not to be identified",
    "not be identified",
    "anonymity",
    "without being named",
];

/// Words that open a phrase about somebody not yet known: "a", "two",
/// "several".
pub(super) const INDEFINITE_OPENINGS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "other",
    "another", "senior",
];

/// How adjectives that open a noun phrase end ("Independent", "Local",
/// "Western", "Senior", "European", "British").
pub(super) const ADJECTIVE_ENDINGS: &[&str] = &[
    "ent", "ant", "al", "ive", "ic", "ous", "ern", "ior", "ean", "ian", "ish", "ese",
];

/// Last words that make a capitalised name a public body.
pub(super) const GOVERNMENT_HEADS: &[&str] = &[
    "authority",
    "agency",
    "ministry",
    "commission",
    "office",
    "department",
    "bureau",
    "inspectorate",
    "regulator",
    "directorate",
    "branch",
];

/// Titles written short before a name ("Dr. Amina Yusuf").
pub(super) const TITLE_ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "gen", "sen", "rep", "gov", "capt", "col", "lt", "sgt",
];

/// What a story calls its own medium ("seen by this newspaper").
pub(super) const OWN_MEDIUM: &[&str] = &[
    "newspaper",
    "paper",
    "website",
    "site",
    "publication",
    "broadcaster",
    "station",
    "outlet",
    "programme",
    "program",
    "agency",
];

/// Words that cannot be a source on their own ("as official figures confirmed").
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "as", "so", "if", "but", "or", "and", "to", "at", "on", "by", "with", "from", "than", "then",
    "when", "while", "because",
];

/// Words that open a relative clause ("…, who chairs the committee").
pub(super) const RELATIVE_PRONOUNS: &[&str] = &["who", "whom", "whose", "which"];

/// Nouns naming a place: the capitalised word after "the town of" is where
/// a source is, not who.
pub(super) const PLACE_NOUNS: &[&str] = &[
    "town", "city", "village", "port", "region", "province", "county", "district", "island",
    "capital",
];

/// Past participles that open a clause after a comma ("seen by", "sent to").
pub(super) const PARTICIPLES: &[&str] =
    &["seen", "written", "sent", "given", "made", "taken", "shown"];

/// Prepositions a noun phrase goes on after ("a person with knowledge of…").
pub(super) const PREPOSITIONS: &[&str] =
    &["with", "of", "from", "at", "in", "on", "to", "by", "for"];

/// Words that end a clause, not a name: a source span ending in them ends before.
pub(super) const SPAN_TRAILERS: &[&str] = &[
    "who", "which", "that", "the", "of", "a", "an", "and", "for", "in", "at",
];

/// When something was said, not who said it: "the ministry on Friday",
/// "officials yesterday". A source span ends before them.
pub(super) const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Months, which are not names of bodies either.
pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Nouns by which a story refers back to a body it has named ("the bank
/// said", after "Banco Dorne restored…"), whether or not its name holds
/// the noun.
pub(super) const BODY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "bank",
    "lender",
    "insurer",
    "airline",
    "carrier",
    "operator",
    "retailer",
    "supplier",
    "chain",
    "manufacturer",
    "carmaker",
    "drugmaker",
    "group",
    "utility",
];

/// Nouns that describe a body in the words around its name, besides
/// `BODY_NOUNS`: "the farmers' union Agro Brisa", "Sports drinks maker Frost
/// Energi". A word ending in one of either list ("carmaker") counts too.
pub(super) const MORE_BODY_DESCRIPTIONS: &[&str] = &[
    "maker",
    "union",
    "federation",
    "club",
    "charity",
    "consultancy",
    "regulator",
    "watchdog",
    "organiser",
    "organizer",
    "promoter",
    "publisher",
    "broadcaster",
    "newspaper",
    "fund",
];

/// Lower-case words that describe a medium before its name: "state news
/// agency MRNA", "the Osland broadcaster KTV".
pub(super) const MEDIA_DESCRIPTIONS: &[&str] = &[
    "agency",
    "broadcaster",
    "newspaper",
    "channel",
    "daily",
    "weekly",
    "outlet",
    "network",
    "station",
    "website",
    "tabloid",
    "magazine",
];

/// Roles a body's people hold, named right after the body: "Dynamo Kovel
/// chairman Andrei Sava", "Skarre Kraft chief executive Lene Dahl".
pub(super) const BODY_ROLES: &[&str] = &[
    "chairman",
    "chairwoman",
    "chief",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "founder",
];

/// Days named from the day of writing, which end a source span as `DAYS` do.
pub(super) const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tonight"];

/// The pronouns of `PRONOUNS` that stand for one person, as "he said" does.
pub(super) const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "his"];

/// Words written with a full stop that does not end the sentence ("Mr.", "Oct.").
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "st", "lt", "col", "capt", "prof", "jr",
    "sr", "no", "vs", "sgt", "maj", "adm", "rev", "hon", "pres", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec",
];

/// Words that open a noun phrase: "the statement", "its spokesman".
pub(super) const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

/// Nouns that describe the last person named, as a pronoun would: "the
/// mother of two said", "the pensioner added".
pub(super) const PERSON_DESCRIPTIONS: &[&str] = &[
    "mother",
    "father",
    "grandmother",
    "grandfather",
    "widow",
    "widower",
    "woman",
    "man",
    "nurse",
    "teacher",
    "pensioner",
    "student",
    "driver",
    "farmer",
    "veteran",
];

/// Pronouns that stand for a source named before them.
pub(super) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "him", "her", "his", "its", "their", "we", "i",
];

/// Titles and roles that come before a name and are not part of it.
pub(super) const TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "mayor",
    "general",
    "gen.",
    "chancellor",
    "ambassador",
    "envoy",
    "prime",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "deputy",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "speaker",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "prof.",
    "gp",
    "king",
    "queen",
    "judge",
    "justice",
    "attorney",
    "commissioner",
    "executive",
    "ceo",
    "head",
    "official",
    "adviser",
    "advisor",
    "correspondent",
    "analyst",
    "professor",
    "candidate",
    "nominee",
    "former",
    "acting",
    "vice",
    "inspector",
    "superintendent",
    "detective",
    "sergeant",
    "councillor",
    "councilman",
    "councilwoman",
    "captain",
    "commander",
    "admiral",
    "colonel",
    "lieutenant",
];

/// Capitalised words that open a sentence rather than a name.
pub(super) const OPENING_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "as",
    "for",
    "from",
    "since",
    "during",
    "the",
    "but",
    "and",
    "while",
    "when",
    "with",
    "without",
    "under",
    "by",
    "last",
    "this",
    "speaking",
    "although",
    "though",
    "if",
    "because",
    "yet",
    "so",
    "then",
    "now",
    "meanwhile",
    "still",
];

/// Words that make a capitalised name a company.
pub(super) const COMPANY_WORDS: &[&str] = &[
    "ltd",
    "llc",
    "plc",
    "corp",
    "limited",
    "holdings",
    "industries",
    "chemicals",
    "energy",
    "airlines",
    "airways",
    "motors",
    "pharmaceuticals",
    "pharma",
    "capital",
    "partners",
    "systems",
    "technologies",
    "insurance",
    "services",
    "enterprises",
    "mining",
    "petroleum",
    "steel",
    "shipping",
    "logistics",
    "investments",
    "securities",
    "consulting",
    "labs",
    "timber",
    "foods",
    "media",
    "rail",
    "railways",
];

/// Role nouns that make a named mention a person ("Kremlin spokesman Dmitry Peskov").
pub(super) const PERSON_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "minister",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "chairman",
    "director",
    "adviser",
    "professor",
    "judge",
    "negotiator",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// Professionals who speak for the body they work at ("Analysts at Nordbank").
pub(super) const GROUPS: &[&str] = &[
    "analysts",
    "economists",
    "strategists",
    "researchers",
    "scientists",
    "experts",
    "engineers",
    "officials",
    "lawyers",
    "doctors",
    "auditors",
    "inspectors",
];

/// Head nouns that make a description a person's, whatever body it names
/// ("Sanders' campaign manager", "the union's general secretary").
pub(super) const PERSON_HEADS: &[&str] = &[
    "manager", "chairman", "chairwoman", "chair", "director", "adviser", "advisor", "strategist",
    "spokesman", "spokeswoman", "spokesperson", "secretary", "founder", "treasurer", "pollster",
    "chief", "ceo", "economist", "lawyer", "attorney",
];

/// Lower-case particles inside personal names ("Bashar al-Assad", "Ursula
/// von der Leyen", "Osama bin Laden").
pub(super) const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "del", "della", "der", "di", "da", "dos", "du", "van",
    "von", "la", "le",
];
