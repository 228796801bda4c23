//! Address-level data (a bronbestand): the synthetic demo or the user's own file, parsed in the
//! browser and never sent anywhere. Which one is active is part of the URL (`bron=demo`); a user's
//! own file lives only in memory (after a reload the user is asked to load it again). While it is
//! active (`bron=eigen`) a notice above every view says so and offers to close it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use super::data::{use_data, LoadState};
use super::loader::{fetch_text, LoadError};
use crate::analysis::derive::{DeriveSpec, Derivation};
use crate::data::archive::{Archive, LoadReport};
use crate::data::bronbestand::{Address, BronbestandParser, ParseOptions};
use crate::data::date::Date;
use crate::data::diagnostic::Diagnostic;

pub use crate::analysis::filters::{BRON_DEMO, BRON_EIGEN};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// The synthetic demonstration file: labelled as such everywhere.
    Demo,
    /// A file the user loaded; `name` is its file name.
    Own { name: String },
}

/// A parsed and derived bronbestand.
#[derive(Clone, Debug, PartialEq)]
pub struct AddressSet {
    pub kind: SourceKind,
    pub addresses: Vec<Address>,
    /// Rows read = accepted + rejected, with every rejection.
    pub report: LoadReport,
    /// The same observations as a published archive, derived from the addresses.
    pub derived: Archive,
    /// The reference date: the last date in the data.
    pub reference: Date,
}

impl AddressSet {
    pub fn is_demo(&self) -> bool {
        self.kind == SourceKind::Demo
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum AddressState {
    /// No address-level data active.
    Idle,
    Loading,
    Ready(Arc<AddressSet>),
    Failed(LoadError),
}

#[derive(Clone, Copy)]
pub struct AddressContext {
    pub state: RwSignal<AddressState>,
}

/// Today's date from the browser clock, for plausibility checks of dates in files.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, (d.get_month() + 1) as u8, d.get_date() as u8).unwrap_or(Date::Y2K)
}

/// Milliseconds on the page's clock (`performance.now()`), for slicing long work.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Give the event loop a turn (input, rendering), then go on: a promise resolved by a message
/// to ourselves on a new `MessageChannel`. Unlike `setTimeout(0)` this is not clamped to 4 ms
/// once timers nest (they do, slice after slice): with ~80 slices for a million rows that clamp
/// alone cost a third of a second. Falls back to `setTimeout(0)`.
pub async fn next_tick() {
    use wasm_bindgen::JsCast;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let posted = web_sys::MessageChannel::new().is_ok_and(|channel| {
            let (sender, receiver) = (channel.port1(), channel.port2());
            // The handler owns the channel, so it lives until the message has arrived.
            let fire = resolve.clone();
            let handler = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = fire.call0(&wasm_bindgen::JsValue::UNDEFINED);
                drop(channel);
            });
            receiver.set_onmessage(handler.dyn_ref::<js_sys::Function>());
            // Sent from port 1, delivered to port 2's handler as a new task.
            sender.post_message(&wasm_bindgen::JsValue::UNDEFINED).is_ok()
        });
        if posted {
            return;
        }
        let scheduled = web_sys::window().is_some_and(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok());
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds of work (parsing, deriving) before the event loop gets a turn.
pub const SLICE_MS: f64 = 40.0;
/// Rows parsed between two looks at the clock.
pub const ROWS_PER_STEP: usize = 2_000;
/// Addresses derived between two looks at the clock.
const ADDRESSES_PER_STEP: usize = 4_000;

/// Run `step(state)` until it says it is done, in slices of about [`SLICE_MS`] counted from
/// `slice_start`, giving the event loop a turn between slices: `before_turn(state)` runs just
/// before each turn (to show progress), `keep_going()` just after it (`None` when it says no).
/// Returns when the slice the work ended in began, so the next piece of work can go on in it.
/// (One loop for parsing the demo, parsing a user's file and deriving: it was written three times.)
pub async fn run_in_slices<S>(
    state: &mut S,
    slice_start: f64,
    mut step: impl FnMut(&mut S) -> bool,
    mut before_turn: impl FnMut(&S),
    keep_going: impl Fn() -> bool,
) -> Option<f64> {
    let mut slice = slice_start;
    loop {
        let mut done = false;
        while !done && now_ms() - slice < SLICE_MS {
            done = step(state);
        }
        if done {
            return Some(slice);
        }
        before_turn(state);
        next_tick().await;
        if !keep_going() {
            return None;
        }
        slice = now_ms();
    }
}

