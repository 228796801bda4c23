//! Address-level data (a bronbestand): the synthetic demo or the user's own file, parsed in the
//! browser and never sent anywhere. Which one is active is part of the URL (`bron=demo`); a user's
//! own file lives only in memory (after a reload the user is asked to load it again).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use super::data::{use_data, LoadState};
use super::loader::{fetch_text, LoadError};
use crate::analysis::derive::{derive_archive, DeriveSpec};
use crate::data::archive::{Archive, LoadReport};
use crate::data::bronbestand::{parse_bronbestand_with, Address, ParseOptions};
use crate::data::date::Date;
use crate::data::diagnostic::Diagnostic;

/// The `bron` query value of the synthetic demo.
pub const BRON_DEMO: &str = "demo";
/// The `bron` query value of a user's own file.
pub const BRON_EIGEN: &str = "eigen";

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

/// Parse and derive a bronbestand text. Pure apart from the clock; shared by demo and own files.
pub fn build_set(kind: SourceKind, file: &str, text: &str, archive: &Archive, seed: u64) -> Result<AddressSet, Vec<Diagnostic>> {
    let options = ParseOptions { latest: today().add_days(31).unwrap_or(Date::Y2K), ..ParseOptions::default() };
    let (addresses, report) = parse_bronbestand_with(file, text, &archive.gemeenten, &options).map_err(|d| vec![d])?;
    let spec = match &kind {
        SourceKind::Demo => DeriveSpec::demo(seed, file),
        SourceKind::Own { .. } => DeriveSpec::own(file),
    };
    let derived = derive_archive(&addresses, &archive.measures, &archive.gemeenten, &spec);
    let reference = addresses
        .iter()
        .filter_map(|a| crate::data::bronbestand::Milestone::ALL.iter().filter_map(|m| a.date(*m)).max())
        .max()
        .unwrap_or(Date::Y2K);
    Ok(AddressSet { kind, addresses, report, derived, reference })
}

/// Provide the context; load the demo whenever the URL asks for it (`bron=demo`).
pub fn provide_address_data() {
    let state = RwSignal::new(AddressState::Idle);
    provide_context(AddressContext { state });
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
                    let result = match fetch_text(&demo.file).await {
                        Ok(text) => build_set(SourceKind::Demo, &demo.file, &text, &loaded.archive, demo.seed).map_err(LoadError::Data),
                        Err(e) => Err(e),
                    };
                    state.set(match result {
                        Ok(s) => AddressState::Ready(Arc::new(s)),
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
