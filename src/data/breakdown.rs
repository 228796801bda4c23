//! Breakdowns ("uitsplitsingen") of a figure: gemeente, batch, risicoprofiel, eigenaar and
//! bijzondere categorie. An empty breakdown is the total over everything.

use std::sync::Arc;

use super::gemeente::GemeenteCode;

/// Risk profile from NAM's HRA, as printed in SodM table 2.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Risicoprofiel {
    /// Verhoogd profiel (P50).
    P50,
    /// Licht verhoogd profiel (P90).
    P90,
    /// Normaal profiel (grijs).
    Grijs,
}

impl Risicoprofiel {
    pub const ALL: [Risicoprofiel; 3] = [Risicoprofiel::P50, Risicoprofiel::P90, Risicoprofiel::Grijs];
    /// Parse the canonical code (`P50`, `P90`, `grijs`).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "P50" => Self::P50,
            "P90" => Self::P90,
            "grijs" => Self::Grijs,
            _ => return None,
        })
    }
    /// The canonical code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::P50 => "P50",
            Self::P90 => "P90",
            Self::Grijs => "grijs",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Eigenaar {
    Corporatie,
    Particulier,
}

impl Eigenaar {
    pub const ALL: [Eigenaar; 2] = [Eigenaar::Corporatie, Eigenaar::Particulier];
    /// Parse the canonical code (`corporatie`, `particulier`).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "corporatie" => Self::Corporatie,
            "particulier" => Self::Particulier,
            _ => return None,
        })
    }
    /// The canonical code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Corporatie => "corporatie",
            Self::Particulier => "particulier",
        }
    }
}

/// Bijzondere categorie as in NCG's 2021 online rapportage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Categorie {
    Zorg,
    School,
    Dorpshuis,
    Agro,
    EigenInitiatief,
}

impl Categorie {
    pub const ALL: [Categorie; 5] =
        [Categorie::Zorg, Categorie::School, Categorie::Dorpshuis, Categorie::Agro, Categorie::EigenInitiatief];
    /// Parse the canonical code (`zorg`, `school`, ...).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "zorg" => Self::Zorg,
            "school" => Self::School,
            "dorpshuis" => Self::Dorpshuis,
            "agro" => Self::Agro,
            "eigen_initiatief" => Self::EigenInitiatief,
            _ => return None,
        })
    }
    /// The canonical code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Zorg => "zorg",
            Self::School => "school",
            Self::Dorpshuis => "dorpshuis",
            Self::Agro => "agro",
            Self::EigenInitiatief => "eigen_initiatief",
        }
    }
}

/// Batch names are free identifiers (1467, 1581, 1588, 3260, Q2-2018, opname_op_verzoek, ...):
/// letters, digits, `-` and `_`, at most 40 characters.
pub fn valid_batch(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Which slice of the whole a figure describes. `None` in a field means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Breakdown {
    pub gemeente: Option<GemeenteCode>,
    /// Shared: ~100,000 derived observations name a handful of batches.
    pub batch: Option<Arc<str>>,
    pub risicoprofiel: Option<Risicoprofiel>,
    pub eigenaar: Option<Eigenaar>,
    pub categorie: Option<Categorie>,
}

impl Breakdown {
    /// True for the total over everything (no dimension set).
    pub fn is_total(&self) -> bool {
        *self == Breakdown::default()
    }
    /// A short key such as `risicoprofiel=P50` or `totaal`, for messages and downloads.
    pub fn key(&self) -> String {
        let mut parts = Vec::new();
        if let Some(g) = self.gemeente {
            parts.push(format!("gemeente={g}"));
        }
        if let Some(b) = &self.batch {
            parts.push(format!("batch={b}"));
        }
        if let Some(r) = self.risicoprofiel {
            parts.push(format!("risicoprofiel={}", r.as_str()));
        }
        if let Some(e) = self.eigenaar {
            parts.push(format!("eigenaar={}", e.as_str()));
        }
        if let Some(c) = self.categorie {
            parts.push(format!("categorie={}", c.as_str()));
        }
        if parts.is_empty() { "totaal".to_string() } else { parts.join(";") }
    }
    /// How many dimensions are set.
    pub fn depth(&self) -> usize {
        usize::from(self.gemeente.is_some())
            + usize::from(self.batch.is_some())
            + usize::from(self.risicoprofiel.is_some())
            + usize::from(self.eigenaar.is_some())
            + usize::from(self.categorie.is_some())
    }
}
