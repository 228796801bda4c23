//! The pace of the last year and a plain forecast: "at this pace, the rest would meet the norm
//! around …". An estimate, and labelled as one: it assumes the pace of the last twelve months
//! (the nearest published value between 9 and 15 months earlier) stays the same.

use super::harmonise::Dated;
use crate::analysis::filters::Filters;
use crate::analysis::select::Vintage;
use crate::analysis::trends::forecast::DEFAULT_TARGET_YEAR;
use crate::analysis::trends::{flow_chart, forecast_chart};
use crate::data::archive::Archive;
use crate::data::date::{Date, Month};
use crate::i18n::{format, texts, Lang};

/// The pace at which addresses came to meet the norm, and where it leads.
#[derive(Clone, Debug, PartialEq)]
pub struct Pace {
    pub from: Date,
    pub to: Date,
    /// Addresses that came to meet the norm between `from` and `to`.
    pub gained: f64,
    /// Per month (of 30.44 days).
    pub per_month: f64,
    /// Werkvoorraad minus those meeting the norm on `to` (when the werkvoorraad is known then).
    pub remaining: Option<f64>,
    /// The month the remaining addresses would be done at this pace (none when the pace is zero
    /// or negative, or beyond 2100).
    pub done_by: Option<Month>,
    /// The publications of its two levels (for the table's source line).
    pub publications: [String; 2],
}

const DAYS_PER_MONTH: f64 = 30.44;

/// Pace from a series of "meets the norm" stocks; `werkvoorraad` gives the remaining work.
pub fn pace(done: &[Dated], werkvoorraad: &[Dated]) -> Option<Pace> {
    let last = done.last()?;
    let target = last.date.to_days() - 365;
    let earlier = done
        .iter()
        .filter(|d| {
            let gap = last.date.to_days() - d.date.to_days();
            (274..=457).contains(&gap)
        })
        .min_by_key(|d| (d.date.to_days() - target).abs())?;
    let months = (last.date.to_days() - earlier.date.to_days()) as f64 / DAYS_PER_MONTH;
    let gained = last.value - earlier.value;
    let per_month = gained / months;
    let remaining = werkvoorraad
        .iter()
        .filter(|w| (w.date.to_days() - last.date.to_days()).abs() <= 31)
        .min_by_key(|w| (w.date.to_days() - last.date.to_days()).abs())
        .map(|w| (w.value - last.value).max(0.0));
    let done_by = match remaining {
        Some(r) if per_month > 0.0 => {
            let ahead = (r / per_month).ceil();
            let m = last.date.month_of();
            (ahead < 900.0).then(|| m.add(ahead as i64)).flatten()
        }
        _ => None,
    };
    let publications = [earlier.provenance.publication.clone(), last.provenance.publication.clone()];
    Some(Pace { from: earlier.date, to: last.date, gained, per_month, remaining, done_by, publications })
}

/// The forecast on Trends, in `vintage`, when it rests on a later pace than the total's: the
/// series that pace is measured on, the forecast, and the latest such pace.
fn later_forecast(archive: &Archive, total: &Pace, vintage: Vintage, lang: Lang) -> Option<(String, forecast_chart::ForecastView, usize)> {
    let (series, trend) = flow_chart::completed_trend(archive, vintage, lang)?;
    let filters = Filters { vintage, ..Filters::default() };
    let f = forecast_chart::build(archive, &filters, DEFAULT_TARGET_YEAR, Some(&trend), lang);
    let later = f.projections.iter().enumerate().filter(|(_, p)| p.basis.end() > total.to).max_by_key(|(_, p)| p.basis.end())?.0;
    Some((series, f, later))
}

/// The comparison's total measures its pace over the year up to the last published level of
/// "voldoet aan de norm" (31 December 2024). When the archive has a later pace (NCG's year
/// figures for 2025, flows without a level), the total's pace and forecast are not the latest
/// word: a sentence for under the table says so, with the later pace (naming the series it is
/// measured on, with its publisher: "Veilig verklaard (NCG)") and the range of the
/// forecast on Trends (which uses both), in the same version of the figures (`vintage`) as the
/// table. `None` when there is no later pace.
pub fn later_pace_note(archive: &Archive, total: &Pace, vintage: Vintage, lang: Lang) -> Option<String> {
    let (series, f, i) = later_forecast(archive, total, vintage, lang)?;
    let later = f.projections.get(i)?;
    let t = &texts(lang).gemeenten;
    Some((t.later_pace)(
        &series,
        // Both stands: "van 30 november 2023 en 31 december 2024" (it said "het jaar tot …" for 13
        // months, and the Overzicht's 400 a month in 2024 is NCG's count of 4.800, not these stands).
        &format::date(total.from, lang),
        &format::date(total.to, lang),
        &format::period(&later.basis, lang),
        &format::int(later.pace, lang),
        &format::int(total.per_month, lang),
        later.pace < total.per_month,
        f.range_text.as_deref().unwrap_or(""),
    ))
}

/// When a later pace than the total's was published: the range in which the forecast on Trends
/// (which carries that later period in) ends, from its earliest to its latest finish, and whether
/// its early end is too favourable (the forecast says so: "… tussen de 2e helft 2027 en de 1e
/// helft 2030; de 2e helft 2027 is te gunstig, want het snelste tempo kan niet terugkomen").
pub fn later_range(archive: &Archive, total: &Pace, vintage: Vintage, lang: Lang) -> Option<(Date, Date, bool)> {
    let (_, f, _) = later_forecast(archive, total, vintage, lang)?;
    let (a, b) = crate::analysis::trends::forecast::finish_range(&f.projections)?;
    Some((a, b, f.early_too_favourable))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::time_chart::Provenance;
    use crate::data::observation::Flag;

    fn v(date: &str, value: f64) -> Dated {
        Dated {
            date: Date::parse(date).unwrap_or(Date::Y2K),
            value,
            provenance: Provenance {
                quoted: false,
                publication: String::new(),
                publication_title: String::new(),
                peildatum: None,
                source: String::new(),
                flag: Flag::Published,
                note: String::new(),
            },
            summed: Vec::new(),
        }
    }

    #[test]
    fn pace_over_the_published_stocks() {
        // NCG: 11.451 on 30-11-2023 (news 21-12-2023), 12.997 on 31-03-2024, 16.596 on
        // 31-12-2024 (jaarcijfers 2024), werkvoorraad 27.713. The value nearest a year earlier is
        // November 2023 (397 days).
        let done = [v("2022-12-31", 8065.0), v("2023-11-30", 11451.0), v("2024-03-31", 12997.0), v("2024-12-31", 16596.0)];
        let wv = [v("2024-12-31", 27713.0)];
        let p = pace(&done, &wv).unwrap();
        assert_eq!(p.from, Date::parse("2023-11-30").unwrap());
        assert!((p.per_month - 5145.0 / (397.0 / 30.44)).abs() < 1e-9);
        assert_eq!(p.remaining, Some(11117.0));
        // 11.117 / 394,5 per month = 28.2 → 29 months after December 2024: May 2027.
        assert_eq!(p.done_by, Month::new(2027, 5));
        // No value 9 to 15 months earlier: no pace.
        assert_eq!(pace(&done[3..], &wv), None);
    }
}
