//! Labels for enumerated values of the model (flags, risk profiles, owners, categories), in both
//! languages. Part of the translation catalogue.

use super::Lang;
use crate::data::breakdown::{Categorie, Eigenaar, Risicoprofiel};
use crate::data::observation::Flag;

pub fn flag(f: Flag, lang: Lang) -> &'static str {
    let nl = lang == Lang::Nl;
    match f {
        Flag::Published => if nl { "gepubliceerd" } else { "published" },
        Flag::Approximate => if nl { "benadering in bron" } else { "approximate in source" },
        Flag::Derived => if nl { "afgeleid" } else { "derived" },
        Flag::Estimated => if nl { "schatting" } else { "estimate" },
        Flag::Suppressed => if nl { "niet getoond" } else { "not shown" },
        Flag::Synthetic => if nl { "synthetisch" } else { "synthetic" },
    }
}

pub fn risicoprofiel(r: Risicoprofiel, lang: Lang) -> &'static str {
    let nl = lang == Lang::Nl;
    match r {
        Risicoprofiel::P50 => if nl { "Verhoogd (P50)" } else { "Elevated (P50)" },
        Risicoprofiel::P90 => if nl { "Licht verhoogd (P90)" } else { "Slightly elevated (P90)" },
        Risicoprofiel::Grijs => if nl { "Normaal (grijs)" } else { "Normal (grey)" },
    }
}

pub fn eigenaar(e: Eigenaar, lang: Lang) -> &'static str {
    let nl = lang == Lang::Nl;
    match e {
        Eigenaar::Corporatie => if nl { "Woningcorporatie" } else { "Housing association" },
        Eigenaar::Particulier => if nl { "Particulier" } else { "Private owner" },
    }
}

pub fn categorie(c: Categorie, lang: Lang) -> &'static str {
    let nl = lang == Lang::Nl;
    match c {
        Categorie::Zorg => if nl { "Zorg" } else { "Care" },
        Categorie::School => if nl { "Scholen" } else { "Schools" },
        Categorie::Dorpshuis => if nl { "Dorpshuizen" } else { "Village halls" },
        Categorie::Agro => if nl { "Agrarisch" } else { "Agricultural" },
        Categorie::EigenInitiatief => if nl { "Eigen initiatief" } else { "Own initiative" },
    }
}

/// A batch name as a reader sees it: the source file's identifier with spaces for underscores
/// ("opname_op_verzoek" → "opname op verzoek"; "Q2-2018", "LPA2021" stay as they are). A chart
/// showed the identifier itself. The one batch named in words says in English what it is, with
/// NCG's name (an English page showed only "opname op verzoek").
///
/// ```
/// use versterkingsmonitor::i18n::{labels::batch, Lang};
/// assert_eq!(batch("opname_op_verzoek", Lang::Nl), "opname op verzoek");
/// assert_eq!(batch("opname_op_verzoek", Lang::En), "inspection on request (opname op verzoek)");
/// assert_eq!(batch("Q2-2018", Lang::En), "Q2-2018");
/// ```
pub fn batch(code: &str, lang: Lang) -> String {
    let name = code.replace('_', " ");
    if lang == Lang::En && name == "opname op verzoek" { format!("inspection on request ({name})") } else { name }
}
