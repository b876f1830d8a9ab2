//! Who said what on held-out news passages written for these tests (invented text in the
//! styles of UK and US papers, wire copy, features, court and sports reports, broadcast
//! and Q&A transcripts), through the whole pipeline (`byline::annotate`). Every quotation
//! has an expected speaker (the entity's name or one of its mentions) or none.
//!
//! Precision is asserted everywhere: a quotation never gets a wrong speaker. A quotation
//! marked `Gap` is one byline does not attribute yet: it may stay null, but it may not
//! name someone else. Run with `--nocapture` for the right / wrong / null counts.

use byline::Document;

/// What a quotation's speaker must be.
#[derive(Clone, Copy, Debug)]
enum Want {
    /// This speaker (an entity name or one of its mention texts).
    Is(&'static str),
    /// Nobody: the text names no entity that said it.
    Nobody,
    /// This speaker, not found yet: null is tolerated, anyone else is an error.
    Gap(&'static str),
}
use Want::{Gap, Is, Nobody};

struct Passage {
    style: &'static str,
    text: &'static str,
    /// The first words of each quotation, in text order, with its speaker.
    quotes: &'static [(&'static str, Want)],
}

const PASSAGES: &[Passage] = &[
    Passage {
        style: "UK business wire: a group at a firm, then a named analyst after ', while'",
        text: "Shares in Carraway Foods fell 12% on Thursday after the grocer cut its profit forecast.\n\n\
\"We are disappointed with the quarter,\" chief executive Helena Markham said in a statement. \"The second half will be stronger.\"\n\n\
Analysts at Pellworth Securities said the guidance looked \"stretched\", while Fairley Bank's Tom Ashdown warned that \"margins will stay under pressure\".\n",
        quotes: &[
            ("We are disappointed", Is("Helena Markham")),
            ("The second half", Is("Helena Markham")),
            ("stretched", Is("Pellworth Securities")),
            ("margins will", Is("Tom Ashdown")),
        ],
    },
    Passage {
        style: "US city hall, straight quotes: a spokesman for a role, noted, told reporters",
        text: "The city will not raise bus fares this year, Mayor Dana Whitfield announced Monday.\n\n\
\"Riders have carried enough of the burden,\" Whitfield said at a news conference.\n\n\
A spokesman for the mayor said the savings would come from \"trimming overtime, not service.\"\n\n\
City Controller Raymond Iles called the plan \"a budget built on hope.\" He noted that overtime costs had risen 30% in two years.\n\n\
\"I have seen this movie before,\" Iles told reporters.\n",
        quotes: &[
            ("Riders have", Is("Dana Whitfield")),
            ("trimming overtime", Is("Dana Whitfield")),
            ("a budget built", Is("Raymond Iles")),
            ("I have seen", Is("Raymond Iles")),
        ],
    },
    Passage {
        style: "feature Q&A: the interviewee runs an organization named first",
        text: "The Eastgate Food Bank fed 3,000 families last winter. Its director, Marisol Ventura, spoke to Oliver Grant, our social affairs correspondent.\n\n\
Q: How has demand changed?\n\n\
A: It has doubled since 2022. Families who used to donate now queue.\n\n\
Q: What does the food bank need most?\n\n\
A: Volunteers, honestly. Money helps, but hands matter more.\n",
        quotes: &[
            ("How has demand", Is("Oliver Grant")),
            ("It has doubled", Is("Marisol Ventura")),
            ("What does", Is("Oliver Grant")),
            ("Volunteers", Is("Marisol Ventura")),
        ],
    },
    Passage {
        style: "UK court report: a judge, a filing by someone's lawyers, a company statement",
        text: "Developer Castleford Homes has been ordered to pay £2.4m to its former partner Isabel Reyes, the High Court ruled on Friday.\n\n\
Mr Justice Harland said the firm had acted in \"plain bad faith\".\n\n\
A filing by Ms Reyes's lawyers stated that the agreement was \"void from the start\".\n\n\
Castleford Homes said in a statement that it would appeal. \"We respectfully disagree with the judgment,\" the statement said.\n",
        quotes: &[
            ("plain bad faith", Is("Justice Harland")),
            ("void from", Nobody),
            ("We respectfully", Is("Castleford Homes")),
        ],
    },
    Passage {
        style: "obituary: a relative named in apposition, an anonymous friend",
        text: "Former health secretary Dame Joan Price has died aged 81, her family announced.\n\n\
Price's husband, the novelist Ian Price, told the BBC she had \"never stopped fighting for patients\".\n\n\
\"She was the bravest person I knew,\" he said.\n\n\
A friend of the family, who asked not to be named, said: \"Joan hated fuss.\"\n",
        quotes: &[
            ("never stopped", Is("Ian Price")),
            ("She was the bravest", Is("Ian Price")),
            ("Joan hated", Nobody),
        ],
    },
    Passage {
        style: "wire dateline: a ministry described, a named spokesman",
        text: "KYIV (Wirefeed) - Russia's defence ministry said on Sunday its forces had shot down 41 drones overnight. \"All targets were destroyed,\" the ministry said in a statement posted on Telegram.\n\n\
Ukraine's air force said it had no information on the claim. \"We do not comment on Russian statements,\" air force spokesman Yuriy Kovalenko told Wirefeed.\n",
        quotes: &[
            ("All targets", Gap("defence ministry")),
            ("We do not comment", Is("Yuriy Kovalenko")),
        ],
    },
    Passage {
        style: "US feature: an unknown one-word name, continuations, he noted that, told reporters",
        text: "HARLAN CREEK, Ohio — The flood came at night.\n\n\
\"We had maybe ten minutes,\" said Okoro, a retired machinist who has lived on Creek Road for forty years. \"Then the water was at the windows.\"\n\n\
His neighbour, Beth Sandoval, lost her car and most of her furniture. \"You just start again,\" she said. \"What else is there?\"\n\n\
The county's emergency manager, Curtis Vane, said crews had rescued 19 people. He noted that \"nobody drowned, which is a miracle.\"\n\n\
\"It could have been far worse,\" Vane told reporters.\n",
        quotes: &[
            ("We had maybe", Is("Okoro")),
            ("Then the water", Is("Okoro")),
            ("You just start", Is("Beth Sandoval")),
            ("What else", Is("Beth Sandoval")),
            ("nobody drowned", Is("Curtis Vane")),
            ("It could have", Is("Curtis Vane")),
        ],
    },
    Passage {
        style: "broadcast transcript with NAME: labels",
        text: "The housing minister, Keir Addo, was questioned by presenter Rachel Moss on Sunday Politics.\n\n\
MOSS: You promised 300,000 homes a year. You built 180,000.\n\n\
ADDO: We inherited a broken planning system.\n\n\
MOSS: That was six years ago.\n\n\
ADDO: And we have fixed most of it.\n",
        quotes: &[
            ("You promised", Is("Rachel Moss")),
            ("We inherited", Is("Keir Addo")),
            ("That was six", Is("Rachel Moss")),
            ("And we have", Is("Keir Addo")),
        ],
    },
    Passage {
        style: "UK football report: the 44-year-old, said: after a relative clause, added that",
        text: "Leeds manager Carla Ruiz said her side had been \"second best for an hour\" after the 2-0 defeat at Ipswich.\n\n\
\"We didn't turn up,\" the 44-year-old said. \"That is on me.\"\n\n\
Ipswich striker Jonah Fell, who scored both goals, said: \"The gaffer told us to be brave and we were.\"\n\n\
Ruiz added that Fell was \"the best finisher in the division\".\n",
        quotes: &[
            ("second best", Is("Carla Ruiz")),
            ("We didn't", Is("Carla Ruiz")),
            ("That is on me", Is("Carla Ruiz")),
            ("The gaffer", Is("Jonah Fell")),
            ("the best finisher", Is("Carla Ruiz")),
        ],
    },
    Passage {
        style: "markets column: clauses joined by ', but' and ';' each with their own speaker",
        text: "Economists at Hallmark Capital described the jobs report as \"a clear miss\", but Jane Osterberg of Vireo Partners argued it was \"noise, not signal\".\n\n\
Some traders called the sell-off \"overdone\"; others, including fund manager Piet Claes, said it had \"further to run\".\n",
        quotes: &[
            ("a clear miss", Is("Hallmark Capital")),
            ("noise, not", Is("Jane Osterberg")),
            ("overdone", Nobody),
            ("further to run", Gap("Piet Claes")),
        ],
    },
    Passage {
        style: "UK health story: a report and a statement speak for their publishers",
        text: "A report by the Northfield Institute found that one in five care homes was understaffed. \"The system is running on goodwill,\" the report said.\n\n\
The Department of Health said in a statement that it was investing £500m. \"We recognise the pressures,\" the statement added.\n\n\
Care England chief executive Martin Hale said the money was \"nowhere near enough\".\n",
        quotes: &[
            ("The system is", Is("Northfield Institute")),
            ("We recognise", Is("Department of Health")),
            ("nowhere near", Is("Martin Hale")),
        ],
    },
    Passage {
        style: "regional Q&A: an organization named before the interviewee, no journalist named",
        text: "Brightwater Energy has announced 400 job cuts at its Teesside plant. Union official Lorna Beck, who represents 1,200 workers there, spoke to us.\n\n\
Q: Did you see this coming?\n\n\
A: No. Brightwater told us in March the plant was safe.\n\n\
Q: What happens now?\n\n\
A: We fight for every job.\n",
        quotes: &[
            ("Did you see", Nobody),
            ("No. Brightwater", Is("Lorna Beck")),
            ("What happens", Nobody),
            ("We fight", Is("Lorna Beck")),
        ],
    },
    Passage {
        style: "parliamentary sketch: pronoun continuation, told MPs",
        text: "Transport secretary Mark Rowntree defended the rail timetable on Tuesday. \"Trains are running,\" he said. \"Performance is improving.\"\n\n\
Rowntree was challenged by Labour's Aisha Karim. \"The minister lives in a fantasy world,\" she told MPs.\n",
        quotes: &[
            ("Trains are", Is("Mark Rowntree")),
            ("Performance", Is("Mark Rowntree")),
            ("The minister lives", Is("Aisha Karim")),
        ],
    },
    Passage {
        style: "US state politics: a spokeswoman for a role holder, a group speaker",
        text: "Governor Ellen Marsh signed the bill on Wednesday. A spokeswoman for the governor said she was \"proud of the bipartisan effort\".\n\n\
Police said the protest outside the Capitol had been \"peaceful and small\".\n",
        quotes: &[
            ("proud of", Is("Ellen Marsh")),
            ("peaceful and", Nobody),
        ],
    },
];

