//! Measures ("maten"): what a number counts, in which unit, and in which era its definition holds.

use super::date::Date;

/// How a measure behaves over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeasureKind {
    /// A milestone counted cumulatively: at a date "how many addresses reached it by then";
    /// over an interval "how many reached it during the interval" (a flow).
    Cumulative,
    /// A state at a date (werkvoorraad, addresses in phase 3, voldoet aan norm). Dates only.
    Stock,
    /// Events in an interval that are not a milestone (herbeoordelingen). Intervals only.
    Flow,
    /// A planned number for an interval (doelstelling). Intervals only.
    Target,
    /// A mean lead time in days, measured on a date.
    LeadTimeMean,
    /// A percentage published as such.
    Share,
}

impl MeasureKind {
    /// Parse the `kind` column of maten.csv.
    pub fn parse(s: &str) -> Option<MeasureKind> {
        Some(match s {
            "cumulative" => MeasureKind::Cumulative,
            "stock" => MeasureKind::Stock,
            "flow" => MeasureKind::Flow,
            "target" => MeasureKind::Target,
            "lead_time_mean" => MeasureKind::LeadTimeMean,
            "share" => MeasureKind::Share,
            _ => return None,
        })
    }
    /// The `kind` as written in maten.csv.
    pub fn as_str(self) -> &'static str {
        match self {
            MeasureKind::Cumulative => "cumulative",
            MeasureKind::Stock => "stock",
            MeasureKind::Flow => "flow",
            MeasureKind::Target => "target",
            MeasureKind::LeadTimeMean => "lead_time_mean",
            MeasureKind::Share => "share",
        }
    }
    /// May an observation of this kind refer to a single date?
    pub fn allows_date(self) -> bool {
        !matches!(self, MeasureKind::Flow | MeasureKind::Target)
    }
    /// May an observation of this kind refer to an interval?
    pub fn allows_interval(self) -> bool {
        matches!(self, MeasureKind::Cumulative | MeasureKind::Flow | MeasureKind::Target)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Number of addresses (adressen); whole numbers only.
    Addresses,
    /// Days.
    Days,
    /// Percent, 0-100.
    Percent,
}

impl Unit {
    /// Parse the `unit` column of maten.csv.
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "addresses" => Unit::Addresses,
            "days" => Unit::Days,
            "percent" => Unit::Percent,
            _ => return None,
        })
    }
    /// The `unit` as written in maten.csv.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Addresses => "addresses",
            Unit::Days => "days",
            Unit::Percent => "percent",
        }
    }
}

/// One measure as declared in `maten.csv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub code: String,
    pub kind: MeasureKind,
    pub unit: Unit,
    pub label_nl: String,
    pub label_en: String,
    pub definition_nl: String,
    pub definition_en: String,
    /// First day the definition holds (inclusive), if known.
    pub valid_from: Option<Date>,
    /// Last day the definition holds (inclusive), if it ended.
    pub valid_to: Option<Date>,
    /// The measure this one replaced (a definition break, never joined into one line).
    pub replaces: Option<String>,
    /// Measures this one may be compared with (e.g. a target with its realisation).
    pub comparable_with: Vec<String>,
    /// The family it belongs to, for grouping in charts: mijlpaal, fase, norm, doel, doorlooptijd, ...
    pub group: String,
    /// Process order within the group (opname before beoordeling, ...).
    pub order: u32,
}

impl Measure {
    /// The label in Dutch or English.
    pub fn label(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Nl => &self.label_nl,
            crate::i18n::Lang::En => &self.label_en,
        }
    }
    /// The definition in Dutch or English.
    pub fn definition(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Nl => &self.definition_nl,
            crate::i18n::Lang::En => &self.definition_en,
        }
    }
    /// Is the definition in force on this date?
    pub fn holds_on(&self, d: Date) -> bool {
        self.valid_from.is_none_or(|f| f <= d) && self.valid_to.is_none_or(|t| d <= t)
    }
    /// The first day of this definition when it replaced an older measure ('planvorming gestart'
    /// from 1 January 2020, after 'project vastgesteld'): a series of it breaks there.
    pub fn new_definition_from(&self) -> Option<Date> {
        self.replaces.as_ref().and(self.valid_from)
    }
}
