//! The scoring pass: phrases and words are looked up in both lexicons (comments mix languages),
//! then negation, boosters, CAPS, stretched letters, contrast and exclamation marks adjust them,
//! and the sum is squashed onto [-1, 1] as VADER does.

use super::cues::{Cue, Cues};
use super::language::{self, FunctionWords, Language};
use super::lexicon::{Lexicon, Phrases};
use super::rules::{self, NEGATION_FACTOR, NEGATION_SCOPE};
use super::tokens::{Token, squeeze, tokenize};
use super::{Label, TextScore};
use super::{morphology, patterns};
use crate::analysis::learn::{Prior, word_features};

pub struct Scorer {
    es: Lexicon,
    en: Lexicon,
    /// Both lexicons' phrases, with the language of each.
    phrases: Phrases<(f64, Language)>,
    /// The model learned from the project's labelled comments, blended with the lexicon.
    prior: Option<Prior>,
}

/// The learned model's share of a comment's valence, the lexicon's being the rest.
const PRIOR_WEIGHT: f64 = 0.5;

/// How much more a complaint weighs than praise of the same strength, in a long comment.
/// Customers praise in passing and complain on purpose: a long unhappy review still holds
/// "great location" and "friendly staff", and the complaints are what decide it. The weight
/// grows from 1 with the comment's lexicon hits and is full from `LONG_HITS` on, so a short
/// "me encanta la tienda, odio la entrega" stays even. Chosen on the `dev` halves (1.3, 1.6
/// and 2.0, flat or from 8 or 12 hits, tried; docs/BENCHMARKS.md).
const NEGATIVITY: f64 = 1.6;
const LONG_HITS: f64 = 8.0;

/// How sure the learned model must be to speak for a comment the lexicon found nothing in.
const PRIOR_FIRM: f64 = 0.7;

/// `text` then the score signed, to `decimals` places (1 or 2): what `format!("{text}
/// {score:+.1}")` writes, without the float formatting machinery, which took a twentieth of
/// the scorer's time. Scores here are lexicon values (one decimal) or valences, so halfway
/// cases that `format!` would round to even do not arise in practice.
fn with_score(mut text: String, score: f64, decimals: u32) -> String {
    let scale = 10_i64.pow(decimals);
    let units = (score * scale as f64).round() as i64;
    text.push(' ');
    text.push(if units < 0 { '-' } else { '+' });
    let (whole, fraction) = (
        units.unsigned_abs() / scale as u64,
        units.unsigned_abs() % scale as u64,
    );
    text.push_str(&whole.to_string());
    text.push('.');
    let digits = fraction.to_string();
    for _ in digits.len()..decimals as usize {
        text.push('0');
    }
    text.push_str(&digits);
    text
}

/// One sentiment-bearing item and its position, before clause weighting.
struct Hit {
    index: usize,
    score: f64,
    why: String,
    /// A word or phrase of the lexicon, as opposed to a pattern, an emoji or a rule's own hit.
    lexical: bool,
    /// Turned round by a negator before it ("no llegaron rotos", "never late").
    negated: bool,
}

impl Hit {
    /// A hit found by one of `patterns`' rules: (index, score, explanation).
    fn pattern((index, score, why): (usize, f64, String)) -> Hit {
        Hit {
            index,
            score,
            why,
            lexical: false,
            negated: false,
        }
    }
}

impl Scorer {
    pub fn new(es: Lexicon, en: Lexicon) -> Self {
        // One index of both languages' phrases, so that each word costs one look-up. Spanish
        // is added last, so that its entry replaces English's where both list a phrase.
        let mut phrases = Phrases::default();
        for (lexicon, language) in [(&en, Language::En), (&es, Language::Es)] {
            for (words, score) in lexicon.phrases().iter() {
                phrases.add(words.to_vec(), (*score, language));
            }
        }
        Scorer {
            es,
            en,
            phrases,
            prior: None,
        }
    }

    /// The same scorer, blending in a learned model (see `score`).
    pub fn with_prior(self, prior: Prior) -> Self {
        Scorer {
            prior: Some(prior),
            ..self
        }
    }

    /// The scorer built on the lexicons shipped in data/lexicons/ (checked by a test).
    pub fn bundled() -> Self {
        // A fault in a shipped lexicon is a fault of the build, caught by a test; an empty
        // lexicon in its place would quietly read Spanish as nothing.
        let load = |text| Lexicon::parse(text).unwrap_or_else(|e| panic!("bundled lexicon: {e}"));
        let scorer = Scorer::new(
            load(include_str!("../../../data/lexicons/es_vader.tsv"))
                .overlaid(load(include_str!("../../../data/lexicons/es.tsv"))),
            load(include_str!("../../../data/lexicons/en_vader.tsv"))
                .overlaid(load(include_str!("../../../data/lexicons/en.tsv"))),
        );
        match Prior::from_tsv(include_str!("../../../data/models/prior.tsv")) {
            Some(prior) => scorer.with_prior(prior),
            None => scorer,
        }
    }

    pub fn lexicon_sizes(&self) -> (usize, usize) {
        (self.es.len(), self.en.len())
    }

    /// The lexicon's score, blended half and half with the learned model's where there is one.
    /// A comment with no lexicon word takes the model's view only when it is a firm one, so
    /// that a plain statement ("Compré unas zapatillas") stays neutral.
    pub fn score(&self, text: &str) -> TextScore {
        self.score_with(text, true)
    }

    /// The lexicon and rules alone, without the learned model.
    pub fn score_lexicon(&self, text: &str) -> TextScore {
        self.score_with(text, false)
    }

    /// The features the learned model reads: hashed words and bigrams, as tokenised here.
    pub fn prior_features(&self, text: &str) -> Vec<usize> {
        let tokens = tokenize(text);
        word_features(tokens.iter().map(|t| match t {
            Token::Word { folded, .. } => folded.as_str(),
            _ => "",
        }))
    }

    /// Blends the learned model into a lexicon score (see `score`).
    fn blend(&self, mut s: TextScore, words: &[&str]) -> TextScore {
        let Some(prior) = &self.prior else {
            return s;
        };
        if words.iter().all(|w| w.is_empty()) {
            return s;
        }
        let learned = prior.valence(&word_features(words.iter().copied()), s.valence);
        if s.hits == 0 && learned.abs() < PRIOR_FIRM {
            return s;
        }
        let valence =
            crate::domain::stats::round4((1.0 - PRIOR_WEIGHT) * s.valence + PRIOR_WEIGHT * learned);
        s.explanation.push(with_score(
            "learned from labelled comments:".to_owned(),
            learned,
            2,
        ));
        if s.label != Label::Mixed || valence.abs() >= 0.5 {
            s.label = Label::of(valence);
        }
        s.valence = valence;
        s
    }

