//! Customer-experience patterns that carry feeling without a single feeling word: a score
//! written in the comment ("5 estrellas", "8/10", "un 2 de 10"), a wait told in units of time
//! ("tres horas en la pista", "five days 'in delivery'"), and nobody or nothing happening
//! ("nadie contesta", "not a single announcement"). The last two only speak when no word of
//! the comment does: they are the weakest evidence there is.

/// A number written with digits or in words (Spanish or English), up to twenty.
fn number(word: &str) -> Option<u32> {
    if word.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    // The longest number word is seven letters ("fifteen"): longer words skip the match.
    if word.len() > 7 {
        return None;
    }
    // A `match`, not a list scan: this runs for every word of every comment.
    Some(match word {
        "cero" | "zero" => 0,
        "un" | "una" | "uno" | "one" | "a" => 1,
        "dos" | "two" => 2,
        "tres" | "three" => 3,
        "cuatro" | "four" => 4,
        "cinco" | "five" => 5,
        "seis" | "six" => 6,
        "siete" | "seven" => 7,
        "ocho" | "eight" => 8,
        "nueve" | "nine" => 9,
        "diez" | "ten" => 10,
        "doce" | "twelve" => 12,
        "quince" | "fifteen" => 15,
        "veinte" | "twenty" => 20,
        _ => return None,
    })
}

/// What a number counts when it is no mark: time, money, people, times.
const UNITS: &[&str] = &[
    "minutos", "min", "segundos", "anos", "euros", "pesos", "dolares", "personas", "veces",
    "minutes", "mins", "seconds", "years", "dollars", "people", "times",
];

/// Whether the number at `i` counts something ("de 10 días", "10 minutes"), so that it is no
/// mark out of ten.
pub fn counts_something(words: &[&str], i: usize) -> bool {
    number(words[i]).is_some()
        && words
            .get(i + 1)
            .is_some_and(|w| TIME_UNITS.contains(w) || UNITS.contains(w))
}

const STARS: &[&str] = &["estrella", "estrellas", "star", "stars"];
pub const TIME_UNITS: &[&str] = &[
    "horas", "hora", "dias", "semanas", "meses", "hours", "days", "weeks", "months",
];
/// Words before a quantity of time that make it a speed or a length, not a wait: "llegó en
/// dos días", "un curso de 8 semanas", "reservé para tres días".
const NOT_A_WAIT: &[&str] = &[
    "en", "in", "within", "dentro", "under", "antes", "menos", "less", "para", "for", "de", "of",
    "durante", "during",
];
const NOBODY: &[&[&str]] = &[
    &["nadie"],
    &["nobody"],
    &["no", "one"],
    &["ni", "un"],
    &["ni", "una"],
    &["not", "a", "single"],
    &["nunca"],
    &["never"],
];

/// A score on a 1..5 star scale or a 0..10 scale, in lexicon units (-4..4).
fn stars(n: u32) -> f64 {
    match n {
        0 | 1 => -2.5,
        2 => -1.5,
        3 => 0.0,
        4 => 1.5,
        _ => 2.5,
    }
}

fn out_of_ten(n: u32) -> f64 {
    (f64::from(n.min(10)) - 5.0) / 5.0 * 3.0
}

/// Spans of time too short for a product to have lasted: "duró dos semanas", "lasted a month".
const SHORT_SPANS: &[&str] = &[
    "dia", "dias", "semana", "semanas", "mes", "meses", "day", "days", "week", "weeks", "month",
    "months",
];

/// The words without which `short_lives` finds nothing.
pub const SHORT_LIFE_TRIGGERS: &[&str] = &["duro", "duraron", "durado", "lasted"];

/// "Ha durado dos semanas", "only lasted a month": a product that broke early, told as a
/// length of time. Only the past (the present "la batería dura dos días" is praise), and not
/// where a battery or a charge is the subject (a charge that lasted two days is good).
pub fn short_lives(words: &[&str]) -> Vec<(usize, f64, String)> {
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if !SHORT_LIFE_TRIGGERS.contains(word) {
            continue;
        }
        let span = words[i + 1..]
            .iter()
            .take(4)
            .position(|w| number(w).is_some())
            .map(|k| i + 1 + k)
            .filter(|&k| words.get(k + 1).is_some_and(|u| SHORT_SPANS.contains(u)));
        let charge = words.iter().any(|w| {
            matches!(
                *w,
                "bateria" | "battery" | "carga" | "charge" | "pila" | "pilas" | "batteries"
            )
        });
        if let Some(k) = span.filter(|_| !charge) {
            let told = words[i..=k + 1].join(" ");
            out.push((i, -1.5, format!("\"{told}\": it did not last -1.5")));
        }
    }
    out
}

