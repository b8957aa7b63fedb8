fn main() -> std::process::ExitCode {
    curva::cli::main()
}