    fn score_with(&self, text: &str, learned: bool) -> TextScore {
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens
            .iter()
            .map(|t| match t {
                Token::Word { folded, .. } => folded.as_str(),
                _ => "",
            })
            .collect();
        let shouting_text = tokens
            .iter()
            .filter_map(|t| match t {
                Token::Word { shouting, .. } => Some(*shouting),
                _ => None,
            })
            .all(|s| s);
        let function_words = FunctionWords::count(&words);
        let lean = self.lean(&words, function_words);
        let mut hits: Vec<Hit> = Vec::new();
        let (mut es_hits, mut en_hits) = (0, 0);
        // How far back a negator may be found for each word.
        let mut reach = Reach::default();
        // The words each lexicon phrase covered, which no pattern reads again.
        let mut phrases: Vec<std::ops::Range<usize>> = Vec::new();
        // Where the comment laughs ("jajaja", "lol", 😂), which is joy only without a complaint.
        let mut laughs: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Word {
                    folded,
                    shouting,
                    span,
                } => {
                    if let Some((len, score, lang)) = self.phrase(&words[i..]) {
                        phrases.push(i..i + len);
                        if score == 0.0 {
                            // A neutralising phrase ("buenas tardes"): its words count for nothing.
                            i += len;
                            continue;
                        }
                        *if lang == Language::Es {
                            &mut es_hits
                        } else {
                            &mut en_hits
                        } += 1;
                        // As the customer wrote it, from the first word to the last (a
                        // phrase only ever spans words).
                        let end = match &tokens[i + len - 1] {
                            Token::Word { span: last, .. } => last.1,
                            _ => span.1,
                        };
                        let phrase = text.get(span.0..end).unwrap_or_default().to_lowercase();
                        let mut score = score;
                        let mut why = with_score(format!("\"{phrase}\""), score, 1);
                        // "no son de buena calidad", "no va muy bien": a phrase is negated and
                        // boosted as a word is, unless it carries its own negator ("no me gusta").
                        let negated = if rules::NEGATORS.contains(&words[i]) {
                            // "No quedó nada sin resolver": a lack denied is none.
                            let denier = lack_denied(&words, i).filter(|_| score < 0.0);
                            if let Some(denier) = denier {
                                score = -score;
                                why.push_str(&format!(
                                    ", denied by \"{denier}\": read as {score:+.1}"
                                ));
                            }
                            // A lack denied is praise, not praise negated: no failure rule
                            // should read it as a denied good word.
                            false
                        } else {
                            self.adjust_for_context(
                                &tokens, &words, i, &mut reach, &mut score, &mut why,
                            )
                        };
                        hits.push(Hit {
                            index: i,
                            score,
                            why,
                            lexical: true,
                            negated,
                        });
                        i += len;
                        reach.phrase_end = i;
                        continue;
                    }
                    // "súper pequeñas", "truly bad": a booster before another word only
                    // strengthens it, whatever the lexicon says of the booster on its own.
                    if rules::booster(folded).is_some()
                        && matches!(tokens.get(i + 1), Some(Token::Word { .. }))
                    {
                        i += 1;
                        continue;
                    }
                    // As written (lower-cased only for an explanation, off the hot path).
                    let shown = text.get(span.0..span.1).unwrap_or(folded);
                    if let Some((mut score, lang, mut why)) = self
                        .word(folded, shown, lean)
                        .filter(|(score, ..)| *score != 0.0 && !is_greeting(&words, i))
                    {
                        *if lang == Language::Es {
                            &mut es_hits
                        } else {
                            &mut en_hits
                        } += 1;
                        if *shouting && !shouting_text {
                            score *= 1.3;
                            why.push_str(", CAPS");
                        }
                        // Laughter is no word a negator denies or a booster strengthens ("no
                        // trae instrucciones jaja"): it leaves their reach to the words.
                        let laughing = rules::is_laughter(folded);
                        if laughing {
                            laughs.push(i);
                        }
                        let negated = !laughing
                            && self.adjust_for_context(
                                &tokens, &words, i, &mut reach, &mut score, &mut why,
                            );
                        hits.push(Hit {
                            index: i,
                            score,
                            why,
                            lexical: true,
                            negated,
                        });
                    }
                }
                Token::Emoji(c) => {
                    if let Some(score) = rules::emoji(*c) {
                        if rules::is_laughing_face(*c) {
                            laughs.push(i);
                        }
                        hits.push(Hit {
                            index: i,
                            score,
                            why: format!("{c} {score:+.1}"),
                            lexical: false,
                            negated: false,
                        });
                    }
                }
                Token::Break | Token::Exclamation => {}
            }
            i += 1;
        }
        // Only the patterns whose trigger words the comment holds are run.
        let cues = Cues::of(&words);
        let known = |w: &str| self.es.word(w).is_some() || self.en.word(w).is_some();
        let valence = |w: &str| self.es.word(w).or_else(|| self.en.word(w));
        let found = [
            cues.run(Cue::NoneOf, || patterns::none_of(&words, known)),
            cues.run(Cue::AgainstClaims, || {
                patterns::against_claims(&words, valence)
            }),
            cues.run(Cue::Excess, || patterns::excess(&words, valence)),
        ];
        hits.extend(found.into_iter().flatten().map(Hit::pattern));
        // A lexicon phrase may already tell a failure ("doesn't work", "does not work", "no
        // encaja"); and where the negator denies a defect after the verb ("no llegaron rotos",
        // "never arrives late"), the function was done.
        let failures: Vec<Hit> = cues
            .run(Cue::Failures, || patterns::failures(&words))
            .into_iter()
            .filter(|(n, ..)| {
                !phrases.iter().any(|p| p.contains(n) || p.start == n + 1)
                    && !hits
                        .iter()
                        .any(|h| h.negated && h.score > 0.0 && h.index > n + 1 && h.index <= n + 6)
            })
            .map(Hit::pattern)
            .collect();
        hits.extend(failures);
        let found = [
            cues.run(Cue::WrittenScores, || patterns::written_scores(&words)),
            cues.run(Cue::ShortLives, || patterns::short_lives(&words)),
        ];
        hits.extend(found.into_iter().flatten().map(Hit::pattern));
        // A lexicon phrase may tell it already ("necesita una reforma", "needs renovation");
        // the words of the need are no praise ("una buena mano de pintura", "a refresh").
        for (told, why) in cues.run(Cue::NeedsUpkeep, || patterns::needs_upkeep(&words)) {
            if phrases.iter().any(|p| p.contains(told.start())) {
                continue;
            }
            hits.retain(|h| !told.contains(&h.index));
            hits.push(Hit::pattern((*told.start(), patterns::UPKEEP_SCORE, why)));
        }
        // "Esperaba algo mejor", "expected better quality": the better thing was hoped for, not
        // got. (A lexicon phrase may tell it already: "esperaba más".)
        for (verb, at) in cues.run(Cue::HopedForMore, || patterns::hoped_for_more(&words)) {
            if phrases.iter().any(|p| p.contains(&at)) {
                continue;
            }
            // The hope itself ("hoped" +1.6 in VADER) is no praise here.
            hits.retain(|h| h.index != verb);
            let why = format!(
                "\"{} … {}\": hoped for, not got -1.5",
                words[verb], words[at]
            );
            match hits.iter_mut().find(|h| h.index == at) {
                Some(h) => {
                    h.score = -1.5;
                    h.why = why;
                }
                None => hits.push(Hit::pattern((at, -1.5, why))),
            }
        }
        // "Deberían capacitar mejor", "need to be more helpful": the praise is wished for.
        let mut served: Vec<usize> = Vec::new();
        for (wish, at) in cues.run(Cue::Wishes, || patterns::wishes(&words)) {
            // One word wished for a wish ("more user friendly": "friendly", not "user" too).
            if served.contains(&wish) || phrases.iter().any(|p| p.contains(&at)) {
                continue;
            }
            let why = format!(
                "\"{} … {}\": wished for, not got -1.0",
                words[wish], words[at]
            );
            match hits
                .iter_mut()
                .find(|h| h.index == at && h.lexical && h.score > 0.0)
            {
                Some(h) => {
                    h.score = -1.0;
                    h.why = why;
                }
                // A comparative the lexicon does not know ("wish they were faster") is wished
                // for all the same; a word after "more" may be anything ("more staff").
                None if patterns::is_comparative(words[at]) => {
                    hits.push(Hit::pattern((at, -1.0, why)));
                }
                None => continue,
            }
            // The wish itself ("wish" +1.7 in VADER, "ojalá") is no praise here.
            hits.retain(|h| !(h.index == wish && h.score > 0.0));
            served.push(wish);
        }
        // A neutral phrase was read already ("nothing to add", "sin comentarios").
        if hits.iter().all(|h| laughs.contains(&h.index)) {
            hits.extend(
                cues.run(Cue::ImplicitComplaints, || {
                    patterns::implicit_complaints(&words)
                })
                .into_iter()
                .filter(|(i, ..)| !phrases.iter().any(|p| p.contains(i)))
                .map(Hit::pattern),
            );
        }
        for (emoticon, score) in rules::emoticons(text) {
            hits.push(Hit {
                index: tokens.len(),
                score,
                why: format!("{emoticon} {score:+.1}"),
                lexical: false,
                negated: false,
            });
        }
        laughter_only_strengthens_praise(&laughs, &mut hits);
        let mut explanation = Vec::new();
        solved_after(&words, &mut hits);
        amplify_negatives(&words, &mut hits);
        read_irony_marks(&tokens, &words, &mut hits);
        let feeling_after = |i: usize| {
            let after = || hits.iter().filter(move |h| h.index >= i);
            (
                after().any(|h| h.score < 0.0),
                after().any(|h| h.score > 0.0),
            )
        };
        if let Some(span) = patterns::sarcastic_opening(&words, feeling_after) {
            // "Genial, me cobraron dos veces": the praise is the complaint's frame.
            for h in hits.iter_mut().filter(|h| h.index < span && h.score > 0.0) {
                h.score = -h.score;
                h.why.push_str(&format!(
                    ", sarcasm: praise opening a complaint, read as {:+.1}",
                    h.score
                ));
            }
        }
        discount_scare_quotes(text, &tokens, &mut hits);
        weigh_contrast(&words, &mut hits, &mut explanation);
        // Complaints in words weigh more (`NEGATIVITY`); a pattern's hit keeps the weight it was
        // set at against praise, as its rules (a denial, a failure) are guesses.
        let lexical_hits = hits.iter().filter(|h| h.lexical).count() as f64;
        let negativity = 1.0 + (NEGATIVITY - 1.0) * (lexical_hits / LONG_HITS).min(1.0);
        let weighted = |h: &Hit| {
            if h.score < 0.0 && h.lexical {
                negativity * h.score
            } else {
                h.score
            }
        };
        let mut sum: f64 = hits.iter().map(weighted).sum();
        let (pos, neg) = hits.iter().fold((0.0, 0.0), |(p, n), h| {
            if h.score > 0.0 {
                (p + h.score, n)
            } else {
                (p, n - h.score)
            }
        });
        let bangs = tokens
            .iter()
            .filter(|t| **t == Token::Exclamation)
            .count()
            .min(4);
        // Intensity: every hit's weight whatever its sign, normalised as the valence is.
        let mut felt: f64 = hits.iter().map(|h| weighted(h).abs()).sum();
        if bangs > 0 && sum != 0.0 {
            sum += sum.signum() * 0.292 * bangs as f64;
            felt += 0.292 * bangs as f64;
            explanation.push(format!("{bangs}x \"!\" emphasis"));
        }
        let hit_count = hits.len();
        explanation.splice(0..0, hits.into_iter().map(|h| h.why));
        let valence = sum / (sum * sum + 15.0).sqrt();
        let intensity = felt / (felt * felt + 15.0).sqrt();
        // Mixed is judged on the feelings as felt, before complaints are weighted up: "me encanta
        // la tienda, odio la entrega" holds both, even if the complaint decides its valence.
        let raw = pos - neg;
        let balance = raw / (raw * raw + 15.0).sqrt();
        let label = if pos >= 1.5 && neg >= 1.5 && balance.abs() < 0.5 {
            Label::Mixed
        } else {
            Label::of(valence)
        };
        let lexicon = TextScore {
            valence: crate::domain::stats::round4(valence),
            intensity: crate::domain::stats::round4(intensity),
            label,
            language: language::detect(text, function_words, (es_hits, en_hits)),
            hits: hit_count,
            explanation,
        };
        if learned {
            self.blend(lexicon, &words)
        } else {
            lexicon
        }
    }

    /// Which language a comment's words lean to, for looking them up: its function words, and
    /// where they do not tell (a fragment: "brutal wait", "regular service", "trato brutal"),
    /// the words that only one lexicon knows.
    fn lean(&self, words: &[&str], function_words: FunctionWords) -> FunctionWords {
        if function_words.es != function_words.en {
            return function_words;
        }
        let (mut es, mut en) = (0, 0);
        for w in words.iter().filter(|w| !w.is_empty()) {
            match (self.es.word(w).is_some(), self.en.word(w).is_some()) {
                (true, false) => es += 1,
                (false, true) => en += 1,
                _ => {}
            }
        }
        // One more function word for the side that wins, none on a tie ("great, gracias"): a
        // tie must not start taking English words apart as Spanish inflections.
        let mut lean = function_words;
        match es.cmp(&en) {
            std::cmp::Ordering::Greater => lean.es += 1,
            std::cmp::Ordering::Less => lean.en += 1,
            std::cmp::Ordering::Equal => {}
        }
        lean
    }

    /// Whether a word carries feeling of its own in either lexicon.
    fn feels(&self, folded: &str) -> bool {
        self.es
            .word(folded)
            .or_else(|| self.en.word(folded))
            .is_some_and(|s| s != 0.0)
    }

    /// The longest phrase of either lexicon starting at `words[0]`, the Spanish one where both
    /// list it.
    fn phrase(&self, words: &[&str]) -> Option<(usize, f64, Language)> {
        self.phrases
            .longest(words)
            .map(|(len, &(score, lang))| (len, score, lang))
            // "Un servicio de 10" is a mark; "después de 10 días" a count.
            .filter(|&(len, ..)| !patterns::counts_something(words, len - 1))
            // A lack ("no service", "sin luz") before a problem or a fee is no lack: the negator
            // denies what follows ("no service issues", "no service charge").
            .filter(|&(len, ..)| {
                !(len == 2
                    && matches!(words[0], "no" | "sin" | "without")
                    && words
                        .get(2)
                        .is_some_and(|w| rules::PROBLEMS.contains(w) || rules::FEES.contains(w)))
            })
    }

    /// A word's score, trying stretched-letter and -ísimo forms when the plain word is unknown.
    fn word(
        &self,
        folded: &str,
        shown: &str,
        lean: FunctionWords,
    ) -> Option<(f64, Language, String)> {
        // A lone letter ("una L", "plan B") is never a feeling, whatever chat slang lists.
        folded.chars().nth(1)?;
        let spanish = lean.lean_spanish();
        // The comment's own language first, where its function words tell it: "regular" is a
        // complaint in Spanish and a size in English, "brutal" praise in Spain and not in
        // English. Spanish first when they do not tell.
        let (first, second) = if lean.en > lean.es {
            ((&self.en, Language::En), (&self.es, Language::Es))
        } else {
            ((&self.es, Language::Es), (&self.en, Language::En))
        };
        let lookup = |w: &str| {
            first
                .0
                .word(w)
                .map(|s| (s, first.1))
                .or_else(|| second.0.word(w).map(|s| (s, second.1)))
        };
        if let Some((s, lang)) = lookup(folded) {
            return Some((s, lang, with_score(shown.to_lowercase(), s, 1)));
        }
        if rules::is_laughter(folded) {
            let why = format!(
                "{} {:+.1} (laughter)",
                shown.to_lowercase(),
                rules::LAUGHTER
            );
            return Some((rules::LAUGHTER, Language::Es, why));
        }
        if let Some((one, two)) = squeeze(folded) {
            for w in [two, one] {
                if let Some((s, lang, why)) = self.word(&w, shown, lean) {
                    return Some((s * 1.2, lang, format!("{why}, stretched")));
                }
            }
        }
        for suffix in ["isimos", "isimas", "isimo", "isima"] {
            if let Some(base) = folded.strip_suffix(suffix) {
                // amabilísimo ← amable, riquísimo ← rico, larguísimo ← largo.
                let spelled = [("bil", "ble"), ("qu", "co"), ("gu", "go")]
                    .iter()
                    .find_map(|(tail, end)| {
                        base.strip_suffix(tail)
                            .map(|b| format!("{b}{}", &end[..end.len() - 1]))
                    });
                let bases = std::iter::once(base.to_owned()).chain(spelled);
                for (base, end) in
                    bases.flat_map(|b| ["o", "a", "e", ""].into_iter().map(move |e| (b.clone(), e)))
                {
                    if let Some((s, lang)) = lookup(&format!("{base}{end}")) {
                        let shown = shown.to_lowercase();
                        return Some((s * 1.3, lang, format!("{shown} {:+.1} (-ísimo)", s * 1.3)));
                    }
                }
            }
        }
        // An English superlative of a listed word: "cleanest", "nicest", "friendliest".
        if !spanish {
            // Words that end so without being superlatives, or whose base misleads ("latest" is
            // not "late", "hardest working" is praise).
            if matches!(
                folded,
                "latest"
                    | "honest"
                    | "modest"
                    | "interest"
                    | "request"
                    | "suggest"
                    | "protest"
                    | "contest"
                    | "invest"
                    | "harvest"
                    | "manifest"
                    | "guest"
                    | "hardest"
                    | "earnest"
                    | "arrest"
                    | "digest"
                    | "forest"
            ) {
                return None;
            }
            let base = folded
                .strip_suffix("iest")
                .map(|b| format!("{b}y"))
                .or_else(|| folded.strip_suffix("est").map(str::to_owned))
                .filter(|b| b.len() >= 3)?;
            let (s, lang) = [base.clone(), format!("{base}e")]
                .iter()
                .find_map(|b| self.en.listed_word(b).map(|s| (s, Language::En)))?;
            let s = s * 1.2;
            return Some((
                s,
                lang,
                format!("{} {s:+.1} (superlative)", shown.to_lowercase()),
            ));
        }
        // Listed words only: a stem that matched the base would have matched the word itself.
        if !self.es.may_list_a_word_like(folded) {
            return None;
        }
        morphology::find_base(folded, |base| self.es.listed_word(base)).map(|(base, s)| {
            let mut why = with_score(shown.to_lowercase(), s, 1);
            why.push_str(&format!(" (as \"{base}\")"));
            (s, Language::Es, why)
        })
    }

    /// Boosters and negators among the few words before `i`, within the clause.
    fn adjust_for_context(
        &self,
        tokens: &[Token],
        words: &[&str],
        i: usize,
        reach: &mut Reach,
        score: &mut f64,
        why: &mut String,
    ) -> bool {
        // Spanish "poco fiable", "poco amable" mean "not reliable", "unfriendly", and "falta de
        // respeto" is an absence: both turn a good word bad rather than merely softening it.
        let before = |n: usize| i.checked_sub(n).map(|k| words[k]);
        let absent = before(2) == Some("falta") && before(1) == Some("de");
        if *score > 0.0
            && (matches!(before(1), Some("poco" | "poca" | "pocos" | "pocas")) || absent)
        {
            *score *= rules::LITOTES_FACTOR;
            why.push_str(if absent {
                ", \"falta de\": an absence"
            } else {
                ", \"poco\": not very"
            });
            return false;
        }
        // "A lot less stressful", "menos caro", "less than helpful": less of a feeling is some of
        // the other (not "más o menos", "al menos", "por lo menos", which only hedge). A negator
        // further back still denies it ("no fue menos caro"); "nothing less than amazing" is
        // emphasis.
        let less = match (before(1), before(2), before(3)) {
            (Some("than"), Some("less"), Some("nothing" | "no")) => return false,
            (Some("than"), Some("less"), _) => true,
            (Some("less" | "menos"), hedge, _) => {
                !matches!(hedge, Some("o" | "or" | "al" | "lo" | "a"))
            }
            _ => false,
        };
        if less {
            *score *= NEGATION_FACTOR;
            why.push_str(", lessened by \"less\"");
        }
        let floor = reach.floor(*score > 0.0);
        let mut k = i;
        let mut distance = 0;
        while k > floor && distance < NEGATION_SCOPE {
            k -= 1;
            if !matches!(tokens[k], Token::Word { .. }) {
                break;
            }
            let w = words[k];
            // "never had any large problems", "can't see it very well": words that only stand
            // under a negation, and boosters, do not use up its reach.
            if !rules::NEGATIVE_POLARITY.contains(&w)
                && !rules::SCOPE_FILLERS.contains(&w)
                && rules::booster(w).is_none()
            {
                distance += 1;
            }
            if rules::CLAUSE_JOINERS.contains(&w) {
                // "No me sirvió de nada y lo devolví": the negator belongs to the clause before.
                break;
            }
            // "muy recomendable, se ha roto": a booster strengthens the word it stands before,
            // not one past another feeling (looked up only when there is a booster: rare).
            // "So" boosts only the word it stands before: "so I had to cancel" is a "so" that
            // joins.
            if let Some(b) = rules::booster(w).filter(|_| {
                distance <= 2
                    && (w != "so" || k + 1 == i)
                    && !words[k + 1..i].iter().any(|w| self.feels(w))
            }) {
                *score *= 1.0 + b;
                why.push_str(&format!(
                    ", {} by \"{w}\"",
                    if b > 0.0 { "boosted" } else { "softened" }
                ));
            }
            if rules::EXPECTATION.contains(&w) {
                // "No esperaba tanta amabilidad": the "no" denies the expectation, not the
                // kindness.
                break;
            }
            let previous = k.checked_sub(1).map(|p| words[p]).unwrap_or_default();
            let past = (rules::PAST.contains(&w)
                || (w == "to" && previous == "used" && !accustomed(words, k - 1))
                || (matches!(w, "era" | "eran" | "estaba" | "funcionaba") && previous == "antes"))
                // "It used to be terrible, still is", "antes era un caos y sigue igual".
                && !(i..words.len())
                    .take(6)
                    .take_while(|&a| !matches!(words[a], "now" | "ahora" | "but" | "pero"))
                    .any(|a| {
                        rules::STILL.contains(&words[a])
                            && !(words[a] == "aun" && words.get(a + 1) == Some(&"asi"))
                    });
            if past {
                // "Solía ser bueno", "it used to work fine": good once, not now; "antes era un
                // caos", "it used to crash": bad once, not now.
                *score *= NEGATION_FACTOR;
                why.push_str(&format!(", \"{w}\": no longer so"));
                break;
            }
            if *score < 0.0 && rules::SOLVERS.contains(&w) && rules::PROBLEMS.contains(&words[i]) {
                // "This fixes all the problems", "solucionó el problema": a problem solved.
                *score *= NEGATION_FACTOR;
                why.push_str(&format!(", solved: \"{w}\""));
                break;
            }
            if rules::NEGATORS.contains(&w) {
                let next = words.get(k + 1).copied().unwrap_or_default();
                if rules::NOT_A_NEGATION.contains(&next)
                    || (next == "decir" && previous == "por")
                    || (previous == "if" && rules::COMPARATIVES.contains(&next))
                    || unbeatable(previous, w, &words[k + 1..i], words[i], &words[i + 1..])
                {
                    // "no solo … sino", "not only", "nothing but", "por no decir engañoso",
                    // "as good if not better", "couldn't be better": the negator adds to what
                    // follows instead of denying it.
                    break;
                }
                reach.denied(k, *score > 0.0);
                *score *= NEGATION_FACTOR;
                why.push_str(&format!(", negated by \"{w}\""));
                return true;
            }
        }
        // "I don't think we'll be going back", "no creo que vuelva": a denied opinion verb
        // negates the rest of its clause, however far, up to a "y"/"and"/"pero"/"but".
        let clause_start = words[..i]
            .iter()
            .rposition(|w| {
                w.is_empty() || rules::CLAUSE_JOINERS.contains(w) || rules::CONTRAST.contains(w)
            })
            .map_or(0, |b| b + 1)
            .max(floor);
        let clause_end = words[i..]
            .iter()
            .position(|w| w.is_empty() || rules::CLAUSE_JOINERS.contains(w))
            .map_or(words.len(), |e| i + e);
        // "I don't think they could have been more helpful": praise, not its denial.
        if words[clause_start..clause_end]
            .iter()
            .any(|w| rules::COMPARATIVES.contains(w))
        {
            return false;
        }
        let raised = (clause_start..i.saturating_sub(1)).find(|&k| {
            rules::OPINION_VERBS.contains(&words[k])
                && (k >= 1 && rules::NEGATORS.contains(&words[k - 1])
                    || k >= 2 && rules::NEGATORS.contains(&words[k - 2]))
        });
        if let Some(k) = raised {
            reach.denied(k, *score > 0.0);
            *score *= NEGATION_FACTOR;
            why.push_str(&format!(", negated by \"… {}\"", words[k]));
        }
        raised.is_some()
    }
}

