//! The seeded generator behind data/demo/: an invented Spanish online shop with a known curve
//! planted in it (a drop from purchase to delivery, the low point at delivery, the courier as
//! the worst touchpoint, and employees who see delivery far rosier than customers do), so tests
//! can check that the analysis finds what was planted. Run `cargo run --example gen_demo` to
//! rewrite the files; a test checks the committed files equal this generator's output.

use super::phrases::{CUSTOMER, EMPLOYEE, PII_TAILS};

pub const SEED: u64 = 2026;
pub const SURVEY_ROWS: usize = 2_400;
pub const EMPLOYEE_ROWS: usize = 240;

/// The planted customer mean valence per stage, in journey order.
pub const STAGE_MEANS: [f64; 6] = [0.35, 0.30, 0.45, -0.45, -0.15, 0.15];
/// The planted employee mean valence per stage.
pub const EMPLOYEE_MEANS: [f64; 6] = [0.30, 0.30, 0.40, 0.30, -0.20, 0.30];
const STAGE_SHARE: [f64; 6] = [0.15, 0.17, 0.20, 0.20, 0.16, 0.12];

/// How respondents wrote each stage (names, aliases, odd case and spacing).
const STAGE_SPELLINGS: [&[&str]; 6] = [
    &["Descubrimiento", "Discovery", "descubrimiento", "Awareness"],
    &[
        "Consideración",
        "Consideration",
        "consideracion",
        "Evaluación",
    ],
    &["Compra", "Purchase", "COMPRA", "Checkout"],
    &["Entrega", "Delivery", "ENTREGA", "Envío", "envio "],
    &["Posventa", "Atención al cliente", "Support", "Soporte"],
    &["Recomendación", "Advocacy", "Fidelización", "loyalty"],
];

/// Touchpoint spellings and the planted offset from the stage mean.
const TOUCHPOINTS: [[(&[&str], f64); 3]; 6] = [
    [
        (&["Google", "Buscador"], 0.05),
        (&["Instagram", "Redes sociales"], 0.1),
        (&["Publicidad", "Anuncios"], -0.2),
    ],
    [
        (&["Web", "Página web"], 0.05),
        (&["Opiniones", "Reseñas"], 0.05),
        (&["Chat"], -0.1),
    ],
    [
        (&["Carrito", "Pago"], 0.0),
        (&["App", "Aplicación"], 0.05),
        (&["Tienda", "Tienda física"], 0.0),
    ],
    [
        (&["Mensajero", "Transportista"], -0.25),
        (&["Seguimiento"], 0.0),
        (&["Punto de recogida"], 0.4),
    ],
    [
        (&["Teléfono", "Call center"], -0.2),
        (&["Correo", "Email"], 0.05),
        (&["Devoluciones"], 0.1),
    ],
    [
        (&["Boletín"], 0.0),
        (&["Comunidad"], 0.1),
        (&["Programa de puntos"], -0.1),
    ],
];

const SEGMENTS: [(&str, f64, f64); 3] = [
    ("Nuevo cliente", 0.0, 0.45),
    ("Recurrente", 0.1, 0.40),
    ("Empresa", -0.1, 0.15),
];

/// SplitMix64: tiny, fast and fully specified, so the demo never changes with a crate update.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let mut x = self.unit() * weights.iter().sum::<f64>();
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
    fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

pub struct DemoFiles {
    pub survey: String,
    pub employee: String,
}

pub fn generate(seed: u64) -> DemoFiles {
    let mut rng = Rng(seed);
    DemoFiles {
        survey: survey(&mut rng),
        employee: employee(&mut rng),
    }
}

fn date(rng: &mut Rng) -> String {
    let day = rng.below(270);
    let (month, dom) = month_day(day);
    format!(
        "2026-{month:02}-{dom:02} {:02}:{:02}",
        8 + rng.below(14),
        rng.below(60)
    )
}

fn month_day(day_of_year: usize) -> (usize, usize) {
    const DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut d = day_of_year;
    for (m, len) in DAYS.iter().enumerate() {
        if d < *len {
            return (m + 1, d + 1);
        }
        d -= len;
    }
    (12, 31)
}

fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn survey(rng: &mut Rng) -> String {
    let mut rows = Vec::with_capacity(SURVEY_ROWS);
    for _ in 0..SURVEY_ROWS {
        let stage = rng.weighted(&STAGE_SHARE);
        let tp = rng.below(3);
        let (tp_spellings, tp_offset) = TOUCHPOINTS[stage][tp];
        let segment = rng.weighted(&SEGMENTS.map(|s| s.2));
        let valence = (STAGE_MEANS[stage] + tp_offset + SEGMENTS[segment].1 + 0.4 * rng.normal())
            .clamp(-1.0, 1.0);
        let spanish = rng.chance(0.65);
        let mut stage_value = rng.pick(STAGE_SPELLINGS[stage]).to_string();
        let mut tp_value = rng.pick(tp_spellings).to_string();
        // Values no journey file names: they must surface as "unassigned", never vanish.
        if rng.chance(0.012) {
            stage_value = rng.pick(&["Otro", "N/S", "Postventa??"]).to_string();
        } else if rng.chance(0.01) {
            tp_value = "Otro canal".into();
        }
        let csat = if rng.chance(0.92) {
            ((3.0 + 2.0 * valence + 0.5 * rng.normal())
                .round()
                .clamp(1.0, 5.0) as i64)
                .to_string()
        } else {
            String::new()
        };
        let nps = if stage == 5 {
            ((5.0 + 5.0 * valence + rng.normal())
                .round()
                .clamp(0.0, 10.0) as i64)
                .to_string()
        } else {
            String::new()
        };
        let comment = if rng.chance(0.8) {
            let mut mood = if valence < -0.2 {
                0
            } else if valence > 0.2 {
                2
            } else {
                1
            };
            if rng.chance(0.04) {
                mood = 2 - mood; // a few comments disagree with the rating, as in real data
            }
            let (es, en) = CUSTOMER[stage][mood];
            let mut text = rng.pick(if spanish { es } else { en }).to_string();
            if rng.chance(0.015) {
                let tail: &&str = rng.pick(PII_TAILS);
                text.push_str(tail);
            }
            text
        } else {
            String::new()
        };
        let id = format!("R_{:015X}", rng.next_u64() >> 4);
        rows.push(vec![
            id,
            date(rng),
            stage_value,
            tp_value,
            SEGMENTS[segment].0.to_string(),
            if spanish { "es" } else { "en" }.to_string(),
            csat,
            nps,
            comment,
        ]);
    }
    to_csv(
        &[
            "ID",
            "Fecha",
            "Etapa",
            "Punto de contacto",
            "Segmento",
            "Idioma",
            "Satisfacción (1-5)",
            "NPS",
            "Comentario",
        ],
        &rows,
    )
}

fn employee(rng: &mut Rng) -> String {
    let mut rows = Vec::with_capacity(EMPLOYEE_ROWS);
    for i in 0..EMPLOYEE_ROWS {
        let stage = i % 6;
        let tp = rng.below(3);
        let valence = (EMPLOYEE_MEANS[stage] + 0.35 * rng.normal()).clamp(-1.0, 1.0);
        let mood = (3.0 + 2.0 * valence + 0.4 * rng.normal())
            .round()
            .clamp(1.0, 5.0) as i64;
        let comment = if rng.chance(0.7) {
            let (neg, pos) = EMPLOYEE[stage];
            rng.pick(if valence < 0.0 { neg } else { pos }).to_string()
        } else {
            String::new()
        };
        rows.push(vec![
            format!("E{:04}", 1 + i),
            date(rng),
            STAGE_SPELLINGS[stage][0].to_string(),
            TOUCHPOINTS[stage][tp].0[0].to_string(),
            mood.to_string(),
            comment,
        ]);
    }
    to_csv(
        &[
            "employee_id",
            "Fecha",
            "Etapa",
            "Punto de contacto",
            "mood_1_5",
            "Comentario",
        ],
        &rows,
    )
}
