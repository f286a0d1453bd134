//! The `vm` command. See `killer::cli`.

fn main() {
    std::process::exit(killer::cli::main());
}