/// Whether a negator says that what follows could not be more so: "couldn't be better",
/// "couldn't have been nicer", "no podría ser mejor" (a comparative after "be"), "can't thank
/// them enough", "couldn't recommend it enough". `between` are the words from the negator to the
/// scored `word`, `after` those after it, `before` the word before the negator ("could not").
fn unbeatable(before: &str, negator: &str, between: &[&str], word: &str, after: &[&str]) -> bool {
    let english = matches!(negator, "couldn't" | "can't" | "cannot")
        || (negator == "not" && matches!(before, "could" | "can"));
    let spanish = negator == "no"
        && between
            .iter()
            .any(|w| matches!(*w, "podria" | "pudo" | "puede" | "podia"));
    // "Couldn't be less helpful", "couldn't be more helpful": the grade is the word before.
    let graded = matches!(between.last(), Some(&("less" | "more" | "mas" | "menos")));
    let comparative = graded
        || rules::COMPARATIVES.contains(&word)
        || matches!(word, "worse" | "peor" | "peores")
        || (english && word.len() > 4 && word.ends_with("er"));
    let to_be = between
        .iter()
        .any(|w| matches!(*w, "be" | "been" | "ser" | "sido" | "estar"));
    // "Can't thank them enough", but not "can't recommend, not enough staff".
    let enough = after
        .iter()
        .take(3)
        .take_while(|w| !w.is_empty())
        .any(|w| *w == "enough");
    (english || spanish) && ((to_be && comparative) || (english && enough))
}

