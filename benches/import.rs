//! Import throughput and peak memory: writes a survey export of N rows (default 1,000,000,
//! about 110 MB) made from the demo data with unique ids, then runs the real `curva import`
//! binary on it into a fresh SQLite file, sampling the process's peak resident memory (VmHWM)
//! from /proc while it runs.
//!
//! Run: `cargo bench --bench import` (or `cargo bench --bench import -- 200000` for fewer rows).
//! Ids are sequential (`B000000001`…) unless `--random-ids` asks for Qualtrics-like random ones
//! (`R_` and 15 letters or digits), which land all over the unique-key index: the harder case.
//! Record the figures and the machine in docs/BENCHMARKS.md.

use std::io::{BufWriter, Write};
use std::process::Command;
use std::time::{Duration, Instant};

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let random_ids = std::env::args().any(|a| a == "--random-ids");
    // SplitMix64: the same ids on every run, no dependency.
    let mut state: u64 = 0x5EED;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let dir = tempfile::tempdir()?;
    let survey = dir.path().join("survey.csv");
    let journey = dir.path().join("journey.toml");
    std::fs::write(&journey, curva::demo::JOURNEY)?;

    let demo: Vec<&str> = curva::demo::SURVEY.lines().skip(1).collect();
    let header = curva::demo::SURVEY.lines().next().unwrap_or_default();
    let mut out = BufWriter::new(std::fs::File::create(&survey)?);
    writeln!(out, "{header}")?;
    for i in 0..rows {
        let line = demo[i % demo.len()];
        // Every demo row starts with its id: replace it so each row is a new response.
        let rest = line.split_once(',').map_or(line, |(_, r)| r);
        if random_ids {
            let id: String = (0..15)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize] as char)
                .collect();
            writeln!(out, "R_{id},{rest}")?;
        } else {
            writeln!(out, "B{i:09},{rest}")?;
        }
    }
    out.flush()?;
    drop(out);
    let bytes = std::fs::metadata(&survey)?.len();

    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_curva"))
        .arg("import")
        .arg("--db")
        .arg(format!(
            "sqlite://{}",
            dir.path().join("bench.db").display()
        ))
        .arg("--journey")
        .arg(&journey)
        .arg("--survey")
        .arg(&survey)
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    let pid = child.id();
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = peak_rss_kib(pid) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = started.elapsed().as_secs_f64();
    let mut stdout = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().ok_or("no stdout")?, &mut stdout)?;
    if !status.success() {
        return Err(format!("import failed: {status}").into());
    }
    println!("{stdout}");
    println!(
        "import: {rows} rows ({} ids), {:.1} MB in {elapsed:.2} s = {:.0} rows/s, {:.1} MB/s; peak RSS {:.0} MB",
        if random_ids { "random" } else { "sequential" },
        bytes as f64 / 1e6,
        rows as f64 / elapsed,
        bytes as f64 / 1e6 / elapsed,
        peak as f64 / 1024.0
    );
    Ok(())
}
