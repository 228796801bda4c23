//! The straightforward derivation as it was before the single-pass rewrite (one pass over the
//! addresses per lead-time cohort and date, `lead_times` called ~45 times): kept, for the tests
//! only, as the reference the fast [`super::Derivation`] must match value for value.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::*;
use crate::analysis::lead_time_exact::lead_times;

/// Breakdown slots: the total plus one per value of each dimension present in the data.
struct Slots {
    list: Vec<Breakdown>,
    gemeente: BTreeMap<GemeenteCode, usize>,
    batch: BTreeMap<Arc<str>, usize>,
    profiel: BTreeMap<Risicoprofiel, usize>,
    eigenaar: BTreeMap<Eigenaar, usize>,
    categorie: BTreeMap<Categorie, usize>,
}

impl Slots {
    fn build(addresses: &[Address], with_breakdowns: bool) -> Slots {
        let mut s = Slots {
            list: vec![Breakdown::default()],
            gemeente: BTreeMap::new(),
            batch: BTreeMap::new(),
            profiel: BTreeMap::new(),
            eigenaar: BTreeMap::new(),
            categorie: BTreeMap::new(),
        };
        if !with_breakdowns {
            return s;
        }
        let mut g = std::collections::BTreeSet::new();
        let mut b = std::collections::BTreeSet::new();
        let mut r = std::collections::BTreeSet::new();
        let mut e = std::collections::BTreeSet::new();
        let mut c = std::collections::BTreeSet::new();
        for a in addresses {
            g.insert(a.gemeente_nu);
            if let Some(x) = &a.batch {
                b.insert(Arc::clone(x));
            }
            r.insert(a.risicoprofiel);
            e.insert(a.eigenaar);
            if let Some(x) = a.categorie {
                c.insert(x);
            }
        }
        for x in g {
            s.gemeente.insert(x, s.list.len());
            s.list.push(Breakdown { gemeente: Some(x), ..Breakdown::default() });
        }
        for x in b {
            s.batch.insert(Arc::clone(&x), s.list.len());
            s.list.push(Breakdown { batch: Some(Arc::clone(&x)), ..Breakdown::default() });
        }
        for x in r {
            s.profiel.insert(x, s.list.len());
            s.list.push(Breakdown { risicoprofiel: Some(x), ..Breakdown::default() });
        }
        for x in e {
            s.eigenaar.insert(x, s.list.len());
            s.list.push(Breakdown { eigenaar: Some(x), ..Breakdown::default() });
        }
        for x in c {
            s.categorie.insert(x, s.list.len());
            s.list.push(Breakdown { categorie: Some(x), ..Breakdown::default() });
        }
        s
    }

    fn of(&self, a: &Address, out: &mut Vec<usize>) {
        out.clear();
        out.push(0);
        if self.list.len() == 1 {
            return;
        }
        out.extend(self.gemeente.get(&a.gemeente_nu).copied());
        if let Some(b) = &a.batch {
            out.extend(self.batch.get(b).copied());
        }
        out.extend(self.profiel.get(&a.risicoprofiel).copied());
        out.extend(self.eigenaar.get(&a.eigenaar).copied());
        if let Some(c) = a.categorie {
            out.extend(self.categorie.get(&c).copied());
        }
    }
}

/// The month range of the data: first and last month with any date; and the last date.
fn data_months(addresses: &[Address]) -> Option<(Month, Month, i64)> {
    let mut lo = i64::MAX;
    let mut hi = i64::MIN;
    for a in addresses {
        for d in Milestone::ALL.iter().filter_map(|m| a.day(*m)).chain(a.toegevoegd().map(Date::to_days)) {
            lo = lo.min(d);
            hi = hi.max(d);
        }
    }
    if lo > hi {
        return None;
    }
    Some((Date::from_days(lo)?.month_of(), Date::from_days(hi)?.month_of(), hi))
}