/// Whether the "used" at `at` means accustomed ("I'm not used to", "got used to"), not the past.
fn accustomed(words: &[&str], at: usize) -> bool {
    at.checked_sub(1).is_some_and(|b| {
        matches!(
            words[b],
            "am" | "i'm"
                | "im"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "get"
                | "got"
                | "getting"
                | "gets"
                | "not"
                | "so"
                | "we're"
                | "they're"
                | "you're"
                | "he's"
                | "she's"
                | "it's"
        )
    })
}

/// How far back a word may look for the negator that denies it.
#[derive(Default)]
struct Reach {
    /// Where the last lexicon phrase ended: a negator inside a phrase ("sin duda", "without a
    /// doubt") is used up by it and reaches no further.
    phrase_end: usize,
    /// The last negator that denied a word, and whether that word was praise.
    last_denial: Option<(usize, bool)>,
}

impl Reach {
    /// The first word a negator may be found at for a word of this feeling. A negator that has
    /// denied one word reaches on only to words of the same feeling ("wasn't clean or
    /// comfortable"), not past it to one of the other ("no es muy recomendable se ha roto
    /// enseguida": it broke, and that is no praise).
    fn floor(&self, positive: bool) -> usize {
        match self.last_denial {
            Some((negator, was_positive)) if was_positive != positive => {
                self.phrase_end.max(negator + 1)
            }
            _ => self.phrase_end,
        }
    }

    fn denied(&mut self, negator: usize, positive: bool) {
        self.last_denial = Some((negator, positive));
    }
}

/// "Una gran decepción", "se rompe rápido", "fácil de perder", "a great disappointment",
/// "breaks easily": a word that praises on its own ("gran", "rápido", "fácil") only strengthens
/// a complaint it stands next to, within the clause.
fn amplify_negatives(words: &[&str], hits: &mut [Hit]) {
    let mut amplified = vec![false; hits.len()];
    for p in 0..hits.len() {
        let (index, score) = (hits[p].index, hits[p].score);
        let Some(&word) = words.get(index) else {
            continue;
        };
        if score <= 0.0 || !hits[p].lexical {
            continue;
        }
        // Nearest first; "dejó de funcionar muy rápido" reaches back to a phrase's first word.
        let reach: &[isize] = if rules::AMPLIFYING_ADJECTIVES.contains(&word) {
            &[1]
        } else if rules::EASE_AND_SPEED.contains(&word) {
            &[-1, 1, -2, 2, -3, 3, -4]
        } else {
            continue;
        };
        let target = reach.iter().find_map(|&d| {
            let j = index.checked_add_signed(d)?;
            let (lo, hi) = (
                index.min(j),
                index.max(j).min(words.len().saturating_sub(1)),
            );
            let between = &words[lo..=hi];
            // Only within the clause, and not across "y", "pero", "and", "but"; and not where
            // the customer acts or the company answers: "fácil de cancelar", "respondieron
            // rápido a mi queja", "the issue was fixed quickly".
            if between.iter().any(|w| {
                w.is_empty()
                    || rules::CLAUSE_JOINERS.contains(w)
                    || rules::CUSTOMER_ACTIONS.contains(w)
                    || rules::RESPONSES.contains(w)
                    || rules::SOLVERS.contains(w)
            }) {
                return None;
            }
            hits.iter()
                .position(|h| h.index == j && h.score < 0.0 && h.lexical)
        });
        if let Some(n) = target.filter(|&n| !amplified[n]) {
            amplified[n] = true;
            hits[p].score = 0.0;
            hits[p]
                .why
                .push_str(", strengthens the complaint beside it");
            hits[n].score *= 1.3;
        }
    }
}

/// Laughter (the hits at `laughs`) only strengthens praise. Beside a complaint it laughs at it
/// ("otra vez tarde jajaja", "fell apart in a week 😂"); alone it tells nothing ("pagué 50 euros
/// por un café jajaja" is no praise). Either way it then counts for nothing.
fn laughter_only_strengthens_praise(laughs: &[usize], hits: &mut [Hit]) {
    if laughs.is_empty() {
        return;
    }
    let complaint = hits.iter().any(|h| h.score < 0.0);
    let praise = hits
        .iter()
        .any(|h| h.score > 0.0 && !laughs.contains(&h.index));
    if praise && !complaint {
        return;
    }
    for h in hits
        .iter_mut()
        .filter(|h| h.score > 0.0 && laughs.contains(&h.index))
    {
        h.score = 0.0;
        h.why.push_str(if complaint {
            ", beside a complaint: not joy"
        } else {
            ", alone: no verdict"
        });
    }
}

/// "Problem solved", "el problema quedó resuelto": a problem put right after it is named.
fn solved_after(words: &[&str], hits: &mut [Hit]) {
    for h in hits.iter_mut().filter(|h| h.score < 0.0 && h.lexical) {
        if !words
            .get(h.index)
            .is_some_and(|w| rules::PROBLEMS.contains(w))
        {
            continue;
        }
        let solver = words[h.index + 1..]
            .iter()
            .take(3)
            .take_while(|w| !w.is_empty() && !rules::CLAUSE_JOINERS.contains(w))
            .find(|w| rules::SOLVERS.contains(w));
        if let Some(solver) = solver {
            h.score *= NEGATION_FACTOR;
            h.why.push_str(&format!(", solved: \"{solver}\""));
        }
    }
}

/// "Buenas, el producto…", "Buenos días": a greeting, not praise. Only a comment's first word,
/// followed by a break or a function word, is taken for one.
fn is_greeting(words: &[&str], i: usize) -> bool {
    if i != 0 {
        return false;
    }
    // An adjective agrees with the noun after it ("buenas las sábanas", "buenos los precios");
    // a greeting does not ("buenas, el producto…", "buenas el pedido").
    let disagrees: &[&str] = match words[0] {
        "buenas" => &["el", "lo", "los", "un"],
        "buenos" => &["la", "las", "lo", "una"],
        _ => return false,
    };
    words.get(1).is_none_or(|w| {
        w.is_empty()
            || disagrees.contains(w)
            || matches!(
                *w,
                "me" | "he" | "tengo" | "quiero" | "queria" | "hace" | "compre" | "pedi"
            )
    })
}

