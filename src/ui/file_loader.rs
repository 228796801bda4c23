//! Loading a file of the user's own on the "Data & bronnen" page: a file picker and a drop zone.
//!
//! The file is read in the browser and never sent anywhere. Its kind is recognised from its
//! header: a bronbestand (one row per address, `docs/bronbestand-format.md`) becomes the active
//! address data of every view (`bron=eigen`); a canonical publication file
//! (`docs/data-format.md`) is checked against the archive and the result is shown.
//!
//! Big files keep the page responsive: the file is read in slices of 16 MiB, parsed in slices
//! of about 40 ms ([`BronbestandParser`]) and the figures are derived in slices of about 40 ms
//! ([`crate::analysis::derive::Derivation`], via `address_data::derive_set`), with a pause for
//! the event loop (a `MessageChannel` message, [`next_tick`]) between slices, a progress bar
//! (bytes, rows, then the share of the derivation done) and a stop button. Parsing and deriving
//! share the slice clock: a small file gets no extra turn between the two. A file above
//! [`SIZE_LIMIT`] is refused before any byte is read. While the loader waits for a file, a small
//! synthetic one is parsed and derived once in the background (`super::warm_up`), so that the
//! browser has compiled that code before the user's file arrives.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use wasm_bindgen_futures::JsFuture;

use super::address_data::{
    derive_set, next_tick, now_ms, run_in_slices, parse_options, use_address_data, AddressState, SourceKind, BRON_EIGEN, ROWS_PER_STEP,
};
use super::chart_frame::scroll_table;
use super::download;
use super::loader::Loaded;
use super::url::{build, use_href, use_lang};
use crate::analysis::coverage::{extra_publication, ExtraPublication};
use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::data::archive::LoadReport;
use crate::data::bronbestand::BRONBESTAND_HEADER;
use crate::data::bronbestand::BronbestandParser;
use crate::data::diagnostic::{Diagnostic, Severity};
use crate::data::file_kind::{detect, first_line_fields, not_loadable, FileKind};
use crate::data::table::decode;
use crate::i18n::{format, texts, Lang};

/// Files larger than this (bytes) are refused before reading. A million-row bronbestand is
/// about 165 MB.
pub const SIZE_LIMIT: u64 = 250_000_000;
/// Bytes read from the file per slice.
const READ_SLICE: f64 = 16_777_216.0;
/// Rejected rows and warnings listed on screen (all are in the download).
pub const SHOWN: usize = 50;

const DROP_STYLE: &str = "border:2px dashed #4a4a4a;border-radius:6px;padding:1rem;margin:.75rem 0;background:#f3f6f8";
const STATUS_STYLE: &str = "margin:.75rem 0";

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    Reading { done: f64, total: f64 },
    Parsing { rows: u64, done: usize, total: usize },
    /// Computing the figures: addresses done over both passes.
    Deriving { done: usize, total: usize },
    Refused { bytes: f64 },
    Cancelled,
    ReadError,
    /// The file as a whole is unusable (empty, not UTF-8, wrong header, unknown kind).
    Failed(Arc<Vec<Diagnostic>>),
    /// A bronbestand without a single usable row.
    NoRows(Arc<LoadReport>),
    /// A bronbestand became the active address data; read, parse and derive milliseconds.
    Ready { read_ms: f64, parse_ms: f64, derive_ms: f64 },
    /// A publication file was checked.
    Checked(Arc<ExtraPublication>),
}

#[derive(Clone, Debug, PartialEq)]
struct LoaderState {
    name: String,
    stage: Stage,
}

/// Slices being read at the same time: the browser reads the next ones while this one is
/// copied (a 165 MB file: ~650 ms one slice after another, ~300 ms this way).
const READ_AHEAD: usize = 3;

