//! Coverage of the archive: which measures exist in which publications (vintages), for which
//! periods and with which breakdowns. Shown on the "Data & bronnen" page as one compact table
//! (measures as rows, the years of the publications' peildata as columns, the number of
//! observations in each cell), so a reader sees at a glance what the archive can and cannot
//! answer. `docs/data-coverage.md` is the long, hand-written version of the same facts.
//!
//! ```
//! use versterkingsmonitor::analysis::coverage::coverage;
//! use versterkingsmonitor::data::archive::Archive;
//! let c = coverage(&Archive::default());
//! assert!(c.rows.is_empty() && c.years.is_empty());
//! ```

use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::data::archive::{Archive, LoadReport, parse_observations};
use crate::data::breakdown::Breakdown;
use crate::data::date::Date;
use crate::data::diagnostic::Diagnostic;
use crate::data::observation::Flag;
use crate::data::period::Period;
use crate::data::publication::Publication;
use crate::data::quality::{self, QualityFinding};
use crate::i18n::{format, texts, Lang};

/// The breakdown dimensions, in the order of the publication files' columns.
pub const DIMENSIONS: [&str; 5] = ["gemeente", "batch", "risicoprofiel", "eigenaar", "categorie"];

/// Which breakdown dimensions a breakdown uses, indexed like [`DIMENSIONS`].
pub fn dimensions_of(b: &Breakdown) -> [bool; 5] {
    [b.gemeente.is_some(), b.batch.is_some(), b.risicoprofiel.is_some(), b.eigenaar.is_some(), b.categorie.is_some()]
}

/// One measure across the archive.
#[derive(Clone, Debug, PartialEq)]
pub struct CoverageRow {
    /// Index into `Archive::measures`.
    pub measure: u32,
    pub code: String,
    pub group: String,
    /// Observations per column of [`Coverage::years`].
    pub counts: Vec<u32>,
    /// Distinct publications per column.
    pub publications: Vec<u32>,
    /// All observations of the measure.
    pub total: u32,
    /// Distinct (normalised) periods.
    pub periods: u32,
    /// The period that ends first and the one that ends last.
    pub first: Option<Period>,
    pub last: Option<Period>,
    /// Breakdown dimensions that occur, indexed like [`DIMENSIONS`]; `totals` when the overall
    /// total (no breakdown) occurs.
    pub dimensions: [bool; 5],
    pub totals: bool,
}

/// The coverage table of an archive.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    /// Columns: the years of the publications' peildata, ascending.
    pub years: Vec<i32>,
    /// Publications per column.
    pub publications_per_year: Vec<u32>,
    /// Rows: measures with at least one observation, in the order of `maten.csv`.
    pub rows: Vec<CoverageRow>,
    /// Observations per column.
    pub column_totals: Vec<u32>,
    /// Measures declared in `maten.csv` without any observation in the archive.
    pub measures_without: usize,
    /// All observations.
    pub total: u32,
}

