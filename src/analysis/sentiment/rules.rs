//! The closed word classes the scorer's rules act on, in both languages. Kept in code, not in
//! the lexicon files, because they change how other words count rather than carrying a score.

/// Words that flip the polarity of what follows within the clause.
pub const NEGATORS: &[&str] = &[
    "no",
    "nunca",
    "jamas",
    "ni",
    "tampoco",
    "sin",
    "nada",
    "ningun",
    "ninguno",
    "ninguna",
    "nadie",
    "not",
    "never",
    "without",
    "nothing",
    "none",
    "nobody",
    "neither",
    "nor",
    "cannot",
    "can't",
    "didn't",
    "don't",
    "doesn't",
    "isn't",
    "wasn't",
    "won't",
    "wouldn't",
    "aren't",
    "weren't",
    "haven't",
    "hasn't",
    "hadn't",
    "couldn't",
    "shouldn't",
    "ain't",
    "cero",
    "zero",
];

/// Verbs of expecting: a negator before one denies the expectation, so the words after it keep
/// their sign ("no esperaba tanta amabilidad", "didn't expect such good service").
pub const EXPECTATION: &[&str] = &[
    "esperaba",
    "esperabamos",
    "esperaban",
    "imaginaba",
    "esperaria",
    "expected",
    "expect",
    "expecting",
    "imagined",
];

/// Words after a negator that make it add rather than deny: "no solo", "not only", "nothing
/// but" ("por no decir" is matched as a triple).
pub const NOT_A_NEGATION: &[&str] = &["solo", "solamente", "only", "just", "but"];

/// Verbs of opinion: a negator before one reaches the whole clause that follows ("I don't think
/// it was helpful", "no creo que vuelva").
pub const OPINION_VERBS: &[&str] = &[
    "think", "believe", "feel", "creo", "pienso", "creemos", "pensamos",
];

/// Comparatives that make a denied opinion praise: "I don't think they could have been more
/// helpful", "no creo que encuentre un servicio mejor".
pub const COMPARATIVES: &[&str] = &["better", "more", "ever", "mejor", "mejores", "mas"];

/// Verbs naming what a product or service is for: denied, they are the complaint itself ("didn't
/// fit", "never arrived", "no encaja", "no se sujeta"), with or without a word of feeling nearby.
/// By language, as each is denied by its own negators: "no charge" is a noun in English.
pub const FUNCTION_VERBS_EN: &[&str] = &[
    "fit",
    "fits",
    "fitted",
    "work",
    "works",
    "worked",
    "last",
    "lasts",
    "lasted",
    "stick",
    "sticks",
    "stuck",
    "hold",
    "holds",
    "held",
    "charge",
    "charges",
    "charged",
    "arrive",
    "arrived",
    "connect",
    "connects",
    "connected",
    "match",
    "matches",
    "matched",
    "close",
    "closes",
    "stay",
    "stays",
    "stayed",
    "receive",
    "received",
    "deliver",
    "delivered",
    "seal",
    "seals",
    "pair",
    "install",
    "installed",
    "heat",
    // "The app won't load" ("keep", "start" and "open" were tried: "couldn't keep my eyes off
    // it", "can't start my day without it").
    "load",
    "loads",
];
pub const FUNCTION_VERBS_ES: &[&str] = &[
    "encaja",
    "encajan",
    "encajaba",
    "cierra",
    "cierran",
    "cerraba",
    "conecta",
    "conectan",
    "agarra",
    "sujeta",
    "sujetan",
    "pega",
    "pegan",
    "pegaba",
    "llega",
    "llegaron",
    "vino",
    "vinieron",
    "trae",
    "traia",
    "traen",
    "calienta",
    "enfria",
    "aguanta",
    "aguantan",
    "aguanto",
    "arranca",
    "va",
    "iba",
    "funciono",
    "funcionaron",
    "duro",
    "duraron",
    "cargaba",
    "recibido",
    "recibimos",
    "entregaron",
    "coinciden",
    "cabe",
    "caben",
    // "No se adapta bien", "no me sirvió", and after "ha": "no ha funcionado", "no me ha servido".
    "ajusta",
    "ajustan",
    "adapta",
    "adaptan",
    "sirve",
    "sirven",
    "sirvio",
    "servido",
    // Not "llegado": "no he llegado a usarlo" is something not yet done.
    "funcionado",
    "encajado",
];

/// Nuisances: when one of these is what does not arrive ("el frío no llega a la habitación",
/// "the smell never arrived"), the denial is the praise. Not heat or water: "el agua caliente no
/// llega" and "the heat doesn't work" are complaints.
pub const NUISANCES: &[&str] = &[
    "ruido", "ruidos", "frio", "olor", "olores", "humo", "humedad", "lluvia", "noise", "cold",
    "smell", "smoke", "damp", "rain",
];