/// Saying a place or a thing needs upkeep: "necesitaba una mano de pintura", "necesita una
/// reforma urgente", "in need of renovation", "could do with a refresh". Told as a need, the
/// lexicon sees nothing (or praise: "refresh", "upgrade", "buena"). Returns the words told,
/// first to last, and why; not where the customer is the one in need ("I needed an upgrade").
pub fn needs_upkeep(words: &[&str]) -> Vec<(std::ops::RangeInclusive<usize>, String)> {
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        // Most words start otherwise: one byte turns them away.
        if !matches!(word.as_bytes().first(), Some(b'n' | b'u' | b'w')) {
            continue;
        }
        // Where the need is told from: "in need of", "could use", "could do with".
        let start = match *word {
            "necesita" | "necesitan" | "necesitaba" | "necesitaban" | "necesitaria"
            | "necesitarian" | "needs" | "needed" => i,
            "need" if i > 0 && words[i - 1] == "in" => i - 1,
            "use" if i > 0 && words[i - 1] == "could" => i - 1,
            "with" if i > 1 && words[i - 2] == "could" && words[i - 1] == "do" => i - 2,
            _ => continue,
        };
        // Who needs it: the word before, past adverbs ("really needed", "urgently needs"), and
        // the one before that ("mi coche necesitaba un arreglo" is the customer's car).
        let mut before = words[..start]
            .iter()
            .rev()
            .filter(|w| !UPKEEP_ADVERBS.contains(w));
        let subject = before.next().copied().unwrap_or_default();
        let owner = before.next().copied().unwrap_or_default();
        let past = matches!(*word, "necesitaba" | "necesitaban" | "needed");
        if UPKEEP_NOT_A_PLACE.contains(&subject)
            || (!subject.is_empty() && UPKEEP_NOT_A_PLACE.contains(&owner))
            || super::rules::NEGATORS.contains(&subject)
            // "Necesitaba un lavado y me la dejaron como nueva": a past need without its thing
            // named is the customer's, the reason for the visit.
            || (past && subject.is_empty())
        {
            continue;
        }
        let Some(k) = words[i + 1..]
            .iter()
            .take(5)
            .take_while(|w| !w.is_empty() && (UPKEEP_FILLERS.contains(w) || UPKEEP.contains(w)))
            .position(|w| UPKEEP.contains(w))
            .map(|k| i + 1 + k)
        else {
            continue;
        };
        let told = words[start..=k].join(" ");
        out.push((
            start..=k,
            format!("\"{told}\": it needs upkeep {UPKEEP_SCORE:+.1}"),
        ));
    }
    out
}

pub const UPKEEP_SCORE: f64 = -1.5;

/// Words before a need that make it someone's need, not a worn place's: the customer ("I
/// needed an upgrade", "mi coche necesitaba un arreglo" is why they came), advice ("you could
/// use"), anyone ("anyone in need of a makeover"), and how rarely ("rarely needs updating").
const UPKEEP_NOT_A_PLACE: &[&str] = &[
    "i",
    "we",
    "you",
    "they",
    "he",
    "she",
    "yo",
    "nosotros",
    "me",
    "my",
    "our",
    "your",
    "mi",
    "mis",
    "nuestro",
    "nuestra",
    "nuestros",
    "nuestras",
    "tu",
    "tus",
    "anyone",
    "who",
    "que",
    "quien",
    "quienes",
    "alguien",
    "cualquiera",
    "rarely",
    "barely",
    "hardly",
    "seldom",
    "apenas",
    "casi",
    "raramente",
    "rara",
];

/// Adverbs between the one in need and the need: "really needed", "realmente necesita".
const UPKEEP_ADVERBS: &[&str] = &[
    "really",
    "urgently",
    "badly",
    "desperately",
    "definitely",
    "also",
    "still",
    "realmente",
    "urgentemente",
    "tambien",
    "todavia",
    "aun",
    "ya",
];

/// What a worn place or thing needs.
pub const UPKEEP: &[&str] = &[
    "pintura",
    "reforma",
    "renovacion",
    "actualizacion",
    "remodelacion",
    "limpieza",
    "mantenimiento",
    "arreglo",
    "arreglos",
    "lavado",
    "repaso",
    "renovation",
    "refurbishment",
    "refurb",
    "update",
    "updating",
    "upgrade",
    "upgrading",
    "refresh",
    "refurbishing",
    "paint",
    "painting",
    "repair",
    "repairs",
    "maintenance",
    "makeover",
    "facelift",
    "cleaning",
    "tlc",
];

/// Words that may stand between the need and what is needed: "una buena mano de", "a serious".
const UPKEEP_FILLERS: &[&str] = &[
    "una",
    "un",
    "buena",
    "urgente",
    "mano",
    "de",
    "a",
    "an",
    "some",
    "good",
    "serious",
    "major",
    "complete",
    "total",
    "lick",
    "of",
    "fresh",
    "bit",
    "little",
    "urgent",
    "badly",
    "desperately",
    "seriously",
    "urgently",
    "profunda",
];

/// The words without which `written_scores` finds nothing: a star, or the top of a scale ("de
/// 10", "8/10"), or a whole mark ("un 10", "un cero").
pub const WRITTEN_SCORE_TRIGGERS: &[&str] = &[
    "estrella",
    "estrellas",
    "star",
    "stars",
    "5",
    "10",
    "diez",
    "0",
    "cero",
];

