//! Writes the survey-export fixtures in `tests/fixtures/exports/`: one file per tool and variant
//! (Qualtrics, SurveyMonkey, Google Forms and Sheets, Microsoft Forms, Typeform, LimeSurvey, Excel
//! in its several encodings, employee feedback in long and wide form), a set of deliberately
//! broken files, `MANIFEST.json` (what a correct importer must find in each file) and `README.md`.
//!
//! Run it from the repository root:
//!
//! ```sh
//! cargo run --example gen_fixtures            # rewrites tests/fixtures/exports/
//! cargo run --example gen_fixtures -- DIR     # writes the same files into DIR instead
//! ```
//!
//! The layouts follow what each tool really exports (see the survey-export notes the fixtures were
//! built from); the content is invented. The generator uses only the standard library, builds
//! every file as raw bytes (encodings, BOMs and CRLF / LF / bare-CR line ends are exactly what is
//! written here), and is deterministic: a SplitMix64 seeded from a fixed constant and the file
//! name, no clock, no hash maps, so two runs give byte-identical files. Every line number in the
//! manifest is computed from the bytes actually written, so the manifest cannot drift.

use std::io;
use std::path::{Path, PathBuf};

const SEED: u64 = 0x5EED_C0FF_EE20_2603;
const OUT_DIR: &str = "tests/fixtures/exports";

fn main() -> io::Result<()> {
    let dir = match std::env::args_os().nth(1) {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join(OUT_DIR),
    };
    std::fs::create_dir_all(&dir)?;
    let fixtures = all_fixtures()?;
    let mut entries = Vec::new();
    for fx in &fixtures {
        check(fx)?;
        write_fixture(&dir, fx, &mut entries)?;
    }
    std::fs::write(dir.join("MANIFEST.json"), manifest(entries).pretty() + "\n")?;
    std::fs::write(dir.join("README.md"), readme(&fixtures))?;
    println!(
        "wrote {} fixtures, MANIFEST.json and README.md to {}",
        fixtures.len(),
        dir.display()
    );
    Ok(())
}

fn all_fixtures() -> io::Result<Vec<Fixture>> {
    Ok(vec![
        qualtrics(false)?,
        qualtrics(true)?,
        qualtrics_legacy()?,
        surveymonkey()?,
        google_forms()?,
        google_sheets()?,
        microsoft_forms()?,
        typeform()?,
        limesurvey()?,
        excel_es_cp1252()?,
        excel_utf8_bom()?,
        excel_unicode_text()?,
        excel_mac_cr()?,
        employee_long()?,
        employee_wide()?,
        empty()?,
        bom_only()?,
        header_only()?,
        png_renamed(),
        xlsx_renamed(),
        ragged()?,
        unterminated_quote()?,
        invalid_utf8_fields()?,
        long_comment()?,
        duplicate_ids()?,
        dates_ambiguous()?,
        dates_dayfirst()?,
    ])
}

/// Writes one fixture's bytes and appends its manifest entry.
fn write_fixture(dir: &Path, fx: &Fixture, entries: &mut Vec<J>) -> io::Result<()> {
    std::fs::write(dir.join(fx.file), &fx.bytes)?;
    entries.push(fx.manifest_entry());
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Randomness: SplitMix64 with a fixed seed mixed with a per-file key, so that changing one
// file's generator never shifts the content of another.
// ------------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(key: &str) -> Rng {
        // FNV-1a of the key, mixed with the fixed seed.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in key.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h ^ SEED)
    }

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

    /// A uniform integer in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn token(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len).map(|_| char::from(*self.pick(alphabet))).collect()
    }
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const HEX: &[u8] = b"0123456789abcdef";

// ------------------------------------------------------------------------------------------
// Dates: a wall-clock timestamp as seconds since 1970-01-01 00:00:00 (no zone; each tool's
// zone is documented in the manifest), with the civil-calendar algorithms of H. Hinnant.
// ------------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
struct Dt(i64);

struct Parts {
    y: i64,
    mo: i64,
    d: i64,
    h: i64,
    mi: i64,
    s: i64,
}

impl Dt {
    fn new(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> Dt {
        Dt(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s)
    }

    fn add(self, secs: i64) -> Dt {
        Dt(self.0 + secs)
    }

    fn parts(self) -> Parts {
        let days = self.0.div_euclid(86_400);
        let rest = self.0.rem_euclid(86_400);
        let (y, mo, d) = civil_from_days(days);
        Parts {
            y,
            mo,
            d,
            h: rest / 3600,
            mi: rest / 60 % 60,
            s: rest % 60,
        }
    }
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `2026-03-15 10:39:41` (Qualtrics, LimeSurvey, Typeform).
fn fmt_iso(t: Dt) -> String {
    let p = t.parts();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        p.y, p.mo, p.d, p.h, p.mi, p.s
    )
}

/// `2026-03-15T10:39:41Z` (a BI tool's flattening of a JSON API export).
fn fmt_iso_z(t: Dt) -> String {
    let p = t.parts();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        p.y, p.mo, p.d, p.h, p.mi, p.s
    )
}

fn twelve_hour(h: i64) -> (i64, &'static str) {
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    (h12, if h < 12 { "AM" } else { "PM" })
}

/// `03/15/2026 10:39:41 AM` (SurveyMonkey, US month-first).
fn fmt_us_ampm(t: Dt) -> String {
    let p = t.parts();
    let (h, ampm) = twelve_hour(p.h);
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}:{:02} {}",
        p.mo, p.d, p.y, h, p.mi, p.s, ampm
    )
}

/// `2026/03/15 10:39:41 PM GMT+1` (Google Forms), with the Spanish offset: GMT+2 from the last
/// Sunday of March 2026 (29 March) on.
fn fmt_google_forms(t: Dt) -> String {
    let p = t.parts();
    let (h, ampm) = twelve_hour(p.h);
    let offset = if (p.mo, p.d) >= (3, 29) && p.mo < 10 {
        2
    } else {
        1
    };
    format!(
        "{:04}/{:02}/{:02} {}:{:02}:{:02} {} GMT+{}",
        p.y, p.mo, p.d, h, p.mi, p.s, ampm, offset
    )
}

/// `15/3/2026 14:28:27` (Google Sheets, es-ES locale).
fn fmt_sheets_es(t: Dt) -> String {
    let p = t.parts();
    format!("{}/{}/{} {}:{:02}:{:02}", p.d, p.mo, p.y, p.h, p.mi, p.s)
}

/// `3/15/26 10:21:33` (Microsoft Forms, en-US m/d/yy).
fn fmt_ms_forms(t: Dt) -> String {
    let p = t.parts();
    format!(
        "{}/{}/{:02} {}:{:02}:{:02}",
        p.mo,
        p.d,
        p.y % 100,
        p.h,
        p.mi,
        p.s
    )
}

/// `15/03/2026 10:21` (Excel, es-ES display format).
fn fmt_excel_es(t: Dt) -> String {
    let p = t.parts();
    format!("{:02}/{:02}/{:04} {:02}:{:02}", p.d, p.mo, p.y, p.h, p.mi)
}

/// `15/03/2026` (Excel, es-ES short date).
fn fmt_date_es(t: Dt) -> String {
    let p = t.parts();
    format!("{:02}/{:02}/{:04}", p.d, p.mo, p.y)
}

/// `3/15/2026 10:21` (Excel, en-US display format).
fn fmt_excel_us(t: Dt) -> String {
    let p = t.parts();
    format!("{}/{}/{:04} {}:{:02}", p.mo, p.d, p.y, p.h, p.mi)
}

/// `3/15/26` (old Excel for Mac, en-US short date).
fn fmt_us_short(t: Dt) -> String {
    let p = t.parts();
    format!("{}/{}/{:02}", p.mo, p.d, p.y % 100)
}

/// `2026-03-15` (ISO date only).
fn fmt_day(t: Dt) -> String {
    let p = t.parts();
    format!("{:04}-{:02}-{:02}", p.y, p.mo, p.d)
}

// ------------------------------------------------------------------------------------------
// Invented content: an online shop's journey, in Spanish and English.
// ------------------------------------------------------------------------------------------

const STAGE_ES: [&str; 5] = [
    "Descubrimiento",
    "Consideración",
    "Compra",
    "Entrega",
    "Posventa",
];
const STAGE_EN: [&str; 5] = [
    "Discovery",
    "Consideration",
    "Purchase",
    "Delivery",
    "Support",
];
const TOUCH_ES: [[&str; 3]; 5] = [
    ["Buscador", "Redes sociales", "Publicidad"],
    ["Web", "Opiniones", "Chat"],
    ["Carrito", "App", "Tienda"],
    ["Mensajero", "Seguimiento", "Punto de recogida"],
    ["Teléfono", "Correo", "Devoluciones"],
];
const TOUCH_EN: [[&str; 3]; 5] = [
    ["Search engine", "Social media", "Advertising"],
    ["Website", "Review sites", "Live chat"],
    ["Web checkout", "Mobile app", "Physical store"],
    ["Courier", "Order tracking", "Pickup point"],
    ["Call centre", "E-mail", "Returns portal"],
];
const SEGMENT_ES: [&str; 2] = ["Nuevo cliente", "Recurrente"];
const SEGMENT_EN: [&str; 2] = ["New customer", "Returning customer"];
const CSAT_ES: [&str; 5] = [
    "Muy insatisfecho",
    "Insatisfecho",
    "Ni satisfecho ni insatisfecho",
    "Satisfecho",
    "Muy satisfecho",
];
const CSAT_EN: [&str; 5] = [
    "Very dissatisfied",
    "Dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Satisfied",
    "Very satisfied",
];
const CES_EN: [&str; 7] = [
    "Strongly disagree",
    "Disagree",
    "Somewhat disagree",
    "Neither agree nor disagree",
    "Somewhat agree",
    "Agree",
    "Strongly agree",
];
const AGREE_ES: [&str; 5] = [
    "Totalmente en desacuerdo",
    "En desacuerdo",
    "Ni de acuerdo ni en desacuerdo",
    "De acuerdo",
    "Totalmente de acuerdo",
];
const NOT_USED_ES: &str = "No lo he usado";

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Es,
    En,
}

#[derive(Clone, Copy, PartialEq)]
enum Mood {
    Neg,
    Neu,
    Pos,
}

struct Remark {
    stage: usize,
    mood: Mood,
    es: &'static str,
    en: &'static str,
}

const fn rm(stage: usize, mood: Mood, es: &'static str, en: &'static str) -> Remark {
    Remark {
        stage,
        mood,
        es,
        en,
    }
}

use Mood::{Neg, Neu, Pos};

/// Customer comments per stage and mood. The English ones are plain ASCII (the Mac CR file
/// uses them); several Spanish ones contain `;` or `"` so delimiter-separated files must quote.
const REMARKS: &[Remark] = &[
    rm(
        0,
        Pos,
        "Os encontré en Instagram y me encantó la propuesta",
        "Found you on Instagram and loved the idea",
    ),
    rm(
        0,
        Pos,
        "El anuncio era claro y el descuento de bienvenida, real",
        "The ad was clear and the welcome discount was real",
    ),
    rm(
        0,
        Neu,
        "Os vi en un anuncio, sin más",
        "Saw an ad, nothing special",
    ),
    rm(
        0,
        Neg,
        "Demasiados anuncios; acabé ocultando la marca en redes",
        "Way too many ads, I ended up hiding the brand",
    ),
    rm(
        0,
        Neg,
        "En Google salían precios que luego no coincidían con la web",
        "Search results showed prices that did not match the site",
    ),
    rm(
        1,
        Pos,
        "Las opiniones de otros clientes me ayudaron a decidirme",
        "Other customers' reviews really helped me decide",
    ),
    rm(
        1,
        Pos,
        "El chat me resolvió la duda en dos minutos, muy amables",
        "Live chat answered my question in two minutes, very kind",
    ),
    rm(
        1,
        Neu,
        "Comparé con otras tiendas y estabais en la media",
        "Compared with other shops, you were about average",
    ),
    rm(
        1,
        Neg,
        "La ficha del producto no decía las medidas; tuve que preguntar",
        "The product page had no sizes; I had to ask",
    ),
    rm(
        1,
        Neg,
        "El comparador de la web no funciona en el móvil",
        "The comparison tool does not work on mobile",
    ),
    rm(
        2,
        Pos,
        "Pagar con Bizum fue rapidísimo",
        "Paying was quick and painless",
    ),
    rm(
        2,
        Pos,
        "La app guarda el carrito y no perdí nada",
        "The app kept my basket, nothing was lost",
    ),
    rm(
        2,
        Neu,
        "El pago bien, aunque pide demasiados datos",
        "Payment was fine, but it asks for too many details",
    ),
    rm(
        2,
        Neg,
        "El pago falló dos veces y al final me cobraron \"por duplicado\"",
        "Payment failed twice and then I was charged \"twice\"",
    ),
    rm(
        2,
        Neg,
        "Gastos de envío sorpresa en el último paso, muy mal",
        "Surprise shipping costs at the very last step, not good",
    ),
    rm(
        3,
        Pos,
        "Llegó en un día y el mensajero fue muy amable",
        "Arrived the next day and the courier was lovely",
    ),
    rm(
        3,
        Pos,
        "El seguimiento del pedido funciona de maravilla",
        "Order tracking worked perfectly",
    ),
    rm(
        3,
        Neu,
        "Llegó en el plazo previsto, sin más",
        "Arrived on the expected day, nothing more",
    ),
    rm(
        3,
        Neg,
        "El mensajero dejó el paquete en la calle, fatal",
        "The courier left the parcel in the street, terrible",
    ),
    rm(
        3,
        Neg,
        "Ponía entrega en 24 h y tardó cinco días",
        "Promised 24h delivery, it took five days",
    ),
    rm(
        4,
        Pos,
        "La devolución fue sencilla y me reembolsaron en tres días",
        "Returning it was easy, refund in three days",
    ),
    rm(
        4,
        Pos,
        "Por teléfono me atendieron enseguida y con mucha paciencia",
        "The call centre picked up straight away and were patient",
    ),
    rm(
        4,
        Neu,
        "Me respondieron al correo, aunque tardaron un poco",
        "They answered my e-mail, a bit slowly",
    ),
    rm(
        4,
        Neg,
        "Nadie contesta los correos; llevo dos semanas esperando",
        "Nobody answers e-mails; two weeks waiting",
    ),
    rm(
        4,
        Neg,
        "Tuve que llamar cuatro veces por la misma incidencia",
        "I had to call four times about the same problem",
    ),
];

/// Second lines for multi-line comments.
const FOLLOW_UPS: [(&str, &str); 3] = [
    (
        "Eso sí, el producto es de calidad.",
        "That said, the product itself is great.",
    ),
    ("Lo demás, bien.", "Everything else was fine."),
    ("Gracias por preguntar.", "Thanks for asking."),
];

