//! Texts of the Trends view.

pub struct TrendsTexts {
    pub title: &'static str,
}

pub const NL: TrendsTexts = TrendsTexts {
    title: "Trends",
};

pub const EN: TrendsTexts = TrendsTexts {
    title: "Trends",
};
