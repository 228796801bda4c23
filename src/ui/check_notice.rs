//! An announced check of the figures a page shows (the ACVG's of June 2026 on the assessments), at
//! the top of the Overzicht's answers and of the Gemeenten overview: one short sentence with the
//! date, and what is checked behind a toggle. Computed in `analysis::trends::markers`.

use leptos::prelude::*;

use crate::analysis::trends::markers::CheckNotice;
use crate::i18n::{texts, Lang};

pub fn check_notices(checks: Vec<CheckNotice>, lang: Lang) -> impl IntoView {
    let more = texts(lang).shell.check_more;
    checks
        .into_iter()
        .map(|c| {
            view! {
                <div class="drill-note" role="note" data-testid="check-notice">
                    <p style="margin:.2rem 0">{c.notice}</p>
                    <details class="print-open"><summary>{more}</summary><p style="margin:.2rem 0">{crate::ui::chart_frame::quoting_view(&c.details)}</p></details>
                </div>
            }
        })
        .collect_view()
}