/// Employee remarks per stage and mood (the stage the employee's work touches).
const EMP_REMARKS: &[Remark] = &[
    rm(
        0,
        Neg,
        "Gastamos mucho en anuncios que no convierten",
        "We spend a lot on ads that do not convert",
    ),
    rm(
        0,
        Pos,
        "Las campañas en redes están funcionando muy bien",
        "The social campaigns are working really well",
    ),
    rm(
        1,
        Pos,
        "La web nueva ayuda mucho a los clientes",
        "The new website really helps customers",
    ),
    rm(
        1,
        Neg,
        "Las fichas de producto están incompletas y el chat se satura",
        "Product pages are incomplete and the chat is swamped",
    ),
    rm(
        2,
        Pos,
        "El nuevo checkout ha reducido mucho las quejas",
        "The new checkout has cut complaints a lot",
    ),
    rm(
        2,
        Neg,
        "La pasarela de pago se cae casi todos los viernes",
        "The payment gateway goes down almost every Friday",
    ),
    rm(
        3,
        Neg,
        "La empresa de transporte no cumple los plazos y nos llueven las quejas",
        "The carrier misses its deadlines and complaints pour in",
    ),
    rm(
        3,
        Pos,
        "Con el nuevo almacén los pedidos salen el mismo día",
        "With the new warehouse orders ship the same day",
    ),
    rm(
        4,
        Neg,
        "Con la herramienta de tickets actual no damos abasto",
        "With the current ticket tool we cannot keep up",
    ),
    rm(
        4,
        Pos,
        "El equipo de atención se ayuda mucho, buen ambiente",
        "The support team helps each other a lot, good atmosphere",
    ),
    rm(
        4,
        Neu,
        "Hay días tranquilos y días imposibles",
        "Some days are calm, some are impossible",
    ),
];

/// Invented personal data planted in some comments, so that redaction can be tested. The
/// manifest's `pii` / `pii_items` count every occurrence of these literals in a file.
const PII: [(&str, &str); 8] = [
    ("email", "ana.demo@example.com"),
    ("email", "luis.prueba@example.org"),
    ("phone", "612 345 678"),
    ("phone", "+34612000111"),
    ("phone", "+34699000222"),
    ("dni", "12345678Z"),
    ("iban", "ES91 2100 0418 4502 0005 1332"),
    ("card", "4111 1111 1111 1111"),
];
const PII_EMAIL_ES: &str = "Escribidme a ana.demo@example.com, que por teléfono no hay manera";
const PII_EMAIL_EN: &str = "Contact me at luis.prueba@example.org about the missing parcel";
const PII_PHONE_ES: &str = "Llamadme al 612 345 678 por la tarde y lo hablamos";
const PII_DNI_ES: &str =
    "Me pidieron el DNI 12345678Z para recoger el paquete, no entiendo por qué";
const PII_IBAN_ES: &str =
    "Devolvedme el dinero a la cuenta ES91 2100 0418 4502 0005 1332 de una vez";
const PII_CARD_EN: &str = "I was charged twice on card 4111 1111 1111 1111, please refund me";

/// IPv4 documentation ranges (RFC 5737): never real addresses.
const IP_PREFIXES: [&str; 3] = ["192.0.2", "198.51.100", "203.0.113"];
/// City-centre coordinates (Madrid, Barcelona, Valencia, Sevilla), as Qualtrics records them.
const PLACES: [(&str, &str); 4] = [
    ("40.4165", "-3.7026"),
    ("41.3874", "2.1686"),
    ("39.4699", "-0.3763"),
    ("37.3891", "-5.9845"),
];

/// One invented response, formatted differently by each tool's generator.
#[derive(Clone)]
struct Resp {
    stage: usize,
    touch: usize,
    segment: usize,
    lang: Lang,
    mood: Mood,
    nps: i64,
    csat: i64,
    ces: i64,
    /// Satisfaction 1–5 with five channels/items, close to `csat`.
    items: [i64; 5],
    comment: String,
    start: Dt,
    end: Dt,
}

impl Resp {
    fn set_comment(&mut self, lang: Lang, text: &str) {
        self.lang = lang;
        self.comment = text.to_string();
    }

    /// Replaces the comment with a hand-written one and makes stage, touchpoint and ratings
    /// agree with it.
    fn plant(&mut self, stage: usize, touch: usize, mood: Mood, lang: Lang, text: &str) {
        let (nps, csat, ces) = match mood {
            Neg => (3, 2, 2),
            Neu => (7, 3, 4),
            Pos => (9, 5, 6),
        };
        self.stage = stage;
        self.touch = touch;
        self.mood = mood;
        self.nps = nps;
        self.csat = csat;
        self.ces = ces;
        self.items = [csat; 5];
        self.set_comment(lang, text);
    }

    /// Turns the comment into two lines (a bare LF inside the cell, as every tool writes it).
    fn make_multiline(&mut self, rng: &mut Rng, blank_line: bool) {
        let (es, en) = *rng.pick(&FOLLOW_UPS);
        let second = if self.lang == Lang::Es { es } else { en };
        let sep = if blank_line { "\n\n" } else { "\n" };
        if self.comment.is_empty() {
            self.comment = remark(rng, REMARKS, self.stage, self.mood, self.lang);
        }
        self.comment = format!("{}.{}{}", self.comment, sep, second);
    }

    fn stage_es(&self) -> &'static str {
        STAGE_ES[self.stage]
    }

    fn touch_es(&self) -> &'static str {
        TOUCH_ES[self.stage][self.touch]
    }
}

fn remark(rng: &mut Rng, bank: &[Remark], stage: usize, mood: Mood, lang: Lang) -> String {
    let mut fits: Vec<&Remark> = bank
        .iter()
        .filter(|r| r.stage == stage && r.mood == mood)
        .collect();
    if fits.is_empty() {
        fits = bank.iter().filter(|r| r.stage == stage).collect();
    }
    if fits.is_empty() {
        return String::new();
    }
    let r = *rng.pick(&fits);
    (if lang == Lang::Es { r.es } else { r.en }).to_string()
}

/// `n` responses in time order, the first one shortly after `first`.
fn responses(rng: &mut Rng, n: usize, first: Dt, min_gap_min: i64, max_gap_min: i64) -> Vec<Resp> {
    let mut t = first;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        t = t.add(rng.range(min_gap_min, max_gap_min) * 60 + rng.range(0, 59));
        out.push(response(rng, t));
    }
    out
}

fn response(rng: &mut Rng, end: Dt) -> Resp {
    let stage = rng.below(5);
    let touch = rng.below(3);
    let segment = rng.below(2);
    let lang = if rng.chance(60) { Lang::Es } else { Lang::En };
    let mood = match rng.below(10) {
        0..=3 => Neg,
        4..=5 => Neu,
        _ => Pos,
    };
    let (nps, csat, ces) = match mood {
        Neg => (rng.range(0, 6), rng.range(1, 2), rng.range(1, 3)),
        Neu => (rng.range(7, 8), 3, 4),
        Pos => (rng.range(9, 10), rng.range(4, 5), rng.range(5, 7)),
    };
    let mut items = [0; 5];
    for it in &mut items {
        *it = (csat + rng.range(-1, 1)).clamp(1, 5);
    }
    let with_comment = rng.chance(85);
    let text = remark(rng, REMARKS, stage, mood, lang);
    let comment = if with_comment { text } else { String::new() };
    let start = end.add(-rng.range(60, 900));
    Resp {
        stage,
        touch,
        segment,
        lang,
        mood,
        nps,
        csat,
        ces,
        items,
        comment,
        start,
        end,
    }
}

// ------------------------------------------------------------------------------------------
// CSV writing. A `Sheet` appends records as bytes and knows, for every record, the physical
// line it starts on; it also counts header and data rows and collects the problem lines.
// ------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Quoting {
    /// RFC 4180: quote only fields holding the delimiter, a quote, CR or LF.
    Minimal,
    /// Quote every field (Google Forms, LimeSurvey).
    All,
}

/// Appends one CSV field, quoting it when needed (doubling inner quotes).
fn csv_field(out: &mut Vec<u8>, field: &[u8], delim: u8, quoting: Quoting) {
    let needs = quoting == Quoting::All
        || field
            .iter()
            .any(|&b| b == delim || b == b'"' || b == b'\n' || b == b'\r');
    if !needs {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    for &b in field {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

/// Number of line breaks in `bytes`: LF, CRLF and bare CR each count once.
fn line_breaks(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => n += 1,
            b'\r' => {
                n += 1;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    n
}

/// Physical lines of a text: its line breaks, plus one when text follows the last break.
fn physical_lines(bytes: &[u8]) -> usize {
    let ends_with_break = matches!(bytes.last(), Some(b'\n') | Some(b'\r'));
    line_breaks(bytes) + usize::from(!bytes.is_empty() && !ends_with_break)
}

struct Problem {
    line: usize,
    kind: &'static str,
    imported: bool,
}

struct Sheet {
    buf: Vec<u8>,
    delim: u8,
    eol: &'static str,
    quoting: Quoting,
    header_rows: usize,
    data_rows: usize,
    problems: Vec<Problem>,
}

impl Sheet {
    fn new(delim: u8, eol: &'static str, quoting: Quoting) -> Sheet {
        Sheet {
            buf: Vec::new(),
            delim,
            eol,
            quoting,
            header_rows: 0,
            data_rows: 0,
            problems: Vec::new(),
        }
    }

    /// The physical line the next record will start on.
    fn next_line(&self) -> usize {
        line_breaks(&self.buf) + 1
    }

    fn write_record<S: AsRef<[u8]>>(&mut self, fields: &[S]) -> usize {
        let line = self.next_line();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.push(self.delim);
            }
            csv_field(&mut self.buf, f.as_ref(), self.delim, self.quoting);
        }
        self.buf.extend_from_slice(self.eol.as_bytes());
        line
    }

    /// Writes a record exactly as given (already delimited and quoted), then the line end.
    fn write_raw(&mut self, record: &[u8]) -> usize {
        let line = self.next_line();
        self.buf.extend_from_slice(record);
        self.buf.extend_from_slice(self.eol.as_bytes());
        line
    }

    fn header<S: AsRef<[u8]>>(&mut self, fields: &[S]) -> usize {
        self.header_rows += 1;
        self.write_record(fields)
    }

    /// A response a correct importer imports; returns its first physical line.
    fn data<S: AsRef<[u8]>>(&mut self, fields: &[S]) -> usize {
        self.data_rows += 1;
        self.write_record(fields)
    }

    fn data_raw(&mut self, record: &[u8]) -> usize {
        self.data_rows += 1;
        self.write_raw(record)
    }

    /// A record a correct importer must not import (it reports it instead).
    fn skipped<S: AsRef<[u8]>>(&mut self, fields: &[S], kind: &'static str) -> usize {
        let line = self.write_record(fields);
        self.problems.push(Problem {
            line,
            kind,
            imported: false,
        });
        line
    }

    fn skipped_raw(&mut self, record: &[u8], kind: &'static str) -> usize {
        let line = self.write_raw(record);
        self.problems.push(Problem {
            line,
            kind,
            imported: false,
        });
        line
    }

    /// Flags an imported data row (already written at `line`) with something to report.
    fn flag(&mut self, line: usize, kind: &'static str) {
        self.problems.push(Problem {
            line,
            kind,
            imported: true,
        });
    }
}

// ------------------------------------------------------------------------------------------
// Encodings.
// ------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Enc {
    Utf8,
    Cp1252,
    Utf16le,
}

impl Enc {
    fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => "utf-8",
            Enc::Cp1252 => "windows-1252",
            Enc::Utf16le => "utf-16le",
        }
    }
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

fn encode(text: &[u8], enc: Enc, bom: bool) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 2 + 3);
    match enc {
        Enc::Utf8 => {
            if bom {
                out.extend_from_slice(b"\xEF\xBB\xBF");
            }
            out.extend_from_slice(text);
        }
        Enc::Cp1252 => {
            let s =
                std::str::from_utf8(text).map_err(|e| invalid(format!("cp1252 source: {e}")))?;
            for ch in s.chars() {
                out.push(
                    cp1252_byte(ch)
                        .ok_or_else(|| invalid(format!("{ch:?} has no Windows-1252 byte")))?,
                );
            }
        }
        Enc::Utf16le => {
            let s =
                std::str::from_utf8(text).map_err(|e| invalid(format!("utf-16 source: {e}")))?;
            if bom {
                out.extend_from_slice(&[0xFF, 0xFE]);
            }
            for unit in s.encode_utf16() {
                out.extend_from_slice(&unit.to_le_bytes());
            }
        }
    }
    Ok(out)
}

/// The Windows-1252 byte of a character (0x80–0x9F hold €, “ ”, … and friends, unlike Latin-1).
fn cp1252_byte(c: char) -> Option<u8> {
    let u = u32::from(c);
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return u8::try_from(u).ok();
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

// ------------------------------------------------------------------------------------------
// Fixture descriptions and the manifest.
// ------------------------------------------------------------------------------------------

#[derive(Clone)]
struct Col {
    header: String,
    index: usize,
}

struct Rating {
    col: Col,
    /// The row-2 sub-header where a file has two header rows (SurveyMonkey, Qualtrics).
    sub: Option<String>,
    kind: &'static str,
    scale: (i64, i64),
    labels: Vec<(String, i64)>,
    na: Vec<String>,
}

impl Rating {
    fn new(col: Col, kind: &'static str, lo: i64, hi: i64) -> Rating {
        Rating {
            col,
            sub: None,
            kind,
            scale: (lo, hi),
            labels: Vec::new(),
            na: Vec::new(),
        }
    }

    fn sub(mut self, s: &str) -> Rating {
        self.sub = Some(s.to_string());
        self
    }

    /// Labels for the values `lo`, `lo + 1`, … in order.
    fn labels(mut self, labels: &[&str]) -> Rating {
        self.labels = labels
            .iter()
            .zip(self.scale.0..)
            .map(|(l, v)| (l.to_string(), v))
            .collect();
        self
    }

    fn na(mut self, values: &[&str]) -> Rating {
        self.na = values.iter().map(|s| s.to_string()).collect();
        self
    }
}

#[derive(Default)]
struct Columns {
    id: Option<Col>,
    date: Option<Col>,
    stage: Option<Col>,
    touchpoint: Option<Col>,
    segment: Option<Col>,
    text: Vec<Col>,
    ratings: Vec<Rating>,
}

/// The header row the manifest names columns by (row 1, forward-filled for SurveyMonkey).
struct Headers(Vec<String>);

impl Headers {
    fn new<S: AsRef<str>>(names: &[S]) -> Headers {
        Headers(names.iter().map(|s| s.as_ref().to_string()).collect())
    }

    /// The `nth` (0-based) column called `name`.
    fn nth(&self, name: &str, nth: usize) -> io::Result<Col> {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, h)| h.as_str() == name)
            .nth(nth)
            .map(|(index, h)| Col {
                header: h.clone(),
                index,
            })
            .ok_or_else(|| invalid(format!("no column {name:?} (#{nth})")))
    }

    fn find(&self, name: &str) -> io::Result<Col> {
        self.nth(name, 0)
    }

    fn at(&self, index: usize) -> io::Result<Col> {
        self.0
            .get(index)
            .map(|h| Col {
                header: h.clone(),
                index,
            })
            .ok_or_else(|| invalid(format!("no column at {index}")))
    }
}

struct Fixture {
    file: &'static str,
    tool: &'static str,
    what: &'static str,
    encoding: Option<Enc>,
    bom: bool,
    delimiter: Option<u8>,
    line_ending: Option<&'static str>,
    quoting: Option<&'static str>,
    header_rows: usize,
    data_rows: usize,
    problems: Vec<Problem>,
    columns: Columns,
    details: Vec<(String, J)>,
    expect_error: Option<&'static str>,
    /// The content before encoding (UTF-8 apart from deliberate stray bytes); `None` for binary.
    text: Option<Vec<u8>>,
    bytes: Vec<u8>,
}

impl Fixture {
    fn from_sheet(
        file: &'static str,
        tool: &'static str,
        what: &'static str,
        sheet: Sheet,
        enc: Enc,
        bom: bool,
    ) -> io::Result<Fixture> {
        let bytes = encode(&sheet.buf, enc, bom)?;
        let line_ending = match sheet.eol {
            "\r\n" => "crlf",
            "\r" => "cr",
            _ => "lf",
        };
        Ok(Fixture {
            file,
            tool,
            what,
            encoding: Some(enc),
            bom,
            delimiter: Some(sheet.delim),
            line_ending: Some(line_ending),
            quoting: Some(if sheet.quoting == Quoting::All {
                "all"
            } else {
                "minimal"
            }),
            header_rows: sheet.header_rows,
            data_rows: sheet.data_rows,
            problems: sheet.problems,
            columns: Columns::default(),
            details: Vec::new(),
            expect_error: None,
            text: Some(sheet.buf),
            bytes,
        })
    }

