//! The filter bar's selection in one line, e.g. "Eemsdelta · 2021–2024 · zoals toen gepubliceerd":
//! the summary of the folded filter bar on a phone, and what a printed page says it shows.

use super::{format, labels, texts, Lang};
use crate::analysis::filters::Filters;
use crate::analysis::select::Vintage;
use crate::data::date::Month;
use crate::data::gemeente::GemeenteCode;

/// The selection of the filter bar's fields (gemeente, years, risicoprofiel, eigenaar, batch,
/// version of the figures), with the names of the gemeenten from `gemeenten` (the bar's options). Every field is named, also when it selects
/// everything: the line answers "what am I looking at?" on its own.
pub fn summary(f: &Filters, gemeenten: &[(GemeenteCode, String)], lang: Lang) -> String {
    let t = &texts(lang).trends.filter;
    let mut parts: Vec<String> = Vec::new();
    parts.push(match f.gemeente {
        Some(code) => gemeenten.iter().find(|(c, _)| *c == code).map(|(_, n)| n.clone()).unwrap_or_else(|| code.to_string()),
        None => t.all_gemeenten.to_string(),
    });
    parts.push(years(f.from, f.to, lang));
    if let Some(r) = f.risicoprofiel {
        parts.push(labels::risicoprofiel(r, lang).to_string());
    }
    if let Some(e) = f.eigenaar {
        parts.push(labels::eigenaar(e, lang).to_string());
    }
    if let Some(b) = &f.batch {
        // As the field names it ("opname op verzoek", not the file's "opname_op_verzoek").
        parts.push(format!("{} {}", t.batch, labels::batch(b, lang)));
    }
    parts.push(match f.vintage {
        Vintage::Latest => t.summary_latest,
        Vintage::FirstPublished => t.summary_first,
    }.to_string());
    parts.join(" · ")
}

/// The period: whole years as the bar offers them, a month where the URL names one.
fn years(from: Option<Month>, to: Option<Month>, lang: Lang) -> String {
    let t = &texts(lang).trends.filter;
    let start = |m: Month| if m.month() == 1 { m.year().to_string() } else { format::month(m, lang) };
    let end = |m: Month| if m.month() == 12 { m.year().to_string() } else { format::month(m, lang) };
    match (from, to) {
        (None, None) => t.summary_all_years.to_string(),
        (Some(a), Some(b)) if a.year() == b.year() && a.month() == 1 && b.month() == 12 => a.year().to_string(),
        (Some(a), Some(b)) => format!("{}–{}", start(a), end(b)),
        (Some(a), None) => (t.summary_from)(&start(a)),
        (None, Some(b)) => (t.summary_to)(&end(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::breakdown::Risicoprofiel;

    fn options() -> Vec<(GemeenteCode, String)> {
        GemeenteCode::parse("GM1979").into_iter().map(|c| (c, "Eemsdelta".to_string())).collect()
    }

    #[test]
    fn nothing_selected_names_every_field() {
        assert_eq!(summary(&Filters::default(), &options(), Lang::Nl), "alle gemeenten · alle jaren · laatste stand");
        assert_eq!(summary(&Filters::default(), &options(), Lang::En), "all municipalities · all years · latest revision");
    }

    #[test]
    fn a_selection_is_named_with_the_names_people_know() {
        let f = Filters {
            gemeente: GemeenteCode::parse("GM1979"),
            from: Month::new(2021, 1),
            to: Month::new(2024, 12),
            risicoprofiel: Risicoprofiel::parse("P50"),
            vintage: Vintage::FirstPublished,
            ..Default::default()
        };
        let s = summary(&f, &options(), Lang::Nl);
        assert!(s.starts_with("Eemsdelta · 2021–2024 · "), "{s}");
        assert!(s.ends_with(" · zoals toen gepubliceerd"), "{s}");
        assert_eq!(s.matches(" · ").count(), 3, "{s}");
    }

    #[test]
    fn open_ended_and_single_years_and_months() {
        let y = |a: Option<Month>, b: Option<Month>| years(a, b, Lang::Nl);
        assert_eq!(y(Month::new(2021, 1), None), "vanaf 2021");
        assert_eq!(y(None, Month::new(2024, 12)), "t/m 2024");
        assert_eq!(y(Month::new(2022, 1), Month::new(2022, 12)), "2022");
        let m = y(Month::new(2021, 3), Month::new(2024, 12));
        assert!(m.ends_with("–2024") && !m.starts_with("2021–"), "a month the URL names is said: {m}");
        assert_eq!(years(Month::new(2021, 1), None, Lang::En), "from 2021");
        assert_eq!(years(None, Month::new(2024, 12), Lang::En), "up to 2024");
    }
}