/// Praise inside quotation marks is a claim someone made, mostly the one a review says was
/// broken: the "breakfast included", the "dishwasher safe", the "ad-free" version. It is not the
/// customer's own praise, so it counts for nothing; complaints in quotes still count.
/// The word that denies a lack phrase at `i` ("sin resolver", "without an answer"): "nada" or
/// "nothing" just before it, or "ninguna", "ningún" or "no" before the noun it follows
/// ("ninguna pregunta sin responder", "no question without an answer").
fn lack_denied<'a>(words: &[&'a str], i: usize) -> Option<&'a str> {
    if !matches!(words[i], "sin" | "without") || i == 0 || words[i - 1].is_empty() {
        return None;
    }
    let two_back = i.checked_sub(2).map_or("", |k| words[k]);
    // "Llamé cinco veces y nada, sin respuesta": "y nada" is what happened, not a denial.
    if matches!(words[i - 1], "nada" | "nothing") && !matches!(two_back, "y" | "e" | "and" | "pero")
    {
        return Some(words[i - 1]);
    }
    matches!(two_back, "ninguna" | "ningun" | "ninguno").then_some(two_back)
}

/// An eye-roll (🙄, "¬¬") or an upside-down smile turns the praise of its own clause into a
/// complaint: "Qué maravilla, otra comisión nueva este mes. Siempre innovando 🙃". Only the
/// clause it closes, back to the last stop, comma or contrast word (or, when the mark follows
/// a stop, "¡Excelente servicio! 🙄", the clause before it): in "Me cobraron dos veces 🙄 pero
/// me lo devolvieron enseguida, gracias" it rolls its eyes at the charge, not at the refund.
/// Customers use these marks for little else; a sincere "me encantó 🙃" is rarer than the
/// sarcasm it would miss.
fn read_irony_marks(tokens: &[Token], words: &[&str], hits: &mut [Hit]) {
    let is_mark = |t: &Token| matches!(t, Token::Emoji(c) if rules::is_irony_mark(*c));
    let mut flipped: Vec<(usize, char)> = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        let Token::Emoji(mark) = token else { continue };
        if !rules::is_irony_mark(*mark) {
            continue;
        }
        // Back over the stops and marks just before it ("…!! 🙄", "¬¬"), to its clause's end.
        let end = (0..at)
            .rev()
            .find(|&k| {
                !matches!(tokens[k], Token::Break | Token::Exclamation) && !is_mark(&tokens[k])
            })
            .map_or(0, |k| k + 1);
        let start = (0..end)
            .rev()
            .find(|&k| {
                matches!(tokens[k], Token::Break | Token::Exclamation)
                    || rules::CONTRAST.contains(&words[k])
                    || rules::CONCESSION.contains(&words[k])
            })
            .map_or(0, |k| k + 1);
        for h in hits.iter() {
            if h.lexical && h.score > 0.0 && (start..end).contains(&h.index) {
                flipped.push((h.index, *mark));
            }
        }
    }
    for h in hits.iter_mut() {
        if let Some(&(_, mark)) = flipped.iter().find(|(i, _)| *i == h.index) {
            let mark = if mark == '¬' {
                "¬¬".to_owned()
            } else {
                mark.to_string()
            };
            h.score = -h.score;
            h.why
                .push_str(&format!(", irony {mark}: read as {:+.1}", h.score));
        }
    }
}

fn discount_scare_quotes(text: &str, tokens: &[Token], hits: &mut [Hit]) {
    let mut quoted: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('"', None) | ('“', None) | ('«', None) => open = Some(i),
            ('"', Some(start)) | ('”', Some(start)) | ('»', Some(start)) => {
                quoted.push((start, i));
                open = None;
            }
            _ => {}
        }
    }
    if quoted.is_empty() {
        return;
    }
    for h in hits.iter_mut().filter(|h| h.score > 0.0) {
        let Some(Token::Word { span, .. }) = tokens.get(h.index) else {
            continue;
        };
        if quoted.iter().any(|&(a, b)| a < span.0 && span.1 <= b) {
            h.score = 0.0;
            h.why.push_str(", in quotes: a claim, not praise");
        }
    }
}

/// "Rápido pero caro": what follows a contrast word weighs more. A concession weighs less:
/// in "me devolvieron el dinero, aunque había perdido el ticket" the main clause is the first,
/// and in "Aunque tardó, es genial" the one after the comma.
fn weigh_contrast(words: &[&str], hits: &mut Vec<Hit>, explanation: &mut Vec<String>) {
    // "Le pongo un pero", "sin ningún pero": the noun, not the conjunction.
    let contrast = (0..words.len()).rev().find(|&i| {
        rules::CONTRAST.contains(&words[i])
            && !(i > 0 && matches!(words[i - 1], "un" | "ningun" | "algun" | "el" | "sin"))
    });
    let concession = words.iter().rposition(|w| rules::CONCESSION.contains(w));
    let (split, later_weighs_more, why) = match (contrast, concession) {
        (Some(c), k) if k.is_none_or(|k| k < c) => (
            c,
            true,
            format!("contrast \"{}\": later clause weighs more", words[c]),
        ),
        (_, Some(0)) => {
            // The concession opens the comment and ends at the first break.
            let Some(end) = words.iter().position(|w| w.is_empty()) else {
                return;
            };
            let why = format!("concession \"{}\": the main clause weighs more", words[0]);
            (end, true, why)
        }
        (_, Some(k)) => (
            k,
            false,
            format!("concession \"{}\": the main clause weighs more", words[k]),
        ),
        (_, None) => return,
    };
    let praise_before: f64 = hits
        .iter()
        .filter(|h| h.index < split)
        .map(|h| h.score)
        .sum();
    if later_weighs_more && praise_before > 0.0 && !hits.iter().any(|h| h.index > split) {
        // "Buena ubicación, pero la habitación olía a humedad": praise, then a turn to what
        // went wrong in words no lexicon lists. The turn itself is the evidence.
        for h in hits.iter_mut() {
            h.score *= rules::BEFORE_CONTRAST;
        }
        hits.push(Hit {
            index: split,
            score: rules::TURN_AFTER_PRAISE,
            why: format!(
                "praise, then \"{}\": a complaint follows {:+.1}",
                words[split],
                rules::TURN_AFTER_PRAISE
            ),
            lexical: false,
            negated: false,
        });
        return;
    }
    if !hits.iter().any(|h| h.index < split) || !hits.iter().any(|h| h.index > split) {
        return;
    }
    let (before, after) = if later_weighs_more {
        (rules::BEFORE_CONTRAST, rules::AFTER_CONTRAST)
    } else {
        (rules::AFTER_CONTRAST, rules::BEFORE_CONTRAST)
    };
    for h in hits.iter_mut() {
        h.score *= if h.index < split { before } else { after };
    }
    explanation.push(why);
}

#[cfg(test)]
mod tests {
    use super::super::score;
    use super::*;

    fn v(text: &str) -> f64 {
        score(text).valence
    }

    /// The lexicon and rules alone: these tests are about the rules, not the learned model.
    fn lex(text: &str) -> f64 {
        super::super::BUNDLED.score_lexicon(text).valence
    }

    /// The lexicon's explanation of a comment, in one line.
    fn score_lexicon_explained(text: &str) -> String {
        super::super::BUNDLED
            .score_lexicon(text)
            .explanation
            .join("; ")
    }

    #[test]
    fn scores_are_written_as_format_would() {
        for (score, decimals) in [
            (2.8, 1),
            (-0.6, 1),
            (0.0, 1),
            (-3.2, 1),
            (0.96, 2),
            (-0.05, 2),
            (1.0, 2),
            (-1.0, 2),
        ] {
            let expected = if decimals == 1 {
                format!("x {score:+.1}")
            } else {
                format!("x {score:+.2}")
            };
            assert_eq!(with_score("x".to_owned(), score, decimals), expected);
        }
    }

    #[test]
    fn phrases_are_negated_like_words() {
        assert!(lex("Es de buena calidad") > 0.3);
        assert!(lex("No son de buena calidad") < -0.3);
        assert!(lex("Pues no va muy bien") < -0.3);
        // A phrase carrying its own negator is not negated twice.
        assert!(lex("No me gusta") < -0.3);
    }

    #[test]
    fn a_booster_before_a_word_is_not_praise_itself() {
        assert!(lex("Súper pequeñas las correas") <= 0.0);
        assert!(lex("A truly, truly bad film") < -0.3);
        assert!(lex("¡Súper!") > 0.3, "on its own it still praises");
    }

    #[test]
    fn praise_words_beside_a_complaint_strengthen_it() {
        assert!(lex("All in all, a great disappointment") < -0.3);
        assert!(lex("Es muy básica y se rompe rápido") < -0.3);
        assert!(lex("El cierre es malo, fácil de perder el reloj") < -0.3);
        // Not across "y": the fast delivery is still praise.
        assert!(lex("Llegó rápido y sin problemas") > 0.3);
    }

    #[test]
    fn comparisons_with_what_was_shown_or_expected() {
        assert!(lex("Mucho más pequeño de lo que parece") < -0.3);
        assert!(lex("Tiene menos capacidad de la que se publicita") < -0.3);
        assert!(lex("Smaller than advertised") < -0.3);
        assert!(lex("Mucho mejor de lo que esperaba") > 0.3);
        assert!(lex("More comfortable than expected") > 0.3);
    }

    #[test]
    fn negators_that_add_rather_than_deny() {
        assert!(lex("No solo es bonito, también es barato") > 0.3);
        assert!(lex("Not only good but cheap") > 0.3);
        assert!(lex("El anuncio es confuso por no decir engañoso") < -0.3);
        // The negator belongs to the clause before "y".
        assert!(lex("No me sirvió de nada y lo devolví") < -0.3);
    }