    /// A file that is not a CSV at all (binary, or empty).
    fn raw(file: &'static str, tool: &'static str, what: &'static str, bytes: Vec<u8>) -> Fixture {
        Fixture {
            file,
            tool,
            what,
            encoding: None,
            bom: false,
            delimiter: None,
            line_ending: None,
            quoting: None,
            header_rows: 0,
            data_rows: 0,
            problems: Vec::new(),
            columns: Columns::default(),
            details: Vec::new(),
            expect_error: None,
            text: None,
            bytes,
        }
    }

    fn columns(mut self, c: Columns) -> Fixture {
        self.columns = c;
        self
    }

    fn detail(mut self, key: &str, value: J) -> Fixture {
        self.details.push((key.to_string(), value));
        self
    }

    /// For files with no content at all: no delimiter, line ending or quoting to speak of.
    fn contentless(mut self) -> Fixture {
        self.delimiter = None;
        self.line_ending = None;
        self.quoting = None;
        self
    }

    fn error(mut self, mention: &'static str) -> Fixture {
        self.expect_error = Some(mention);
        // An import stores everything or nothing: a file that must fail imports no response.
        self.data_rows = 0;
        self
    }

    fn pii_hits(&self) -> Vec<(usize, &'static str, &'static str)> {
        let Some(text) = &self.text else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for (kind, lit) in PII {
            let needle = lit.as_bytes();
            let mut from = 0;
            while let Some(pos) = find_bytes(&text[from..], needle) {
                hits.push((from + pos, kind, lit));
                from += pos + needle.len();
            }
        }
        hits.sort_by_key(|h| h.0);
        hits.into_iter()
            .map(|(pos, kind, lit)| (line_breaks(&text[..pos]) + 1, kind, lit))
            .collect()
    }

    fn manifest_entry(&self) -> J {
        let pii = self.pii_hits();
        let delimiter = self
            .delimiter
            .map(|d| J::s(char::from(d).to_string()))
            .unwrap_or(J::Null);
        let mut o = vec![
            ("file", J::s(self.file)),
            ("tool", J::s(self.tool)),
            ("description", J::s(self.what)),
            (
                "encoding",
                self.encoding.map(|e| J::s(e.name())).unwrap_or(J::Null),
            ),
            ("bom", J::Bool(self.bom)),
            ("delimiter", delimiter),
            ("line_ending", J::opt(self.line_ending)),
            ("quoting", J::opt(self.quoting)),
            ("header_rows", J::int(self.header_rows)),
            ("data_rows", J::int(self.data_rows)),
            ("size_bytes", J::int(self.bytes.len())),
            (
                "physical_lines",
                self.text
                    .as_ref()
                    .map(|t| J::int(physical_lines(t)))
                    .unwrap_or(J::Null),
            ),
            (
                "problem_lines",
                J::Arr(
                    self.problems
                        .iter()
                        .map(|p| {
                            J::obj(vec![
                                ("line", J::int(p.line)),
                                ("kind", J::s(p.kind)),
                                ("imported", J::Bool(p.imported)),
                            ])
                        })
                        .collect(),
                ),
            ),
            ("columns", self.columns_json()),
            ("pii", J::int(pii.len())),
            (
                "pii_items",
                J::Arr(
                    pii.iter()
                        .map(|(line, kind, value)| {
                            J::obj(vec![
                                ("line", J::int(*line)),
                                ("kind", J::s(*kind)),
                                ("value", J::s(*value)),
                            ])
                        })
                        .collect(),
                ),
            ),
            ("expect_error", J::opt(self.expect_error)),
        ];
        o.push((
            "details",
            J::Obj(
                self.details
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
        ));
        J::obj(o)
    }

    fn columns_json(&self) -> J {
        let c = &self.columns;
        let name = |col: &Option<Col>| {
            col.as_ref()
                .map(|c| J::s(c.header.clone()))
                .unwrap_or(J::Null)
        };
        let pos = |col: &Option<Col>| col.as_ref().map(|c| J::int(c.index)).unwrap_or(J::Null);
        let ratings = c
            .ratings
            .iter()
            .map(|r| {
                let mut o = vec![
                    ("header", J::s(r.col.header.clone())),
                    ("index", J::int(r.col.index)),
                    ("kind", J::s(r.kind)),
                    ("scale", J::Arr(vec![J::Int(r.scale.0), J::Int(r.scale.1)])),
                ];
                if let Some(sub) = &r.sub {
                    o.push(("subheader", J::s(sub.clone())));
                }
                if !r.labels.is_empty() {
                    o.push((
                        "labels",
                        J::Obj(
                            r.labels
                                .iter()
                                .map(|(l, v)| (l.clone(), J::Int(*v)))
                                .collect(),
                        ),
                    ));
                }
                if !r.na.is_empty() {
                    o.push((
                        "na_values",
                        J::Arr(r.na.iter().map(|s| J::s(s.clone())).collect()),
                    ));
                }
                J::obj(o)
            })
            .collect();
        J::obj(vec![
            ("id", name(&c.id)),
            ("date", name(&c.date)),
            ("stage", name(&c.stage)),
            ("touchpoint", name(&c.touchpoint)),
            ("segment", name(&c.segment)),
            (
                "text",
                J::Arr(c.text.iter().map(|t| J::s(t.header.clone())).collect()),
            ),
            ("ratings", J::Arr(ratings)),
            (
                "positions",
                J::obj(vec![
                    ("id", pos(&c.id)),
                    ("date", pos(&c.date)),
                    ("stage", pos(&c.stage)),
                    ("touchpoint", pos(&c.touchpoint)),
                    ("segment", pos(&c.segment)),
                    (
                        "text",
                        J::Arr(c.text.iter().map(|t| J::int(t.index)).collect()),
                    ),
                ]),
            ),
        ])
    }
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Consistency checks on a fixture before it is written.
fn check(fx: &Fixture) -> io::Result<()> {
    let fail = |msg: &str| Err(invalid(format!("{}: {msg}", fx.file)));
    if let Some(text) = &fx.text {
        let lines = physical_lines(text);
        if let Some(p) = fx
            .problems
            .iter()
            .find(|p| p.line == 0 || p.line > lines.max(1))
        {
            return fail(&format!("problem line {} outside 1..={lines}", p.line));
        }
        let strict_utf8 = fx.problems.iter().all(|p| p.kind != "invalid_utf8");
        if strict_utf8 && std::str::from_utf8(text).is_err() {
            return fail("text is not UTF-8");
        }
        if fx.file.ends_with("_cr.csv") && (!text.is_ascii() || text.contains(&b'\n')) {
            return fail("the bare-CR file must be ASCII with no LF");
        }
    }
    let bom = fx.bytes.starts_with(b"\xEF\xBB\xBF") || fx.bytes.starts_with(b"\xFF\xFE");
    if bom != fx.bom {
        return fail("BOM flag does not match the bytes");
    }
    Ok(())
}

/// A minimal JSON value, printed with stable key order.
#[derive(Clone)]
enum J {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn s(x: impl Into<String>) -> J {
        J::Str(x.into())
    }

    fn int(n: usize) -> J {
        J::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    fn opt(x: Option<&str>) -> J {
        x.map(J::s).unwrap_or(J::Null)
    }

    fn obj(pairs: Vec<(&str, J)>) -> J {
        J::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    fn strs(xs: &[&str]) -> J {
        J::Arr(xs.iter().map(|x| J::s(*x)).collect())
    }

    fn map(pairs: &[(&str, &str)]) -> J {
        J::Obj(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), J::s(*v)))
                .collect(),
        )
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, J::Arr(_) | J::Obj(_))
    }

