//! The events form of the bronbestand: `id,milestone,date,recorded_on,action`, one row per change
//! to one milestone of one address, for addresses that move backwards. SodM saw addresses that
//! CVW had shown as "beoordeeld" being reset by NCG to "opname" (seed 000, L913-919): in the wide
//! form that history is lost, here it is a `set` followed by a `reset`.
//!
//! Folding the events recorded on or before a date gives each address's state *as known on that
//! date* ([`state_as_known`]), so a pivot table of any past delivery of the bronbestand can be
//! rebuilt and compared with what was published then.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Address, Milestone, ParseOptions, WarningSink, is_id};
use crate::data::archive::LoadReport;
use crate::data::date::Date;
use crate::data::diagnostic::{Diagnostic, Message, Place, RowCount};
use crate::data::fields::{implausible, invalid};
use crate::data::table::{Row, TableReader};

/// The header of the events form, in this order.
pub const EVENTS_FORM_HEADER: [&str; 5] = ["id", "milestone", "date", "recorded_on", "action"];

/// What an event does to its milestone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    /// The milestone was reached on `date` (or its date was corrected to `date`).
    Set,
    /// The milestone is taken back: the address is no longer past it (its date becomes empty).
    Reset,
}

/// Which date of an address an event changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventField {
    /// Entry into the werkvoorraad (`toegevoegd`).
    Toegevoegd,
    /// A milestone.
    Milestone(Milestone),
}

impl EventField {
    /// Parse the `milestone` column: a milestone column name or `toegevoegd`.
    pub fn parse(s: &str) -> Option<EventField> {
        if s == "toegevoegd" { Some(EventField::Toegevoegd) } else { Milestone::parse(s).map(EventField::Milestone) }
    }
    /// The canonical text.
    pub fn as_str(self) -> &'static str {
        match self {
            EventField::Toegevoegd => "toegevoegd",
            EventField::Milestone(m) => m.column(),
        }
    }
}

/// One recorded change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MilestoneEvent {
    pub id: Arc<str>,
    pub field: EventField,
    /// The milestone date (required for `set`; for `reset` the date being taken back, if given).
    pub date: Option<Date>,
    /// The day the change was recorded in the bronbestand.
    pub recorded_on: Date,
    pub action: Action,
    /// Line in the file (0 for events made in code).
    pub line: u32,
}

/// Parse the events form. Rows read = accepted + rejected; each rejection has line, column and reason.
///
/// ```
/// use versterkingsmonitor::data::bronbestand::events::{parse_events_form, Action};
/// let text = "id,milestone,date,recorded_on,action\nA1,beoordeling,2018-05-01,2018-05-20,set\nA1,beoordeling,,2020-03-02,reset\n";
/// let (events, report) = parse_events_form("e.csv", text).unwrap();
/// assert_eq!(events.len(), 2);
/// assert_eq!(events[1].action, Action::Reset);
/// assert!(report.total().balanced());
/// ```
// `Diagnostic` is the data layer's error type (as for `TableReader::open`); kept for one API.
#[allow(clippy::result_large_err)]
pub fn parse_events_form(file: &str, text: &str) -> Result<(Vec<MilestoneEvent>, LoadReport), Diagnostic> {
    parse_events_form_with(file, text, &ParseOptions::default())
}

/// [`parse_events_form`] with explicit options (the plausible date range).
// `Diagnostic` is the data layer's error type (as for `TableReader::open`); kept for one API.
#[allow(clippy::result_large_err)]
pub fn parse_events_form_with(file: &str, text: &str, options: &ParseOptions) -> Result<(Vec<MilestoneEvent>, LoadReport), Diagnostic> {
    let mut reader = TableReader::open(file, text, &EVENTS_FORM_HEADER)?;
    let mut report = LoadReport::default();
    let mut sink = WarningSink::default();
    let mut out = Vec::new();
    let mut ids: HashMap<Box<str>, Arc<str>> = HashMap::new();
    let mut rejected = 0u64;
    let mut row = Row::default();
    loop {
        match reader.next_row(&mut row) {
            None => break,
            Some(Err(d)) => {
                report.diagnostics.push(d);
                rejected += 1;
            }
            Some(Ok(())) => match event_row(&row, options, &mut ids) {
                Ok(e) => {
                    if let (Action::Set, Some(d)) = (e.action, e.date)
                        && e.recorded_on < d
                    {
                        let place = row.get(3).1;
                        sink.warn(("vastgelegd vóór de datum", "recorded before the date"), || {
                            Diagnostic::warning_at(
                                file,
                                place,
                                Message::Quality {
                                    nl: format!("vastgelegd op {} maar de mijlpaal is pas op {}", e.recorded_on, d),
                                    en: format!("recorded on {} but the milestone is only on {}", e.recorded_on, d),
                                },
                            )
                        });
                    }
                    out.push(e);
                }
                Err((place, msg)) => {
                    report.diagnostics.push(Diagnostic::error_at(file, place, msg));
                    rejected += 1;
                }
            },
        }
    }
    report.files.push((file.to_string(), RowCount { read: reader.rows_read(), accepted: out.len() as u64, rejected }));
    report.diagnostics.extend(sink.finish(file));
    Ok((out, report))
}