/// Read the whole file slice by slice. `progress(bytes)` returns `false` to stop (`Ok(None)`).
async fn read_bytes(file: &web_sys::File, progress: impl Fn(f64) -> bool) -> Result<Option<Vec<u8>>, ()> {
    let total = file.size();
    let mut out: Vec<u8> = Vec::new();
    let mut pending = std::collections::VecDeque::new();
    let mut next = 0.0;
    loop {
        while pending.len() < READ_AHEAD && next < total {
            let end = (next + READ_SLICE).min(total);
            let blob = file.slice_with_f64_and_f64(next, end).map_err(|_| ())?;
            pending.push_back((end, JsFuture::from(blob.array_buffer())));
            next = end;
        }
        let Some((end, read)) = pending.pop_front() else { break };
        let buf = read.await.map_err(|_| ())?;
        let arr = js_sys::Uint8Array::new(&buf);
        if out.is_empty() {
            // The first slice (all of a file up to 16 MiB) becomes the buffer as it is: no
            // zero-filled buffer to copy into; room for the rest is reserved once.
            out = arr.to_vec();
            out.try_reserve_exact((total as usize).saturating_sub(out.len())).map_err(|_| ())?;
        } else {
            // Further slices go into the reserved room (zero-filling it is cheaper than a
            // second copy through a temporary vector).
            let old = out.len();
            out.resize(old + arr.length() as usize, 0);
            if let Some(dst) = out.get_mut(old..) {
                arr.copy_to(dst);
            }
        }
        if !progress(end) {
            return Ok(None);
        }
    }
    Ok(Some(out))
}

/// A bronbestand is recognised by its header: at least half of its column names.
pub(super) fn is_bronbestand(text: &str) -> bool {
    let fields = first_line_fields(text);
    let hits = BRONBESTAND_HEADER.iter().filter(|h| fields.iter().any(|f| f.eq_ignore_ascii_case(h))).count();
    hits * 2 >= BRONBESTAND_HEADER.len()
}

fn mb(bytes: f64, lang: Lang) -> String {
    format::dec(bytes / 1_000_000.0, if bytes < 10_000_000.0 { 1 } else { 0 }, lang)
}

/// Everything one load needs, cloned into the task.
#[derive(Clone)]
struct Job {
    state: RwSignal<LoaderState>,
    current: Arc<AtomicU64>,
    generation: u64,
    loaded: Arc<Loaded>,
    address: RwSignal<AddressState>,
    name: String,
}

impl Job {
    fn stale(&self) -> bool {
        self.current.load(Ordering::SeqCst) != self.generation
    }
    fn set(&self, stage: Stage) {
        if !self.stale() {
            self.state.set(LoaderState { name: self.name.clone(), stage });
        }
    }
}

/// Read, recognise and use one file. `activate` puts `bron=eigen` in the URL.
async fn run(job: Job, file: web_sys::File, activate: impl Fn()) {
    let t0 = now_ms();
    let total = file.size();
    job.set(Stage::Reading { done: 0.0, total });
    let read = read_bytes(&file, |done| {
        job.set(Stage::Reading { done, total });
        !job.stale()
    })
    .await;
    let bytes = match read {
        Ok(Some(b)) => b,
        Ok(None) => return,
        Err(()) => return job.set(Stage::ReadError),
    };
    // This task began when the last bytes arrived: decoding counts towards the first slice.
    let arrived = now_ms();
    let text = match decode(&job.name, &bytes, SIZE_LIMIT) {
        Ok(t) => t,
        Err(d) => return job.set(Stage::Failed(Arc::new(vec![d]))),
    };
    let read_ms = now_ms() - t0;
    if is_bronbestand(text) {
        let t1 = now_ms();
        let options = parse_options();
        let mut parser = match BronbestandParser::new(&job.name, text, &job.loaded.archive.gemeenten, &options) {
            Ok(p) => p,
            Err(d) => return job.set(Stage::Failed(Arc::new(vec![d]))),
        };
        let shown = |p: &BronbestandParser<'_>| job.set(Stage::Parsing { rows: p.rows_read(), done: p.bytes_read(), total: p.bytes_total() });
        let Some(slice) = run_in_slices(&mut parser, arrived, |p| p.step(ROWS_PER_STEP), shown, || !job.stale()).await else { return };
        let (addresses, report) = parser.finish();
        drop(bytes);
        let parse_ms = now_ms() - t1;
        if addresses.is_empty() {
            return job.set(Stage::NoRows(Arc::new(report)));
        }
        // The derivation goes on in the slice the parsing ended in (a small file: no turn for
        // the event loop in between; the progress shows at the next one).
        job.set(Stage::Deriving { done: 0, total: 1 });
        let t2 = now_ms();
        let kind = SourceKind::Own { name: job.name.clone() };
        let progress = |done, total| {
            job.set(Stage::Deriving { done, total });
            !job.stale()
        };
        let Some(set) = derive_set(kind, &job.name, addresses, report, &job.loaded.archive, 0, slice, progress).await else { return };
        let derive_ms = now_ms() - t2;
        if job.stale() {
            return;
        }
        let set = Arc::new(set);
        job.address.set(AddressState::Ready(Arc::clone(&set)));
        job.set(Stage::Ready { read_ms, parse_ms, derive_ms });
        // The URL (`bron=eigen`) a turn later, once the report is on screen: changing it
        // re-renders whatever reads it (every link, the notice above the views) and costs the
        // browser a history entry, ~10-20 ms that need not delay the report. Only the URL's own
        // changes unload a set, so it stays active meanwhile; the URL follows it only while it
        // is still the active set (a later file may have replaced it).
        next_tick().await;
        if job.address.with_untracked(|s| matches!(s, AddressState::Ready(active) if Arc::ptr_eq(active, &set))) {
            activate();
        }
    } else {
        match detect(&job.name, text) {
            FileKind::Observations => match extra_publication(&job.loaded.archive, &job.name, text) {
                Ok(x) => job.set(Stage::Checked(Arc::new(x))),
                Err(d) => job.set(Stage::Failed(Arc::new(vec![d]))),
            },
            // Not "unknown kind … (expected manifest.json, maten.csv, …)": this page loads only a
            // bronbestand or a publication file, and the message says so.
            _ => {
                let (at, message) = not_loadable(&job.name, text);
                job.set(Stage::Failed(Arc::new(vec![Diagnostic::error_at(&job.name, at, message)])));
            }
        }
    }
}