/// Lead-time measures: (code, cohort, transition or total).
const LEAD_TIMES: [(&str, Cohort, Option<Transition>); 9] = [
    ("doorlooptijd_opname_beoordeling_afgerond", Cohort::Completed, Some(Transition::OpnameBeoordeling)),
    ("wachttijd_beoordeling_planvorming_afgerond", Cohort::Completed, Some(Transition::BeoordelingPlanvorming)),
    ("doorlooptijd_planvorming_gereed_afgerond", Cohort::Completed, Some(Transition::PlanvormingGereed)),
    ("doorlooptijd_totaal_afgerond", Cohort::Completed, None),
    ("doorlooptijd_opname_beoordeling_in_planvorming", Cohort::InPlanvorming, Some(Transition::OpnameBeoordeling)),
    ("wachttijd_beoordeling_planvorming_in_planvorming", Cohort::InPlanvorming, Some(Transition::BeoordelingPlanvorming)),
    ("doorlooptijd_totaal_in_planvorming", Cohort::InPlanvorming, None),
    ("doorlooptijd_opname_beoordeling_beoordeeld", Cohort::Beoordeeld, Some(Transition::OpnameBeoordeling)),
    ("doorlooptijd_totaal_beoordeeld", Cohort::Beoordeeld, None),
];