/// Scores written in the comment: `(word index, score, why)`.
pub fn written_scores(words: &[&str]) -> Vec<(usize, f64, String)> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        let Some(n) = number(words[i]) else { continue };
        let next = |k: usize| words.get(i + k).copied().unwrap_or_default();
        let digits = words[i].bytes().all(|b| b.is_ascii_digit());
        if STARS.contains(&next(1)) && n <= 6 {
            let s = stars(n);
            if s != 0.0 {
                out.push((i, s, format!("{n} {} {s:+.1}", next(1))));
            }
        } else if let Some(top) = out_of(words, i, digits).filter(|_| n <= 10) {
            let s = if top == 5 { stars(n) } else { out_of_ten(n) };
            if s != 0.0 && n <= top {
                out.push((i, s, format!("{n}/{top} {s:+.1}")));
            }
        } else if matches!(words[i], "10" | "diez" | "0" | "cero")
            && i > 0
            && words[i - 1] == "un"
            && !counts_something(words, i)
        {
            // "Un 10 para la recepcionista", "un cero": a school mark given whole.
            let s = out_of_ten(n);
            out.push((i, s, format!("\"un {}\" {s:+.1}", words[i])));
        }
    }
    out
}

/// "8/10", "4 de 5", "4 out of 5", "7 sobre 10": the top of the scale the number at `i` is
/// given on. A digit pair counts only when no third number follows (not the date "3/10/2025").
fn out_of(words: &[&str], i: usize, digits: bool) -> Option<u32> {
    let next = |k: usize| words.get(i + k).copied().unwrap_or_default();
    let top = |w: &str| matches!(w, "5" | "10").then(|| w.parse().ok()).flatten();
    if digits
        && number(next(2)).is_none()
        && let Some(t) = top(next(1))
    {
        return Some(t);
    }
    if matches!(next(1), "de" | "sobre") {
        return top(next(2));
    }
    if next(1) == "out" && next(2) == "of" {
        return top(next(3));
    }
    None
}

/// The words without which `none_of` finds nothing.
pub const NONE_OF_TRIGGERS: &[&str] = &["cero", "zero"];

/// Things a customer says there were none of, when the lexicon has no word for them: "cero
/// higiene", "zero communication" count against. (Where it does, "cero" negates the word, so
/// "cero problemas" and "zero pressure" count for.) `(word index, score, why)`.
pub fn none_of(words: &[&str], known: impl Fn(&str) -> bool) -> Vec<(usize, f64, String)> {
    let mut out = Vec::new();
    for (i, pair) in words.windows(2).enumerate() {
        let [zero, what] = pair else { continue };
        if !NONE_OF_TRIGGERS.contains(zero)
            || what.is_empty()
            || number(what).is_some()
            || matches!(*what, "coma" | "punto" | "point")
        {
            continue;
        }
        // "desde cero", "from zero": a starting point, not an absence.
        if i > 0 && matches!(words[i - 1], "desde" | "de" | "from" | "to" | "a") {
            continue;
        }
        if !known(what) {
            out.push((i, -1.2, format!("\"{zero} {what}\": none of it -1.2")));
        }
    }
    out
}

/// What the product was measured against: what it looked like, what was advertised, what was
/// expected. "De lo que", "de la que", "than" open the comparison.
pub const CLAIMS: &[&str] = &[
    "parece",
    "parecia",
    "parecen",
    "parecian",
    "aparenta",
    "esperaba",
    "esperabamos",
    "pensaba",
    "imaginaba",
    "creia",
    "pone",
    "dice",
    "indica",
    "anuncia",
    "anuncian",
    "publicita",
    "muestra",
    "describe",
    "promete",
    "expected",
    "advertised",
    "described",
    "pictured",
    "shown",
    "listed",
    "stated",
    "promised",
    "looks",
    "appears",
    "thought",
    "imagined",
    "anticipated",
    "hoped",
];

/// Comparatives that fall short of a claim, and ones that beat it, when the lexicon has no
/// feeling for them: "smaller than advertised", "cheaper than advertised".
const SHORT_OF: &[&str] = &[
    "pequeno", "pequena", "pequenos", "pequenas", "corto", "corta", "cortos", "cortas", "fino",
    "fina", "menos", "smaller", "shorter", "thinner", "less", "later", "slower", "weaker", "tarde",
];
const BEYOND: &[&str] = &[
    "antes", "sooner", "earlier", "faster", "cheaper", "mejor", "mejores", "better",
];

/// "Mucho más pequeño de lo que parece", "menos capacidad de la que se publicita", "smaller
/// than advertised": a comparison with what was shown or promised is a complaint, unless what is
/// compared is good ("mejor de lo que esperaba", "more comfortable than expected").
/// `valence` is the lexicon's score of a word. `(word index, score, why)`.
pub fn against_claims(
    words: &[&str],
    valence: impl Fn(&str) -> Option<f64>,
) -> Vec<(usize, f64, String)> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        let opens = match words[i] {
            "than" => 1,
            "de" if matches!(words.get(i + 1), Some(&"lo" | &"la" | &"los" | &"las"))
                && words.get(i + 2) == Some(&"que") =>
            {
                3
            }
            _ => continue,
        };
        let claim = words[i + opens..]
            .iter()
            .take(3)
            .take_while(|w| !w.is_empty())
            .find(|w| CLAIMS.contains(w));
        let Some(claim) = claim else { continue };
        // What is compared, back to the clause's start: "más pequeño", "smaller", "less".
        let from = words[..i]
            .iter()
            .rposition(|w| w.is_empty() || super::rules::CLAUSE_JOINERS.contains(w))
            .map_or(0, |b| b + 1)
            .max(i.saturating_sub(3));
        let compared = &words[from..i];
        let fewer = compared
            .iter()
            .any(|w| matches!(*w, "fewer" | "less" | "menos"));
        let scored: f64 = compared.iter().filter_map(|w| valence(w)).sum();
        let good = if scored != 0.0 {
            // "fewer problems than expected": less of a bad thing is good, and less of a good
            // one bad ("less comfortable than it looks").
            if fewer { scored < 0.0 } else { scored > 0.0 }
        } else if compared.iter().any(|w| SHORT_OF.contains(w)) {
            false
        } else if compared.iter().any(|w| BEYOND.contains(w)) {
            true
        } else {
            // "más grande de lo que pensaba": bigger is not better or worse by itself.
            continue;
        };
        let score = if good { 1.5 } else { -1.5 };
        let verdict = if good { "better than" } else { "short of" };
        out.push((i, score, format!("{verdict} what it {claim}: {score:+.1}")));
    }
    out
}