/// The diagnostics of a report as CSV (file, line, column, severity, message), for download. The
/// column is the field's number and name ("4 (pc4)"), or the character in the line ("teken 51")
/// where the place is in no field.
pub fn diagnostics_csv(diags: &[Diagnostic], lang: Lang) -> String {
    let t = &texts(lang).bronnen;
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    let mut ok = w.write_record([t.col_file, t.col_line, t.col_column, t.col_severity, t.col_reason]).is_ok();
    for d in diags {
        let sev = match d.severity {
            Severity::Error => t.sev_error,
            Severity::Warning => t.sev_warning,
        };
        ok &= w.write_record([d.file.clone(), d.line.to_string(), d.column_text(lang), sev.to_string(), d.message.text(lang)]).is_ok();
    }
    match (ok, w.into_inner()) {
        (true, Ok(b)) => String::from_utf8(b).unwrap_or_default(),
        _ => String::new(),
    }
}

/// A table in a sideways-scrolling box named by its caption (`chart_frame::scroll_table`) with a
/// test id. `style` is inherited by the cells (font size, wrapping).
pub fn table_block(testid: &'static str, model: TableModel, style: Option<&'static str>) -> AnyView {
    scroll_table(model, None, Some(testid), None, style)
}

/// Messages as a list of code lines (nothing when empty).
pub fn diag_list(lines: Vec<String>) -> AnyView {
    if lines.is_empty() {
        return ().into_any();
    }
    view! { <ul class="diagnostics" style="font-size:.9rem">{lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}</ul> }.into_any()
}

/// An alert box: a bold first line and more lines of text.
fn alert(testid: &'static str, title: String, lines: Vec<String>) -> AnyView {
    view! {
        <div class="error-panel" role="alert" data-testid=testid>
            <p><strong>{title}</strong></p>
            {diag_list(lines)}
        </div>
    }
    .into_any()
}

/// Rows read = accepted + rejected, with the numbers as data attributes for tests.
pub fn balance_view(report: &LoadReport, lang: Lang) -> AnyView {
    let c = report.total();
    let n = |v: u64| format::int(v as f64, lang);
    let text = (texts(lang).bronnen.rows_balance)(&n(c.read), &n(c.accepted), &n(c.rejected));
    view! {
        <p data-testid="rows-balance" data-read=c.read.to_string() data-accepted=c.accepted.to_string() data-rejected=c.rejected.to_string()>
            <strong>{text}</strong>
        </p>
    }
    .into_any()
}

