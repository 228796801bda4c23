//! The Dutch row and column labels of NCG and SodM tables, and what they mean in the archive:
//! a measure code, a breakdown (risk profile, owner, category, gemeente) or "the total".
//!
//! Matching ignores case, repeated spaces, a trailing `:`/`*`/footnote mark, and curly quotes.
//! To support a new label, add a line to [`MEASURE_LABELS`] or [`BREAKDOWN_LABELS`].

use crate::data::breakdown::{Breakdown, Categorie, Eigenaar, Risicoprofiel};
use crate::data::gemeente::Registry;

/// Label (normalised: lower case, single spaces) → measure code.
pub const MEASURE_LABELS: &[(&str, &str)] = &[
    ("werkvoorraad", "werkvoorraad"),
    ("totale werkvoorraad", "werkvoorraad"),
    ("in lokaal plan van aanpak opgenomen", "lpa_opgenomen"),
    ("opgenomen in lokaal plan van aanpak", "lpa_opgenomen"),
    ("werkvoorraad verdeeld over fasen", "werkvoorraad_in_fasen"),
    ("uitvoeringsplan gestart", "uitvoeringsplan_gestart"),
    ("opname uitgevoerd", "opname"),
    ("opgenomen", "opname"),
    ("opname gereed", "opname"),
    ("opnames", "opname"),
    ("opname", "opname"),
    ("beoordeling vastgesteld", "beoordeling"),
    ("beoordeeld", "beoordeling"),
    ("beoordeling gereed", "beoordeling"),
    ("beoordelingen", "beoordeling"),
    ("beoordeling", "beoordeling"),
    ("normbesluit (versterkingsadvies) genomen", "normbesluit"),
    ("normbesluit genomen", "normbesluit"),
    ("versterkingsadvies vastgesteld", "normbesluit"),
    ("versterkingsbesluit (uitvoeringsplan) genomen", "versterkingsbesluit"),
    ("versterkingsbesluit genomen", "versterkingsbesluit"),
    ("planvorming gestart", "planvorming_gestart"),
    ("project vastgesteld", "project_vastgesteld"),
    ("projectplan vastgesteld", "project_vastgesteld"),
    ("bouw gestart", "bouw_gestart"),
    ("bouw gereed", "bouw_gereed"),
    ("versterkingstraject afgerond", "traject_afgerond"),
    ("traject afgerond", "traject_afgerond"),
    ("project uitgevoerd", "uitvoering_gereed"),
    ("uitvoering gereed", "uitvoering_gereed"),
    ("versterking gereed", "uitvoering_gereed"),
    ("voldoet aan de veiligheidsnorm", "voldoet_norm"),
    ("voldoet aan veiligheidsnorm", "voldoet_norm"),
    ("voldoen aan de veiligheidsnorm", "voldoet_norm"),
    ("versterkt of nieuw opgeleverd", "voldoet_versterkt"),
    ("op norm na beoordeling", "voldoet_op_norm"),
    ("andere reden", "voldoet_andere_reden"),
    ("bouwkundig versterkt", "afgerond_versterkt"),
    ("op een andere wijze afgerond", "afgerond_anders"),
    ("fase 1", "fase_1"),
    ("fase 2", "fase_2"),
    ("fase 3", "fase_3"),
    ("fase 4", "fase_4"),
    ("fase 5", "fase_5"),
    ("fase 6", "fase_6"),
];

/// Label → breakdown (one dimension set).
pub const BREAKDOWN_LABELS: &[(&str, Part)] = &[
    ("verhoogd profiel (p50)", Part::Risk(Risicoprofiel::P50)),
    ("verhoogd profiel", Part::Risk(Risicoprofiel::P50)),
    ("verhoogd risicoprofiel", Part::Risk(Risicoprofiel::P50)),
    ("p50", Part::Risk(Risicoprofiel::P50)),
    ("licht verhoogd profiel (p90)", Part::Risk(Risicoprofiel::P90)),
    ("licht verhoogd profiel", Part::Risk(Risicoprofiel::P90)),
    ("licht verhoogd risicoprofiel", Part::Risk(Risicoprofiel::P90)),
    ("p90", Part::Risk(Risicoprofiel::P90)),
    ("normaal profiel (grijs)", Part::Risk(Risicoprofiel::Grijs)),
    ("normaal profiel", Part::Risk(Risicoprofiel::Grijs)),
    ("geen verhoogd risicoprofiel", Part::Risk(Risicoprofiel::Grijs)),
    ("grijs", Part::Risk(Risicoprofiel::Grijs)),
    ("corporatie", Part::Owner(Eigenaar::Corporatie)),
    ("corporaties", Part::Owner(Eigenaar::Corporatie)),
    ("woningcorporatie", Part::Owner(Eigenaar::Corporatie)),
    ("particulier", Part::Owner(Eigenaar::Particulier)),
    ("particulieren", Part::Owner(Eigenaar::Particulier)),
    ("particuliere eigenaren", Part::Owner(Eigenaar::Particulier)),
    ("zorg", Part::Category(Categorie::Zorg)),
    ("zorgvastgoed", Part::Category(Categorie::Zorg)),
    ("school", Part::Category(Categorie::School)),
    ("scholen", Part::Category(Categorie::School)),
    ("dorpshuis", Part::Category(Categorie::Dorpshuis)),
    ("dorpshuizen", Part::Category(Categorie::Dorpshuis)),
    ("agro", Part::Category(Categorie::Agro)),
    ("agrarisch", Part::Category(Categorie::Agro)),
    ("eigen initiatief", Part::Category(Categorie::EigenInitiatief)),
    ("heft in eigen hand", Part::Category(Categorie::EigenInitiatief)),
    ("heft in eigen hand/eigen initiatief", Part::Category(Categorie::EigenInitiatief)),
];