    #[test]
    fn denied_opinions_solved_problems_excess_and_warnings() {
        assert!(lex("I don't think we'll be going back anytime soon") < -0.2);
        assert!(lex("No creo que sea recomendable") < -0.2);
        assert!(lex("This fixes all the problems") > 0.2);
        assert!(lex("Way too short in the front") < -0.2);
        assert!(lex("Es demasiado pequeño") < -0.2);
        assert!(
            lex("Too good to be true") > 0.2,
            "too much of a good thing is praise"
        );
        assert!(lex("Don't waste your money!") < -0.2);
        assert!(lex("No lo compréis") < -0.2);
        assert!(lex("It's going back today") < -0.2, "a product returned");
        assert!(lex("We'll be going back soon") > 0.2, "a place returned to");
    }

    #[test]
    fn superlatives_and_a_negators_reach_past_any() {
        assert!(lex("One of the cleanest hotels I've been to") > 0.3);
        assert!(lex("The friendliest staff in town") > 0.3);
        assert!(lex("I've never had any large problems with it") > 0.2);
        assert!(lex("No tiene una buena calidad") < -0.3);
    }

    #[test]
    fn sarcasm_praise_opening_a_complaint() {
        assert!(lex("Genial, otra semana sin internet.") < -0.3);
        assert!(
            lex("Qué rapidez: pedí cita en enero y me la dan para octubre, un desastre") < -0.3
        );
        assert!(lex("Love how the app crashes again on payday") < -0.2);
        // Sincere openings stay praise: nothing bad follows, or a "but" makes it mixed.
        assert!(lex("Genial, llegó antes de lo previsto") > 0.3);
        assert!(lex("Me encanta que sea tan ligero") > 0.3);
        assert!(lex("Great, fast delivery and a lovely box") > 0.3);
        assert!(lex("Genial el producto, pero tardó una semana") > -0.6);
    }

    #[test]
    fn an_eye_roll_turns_the_praise_around_it() {
        assert!(
            lex("Qué puntualidad, llegó a las 4 en vez de a las 10. Gracias por tanto 🙃") < -0.5
        );
        assert!(lex("Oh great, another price increase. Love that for me 🙄") < -0.5);
        assert!(lex("Siempre tan eficientes ¬¬") < -0.3);
        // The complaint the opening itself names: "love waiting".
        assert!(lex("Love waiting 40 minutes on hold") < -0.3);
        assert!(score_lexicon_explained("Genial la app 🙃").contains("irony 🙃: read as -"));
        // Without the mark, sincere praise stays praise; and the mark rolls its eyes at its
        // own clause only, not at the praise of another (found by a review).
        assert!(lex("Siempre tan eficientes, gracias") > 0.3);
        for text in [
            "Me cobraron dos veces 🙄 pero me lo devolvieron enseguida, muy agradecida",
            "The app crashed again 🙄 but support fixed it fast, great team",
            "Muy buena atención, la cola un poco larga ¬¬",
            "Buena relación calidad¬precio",
            "Me equivoqué yo de dirección 🙃 pero me ayudaron igual, gracias",
            "Great staff. Queue was long 😒",
        ] {
            assert!(lex(text) > 0.0, "{text}: {}", score_lexicon_explained(text));
        }
        // A mark after a stop rolls its eyes at the clause before; "¬¬" anywhere, "¬_¬" too.
        for text in [
            "Excelente servicio!! 🙄",
            "Súper rápido el envío... 🙄",
            "Qué buen servicio. ¬¬",
            "Muy eficientes ¬¬ llevo 3 semanas esperando",
            "Buen servicio ¬_¬",
        ] {
            assert!(lex(text) < 0.0, "{text}: {}", score_lexicon_explained(text));
        }
    }

    #[test]
    fn praise_wished_for_is_what_the_customer_did_not_get() {
        for text in [
            "Deberían capacitar mejor al personal",
            "Staff need to be more helpful",
            "They should train their agents better",
            "Tendrían que ser más amables en caja",
            "Podrían ser más rápidos",
        ] {
            assert!(lex(text) < 0.0, "{text}: {}", score_lexicon_explained(text));
        }
        for text in [
            "Deberían atender mejor a los clientes",
            "Deberían ofrecer mejores precios",
            "I wish the staff were more helpful",
            "Wish they were friendlier",
            "Ojalá fueran más amables",
            "Sería mejor tener más cajas abiertas",
            "They should teach the staff to be more polite",
            "El personal debe ser más amable",
            "Me gustaría que fueran más amables",
            "I wish you guys were faster",
            "Deberían dar un mejor servicio",
            "Could've been better",
            "The app should be more user friendly",
            "The lady who served me should be more polite",
            "Sí, deberían ser más amables",
        ] {
            assert!(lex(text) < 0.0, "{text}: {}", score_lexicon_explained(text));
        }
        // Praise denied a wish, praise of what they have, a thing named, an "if", a question of
        // praise, a comparison, someone else's need, good wishes, and infinitives in "-er".
        for text in [
            "Could they be any friendlier?",
            "How could it be better?",
            "Difícilmente podrían hacerlo mejor",
            "Tiene que ser lo mejor que he probado",
            "Whenever I need help they do better than any other bank",
            "Anyone who needs better customer service should switch here",
            "Wish you even more success",
            "Hay que agradecer la paciencia del personal",
            "Tienen que seguir así cada vez mejor",
            "Hay que reconocer que cada vez atienden mejor",
            "Should say the staff were more helpful this time",
            "Wish the whole team more success",
            "Me gustaría venir más seguido con mi familia",
            "I wish I could give more stars to this place",
            "Deben probar sus mejores platos",
            "Si alguien necesita un mejor servicio aquí lo encuentra",
            "I wish I had come here sooner",
            "Necesita más gente así, gracias Ana",
            "No podría ser mejor",
            "Could not be happier",
            "Tienen mejores precios que la competencia",
            "You should definitely try the better rooms",
            "Everything you could want and better",
            "If you need a better bank, go here, they are great",
        ] {
            assert!(lex(text) > 0.0, "{text}: {}", score_lexicon_explained(text));
        }
    }

    #[test]
    fn survey_answers_to_what_to_improve() {
        assert!(lex("Nada que mejorar, sigan así") > 0.5);
        assert!(lex("Nothing to improve, keep it up") > 0.5);
        assert!(lex("La atención al cliente es nula") < -0.3);
        assert!(lex("El agente fue amable pero no pudo hacer nada") < 0.0);
        assert!(lex("Closed my ticket without fixing anything") < -0.3);
        assert!(lex("Si sigue así me cambio de compañía") < -0.3);
        assert!(lex("Quedo atenta a su respuesta") == 0.0);
        // A lack denied is none; "nula" after a nuisance is none of it.
        assert!(lex("No quedó nada sin resolver") > 0.3);
        assert!(lex("No dejaron ninguna pregunta sin responder") > 0.2);
        // "Y nada" is what happened; praise after "sin" is not denied.
        assert!(lex("Llamé cinco veces y nada sin respuesta") < -0.3);
        assert!(lex("Ningún problema sin duda volveré") > 0.3);
        assert!(lex("Nula atención al cliente") < -0.3);
        assert!(lex("Comisiones nulas, lo mejor del banco") > 0.2);
        // Sincere words the new phrases must leave alone (found by a review).
        assert!(lex("Me atendieron muy atentamente") > 0.3);
        assert!(lex("Treated me with respect") > 0.3);
        assert!(lex("Closing my account was quick and painless") > 0.3);
        assert!(lex("Ya van cinco años que soy cliente, siempre bien") > 0.3);
        assert!(lex("No me dejaron tirado, gracias") > 0.3);
        // No comment, and suggestions: a neutral phrase's words are no denial either.
        for text in [
            "Nothing to add",
            "Sin comentarios",
            "Sería bueno tener más cajas",
            "Nada que agregar",
            "Nada por ahora",
            "No suggestions",
            "None at this time",
        ] {
            assert!(
                lex(text) == 0.0,
                "{text}: {}",
                score_lexicon_explained(text)
            );
        }
    }

    /// Sincere comments the rules above must leave alone (found by a review of them).
    #[test]
    fn denials_and_failures_leave_sincere_comments_alone() {
        // Found by a review of the two rules on sincere comments (effort spared, absent burdens,
        // recommendations, closing formulas, a defect denied after the verb).
        for sincere in [
            "No va nada mal para el precio que tiene.",
            "Llegó en dos días, no tuve que hacer nada.",
            "Sin colas y sin papeleos.",
            "No dejen de probar las empanadas.",
            "Nada que añadir.",
            "I didn't receive any spam calls after porting my number.",
            "Didn't need to call them a second time.",
            "Wouldn't change a thing.",
            "Why didn't I switch banks sooner?",
        ] {
            assert!(v(sincere) >= 0.0, "{sincere}: {:?}", score(sincere));
        }
        // … while the complaints they were made for still read as such, counted once.
        for complaint in [
            "Love the color but didn't fit.",
            "No se aguantan bien",
            "not sturdy",
        ] {
            assert!(v(complaint) < 0.0, "{complaint}: {:?}", score(complaint));
        }
        let s = score("It does not work.");
        assert!(
            !s.explanation
                .iter()
                .any(|e| e.contains("does not do its job")),
            "the phrase already tells it: {s:?}"
        );
    }