/// The words without which `excess` finds nothing.
pub const EXCESS_TRIGGERS: &[&str] = &["too", "demasiado", "demasiada", "demasiados", "demasiadas"];

/// "Too short", "way too big", "demasiado pequeño": too much of something the lexicon has no
/// feeling for is a complaint (where it has, "too bad", "demasiado caro", the word counts and
/// "too" boosts it). `valence` is the lexicon's score of a word. `(word index, score, why)`.
pub fn excess(words: &[&str], valence: impl Fn(&str) -> Option<f64>) -> Vec<(usize, f64, String)> {
    let mut out = Vec::new();
    for (i, pair) in words.windows(2).enumerate() {
        let [too, what] = pair else { continue };
        if !EXCESS_TRIGGERS.contains(too)
            || what.is_empty()
            || valence(what).is_some()
            // "helpful too and…", "too, which…": "too" meaning "also".
            || (super::language::is_function_word(what)
                && !matches!(*what, "much" | "mucho" | "poco"))
            || matches!(*what, "which" | "as" | "because")
            || matches!(*what, "much" | "many" | "mucho" | "muchos" | "muchas")
                && words.get(i + 2).is_some_and(|w| valence(w).is_some())
        {
            continue;
        }
        // "isn't too high", "no fue demasiado larga", "not too big": denied excess.
        let denied = words[i.saturating_sub(2)..i]
            .iter()
            .any(|w| super::rules::NEGATORS.contains(w) || w.ends_with("n't"));
        if denied {
            continue;
        }
        out.push((i, -1.0, format!("\"{too} {what}\": too much -1.0")));
    }
    out
}

/// Interjections of praise that, alone before a break, open a sarcastic comment when a
/// complaint follows: "Genial, otra semana sin internet".
const SARCASTIC_INTERJECTIONS: &[&str] = &[
    "genial",
    "fantastico",
    "maravilloso",
    "estupendo",
    "perfecto",
    "bravo",
    "fenomenal",
    "great",
    "wonderful",
    "fantastic",
    "brilliant",
    "perfect",
    "lovely",
    "awesome",
    "wow",
];

/// Openings that praise a fact before saying it: "Me encanta que…", "Qué rapidez: …", "Love
/// how…". Sincere as often as not; sarcastic only when a complaint follows.
const SARCASTIC_OPENINGS: &[&[&str]] = &[
    &["que", "bien"],
    &["que", "rapidez"],
    &["que", "puntualidad"],
    &["que", "eficiencia"],
    &["que", "detalle"],
    &["que", "maravilla"],
    &["me", "encanta", "que"],
    &["me", "encanta", "cuando"],
    &["me", "encanta", "pagar"],
    &["me", "encanta", "esperar"],
    &["maravilloso", "que"],
    &["fantastico", "que"],
    &["genial", "que"],
    &["nada", "como"],
    &["oh", "great"],
    &["just", "great"],
    &["love", "how"],
    &["love", "that"],
    &["love", "it", "when"],
    &["i", "love", "how"],
    &["i", "love", "it", "when"],
    &["i", "love", "paying"],
    &["i", "love", "waiting"],
    &["love", "paying"],
    &["love", "waiting"],
    &["nothing", "like"],
];

/// Words that tell a complaint repeats: sarcasm's usual company ("otra semana sin internet",
/// "como cada mes", "another delayed flight").
const REPEATS: &[&str] = &["otra", "otro", "otras", "otros", "another", "again", "cada"];

/// Where a comment opens with praise that a complaint then contradicts ("Genial, otra semana
/// sin internet", "Qué rapidez: cinco semanas para…", "Love how the app crashes on payday"):
/// the number of words the opening spans, or `None`. `feeling_after(i)` tells whether the
/// scorer found (a complaint, praise) from word `i` on: praise after the opening makes it
/// sincere ("Great, will order again"). A comment with a contrast word ("genial, pero…") is a
/// mixed verdict, not sarcasm, and is left to the contrast rule.
pub fn sarcastic_opening(
    words: &[&str],
    feeling_after: impl Fn(usize) -> (bool, bool),
) -> Option<usize> {
    // The opening first: most comments have none, and skip the scans below.
    let span = if SARCASTIC_INTERJECTIONS.contains(words.first()?)
        && words.get(1).is_some_and(|w| w.is_empty())
    {
        1
    } else {
        SARCASTIC_OPENINGS
            .iter()
            .find(|o| words.starts_with(o))?
            .len()
    };
    // A "but" or "although" makes a mixed verdict, not sarcasm: the contrast rule weighs it.
    if words
        .iter()
        .any(|w| super::rules::CONTRAST.contains(w) || super::rules::CONCESSION.contains(w))
    {
        return None;
    }
    let rest = &words[span..];
    // The complaint may be the opening's own last word ("love waiting", "me encanta pagar");
    // praise is looked for only after it.
    let (complaint, _) = feeling_after(1);
    let (_, praise) = feeling_after(span);
    // A repeat counts only with a denial: "otra semana sin internet", not "will order again".
    let repeated_lack = rest.iter().any(|w| REPEATS.contains(w))
        && rest.iter().any(|w| super::rules::NEGATORS.contains(w));
    ((complaint || repeated_lack) && !praise).then_some(span)
}

