//! Texts of the Over view.

pub struct OverTexts {
    pub title: &'static str,
}

pub const NL: OverTexts = OverTexts {
    title: "Over de Versterkingsmonitor",
};

pub const EN: OverTexts = OverTexts {
    title: "About the Versterkingsmonitor",
};