/// Count the observations per measure and year of the publication's peildatum.
///
/// Small sets are plain vectors here (an archive has hundreds of observations, not millions):
/// less code in the browser bundle than ordered sets and sorting.
pub fn coverage(archive: &Archive) -> Coverage {
    let mut years: Vec<i32> = Vec::new();
    for p in &archive.publications {
        let y = p.peildatum.year();
        if !years.contains(&y) {
            years.push(y);
        }
    }
    crate::data::sort::sort(&mut years[..]);
    let col = |p: u32| archive.publication(p).and_then(|p| years.iter().position(|y| *y == p.peildatum.year()));
    let publications_per_year =
        years.iter().map(|y| archive.publications.iter().filter(|p| p.peildatum.year() == *y).count() as u32).collect();
    let n = years.len();
    // Per measure: the row, the publications seen and the periods seen.
    type Acc = (CoverageRow, Vec<u32>, Vec<Period>);
    let mut rows: Vec<Option<Acc>> = vec![None; archive.measures.len()];
    let mut column_totals = vec![0u32; n];
    for o in &archive.observations {
        let (Some(slot), Some(m), Some(c)) = (rows.get_mut(o.measure as usize), archive.measure(o.measure), col(o.publication)) else {
            continue;
        };
        let (row, pubs, periods) = slot.get_or_insert_with(|| {
            (
                CoverageRow {
                    measure: o.measure,
                    code: m.code.clone(),
                    group: m.group.clone(),
                    counts: vec![0; n],
                    publications: vec![0; n],
                    total: 0,
                    periods: 0,
                    first: None,
                    last: None,
                    dimensions: [false; 5],
                    totals: false,
                },
                Vec::new(),
                Vec::new(),
            )
        });
        if let Some(x) = row.counts.get_mut(c) {
            *x += 1;
        }
        if let Some(x) = column_totals.get_mut(c) {
            *x += 1;
        }
        if !pubs.contains(&o.publication) {
            pubs.push(o.publication);
            if let Some(x) = row.publications.get_mut(c) {
                *x += 1;
            }
        }
        let period = o.period.normalised();
        if !periods.contains(&period) {
            periods.push(period);
        }
        row.total += 1;
        for (d, used) in row.dimensions.iter_mut().zip(dimensions_of(&o.breakdown)) {
            *d |= used;
        }
        row.totals |= o.breakdown.is_total();
        let key = |p: &Period| (p.end(), p.start());
        if row.first.as_ref().is_none_or(|f| key(&o.period) < key(f)) {
            row.first = Some(o.period);
        }
        if row.last.as_ref().is_none_or(|l| key(&o.period) > key(l)) {
            row.last = Some(o.period);
        }
    }
    // Rows in the order of maten.csv (grouped there by group and process order).
    let out: Vec<CoverageRow> = rows
        .into_iter()
        .flatten()
        .map(|(mut r, _, periods)| {
            r.periods = periods.len() as u32;
            r
        })
        .collect();
    let total = out.iter().map(|r| r.total).sum();
    Coverage { years, publications_per_year, measures_without: archive.measures.len() - out.len(), rows: out, column_totals, total }
}

/// Per publication: observations, measures, breakdown dimensions and flags.
#[derive(Clone, Debug, PartialEq)]
pub struct PublicationCoverage {
    /// Index into `Archive::publications`.
    pub publication: u32,
    pub observations: u32,
    /// Distinct measures.
    pub measures: u32,
    /// Breakdown dimensions used, indexed like [`DIMENSIONS`].
    pub dimensions: [bool; 5],
    /// Observations per flag (only flags that occur), in [`Flag`] order.
    pub flags: Vec<(Flag, u32)>,
}

/// The flags in the order [`PublicationCoverage::flags`] lists them.
const FLAGS: [Flag; 6] = [Flag::Published, Flag::Approximate, Flag::Derived, Flag::Estimated, Flag::Suppressed, Flag::Synthetic];

