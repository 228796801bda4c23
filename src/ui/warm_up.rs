//! Getting the file loader's code ready while the user picks a file.
//!
//! The browser compiles WebAssembly lazily: a function is compiled by a quick baseline compiler
//! when it is first called, and recompiled by the optimising compiler (in the background) only
//! after it has run for a while. A user's first file would be parsed and derived by baseline
//! code, paying for its compilation on the way: on the 27,790-row demo the first load took about
//! 190 ms and a second one about 100 ms. So when the file loader is shown, a small synthetic
//! bronbestand ([`crate::data::bronbestand::sample`]) goes through the same steps as a file
//! (decode, recognise, parse, derive) in the background, and the results are thrown away.
//!
//! It runs once per page, right after the loader appears, as a few short tasks (parsing and
//! deriving each in their own, as slices of a real load), and stops as soon as a real file is
//! picked (that file then warms the code itself).

use std::cell::Cell;
use std::sync::Arc;

use leptos::task::spawn_local;

use super::address_data::{derive_set, next_tick, now_ms, parse_options, run_in_slices, SourceKind, ROWS_PER_STEP};
use super::loader::Loaded;
use crate::data::bronbestand::sample::sample;
use crate::data::bronbestand::BronbestandParser;
use crate::data::table::decode;

/// Rows of the synthetic file, and how many times it is loaded: together enough for the hot
/// functions to reach the optimising compiler (measured: 2,000 rows gave most of the gain,
/// 4,000 little more), in tasks of a few tens of milliseconds.
const ROWS: usize = 1_000;
const ROUNDS: usize = 2;
const NAME: &str = "warm-up.csv";

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    NotStarted,
    Running,
    /// Done, or stopped because a real file was picked.
    Over,
}

thread_local! {
    static STATE: Cell<State> = const { Cell::new(State::NotStarted) };
}

fn running() -> bool {
    STATE.get() == State::Running
}

/// Start the warm-up (once per page; later calls do nothing).
pub fn warm_up(loaded: Arc<Loaded>) {
    if STATE.get() != State::NotStarted {
        return;
    }
    STATE.set(State::Running);
    spawn_local(async move {
        // Let the page show the loader first (and go on between the rounds).
        next_tick().await;
        let text = sample(&loaded.archive.gemeenten, ROWS);
        for _ in 0..ROUNDS {
            if !running() {
                break;
            }
            once(&text, &loaded).await;
            next_tick().await;
        }
        STATE.set(State::Over);
    });
}

/// The steps of `file_loader::run` once the bytes of a file have arrived.
async fn once(text: &str, loaded: &Loaded) {
    let Ok(text) = decode(NAME, text.as_bytes(), u64::MAX) else { return };
    if !super::file_loader::is_bronbestand(text) {
        return;
    }
    let Ok(mut parser) = BronbestandParser::new(NAME, text, &loaded.archive.gemeenten, &parse_options()) else { return };
    if run_in_slices(&mut parser, now_ms(), |p| p.step(ROWS_PER_STEP), |_| {}, running).await.is_none() {
        return;
    }
    let (addresses, report) = parser.finish();
    next_tick().await;
    if running() {
        let kind = SourceKind::Own { name: NAME.to_string() };
        let _ = derive_set(kind, NAME, addresses, report, &loaded.archive, 0, now_ms(), |_, _| running()).await;
    }
}

/// A real file was picked: stop the warm-up at its next pause.
pub fn stop() {
    STATE.set(State::Over);
}
