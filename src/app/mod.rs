//! Where lines come from and where text goes: the command line, the REPL and its editor, the
//! script runner, lesson playback and help. Each hands lines to `runner::run_line`, which runs
//! them in a session and renders every outcome through `show`.
pub mod cli;
pub mod editor;
pub mod exercise;
pub mod help;
pub mod lesson;
pub mod options;
pub mod paths;
pub mod repl;
pub mod runner;
pub mod script;
pub mod waiting;