/// The verbs of arriving, the only ones a nuisance is kept out by.
pub const ARRIVING: &[&str] = &["llega", "llegaron", "vino", "vinieron", "arrive", "arrived"];

/// Words after "charge" that make it a bill, not a battery: "they didn't charge me for it".
pub const BILLED: &[&str] = &["me", "us", "you", "for", "extra", "anything", "a"];

/// Words that may stand between a negator and the verb it denies: "didn't even fit", "no se
/// sujeta", "never really worked".
pub const BETWEEN_DENIAL_AND_VERB: &[&str] = &[
    "even", "really", "always", "ever", "actually", "quite", "properly", "se", "me", "le", "lo",
    "la", "les", "nos", "nunca", "ha", "han", "he", "hemos",
];

/// Verbs that put a problem right, before it ("fixes all the problems", "solucionó el fallo")
/// or after it ("problem solved", "el problema quedó resuelto"). They act on `PROBLEMS` only:
/// "the fix was terrible" is still a complaint.
pub const SOLVERS: &[&str] = &[
    "fixes",
    "fixed",
    "solve",
    "solves",
    "solved",
    "resolve",
    "resolves",
    "resolved",
    "sorted",
    "eliminates",
    "prevents",
    "soluciona",
    "soluciono",
    "solucionaron",
    "solucionado",
    "solucionada",
    "resuelve",
    "resolvio",
    "resolvieron",
    "resuelto",
    "resuelta",
    "arregla",
    "arreglaron",
    "arreglado",
    "arreglada",
    "evita",
    "elimina",
    "covered",
    "cubierto",
    "cubierta",
];

/// Nouns naming a problem, which a solver puts right.
pub const PROBLEMS: &[&str] = &[
    "problem",
    "problems",
    "issue",
    "issues",
    "fault",
    "faults",
    "error",
    "errors",
    "bug",
    "bugs",
    "damage",
    "complaint",
    "complaints",
    "problema",
    "problemas",
    "fallo",
    "fallos",
    "error",
    "errores",
    "averia",
    "averias",
    "incidencia",
    "incidencias",
    "queja",
    "quejas",
    "defecto",
    "defectos",
    "outage",
    "outages",
    "glitch",
    "glitches",
    "leak",
    "leaks",
    "breakdown",
    "fuga",
    "fugas",
];

/// Things a customer does, whose ease or speed is praise even beside a word the lexicon
/// scores low: "fácil de cancelar", "quick to refund", "atendieron mi queja rápidamente".
pub const CUSTOMER_ACTIONS: &[&str] = &[
    "cancelar",
    "devolver",
    "cambiar",
    "montar",
    "instalar",
    "usar",
    "limpiar",
    "reclamar",
    "cancel",
    "return",
    "refund",
    "install",
    "use",
    "clean",
    "assemble",
    "complain",
    "queja",
    "complaint",
    "problema",
    "problem",
    "issue",
];

/// Verbs of a company answering: "responded to my complaint quickly".
pub const RESPONSES: &[&str] = &[
    "responded",
    "answered",
    "handled",
    "replied",
    "dealt",
    "atendieron",
    "respondieron",
    "contestaron",
    "gestionaron",
];

/// Adjectives that, right before a complaint, only make it bigger: "una gran decepción",
/// "un auténtico desastre", "a complete waste", "a great disappointment".
pub const AMPLIFYING_ADJECTIVES: &[&str] = &[
    "gran",
    "grande",
    "autentico",
    "autentica",
    "verdadero",
    "verdadera",
    "completo",
    "completa",
    "absoluto",
    "absoluta",
    "total",
    "puro",
    "pura",
    "great",
    "big",
    "huge",
    "complete",
    "total",
    "absolute",
    "real",
    "true",
    "perfect",
    "pure",
];

/// Ease and speed praise a delivery or an assembly, but next to a complaint they worsen it:
/// "se rompe rápido", "fácil de perder", "breaks easily", "died quickly".
pub const EASE_AND_SPEED: &[&str] = &[
    "facil",
    "facilmente",
    "facilidad",
    "rapido",
    "rapida",
    "rapidamente",
    "pronto",
    "enseguida",
    "easy",
    "easily",
    "quickly",
    "fast",
    "quick",
    "soon",
];

/// Words joining two clauses: a word's reach over its neighbours stops at them.
pub const CLAUSE_JOINERS: &[&str] = &["y", "e", "pero", "aunque", "and", "but", "although"];

/// A good word after these was good once and is not now ("solía ser rápido"; "used to" and
/// "antes era" are matched as pairs).
pub const PAST: &[&str] = &["solia", "solian", "formerly"];