/// Labels of a total row or column.
pub const TOTAL_LABELS: &[&str] = &["totaal", "eindtotaal", "total", "totaal generaal", "alle adressen"];

/// One dimension of a breakdown, as a row label names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Risk(Risicoprofiel),
    Owner(Eigenaar),
    Category(Categorie),
}

/// Lower case, single spaces, straight quotes, without a trailing `:`, `*` or footnote mark.
///
/// ```
/// use versterkingsmonitor::data::import::labels::normalise;
/// assert_eq!(normalise("  Opname\u{a0} UITGEVOERD*: "), "opname uitgevoerd");
/// ```
pub fn normalise(label: &str) -> String {
    let lower = label.to_lowercase().replace(['’', '‘'], "'");
    let words: Vec<&str> = lower.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    let joined = words.join(" ");
    joined.trim_end_matches([':', '*', '¹', '²', '³', ' ']).to_string()
}

/// The measure code a label names, if known.
///
/// ```
/// use versterkingsmonitor::data::import::labels::measure_for_label;
/// assert_eq!(measure_for_label("Opname gereed"), Some("opname"));
/// assert_eq!(measure_for_label("Project uitgevoerd"), Some("uitvoering_gereed"));
/// assert_eq!(measure_for_label("In lokaal plan van aanpak opgenomen"), Some("lpa_opgenomen"));
/// assert_eq!(measure_for_label("Aantal koffiebekers"), None);
/// ```
pub fn measure_for_label(label: &str) -> Option<&'static str> {
    let n = normalise(label);
    MEASURE_LABELS.iter().find(|(l, _)| *l == n).map(|(_, code)| *code)
}

/// Whether a label means "the total".
pub fn is_total_label(label: &str) -> bool {
    TOTAL_LABELS.contains(&normalise(label).as_str())
}

/// The breakdown a row label names: a total (empty breakdown), a risk profile, an owner, a
/// category, or a gemeente by name (when a registry is given). `None` when unknown.
pub fn breakdown_for_label(label: &str, gemeenten: Option<&Registry>) -> Option<Breakdown> {
    let n = normalise(label);
    if TOTAL_LABELS.contains(&n.as_str()) {
        return Some(Breakdown::default());
    }
    let mut b = Breakdown::default();
    if let Some((_, part)) = BREAKDOWN_LABELS.iter().find(|(l, _)| *l == n) {
        match part {
            Part::Risk(r) => b.risicoprofiel = Some(*r),
            Part::Owner(e) => b.eigenaar = Some(*e),
            Part::Category(c) => b.categorie = Some(*c),
        }
        return Some(b);
    }
    let name = n.strip_prefix("gemeente ").unwrap_or(&n);
    let g = gemeenten?.all().iter().find(|g| normalise(&g.name) == name || g.code.to_string().eq_ignore_ascii_case(name))?;
    b.gemeente = Some(g.code);
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_in_the_tables_is_normalised() {
        for (l, _) in MEASURE_LABELS {
            assert_eq!(normalise(l), *l);
        }
        for (l, _) in BREAKDOWN_LABELS {
            assert_eq!(normalise(l), *l);
        }
    }

    #[test]
    fn sodm_row_labels() {
        assert_eq!(breakdown_for_label("Verhoogd profiel (P50)", None).and_then(|b| b.risicoprofiel), Some(Risicoprofiel::P50));
        assert_eq!(breakdown_for_label("Normaal profiel (Grijs)", None).and_then(|b| b.risicoprofiel), Some(Risicoprofiel::Grijs));
        assert_eq!(breakdown_for_label("Eindtotaal", None), Some(Breakdown::default()));
        assert_eq!(breakdown_for_label("Eemsdelta", None), None);
    }
}