/// Words that wish for something ("deberían", "should", "need", "ojalá"): the triggers of
/// `wishes`. Some wish only with a word after them: "tienen que", "would be", "need to".
pub const WISHING: &[&str] = &[
    "deberian",
    "deberia",
    "debieran",
    "debe",
    "deben",
    "tendrian",
    "tienen",
    "tiene",
    "hay",
    "podrian",
    "podria",
    "seria",
    "serian",
    "necesitan",
    "necesita",
    "gustaria",
    "ojala",
    "should",
    "could",
    "would",
    "could've",
    "should've",
    "would've",
    "it'd",
    "need",
    "needs",
    "ought",
    "wish",
];

/// English comparatives of praise a wish asks for ("could be friendlier"). A list, not every
/// word in "-er": Spanish infinitives end so too ("agradecer", "atender").
const COMPARATIVES_EN: &[&str] = &[
    "better",
    "faster",
    "quicker",
    "cheaper",
    "friendlier",
    "nicer",
    "easier",
    "clearer",
    "cleaner",
    "kinder",
    "politer",
    "smoother",
    "simpler",
    "warmer",
    "calmer",
];

/// "Mejor", "better", "faster": a comparative of praise.
pub fn is_comparative(word: &str) -> bool {
    matches!(word, "mejor" | "mejores") || COMPARATIVES_EN.contains(&word)
}

/// What follows a wishing word when it reports instead ("hay que reconocer que…", "I must say
/// the staff were more helpful"), and what good wishes wish for ("wish you even more success").
const REPORTING: &[&str] = &[
    "reconocer",
    "decir",
    "destacar",
    "admitir",
    "say",
    "mention",
    "admit",
    "add",
    "note",
];
const GOOD_WISHES: &[&str] = &["success", "luck", "best", "well", "exito", "suerte"];

/// "Deberían capacitar mejor al personal", "staff need to be more helpful", "tendrían que ser
/// más rápidos", "I wish the staff were more helpful": praise wished for is what the customer
/// did not get. Returns (index of the wishing word, index of a word that may be the praise
/// wished for): a comparative ("mejor", "better", "faster") or one of the two words after "más" /
/// "more" ("more user friendly"), in the same clause. Not when a negator stands between or
/// before in the clause ("no podría ser mejor", "could not be happier": praise), after an "if",
/// in a question of praise ("how could it be better?", "could they be any friendlier?",
/// "difícilmente podrían hacerlo mejor"), for someone else's need ("anyone who needs better
/// service should come here"), as a report ("hay que reconocer que atienden mejor"), as good
/// wishes ("wish you even more success"), or for what grows ("cada vez mejor").
pub fn wishes(words: &[&str]) -> Vec<(usize, usize)> {
    use super::rules::NEGATORS;
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !WISHING.contains(w) {
            continue;
        }
        let next = words.get(i + 1).copied().unwrap_or_default();
        let wishes_here = match *w {
            "tendrian" | "tienen" | "tiene" | "hay" => next == "que",
            "would" => matches!(next, "be" | "have"),
            "need" | "needs" => matches!(next, "to" | "more" | "better"),
            "wish" => !words[i + 1..]
                .iter()
                .take(6)
                .any(|w| GOOD_WISHES.contains(w)),
            _ => true,
        };
        let after_que = if next == "que" {
            words.get(i + 2)
        } else {
            Some(&next)
        };
        if !wishes_here || after_que.is_some_and(|w| REPORTING.contains(w)) {
            continue;
        }
        // The wishing word's own clause before it: a negator, an "if" or a question there.
        let clause_before = words[i.saturating_sub(3)..i]
            .iter()
            .rev()
            .take_while(|b| !b.is_empty());
        let questioned = clause_before.clone().any(|b| {
            NEGATORS.contains(b) || matches!(*b, "if" | "si" | "how" | "dificilmente" | "hardly")
        }) || (i > 0
            && matches!(words[i - 1], "who" | "anyone" | "whoever" | "quien"));
        if questioned {
            continue;
        }
        for k in i + 1..words.len().min(i + 8) {
            let word = words[k];
            if word.is_empty() || NEGATORS.contains(&word) || word.ends_with("n't") {
                break;
            }
            let after_more = matches!(words[k - 1], "mas" | "more");
            let comparative = is_comparative(word);
            if !(after_more || comparative) {
                continue;
            }
            // "Try the better rooms", "all you could want and better", "lo mejor que he
            // probado", "any friendlier", "cada vez mejor", "better than the rest": a thing
            // named, more than enough, a question of praise, growth or a comparison.
            // "Hard to find a better place", "deben probar sus mejores platos": praise of what
            // is there.
            let not_wished = matches!(
                words[k - 1],
                "the"
                    | "a"
                    | "and"
                    | "or"
                    | "any"
                    | "their"
                    | "your"
                    | "el"
                    | "la"
                    | "lo"
                    | "los"
                    | "las"
                    | "su"
                    | "sus"
                    | "tu"
                    | "tus"
                    | "y"
                    | "o"
                    | "vez"
            ) || (after_more && k >= 2 && matches!(words[k - 2], "any" | "vez"))
                || matches!(words.get(k + 1).copied(), Some("than" | "que"));
            if !not_wished {
                out.push((i, k));
                // "More user friendly": the praise may be the word after next; not an adverb
                // or a comparison ("más gente así", "more people like her").
                if after_more
                    && words.get(k + 1).is_some_and(|w| {
                        !w.is_empty() && !matches!(*w, "asi" | "like" | "como" | "here" | "aqui")
                    })
                {
                    out.push((i, k + 1));
                }
            }
            break;
        }
    }
    out
}

