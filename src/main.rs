//! The `backprop` binary: everything lives in the library; this only hands it the arguments.

fn main() -> std::process::ExitCode {
    backprop::app::cli::main(std::env::args_os())
}
