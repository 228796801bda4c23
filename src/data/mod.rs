//! Layer 1: the typed model and strict parsing of the data files.
//! Nothing here knows about the browser; everything is tested natively.

pub mod archive;
pub mod breakdown;
pub mod date;
pub mod diagnostic;
pub mod event;
pub mod gemeente;
pub mod measure;
pub mod observation;
pub mod period;
pub mod publication;
pub mod table;
