//! Dated annotations drawn on every time axis: definition changes, data cleaning, earthquakes,
//! policy moments, reporting changes.

use super::date::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// A measure changed meaning; series are broken here, never joined.
    DefinitionChange,
    /// Data cleaning or a large correction (e.g. "dataschoning" November 2020).
    DataCorrection,
    /// An earthquake.
    Earthquake,
    /// A policy or political moment (enquête, advice, agreement).
    Policy,
    /// A change in how or how often figures are published.
    ReportingChange,
    /// A check of figures already published was announced (e.g. the ACVG advice of June 2026 on
    /// the assessments): the figures of the measures concerned, up to this date, may still change.
    /// It concerns the figures before it, so it is kept on a chart even when it is dated after the
    /// chart's last value (`analysis::trends::markers`).
    UnderReview,
}

impl EventKind {
    /// Parse the `kind` column of gebeurtenissen.csv.
    pub fn parse(s: &str) -> Option<EventKind> {
        Some(match s {
            "definition_change" => EventKind::DefinitionChange,
            "data_correction" => EventKind::DataCorrection,
            "earthquake" => EventKind::Earthquake,
            "policy" => EventKind::Policy,
            "reporting_change" => EventKind::ReportingChange,
            "under_review" => EventKind::UnderReview,
            _ => return None,
        })
    }
    /// Whether the event changes how the figures themselves read: a definition change, a data
    /// correction, a change in reporting (annual instead of monthly figures, merged gemeenten), a
    /// check of figures already published. Under a chart these notes are always shown; earthquakes
    /// and policy moments are background, behind a toggle (on a phone four Trends charts repeated
    /// 13 notes each).
    pub fn affects_figures(self) -> bool {
        matches!(self, EventKind::DefinitionChange | EventKind::DataCorrection | EventKind::ReportingChange | EventKind::UnderReview)
    }
    /// The `kind` as written in gebeurtenissen.csv.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::DefinitionChange => "definition_change",
            EventKind::DataCorrection => "data_correction",
            EventKind::Earthquake => "earthquake",
            EventKind::Policy => "policy",
            EventKind::ReportingChange => "reporting_change",
            EventKind::UnderReview => "under_review",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub date: Date,
    pub kind: EventKind,
    /// Measures whose series this event affects (empty = all).
    pub measures: Vec<String>,
    pub text_nl: String,
    pub text_en: String,
    pub source: String,
}

impl Event {
    /// The event's text in Dutch or English.
    pub fn text(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Nl => &self.text_nl,
            crate::i18n::Lang::En => &self.text_en,
        }
    }
    /// Does this event concern the series of this measure?
    pub fn affects(&self, measure: &str) -> bool {
        self.measures.is_empty() || self.measures.iter().any(|m| m == measure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_that_change_how_figures_read_are_told_apart_from_background() {
        let all = ["definition_change", "data_correction", "earthquake", "policy", "reporting_change", "under_review"];
        let affecting: Vec<&str> = all.iter().copied().filter(|k| EventKind::parse(k).is_some_and(EventKind::affects_figures)).collect();
        assert_eq!(affecting, ["definition_change", "data_correction", "reporting_change", "under_review"]);
        for k in all {
            assert_eq!(EventKind::parse(k).map(EventKind::as_str), Some(k));
        }
    }
}