fn event_row(row: &Row<'_>, options: &ParseOptions, ids: &mut HashMap<Box<str>, Arc<str>>) -> Result<MilestoneEvent, (Place, Message)> {
    let (id, p) = row.get(0);
    if id.is_empty() {
        return Err((p, Message::Missing { field: "id".into() }));
    }
    if !is_id(id) {
        return Err((p, invalid("id", id, ("een pseudoniem id van letters, cijfers, '-', '_' of '.' (hoogstens 40)", "a pseudonymous id of letters, digits, '-', '_' or '.' (at most 40)"))));
    }
    let (m, p) = row.get(1);
    let field = EventField::parse(m)
        .ok_or_else(|| (p, invalid(
            "milestone",
            m,
            ("de naam van een mijlpaalkolom (lpa, opname, ..., afgerond) of toegevoegd", "a milestone column name (lpa, opname, ..., afgerond) or toegevoegd"),
        )))?;
    let plausible = |name: &str, s: &str, p: Place| -> Result<Date, (Place, Message)> {
        let d = Date::parse(s).map_err(|e| (p, invalid(name, s, e.reason())))?;
        if d < options.earliest || d > options.latest {
            return Err((p, implausible(name, s, options.earliest, options.latest)));
        }
        Ok(d)
    };
    let (a, pa) = row.get(4);
    let action = match a {
        "set" => Action::Set,
        "reset" => Action::Reset,
        "" => return Err((pa, Message::Missing { field: "action".into() })),
        _ => return Err((pa, invalid("action", a, ("set of reset", "set or reset")))),
    };
    let (d, pd) = row.get(2);
    let date = if d.is_empty() {
        if action == Action::Set {
            return Err((pd, Message::Missing { field: "date".into() }));
        }
        None
    } else {
        Some(plausible("date", d, pd)?)
    };
    let (r, pr) = row.get(3);
    if r.is_empty() {
        return Err((pr, Message::Missing { field: "recorded_on".into() }));
    }
    let recorded_on = plausible("recorded_on", r, pr)?;
    let id = match ids.get(id) {
        Some(a) => Arc::clone(a),
        None => {
            let a: Arc<str> = Arc::from(id);
            ids.insert(Box::from(id), Arc::clone(&a));
            a
        }
    };
    Ok(MilestoneEvent { id, field, date, recorded_on, action, line: u32::try_from(row.line).unwrap_or(u32::MAX) })
}

/// What folding found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoldReport {
    /// Events whose id is not in the bronbestand (they are ignored).
    pub unknown_id_events: u64,
    /// The first few unknown ids with the line of their first event.
    pub unknown_ids: Vec<(String, u32)>,
    /// Addresses with at least one event recorded on or before the date.
    pub addresses_with_events: u64,
    /// Milestones that were reset (empty after folding although an earlier event had set them).
    pub resets_in_effect: u64,
}