    #[test]
    fn the_rules_leave_sincere_comments_alone() {
        for praise in [
            "Wonderful, will order again",
            "Perfecto, ya he pedido otro",
            "Great, problem solved in five minutes",
            "Genial, el problema quedó resuelto",
            "Great, the damage was covered by the warranty",
            "I don't think it's cheap but the staff were amazing",
            "I don't think they could have been more helpful",
            "No creo que encuentre un servicio mejor",
            "El problema se solucionó rápido",
            "The issue was fixed quickly",
            "Sin duda lo recomiendo",
            "Without a doubt the best service",
            "Never had such a good experience",
            "Cheaper than advertised",
            "Llegó mucho antes de lo que pensaba",
            "The latest update works perfectly",
            "Buenos los precios y el trato",
            "I think it's great too and the price is fine",
        ] {
            assert!(lex(praise) > 0.2, "{praise}: {}", lex(praise));
        }
        for complaint in ["The fix was terrible", "El arreglo fue un desastre"] {
            assert!(lex(complaint) < -0.3, "{complaint}");
        }
        assert!(lex("The price isn't too high") >= 0.0);
    }

    #[test]
    fn minor_complaints_in_praise_and_greetings() {
        assert!(lex("Buenas, el producto llegó de naranja y lo pedí de fresa") <= 0.0);
        assert!(lex("Buenas noticias: llegó antes") > 0.3);
        assert!(lex("The only downside is the weight") >= 0.0);
        assert!(lex("La funda bien, por poner un pero pesa algo") > 0.0);
        assert!(lex("Por el precio que tiene, imposible pedir más") > 0.3);
    }

    #[test]
    fn bundled_lexicons_parse_whole() {
        let parse = |t| Lexicon::parse(t).map(|l| l.len());
        assert!(parse(include_str!("../../../data/lexicons/es.tsv")).is_ok_and(|n| n > 200));
        assert!(parse(include_str!("../../../data/lexicons/en.tsv")).is_ok_and(|n| n > 200));
        assert!(parse(include_str!("../../../data/lexicons/en_vader.tsv")).is_ok_and(|n| n > 7000));
        assert!(parse(include_str!("../../../data/lexicons/es_vader.tsv")).is_ok_and(|n| n > 2000));
    }

    #[test]
    fn intensity_is_feeling_either_way_and_survives_a_mixed_comment() {
        // The lexicon's own valence; the blended one also carries the learned model's view.
        let one_sided =
            super::super::BUNDLED.score_lexicon("El envío fue rápido y el producto excelente");
        assert_eq!(one_sided.intensity, one_sided.valence.abs());
        let mixed = score("Me encanta la tienda, odio la entrega");
        assert!(
            mixed.intensity > mixed.valence.abs() + 0.1,
            "{} vs {}",
            mixed.intensity,
            mixed.valence
        );
        assert!(score("Muy bien!!!").intensity > score("bien").intensity);
        assert_eq!(score("Compré unas zapatillas").intensity, 0.0);
    }

    #[test]
    fn a_concession_weighs_less_than_the_main_clause() {
        // Mid-sentence "aunque": the first clause is the main one.
        assert!(v("Me devolvieron el dinero encantados, aunque había perdido el ticket") > 0.0);
        // Opening "Aunque": the clause after the comma is the main one.
        assert!(v("Aunque tardó un poco, el producto es excelente") > 0.0);
        assert!(v("Although the staff were lovely, the room was filthy") < 0.0);
    }

    #[test]
    fn expectations_and_the_past_change_what_a_good_word_means() {
        assert!(v("No esperaba tanta amabilidad") > 0.0);
        assert!(v("I didn't expect such friendly service") > 0.0);
        assert!(v("It used to work fine") < 0.0);
        assert!(v("Solía ser rápido") < 0.0);
        assert!(v("Antes era bueno") < 0.0);
        assert!(v("Llegó antes de lo previsto y muy bien") > 0.0);
        // A bad past is a good present.
        assert!(lex("Antes era un caos") > 0.0);
        assert!(lex("It used to crash") > 0.0);
    }

    #[test]
    fn a_past_that_goes_on_or_a_habit_is_no_past() {
        assert!(lex("It used to be terrible, still is") < 0.0);
        assert!(lex("Antes era un caos y sigue igual") < 0.0);
        assert!(lex("I'm not used to such rude staff") < 0.0);
        assert!(lex("I got used to the awful noise") < 0.0);
        assert!(lex("They're used to rude customers") < 0.0);
        // What goes on is told before "now"; "aún así" is "even so".
        assert!(lex("Used to be great, now it still takes forever") < 0.0);
        assert!(lex("Antes era buenísimo, aún así sigo siendo cliente") < 0.0);
        assert!(lex("Antes era bueno, aún lo es") > 0.0);
    }

    #[test]
    fn could_not_be_better_is_the_best_there_is() {
        for praise in [
            "Couldnt be better",
            "Couldn't have been nicer",
            "Couldn't recommend them enough",
            "No podría ser mejor",
        ] {
            assert!(lex(praise) > 0.3, "{praise}");
        }
        assert!(lex("It couldn't be worse") < -0.3);
        assert!(lex("Could not be better") > 0.0);
        assert!(lex("Couldn't be less helpful") < -0.3);
        assert!(lex("Couldn't be more disappointed") < -0.3);
        assert!(lex("Can't recommend, not enough staff") < 0.0);
        assert!(lex("Wasn't better than the old one") < 0.0);
    }

    #[test]
    fn a_lack_before_a_problem_or_a_fee_denies_them() {
        assert!(lex("Llevo 5 días sin internet") < -0.3);
        assert!(lex("No service issues so far") > 0.0);
        assert!(lex("No service charge and lovely staff") > 0.3);
        assert!(lex("La app funciona sin conexión") > 0.0);
    }

    #[test]
    fn less_of_a_feeling_is_some_of_the_other_but_a_hedge_is_not() {
        assert!(lex("The staff were less than helpful") < 0.0);
        assert!(lex("Nothing less than amazing") > 0.3);
        assert!(lex("No fue menos caro que en la otra tienda") < 0.0);
        assert!(lex("More or less happy with it") > 0.0);
        assert!(lex("They made it a lot less stressful") > 0.0);
        assert!(lex("Menos caro que el otro") > 0.0);
        assert!(lex("These are less flattering") < 0.0);
        assert!(score_lexicon_explained("Por lo menos amable").contains("amable +"));
        assert!(!score_lexicon_explained("Más o menos cómodo").contains("lessened"));
    }

    #[test]
    fn a_mark_of_ten_is_no_count_of_ten() {
        assert!(lex("Un servicio de 10") > 0.3);
        assert!(!score_lexicon_explained("Me hicieron un 10% de descuento").contains("10"));
        assert!(!score_lexicon_explained("Después de 10 días sin respuesta").contains("de 10"));
        assert!(
            !score_lexicon_explained("Me lo arreglaron en cuestión de 10 minutos")
                .contains("de 10")
        );
    }

    #[test]
    fn praise_then_but_announces_a_complaint_in_plain_words() {
        let s = score("La ubicación es genial, pero la habitación daba a un patio de luces");
        assert!(s.valence < 0.0, "{s:?}");
        assert!(
            s.explanation
                .iter()
                .any(|e| e.contains("a complaint follows"))
        );
        // With feeling words after "pero", the usual contrast weighting decides.
        assert!(v("Un poco caro, pero el servicio es excelente") > 0.0);
    }

    #[test]
    fn spanish_inflections_are_found_but_english_words_are_not_taken_apart() {
        // A fragment whose words are as Spanish as English ("great", "gracias") is not taken
        // apart as Spanish: "times" is no "timar".
        assert!(lex("Delivery times great, gracias") > 0.3);
        // One whose words are only English reads a shared word in English.
        assert!(lex("Brutal wait") < -0.3);
        let s = score("Nuestras esperanzas se vieron colmadas");
        assert!(s.valence > 0.0, "{s:?}");
        assert!(s.explanation.iter().any(|e| e.contains("(as \"")), "{s:?}");
        assert!(v("Las camareras fueron amabilísimas") > 0.0);
        assert!(v("Los calamares estaban riquísimos") > 0.0);
        // "times" is not "timar" (to swindle) in an English comment.
        assert!(v("Called three times and they fixed it") >= 0.0);
        assert!(v("una L") == 0.0, "a lone letter is not a feeling");
    }

    #[test]
    fn a_word_is_read_in_the_comments_own_language() {
        assert!(lex("El servicio fue regular") < 0.0);
        let size = super::super::BUNDLED.score_lexicon("I ordered my regular size and it fits");
        assert!(
            !size.explanation.iter().any(|e| e.starts_with("regular")),
            "{size:?}"
        );
        assert!(lex("La comida estaba brutal") > 0.0);
        assert!(lex("The wait was brutal") < 0.0);
    }

    #[test]
    fn better_hoped_for_is_not_better_got() {
        for complaint in [
            "Me esperaba algo un poco mejor de potencia",
            "Esperaba un mapa más grande",
            "I would still have expected better quality.",
            "I'd expected a better consumer experience from them",
        ] {
            assert!(lex(complaint) < 0.0, "{complaint}: {:?}", score(complaint));
        }
        let hoped = super::super::BUNDLED.score_lexicon("Hoped for better customer service.");
        assert!(hoped.label == Label::Neg, "{hoped:?}");
        for praise in [
            "Es mucho mejor de lo que esperaba",
            "More than I expected, and better made",
            "No esperaba más por ese precio y es perfecto",
            "Exactly what I expected and more!",
            "I expected to pay a lot more for this quality, great value.",
            "Esperaba tardar más en recibirlo, llegó en un día.",
            "I was expecting more of a wait but we were seated right away.",
        ] {
            let read = super::super::BUNDLED.score_lexicon(praise);
            assert!(
                !read.explanation.iter().any(|e| e.contains("hoped for")),
                "{praise}: {read:?}"
            );
        }
    }

    #[test]
    fn a_negator_denies_words_of_one_feeling_only() {
        // Neither the "no" nor the "muy" of "muy recomendable" reaches the breakage.
        let broke =
            super::super::BUNDLED.score_lexicon("No es muy recomendable se ha roto enseguida");
        assert!(broke.valence < -0.5, "{broke:?}");
        assert!(broke.explanation[1] == "\"se ha roto\" -2.2", "{broke:?}");
        assert!(lex("It is not comfortable, the strap is broken") < 0.0);
        // Coordinated words of the same feeling are all denied.
        assert!(lex("The room wasn't clean or comfortable") < 0.0);
        assert!(lex("No es barato ni bonito") < 0.0);
    }