/// Parse and derive a bronbestand text in slices (the demo; the file loader parses itself to
/// show its progress). `keep_going()` is asked between slices; `Ok(None)` when it said no.
pub async fn build_set(
    kind: SourceKind,
    file: &str,
    text: &str,
    archive: &Archive,
    seed: u64,
    keep_going: impl Fn() -> bool,
) -> Result<Option<AddressSet>, Vec<Diagnostic>> {
    let options = parse_options();
    // The same reader as the file loader, so the app ships one parse loop.
    let mut parser = BronbestandParser::new(file, text, &archive.gemeenten, &options).map_err(|d| vec![d])?;
    let Some(slice) = run_in_slices(&mut parser, now_ms(), |p| p.step(ROWS_PER_STEP), |_| {}, &keep_going).await else {
        return Ok(None);
    };
    let (addresses, report) = parser.finish();
    // The derivation goes on in the slice the parsing ended in.
    Ok(derive_set(kind, file, addresses, report, archive, seed, slice, |_, _| keep_going()).await)
}

/// The parse options of the app: dates up to a month after today are plausible.
pub fn parse_options() -> ParseOptions {
    ParseOptions { latest: today().add_days(31).unwrap_or(Date::Y2K), ..ParseOptions::default() }
}

/// Derive the observations from parsed addresses and assemble the set (the second half of
/// [`build_set`]; the file loader parses in slices and then calls this). The two passes of the
/// derivation run in slices of about [`SLICE_MS`] with a turn for the event loop in between;
/// `progress(done, total)` is told after every slice and returns `false` to stop (`None`).
/// `slice_start` is when the current slice began (`now_ms()`): the work just before (the last
/// rows parsed) counts towards it, so that no turn is given after a slice barely used.
pub async fn derive_set(
    kind: SourceKind,
    file: &str,
    addresses: Vec<Address>,
    report: LoadReport,
    archive: &Archive,
    seed: u64,
    slice_start: f64,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Option<AddressSet> {
    let spec = match &kind {
        SourceKind::Demo => DeriveSpec::demo(seed, file),
        SourceKind::Own { .. } => DeriveSpec::own(file),
    };
    let mut derivation = Derivation::new(&addresses, &archive.measures, &archive.gemeenten, &spec);
    let stopped = std::cell::Cell::new(false);
    let before_turn = |d: &Derivation<'_>| {
        let (x, n) = d.progress();
        stopped.set(!progress(x, n));
    };
    run_in_slices(&mut derivation, slice_start, |d| d.step(ADDRESSES_PER_STEP), before_turn, || !stopped.get()).await?;
    let derived = derivation.finish();
    // The reference date: the last date in the data, which is also the day of the derived
    // figures' last stand (`derive::cap_last_end`). It was the last milestone date while the
    // figures stood on the end of that month: the tiles said "op 31 januari 2020" and the phase
    // chart "Op 1 januari 2020" for the same file.
    let reference = derived.publications.first().map(|p| p.peildatum).unwrap_or(Date::Y2K);
    Some(AddressSet { kind, addresses, report, derived, reference })
}

/// Provide the context; load the demo whenever the URL asks for it (`bron=demo`).
pub fn provide_address_data() {
    let state = RwSignal::new(AddressState::Idle);
    provide_context(AddressContext { state });
    mount_own_file_notice(state);
    let q = use_query_map();
    let data = use_data();
    Effect::new(move |_| {
        let bron = q.with(|q| q.get("bron"));
        let LoadState::Ready(loaded) = data.state.get() else { return };
        let current = state.get_untracked();
        match bron.as_deref() {
            Some(BRON_DEMO) => {
                let already = matches!(&current, AddressState::Ready(s) if s.is_demo()) || current == AddressState::Loading;
                if already {
                    return;
                }
                let Some(demo) = loaded.manifest.demo.clone() else { return };
                state.set(AddressState::Loading);
                spawn_local(async move {
                    // Someone else (a file the user loaded meanwhile, leaving the demo) decided.
                    let still_wanted = || state.with_untracked(|s| *s == AddressState::Loading);
                    let result = match fetch_text(&demo.file).await {
                        Ok(text) => build_set(SourceKind::Demo, &demo.file, &text, &loaded.archive, demo.seed, still_wanted)
                            .await
                            .map_err(LoadError::Data),
                        Err(e) => Err(e),
                    };
                    if !still_wanted() {
                        return;
                    }
                    state.set(match result {
                        Ok(Some(s)) => AddressState::Ready(Arc::new(s)),
                        Ok(None) => return,
                        Err(e) => AddressState::Failed(e),
                    });
                });
            }
            Some(BRON_EIGEN) => {}
            _ => {
                if current != AddressState::Idle {
                    state.set(AddressState::Idle);
                }
            }
        }
    });
}

