//! The one translation catalogue. Every text the interface shows comes from here, typed: a text
//! missing in one language is a compile error, because `NL` and `EN` are values of the same struct.
//!
//! The catalogue is split per area (one file each) but reached through one root, [`texts`].
//! Number and date formatting in both languages lives in [`format`].

pub mod bronnen;
pub mod doorlooptijden;
pub mod format;
pub mod gemeenten;
pub mod labels;
pub mod norm;
pub mod over;
pub mod overzicht;
pub mod selection;
pub mod shell;
pub mod sources;
pub mod trends;

use std::fmt;

/// Interface language. Dutch is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// The `lang` query parameter / HTML `lang` attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
    /// Anything but `en` is Dutch, so a broken link still shows the default language.
    pub fn from_code(s: &str) -> Lang {
        if s.eq_ignore_ascii_case("en") { Lang::En } else { Lang::Nl }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The whole catalogue for one language.
pub struct Texts {
    pub shell: shell::ShellTexts,
    pub norm: norm::NormTexts,
    pub overzicht: overzicht::OverzichtTexts,
    pub trends: trends::TrendsTexts,
    pub doorlooptijden: doorlooptijden::DoorlooptijdenTexts,
    pub gemeenten: gemeenten::GemeentenTexts,
    pub bronnen: bronnen::BronnenTexts,
    pub over: over::OverTexts,
}

pub const NL: Texts = Texts {
    shell: shell::NL,
    norm: norm::NL,
    overzicht: overzicht::NL,
    trends: trends::NL,
    doorlooptijden: doorlooptijden::NL,
    gemeenten: gemeenten::NL,
    bronnen: bronnen::NL,
    over: over::NL,
};
pub const EN: Texts = Texts {
    shell: shell::EN,
    norm: norm::EN,
    overzicht: overzicht::EN,
    trends: trends::EN,
    doorlooptijden: doorlooptijden::EN,
    gemeenten: gemeenten::EN,
    bronnen: bronnen::EN,
    over: over::EN,
};

/// The catalogue for a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