/// Derive an [`Archive`] from addresses: one pseudo-publication, the given measures (only those
/// that can be derived get observations), monthly month-end stocks and cumulative counts, monthly
/// flows, values on `spec.extra_dates`, mean lead times at year ends, and (optionally) breakdowns
/// by gemeente (harmonised), batch, risicoprofiel, eigenaar and categorie.
pub fn derive_archive_reference(addresses: &[Address], measures: &[Measure], gemeenten: &Registry, spec: &DeriveSpec) -> Archive {
    let flag = spec.source.flag();
    let note = spec.source.note();
    let source = spec.file.clone();
    let data = data_months(addresses);
    let (first, last) = match spec.months.or_else(|| data.map(|(a, b, _)| (a, b))) {
        Some(r) => r,
        None => (Date::Y2K.month_of(), Date::Y2K.month_of()),
    };
    let last = last.max(first);
    // Month ends, starting one month before `first` so that the first month has a flow.
    let month_count = usize::try_from(last.index() - first.index() + 2).unwrap_or(1);
    let months: Vec<Month> = (0..month_count).filter_map(|i| first.add(i as i64 - 1)).collect();
    let mut ends: Vec<i64> = months.iter().map(|m| m.last_day().to_days()).collect();
    // The last stand on the data's last date, not after it (see `cap_last_end`).
    if spec.months.is_none()
        && let (Some((_, _, hi)), Some(last)) = (data, ends.last_mut())
        && hi < *last
    {
        *last = hi;
    }
    let peildatum = ends.last().and_then(|d| Date::from_days(*d)).unwrap_or(Date::Y2K);
    let publication = Publication {
        id: spec.source.publication_id().to_string(),
        peildatum,
        published: None,
        published_at_latest: false,
        peildatum_stated: true,
        publisher: spec.source.publisher().to_string(),
        quoted_by: None,
        title: spec.title.clone(),
        url: None,
        document: Some(spec.file.clone()),
        file: spec.file.clone(),
        notes: note.clone(),
    };

    let slots = Slots::build(addresses, spec.breakdowns);
    // The rules that apply: measure index, rule, kind.
    let active: Vec<(u32, Rule, &Measure)> = RULES
        .iter()
        .filter_map(|(code, rule)| {
            let i = measures.iter().position(|m| m.code == *code)?;
            Some((u32::try_from(i).ok()?, *rule, measures.get(i)?))
        })
        .collect();

    // Histograms: per (rule, slot) the number of enters and exits per month bucket.
    let nb = ends.len();
    let width = slots.list.len();
    let mut enter = vec![0u32; active.len() * width * nb];
    let mut exit = vec![0u32; active.len() * width * nb];
    let bucket = |d: i64| -> Option<usize> {
        let i = ends.partition_point(|&e| e < d);
        (i < nb).then_some(i)
    };
    let mut my_slots = Vec::with_capacity(6);
    let mut extra_counts = vec![0u64; active.len() * width * spec.extra_dates.len()];
    let extra_days: Vec<i64> = spec.extra_dates.iter().map(|d| d.to_days()).collect();
    for a in addresses {
        let f = Facts::of(a);
        slots.of(a, &mut my_slots);
        for (ri, (_, rule, _)) in active.iter().enumerate() {
            let (en, ex) = match *rule {
                Rule::Event(r) => (event_day(&f, r), None),
                Rule::Stock(r) => match stock_span(&f, r) {
                    Some((a, b)) => (Some(a), b),
                    None => (None, None),
                },
            };
            let Some(en) = en else { continue };
            let (be, bx) = (bucket(en), ex.and_then(bucket));
            for &s in &my_slots {
                let base = (ri * width + s) * nb;
                if let Some(b) = be
                    && let Some(c) = enter.get_mut(base + b)
                {
                    *c += 1;
                }
                if let Some(b) = bx
                    && let Some(c) = exit.get_mut(base + b)
                {
                    *c += 1;
                }
            }
            for (k, &day) in extra_days.iter().enumerate() {
                if counts_on(&f, *rule, day) {
                    for &s in &my_slots {
                        if let Some(c) = extra_counts.get_mut((ri * width + s) * extra_days.len() + k) {
                            *c += 1;
                        }
                    }
                }
            }
        }
    }

    let mut observations = Vec::new();
    let mut push = |measure: u32, period: Period, breakdown: &Breakdown, value: f64| {
        observations.push(Observation {
            publication: 0,
            measure,
            period,
            breakdown: breakdown.clone(),
            value: Some(value),
            flag,
            source: Arc::from(source.as_str()),
            note: Arc::from(note.as_str()),
            line: 0,
        });
    };
    for (ri, (mi, rule, measure)) in active.iter().enumerate() {
        for (s, breakdown) in slots.list.iter().enumerate() {
            let base = (ri * width + s) * nb;
            let en = enter.get(base..base + nb).unwrap_or(&[]);
            let ex = exit.get(base..base + nb).unwrap_or(&[]);
            let mut level = 0i64;
            let mut started = s == 0;
            for (b, month) in months.iter().enumerate() {
                let e_in = i64::from(en.get(b).copied().unwrap_or(0));
                let e_out = i64::from(ex.get(b).copied().unwrap_or(0));
                level += e_in - e_out;
                if b == 0 {
                    continue; // the bucket before the first month only carries the history
                }
                started |= level != 0 || e_in != 0;
                if !started {
                    continue; // no leading zeros for breakdowns
                }
                let end = ends.get(b).and_then(|e| Date::from_days(*e)).unwrap_or_else(|| month.last_day());
                let period_month = Period::Month(*month);
                if measure.kind.allows_date() && measure.holds_on(end) {
                    push(*mi, Period::At(end), breakdown, level.max(0) as f64);
                }
                if matches!(rule, Rule::Event(_))
                    && measure.kind.allows_interval()
                    && matches!(measure.kind, MeasureKind::Cumulative | MeasureKind::Flow)
                    && measure.holds_on(month.first_day())
                    && measure.holds_on(end)
                {
                    push(*mi, period_month, breakdown, e_in as f64);
                }
            }
            for (k, d) in spec.extra_dates.iter().enumerate() {
                if measure.kind.allows_date() && measure.holds_on(*d) && !ends.contains(&d.to_days()) {
                    let v = extra_counts.get((ri * width + s) * spec.extra_dates.len() + k).copied().unwrap_or(0);
                    push(*mi, Period::At(*d), breakdown, v as f64);
                }
            }
        }
    }

    // Mean lead times (totals only) at every year end, the last month end and the extra dates.
    let mut lead_dates: Vec<Date> = months.iter().skip(1).filter(|m| m.month() == 12).map(|m| m.last_day()).filter(|d| *d <= peildatum).collect();
    lead_dates.push(peildatum);
    lead_dates.extend(spec.extra_dates.iter().copied());
    lead_dates.sort();
    lead_dates.dedup();
    let mut cache: Vec<(Date, Cohort, crate::analysis::lead_time_exact::LeadTimes)> = Vec::new();
    for (code, cohort, transition) in LEAD_TIMES {
        let Some(mi) = measures.iter().position(|m| m.code == code).and_then(|i| u32::try_from(i).ok()) else { continue };
        for d in &lead_dates {
            let lt = match cache.iter().position(|(cd, cc, _)| cd == d && *cc == cohort) {
                Some(i) => cache.get(i).map(|c| &c.2),
                None => {
                    cache.push((*d, cohort, lead_times(addresses, *d, cohort, true)));
                    cache.last().map(|c| &c.2)
                }
            };
            let Some(lt) = lt else { continue };
            let value = match transition {
                Some(t) => lt.transition(t).and_then(|x| x.mean()),
                None => lt.chain_total_mean(),
            };
            if let Some(v) = value {
                push(mi, Period::At(*d), &Breakdown::default(), (v * 10.0).round() / 10.0);
            }
        }
    }

    Archive { publications: vec![publication], measures: super::without_breaks(measures), gemeenten: gemeenten.clone(), events: Vec::new(), observations, translations: crate::data::translations::Translations::one(note, spec.source.note_in(crate::i18n::Lang::En)) }
}

