//! Texts of the Gemeenten view.

pub struct GemeentenTexts {
    pub title: &'static str,
}

pub const NL: GemeentenTexts = GemeentenTexts {
    title: "Gemeenten",
};

pub const EN: GemeentenTexts = GemeentenTexts {
    title: "Municipalities",
};