/// The rejected rows (first [`SHOWN`]) with line, column and reason, a download of all
/// diagnostics, and the warnings (first [`SHOWN`]) folded away.
pub fn diagnostics_view(report: &LoadReport, download_name: String, lang: Lang) -> AnyView {
    let t = &texts(lang).bronnen;
    let errors: Vec<&Diagnostic> = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    let warnings: Vec<String> = report.diagnostics.iter().filter(|d| d.severity == Severity::Warning).take(SHOWN).map(|d| d.describe(lang)).collect();
    let warning_count = report.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    let place = |v: u64| if v == 0 { Cell::text("–") } else { Cell::num(v.to_string(), v as f64) };
    // The field's number and column name ("4 (pc4)"), not the character in the line: "Kolom 51"
    // in a file of 22 columns was a character position.
    let column = |d: &Diagnostic| match (d.field, d.column) {
        (Some((n, _)), _) => Cell::num(d.column_text(lang), f64::from(n)),
        (None, 0) => Cell::text("–"),
        (None, _) => Cell::text(d.column_text(lang)),
    };
    let table = TableModel {
        caption: t.rejected_caption.to_string(),
        columns: [(t.col_line, true), (t.col_column, true), (t.col_reason, false)]
            .into_iter()
            .map(|(label, numeric)| Column { label: label.to_string(), numeric, title: None })
            .collect(),
        rows: errors
            .iter()
            .take(SHOWN)
            .map(|d| Row { attrs: Vec::new(), cells: vec![place(d.line), column(d), Cell::text(d.message.text(lang))] })
            .collect(),
    };
    let all = Arc::new(report.diagnostics.clone());
    let save = move |_| {
        let csv = diagnostics_csv(&all, lang);
        let _ = download::save_csv(&download_name, &csv);
    };
    let shown = if errors.is_empty() { t.rejected_none.to_string() } else { (t.rejected_shown)(errors.len().min(SHOWN), errors.len()) };
    view! {
        <h4>{t.rejected_title}</h4>
        <p>{shown}</p>
        {(!errors.is_empty()).then(|| table_block("rejected-table", table, None))}
        {(!report.diagnostics.is_empty()).then(|| view! {
            <p><button class="button secondary" data-testid="rejected-download" on:click=save>{t.rejected_download}</button></p>
        })}
        {(warning_count > 0).then(|| view! {
            <details>
                <summary>{(t.warnings_title)(warning_count)}</summary>
                {diag_list(warnings)}
            </details>
        })}
    }
    .into_any()
}