/// The `bron` value the URL asks for and whether the active set is the user's own file, for the
/// notice below. The notice is mounted by this module (not by a view) so that it stands above
/// every view, right before `<main>`, for as long as the own file is active.
fn mount_own_file_notice(state: RwSignal<AddressState>) {
    use wasm_bindgen::JsCast;
    let q = use_query_map();
    let loc = leptos_router::hooks::use_location();
    let lang = super::url::use_lang();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(host) = doc.create_element("div").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let placed = host.clone();
    // The shell's <main id="inhoud"> exists after the first render: put the notice right above it.
    Effect::new(move |_| {
        if placed.is_connected() {
            return;
        }
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        match doc.get_element_by_id("inhoud") {
            Some(main) => {
                if let Some(parent) = main.parent_node() {
                    let _ = parent.insert_before(&placed, Some(&main));
                }
            }
            None => {
                if let Some(body) = doc.body() {
                    let _ = body.prepend_with_node_1(&placed);
                }
            }
        }
    });
    let notice = move || {
        let eigen = q.with(|q| q.get("bron").as_deref() == Some(BRON_EIGEN));
        if !eigen {
            return None;
        }
        let all = crate::i18n::texts(lang.get());
        let t = &all.bronnen;
        let path = loc.pathname.get();
        // On Overzicht, Trends and Over the figures are the published ones, not the file's.
        let here = crate::analysis::drilldown::paths::shows_address_data(&path);
        let (close, data) = q.with(|q| {
            let others: Vec<(String, String)> = q.clone().into_iter().filter(|(k, _)| k != "bron").map(|(k, v)| (k.to_string(), v)).collect();
            let keep = super::url::global_pairs(q);
            (super::url::build(&path, &others), super::url::build("/data", &keep))
        });
        let own = state.with(|s| match s {
            AddressState::Ready(set) => match &set.kind {
                SourceKind::Own { name } => Some((name.clone(), set.addresses.len())),
                SourceKind::Demo => None,
            },
            _ => None,
        });
        Some(match own {
            Some((name, n)) => view! {
                <div class="demo-banner" role="note" data-testid="own-file-notice" data-addresses=n.to_string() data-here=here.to_string()>
                    <p>{(if here { t.notice_own } else { t.notice_own_loaded })(&name, &crate::i18n::format::int(n as f64, lang.get()))} " " {if here { t.notice_not_published } else { all.shell.published_only }}</p>
                    <p><a href=close data-testid="own-file-close">{t.unload}</a></p>
                </div>
            }
            .into_any(),
            None => view! {
                <div class="demo-banner" role="note" data-testid="own-file-notice">
                    <p>{t.notice_gone}</p>
                    <p><a href=data>{t.notice_load_again}</a> " · " <a href=close data-testid="own-file-close">{t.unload}</a></p>
                </div>
            }
            .into_any(),
        })
    };
    leptos::mount::mount_to(host, move || notice).forget();
}

pub fn use_address_data() -> AddressContext {
    use_context::<AddressContext>().unwrap_or_else(|| AddressContext { state: RwSignal::new(AddressState::Idle) })
}

/// The active address set, if any.
pub fn use_address_set() -> Signal<Option<Arc<AddressSet>>> {
    let c = use_address_data();
    Signal::derive(move || match c.state.get() {
        AddressState::Ready(s) => Some(s),
        _ => None,
    })
}
