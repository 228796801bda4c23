//! The Doorlooptijden page's answer in a few lines, above its table ("In het kort"): how long the
//! whole track took and over which addresses, how recent the newest estimate is, and why the page
//! holds several numbers for one step.
//!
//! A task-based review found four numbers for opname → beoordeling on the page (the estimate's
//! median 742 and mean 715 days, SodM's means 580 and 426 further down), all of 2021 or earlier,
//! with nothing that said which one answers "how long does it take?" or how old they are.

use super::estimate::EstimateResult;
use super::exact::ExactResult;
use super::percentiles::Summary;
use crate::analysis::filters::Filters;
use crate::analysis::lead_time_exact::Transition;
use crate::i18n::{format, texts, Lang};

/// "Het hele traject …: de helft van de 3.391 adressen die tussen januari 2017 en december 2021
/// klaar waren, deed er langer over dan 2.066 dagen (5,7 jaar)".
fn whole(s: &Summary, window: &str, estimated: bool, lang: Lang) -> String {
    let t = &texts(lang).doorlooptijden;
    (t.answer_whole)(&format::int(s.n as f64, lang), window, &format::int(s.median, lang), &format::years(s.median, lang), estimated)
}

/// "opname → beoordeling: de helft deed er langer over dan 742 dagen (24,4 maanden)": the chosen
/// step's median in words (a second review: the resident had to find it in the table, in days).
fn chosen(step: Transition, s: &Summary, lang: Lang) -> String {
    let t = &texts(lang).doorlooptijden;
    (t.answer_step)(super::transition_label(step, lang), &format::int(s.median, lang), &format::dec(s.median / super::binning::DAYS_PER_MONTH, 1, lang))
}

/// From the published figures: the whole track's estimate, the chosen step's, the month of the
/// newest estimate of any step (not when a period filter ends the window: then the filter, not the
/// archive, says it), and why SodM's means differ from the table.
pub fn estimated(estimates: &[(Transition, Option<EstimateResult>)], step: Transition, filters: &Filters, lang: Lang) -> Vec<String> {
    let t = &texts(lang).doorlooptijden;
    let mut lines = Vec::new();
    let mut newest = None;
    let mut step_line = None;
    // Whether the whole track's line, which comes first, has said what "another start" is.
    let mut said_other = false;
    for (tr, e) in estimates {
        let Some((a, b)) = e.as_ref().and_then(|e| e.window()) else { continue };
        if newest.is_none_or(|n| b > n) {
            newest = Some(b);
        }
        let Some(s) = e.as_ref().and_then(|e| e.summary.as_ref()) else { continue };
        // How far the median moves with another assumed start (a review: one median to the day
        // for an estimate that rests partly on our assumption).
        let other = e.as_ref().and_then(|e| e.sensitivity).map(|x| x.median);
        if *tr == Transition::Traject {
            let window = (t.answer_between)(&format::month(a.month_of(), lang), &format::month(b.month_of(), lang));
            let years = |(lo, hi): (f64, f64)| format!("{} – {} {}", format::years(lo, lang), format::years(hi, lang), t.years_word);
            said_other |= other.is_some();
            let mut line = whole(s, &window, true, lang);
            if let Some(r) = other {
                line = format!("{line} {}", (t.answer_other_start)(&years(r)));
            }
            if let Some(b) = super::estimate::bias_sentence(Transition::Traject, lang) {
                line = format!("{line} {b}");
            }
            lines.push(line);
        } else if *tr == step {
            step_line = Some((s, other));
        }
    }
    // After the loop: the whole track (the last step) decides whether "another start" was said.
    lines.extend(step_line.map(|(s, other)| match other {
        Some(r) => format!("{} {}", chosen(step, s, lang), (if said_other { t.answer_other_start_again } else { t.answer_other_start })(&super::estimate::range_text(r, lang))),
        None => chosen(step, s, lang),
    }));
    if let (Some(n), None) = (newest, filters.to) {
        lines.push((t.answer_newest)(&format::month(n.month_of(), lang)));
    }
    if !lines.is_empty() {
        lines.push(t.answer_numbers.to_string());
    }
    lines
}

/// From address data: the whole track's exact figure over every address done by the reference
/// date (not under SodM's method, whose table says its own cohort; not where the count is hidden
/// below gemeente level, fewer than 5), and that SodM's means are not of these addresses.
pub fn exact(ex: &ExactResult, step: Transition, suppress: bool, lang: Lang) -> Vec<String> {
    let t = &texts(lang).doorlooptijden;
    let mut lines = Vec::new();
    let shown = |s: &&Summary| !suppress || s.n >= super::binning::SUPPRESS_BELOW as usize;
    if let Some(s) = ex.step(Transition::Traject).filter(|_| ex.choice == super::exact::CohortChoice::All).and_then(|s| s.summary.as_ref()).filter(shown) {
        lines.push(whole(s, &(t.answer_until)(&format::date(ex.reference, lang)), false, lang));
    }
    if let Some(s) = ex.step(step).filter(|_| step != Transition::Traject).and_then(|s| s.summary.as_ref()).filter(shown) {
        lines.push(chosen(step, s, lang));
    }
    lines.push(t.answer_numbers_exact.to_string());
    lines
}
