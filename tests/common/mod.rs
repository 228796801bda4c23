//! Shared helpers for native integration tests.
#![allow(dead_code)]

use std::path::Path;

use versterkingsmonitor::data::archive::{assemble, Archive, LoadReport};
use versterkingsmonitor::data::diagnostic::{Diagnostic, Message};
use versterkingsmonitor::data::publication::parse_manifest;

/// The bundled archive in public/data, loaded with the same code the app uses.
pub fn bundled_archive() -> (Archive, LoadReport) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest.json readable");
    let manifest = parse_manifest("manifest.json", &text).expect("manifest parses");
    assemble(&manifest, |f| {
        std::fs::read_to_string(dir.join(f))
            .map_err(|e| Diagnostic::error(f, 0, 0, Message::CannotRead { reason: e.to_string() }))
    })
    .expect("bundled archive assembles")
}