fn extra_view(name: &str, x: &ExtraPublication, lang: Lang) -> AnyView {
    let t = &texts(lang).bronnen;
    // With no figure read, the sentence says so and nothing is said about differences.
    let (contents, compared) = x.summary(lang);
    let findings = match compared {
        Some(line) if !x.findings.is_empty() => view! {
            <p>{line}</p>
            <ul data-testid="pubcheck-findings">
                {x.findings.iter().map(|f| view! { <li><strong>{f.kind.label(lang)}</strong>": " {f.text(lang)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        Some(line) => view! { <p>{line}</p> }.into_any(),
        None => ().into_any(),
    };
    view! {
        <section data-testid="pubcheck">
            <h3>{(t.pubcheck_title)(name)}</h3>
            <p>{t.pubcheck_intro}</p>
            {balance_view(&x.report, lang)}
            <p data-testid="pubcheck-contents">{contents}</p>
            {findings}
            {diagnostics_view(&x.report, "controle-publicatiebestand.csv".into(), lang)}
            <p class="muted">{t.pubcheck_not_added}</p>
        </section>
    }
    .into_any()
}

/// The file picker, drop zone, progress and result of loading a file of one's own.
#[component]
pub fn FileLoader(loaded: Arc<Loaded>) -> impl IntoView {
    let lang = use_lang();
    let state = RwSignal::new(LoaderState { name: String::new(), stage: Stage::Idle });
    let current = Arc::new(AtomicU64::new(0));
    let address = use_address_data().state;
    let navigate = use_navigate();
    let q = use_query_map();
    let loc = use_location();

    super::warm_up::warm_up(Arc::clone(&loaded));
    let start = {
        let current = Arc::clone(&current);
        move |file: web_sys::File| {
            super::warm_up::stop();
            let name = file.name();
            let generation = current.fetch_add(1, Ordering::SeqCst) + 1;
            let job = Job { state, current: Arc::clone(&current), generation, loaded: Arc::clone(&loaded), address, name: name.clone() };
            let size = file.size();
            if size > SIZE_LIMIT as f64 {
                return job.set(Stage::Refused { bytes: size });
            }
            let navigate = navigate.clone();
            let activate = move || {
                let path = loc.pathname.get_untracked();
                let mut pairs: Vec<(String, String)> =
                    q.with_untracked(|q| q.clone().into_iter().filter(|(k, _)| k != "bron").map(|(k, v)| (k.to_string(), v)).collect());
                pairs.push(("bron".into(), BRON_EIGEN.into()));
                navigate(&build(&path, &pairs), leptos_router::NavigateOptions { scroll: false, ..Default::default() });
            };
            spawn_local(run(job, file, activate));
        }
    };
    let on_pick = {
        let start = start.clone();
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            if let Some(f) = input.files().and_then(|fs| fs.get(0)) {
                start(f);
            }
            input.set_value("");
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(f) = ev.data_transfer().and_then(|d| d.files()).and_then(|fs| fs.get(0)) {
            start(f);
        }
    };
    let cancel = {
        let current = Arc::clone(&current);
        move |_| {
            current.fetch_add(1, Ordering::SeqCst);
            state.update(|s| s.stage = Stage::Cancelled);
        }
    };

    let status = move || {
        let l = lang.get();
        let t = &texts(l).bronnen;
        let s = state.get();
        let name = s.name;
        let progress = |value: f64, max: f64, text: String| {
            view! {
                <div role="status" aria-live="polite" data-testid="load-progress" style=STATUS_STYLE>
                    <progress max=max.max(1.0).to_string() value=value.to_string()></progress>
                    <p>{text}</p>
                </div>
            }
        };
        match s.stage {
            Stage::Idle => ().into_any(),
            Stage::Reading { done, total } => progress(done, total, (t.reading)(&mb(done, l), &mb(total, l))).into_any(),
            Stage::Parsing { rows, done, total } => {
                let pct = if total == 0 { 0.0 } else { done as f64 * 100.0 / total as f64 };
                progress(done as f64, total as f64, (t.parsing)(&format::int(rows as f64, l), &format::int(pct, l))).into_any()
            }
            Stage::Deriving { done, total } => {
                let pct = if total == 0 { 0.0 } else { (done as f64 * 100.0 / total as f64).floor() };
                progress(done as f64, total as f64, (t.deriving)(&format::int(pct, l))).into_any()
            }
            Stage::Refused { bytes } => alert(
                "load-refused",
                (t.refused_too_large)(&name, &mb(bytes, l), &format::int((SIZE_LIMIT / 1_000_000) as f64, l)),
                Vec::new(),
            ),
            Stage::Cancelled => view! { <p role="status" data-testid="load-cancelled">{(t.cancelled)(&name)}</p> }.into_any(),
            Stage::ReadError => alert("load-failed", (t.failed)(&name), vec![t.read_error.to_string()]),
            Stage::Failed(diags) => alert("load-failed", (t.failed)(&name), diags.iter().map(|d| d.describe(l)).collect()),
            Stage::NoRows(report) => view! {
                <div class="error-panel" role="alert" data-testid="load-failed">
                    <p><strong>{(t.failed)(&name)}</strong></p>
                    <p data-testid="no-rows-reason">{if report.total().read == 0 { t.no_rows_header_only } else { t.no_rows_all_rejected }}</p>
                </div>
                {balance_view(&report, l)}
                {diagnostics_view(&report, "afgewezen-regels.csv".into(), l)}
            }
            .into_any(),
            Stage::Ready { read_ms, parse_ms, derive_ms } => {
                let ms = |v: f64| format::int(v, l);
                view! {
                    <p role="status" class="muted" data-testid="load-timing" data-read-ms=ms(read_ms) data-parse-ms=ms(parse_ms) data-derive-ms=ms(derive_ms)>
                        {(t.timing)(&ms(read_ms), &ms(parse_ms), &ms(derive_ms))}
                    </p>
                }
                .into_any()
            }
            Stage::Checked(x) => extra_view(&name, &x, l),
        }
    };
    let busy = move || matches!(state.with(|s| s.stage.clone()), Stage::Reading { .. } | Stage::Parsing { .. } | Stage::Deriving { .. });

    // The page re-renders this component when the language changes (`with_data`), so the markup
    // around the status needs no reactivity of its own.
    let l = lang.get_untracked();
    let t = &texts(l).bronnen;
    view! {
        <p>{t.own_intro}</p>
        <p data-testid="privacy"><strong>{t.own_privacy}</strong></p>
        <div data-testid="drop-zone" style=DROP_STYLE
            on:dragover=|ev: web_sys::DragEvent| ev.prevent_default()
            on:dragenter=|ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=on_drop>
            <label for="eigen-bestand"><strong>{t.file_label}</strong></label>
            <br/>
            <input id="eigen-bestand" type="file" accept=".csv,text/csv" data-testid="file-input" on:change=on_pick/>
            <p>{t.drop_hint}</p>
            <p class="muted">{(t.own_limit)(&format::int((SIZE_LIMIT / 1_000_000) as f64, l))}</p>
        </div>
        {move || busy().then(|| view! {
            <p><button class="button secondary" data-testid="load-cancel" on:click=cancel.clone()>{texts(lang.get()).bronnen.cancel}</button></p>
        })}
        {status}
    }
}

/// Links to the views that use address data, keeping the language and the data source. The
/// hrefs follow the URL: the data source is put in it only after the file is active.
fn own_links(lang: Lang, hrefs: [Signal<String>; 2]) -> impl IntoView + use<> {
    let t = texts(lang);
    // Not Trends: it shows published figures only (`paths::shows_address_data`), and its link here
    // led from "see the file in" to a page that does not show it.
    let labels = [t.shell.nav_gemeenten, t.shell.nav_doorlooptijden];
    view! {
        <p>{t.bronnen.own_views} " "
            {hrefs.into_iter().zip(labels).enumerate().map(|(i, (href, label))| view! {
                {(i > 0).then_some(" · ")}<a href=move || href.get()>{label}</a>
            }).collect_view()}
        </p>
    }
}

/// The active address data (demo or own file): rows read = accepted + rejected, the rejected
/// rows, the warnings and the addresses per gemeente.
#[component]
pub fn ActiveSetReport(loaded: Arc<Loaded>) -> impl IntoView {
    let lang = use_lang();
    let address = use_address_data().state;
    let hrefs = [use_href("/gemeenten"), use_href("/doorlooptijden")];
    move || {
        let l = lang.get();
        let t = &texts(l).bronnen;
        let AddressState::Ready(set) = address.get() else { return ().into_any() };
        let title = match &set.kind {
            SourceKind::Demo => t.active_demo.to_string(),
            SourceKind::Own { name } => (t.active_own)(name),
        };
        let ready = match &set.kind {
            SourceKind::Own { name } => Some((t.own_ready)(name, &format::int(set.addresses.len() as f64, l))),
            SourceKind::Demo => None,
        };
        // Addresses per gemeente within today's boundaries (gemeenten are never suppressed), in
        // the order of gemeenten.csv.
        let registry = loaded.archive.gemeenten.all();
        let mut counts = vec![0u64; registry.len()];
        // Neighbouring rows mostly share their gemeente: look it up only when it changes.
        let mut last = None;
        for a in &set.addresses {
            let i = match last {
                Some((code, i)) if code == a.gemeente_nu => i,
                _ => {
                    let i = registry.iter().position(|g| g.code == a.gemeente_nu);
                    last = Some((a.gemeente_nu, i));
                    i
                }
            };
            if let Some(c) = i.and_then(|i| counts.get_mut(i)) {
                *c += 1;
            }
        }
        let per = TableModel {
            caption: t.per_gemeente_caption.to_string(),
            columns: vec![Column { label: t.col_gemeente.to_string(), numeric: false, title: None }, Column { label: t.col_addresses.to_string(), numeric: true, title: None }],
            rows: registry
                .iter()
                .zip(&counts)
                .filter(|(_, n)| **n > 0)
                .map(|(g, n)| Row {
                    attrs: vec![("key".into(), g.code.to_string())],
                    cells: vec![Cell::text(format!("{} ({})", g.name, g.code)), Cell::num(format::int(*n as f64, l), *n as f64)],
                })
                .collect(),
        };
        let download = if set.is_demo() { "demo-meldingen.csv".to_string() } else { "afgewezen-regels.csv".to_string() };
        view! {
            <section data-testid="active-set" aria-labelledby="actief-kop">
                <h3 id="actief-kop">{t.active_title}": " {title}</h3>
                {ready.map(|r| view! { <p data-testid="own-ready">{r}</p> })}
                {balance_view(&set.report, l)}
                {table_block("per-gemeente", per, None)}
                {own_links(l, hrefs)}
                {diagnostics_view(&set.report, download, l)}
            </section>
        }
        .into_any()
    }
}