/// Verbs of hoping, and what was hoped for when it is more: "esperaba algo un poco mejor",
/// "me esperaba un mapa más grande", "expected better quality", "hoped for more".
pub const HOPING_ES: &[&str] = &["esperaba", "esperabamos", "imaginaba"];
pub const HOPING_EN: &[&str] = &["expected", "expecting", "hoped"];
const MORE: &[&str] = &["mejor", "mejores", "mas", "superior", "better", "more"];

/// "Esperaba algo mejor", "I'd expected a better experience": the better thing was hoped for,
/// not got. Returns the index of the verb of hoping and of the word that tells the "more". Not
/// when the hope is denied ("no esperaba más") or is what a comparison is made against ("mejor
/// de lo que esperaba", "more than I expected"), and not when the "more" belongs to something
/// else: "what I expected and more", "expected to pay more", "esperaba tardar más", "expecting
/// more of a wait", "lo esperaba con más ganas".
pub fn hoped_for_more(words: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, verb) in words.iter().enumerate() {
        // Every verb of hoping is five letters or more: most words are ruled out by length.
        if verb.len() < 5 {
            continue;
        }
        let spanish = HOPING_ES.contains(verb);
        if !spanish && !HOPING_EN.contains(verb) {
            continue;
        }
        let before = &words[i.saturating_sub(3)..i];
        if before.iter().any(|w| {
            super::rules::NEGATORS.contains(w) || matches!(*w, "que" | "than" | "as" | "como")
        }) {
            continue;
        }
        // A Spanish infinitive between takes the "more" ("esperaba pagar más").
        let belongs_elsewhere = |w: &str| {
            matches!(w, "" | "to" | "and" | "y" | "e" | "con" | "with")
                || (spanish
                    && w.len() > 4
                    && (w.ends_with("ar") || w.ends_with("er") || w.ends_with("ir")))
        };
        for k in i + 1..words.len().min(i + 6) {
            if MORE.contains(&words[k]) {
                if words.get(k + 1) != Some(&"of") {
                    out.push((i, k));
                }
                break;
            }
            if belongs_elsewhere(words[k]) {
                break;
            }
        }
    }
    out
}

/// The negators that deny a verb, besides every English word ending in "n't": the words
/// without which `failures` finds nothing.
pub const DENIERS_EN: &[&str] = &["not", "never", "cannot"];
pub const DENIERS_ES: &[&str] = &["no", "nunca", "jamas"];

/// "Didn't fit", "never arrived", "no encaja", "no se sujeta": a product or service that does not
/// do what it is for. Returns (index of the negator, score, explanation).
pub fn failures(words: &[&str]) -> Vec<(usize, f64, String)> {
    use super::rules;
    let mut out = Vec::new();
    for (n, negator) in words.iter().enumerate() {
        // Only negators that deny a verb, each with its language's verbs: in "nothing sticks",
        // "nada se pega" the negator is the subject, and the pan is non-stick; "no charge" is a
        // noun. Matched first, as negators are rarer than verbs.
        let verbs = if negator.ends_with("n't") || DENIERS_EN.contains(negator) {
            rules::FUNCTION_VERBS_EN
        } else if DENIERS_ES.contains(negator) {
            rules::FUNCTION_VERBS_ES
        } else {
            continue;
        };
        let Some(at) = (n + 1..words.len().min(n + 4))
            .find(|&k| !rules::BETWEEN_DENIAL_AND_VERB.contains(&words[k]))
            .filter(|&k| verbs.contains(&words[k]))
        else {
            continue;
        };
        let verb = words[at];
        // "If it doesn't fit, return it": no failure told.
        let conditional = words[n.saturating_sub(3)..n]
            .iter()
            .any(|w| matches!(*w, "if" | "si"));
        // "El frío no llega": a nuisance kept out is the room doing its job.
        let nuisance_kept_out = rules::ARRIVING.contains(&verb)
            && words[n.saturating_sub(2)..n]
                .iter()
                .any(|w| rules::NUISANCES.contains(w));
        // "They didn't charge me for the extra night": a kindness, not a flat battery.
        let not_billed = verb.starts_with("charge")
            && words.get(at + 1).is_some_and(|w| rules::BILLED.contains(w));
        if !conditional && !nuisance_kept_out && !not_billed {
            out.push((
                n,
                -1.8,
                format!("\"{negator} {verb}\": does not do its job -1.8"),
            ));
        }
    }
    out
}