    #[test]
    fn a_need_for_upkeep_is_a_complaint_but_not_the_customers_own_need() {
        assert!(lex("La habitación necesita una buena mano de pintura") < -0.2);
        assert!(lex("La piscina necesitaba pintura") < -0.2);
        assert!(lex("The rooms are in need of a serious refresh") < -0.2);
        assert!(lex("The lobby could do with a lick of paint") < -0.2);
        assert!(lex("No necesita reforma, está perfecto") > 0.3);
        assert!(lex("I needed an upgrade and they gave me one") >= 0.0);
        // The customer's own need, the reason for the visit, and advice, are no complaint.
        for said in [
            "Mi coche necesitaba un arreglo y lo hicieron en un día",
            "Necesitaba un lavado urgente y me atendieron enseguida",
            "I really needed an upgrade and they gave me one for free",
            "You could use a good cleaning service here, they offer one",
            "The car barely needs maintenance, love it",
        ] {
            assert!(
                !score_lexicon_explained(said).contains("needs upkeep"),
                "{said}"
            );
        }
        assert!(lex("La moto necesitaba un lavado y me la dejaron como nueva") > 0.0);
    }

    #[test]
    fn praise_in_quotes_is_a_claim_and_zero_negates() {
        let s = score("Paid for the \"ad-free\" version. Still ads.");
        assert!(s.valence <= 0.0, "{s:?}");
        assert!(s.explanation.iter().any(|e| e.contains("in quotes")));
        assert!(v("El «desayuno incluido» era un bollo. Una vergüenza") < 0.0);
        assert!(v("Zero pressure, they explained every option") > 0.0);
        assert!(v("Cero problemas con el envío") > 0.0);
        assert!(v("Cero higiene en la cocina") < 0.0);
    }

    #[test]
    fn the_learned_model_is_blended_in_and_says_so_but_leaves_plain_statements_alone() {
        let s = score("Lo devolví al día siguiente, la tela se deshizo en la primera lavada");
        assert!(s.valence < 0.0, "{s:?}");
        assert!(
            s.explanation
                .iter()
                .any(|e| e.starts_with("learned from labelled comments"))
        );
        let plain = score("Compré unas zapatillas");
        assert_eq!(plain.valence, 0.0, "{plain:?}");
        assert!(plain.explanation.is_empty());
        // The lexicon alone is still there for whoever needs it.
        let lexicon = super::super::BUNDLED.score_lexicon("Lo devolví al día siguiente");
        assert!(!lexicon.explanation.iter().any(|e| e.starts_with("learned")));
    }

    #[test]
    fn reads_polarity_in_both_languages() {
        assert!(v("El envío fue rápido y el producto excelente") > 0.5);
        assert!(v("Terrible service, the package arrived broken") < -0.5);
        assert!(v("Compré unas zapatillas") == 0.0);
    }

    #[test]
    fn negation_flips_within_its_scope() {
        assert!(v("no me gustó") < 0.0);
        assert!(v("no es malo") > 0.0);
        assert!(v("not good at all") < 0.0);
        assert!(v("sin problemas") > 0.0);
        assert!(v("personal poco amable") < 0.0);
        assert!(v("una falta de respeto total") < 0.0);
        assert!(v("poco lento") < 0.0, "poco still softens a bad word");
        // Words of quantity do not use up the reach, but "of" and a Spanish "a" ("to") do: the
        // negation stops before "better" and "cara".
        assert!(lex("There are not a lot of good options") < 0.0);
        assert!(lex("I can't think of a better place to stay") > 0.0);
        assert!(lex("I wasn't expecting a lot of great food, but it was") > 0.0);
        assert!(lex("Me atendieron sin mirarme a la cara") < 0.0);
    }

    #[test]
    fn a_wish_in_the_past_is_no_praise() {
        // "Liked" and "gustado" here wish for something: for what went missing ("a faster
        // answer") or for more of what was good ("to stay longer"). Neither is praise or blame.
        for wish in [
            "I would have liked a faster answer",
            "Would have liked to stay longer",
            "Me hubiera gustado que limpiaran",
            "Me hubiera gustado quedarme más días",
        ] {
            assert_eq!(lex(wish), 0.0, "{wish}");
        }
    }

    #[test]
    fn complaints_outweigh_praise_in_a_long_comment_but_not_a_short_one() {
        // Praise 9.8 and complaints 9.3 in the lexicon's terms: a long review that decides
        // against the stay, though it is still mixed as felt.
        let long = super::super::BUNDLED.score_lexicon(
            "Ubicación genial. Personal amable. Piscina bonita. Desayuno bueno. \
             Habitación sucia. Cama incómoda. Baño roto. Ruido horrible.",
        );
        assert!(long.valence < 0.0, "{long:?}");
        assert_eq!(long.label, Label::Mixed);
        // Three words: the complaint weighs barely more than the praise beside it.
        assert!(lex("Ubicación genial. Personal amable. Baño roto.") > 0.3);
    }

    #[test]
    fn stems_leave_the_words_they_only_look_like_alone() {
        // "lent*" (slow) is not lentils, "romp*" (break) not a puzzle, folded "engañ*" (deceive)
        // not a hook ("enganche").
        assert!(lex("Las lentejas estaban ricas") > 0.3);
        assert!(lex("El rompecabezas es precioso") > 0.3);
        assert!(lex("Los enganches son de metal") == 0.0);
        assert!(lex("Nos engañaron con el precio") < -0.3);
        assert!(super::super::emotions::emotions("Las lentejas estaban ricas").is_empty());
    }

    #[test]
    fn a_denied_doubt_affirms_what_follows() {
        // The negator belongs to the doubt: what follows it is said, not denied.
        assert!(lex("No dudaré en recomendarlo") > 0.5);
        assert!(lex("Si volvemos no dudaremos en alojarnos allí") > 0.3);
        assert!(lex("No lo dudéis") > 0.3);
        assert!(lex("I wouldn't hesitate to recommend them") > 0.5);
        // And a plain denied recommendation is still a strong complaint.
        assert!(lex("Yo no recomendaría este lugar") < -0.5);
    }

    #[test]
    fn boosters_contrast_and_emphasis_move_the_score() {
        assert!(v("muy bueno") > v("bueno"));
        assert!(v("algo lento") > v("lento"));
        assert!(v("rápido pero carísimo") < 0.0);
        assert!(v("buenísimooo!!!") > v("bueno"));
        assert!(v("GREAT app") > v("great app"));
    }

    #[test]
    fn idioms_and_emoji_count() {
        assert!(v("no me cogen el teléfono") < -0.3);
        assert!(v("me tuvieron esperando una hora") < -0.3);
        assert!(v("un servicio de diez") > 0.3);
        assert!(lex("El técnico me dejó plantado") < -0.3);
        assert!(lex("El cajero se tragó mi tarjeta") < -0.3);
        assert!(lex("They overcharged me on my bill") < -0.3);
        assert!(lex("Setup was a breeze") > 0.3);
        assert!(lex("Fixed the outage in an hour") > 0.0);
        assert!(v("llegó 😡") < 0.0);
        assert!(v("todo bien :)") > v("todo bien"));
        // Laughter and laughing faces are joy; a web address holds no ":/" face.
        assert!(v("me encantó jajajaja") > v("me encantó"));
        assert_eq!(lex("El tiene 6 años jajajajaja"), 0.0);
        assert_eq!(lex("Pagué 50 euros por un café jajajaja"), 0.0);
        assert!(lex("El cajero no me devolvió el cambio jajaja") < 0.0);
        assert!(lex("No trae instrucciones jaja") < 0.0);
        assert!(lex("Todo perfecto jajaja 😂") > lex("Todo perfecto"));
        assert!(lex("Mi hija y yo cenamos aquí el sábado").abs() < 0.05);
        assert!(v("Otra vez tarde jajaja") < 0.0);
        assert!(v("broke after a day lol") < v("broke after a day") + 0.05);
        assert!(rules::is_laughter("jajajjaja") && rules::is_laughter("hahaha"));
        assert!(rules::is_laughter("jsjsjs") && rules::is_laughter("ajaja"));
        for word in ["hashish", "jaen", "hija", "hijas", "haji", "jaisha"] {
            assert!(!rules::is_laughter(word), "{word}");
        }
        assert_eq!(v("Mira https://t.co/8PylUMl7J0"), 0.0);
        assert_eq!(
            rules::emoticons("bien :) >:( https://x.es :Dos <30 :-)Oh Tel:(91) &quot;) &#39;)"),
            [(":)", 2.0), (">:(", -3.0), (":-)", 2.0)]
        );
    }

    #[test]
    fn explains_and_detects_language() {
        let s = score("No me gustó nada la entrega");
        assert_eq!(s.language, Language::Es);
        assert!(
            s.explanation
                .iter()
                .any(|e| e.contains("\"no me gustó nada\"")),
            "the phrase as the customer wrote it: {:?}",
            s.explanation
        );
        let s = score("La entrega no fue rápida");
        assert!(
            s.explanation.iter().any(|e| e.contains("negated")),
            "{:?}",
            s.explanation
        );
        assert_eq!(score("The delivery was late").language, Language::En);
        // Short answers: "no" and "a" are words of both languages, so they decide nothing.
        for (text, language) in [
            ("No me siento valorado", Language::Es),
            ("No pudieron hacer nada", Language::Es),
            ("ni fu ni fa", Language::Es),
            ("She couldn't do anything", Language::En),
            ("Same as usual", Language::En),
            ("Asked about international roaming rates", Language::En),
            ("No complaints at all", Language::En),
        ] {
            assert_eq!(score(text).language, language, "{text}");
        }
    }
}
