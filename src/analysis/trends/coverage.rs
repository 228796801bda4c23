//! What the filters can offer, and what to say when a selection has no published figures. NCG
//! publishes few breakdowns (docs/data-coverage.md): risk profile and owner only in SodM's 2020
//! report, per gemeente only what four gemeenten published in their plans of approach, no
//! batches. The filter bar offers only values that exist, and a view says "NCG publiceert dit niet
//! per …" instead of showing an empty chart.

use super::sorting::{sort_by_key, sort_unique};
use crate::analysis::filters::Filters;
use crate::analysis::provenance::publisher_label;
use crate::data::archive::Archive;
use crate::data::breakdown::{Eigenaar, Risicoprofiel};
use crate::data::gemeente::GemeenteCode;
use crate::i18n::{format, labels, texts, Lang};

/// The values that occur in the data, per filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterOptions {
    /// Today's gemeenten (harmonised) with published figures, with their names.
    pub gemeenten: Vec<(GemeenteCode, String)>,
    pub batches: Vec<String>,
    pub risicoprofielen: Vec<Risicoprofiel>,
    pub eigenaren: Vec<Eigenaar>,
    /// First and last year with any figure.
    pub years: Option<(i32, i32)>,
}

/// What a field of the filter bar shows instead of a select that offers no choice: every one of
/// its options would show the same figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixed {
    /// No figure of this breakdown is published (NCG publishes none per batch): the select held
    /// only "alle".
    NotPublished,
    /// All figures fall in one year: "alle jaren" and that year show the same.
    Year(i32),
}

impl FilterOptions {
    /// Per field of the filter bar (in `FILTER_BAR_PARAMS`' order): `None` where its select offers
    /// a choice, else what to say instead. A resident opened the batch select and found only "alle":
    /// nothing could change. A breakdown with one value keeps its select ("alle" or that value show
    /// different figures), and so does a field set in the address (a value without figures from an
    /// old link, which the reader must be able to put back to "alle"). The vintage always offers two.
    pub fn fixed(&self, f: &Filters) -> [Option<Fixed>; 7] {
        let none = |values: usize, set: bool| (values == 0 && !set).then_some(Fixed::NotPublished);
        let year = |set: bool| match self.years {
            Some((a, b)) if a == b && !set => Some(Fixed::Year(a)),
            _ => None,
        };
        [
            none(self.gemeenten.len(), f.gemeente.is_some()),
            none(self.batches.len(), f.batch.is_some()),
            none(self.risicoprofielen.len(), f.risicoprofiel.is_some()),
            none(self.eigenaren.len(), f.eigenaar.is_some()),
            year(f.from.is_some()),
            year(f.to.is_some()),
            None,
        ]
    }
}

/// Collect the filter options of an archive.
pub fn filter_options(archive: &Archive) -> FilterOptions {
    let mut o = FilterOptions::default();
    let mut years: Option<(i32, i32)> = None;
    for obs in &archive.observations {
        let b = &obs.breakdown;
        if let Some(g) = b.gemeente {
            let g = archive.gemeenten.harmonise(g);
            if !o.gemeenten.iter().any(|(c, _)| *c == g) {
                let name = archive.gemeenten.get(g).map(|x| x.name.clone()).unwrap_or_else(|| g.to_string());
                o.gemeenten.push((g, name));
            }
        }
        if let Some(x) = b.batch.as_deref() && !o.batches.iter().any(|y| y == x) {
            o.batches.push(x.to_string());
        }
        if let Some(r) = b.risicoprofiel && !o.risicoprofielen.contains(&r) {
            o.risicoprofielen.push(r);
        }
        if let Some(e) = b.eigenaar && !o.eigenaren.contains(&e) {
            o.eigenaren.push(e);
        }
        let (s, e) = (obs.period.start().map(|d| d.year()).unwrap_or(obs.period.end().year()), obs.period.end().year());
        years = Some(years.map_or((s, e), |(a, b)| (a.min(s), b.max(e))));
    }
    sort_by_key(&mut o.gemeenten, |g| g.1.clone());
    sort_by_key(&mut o.batches, |b| b.clone());
    sort_by_key(&mut o.risicoprofielen, |r| *r);
    sort_by_key(&mut o.eigenaren, |e| *e);
    o.years = years;
    o
}

/// Sentences for every filter value that has no published figure at all ("NCG publiceert geen
/// cijfers per batch"), and, when the selection as a whole exists, which publications have it.
pub fn notices(archive: &Archive, filters: &Filters, lang: Lang) -> Vec<String> {
    let t = &texts(lang).trends;
    let opts = filter_options(archive);
    let mut out = Vec::new();
    if let Some(g) = filters.gemeente && !opts.gemeenten.iter().any(|(c, _)| *c == g) {
        let name = archive.gemeenten.get(g).map(|x| x.name.clone()).unwrap_or_else(|| g.to_string());
        // The gemeenten that do have figures, from the archive (the text named only Eemsdelta
        // until the plans of approach of 2020 came in).
        let with: Vec<&str> = opts.gemeenten.iter().map(|(_, n)| n.as_str()).collect();
        out.push((t.not_published_gemeente)(&name, &with.join(", ")));
    }
    if let Some(b) = &filters.batch && !opts.batches.contains(b) {
        out.push((t.not_published_batch)(b));
    }
    if let Some(r) = filters.risicoprofiel && !opts.risicoprofielen.contains(&r) {
        out.push((t.not_published_other)(labels::risicoprofiel(r, lang)));
    }
    if let Some(e) = filters.eigenaar && !opts.eigenaren.contains(&e) {
        out.push((t.not_published_other)(labels::eigenaar(e, lang)));
    }
    let bd = filters.breakdown();
    if out.is_empty() && !bd.is_total() {
        out.push(where_published(archive, filters, lang));
    }
    out
}