/// Waits and absences, for a comment in which no word carries feeling.
pub fn implicit_complaints(words: &[&str]) -> Vec<(usize, f64, String)> {
    let mut out = Vec::new();
    let mut denied = false;
    for i in 0..words.len() {
        let before = i.checked_sub(1).map(|k| words[k]).unwrap_or_default();
        if number(words[i]).is_some_and(|n| n >= 2)
            && TIME_UNITS.contains(&words.get(i + 1).copied().unwrap_or_default())
            && !NOT_A_WAIT.contains(&before)
        {
            let unit = words[i + 1];
            out.push((
                i,
                -1.2,
                format!("\"{} {unit}\" told as a wait -1.2", words[i]),
            ));
        }
        // "Never used cast iron before", "nunca antes había…": a first time, not an absence.
        let first_time = |after: &[&str]| {
            after
                .iter()
                .take_while(|w| !w.is_empty())
                .any(|w| matches!(*w, "before" | "antes"))
        };
        if let Some(p) = NOBODY
            .iter()
            .find(|p| words[i..].starts_with(p) && !first_time(&words[i..]))
        {
            out.push((
                i,
                -1.0,
                format!("\"{}\": nobody, nothing -1.0", p.join(" ")),
            ));
        } else if !denied
            && !first_time(&words[i..])
            && let Some(denied_word) = denial(words, i)
        {
            // "Doesn't show up much", "not sturdy", "no trae instrucciones": with no word of
            // feeling anywhere, a denial is what the customer did not get.
            denied = true;
            let phrase = words[i..=denied_word].join(" ");
            out.push((i, -1.0, format!("\"{phrase}\": a denial -1.0")));
        }
    }
    out
}

/// The word a negator at `i` denies, unless the negator stands alone ("No."), adds rather than
/// denies ("not only", "nada más llegar", "ni más ni menos"), only tempers ("not much", "not
/// too loud"), is a condition ("if you haven't been, go"), praises ("couldn't be simpler") or
/// says how something was done ("sin dudarlo", "without thinking").
///
/// Returns the index of the denied word, read past object pronouns ("no lo trae").
fn denial(words: &[&str], i: usize) -> Option<usize> {
    use super::rules;
    let at = (i + 1..words.len()).find(|&k| !CLITICS.contains(&words[k]))?;
    let next = words[at];
    // "No olvides cargarlo", "no hay que instalar nada", "haven't tried it yet": advice, or what
    // the customer has not done yet, is not what they did not get.
    let advice = matches!(next, "olvides" | "olvideis" | "forget")
        || (next == "hay" && words.get(at + 1) == Some(&"que"));
    let untried = UNTRIED.contains(&next)
        || (HABER.contains(&next) && words.get(at + 1).is_some_and(|w| UNTRIED.contains(w)));
    let conditional = words[i.saturating_sub(3)..i]
        .iter()
        .any(|w| matches!(*w, "if" | "si"));
    let unbeatable =
        matches!(words[i], "couldn't" | "cannot" | "can't") && matches!(next, "be" | "have");
    let manner = matches!(words[i], "sin" | "without") && is_verb_form(next);
    // "No branch visit needed", "no appointment required": an ease, not a lack.
    let needless = words[at..]
        .iter()
        .take(3)
        .any(|w| matches!(*w, "needed" | "required" | "necessary"));
    (rules::NEGATORS.contains(&words[i])
        && !next.is_empty()
        && !rules::NOT_A_NEGATION.contains(&next)
        && !matches!(next, "mas" | "more" | "menos" | "less" | "much" | "mucho")
        && rules::booster(next).is_none()
        && !conditional
        && !unbeatable
        && !manner
        && !needless
        && !advice
        && !untried)
        .then_some(at)
}

/// What a customer has not yet tried ("no lo he probado", "haven't tested it").
const UNTRIED: &[&str] = &["probado", "usado", "estrenado", "tried", "tested", "used"];

/// The Spanish auxiliary of the perfect ("no lo he probado").
const HABER: &[&str] = &["he", "has", "ha", "hemos", "habeis", "han"];

/// Spanish object pronouns, which stand between a negator and its verb ("no la encontraban").
const CLITICS: &[&str] = &[
    "lo", "la", "los", "las", "le", "les", "me", "te", "se", "nos", "os",
];