/// What is paid on top: "no service charge", "sin cargo por servicio".
pub const FEES: &[&str] = &[
    "charge", "charges", "fee", "fees", "cost", "costs", "cargo", "cargos", "coste", "costo",
    "comision",
];

/// Words that say a past state goes on: "used to be terrible, still is", "sigue igual".
pub const STILL: &[&str] = &["still", "sigue", "siguen", "todavia", "aun"];

/// Words that only ever stand under a negation ("never had any problems", "sin ningún
/// problema"): they do not use up the negator's reach.
pub const NEGATIVE_POLARITY: &[&str] = &["any", "ever", "ningun", "ninguna", "ninguno"];

/// Words of quantity, which do not use up a negation's reach either: "there are not a lot of
/// good options". (Not "of": "can't think of a better place" must stop short of "better"; not
/// "a": in Spanish it is "to", and "sin mirarme a la cara" must stop short too.)
pub const SCOPE_FILLERS: &[&str] = &["lot", "lots"];

/// How many words after a negator it still reaches.
pub const NEGATION_SCOPE: usize = 3;

/// "poco" + a good word, or "falta de" + a good noun: the good word counts against.
pub const LITOTES_FACTOR: f64 = -0.6;

/// VADER's empirical factor: a negated word keeps most, not all, of its strength.
pub const NEGATION_FACTOR: f64 = -0.74;

/// Intensifiers (+) and diminishers (-), as a relative change of the next sentiment word.
pub fn booster(word: &str) -> Option<f64> {
    let b = match word {
        "muy" | "bastante" | "super" | "tan" | "realmente" | "totalmente" | "completamente"
        | "extremadamente" | "sumamente" | "demasiado" | "increiblemente" | "absolutamente"
        | "mucho" | "muchisimo" | "re" => 0.3,
        "very" | "really" | "realy" | "extremely" | "so" | "totally" | "completely"
        | "absolutely" | "incredibly" | "highly" | "truly" | "too" | "utterly" => 0.3,
        "definitivamente" | "verdaderamente" | "sinceramente" | "francamente" | "definitely"
        | "surely" | "certainly" | "clearly" | "honestly" | "seriously" | "genuinely" => 0.2,
        // "pretty good", "pretty tight": before another word it grades it; alone it praises.
        "pretty" => 0.1,
        "poco" | "algo" | "ligeramente" | "apenas" | "medio" => -0.3,
        "slightly" | "somewhat" | "barely" | "kinda" | "little" | "bit" | "fairly" => -0.3,
        _ => return None,
    };
    Some(b)
}

/// Words after which the rest of the sentence weighs more (and what came before, less).
pub const CONTRAST: &[&str] = &["pero", "but", "however", "embargo", "sino"];
/// Words that open a concession: the clause they open weighs less than the main one.
pub const CONCESSION: &[&str] = &["aunque", "although", "though"];
pub const BEFORE_CONTRAST: f64 = 0.5;
/// Praise followed by a contrast word and nothing the lexicon knows: a complaint in plain words.
pub const TURN_AFTER_PRAISE: f64 = -1.0;
pub const AFTER_CONTRAST: f64 = 1.5;

/// Emoji and their score on the lexicon scale; unknown emoji count for nothing, and so does 🙏,
/// a plea as often as thanks ("llevo un mes esperando el reembolso 🙏").
pub fn emoji(c: char) -> Option<f64> {
    let s = match c {
        '😍' | '🥰' | '🤩' | '❤' | '♥' | '💖' | '💕' | '💗' | '💙' | '💚' | '💛' | '💜' | '🧡'
        | '🤍' | '😘' | '💯' | '🎉' | '🥳' | '🙌' => 3.0,
        '😀' | '😃' | '😄' | '😁' | '😆' | '😊' | '☺' | '🙂' | '😉' | '😎' | '😋' | '😌' | '😛'
        | '😜' | '😝' | '🤗' | '👍' | '👌' | '👏' | '💪' | '🔥' | '✨' | '⭐' | '🌟' | '✅' => {
            2.0
        }
        // Laughing faces, as laughter written out: customers laugh at their complaints too.
        c if is_laughing_face(c) => LAUGHTER,
        // A nervous laugh: relief as often as embarrassment.
        '😅' => 0.5,
        '😐' | '😶' | '🤔' => -0.3,
        '🤷' => -0.5,
        '😑' | '😴' => -1.0,
        '🙃' | '😬' | '😪' => -1.5,
        '😕' | '🙁' | '☹' | '😒' | '😔' | '😟' | '😓' | '😥' | '👎' | '😩' | '😫' | '🙄' | '🤦'
        | '🤡' => -2.0,
        '🤢' => -2.5,
        '🤮' => -3.0,
        '😞' | '😢' | '😭' | '😤' | '😣' | '😖' | '😨' | '😰' | '😱' | '💔' | '❌' => {
            -2.5
        }
        '😠' | '😡' | '🤬' | '💩' => -3.0,
        _ => return None,
    };
    Some(s)
}