/// "Voor deze selectie bestaan alleen cijfers uit: SodM (17 juli 2020), …"
pub fn where_published(archive: &Archive, filters: &Filters, lang: Lang) -> String {
    let t = &texts(lang).trends;
    let bd = filters.breakdown();
    let matching: Vec<&crate::data::observation::Observation> = archive.observations.iter().filter(|o| super::observe::matches(archive, &o.breakdown, &bd)).collect();
    // A publication is used when one of its figures is the whole selection; one with figures for
    // only some of the old gemeenten of a merged one (Loppersum of Eemsdelta's three) is not, and
    // is named apart (it was named as if the charts used it).
    let (mut used, mut parts): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for o in &matching {
        let group: Vec<&crate::data::observation::Observation> = matching.iter().copied().filter(|x| x.publication == o.publication && x.measure == o.measure && x.period == o.period).collect();
        if super::observe::whole(archive, &bd, o.period, &group) { used.push(o.publication) } else { parts.push(o.publication) }
    }
    sort_unique(&mut used);
    sort_unique(&mut parts);
    parts.retain(|p| !used.contains(p));
    let name = |list: &[u32]| -> Vec<String> {
        list.iter().filter_map(|&i| archive.publication(i)).map(|p| format!("{} ({})", publisher_label(p, lang), format::date(p.peildatum, lang))).collect()
    };
    let (names, part_names) = (name(&used), name(&parts));
    let mut out = if names.is_empty() { t.selection_none.to_string() } else { (t.selection_only)(&names.join("; ")) };
    if !part_names.is_empty() {
        out.push(' ');
        out.push_str(&(t.selection_parts)(&part_names.join("; ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::trends::testkit::{archive, Pub};

    #[test]
    fn options_only_for_values_that_exist() {
        let a = archive(&[Pub {
            id: "p",
            peildatum: "2020-07-17",
            publisher: "SodM",
            rows: "werkvoorraad,2020-07-17,,,P50,,,3418,published,t,\nwerkvoorraad,2020-07-17,GM0024,,,,,100,published,t,\n",
        }]);
        let o = filter_options(&a);
        assert_eq!(o.risicoprofielen, vec![Risicoprofiel::P50]);
        // Loppersum's figures count for Eemsdelta today.
        assert_eq!(o.gemeenten, vec![(GemeenteCode(1979), "Eemsdelta".to_string())]);
        assert!(o.batches.is_empty());
        let f = Filters { batch: Some("1581".into()), ..Filters::default() };
        let n = notices(&a, &f, Lang::Nl);
        assert_eq!(n.len(), 1);
        assert!(n[0].contains("batch"), "{}", n[0]);
        let f = Filters { risicoprofiel: Some(Risicoprofiel::P50), ..Filters::default() };
        assert!(notices(&a, &f, Lang::Nl)[0].contains("SodM (17 juli 2020)"));
    }

    #[test]
    fn a_field_without_a_choice_is_not_offered_as_one() {
        // Regression: the batch select held only "alle" (NCG publishes no batches): a resident
        // opened it and nothing could change. So for a single year of figures ("alle jaren" or
        // that year show the same).
        let a = archive(&[Pub {
            id: "p",
            peildatum: "2020-07-17",
            publisher: "SodM",
            rows: "werkvoorraad,2020-07-17,,,P50,,,3418,published,t,\nwerkvoorraad,2020-07-17,,,,corporatie,,500,published,t,\n",
        }]);
        let o = filter_options(&a);
        let none = Filters::default();
        use Fixed::*;
        // Gemeente and batch: nothing published; risicoprofiel and eigenaar: one value each, still a
        // choice (it shows other figures than "alle"); one year; the vintage always a choice.
        assert_eq!(o.fixed(&none), [Some(NotPublished), Some(NotPublished), None, None, Some(Year(2020)), Some(Year(2020)), None]);
        // A value in the address (an old link) keeps its select, to be put back to "alle".
        let set = Filters::from_query([("batch", "1581"), ("van", "2020-01")], None);
        assert_eq!(o.fixed(&set), [Some(NotPublished), None, None, None, None, Some(Year(2020)), None]);
        // Two years: a choice.
        let b = archive(&[
            Pub { id: "p", peildatum: "2020-07-17", publisher: "SodM", rows: "werkvoorraad,2020-07-17,GM0024,,,,,100,published,t,\n" },
            Pub { id: "q", peildatum: "2021-07-17", publisher: "SodM", rows: "werkvoorraad,2021-07-17,GM1979,1581,,,,90,published,t,\n" },
        ]);
        assert_eq!(filter_options(&b).fixed(&none), [None, None, Some(NotPublished), Some(NotPublished), None, None, None]);
    }
}