/// One entry per publication of the archive, in the archive's order (by peildatum).
pub fn by_publication(archive: &Archive) -> Vec<PublicationCoverage> {
    let n = archive.publications.len();
    let mut obs = vec![0u32; n];
    let mut dims = vec![[false; 5]; n];
    let mut flags = vec![[0u32; 6]; n];
    let mut measures: Vec<Vec<u32>> = vec![Vec::new(); n];
    for o in &archive.observations {
        let i = o.publication as usize;
        let (Some(c), Some(d), Some(f), Some(ms)) = (obs.get_mut(i), dims.get_mut(i), flags.get_mut(i), measures.get_mut(i)) else {
            continue;
        };
        *c += 1;
        if !ms.contains(&o.measure) {
            ms.push(o.measure);
        }
        for (d, used) in d.iter_mut().zip(dimensions_of(&o.breakdown)) {
            *d |= used;
        }
        if let Some(k) = FLAGS.iter().position(|x| *x == o.flag).and_then(|k| f.get_mut(k)) {
            *k += 1;
        }
    }
    (0..n)
        .map(|i| PublicationCoverage {
            publication: u32::try_from(i).unwrap_or(u32::MAX),
            observations: obs.get(i).copied().unwrap_or(0),
            measures: measures.get(i).map(|m| m.len() as u32).unwrap_or(0),
            dimensions: dims.get(i).copied().unwrap_or([false; 5]),
            flags: flags
                .get(i)
                .map(|f| FLAGS.iter().zip(f).filter(|(_, n)| **n > 0).map(|(fl, n)| (*fl, *n)).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// The names of the dimensions used, e.g. `gemeente, risicoprofiel`; `totaal` / `total` when
/// only the overall total occurs.
pub fn dimensions_text(dims: &[bool; 5], lang: Lang) -> String {
    let used: Vec<&str> = texts(lang).bronnen.dimension_names.iter().zip(dims).filter(|(_, u)| **u).map(|(d, _)| *d).collect();
    if used.is_empty() { texts(lang).bronnen.coverage_total_only.to_string() } else { used.join(", ") }
}

/// A period in few characters: dates as `17-07-2020` / `17 Jul 2020`, the rest in words.
fn compact_period(p: &Period, lang: Lang) -> String {
    match p {
        Period::At(d) => format::date_short(*d, lang),
        _ => format::period(p, lang),
    }
}

/// The coverage as a table: measure (label; the code is in the row's `series` attribute), one column per year with the number of
/// observations (empty when none), the periods covered and the breakdowns.
pub fn coverage_table(archive: &Archive, c: &Coverage, lang: Lang) -> TableModel {
    let t = &texts(lang).bronnen;
    let mut columns = vec![Column { label: t.coverage_col_measure.to_string(), numeric: false, title: None }];
    columns.extend(c.years.iter().map(|y| Column { label: y.to_string(), numeric: true, title: None }));
    columns.push(Column { label: t.coverage_col_periods.to_string(), numeric: false, title: None });
    columns.push(Column { label: t.coverage_col_breakdowns.to_string(), numeric: false, title: None });
    let rows = c
        .rows
        .iter()
        .map(|r| {
            let label = archive.measure(r.measure).map(|m| m.label(lang).to_string()).unwrap_or_default();
            let mut cells = vec![Cell::text(label)];
            cells.extend(r.counts.iter().map(|&n| if n == 0 { Cell::text("") } else { Cell::num(format::int(f64::from(n), lang), f64::from(n)) }));
            let periods = match (&r.first, &r.last) {
                (Some(f), Some(l)) if f == l => compact_period(f, lang),
                (Some(f), Some(l)) => (t.coverage_periods)(r.periods as usize, &compact_period(f, lang), &compact_period(l, lang)),
                _ => String::new(),
            };
            cells.push(Cell::text(periods));
            let mut dims = dimensions_text(&r.dimensions, lang);
            if r.dimensions.iter().any(|d| *d) && r.totals {
                dims = format!("{} + {dims}", t.coverage_total_only);
            }
            cells.push(Cell::text(dims));
            Row { attrs: vec![("series".into(), r.code.clone())], cells }
        })
        .collect();
    TableModel { caption: (t.coverage_caption)(c.rows.len(), &format::int(f64::from(c.total), lang)), columns, rows }
}

/// Publication id given to a canonical publication file the user loads to check it.
pub const EXTRA_PUBLICATION: &str = "eigen-publicatie";

/// A canonical publication file checked against an archive: its rows (read = accepted +
/// rejected, every rejection with its place), what it covers, and the quality findings that
/// involve it when it is put next to the archive (revisions of published values above all).
#[derive(Clone, Debug, PartialEq)]
pub struct ExtraPublication {
    /// Rows, diagnostics (errors and warnings) of reading the file.
    pub report: LoadReport,
    pub observations: usize,
    /// Distinct measure codes, in the archive's order.
    pub measures: Vec<String>,
    /// The period that ends first and the one that ends last.
    pub first: Option<Period>,
    pub last: Option<Period>,
    /// Findings of [`quality::findings`] over the archive plus this file that involve the file.
    pub findings: Vec<QualityFinding>,
}

impl ExtraPublication {
    /// The sentence under the balance (what the file holds) and the line before the findings
    /// ("compared with the archive:" or "no differences found"). When no figure could be read,
    /// the sentence says so, with the number of rejected rows, and there is no comparison line:
    /// a file of rejected rows was "0 cijfers over 0 maten, perioden – ." and "Geen verschillen
    /// met het archief gevonden.".
    pub fn summary(&self, lang: Lang) -> (String, Option<&'static str>) {
        let t = &texts(lang).bronnen;
        if self.observations == 0 {
            return ((t.pubcheck_nothing)(&format::int(self.report.total().rejected as f64, lang)), None);
        }
        let period = |p: &Option<Period>| p.as_ref().map(|p| format::period(p, lang)).unwrap_or_default();
        let contents = (t.pubcheck_contents)(self.observations, self.measures.len(), &period(&self.first), &period(&self.last));
        (contents, Some(if self.findings.is_empty() { t.pubcheck_no_findings } else { t.pubcheck_findings }))
    }
}

/// Read `text` as a publication file (`publicaties/<id>.csv` format) against the archive's
/// measures and gemeenten, and compare it with the archive. The file is treated as a publication
/// with peildatum = the latest end of its periods (the file does not say). `Err` only when the
/// file as a whole is unusable (empty, wrong header).
// `Diagnostic` is the data layer's error type (as for `parse_observations`); kept for one API.
#[allow(clippy::result_large_err)]
pub fn extra_publication(archive: &Archive, file: &str, text: &str) -> Result<ExtraPublication, Diagnostic> {
    let idx = u32::try_from(archive.publications.len()).unwrap_or(u32::MAX);
    let mut report = LoadReport::default();
    let obs = parse_observations(file, text, idx, &archive.measures, &archive.gemeenten, &mut report)?;
    let key = |p: &Period| (p.end(), p.start());
    let first = obs.iter().map(|o| o.period).min_by_key(key);
    let last = obs.iter().map(|o| o.period).max_by_key(key);
    let mut used = vec![false; archive.measures.len()];
    for o in &obs {
        if let Some(u) = used.get_mut(o.measure as usize) {
            *u = true;
        }
    }
    let measures = archive.measures.iter().zip(&used).filter(|(_, u)| **u).map(|(m, _)| m.code.clone()).collect();
    let observations = obs.len();
    let mut combined = archive.clone();
    combined.publications.push(Publication {
        id: EXTRA_PUBLICATION.to_string(),
        peildatum: last.map(|p| p.end()).unwrap_or(Date::Y2K),
        published: None,
        published_at_latest: false,
        peildatum_stated: true,
        publisher: String::new(),
        quoted_by: None,
        title: file.to_string(),
        url: None,
        document: Some(file.to_string()),
        file: file.to_string(),
        notes: String::new(),
    });
    combined.observations.extend(obs);
    let findings = quality::findings(&combined).into_iter().filter(|f| f.publications.iter().any(|p| p == EXTRA_PUBLICATION)).collect();
    Ok(ExtraPublication { report, observations, measures, first, last, findings })
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // the file reader of `assemble` returns the data layer's Diagnostic
mod tests {
    use super::*;
    use crate::data::archive::assemble;
    use crate::data::diagnostic::{Diagnostic, Message};
    use crate::data::publication::parse_manifest;

    fn archive() -> Archive {
        let m = parse_manifest(
            "manifest.json",
            r#"{"format": "versterkingsmonitor-archief", "version": 1, "measures": "maten.csv",
            "gemeenten": "gemeenten.csv", "events": "gebeurtenissen.csv", "publications": [
            {"id": "a", "peildatum": "2020-07-17", "publisher": "SodM", "title": "t", "document": "d", "file": "a.csv"},
            {"id": "b", "peildatum": "2020-12-31", "publisher": "NCG", "title": "t", "url": "https://x.nl/b", "file": "b.csv"},
            {"id": "c", "peildatum": "2022-07-31", "publisher": "NCG", "title": "t", "url": "https://x.nl/c", "file": "c.csv"}]}"#,
        )
        .unwrap();
        let (a, _) = assemble(&m, |f| {
            Ok(match f {
                "maten.csv" => "code,kind,unit,group,order,label_nl,label_en,definition_nl,definition_en,valid_from,valid_to,replaces,comparable_with\n\
                    werkvoorraad,stock,addresses,omvang,0,Werkvoorraad,Caseload,,,,,,\n\
                    opname,cumulative,addresses,mijlpaal,10,Opname,Inspection,,,,,,\n\
                    beoordeling,cumulative,addresses,mijlpaal,20,Beoordeling,Assessment,,,,,,\n",
                "gemeenten.csv" => "code,name,valid_from,valid_to,successor,in_operation\nGM0014,Groningen,,,,yes\n",
                "gebeurtenissen.csv" => "date,kind,measures,text_nl,text_en,source\n",
                "a.csv" => "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n\
                    opname,2020-07-17,,,,,,15967,published,t,\n\
                    opname,2020-07-17,,,P50,,,3418,published,t,\n\
                    opname,2019-H1,,,,,,500,published,t,\n",
                "b.csv" => "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n\
                    opname,2020,GM0014,,,,,100,approximate,t,\n",
                "c.csv" => "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n\
                    werkvoorraad,2022-07-31,,,,,,27234,published,t,\n",
                _ => return Err(Diagnostic::error(f, 0, 0, Message::CannotRead { reason: "?".into() })),
            }
            .to_string())
        })
        .unwrap();
        a
    }

    #[test]
    fn counts_per_measure_and_year() {
        let a = archive();
        let c = coverage(&a);
        assert_eq!(c.years, [2020, 2022]);
        assert_eq!(c.publications_per_year, [2, 1]);
        assert_eq!(c.total, 5);
        assert_eq!(c.measures_without, 1); // beoordeling
        // Grouped as in maten.csv: omvang before mijlpaal.
        assert_eq!(c.rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["werkvoorraad", "opname"]);
        let opname = &c.rows[1];
        assert_eq!(opname.counts, [4, 0]);
        assert_eq!(opname.publications, [2, 0]);
        assert_eq!(opname.periods, 3);
        assert_eq!(opname.first.map(|p| p.to_string()), Some("2019-H1".into()));
        assert_eq!(opname.last.map(|p| p.to_string()), Some("2020".into()));
        assert_eq!(opname.dimensions, [true, false, true, false, false]);
        assert!(opname.totals);
        assert_eq!(c.column_totals, [4, 1]);
    }

    #[test]
    fn per_publication() {
        let a = archive();
        let p = by_publication(&a);
        assert_eq!(p.iter().map(|p| p.observations).collect::<Vec<_>>(), [3, 1, 1]);
        assert_eq!(p[0].measures, 1);
        assert_eq!(p[0].flags, [(Flag::Published, 3)]);
        assert_eq!(p[1].flags, [(Flag::Approximate, 1)]);
        assert_eq!(p[1].dimensions, [true, false, false, false, false]);
    }

    #[test]
    fn an_extra_publication_is_checked_and_compared() {
        let a = archive();
        let text = "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n\
            opname,2020-07-17,,,,,,16000,published,t,\n\
            opname,2020-07-17,,,P70,,,1,published,t,\n\
            onbekend,2020-07-17,,,,,,1,published,t,\n\
            werkvoorraad,2022-07-31,,,,,,27234,published,t,\n";
        let x = extra_publication(&a, "mijn.csv", text).unwrap();
        let t = x.report.total();
        assert_eq!((t.read, t.accepted, t.rejected), (4, 2, 2));
        assert_eq!(x.observations, 2);
        assert_eq!(x.measures, ["werkvoorraad", "opname"]);
        assert_eq!(x.last.map(|p| p.to_string()), Some("2022-07-31".into()));
        // 15967 in publication a, 16000 here: a revision. The same werkvoorraad is not.
        assert_eq!(x.findings.len(), 1);
        assert_eq!(x.findings[0].kind, quality::FindingKind::Revision);
        assert_eq!(x.findings[0].values, [("a".to_string(), 15967.0), (EXTRA_PUBLICATION.to_string(), 16000.0)]);
        assert!(extra_publication(&a, "x.csv", "a;b\n").is_err());
    }

    /// Regression: a publication file whose every row was rejected said "0 cijfers over 0 maten,
    /// perioden – ." and then "Geen verschillen met het archief gevonden.". It now says that no
    /// figure could be read, with the number of rejected rows, and claims no comparison.
    #[test]
    fn a_file_with_no_figure_read_says_so_and_claims_no_comparison() {
        let a = archive();
        let head = "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n";
        let bad = format!("{head}onbekend,2020-07-17,,,,,,1,published,t,\nopname,2020-07-17,,,,,,-1,published,t,\nopname,2020-13-01,,,,,,1,published,t,\n");
        let x = extra_publication(&a, "mijn.csv", &bad).unwrap();
        assert_eq!((x.observations, x.report.total().rejected), (0, 3));
        let (nl, compared) = x.summary(Lang::Nl);
        assert_eq!(
            nl,
            "Er kon geen enkel cijfer uit het bestand worden gelezen: alle 3 regels zijn afgewezen (hieronder staat per regel waarom). Er is dus ook niets met het archief vergeleken."
        );
        assert_eq!(compared, None);
        let (en, compared) = x.summary(Lang::En);
        assert!(en.starts_with("No figure could be read from the file: all 3 lines were rejected"), "{en}");
        assert_eq!(compared, None);
        // One rejected line; only a header.
        let one = extra_publication(&a, "mijn.csv", &format!("{head}onbekend,2020-07-17,,,,,,1,published,t,\n")).unwrap();
        assert!(one.summary(Lang::Nl).0.contains("de enige regel is afgewezen"));
        let empty = extra_publication(&a, "mijn.csv", head).unwrap();
        assert!(empty.summary(Lang::Nl).0.starts_with("Het bestand heeft een kopregel maar geen regels daaronder"));
        assert_eq!(empty.summary(Lang::Nl).1, None);
        // One figure: singular, one period, and the comparison is said.
        let good = extra_publication(&a, "mijn.csv", &format!("{head}opname,2020-07-17,,,,,,15967,published,t,\n")).unwrap();
        assert_eq!(good.summary(Lang::Nl), ("1 cijfer over 1 maat, periode 17 juli 2020.".to_string(), Some(texts(Lang::Nl).bronnen.pubcheck_no_findings)));
        assert_eq!(good.summary(Lang::En).0, "1 figure on 1 measure, period 17 July 2020.");
    }

    #[test]
    fn table_in_both_languages() {
        let a = archive();
        let c = coverage(&a);
        let t = coverage_table(&a, &c, Lang::Nl);
        assert_eq!(t.columns.len(), 1 + 2 + 2);
        assert_eq!(t.rows[1].cells[0].text, "Opname");
        assert_eq!(t.rows[1].attrs, [("series".to_string(), "opname".to_string())]);
        assert_eq!(t.rows[1].cells[1].value, Some(4.0));
        assert_eq!(t.rows[1].cells[2].text, "");
        // "van … tot en met": a period that is itself a range ("01-01-2020 – 30-11-2020") made
        // "7 perioden: 01-01-2020 – 30-11-2020 – 2025" (regression).
        assert_eq!(t.rows[1].cells[3].text, "3 perioden, van 1e helft 2019 tot en met 2020");
        assert_eq!(t.rows[1].cells[4].text, "totaal + gemeente, risicoprofiel");
        assert_eq!(t.rows[0].cells[4].text, "totaal");
        let en = coverage_table(&a, &c, Lang::En);
        assert_eq!(en.rows[1].cells[0].text, "Inspection");
        assert_eq!(en.rows[0].cells[3].text, "31 Jul 2022");
        assert_eq!(en.rows[1].cells[3].text, "3 periods, from H1 2019 to 2020");
    }
}