/// ASCII emoticons, found in the raw text before tokenising strips their punctuation.
const EMOTICONS: &[(&str, f64)] = &[
    (":)", 2.0),
    (":-)", 2.0),
    (":D", 2.5),
    ("=)", 2.0),
    (";)", 1.5),
    ("<3", 2.5),
    (":(", -2.0),
    (":-(", -2.0),
    (":'(", -2.5),
    (">:(", -3.0),
    (":/", -1.0),
];

/// The emoticons of a comment, in order. One stands apart: not inside a web address (the ":/"
/// of "https://") or an HTML entity ("&quot;)"), not before a number ("Tel:(91)", "<30 min"),
/// not run into a word where it ends in a letter (":Dos"; ":-)Oh" is a face), and the longest
/// face wins where two overlap (">:(" is one face, not two).
pub fn emoticons(text: &str) -> Vec<(&'static str, f64)> {
    let mut found = Vec::new();
    // Every emoticon has one of these; most comments have none, and skip the search.
    if !text
        .bytes()
        .any(|b| matches!(b, b':' | b';' | b'=' | b'<' | b'>'))
    {
        return found;
    }
    for chunk in text.split_whitespace() {
        // Faces start with one of these; the chunk's other characters are passed over. Whether
        // the chunk is a web address is asked once, at its first candidate.
        let mut free = 0;
        let mut url = None;
        for (at, _) in chunk.match_indices([':', ';', '=', '<', '>']) {
            if at < free || ends_entity(chunk, at) {
                continue;
            }
            if *url.get_or_insert_with(|| super::tokens::is_url(chunk)) {
                break;
            }
            let rest = &chunk[at..];
            let face = EMOTICONS
                .iter()
                .filter(|(e, _)| rest.starts_with(e))
                .max_by_key(|(e, _)| e.len())
                .filter(|(e, _)| {
                    let next = &rest[e.len()..];
                    // "Teléfono:(91)", "<30 min", ":Dos": a number or a word follows.
                    !(next.starts_with(|c: char| c.is_ascii_digit())
                        || e.ends_with(char::is_alphanumeric)
                            && next.starts_with(char::is_alphanumeric))
                });
            if let Some(&(e, score)) = face {
                found.push((e, score));
                free = at + e.len();
            }
        }
    }
    found
}

/// Whether the `;` at `at` ends an HTML entity ("&quot;)" holds no ";)" face).
fn ends_entity(chunk: &str, at: usize) -> bool {
    chunk.as_bytes()[at] == b';'
        && chunk[..at]
            .rfind('&')
            .is_some_and(|amp| super::tokens::entity_len(&chunk[amp..]) == Some(at - amp + 1))
}

/// Laughter written out: "jaja", "jajajjaja", "ajaja", "jeje", "jsjs", "hahaha", "lol" (any
/// length, so no word list can hold it): one laughing consonant, "j" or "h", each followed by a
/// vowel (or "s", "jsjs"), over most of the word. "Hija" and "Haji" mix them, and are no laugh.
pub fn is_laughter(folded: &str) -> bool {
    if matches!(folded, "lol" | "lool" | "lmao" | "xd") {
        return true;
    }
    let b = folded.as_bytes();
    if b.len() < 4 {
        return false;
    }
    let (laugh, after): (u8, &[u8]) = if b.contains(&b'j') {
        (b'j', b"aeis")
    } else {
        (b'h', b"ae")
    };
    if !b.iter().all(|c| *c == laugh || after.contains(c)) {
        return false;
    }
    let syllables = b
        .windows(2)
        .filter(|w| w[0] == laugh && after.contains(&w[1]))
        .count();
    // Two letters each, covering at least 70% of the word.
    syllables >= 2 && 20 * syllables >= 7 * b.len()
}

/// Faces that laugh, read as laughter written out.
pub fn is_laughing_face(c: char) -> bool {
    matches!(c, '😂' | '🤣')
}

/// Faces that roll their eyes or smile upside down: in a customer's comment they say the praise
/// beside them is not meant ("Siempre innovando 🙃"). Not 😒, which is plain annoyance.
pub fn is_irony_mark(c: char) -> bool {
    matches!(c, '🙃' | '🙄' | '¬')
}

/// Laughter's score on the lexicon scale: below VADER's "haha" (2.0), as Spanish comments laugh
/// at their own complaints too ("otra vez tarde jajaja").
pub const LAUGHTER: f64 = 1.5;