/// The name of the speaker byline gives the quotation starting with `start`.
fn speaker<'d>(doc: &'d Document, start: &str) -> Result<Option<(&'d str, Vec<&'d str>)>, String> {
    let quote = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.inner).starts_with(start))
        .ok_or_else(|| format!("no quotation starting {start:?}"))?;
    Ok(quote.speaker.map(|s| {
        let e = &doc.entities[s.entity];
        let mentions = e.mentions.iter().map(|m| doc.slice(m.span)).collect();
        (e.name.as_str(), mentions)
    }))
}

enum Outcome {
    Right,
    Wrong,
    /// No speaker where one is wanted.
    Null,
}

/// Whether `got` passes the test for `want`, and how it counts.
fn judge(want: Want, got: Option<&(&str, Vec<&str>)>) -> (bool, Outcome) {
    let names = |n: &str| got.is_some_and(|(name, ms)| *name == n || ms.contains(&n));
    match want {
        Nobody if got.is_none() => (true, Outcome::Right),
        Nobody => (false, Outcome::Wrong),
        Is(n) | Gap(n) if names(n) => (true, Outcome::Right),
        Is(_) | Gap(_) if got.is_some() => (false, Outcome::Wrong),
        Is(_) => (false, Outcome::Null),
        Gap(_) => (true, Outcome::Null),
    }
}

#[derive(Default, Debug)]
struct Counts {
    right: usize,
    wrong: usize,
    null: usize,
}

#[test]
fn held_out_passages_get_no_wrong_speaker() {
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    for passage in PASSAGES {
        let doc = byline::annotate(passage.text);
        for &(start, want) in passage.quotes {
            let got = match speaker(&doc, start) {
                Ok(got) => got,
                Err(e) => {
                    errors.push(format!("{}: {e}", passage.style));
                    continue;
                }
            };
            let (ok, outcome) = judge(want, got.as_ref());
            match outcome {
                Outcome::Right => counts.right += 1,
                Outcome::Wrong => counts.wrong += 1,
                Outcome::Null => counts.null += 1,
            }
            if !ok {
                let got = got.map(|(name, _)| name);
                errors.push(format!(
                    "{}: {start:?} wants {want:?}, got {got:?}",
                    passage.style
                ));
            }
        }
    }
    println!("held-out speakers: {counts:?}");
    assert!(errors.is_empty(), "{counts:?}\n{}", errors.join("\n"));
}