    fn compact(&self) -> String {
        match self {
            J::Null => "null".into(),
            J::Bool(b) => b.to_string(),
            J::Int(n) => n.to_string(),
            J::Str(s) => json_str(s),
            J::Arr(xs) => format!(
                "[{}]",
                xs.iter().map(J::compact).collect::<Vec<_>>().join(", ")
            ),
            J::Obj(kv) => format!(
                "{{{}}}",
                kv.iter()
                    .map(|(k, v)| format!("{}: {}", json_str(k), v.compact()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn pretty(&self) -> String {
        let mut out = String::new();
        self.write_pretty(&mut out, 0);
        out
    }

    fn write_pretty(&self, out: &mut String, indent: usize) {
        let small = |v: &J| v.is_scalar() || matches!(v, J::Arr(xs) if xs.iter().all(J::is_scalar));
        let flat = match self {
            J::Arr(xs) => xs.iter().all(J::is_scalar),
            J::Obj(kv) => kv.iter().all(|(_, v)| small(v)),
            _ => true,
        };
        let compact = self.compact();
        if flat && compact.chars().count() + indent <= 110 {
            out.push_str(&compact);
            return;
        }
        let pad = " ".repeat(indent + 2);
        match self {
            J::Arr(xs) => {
                out.push_str("[\n");
                for (i, x) in xs.iter().enumerate() {
                    out.push_str(&pad);
                    x.write_pretty(out, indent + 2);
                    out.push_str(if i + 1 < xs.len() { ",\n" } else { "\n" });
                }
                out.push_str(&" ".repeat(indent));
                out.push(']');
            }
            J::Obj(kv) => {
                out.push_str("{\n");
                for (i, (k, v)) in kv.iter().enumerate() {
                    out.push_str(&pad);
                    out.push_str(&json_str(k));
                    out.push_str(": ");
                    v.write_pretty(out, indent + 2);
                    out.push_str(if i + 1 < kv.len() { ",\n" } else { "\n" });
                }
                out.push_str(&" ".repeat(indent));
                out.push('}');
            }
            _ => out.push_str(&compact),
        }
    }
}

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn manifest(entries: Vec<J>) -> J {
    J::obj(vec![
        (
            "about",
            J::s(
                "Survey-export fixtures for Curva's importer: what a correct importer must find in each file. Generated by examples/gen_fixtures.rs; see README.md.",
            ),
        ),
        (
            "line_numbers",
            J::s(
                "physical and 1-based; LF, CRLF and bare CR each end a line; a quoted field with line breaks spans several lines; a record's line is the line it starts on. In UTF-16 files lines are counted on the decoded text.",
            ),
        ),
        (
            "data_rows",
            J::s(
                "the number of responses a correct importer imports from the file (0 when expect_error is set: an import stores everything or nothing)",
            ),
        ),
        (
            "pii",
            J::s(
                "occurrences of the invented personal data planted in the file (pii_items lists them); IP addresses are RFC 5737 documentation addresses and are not counted",
            ),
        ),
        ("files", J::Arr(entries)),
        (
            "derived",
            J::Arr(vec![J::obj(vec![
                ("file", J::s("microsoft_forms.xlsx")),
                ("tool", J::s("Microsoft Forms")),
                ("from", J::s("microsoft_forms.csv")),
                (
                    "how",
                    J::s(
                        "Microsoft Forms' native .xlsx workbook with the same responses as microsoft_forms.csv (shared strings, dates as Excel serial numbers with a date style, scores as numbers), written by `cargo run --example gen_xlsx_fixture` after this generator.",
                    ),
                ),
            ])]),
        ),
    ])
}

// ------------------------------------------------------------------------------------------
// Qualtrics.
// ------------------------------------------------------------------------------------------

/// Row 1 id, row 2 label, row 3 ImportId JSON of the Qualtrics metadata columns.
const QUALTRICS_META: [(&str, &str, &str); 17] = [
    (
        "StartDate",
        "Start Date",
        r#"{"ImportId":"startDate","timeZone":"Europe/Madrid"}"#,
    ),
    (
        "EndDate",
        "End Date",
        r#"{"ImportId":"endDate","timeZone":"Europe/Madrid"}"#,
    ),
    ("Status", "Response Type", r#"{"ImportId":"status"}"#),
    ("IPAddress", "IP Address", r#"{"ImportId":"ipAddress"}"#),
    ("Progress", "Progress", r#"{"ImportId":"progress"}"#),
    (
        "Duration (in seconds)",
        "Duration (in seconds)",
        r#"{"ImportId":"duration"}"#,
    ),
    ("Finished", "Finished", r#"{"ImportId":"finished"}"#),
    (
        "RecordedDate",
        "Recorded Date",
        r#"{"ImportId":"recordedDate","timeZone":"Europe/Madrid"}"#,
    ),
    ("ResponseId", "Response ID", r#"{"ImportId":"_recordId"}"#),
    (
        "RecipientLastName",
        "Recipient Last Name",
        r#"{"ImportId":"recipientLastName"}"#,
    ),
    (
        "RecipientFirstName",
        "Recipient First Name",
        r#"{"ImportId":"recipientFirstName"}"#,
    ),
    (
        "RecipientEmail",
        "Recipient Email",
        r#"{"ImportId":"recipientEmail"}"#,
    ),
    (
        "ExternalReference",
        "External Data Reference",
        r#"{"ImportId":"externalDataReference"}"#,
    ),
    (
        "LocationLatitude",
        "Location Latitude",
        r#"{"ImportId":"locationLatitude"}"#,
    ),
    (
        "LocationLongitude",
        "Location Longitude",
        r#"{"ImportId":"locationLongitude"}"#,
    ),
    (
        "DistributionChannel",
        "Distribution Channel",
        r#"{"ImportId":"distributionChannel"}"#,
    ),
    (
        "UserLanguage",
        "User Language",
        r#"{"ImportId":"userLanguage"}"#,
    ),
];

const Q6_ITEMS: [&str; 5] = ["Website", "App", "Call centre", "Store", "Delivery"];
const NPS_GROUPS: [&str; 3] = ["Detractor", "Passive", "Promoter"];

fn nps_group(nps: i64) -> usize {
    match nps {
        0..=6 => 0,
        7..=8 => 1,
        _ => 2,
    }
}

/// The same survey exported with numeric values (`choice_text == false`: no BOM, a trailing
/// empty column) or with choice text (a BOM, labels instead of codes).
fn qualtrics(choice_text: bool) -> io::Result<Fixture> {
    let mut rng = Rng::new("qualtrics-2026");
    let mut rows = responses(&mut rng, 26, Dt::new(2026, 3, 2, 8, 30, 0), 20, 1500);
    let preview = 0;
    let unfinished = [8, 19];
    rows[preview].set_comment(Lang::Es, "Prueba de la encuesta antes de lanzarla, ignorar");
    rows[5].plant(4, 1, Neg, Lang::Es, PII_EMAIL_ES);
    rows[14].plant(4, 0, Neu, Lang::Es, PII_PHONE_ES);
    rows[3].make_multiline(&mut rng, false);
    rows[11].make_multiline(&mut rng, false);
    rows[22].make_multiline(&mut rng, true);

    let mut ids: Vec<String> = QUALTRICS_META.iter().map(|m| m.0.to_string()).collect();
    let mut labels: Vec<String> = QUALTRICS_META.iter().map(|m| m.1.to_string()).collect();
    let mut imports: Vec<String> = QUALTRICS_META.iter().map(|m| m.2.to_string()).collect();
    let nps_q = "How likely are you to recommend the shop to a friend or colleague?";
    let mut question = |id: &str, label: String, import: &str| {
        ids.push(id.to_string());
        labels.push(label);
        imports.push(import.to_string());
    };
    question(
        "Q1",
        "Which part of your experience with the shop are you rating?".into(),
        r#"{"ImportId":"QID1"}"#,
    );
    question("Q2", nps_q.into(), r#"{"ImportId":"QID2"}"#);
    question(
        "Q2_NPS_GROUP",
        format!("{nps_q} - Group"),
        r#"{"ImportId":"QID2_NPS_GROUP"}"#,
    );
    question(
        "Q3",
        "The shop made it easy for me to do what I wanted.".into(),
        r#"{"ImportId":"QID3"}"#,
    );
    for (k, item) in Q6_ITEMS.iter().enumerate() {
        let import = format!(r#"{{"ImportId":"QID6","choiceId":"{}"}}"#, k + 1);
        question(
            &format!("Q6_{}", k + 1),
            format!("How satisfied were you with each of the following? - {item}"),
            &import,
        );
    }
    question(
        "Q7",
        "Is there anything else you would like to tell us?".into(),
        r#"{"ImportId":"QID7_TEXT"}"#,
    );
    question("segment", "segment".into(), r#"{"ImportId":"segment"}"#);
    let trailing = !choice_text;
    if trailing {
        question("", String::new(), "");
    }

    let mut sh = Sheet::new(b',', "\n", Quoting::Minimal);
    sh.header(&ids);
    sh.header(&labels);
    sh.header(&imports);
    for (i, r) in rows.iter().enumerate() {
        let is_preview = i == preview;
        let is_unfinished = unfinished.contains(&i);
        let ip = format!("{}.{}", rng.pick(&IP_PREFIXES), rng.range(2, 254));
        let (lat, long) = *rng.pick(&PLACES);
        let rid = format!("R_{}", rng.token(ALNUM, 15));
        let progress = if is_unfinished {
            rng.range(30, 70)
        } else {
            100
        };
        let recorded = if is_unfinished {
            r.end.add(7 * 86_400)
        } else {
            r.end.add(rng.range(0, 2))
        };
        let used: Vec<bool> = (0..5).map(|_| rng.chance(80)).collect();
        let pick = |numeric: String, text: &str| {
            if choice_text {
                text.to_string()
            } else {
                numeric
            }
        };
        let mut f: Vec<String> = vec![
            fmt_iso(r.start),
            fmt_iso(r.end),
            if is_preview {
                pick("1".into(), "Survey Preview")
            } else {
                pick("0".into(), "IP Address")
            },
            if is_preview { String::new() } else { ip },
            progress.to_string(),
            (r.end.0 - r.start.0).to_string(),
            if is_unfinished {
                pick("0".into(), "False")
            } else {
                pick("1".into(), "True")
            },
            fmt_iso(recorded),
            rid,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            lat.to_string(),
            long.to_string(),
            if is_preview {
                "preview".into()
            } else {
                "anonymous".into()
            },
            if r.lang == Lang::Es {
                "ES".into()
            } else {
                "EN".into()
            },
            pick((r.stage + 1).to_string(), STAGE_EN[r.stage]),
            r.nps.to_string(),
            pick(
                (nps_group(r.nps) + 1).to_string(),
                NPS_GROUPS[nps_group(r.nps)],
            ),
            if is_unfinished {
                String::new()
            } else {
                pick(r.ces.to_string(), CES_EN[(r.ces - 1) as usize])
            },
        ];
        for (k, &item) in r.items.iter().enumerate() {
            f.push(if is_unfinished || !used[k] {
                String::new()
            } else {
                pick(item.to_string(), CSAT_EN[(item - 1) as usize])
            });
        }
        f.push(if is_unfinished {
            String::new()
        } else {
            r.comment.clone()
        });
        f.push(SEGMENT_ES[r.segment].to_string());
        if trailing {
            f.push(String::new());
        }
        if is_preview {
            sh.skipped(&f, "preview_response");
        } else {
            let line = sh.data(&f);
            if is_unfinished {
                sh.flag(line, "unfinished");
            }
        }
    }

    let h = Headers::new(&ids);
    let mut ratings = vec![Rating::new(h.find("Q2")?, "nps", 0, 10)];
    let mut ces = Rating::new(h.find("Q3")?, "ces", 1, 7);
    if choice_text {
        ces = ces.labels(&CES_EN);
    }
    ratings.push(ces);
    for (k, item) in Q6_ITEMS.iter().enumerate() {
        let mut r = Rating::new(h.find(&format!("Q6_{}", k + 1))?, "csat", 1, 5).sub(item);
        if choice_text {
            r = r.labels(&CSAT_EN);
        }
        ratings.push(r);
    }
    let columns = Columns {
        id: Some(h.find("ResponseId")?),
        date: Some(h.find("RecordedDate")?),
        stage: Some(h.find("Q1")?),
        touchpoint: None,
        segment: Some(h.find("segment")?),
        text: vec![h.find("Q7")?],
        ratings,
    };
    let (file, what) = if choice_text {
        (
            "qualtrics_choice_text.csv",
            "Qualtrics 'Use choice text': 3 header rows, UTF-8 BOM, labels (Status=IP Address / Survey Preview, Finished=True/False, CES and CSAT labels, Detractor/Passive/Promoter), multi-line comments",
        )
    } else {
        (
            "qualtrics_numeric.csv",
            "Qualtrics numeric values: 3 header rows (ids / question text / ImportId JSON), coded stage Q1, NPS Q2 + Q2_NPS_GROUP, CES Q3, Q6_1..Q6_5 matrix, multi-line Q7, a preview row (Status=1), unfinished rows, a trailing empty column",
        )
    };
    let stage_values: Vec<(String, &str)> = if choice_text {
        STAGE_EN.iter().map(|s| (s.to_string(), *s)).collect()
    } else {
        STAGE_EN
            .iter()
            .enumerate()
            .map(|(i, s)| ((i + 1).to_string(), *s))
            .collect()
    };
    let fx = Fixture::from_sheet(file, "qualtrics", what, sh, Enc::Utf8, choice_text)?
        .columns(columns)
        .detail("timezone", J::s("Europe/Madrid"))
        .detail("date_format", J::s("YYYY-MM-DD HH:MM:SS"))
        .detail("date_order", J::s("iso"))
        .detail(
            "header_row_roles",
            J::strs(&["column ids", "question text", "ImportId JSON"]),
        )
        .detail(
            "stage_values",
            J::Obj(
                stage_values
                    .into_iter()
                    .map(|(k, v)| (k, J::s(v)))
                    .collect(),
            ),
        )
        .detail("derived_columns", J::strs(&["Q2_NPS_GROUP"]))
        .detail(
            "nps_group_values",
            if choice_text {
                J::strs(&NPS_GROUPS)
            } else {
                J::map(&[("1", "Detractor"), ("2", "Passive"), ("3", "Promoter")])
            },
        )
        .detail(
            "question_groups",
            J::Obj(vec![(
                "Q6".into(),
                J::strs(&["Q6_1", "Q6_2", "Q6_3", "Q6_4", "Q6_5"]),
            )]),
        )
        .detail("trailing_empty_column", J::Bool(trailing))
        .detail("multiline_text", J::Bool(true));
    Ok(fx)
}

/// The legacy Qualtrics layout (before 2018): two header rows `V1..V10,Q1..` / labels, a BOM.
fn qualtrics_legacy() -> io::Result<Fixture> {
    let mut rng = Rng::new("qualtrics-legacy-2017");
    let mut rows = responses(&mut rng, 16, Dt::new(2017, 5, 8, 9, 0, 0), 30, 2000);
    rows[6].make_multiline(&mut rng, false);
    rows[10].plant(3, 2, Neg, Lang::Es, PII_DNI_ES);
    let q3_items = ["La web", "La entrega", "La atención al cliente"];
    let mut row1: Vec<String> = (1..=10).map(|i| format!("V{i}")).collect();
    let mut row2: Vec<String> = [
        "ResponseID",
        "ResponseSet",
        "Name",
        "ExternalDataReference",
        "EmailAddress",
        "IPAddress",
        "Status",
        "StartDate",
        "EndDate",
        "Finished",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let qs: Vec<(String, String)> = vec![
        (
            "Q1".into(),
            "¿Sobre qué parte de tu compra nos das tu opinión?".into(),
        ),
        (
            "Q2".into(),
            "¿Qué probabilidad hay de que recomiendes la tienda a un amigo o colega?".into(),
        ),
        (
            "Q3_1".into(),
            format!("Valora tu satisfacción con...-{}", q3_items[0]),
        ),
        (
            "Q3_2".into(),
            format!("Valora tu satisfacción con...-{}", q3_items[1]),
        ),
        (
            "Q3_3".into(),
            format!("Valora tu satisfacción con...-{}", q3_items[2]),
        ),
        ("Q4".into(), "¿Quieres contarnos algo más?".into()),
        ("LocationLatitude".into(), "LocationLatitude".into()),
        ("LocationLongitude".into(), "LocationLongitude".into()),
        ("LocationAccuracy".into(), "LocationAccuracy".into()),
    ];
    for (id, label) in &qs {
        row1.push(id.clone());
        row2.push(label.clone());
    }
    let mut sh = Sheet::new(b',', "\r\n", Quoting::Minimal);
    sh.header(&row1);
    sh.header(&row2);
    for r in &rows {
        let (lat, long) = *rng.pick(&PLACES);
        let mut f: Vec<String> = vec![
            format!("R_{}", rng.token(ALNUM, 15)),
            "Default Response Set".into(),
            "Anonymous".into(),
            String::new(),
            String::new(),
            format!("{}.{}", rng.pick(&IP_PREFIXES), rng.range(2, 254)),
            "0".into(),
            fmt_iso(r.start),
            fmt_iso(r.end),
            "1".into(),
            (r.stage + 1).to_string(),
            r.nps.to_string(),
        ];
        f.extend(r.items[..3].iter().map(|v| v.to_string()));
        f.push(r.comment.clone());
        f.extend([lat.to_string(), long.to_string(), "-1".to_string()]);
        sh.data(&f);
    }
    let h = Headers::new(&row1);
    let columns = Columns {
        id: Some(h.find("V1")?),
        date: Some(h.find("V9")?),
        stage: Some(h.find("Q1")?),
        touchpoint: None,
        segment: None,
        text: vec![h.find("Q4")?],
        ratings: vec![
            Rating::new(h.find("Q2")?, "nps", 0, 10),
            Rating::new(h.find("Q3_1")?, "csat", 1, 5).sub(q3_items[0]),
            Rating::new(h.find("Q3_2")?, "csat", 1, 5).sub(q3_items[1]),
            Rating::new(h.find("Q3_3")?, "csat", 1, 5).sub(q3_items[2]),
        ],
    };
    let stage_values: Vec<(String, J)> = STAGE_ES
        .iter()
        .enumerate()
        .map(|(i, s)| ((i + 1).to_string(), J::s(*s)))
        .collect();
    Ok(Fixture::from_sheet(
        "qualtrics_legacy.csv",
        "qualtrics",
        "Legacy Qualtrics export: 2 header rows (V1..V10,Q1.. / ResponseID,ResponseSet,..,question text), UTF-8 BOM, CRLF, coded stage, Spanish labels in row 2",
        sh,
        Enc::Utf8,
        true,
    )?
    .columns(columns)
    .detail("header_row_roles", J::strs(&["column ids (V1..V10, Q1..)", "labels (ResponseID, .., question text)"]))
    .detail("date_format", J::s("YYYY-MM-DD HH:MM:SS"))
    .detail("date_order", J::s("iso"))
    .detail("stage_values", J::Obj(stage_values)))
}

// ------------------------------------------------------------------------------------------
// SurveyMonkey.
// ------------------------------------------------------------------------------------------

fn surveymonkey() -> io::Result<Fixture> {
    let mut rng = Rng::new("surveymonkey-2026");
    let mut rows = responses(&mut rng, 22, Dt::new(2026, 3, 9, 8, 0, 0), 40, 1400);
    rows[4].plant(2, 0, Neg, Lang::En, PII_CARD_EN);
    rows[13].plant(3, 2, Neg, Lang::Es, PII_DNI_ES);
    rows[9].make_multiline(&mut rng, false);

    let q_stage = "¿En qué momento de tu experiencia con la tienda estás pensando?";
    let q_nps = "En una escala del 0 al 10, ¿qué probabilidad hay de que recomiendes la tienda a un amigo o colega?";
    let q_matrix = "¿Cómo de satisfecho estás con…?";
    let q_multi = "¿Qué es lo que más valoras? (selecciona todas las que correspondan)";
    let q_comment = "Cuéntanos más:\n¿qué podríamos mejorar?";
    let matrix_rows = ["La web", "La entrega", "La atención al cliente"];
    let options = ["Precio", "Rapidez de entrega", "Trato, amabilidad"];
    let others = [
        "Que regalen muestras",
        "El embalaje reciclable",
        "Poder pagar a plazos",
    ];

    let meta = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    ];
    let mut row1: Vec<&str> = meta.to_vec();
    let mut row2: Vec<&str> = vec![""; meta.len()];
    row1.extend([
        q_stage, q_nps, q_matrix, "", "", q_multi, "", "", "", q_comment,
    ]);
    row2.extend(["Response", "Response"]);
    row2.extend(matrix_rows);
    row2.extend(options);
    row2.extend(["Other (please specify)", "Open-Ended Response"]);

    let mut sh = Sheet::new(b',', "\r\n", Quoting::Minimal);
    sh.header(&row1);
    sh.header(&row2);
    // Respondent ids grow with time; this collector's run crosses from 11 to 12 digits.
    let mut respondent: i64 = 98_412_345_678;
    for r in &rows {
        respondent += rng.range(60_000_000, 160_000_000);
        let collector = if rng.chance(70) {
            "431207815"
        } else {
            "431207902"
        };
        let mut f: Vec<String> = vec![
            respondent.to_string(),
            collector.into(),
            fmt_us_ampm(r.start),
            fmt_us_ampm(r.end),
            format!("{}.{}", rng.pick(&IP_PREFIXES), rng.range(2, 254)),
            String::new(),
            String::new(),
            String::new(),
            SEGMENT_ES[r.segment].into(),
            r.stage_es().into(),
            r.nps.to_string(),
        ];
        for &v in &r.items[..3] {
            f.push(CSAT_ES[(v - 1) as usize].into());
        }
        for opt in options {
            f.push(if rng.chance(40) {
                opt.into()
            } else {
                String::new()
            });
        }
        f.push(if rng.chance(15) {
            rng.pick(&others).to_string()
        } else {
            String::new()
        });
        f.push(r.comment.clone());
        sh.data(&f);
    }
    // The manifest names columns by row 1, forward-filled over its blank cells.
    let mut filled: Vec<String> = Vec::new();
    for h in &row1 {
        let name = if h.is_empty() {
            filled.last().cloned().unwrap_or_default()
        } else {
            h.to_string()
        };
        filled.push(name);
    }
    let h = Headers::new(&filled);
    let m = h.find(q_matrix)?.index;
    let columns = Columns {
        id: Some(h.find("Respondent ID")?),
        date: Some(h.find("End Date")?),
        stage: Some(h.find(q_stage)?),
        touchpoint: None,
        segment: Some(h.find("Custom Data 1")?),
        text: vec![h.find(q_comment)?],
        ratings: vec![
            Rating::new(h.find(q_nps)?, "nps", 0, 10),
            Rating::new(h.at(m)?, "csat", 1, 5)
                .sub(matrix_rows[0])
                .labels(&CSAT_ES),
            Rating::new(h.at(m + 1)?, "csat", 1, 5)
                .sub(matrix_rows[1])
                .labels(&CSAT_ES),
            Rating::new(h.at(m + 2)?, "csat", 1, 5)
                .sub(matrix_rows[2])
                .labels(&CSAT_ES),
        ],
    };
    let multi = h.find(q_multi)?.index;
    Ok(Fixture::from_sheet(
        "surveymonkey.csv",
        "surveymonkey",
        "SurveyMonkey 'All responses / Expanded / Actual answer text': 2 header rows, blank row-1 cells = same question as the left, Response / Open-Ended Response / choice sub-headers, a question title with a comma and one with a line break, 11-12 digit Respondent IDs, US dates with AM/PM",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("header_row_roles", J::strs(&["question text (blank = same question as the column to the left)", "sub-header: Response, Open-Ended Response, choice or matrix row label"]))
    .detail("header_names", J::s("columns are named by row 1, forward-filled over blank cells; ratings carry the row-2 subheader"))
    .detail("date_format", J::s("MM/DD/YYYY hh:mm:ss AM"))
    .detail("date_order", J::s("month_first"))
    .detail("multi_select", J::obj(vec![
        ("question", J::s(q_multi)),
        ("indexes", J::Arr((multi..multi + 3).map(J::int).collect())),
        ("cell", J::s("the option label when ticked, empty otherwise")),
    ]))
    .detail("other_text", J::Arr(vec![J::int(multi + 3)]))
    .detail("ids_are_strings", J::s("Respondent IDs have 11-12 digits; keep them as text")))
}

// ------------------------------------------------------------------------------------------
// Google Forms and Google Sheets.
// ------------------------------------------------------------------------------------------

/// Short remarks about the delivery, for Google Forms' second "Comentarios" question.
const DELIVERY_NOTES: [(Mood, &str); 6] = [
    (Neg, "La caja llegó abierta"),
    (Neg, "Nadie avisó del retraso"),
    (Neu, "Normal, sin incidencias"),
    (Neu, "Bien, aunque sin franja horaria"),
    (Pos, "Muy bien empaquetado"),
    (Pos, "Puntualísimos, gracias"),
];

const LIKED_ES: [&str; 4] = [
    "Precio",
    "Rapidez de entrega",
    "Atención al cliente",
    "Variedad de productos",
];

fn checkbox_answers(rng: &mut Rng, sep: &str, other: Option<&str>) -> String {
    let mut picked: Vec<&str> = LIKED_ES
        .iter()
        .copied()
        .filter(|_| rng.chance(40))
        .collect();
    if let Some(o) = other {
        picked.push(o);
    }
    picked.join(sep)
}

fn google_forms() -> io::Result<Fixture> {
    let mut rng = Rng::new("google-forms-2026");
    let mut rows = responses(&mut rng, 26, Dt::new(2026, 3, 16, 9, 0, 0), 300, 1700);
    rows[7].plant(4, 2, Neg, Lang::Es, PII_IBAN_ES);
    rows[12].make_multiline(&mut rng, false);
    let headers = [
        "Timestamp",
        "¿En qué etapa de tu compra estás pensando?",
        "¿Por qué canal?",
        "¿Qué probabilidad hay de que nos recomiendes a un amigo? (0 = nada probable, 10 = extremadamente probable)",
        "Comentarios",
        "¿Qué valoraste más?",
        "¿Cómo valoras la entrega? (1-5)",
        "Comentarios",
    ];
    let mut sh = Sheet::new(b',', "\r\n", Quoting::All);
    sh.header(&headers);
    for r in &rows {
        let other = if rng.chance(12) {
            Some(*rng.pick(&["Que acepten Bizum", "El embalaje"]))
        } else {
            None
        };
        let liked = checkbox_answers(&mut rng, ";", other);
        let delivery_mood = match r.items[4] {
            1..=2 => Neg,
            3 => Neu,
            _ => Pos,
        };
        let notes: Vec<&str> = DELIVERY_NOTES
            .iter()
            .filter(|n| n.0 == delivery_mood)
            .map(|n| n.1)
            .collect();
        let note = *rng.pick(&notes);
        let delivery_comment = if rng.chance(45) {
            note.to_string()
        } else {
            String::new()
        };
        let f: Vec<String> = vec![
            fmt_google_forms(r.end),
            r.stage_es().into(),
            r.touch_es().into(),
            r.nps.to_string(),
            r.comment.clone(),
            liked,
            r.items[4].to_string(),
            delivery_comment,
        ];
        sh.data(&f);
    }
    let h = Headers::new(&headers);
    let columns = Columns {
        id: None,
        date: Some(h.find("Timestamp")?),
        stage: Some(h.at(1)?),
        touchpoint: Some(h.at(2)?),
        segment: None,
        text: vec![h.nth("Comentarios", 0)?, h.nth("Comentarios", 1)?],
        ratings: vec![
            Rating::new(h.at(3)?, "nps", 0, 10),
            Rating::new(h.at(6)?, "csat", 1, 5),
        ],
    };
    Ok(Fixture::from_sheet(
        "google_forms.csv",
        "google_forms",
        "Google Forms 'Download responses (.csv)': every field quoted, Timestamp like 2026/03/15 10:39:41 PM GMT+1 (GMT+2 after 29 March), no id column, two 'Comentarios' columns, checkbox answers joined with ';' plus free 'Other' text",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("date_format", J::s("YYYY/MM/DD h:mm:ss AM GMT+N"))
    .detail("date_order", J::s("iso"))
    .detail("timezone", J::s("in each value (GMT+1 / GMT+2, Europe/Madrid)"))
    .detail("duplicate_headers", J::strs(&["Comentarios"]))
    .detail("synthesise_id", J::Bool(true))
    .detail("multi_select", J::obj(vec![("index", J::int(5)), ("separator", J::s(";"))])))
}

fn google_sheets() -> io::Result<Fixture> {
    let mut rng = Rng::new("google-sheets-2026");
    let mut rows = responses(&mut rng, 20, Dt::new(2026, 3, 8, 10, 0, 0), 200, 2000);
    rows[3].make_multiline(&mut rng, false);
    rows[15].make_multiline(&mut rng, false);
    let headers = [
        "Marca temporal",
        "Etapa",
        "Punto de contacto",
        "Segmento",
        "Satisfacción (1-5)",
        "Probabilidad de recomendarnos (0-10)",
        "¿Qué mejorarías?",
        "Canales utilizados",
    ];
    let channels = ["Web", "App", "Teléfono", "Tienda"];
    let mut sh = Sheet::new(b',', "\r\n", Quoting::Minimal);
    sh.header(&headers);
    for r in &rows {
        let used: Vec<&str> = channels
            .iter()
            .copied()
            .filter(|_| rng.chance(45))
            .collect();
        let f: Vec<String> = vec![
            fmt_sheets_es(r.end),
            r.stage_es().into(),
            r.touch_es().into(),
            SEGMENT_ES[r.segment].into(),
            r.csat.to_string(),
            r.nps.to_string(),
            r.comment.clone(),
            used.join(", "),
        ];
        sh.data(&f);
    }
    let h = Headers::new(&headers);
    let columns = Columns {
        id: None,
        date: Some(h.find("Marca temporal")?),
        stage: Some(h.find("Etapa")?),
        touchpoint: Some(h.find("Punto de contacto")?),
        segment: Some(h.find("Segmento")?),
        text: vec![h.find("¿Qué mejorarías?")?],
        ratings: vec![
            Rating::new(h.find("Satisfacción (1-5)")?, "csat", 1, 5),
            Rating::new(
                h.find("Probabilidad de recomendarnos (0-10)")?,
                "nps",
                0,
                10,
            ),
        ],
    };
    Ok(Fixture::from_sheet(
        "google_sheets.csv",
        "google_sheets",
        "Google Sheets 'Download CSV' of a Forms response sheet (es-ES locale): minimal quoting, 'Marca temporal' like 15/3/2026 14:28:27 (day-first, no zone), CRLF between records with bare LF inside quoted cells, checkbox answers joined with ', '",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("date_format", J::s("D/M/YYYY H:mm:ss"))
    .detail("date_order", J::s("day_first"))
    .detail("timezone", J::Null)
    .detail("synthesise_id", J::Bool(true))
    .detail("multi_select", J::obj(vec![("index", J::int(7)), ("separator", J::s(", "))])))
}

// ------------------------------------------------------------------------------------------
// Microsoft Forms (the workbook saved by Excel as "CSV UTF-8").
// ------------------------------------------------------------------------------------------

fn microsoft_forms() -> io::Result<Fixture> {
    let mut rng = Rng::new("microsoft-forms-2026");
    let mut rows = responses(&mut rng, 18, Dt::new(2026, 3, 3, 9, 0, 0), 60, 2400);
    rows[6].plant(4, 1, Neg, Lang::Es, PII_EMAIL_ES);
    rows[11].make_multiline(&mut rng, false);
    let q_channels = "¿Qué canales usaste?";
    let q_stage = "¿En qué etapa de la compra estás pensando?";
    let q_nps = "¿Con qué probabilidad nos recomendarías a un amigo o colega?";
    // The columns come out in a different order from the form's questions (stage, NPS, rating,
    // channels, comments): map by header text, never by position.
    let headers = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        "Comentarios adicionales",
        q_channels,
        "Satisfacción general",
        q_stage,
        q_nps,
    ];
    let options = ["Web", "App", "Teléfono", "Tienda física, Madrid"];
    let mut sh = Sheet::new(b',', "\r\n", Quoting::Minimal);
    sh.header(&headers);
    for (i, r) in rows.iter().enumerate() {
        let mut multi = String::new();
        for o in options {
            if rng.chance(40) {
                multi.push_str(o);
                multi.push(';');
            }
        }
        let f: Vec<String> = vec![
            (i + 1).to_string(),
            fmt_ms_forms(r.start),
            fmt_ms_forms(r.end),
            "anonymous".into(),
            String::new(),
            String::new(),
            r.comment.clone(),
            multi,
            r.csat.to_string(),
            r.stage_es().into(),
            r.nps.to_string(),
        ];
        sh.data(&f);
    }
    let h = Headers::new(&headers);
    let columns = Columns {
        id: Some(h.find("ID")?),
        date: Some(h.find("Completion time")?),
        stage: Some(h.find(q_stage)?),
        touchpoint: None,
        segment: None,
        text: vec![h.find("Comentarios adicionales")?],
        ratings: vec![
            Rating::new(h.find("Satisfacción general")?, "csat", 1, 5),
            Rating::new(h.find(q_nps)?, "nps", 0, 10),
        ],
    };
    Ok(Fixture::from_sheet(
        "microsoft_forms.csv",
        "microsoft_forms",
        "Microsoft Forms workbook saved by Excel as 'CSV UTF-8': BOM, CRLF, ID / Start time / Completion time / Email=anonymous / Name, question columns out of form order, m/d/yy dates, multi-select joined with ';' and a trailing ';' (one option contains a comma)",
        sh,
        Enc::Utf8,
        true,
    )?
    .columns(columns)
    .detail("date_format", J::s("M/D/YY H:mm:ss"))
    .detail("date_order", J::s("month_first"))
    .detail("columns_out_of_order", J::Bool(true))
    .detail("multi_select", J::obj(vec![("header", J::s(q_channels)), ("separator", J::s(";")), ("trailing_separator", J::Bool(true))]))
    .detail("source_format", J::s("the native export is .xlsx (not generated); this is Excel's CSV UTF-8 of it")))
}

// ------------------------------------------------------------------------------------------
// Typeform.
// ------------------------------------------------------------------------------------------

fn typeform() -> io::Result<Fixture> {
    let mut rng = Rng::new("typeform-2026");
    let mut rows = responses(&mut rng, 20, Dt::new(2026, 3, 10, 7, 0, 0), 60, 2200);
    rows[9].plant(3, 0, Neg, Lang::En, PII_EMAIL_EN);
    rows[2].make_multiline(&mut rng, false);
    let partial = [5, 16];
    let phones = [(3, "'+34612000111"), (12, "'+34699000222")];
    let headers = [
        "#",
        "Del 0 al 10, ¿qué probabilidad hay de que nos recomiendes a un amigo? 🙂",
        "¿En qué parte de tu experiencia estás pensando?",
        "Web",
        "App",
        "Teléfono",
        "Other",
        "¿Cómo valorarías la entrega de tu pedido?",
        "Precios",
        "Plazos de entrega",
        "Other",
        "Gracias, {{field:7c1f0a52-3d4e-4b8a-9f61-2a5b8c0d9e13}}. ¿Algo más que quieras contarnos? 💬",
        "Si quieres que te llamemos, déjanos tu teléfono",
        "segmento",
        "Response Type",
        "Start Date (UTC)",
        "Stage Date (UTC)",
        "Submit Date (UTC)",
        "Network ID",
        "Tags",
    ];
    let mut sh = Sheet::new(b',', "\n", Quoting::Minimal);
    sh.header(&headers);
    for (i, r) in rows.iter().enumerate() {
        let is_partial = partial.contains(&i);
        let token = rng.token(LOWER_ALNUM, 32);
        let network = rng.token(HEX, 10);
        let ticks: Vec<bool> = (0..5).map(|_| rng.chance(40)).collect();
        let other1 = if rng.chance(15) { "WhatsApp" } else { "" };
        let other2 = if rng.chance(15) { "Más tallas" } else { "" };
        let phone = phones.iter().find(|p| p.0 == i).map(|p| p.1).unwrap_or("");
        let tick = |k: usize, label: &str| {
            if ticks[k] && !is_partial {
                label.to_string()
            } else {
                String::new()
            }
        };
        let late = |v: String| if is_partial { String::new() } else { v };
        // Typeform times are UTC: Madrid is UTC+1 until 29 March, UTC+2 after.
        let utc = |t: Dt| {
            t.add(if t.parts().mo == 3 && t.parts().d < 29 {
                -3600
            } else {
                -7200
            })
        };
        let stage_date = if is_partial {
            r.start.add(rng.range(20, 90))
        } else {
            r.end
        };
        let f: Vec<String> = vec![
            token,
            r.nps.to_string(),
            r.stage_es().into(),
            tick(0, "Web"),
            tick(1, "App"),
            tick(2, "Teléfono"),
            late(other1.into()),
            late(r.items[4].to_string()),
            tick(3, "Precios"),
            tick(4, "Plazos de entrega"),
            late(other2.into()),
            late(r.comment.clone()),
            late(phone.into()),
            if r.segment == 0 {
                "nuevo".into()
            } else {
                "recurrente".into()
            },
            if is_partial {
                "partial".into()
            } else {
                "completed".into()
            },
            fmt_iso(utc(r.start)),
            fmt_iso(utc(stage_date)),
            if is_partial {
                String::new()
            } else {
                fmt_iso(utc(r.end))
            },
            network,
            String::new(),
        ];
        let line = sh.data(&f);
        if is_partial {
            sh.flag(line, "partial");
        }
    }
    let h = Headers::new(&headers);
    let columns = Columns {
        id: Some(h.find("#")?),
        date: Some(h.find("Submit Date (UTC)")?),
        stage: Some(h.at(2)?),
        touchpoint: None,
        segment: Some(h.find("segmento")?),
        text: vec![h.at(11)?],
        ratings: vec![
            Rating::new(h.at(1)?, "nps", 0, 10),
            Rating::new(h.at(7)?, "csat", 1, 5),
        ],
    };
    Ok(Fixture::from_sheet(
        "typeform.csv",
        "typeform",
        "Typeform: '#' token column, question titles with emoji and a {{field:..}} recall placeholder, one column per option with two 'Other' headers, hidden field, Response Type completed/partial, Start/Stage/Submit Date (UTC), 10-hex Network ID, empty Tags so every row ends with ',', a phone guarded as '+34..",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("date_format", J::s("YYYY-MM-DD HH:MM:SS"))
    .detail("date_order", J::s("iso"))
    .detail("timezone", J::s("UTC"))
    .detail("date_fallback", J::s("partial responses have no Submit Date; Stage Date (UTC) is the last activity"))
    .detail("duplicate_headers", J::strs(&["Other"]))
    .detail("other_text", J::Arr(vec![J::int(6), J::int(10)]))
    .detail("multi_select", J::s("one column per option; the cell holds the option label when ticked"))
    .detail("trailing_delimiter", J::s("Tags is empty, so every record ends with ',' (not ragged)"))
    .detail("formula_guard", J::obj(vec![("index", J::int(12)), ("prefix", J::s("'"))])))
}

// ------------------------------------------------------------------------------------------
// LimeSurvey (CsvWriter: BOM, ';', every value quoted, NULL unquoted, CRLF, extra CRLF at EOF).
// ------------------------------------------------------------------------------------------

/// A LimeSurvey value: `None` is SQL NULL (an empty unquoted field), `Some` is always quoted.
fn lime_record(values: &[Option<String>]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(b';');
        }
        if let Some(s) = v {
            csv_field(&mut out, s.as_bytes(), b';', Quoting::All);
        }
    }
    out
}

fn limesurvey() -> io::Result<Fixture> {
    let mut rng = Rng::new("limesurvey-2026");
    let mut rows = responses(&mut rng, 20, Dt::new(2026, 3, 4, 9, 0, 0), 60, 1800);
    rows[8].plant(4, 1, Neg, Lang::Es, PII_EMAIL_ES);
    rows[14].make_multiline(&mut rng, false);
    let incomplete = [6, 17];
    let headers = [
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "etapa",
        "nps",
        "satisf[SQ001]",
        "satisf[SQ002]",
        "satisf[SQ003]",
        "mejoras[SQ001]",
        "mejoras[SQ002]",
        "mejoras[other]",
        "comentario",
    ];
    let mut sh = Sheet::new(b';', "\r\n", Quoting::All);
    sh.header(&headers);
    let mut id = 0;
    for (i, r) in rows.iter().enumerate() {
        id += if rng.chance(25) { rng.range(2, 4) } else { 1 };
        let done = !incomplete.contains(&i);
        let seed = rng.range(10_000_000, 2_000_000_000);
        let ticks = [rng.chance(35), rng.chance(35)];
        let other = if rng.chance(15) {
            "Más puntos de recogida"
        } else {
            ""
        };
        let s = |x: &str| Some(x.to_string());
        // Page 2 (satisfaction, improvements, comment) is NULL for those who never reached it.
        let page2 = |v: Option<String>| if done { v } else { None };
        let v: Vec<Option<String>> = vec![
            s(&id.to_string()),
            if done { s("1980-01-01 00:00:00") } else { None },
            s(if done { "2" } else { "1" }),
            s(if r.lang == Lang::Es { "es" } else { "en" }),
            s(&seed.to_string()),
            s(&format!("A{}", r.stage + 1)),
            s(&r.nps.to_string()),
            page2(s(&r.items[0].to_string())),
            page2(s(&r.items[3].to_string())),
            page2(s(&r.items[2].to_string())),
            page2(s(if ticks[0] { "Y" } else { "" })),
            page2(s(if ticks[1] { "Y" } else { "" })),
            page2(s(other)),
            // An empty comment is an empty string (""), not NULL.
            page2(s(&r.comment)),
        ];
        let line = sh.data_raw(&lime_record(&v));
        sh.flag(line, if done { "no_date" } else { "incomplete" });
    }
    // CsvWriter::close() writes one more CRLF: an empty line at the end of the file.
    let last = sh.next_line();
    sh.buf.extend_from_slice(b"\r\n");
    sh.problems.push(Problem {
        line: last,
        kind: "empty_row",
        imported: false,
    });

    let h = Headers::new(&headers);
    let stage_codes: Vec<(String, J)> = STAGE_ES
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("A{}", i + 1), J::s(*s)))
        .collect();
    let columns = Columns {
        id: Some(h.find("id")?),
        date: Some(h.find("submitdate")?),
        stage: Some(h.find("etapa")?),
        touchpoint: None,
        segment: None,
        text: vec![h.find("comentario")?],
        ratings: vec![
            Rating::new(h.find("nps")?, "nps", 0, 10),
            Rating::new(h.find("satisf[SQ001]")?, "csat", 1, 5).sub("La web"),
            Rating::new(h.find("satisf[SQ002]")?, "csat", 1, 5).sub("La entrega"),
            Rating::new(h.find("satisf[SQ003]")?, "csat", 1, 5).sub("El pago"),
        ],
    };
    Ok(Fixture::from_sheet(
        "limesurvey.csv",
        "limesurvey",
        "LimeSurvey (code headings, short answers): UTF-8 BOM, ';', every value quoted, NULL as an empty unquoted field vs \"\" for an empty answer, CRLF plus one extra CRLF at EOF, submitdate 1980-01-01 00:00:00 (survey not date-stamped), ids with gaps, Q[SQ001] columns, Y for ticked boxes",
        sh,
        Enc::Utf8,
        true,
    )?
    .columns(columns)
    .detail("date_sentinel", J::s("1980-01-01 00:00:00"))
    .detail("date_note", J::s("the survey is not date-stamped: every submitted response carries the sentinel, incomplete ones NULL; no row has a real date"))
    .detail("null_vs_empty", J::s("an unquoted empty field is NULL (question not shown); \"\" is an empty answer"))
    .detail("stage_values", J::Obj(stage_codes))
    .detail("multi_select", J::obj(vec![
        ("question", J::s("mejoras")),
        ("options", J::map(&[("SQ001", "Precio"), ("SQ002", "Plazo de entrega")])),
        ("ticked", J::s("Y")),
        ("other", J::s("mejoras[other]")),
    ])))
}

// ------------------------------------------------------------------------------------------
// Excel.
// ------------------------------------------------------------------------------------------

/// `1.234,56` (Spanish thousands and decimal separators).
fn es_money(cents: i64) -> String {
    let units = cents / 100;
    let mut digits = units.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(".{tail}{grouped}");
    }
    format!("{digits}{grouped},{:02}", cents % 100)
}

/// The mean of `values` to one decimal, with a decimal comma (`6,1`).
fn es_mean(values: &[i64]) -> String {
    let n = values.len().max(1) as i64;
    let sum: i64 = values.iter().sum();
    let tenths = (sum * 20 + n) / (2 * n);
    format!("{},{}", tenths / 10, tenths % 10)
}

fn excel_es_cp1252() -> io::Result<Fixture> {
    let mut rng = Rng::new("excel-es-cp1252");
    let mut rows = responses(&mut rng, 18, Dt::new(2026, 3, 9, 9, 0, 0), 120, 2000);
    for r in &mut rows {
        r.lang = Lang::Es;
        r.comment = remark(&mut rng, REMARKS, r.stage, r.mood, Lang::Es);
    }
    rows[2].plant(
        2,
        0,
        Neg,
        Lang::Es,
        "El “envío gratis” no era gratis: me cobraron 4,95 € al final",
    );
    rows[6].plant(
        3,
        0,
        Neg,
        Lang::Es,
        "Es la segunda vez este año que llega dañado… ¡qué pena!",
    );
    rows[10].plant(3, 2, Neg, Lang::Es, PII_DNI_ES);
    rows[13].plant(
        3,
        0,
        Neu,
        Lang::Es,
        "Todo bien, pero el cargador venía “de regalo” y no estaba",
    );
    let headers = [
        "Nº",
        "Fecha",
        "Etapa",
        "Canal",
        "NPS",
        "Valoración (1-5)",
        "Importe (€)",
        "Comentario",
    ];
    let mut sh = Sheet::new(b';', "\r\n", Quoting::Minimal);
    sh.header(&headers);
    let mut nps = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let half = r.csat < 5 && rng.chance(35);
        let rating = if half {
            format!("{},5", r.csat)
        } else {
            r.csat.to_string()
        };
        let amount = es_money(rng.range(495, 189_900));
        nps.push(r.nps);
        let f: Vec<String> = vec![
            (i + 1).to_string(),
            fmt_excel_es(r.end),
            r.stage_es().into(),
            r.touch_es().into(),
            r.nps.to_string(),
            rating,
            amount,
            r.comment.clone(),
        ];
        sh.data(&f);
    }
    let blank = vec![""; headers.len()];
    sh.skipped(&blank, "empty_row");
    sh.skipped(&blank, "empty_row");
    let mean = es_mean(&nps);
    sh.skipped(
        &["Media", "", "", "", mean.as_str(), "", "", ""],
        "summary_row",
    );
    sh.skipped(&blank, "empty_row");
    let h = Headers::new(&headers);
    let columns = Columns {
        id: Some(h.find("Nº")?),
        date: Some(h.find("Fecha")?),
        stage: Some(h.find("Etapa")?),
        touchpoint: Some(h.find("Canal")?),
        segment: None,
        text: vec![h.find("Comentario")?],
        ratings: vec![
            Rating::new(h.find("NPS")?, "nps", 0, 10),
            Rating::new(h.find("Valoración (1-5)")?, "rating", 1, 5),
        ],
    };
    Ok(Fixture::from_sheet(
        "excel_es_cp1252.csv",
        "excel",
        "Excel 'CSV (delimitado por comas)' on Spanish Windows: Windows-1252 bytes (é=E9, ñ=F1, €=80, “ ”=93/94, …=85, º=BA), ';' delimiter, CRLF, decimal commas (4,5) and thousands dots (1.234,56), dates 15/03/2026 10:21, separator-only rows and a 'Media' summary row at the end",
        sh,
        Enc::Cp1252,
        false,
    )?
    .columns(columns)
    .detail("date_format", J::s("DD/MM/YYYY HH:MM"))
    .detail("date_order", J::s("day_first"))
    .detail("decimal_separator", J::s(","))
    .detail("thousands_separator", J::s("."))
    .detail("summary_value", J::obj(vec![("header", J::s("NPS")), ("value", J::s(mean.clone()))])))
}

fn excel_utf8_bom() -> io::Result<Fixture> {
    let mut rng = Rng::new("excel-utf8-bom");
    let mut rows = responses(&mut rng, 16, Dt::new(2026, 3, 11, 9, 0, 0), 180, 2600);
    rows[4].plant(4, 2, Neg, Lang::Es, PII_IBAN_ES);
    rows[9].plant(4, 0, Neu, Lang::Es, PII_PHONE_ES);
    rows[7].make_multiline(&mut rng, false);
    let headers = [
        "Id cliente",
        "Fecha",
        "Etapa",
        "Punto de contacto",
        "Segmento",
        "Satisfacción (1-5)",
        "Esfuerzo (1-7)",
        "Comentario",
    ];
    let mut sh = Sheet::new(b';', "\r\n", Quoting::Minimal);
    sh.header(&headers);
    for r in &rows {
        let f: Vec<String> = vec![
            format!("C-{:05}", rng.range(1, 99_999)),
            fmt_date_es(r.end),
            r.stage_es().into(),
            r.touch_es().into(),
            SEGMENT_ES[r.segment].into(),
            r.csat.to_string(),
            r.ces.to_string(),
            r.comment.clone(),
        ];
        sh.data(&f);
    }
    let h = Headers::new(&headers);
    let columns = Columns {
        id: Some(h.find("Id cliente")?),
        date: Some(h.find("Fecha")?),
        stage: Some(h.find("Etapa")?),
        touchpoint: Some(h.find("Punto de contacto")?),
        segment: Some(h.find("Segmento")?),
        text: vec![h.find("Comentario")?],
        ratings: vec![
            Rating::new(h.find("Satisfacción (1-5)")?, "csat", 1, 5),
            Rating::new(h.find("Esfuerzo (1-7)")?, "ces", 1, 7),
        ],
    };
    Ok(Fixture::from_sheet(
        "excel_utf8_bom.csv",
        "excel",
        "Excel 'CSV UTF-8 (delimitado por comas)' on Spanish settings: UTF-8 BOM, CRLF, ';' delimiter (the list separator), day-first dates 15/03/2026, quoted comments holding ';' or a line break",
        sh,
        Enc::Utf8,
        true,
    )?
    .columns(columns)
    .detail("date_format", J::s("DD/MM/YYYY"))
    .detail("date_order", J::s("day_first")))
}

fn excel_unicode_text() -> io::Result<Fixture> {
    let mut rng = Rng::new("excel-unicode-text");
    let mut rows = responses(&mut rng, 15, Dt::new(2026, 3, 5, 9, 0, 0), 240, 2600);
    rows[3].plant(2, 1, Pos, Lang::En, "Great app 👍 checkout in seconds");
    rows[8].plant(2, 0, Neg, Lang::En, PII_CARD_EN);
    rows[11].make_multiline(&mut rng, false);
    let headers = [
        "Response ID",
        "Date",
        "Stage",
        "Touchpoint",
        "Segment",
        "CSAT",
        "NPS",
        "Comment",
    ];
    let mut sh = Sheet::new(b'\t', "\r\n", Quoting::Minimal);
    sh.header(&headers);
    for (i, r) in rows.iter().enumerate() {
        let f: Vec<String> = vec![
            format!("{}", 5001 + i),
            fmt_excel_us(r.end),
            STAGE_EN[r.stage].into(),
            TOUCH_EN[r.stage][r.touch].into(),
            SEGMENT_EN[r.segment].into(),
            r.csat.to_string(),
            r.nps.to_string(),
            r.comment.clone(),
        ];
        sh.data(&f);
    }
    let h = Headers::new(&headers);
    let columns = Columns {
        id: Some(h.find("Response ID")?),
        date: Some(h.find("Date")?),
        stage: Some(h.find("Stage")?),
        touchpoint: Some(h.find("Touchpoint")?),
        segment: Some(h.find("Segment")?),
        text: vec![h.find("Comment")?],
        ratings: vec![
            Rating::new(h.find("CSAT")?, "csat", 1, 5),
            Rating::new(h.find("NPS")?, "nps", 0, 10),
        ],
    };
    Ok(Fixture::from_sheet(
        "excel_unicode_text.txt",
        "excel",
        "Excel 'Unicode Text (*.txt)': UTF-16LE with BOM FF FE, TAB-delimited, CRLF, en-US dates 3/15/2026 10:21, Spanish accents and an emoji outside the BMP (a surrogate pair), a quoted multi-line comment",
        sh,
        Enc::Utf16le,
        true,
    )?
    .columns(columns)
    .detail("date_format", J::s("M/D/YYYY H:mm"))
    .detail("date_order", J::s("month_first")))
}

fn excel_mac_cr() -> io::Result<Fixture> {
    let mut rng = Rng::new("excel-mac-cr");
    let mut rows = responses(&mut rng, 14, Dt::new(2026, 3, 2, 9, 0, 0), 300, 3000);
    for r in &mut rows {
        r.lang = Lang::En;
        r.comment = remark(&mut rng, REMARKS, r.stage, r.mood, Lang::En);
    }
    let headers = ["ID", "Date", "Stage", "Touchpoint", "NPS", "Comment"];
    let mut sh = Sheet::new(b',', "\r", Quoting::Minimal);
    sh.header(&headers);
    for (i, r) in rows.iter().enumerate() {
        let f: Vec<String> = vec![
            format!("M{:03}", i + 1),
            fmt_us_short(r.end),
            STAGE_EN[r.stage].into(),
            TOUCH_EN[r.stage][r.touch].into(),
            r.nps.to_string(),
            r.comment.clone(),
        ];
        sh.data(&f);
    }
    let h = Headers::new(&headers);
    let columns = Columns {
        id: Some(h.find("ID")?),
        date: Some(h.find("Date")?),
        stage: Some(h.find("Stage")?),
        touchpoint: Some(h.find("Touchpoint")?),
        segment: None,
        text: vec![h.find("Comment")?],
        ratings: vec![Rating::new(h.find("NPS")?, "nps", 0, 10)],
    };
    Ok(Fixture::from_sheet(
        "excel_mac_cr.csv",
        "excel",
        "Old Excel for Mac 'CSV': bare CR line endings (no LF anywhere), comma, plain ASCII (so Mac Roman vs UTF-8 does not matter), US short dates 3/15/26",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("date_format", J::s("M/D/YY"))
    .detail("date_order", J::s("month_first")))
}

// ------------------------------------------------------------------------------------------
// Employee feedback (modelled: Peakon-style long table, Culture Amp / Glint-style wide table).
// ------------------------------------------------------------------------------------------

const DEPARTMENTS: [(&str, usize); 5] = [
    ("Marketing", 0),
    ("E-commerce", 1),
    ("Tienda", 2),
    ("Logística", 3),
    ("Atención al cliente", 4),
];

fn employee_long() -> io::Result<Fixture> {
    let mut rng = Rng::new("employee-long-2026");
    let questions = ["enps", "herramientas", "foco_cliente"];
    let headers = [
        "answerId",
        "employeeId",
        "answerDate",
        "department",
        "journeyStage",
        "questionId",
        "answerScore",
        "answerSkipReason",
        "answerComment",
        "answerLocale",
    ];
    let mut sh = Sheet::new(b',', "\n", Quoting::Minimal);
    sh.header(&headers);
    let mut t = Dt::new(2026, 3, 16, 8, 0, 0);
    let mut answer = 70_100;
    for e in 0..10 {
        let (dept, stage) = *rng.pick(&DEPARTMENTS);
        let lang = if rng.chance(75) { Lang::Es } else { Lang::En };
        let mood = *rng.pick(&[Neg, Neu, Pos]);
        let employee = format!("E{:04}", 17 + e * 7);
        t = t.add(rng.range(20, 600) * 60);
        for (q, question) in questions.iter().enumerate() {
            answer += 1;
            let score = match mood {
                Neg => rng.range(0, 6),
                Neu => rng.range(6, 8),
                Pos => rng.range(8, 10),
            };
            let with_comment = q == 2 || rng.chance(25);
            let mut comment = if with_comment {
                remark(&mut rng, EMP_REMARKS, stage, mood, lang)
            } else {
                String::new()
            };
            let skipped = e == 6 && q == 1;
            if e == 3 && q == 2 {
                comment = "Mi responsable (luis.prueba@example.org) nunca contesta a las propuestas de mejora".into();
            }
            if skipped {
                comment = "No aplica a mi puesto".into();
            }
            let f: Vec<String> = vec![
                answer.to_string(),
                employee.clone(),
                fmt_iso_z(t.add(q as i64 * 40)),
                dept.into(),
                STAGE_ES[stage].into(),
                question.to_string(),
                if skipped {
                    String::new()
                } else {
                    score.to_string()
                },
                if skipped {
                    "not_applicable".into()
                } else {
                    String::new()
                },
                comment,
                if lang == Lang::Es {
                    "es".into()
                } else {
                    "en".into()
                },
            ];
            let line = sh.data(&f);
            if skipped {
                sh.flag(line, "skipped_score");
            }
        }
    }
    let h = Headers::new(&headers);
    let columns = Columns {
        id: Some(h.find("answerId")?),
        date: Some(h.find("answerDate")?),
        stage: Some(h.find("journeyStage")?),
        touchpoint: None,
        segment: Some(h.find("department")?),
        text: vec![h.find("answerComment")?],
        ratings: vec![Rating::new(h.find("answerScore")?, "rating", 0, 10)],
    };
    Ok(Fixture::from_sheet(
        "employee_long.csv",
        "employee_long",
        "Employee feedback, long form (a Peakon-style API export flattened by a BI tool): one row per answer, employee id, question id, score 0-10, comment, skip reason; ISO dates with Z",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("long_format", J::obj(vec![
        ("respondent", J::s("employeeId")),
        ("question", J::s("questionId")),
        ("score", J::s("answerScore")),
        ("comment", J::s("answerComment")),
        ("enps_question", J::s("enps")),
    ]))
    .detail("respondents", J::int(10))
    .detail("date_format", J::s("YYYY-MM-DDTHH:MM:SSZ"))
    .detail("date_order", J::s("iso"))
    .detail("timezone", J::s("UTC")))
}

fn employee_wide() -> io::Result<Fixture> {
    let mut rng = Rng::new("employee-wide-2026");
    let items = [
        "Me siento valorado en mi equipo",
        "Tengo las herramientas para atender bien al cliente",
        "La herramienta de incidencias me ayuda a resolver rápido",
    ];
    let mut headers = vec!["ID empleado", "Fecha", "Departamento", "Etapa del cliente"];
    headers.extend(items);
    headers.extend(["eNPS (0-10)", "Comentario"]);
    let mut sh = Sheet::new(b',', "\r\n", Quoting::Minimal);
    sh.header(&headers);
    let mut t = Dt::new(2026, 3, 18, 9, 0, 0);
    for e in 0..18 {
        let (dept, stage) = *rng.pick(&DEPARTMENTS);
        let mood = *rng.pick(&[Neg, Neu, Pos]);
        t = t.add(rng.range(10, 400) * 60);
        let base = match mood {
            Neg => 2,
            Neu => 3,
            Pos => 4,
        };
        let mut f: Vec<String> = vec![
            format!("EMP-{:03}", 101 + e),
            fmt_day(t),
            dept.into(),
            STAGE_ES[stage].into(),
        ];
        for k in 0..3 {
            let v = (base + rng.range(-1, 1)).clamp(1, 5);
            let not_used = k == 2 && rng.chance(22);
            f.push(if not_used {
                NOT_USED_ES.into()
            } else {
                AGREE_ES[(v - 1) as usize].into()
            });
        }
        let enps = match mood {
            Neg => rng.range(0, 6),
            Neu => rng.range(7, 8),
            Pos => rng.range(9, 10),
        };
        f.push(enps.to_string());
        let mut comment = if rng.chance(75) {
            remark(&mut rng, EMP_REMARKS, stage, mood, Lang::Es)
        } else {
            String::new()
        };
        if e == 9 {
            comment =
                "Necesitamos un teléfono directo con logística; ahora todo va por correo".into();
        }
        f.push(comment);
        sh.data(&f);
    }
    let h = Headers::new(&headers);
    let mut ratings: Vec<Rating> = items
        .iter()
        .map(|i| {
            h.find(i)
                .map(|c| Rating::new(c, "likert", 1, 5).labels(&AGREE_ES))
        })
        .collect::<io::Result<_>>()?;
    if let Some(last) = ratings.pop() {
        ratings.push(last.na(&[NOT_USED_ES]));
    }
    ratings.push(Rating::new(h.find("eNPS (0-10)")?, "nps", 0, 10));
    let columns = Columns {
        id: Some(h.find("ID empleado")?),
        date: Some(h.find("Fecha")?),
        stage: Some(h.find("Etapa del cliente")?),
        touchpoint: None,
        segment: Some(h.find("Departamento")?),
        text: vec![h.find("Comentario")?],
        ratings,
    };
    Ok(Fixture::from_sheet(
        "employee_wide.csv",
        "employee_wide",
        "Employee feedback, wide form (Culture Amp / Glint style): one column per item with Spanish agreement labels 'Totalmente de acuerdo' .. 'Totalmente en desacuerdo', 'No lo he usado' as N/A (not a low score), an eNPS 0-10 column, CRLF",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("date_format", J::s("YYYY-MM-DD"))
    .detail("date_order", J::s("iso")))
}

// ------------------------------------------------------------------------------------------
// Broken files.
// ------------------------------------------------------------------------------------------

fn empty() -> io::Result<Fixture> {
    let sh = Sheet::new(b',', "\n", Quoting::Minimal);
    Ok(
        Fixture::from_sheet("empty.csv", "broken", "A 0-byte file", sh, Enc::Utf8, false)?
            .contentless()
            .error("empty"),
    )
}

fn bom_only() -> io::Result<Fixture> {
    let sh = Sheet::new(b',', "\n", Quoting::Minimal);
    Ok(Fixture::from_sheet(
        "bom_only.csv",
        "broken",
        "Just a UTF-8 BOM (EF BB BF) and nothing else",
        sh,
        Enc::Utf8,
        true,
    )?
    .contentless()
    .error("empty"))
}

fn header_only() -> io::Result<Fixture> {
    let mut sh = Sheet::new(b',', "\r\n", Quoting::Minimal);
    sh.header(&["ID", "Fecha", "Etapa", "NPS", "Comentario"]);
    Ok(Fixture::from_sheet(
        "header_only.csv",
        "broken",
        "A header row and no responses",
        sh,
        Enc::Utf8,
        false,
    )?
    .error("no responses"))
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
}

/// A valid 1×1 PNG (one orange pixel) saved under a .csv name.
fn png_renamed() -> Fixture {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&1u32.to_be_bytes());
    ihdr.extend_from_slice(&1u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB, no interlace
    png_chunk(&mut png, b"IHDR", &ihdr);
    let scanline = [0u8, 0xF2, 0x8C, 0x28]; // filter 0, then R G B
    let mut zlib = vec![0x78, 0x01, 0x01]; // zlib header, one final stored block
    zlib.extend_from_slice(&(scanline.len() as u16).to_le_bytes());
    zlib.extend_from_slice(&(!(scanline.len() as u16)).to_le_bytes());
    zlib.extend_from_slice(&scanline);
    zlib.extend_from_slice(&adler32(&scanline).to_be_bytes());
    png_chunk(&mut png, b"IDAT", &zlib);
    png_chunk(&mut png, b"IEND", &[]);
    Fixture::raw(
        "png_renamed.csv",
        "broken",
        "A real 1x1 PNG image renamed to .csv (magic bytes 89 50 4E 47)",
        png,
    )
    .error("PNG")
    .detail("magic", J::s("89 50 4E 47 0D 0A 1A 0A"))
}

/// A small valid ZIP whose first entry is `[Content_Types].xml`, as in every .xlsx workbook.
fn xlsx_renamed() -> Fixture {
    let entries: [(&str, &str); 2] = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
        ),
        (
            "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"Form1\" sheetId=\"1\"/></sheets></workbook>",
        ),
    ];
    let (time, date) = (0u16, 0x5C6Fu16); // 2026-03-15 00:00 in MS-DOS format
    let mut zip = Vec::new();
    let mut central = Vec::new();
    for (name, content) in entries {
        let offset = zip.len() as u32;
        let crc = crc32(content.as_bytes());
        let size = content.len() as u32;
        let name_len = name.len() as u16;
        zip.extend_from_slice(b"PK\x03\x04");
        zip.extend_from_slice(&20u16.to_le_bytes()); // version needed
        zip.extend_from_slice(&0u16.to_le_bytes()); // flags
        zip.extend_from_slice(&0u16.to_le_bytes()); // stored
        zip.extend_from_slice(&time.to_le_bytes());
        zip.extend_from_slice(&date.to_le_bytes());
        zip.extend_from_slice(&crc.to_le_bytes());
        zip.extend_from_slice(&size.to_le_bytes());
        zip.extend_from_slice(&size.to_le_bytes());
        zip.extend_from_slice(&name_len.to_le_bytes());
        zip.extend_from_slice(&0u16.to_le_bytes());
        zip.extend_from_slice(name.as_bytes());
        zip.extend_from_slice(content.as_bytes());

        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        central.extend_from_slice(&20u16.to_le_bytes()); // needed
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&time.to_le_bytes());
        central.extend_from_slice(&date.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&[0; 12]); // extra, comment, disk, internal attrs (2+2+2+2) + external (4)
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = zip.len() as u32;
    let cd_size = central.len() as u32;
    zip.extend_from_slice(&central);
    zip.extend_from_slice(b"PK\x05\x06");
    zip.extend_from_slice(&[0; 4]); // disk numbers
    zip.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    zip.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    zip.extend_from_slice(&cd_size.to_le_bytes());
    zip.extend_from_slice(&cd_offset.to_le_bytes());
    zip.extend_from_slice(&0u16.to_le_bytes());
    Fixture::raw(
        "xlsx_renamed.csv",
        "broken",
        "A ZIP in .xlsx layout (PK 03 04, [Content_Types].xml first) saved as .csv, as when a Forms/Excel workbook is renamed",
        zip,
    )
    .error("xlsx")
    .detail("magic", J::s("50 4B 03 04"))
}

/// A simple comma file used by several broken cases: `ID,Fecha,Etapa,NPS,Comentario`.
fn simple_rows(key: &str, n: usize, first: Dt) -> (Rng, Vec<Resp>) {
    let mut rng = Rng::new(key);
    let rows = responses(&mut rng, n, first, 60, 1500);
    (rng, rows)
}

fn simple_fields(id: &str, r: &Resp) -> Vec<String> {
    vec![
        id.to_string(),
        fmt_iso(r.end)[..16].to_string(),
        r.stage_es().into(),
        r.nps.to_string(),
        r.comment.clone(),
    ]
}

const SIMPLE_HEADERS: [&str; 5] = ["ID", "Fecha", "Etapa", "NPS", "Comentario"];

fn simple_columns(headers: &[&str]) -> io::Result<Columns> {
    let h = Headers::new(headers);
    Ok(Columns {
        id: Some(h.at(0)?),
        date: Some(h.find("Fecha")?),
        stage: Some(h.find("Etapa")?),
        touchpoint: h.find("Punto de contacto").ok(),
        segment: None,
        text: vec![h.find("Comentario")?],
        ratings: vec![Rating::new(h.find("NPS")?, "nps", 0, 10)],
    })
}

fn ragged() -> io::Result<Fixture> {
    let (mut rng, mut rows) = simple_rows("ragged-2026", 14, Dt::new(2026, 3, 2, 9, 0, 0));
    rows[2].make_multiline(&mut rng, false);
    let headers = [
        "ID",
        "Fecha",
        "Etapa",
        "Punto de contacto",
        "NPS",
        "Comentario",
    ];
    let mut sh = Sheet::new(b',', "\r\n", Quoting::Minimal);
    sh.header(&headers);
    for (i, r) in rows.iter().enumerate() {
        let id = format!("R{:03}", i + 1);
        let date = fmt_iso(r.end)[..16].to_string();
        match i {
            // The classic: an unquoted comment with commas gives too many fields.
            4 => {
                let line =
                    format!("{id},{date},Entrega,Mensajero,3,Llegó tarde, roto, y sin avisar");
                sh.skipped_raw(line.as_bytes(), "ragged_row");
            }
            // A truly empty line, then a row cut short.
            7 => {
                sh.skipped_raw(b"", "empty_row");
                let line = format!("{id},{date},Compra");
                sh.skipped_raw(line.as_bytes(), "ragged_row");
            }
            11 => {
                let line = format!("{id},{date},Posventa,Teléfono,6,Me colgaron dos veces,,");
                sh.skipped_raw(line.as_bytes(), "ragged_row");
            }
            _ => {
                let f: Vec<String> = vec![
                    id,
                    date,
                    r.stage_es().into(),
                    r.touch_es().into(),
                    r.nps.to_string(),
                    r.comment.clone(),
                ];
                sh.data(&f);
            }
        }
    }
    let columns = simple_columns(&headers)?;
    Ok(Fixture::from_sheet(
        "ragged.csv",
        "broken",
        "CRLF file with a multi-line quoted comment early on, then rows with too many fields (unquoted commas, trailing commas), a row with too few, and an empty line: the reported line numbers must be physical lines",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("expected_fields", J::int(headers.len()))
    .detail("ragged_policy", J::s("ragged rows are skipped and reported with their physical line; the rest imports")))
}

fn unterminated_quote() -> io::Result<Fixture> {
    let (_, rows) = simple_rows("unterminated-2026", 10, Dt::new(2026, 3, 3, 9, 0, 0));
    let mut sh = Sheet::new(b',', "\r\n", Quoting::Minimal);
    sh.header(&SIMPLE_HEADERS);
    let mut before = 0;
    let mut error_line = 0;
    for (i, r) in rows.iter().enumerate() {
        let id = format!("U{:02}", i + 1);
        if i == 5 {
            let date = fmt_iso(r.end)[..16].to_string();
            let line = format!(
                "{id},{date},Entrega,2,\"El repartidor no vino y cuando llamé me dijeron que"
            );
            error_line = sh.skipped_raw(line.as_bytes(), "unterminated_quote");
        } else {
            // Rows after the broken one are swallowed by the open quote, so none may contain a
            // quote (nor a comma, which would make the writer add quotes).
            let mut f = simple_fields(&id, r);
            f[4] = f[4].replace(['"', ','], "");
            sh.write_record(&f);
            if i < 5 {
                before += 1;
            }
        }
    }
    Ok(Fixture::from_sheet(
        "unterminated_quote.csv",
        "broken",
        "A quoted comment opens on a known line and never closes, so every following line would be swallowed silently into one field",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(simple_columns(&SIMPLE_HEADERS)?)
    .error("quote")
    .detail("error_line", J::int(error_line))
    .detail("well_formed_rows_before_error", J::int(before)))
}

fn invalid_utf8_fields() -> io::Result<Fixture> {
    let (_, rows) = simple_rows("invalid-utf8-2026", 12, Dt::new(2026, 3, 6, 9, 0, 0));
    let headers = [
        "ID",
        "Fecha",
        "Etapa",
        "Punto de contacto",
        "NPS",
        "Comentario",
    ];
    let mut sh = Sheet::new(b',', "\n", Quoting::Minimal);
    sh.header(&headers);
    for (i, r) in rows.iter().enumerate() {
        let mut f: Vec<Vec<u8>> = vec![
            format!("V{:02}", i + 1).into_bytes(),
            fmt_iso(r.end).as_bytes()[..16].to_vec(),
            r.stage_es().as_bytes().to_vec(),
            r.touch_es().as_bytes().to_vec(),
            r.nps.to_string().into_bytes(),
            r.comment.clone().into_bytes(),
        ];
        let bad = match i {
            2 => {
                f[5] = b"Todo genial, volver\xE9 a comprar".to_vec(); // Latin-1 é inside a UTF-8 file
                true
            }
            6 => {
                f[2] = b"Posventa".to_vec();
                f[3] = b"Tel\xE9fono".to_vec();
                true
            }
            9 => {
                f[5] = b"Precio \xFF raro en el carrito".to_vec();
                true
            }
            _ => false,
        };
        let line = sh.data(&f);
        if bad {
            sh.flag(line, "invalid_utf8");
        }
    }
    let columns = simple_columns(&headers)?;
    Ok(Fixture::from_sheet(
        "invalid_utf8_fields.csv",
        "broken",
        "A UTF-8 file (valid multi-byte accents elsewhere) where three fields hold stray 0xE9 / 0xFF bytes: the rows import with U+FFFD and a warning naming the line, the file is not re-read as Windows-1252",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("invalid_bytes", J::strs(&["E9", "FF"])))
}

fn long_comment() -> io::Result<Fixture> {
    let (_, mut rows) = simple_rows("long-comment-2026", 6, Dt::new(2026, 3, 7, 9, 0, 0));
    let sentence = "Llegó tarde y nadie me avisó; el seguimiento decía «en reparto» durante tres días, y el chat, cerrado. ";
    let long: String = sentence.chars().cycle().take(200_000).collect();
    rows[2].set_comment(Lang::Es, &long);
    let mut sh = Sheet::new(b',', "\n", Quoting::Minimal);
    sh.header(&SIMPLE_HEADERS);
    let mut long_line = 0;
    for (i, r) in rows.iter().enumerate() {
        let line = sh.data(&simple_fields(&format!("L{:02}", i + 1), r));
        if i == 2 {
            sh.flag(line, "long_field");
            long_line = line;
        }
    }
    Ok(Fixture::from_sheet(
        "long_comment.csv",
        "generic",
        "One quoted comment of exactly 200,000 characters on a single line (buffer limits, truncation, display)",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(simple_columns(&SIMPLE_HEADERS)?)
    .detail("long_field", J::obj(vec![
        ("line", J::int(long_line)),
        ("header", J::s("Comentario")),
        ("chars", J::int(long.chars().count())),
        ("bytes", J::int(long.len())),
    ])))
}

fn duplicate_ids() -> io::Result<Fixture> {
    let (_, rows) = simple_rows("duplicate-ids-2026", 16, Dt::new(2026, 3, 9, 9, 0, 0));
    let mut sh = Sheet::new(b',', "\n", Quoting::Minimal);
    let headers = ["ResponseId", "Fecha", "Etapa", "NPS", "Comentario"];
    sh.header(&headers);
    let ids: Vec<String> = (0..rows.len())
        .map(|i| format!("R_{:03}", 100 + i * 3))
        .collect();
    for (i, r) in rows.iter().enumerate() {
        sh.data(&simple_fields(&ids[i], r));
        if i == 9 {
            // The export was pasted twice over a range: an exact copy of an earlier row.
            sh.skipped(&simple_fields(&ids[4], &rows[4]), "duplicate_id");
        }
    }
    // The same id again with different content: the first occurrence wins.
    let mut changed = simple_fields(&ids[7], &rows[7]);
    changed[3] = "10".into();
    changed[4] = "Respuesta editada después del envío".into();
    sh.skipped(&changed, "duplicate_id");
    let columns = simple_columns(&headers)?;
    Ok(Fixture::from_sheet(
        "duplicate_ids.csv",
        "generic",
        "Two rows repeat an earlier ResponseId (one exact copy, one with different content): the first occurrence is imported, the repeats are reported",
        sh,
        Enc::Utf8,
        false,
    )?
    .columns(columns)
    .detail("duplicate_policy", J::s("keep the first occurrence of an id; report later ones")))
}

/// Day/month pairs where both numbers are ≤ 12, in day-first chronological order.
const AMBIGUOUS_DAYS: [(i64, i64); 14] = [
    (3, 2),
    (9, 2),
    (11, 2),
    (2, 3),
    (5, 3),
    (6, 3),
    (10, 3),
    (12, 3),
    (1, 4),
    (3, 4),
    (7, 4),
    (8, 4),
    (11, 4),
    (4, 5),
];

fn dated_file(
    file: &'static str,
    key: &str,
    days: &[(i64, i64)],
    what: &'static str,
) -> io::Result<(Fixture, Vec<usize>)> {
    let mut rng = Rng::new(key);
    let mut sh = Sheet::new(b',', "\n", Quoting::Minimal);
    sh.header(&SIMPLE_HEADERS);
    let mut lines = Vec::new();
    for (i, &(d, m)) in days.iter().enumerate() {
        let r = response(&mut rng, Dt::new(2026, m, d, 12, 0, 0));
        let f: Vec<String> = vec![
            format!("D{:02}", i + 1),
            format!("{d:02}/{m:02}/2026"),
            r.stage_es().into(),
            r.nps.to_string(),
            r.comment.clone(),
        ];
        lines.push(sh.data(&f));
    }
    let fx = Fixture::from_sheet(file, "generic", what, sh, Enc::Utf8, false)?
        .columns(simple_columns(&SIMPLE_HEADERS)?)
        .detail("date_format", J::s("DD/MM/YYYY or MM/DD/YYYY"));
    Ok((fx, lines))
}

fn dates_ambiguous() -> io::Result<Fixture> {
    let (fx, _) = dated_file(
        "dates_ambiguous.csv",
        "dates-ambiguous-2026",
        &AMBIGUOUS_DAYS,
        "A date column where no value has a part above 12 (03/04/2026): day-first and month-first both parse, so the importer must not guess per row; it asks, uses a locale setting, or warns",
    )?;
    Ok(fx
        .detail("date_order", J::s("ambiguous"))
        .detail("expect_warning", J::s("ambiguous")))
}

fn dates_dayfirst() -> io::Result<Fixture> {
    let mut days: Vec<(i64, i64)> = AMBIGUOUS_DAYS.to_vec();
    // One late value proves the column is day-first (25 April); every earlier row is ambiguous.
    let proof_at = 13;
    days.insert(proof_at, (25, 4));
    let (fx, lines) = dated_file(
        "dates_dayfirst.csv",
        "dates-dayfirst-2026",
        &days,
        "A date column where only one late value (25/04/2026) has a day above 12, proving the whole column day-first: decided per column, never per row",
    )?;
    let proof = lines.get(proof_at).copied().unwrap_or(0);
    Ok(fx
        .detail("date_order", J::s("day_first"))
        .detail("disambiguating_line", J::int(proof))
        .detail("disambiguating_value", J::s("25/04/2026")))
}

// ------------------------------------------------------------------------------------------
// README.
// ------------------------------------------------------------------------------------------

fn readme(fixtures: &[Fixture]) -> String {
    let mut out = String::from(README_HEAD);
    out.push_str("| File | Tool | Encoding | Delim. | Line ends | Header rows | Data rows | What it exercises |\n");
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    for fx in fixtures {
        let enc = match fx.encoding {
            Some(e) if fx.bom => format!("{} + BOM", e.name()),
            Some(e) => e.name().to_string(),
            None => "binary".into(),
        };
        let delim = match fx.delimiter {
            Some(b'\t') => "TAB".to_string(),
            Some(d) => format!("`{}`", char::from(d)),
            None => "—".into(),
        };
        let rows = match fx.expect_error {
            Some(e) => format!("error: {e}"),
            None => fx.data_rows.to_string(),
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |\n",
            fx.file,
            fx.tool,
            enc,
            delim,
            fx.line_ending.unwrap_or("—"),
            fx.header_rows,
            rows,
            fx.what.replace('|', "\\|"),
        ));
    }
    out.push_str(README_TAIL);
    out
}

const README_HEAD: &str = r#"# Survey-export fixtures

Files shaped like the CSV exports survey tools really produce (Qualtrics, SurveyMonkey, Google
Forms and Sheets, Microsoft Forms, Typeform, LimeSurvey, Excel in its several encodings,
employee-feedback exports), deliberately broken files (tool `broken`) and generic edge cases
(tool `generic`: duplicate ids, ambiguous dates, a huge comment), for testing Curva's importer.

**Do not edit these files by hand.** They are written, byte for byte, by
`examples/gen_fixtures.rs`:

```sh
cargo run --example gen_fixtures            # rewrites tests/fixtures/exports/
cargo run --example gen_fixtures -- DIR     # writes them into DIR instead
```

The generator uses only the Rust standard library and a fixed-seed SplitMix64, so every run
writes identical bytes. It also writes this README and `MANIFEST.json`.

## Provenance

Every response, comment, id and date is **invented**. The *layouts* (header rows, column
names, quoting, encodings, BOMs, line endings, date formats, sentinel values) follow the
documented and observed behaviour of each tool, as gathered in the project's survey-export
notes; no vendor or customer file was copied. The personal data in some comments is invented
too: `example.com` / `example.org` e-mails, the Visa test card `4111 1111 1111 1111`, the
DNI `12345678Z` and IBAN `ES91 2100 0418 4502 0005 1332` commonly used as examples, and
made-up phone numbers in Spanish format. They are planted so that redaction can be tested. IP
addresses come from the RFC 5737 documentation ranges.

## Licence

MIT OR Apache-2.0, like the rest of Curva.

## MANIFEST.json

`files` holds one object per file:

- `file`, `tool`, `description`.
- `encoding` (`utf-8`, `windows-1252`, `utf-16le`; `null` for binary files), `bom`,
  `delimiter` (`","`, `";"`, `"\t"`; `null` when there is nothing to delimit), `line_ending`
  (`crlf`, `lf`, `cr`), `quoting` (`minimal` or `all`).
- `header_rows`: header records (3 for Qualtrics, 2 for SurveyMonkey and legacy Qualtrics).
- `data_rows`: the number of responses a correct importer imports. Rows listed in
  `problem_lines` with `"imported": false` are not counted; rows with `"imported": true` are
  counted and should be reported. For files with `expect_error` it is 0: an import stores
  everything or nothing.
- `problem_lines`: `{line, kind, imported}`. `line` is the **physical, 1-based** line the
  record starts on: LF, CRLF and a bare CR each end a line, and a quoted field holding line
  breaks spans several lines (so `line` is not the record number; UTF-16 lines are counted on
  the decoded text). Kinds: `preview_response` (Qualtrics preview), `unfinished` (Qualtrics
  Finished=0), `partial` (Typeform), `incomplete` (LimeSurvey, no submitdate), `no_date`
  (LimeSurvey 1980-01-01 sentinel), `empty_row` (an empty or separator-only line),
  `summary_row` (Excel `Media;;;;…`), `ragged_row`, `unterminated_quote`, `invalid_utf8`,
  `duplicate_id`, `long_field`, `skipped_score` (an employee answer with a skip reason and no
  score).
- `columns`: which header is the `id`, `date`, `stage`, `touchpoint` and `segment` (or
  `null`), the free-`text` headers, and the `ratings` with `kind` (`nps`, `csat`, `ces`,
  `likert`, `rating`), `scale` `[lo, hi]`, their 0-based `index`, and where relevant the row-2
  `subheader`, the `labels` that map to values and the `na_values`. Headers repeat in some files
  (two `Comentarios`, two `Other`), so `positions` gives the 0-based column index of each role.
  Files with several header rows are named by row 1 (SurveyMonkey's blank row-1 cells are
  forward-filled).
- `pii`: how many planted personal-data items the file holds; `pii_items` lists each one with
  its line, kind (`email`, `phone`, `dni`, `iban`, `card`) and value.
- `expect_error`: `null`, or a word the importer's error message should contain (`empty`,
  `no responses`, `PNG`, `xlsx`, `quote`).
- `details`: tool-specific facts: date format and order (`iso`, `day_first`, `month_first`,
  `ambiguous`), time zone, coded stage values, derived columns, multi-select layout, sentinel
  values, and so on.

`derived` lists files made from a generated one by another script: the native Microsoft Forms
`.xlsx`, written by `examples/gen_xlsx_fixture.rs` from `microsoft_forms.csv`.

## Files

"#;

const README_TAIL: &str = r#"
## Assumptions

Where the export notes mark a detail as inferred rather than seen in a real file, the fixture
makes a choice, listed here so that nobody mistakes it for vendor behaviour:

- Qualtrics: `Q2_NPS_GROUP` numeric codes 1/2/3 and its row-2 text `… - Group`; `Status=1`
  for a preview in the numeric export; LF line ends; the current export without a BOM and the
  choice-text one with a BOM (both occur).
- SurveyMonkey: no BOM, CRLF, `MM/DD/YYYY hh:mm:ss AM` dates.
- Google Sheets: checkbox answers joined with `", "`.
- Typeform: LF line ends and no BOM.
- Microsoft Forms: the CSV is what Excel writes when the response workbook is saved as
  CSV UTF-8 with US settings (comma); with Spanish settings it would be `;`.
- LimeSurvey: short answer codes (`A1`..`A5` for the stage, `Y` for a ticked box), and an
  unticked box on a submitted page written as `""`.
- Employee files are modelled (no public CSV spec exists): a Peakon-style long table and a
  Culture Amp / Glint-style wide table.
- Ragged rows are skipped and reported (not fatal); invalid UTF-8 bytes are replaced and
  reported (not fatal); a repeated id keeps its first occurrence.
"#;