/// A Spanish infinitive, with or without a pronoun ("dudar", "dudarlo", "pensarlo"), or an
/// English "-ing" form: what "sin" and "without" take when they say how, not what is missing.
fn is_verb_form(word: &str) -> bool {
    let bare = [
        "los", "las", "lo", "la", "le", "se", "nos", "os", "me", "te",
    ]
    .iter()
    .find_map(|p| word.strip_suffix(p))
    .unwrap_or(word);
    word.len() > 4
        && (word.ends_with("ing") || ["ar", "er", "ir"].iter().any(|e| bare.ends_with(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn reads_written_scores() {
        let w = words("5 estrellas tal cual la foto");
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        assert_eq!(written_scores(&w)[0].1, 2.5);
        let w = ["le", "doy", "un", "2", "de", "10"];
        assert!(written_scores(&w)[0].1 < -1.0);
        let w = ["i'd", "rate", "it", "8", "10"];
        assert!(written_scores(&w)[0].1 > 1.0);
        let w = ["le", "doy", "4", "de", "5"];
        assert_eq!(written_scores(&w)[0].1, 1.5);
        let w = ["5", "5", "the", "desserts"];
        assert_eq!(written_scores(&w)[0].1, 2.5);
        // "Un 10" is a mark of ten, not one out of ten; a date is not a score.
        let w = ["un", "10", "al", "asesor"];
        assert_eq!(written_scores(&w).len(), 1);
        assert!(written_scores(&w)[0].1 > 2.0);
        let w = ["el", "3", "10", "2025"];
        assert!(written_scores(&w).is_empty());
    }

    #[test]
    fn none_of_a_good_thing_is_bad_and_none_of_a_problem_is_good() {
        let known = |w: &str| w == "issues";
        assert_eq!(none_of(&["cero", "higiene"], known)[0].1, -1.2);
        assert!(
            none_of(&["zero", "issues", "so", "far"], known).is_empty(),
            "negated instead"
        );
        assert!(none_of(&["empezar", "desde", "cero"], known).is_empty());
        assert!(
            none_of(&["cero", "coma", "cinco"], known).is_empty(),
            "a decimal, 0,5"
        );
    }

    #[test]
    fn a_wait_counts_but_a_fast_delivery_does_not() {
        let w = ["tres", "horas", "en", "la", "pista"];
        assert_eq!(implicit_complaints(&w).len(), 1);
        let w = ["llego", "en", "dos", "dias"];
        assert!(implicit_complaints(&w).is_empty());
        let w = ["nadie", "contesta"];
        assert_eq!(implicit_complaints(&w)[0].1, -1.0);
    }

    #[test]
    fn a_denied_function_is_a_failure() {
        assert_eq!(
            failures(&["love", "the", "color", "but", "didn't", "fit"]).len(),
            1
        );
        assert_eq!(failures(&["did", "not", "even", "fit"])[0].0, 1);
        assert_eq!(failures(&["la", "tapa", "no", "se", "sujeta"]).len(), 1);
        assert!(failures(&["fits", "well"]).is_empty());
        assert!(
            failures(&["nothing", "sticks"]).is_empty(),
            "a non-stick pan"
        );
        assert!(failures(&["if", "it", "doesn't", "fit", "return", "it"]).is_empty());
    }

    #[test]
    fn a_denial_is_a_complaint_once_unless_it_adds() {
        let w = ["doesn't", "show", "up", "much", "and", "doesn't", "stick"];
        assert_eq!(implicit_complaints(&w).len(), 1);
        assert!(
            implicit_complaints(&["no", "trae", "instrucciones"])[0]
                .2
                .contains("no trae")
        );
        assert!(implicit_complaints(&["not", "only", "cheap"]).is_empty());
        assert!(implicit_complaints(&["nada", "mas", "llegar"]).is_empty());
        assert!(implicit_complaints(&["no", "", "gracias"]).is_empty());
        assert!(implicit_complaints(&["ni", "mas", "ni", "menos"]).is_empty());
        assert!(implicit_complaints(&["not", "too", "loud"]).is_empty());
        assert!(implicit_complaints(&["if", "you", "haven't", "gone"]).is_empty());
        assert!(implicit_complaints(&["couldn't", "have", "been", "simpler"]).is_empty());
        assert!(implicit_complaints(&["volveria", "sin", "dudarlo"]).is_empty());
        assert!(implicit_complaints(&["sin", "movernos", "del", "hotel"]).is_empty());
        let words = |t: &'static str| t.split(' ').collect::<Vec<_>>();
        assert!(implicit_complaints(&words("no lo he probado todavia")).is_empty());
        assert!(implicit_complaints(&words("haven't tried the spa yet")).is_empty());
        assert!(implicit_complaints(&words("no hay que instalar el programa")).is_empty());
        assert!(implicit_complaints(&words("no olvides cargarlo")).is_empty());
        assert!(implicit_complaints(&words("no branch visit needed")).is_empty());
        assert!(implicit_complaints(&words("have never used cast iron before")).is_empty());
        assert!(implicit_complaints(&words("never been to spain before")).is_empty());
        assert!(
            implicit_complaints(&words("nunca habia comprado antes en esta tienda")).is_empty()
        );
        assert!(!implicit_complaints(&words("never answered my emails")).is_empty());
        assert!(!implicit_complaints(&words("no trae instrucciones")).is_empty());
        let lives = |text: &str| short_lives(&text.split(' ').collect::<Vec<_>>()).len();
        assert_eq!(lives("la manguera ha durado dos semanas"), 1);
        assert_eq!(lives("it only lasted a month"), 1);
        assert_eq!(lives("la bateria me duro dos dias"), 0);
        assert_eq!(lives("lasted five years"), 0);
        assert_eq!(lives("el colchon es duro"), 0);
        let failed = |text: &str| !failures(&text.split(' ').collect::<Vec<_>>()).is_empty();
        assert!(failed("the phone didn't charge overnight"));
        assert!(!failed("they didn't charge me for the extra night"));
        assert!(failed("la calefaccion no calienta"));
        assert!(!failed("el frio no llega a la habitacion"));
        assert!(failed("the heat doesn't work"));
        assert!(failed("el agua caliente no llega"));
        assert!(failed("con el frio no arranca"));
        assert_eq!(implicit_complaints(&["llego", "sin", "caja"]).len(), 1);
    }
}