/// The addresses as known on `as_of`.
///
/// - A date field with events gets the value of its last event recorded on or before `as_of`
///   (`set` → its date, `reset` → empty); with events but none recorded yet, it is empty.
/// - A date field without events keeps the bronbestand's date if that date is on or before
///   `as_of` (a later date was not known yet), else it is empty.
///
/// Events with the same `recorded_on` are applied in file order.
pub fn state_as_known(addresses: &[Address], events: &[MilestoneEvent], as_of: Date) -> (Vec<Address>, FoldReport) {
    let mut report = FoldReport::default();
    let mut by_id: HashMap<&str, Vec<&MilestoneEvent>> = HashMap::new();
    for e in events {
        by_id.entry(&e.id).or_default().push(e);
    }
    let known: std::collections::HashSet<&str> = addresses.iter().map(|a| &*a.id).collect();
    let mut unknown: Vec<(&str, u32)> = events.iter().filter(|e| !known.contains(&*e.id)).map(|e| (&*e.id, e.line)).collect();
    report.unknown_id_events = unknown.len() as u64;
    crate::data::sort::sort_by_key(&mut unknown[..], |&(_, line)| line);
    let mut listed = std::collections::HashSet::new();
    for (id, line) in unknown {
        if listed.len() >= 20 {
            break;
        }
        if listed.insert(id) {
            report.unknown_ids.push((id.to_string(), line));
        }
    }
    let limit = as_of.to_days();
    let out = addresses
        .iter()
        .map(|a| {
            let mut b = a.clone();
            // Mask what was not known yet.
            for m in Milestone::ALL {
                if b.day(m).is_some_and(|d| d > limit) {
                    b.set_date(m, None);
                }
            }
            if b.toegevoegd().is_some_and(|d| d.to_days() > limit) {
                b.set_toegevoegd(None);
            }
            if let Some(evs) = by_id.get(&*a.id) {
                let mut evs: Vec<&&MilestoneEvent> = evs.iter().collect();
                crate::data::sort::sort_by_key(&mut evs[..], |e| (e.recorded_on, e.line));
                let mut touched: Vec<EventField> = Vec::new();
                let mut any = false;
                for e in &evs {
                    if !touched.contains(&e.field) {
                        touched.push(e.field);
                        set_field(&mut b, e.field, None);
                    }
                    if e.recorded_on > as_of {
                        continue;
                    }
                    any = true;
                    let value = match e.action {
                        Action::Set => e.date,
                        Action::Reset => None,
                    };
                    set_field(&mut b, e.field, value);
                }
                if any {
                    report.addresses_with_events += 1;
                }
                for f in touched {
                    let last = evs.iter().rev().find(|e| e.field == f && e.recorded_on <= as_of);
                    if last.is_some_and(|e| e.action == Action::Reset) {
                        report.resets_in_effect += 1;
                    }
                }
            }
            b
        })
        .collect();
    (out, report)
}

fn set_field(a: &mut Address, f: EventField, d: Option<Date>) {
    match f {
        EventField::Toegevoegd => a.set_toegevoegd(d),
        EventField::Milestone(m) => a.set_date(m, d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::breakdown::{Eigenaar, Risicoprofiel};
    use crate::data::gemeente::GemeenteCode;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::Y2K)
    }

    #[test]
    fn a_reset_takes_an_address_back_until_it_is_set_again() {
        let mut a = Address::new("A1", GemeenteCode(24), "Loppersum", 9919, Risicoprofiel::P90, Eigenaar::Particulier);
        a.set_date(Milestone::Opname, Some(d("2017-02-01")));
        a.set_date(Milestone::Beoordeling, Some(d("2021-06-01")));
        let text = "id,milestone,date,recorded_on,action\n\
                    A1,beoordeling,2018-05-01,2018-05-20,set\n\
                    A1,beoordeling,2018-05-01,2020-03-02,reset\n\
                    A1,beoordeling,2021-06-01,2021-06-10,set\n\
                    ZZ,opname,2019-01-01,2019-01-02,set\n";
        let (events, r) = parse_events_form("e.csv", text).unwrap();
        assert_eq!(r.errors(), 0);
        let at = |s: &str| state_as_known(std::slice::from_ref(&a), &events, d(s));
        let (s, rep) = at("2019-01-01");
        assert_eq!(s[0].date(Milestone::Beoordeling), Some(d("2018-05-01")));
        assert_eq!(rep.unknown_id_events, 1);
        assert_eq!(rep.unknown_ids[0].0, "ZZ");
        let (s, rep) = at("2020-07-17");
        assert_eq!(s[0].date(Milestone::Beoordeling), None);
        assert_eq!(s[0].date(Milestone::Opname), Some(d("2017-02-01")));
        assert_eq!(rep.resets_in_effect, 1);
        let (s, _) = at("2022-01-01");
        assert_eq!(s[0].date(Milestone::Beoordeling), Some(d("2021-06-01")));
        // Before anything was recorded the opname date from the wide form is masked too.
        let (s, _) = at("2016-01-01");
        assert_eq!(s[0].date(Milestone::Opname), None);
        assert_eq!(s[0].date(Milestone::Beoordeling), None);
    }

    #[test]
    fn bad_event_rows_are_rejected_and_counted() {
        let text = "id,milestone,date,recorded_on,action\n\
                    A1,bouw,2018-05-01,2018-05-20,set\n\
                    A1,opname,,2018-05-20,set\n\
                    A1,opname,2018-05-01,2018-05-20,undo\n\
                    A1,opname,2018-05-01,,set\n\
                    A1,opname,2018-05-01,2018-05-20,set\n\
                    A1,opname,2018-06-01,2018-05-20,set\n";
        let (events, r) = parse_events_form("e.csv", text).unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(r.total(), RowCount { read: 6, accepted: 2, rejected: 4 });
        assert_eq!(r.errors(), 4);
        assert_eq!(r.warnings(), 1); // recorded before it happened
    }
}
