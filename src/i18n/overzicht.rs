//! Texts of the Overzicht view.

pub struct OverzichtTexts {
    pub title: &'static str,
}

pub const NL: OverzichtTexts = OverzichtTexts {
    title: "Overzicht",
};

pub const EN: OverzichtTexts = OverzichtTexts {
    title: "Overview",
};
