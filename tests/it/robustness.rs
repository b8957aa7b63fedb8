//! No input makes Curva panic: thousands of generated CSV-like files (quotes, delimiters, line
//! endings, invalid UTF-8, huge and empty fields, odd headers) go through reading, analysis and
//! rendering, and each either yields a report or a clean error.

use std::path::Path;

use curva::analysis::{Settings, analyze, assign};
use curva::domain::Source;
use curva::ingest::read_survey;
use curva::render::{chart, html};

/// SplitMix64, so a failure reproduces from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&[u8]] = &[
    b",",
    b";",
    b"\t",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b" ",
    b"",
    b"5",
    b"-3",
    b"11",
    b"4,5",
    b"NaN",
    b"inf",
    b"Compra",
    b"Entrega",
    b"ENV\xC3\x8DO",
    b"\xC3",
    b"muy mal",
    b"no me gust\xC3\xB3 nada!!!",
    b"genial \xF0\x9F\x98\x8D",
    b"612 345 678",
    b"a@b.co",
    b"=cmd|x",
    b"N/A",
    b"\xEF\xBB\xBF",
];

const HEADERS: &[&str] = &[
    "id",
    "Etapa",
    "Stage",
    "Punto de contacto",
    "Segmento",
    "NPS",
    "CSAT",
    "CES",
    "mood_1_5",
    "score 10-0",
    "Comentario",
    "Comment",
    "Fecha",
    "",
    "Idioma",
    "x",
];

fn random_file(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    let delim: &[u8] = [b",".as_slice(), b";", b"\t"][rng.below(3)];
    let width = 1 + rng.below(8);
    for i in 0..width {
        if i > 0 {
            out.extend_from_slice(delim);
        }
        out.extend_from_slice(HEADERS[rng.below(HEADERS.len())].as_bytes());
    }
    out.extend_from_slice(b"\n");
    // Now and then a byte that makes the file binary or UTF-16 to the sniffer.
    if rng.below(40) == 0 {
        out.insert(rng.below(out.len()), [0u8, 0xFF][rng.below(2)]);
    }
    for _ in 0..rng.below(60) {
        for _ in 0..rng.below(3 * width + 1) {
            out.extend_from_slice(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                out.extend_from_slice(delim);
            }
        }
        out.extend_from_slice(b"\n");
    }
    out
}

#[test]
fn generated_inputs_never_panic() {
    let journey =
        curva::ingest::journey_file::parse_journey(crate::fixtures::SMALL_JOURNEY).unwrap();
    let mut rng = Rng(7);
    let mut reports = 0;
    for case in 0..1_500 {
        let bytes = random_file(&mut rng);
        let outcome = std::panic::catch_unwind(|| {
            let Ok(file) = read_survey(&bytes[..], Path::new("gen.csv"), Source::Customer) else {
                return false;
            };
            let inferred = assign::infer_journey("gen", &file.responses);
            for j in std::iter::once(&journey).chain(inferred.as_ref().ok()) {
                let analysis = analyze(j, &file.responses, &Settings::default());
                let svg = chart::svg(&analysis.report).unwrap();
                html::standalone(&analysis.report, &svg).unwrap();
                serde_json::to_string(&analysis.report).unwrap();
            }
            true
        });
        match outcome {
            Ok(made_report) => reports += usize::from(made_report),
            Err(_) => panic!(
                "case {case} panicked on input {:?}",
                String::from_utf8_lossy(&bytes)
            ),
        }
    }
    assert!(
        reports > 500,
        "most generated files are readable: {reports}"
    );
}
