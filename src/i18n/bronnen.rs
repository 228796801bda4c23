//! Texts of the Bronnen view.

pub struct BronnenTexts {
    pub title: &'static str,
}

pub const NL: BronnenTexts = BronnenTexts {
    title: "Data & bronnen",
};

pub const EN: BronnenTexts = BronnenTexts {
    title: "Data & sources",
};
