//! Rewrites data/demo/survey.csv and data/demo/employee.csv from the seeded generator.
//! Usage: cargo run --example gen_demo

fn main() -> std::io::Result<()> {
    let files = curva::demo::generate::generate(curva::demo::generate::SEED);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo");
    std::fs::write(dir.join("survey.csv"), files.survey)?;
    std::fs::write(dir.join("employee.csv"), files.employee)?;
    println!("wrote {}", dir.display());
    Ok(())
}
