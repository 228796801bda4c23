//! Texts of the Doorlooptijden view.

pub struct DoorlooptijdenTexts {
    pub title: &'static str,
}

pub const NL: DoorlooptijdenTexts = DoorlooptijdenTexts {
    title: "Doorlooptijden",
};

pub const EN: DoorlooptijdenTexts = DoorlooptijdenTexts {
    title: "Lead times",
};
