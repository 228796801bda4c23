//! The Overzicht's three answers, headline figures and changes on the bundled archive.

mod common;

use versterkingsmonitor::analysis::trends::overzicht;
use versterkingsmonitor::analysis::trends::trend_rule::{Basis, Direction};
use versterkingsmonitor::analysis::trends::{flow_chart, forecast};
use versterkingsmonitor::analysis::select::Vintage;
use versterkingsmonitor::analysis::filters::Filters;
use versterkingsmonitor::i18n::Lang;

#[test]
fn completed_tracks_per_month_clearly_fell_in_2025() {
    // NCG: 4.800 declared safe in 2024 (ncg-2024-12-31), 2.275 in 2025 (ncg-2025-12-31).
    let (a, _) = common::bundled_archive();
    let (label, t) = flow_chart::completed_trend(&a, Vintage::Latest, Lang::Nl).unwrap();
    assert!(label.starts_with("Veilig verklaard"));
    assert_eq!(t.basis, Basis::LastPeriods, "no monthly figures in 2025");
    assert_eq!(t.recent.period().to_string(), "2025");
    assert_eq!(t.previous.period().to_string(), "2024");
    assert_eq!(t.previous.count, 4800.0, "the published 2024 total is used");
    // Both counts are published: the sentence does not call them computed.
    assert!(!t.previous.derived && !t.recent.derived);
    // Regression (review): "53% minder dan in 2024 (400 per maand)" could not be found in the
    // chart, which draws 2024 in finer periods computed from levels: the sentence gives the count.
    let s = flow_chart::trend_sentence(&label, &t, Lang::Nl);
    assert!(s.contains("190 adressen per maand (2.275 in totaal), 53% minder dan in 2024 (4.800 in totaal: 400 per maand)"), "{s}");
    assert_eq!(t.direction, Direction::Down);
    let ans = overzicht::trend_answer(&a, Lang::Nl);
    assert_eq!(ans.figure, "190");
    let (sym, text) = ans.arrow.unwrap();
    assert_eq!(sym, "↓");
    assert!(text.contains("2024") && text.contains("400"), "{text}");
    assert!(ans.method.contains("6 maanden"));
    let en = overzicht::trend_answer(&a, Lang::En);
    assert!(en.arrow.unwrap().1.starts_with("Clearly fewer"));
    // Regression: "een duidelijke daling" without what was foreseen for the same year (NCG
    // expected 1.775 for 2025; 2.275 came): a resident read the fall as slippage.
    assert!(ans.body.iter().any(|b| b == "Voor 2025 was 1.775 voorzien; het werden er 2.275 (128%). (Verwachting van NCG, geen formele doelstelling.)"), "{:?}", ans.body);
    // Regression (a third review): "53% minder" read as the work slowing down; 2024's pace came
    // mostly from assessments that found addresses already safe, and few were left to assess.
    // The card says why, with the forecast's figures (+3.553 'op norm', 931 left).
    // (A fourth review: 3.553 is of 13 months; the stands it is between are said.)
    assert!(ans.body.iter().any(|b| b == "Waarom minder: 2024 was hoog doordat veel adressen na hun beoordeling al aan de norm bleken te voldoen (3.553 erbij van 30 november 2023 tot 31 december 2024); op 31 december 2024 waren er nog maar 931 te beoordelen."), "{:?}", ans.body);
}

#[test]
fn a_track_took_1209_days_on_350_of_1177_addresses() {
    // SodM table 2.4 (seed 000 L867, L881-885): 1.209 days ≈ 3,3 years (1.209 / 365,25).
    let (a, _) = common::bundled_archive();
    let ans = overzicht::lead_time_answer(&a, Lang::Nl);
    assert_eq!(ans.figure, "3,3 jaar");
    assert!(ans.figure_label.contains("1.209 dagen"));
    assert!(ans.body[0].contains("350 van de 1.177"), "{}", ans.body[0]);
    assert_eq!(ans.link.path, "/doorlooptijden");
    // The sample size is read from the archive's note; on the English page that note is our
    // translation (vertalingen.csv), which must keep "n = 350".
    let en = overzicht::lead_time_answer(&a, Lang::En);
    assert!(en.body[0].contains("350 of the 1,177"), "{}", en.body[0]);
    // Regression: SodM's table 2.4 gives no reference date (the archive's note says so and that
    // 17 July 2020 is assumed), yet the headline said "stand 17 juli 2020" as a fact.
    assert!(ans.figure_label.ends_with("vermoedelijk stand 17 juli 2020"), "{}", ans.figure_label);
    assert!(ans.body[0].contains("vermoedelijk stand 17 juli 2020: de bron noemt bij dit cijfer geen datum"), "{}", ans.body[0]);
    assert!(ans.method.contains("De tabel noemt geen peildatum"), "{}", ans.method);
    assert!(en.figure_label.ends_with("probably as of 17 July 2020"), "{}", en.figure_label);
    assert!(overzicht::date_unstated("n = 350. Peildatum niet vermeld in tabel 2.4"));
    // Regression: "ongeveer 3,3 jaar" beside SodM's own "3,4 jaar" was explained only behind the
    // method's toggle; readers who know SodM's figure took ours for a mistake.
    assert!(ans.body[0].contains("ongeveer 3,3 jaar (in de bron staat 3,4 jaar)"), "{}", ans.body[0]);
    assert!(en.body[0].contains("about 3.3 years (the source prints 3.4 years)"), "{}", en.body[0]);
    assert_eq!(overzicht::printed_years("Tabel drukt 'Totaal jaar' 2,8 af; 1001"), Some("2,8"));
    // Regression (a third review): the card said Doorlooptijden's estimate of the whole track
    // "comes out higher" without its figure; a resident had to find 5,7 years on another page. It
    // now gives that page's median, its addresses and months, and how far it moves with another
    // assumed start, as an estimate.
    let est = ans.body.iter().find(|b| b.starts_with("De weergave Doorlooptijden schat")).expect("the estimate's sentence");
    assert!(est.contains("de helft van de 3.391 adressen die tussen januari 2017 en december 2021 klaar waren, deed er langer over dan 5,7 jaar (4,8 – 6,1 jaar bij een ander aangenomen begin"), "{est}");
    assert!(est.contains("Een schatting, geen gepubliceerd cijfer"), "{est}");
    assert!(en.body.iter().any(|b| b.contains("took longer than 5.7 years (4.8 – 6.1 years with another assumed start")), "{:?}", en.body);
    assert_eq!(overzicht::printed_years("'Totaal jaar' [total, years] 1.1."), Some("1.1"));
    assert_eq!(overzicht::printed_years("'Totaal jaar' [x"), None);
    assert_eq!(overzicht::printed_years("n = 350"), None);
    assert!(!overzicht::date_unstated("n = 350."));
}

#[test]
fn every_note_of_the_archive_has_an_english_translation_and_the_english_page_shows_it() {
    use versterkingsmonitor::analysis::provenance;
    use versterkingsmonitor::data::translations;
    let (a, report) = common::bundled_archive();
    assert_eq!(report.errors(), 0);
    // ncg check's warnings: notes without a translation, translations no note uses.
    let gaps = translations::coverage(&a, "manifest.json", "vertalingen.csv");
    assert!(gaps.is_empty(), "{:#?}", gaps.iter().map(|d| d.render(Lang::En)).collect::<Vec<_>>());
    let o = a.observations.iter().find(|o| o.note.starts_with("Peildatum van de cijfers staat niet op de pagina")).expect("the Eemsdelta note");
    assert_eq!(provenance::of(&a, o, Lang::Nl).note, o.note.as_ref());
    let en = provenance::of(&a, o, Lang::En).note;
    assert!(en.starts_with("The reference date of the figures is not on the page"), "{en}");
}

#[test]
fn what_is_left_and_when_it_is_done() {
    // NCG 31-12-2024: 27.713 − 16.596 = 11.117; paces 2.275/12 (2025) and 4.800/12 (2024); the
    // werkvoorraad grew 27.234 → 27.713 in 24 months.
    let (a, _) = common::bundled_archive();
    let ans = overzicht::rest_answer(&a, Lang::Nl);
    assert_eq!(ans.figure, "11.117");
    assert!(ans.estimate);
    let all = ans.body.join(" ");
    // 2025's published 2.275 is carried in first (forecast::carry): 11.117 − 2.275 + 12 × 20 =
    // 9.082 on 31-12-2025, and the paces run from there. (It ran from 2024 at 2024's pace through a
    // 2025 that had half of it: "1e helft 2027", and 252 a month needed for 2028.)
    assert!(all.contains("op 31 december 2025 nog 9.082 over"), "{all}");
    assert!(all.contains("tussen de 2e helft 2027 en de 1e helft 2030"), "{all}");
    assert!(all.contains("272 adressen per maand"), "{all}");
    let rem = forecast::remaining(&a, &Default::default(), Vintage::Latest, Lang::Nl).unwrap();
    assert_eq!(rem.date.to_string(), "2024-12-31");
    let (g, _) = forecast::growth(&a, &Default::default(), Vintage::Latest, rem.date, Lang::Nl).unwrap();
    assert!((g - 19.96).abs() < 0.01);
    // A later target year needs a lower pace.
    let f = versterkingsmonitor::analysis::trends::forecast_chart::build(&a, &Filters::default(), 2035, None, Lang::Nl);
    assert!(f.required.unwrap().1 < 110.0);
}

#[test]
fn latest_publication_and_changes_since_the_previous_one() {
    let (a, _) = common::bundled_archive();
    let m = overzicht::build(&a, Lang::Nl);
    let latest = m.latest.unwrap();
    assert_eq!(latest.date, "31 december 2025");
    assert!(latest.url.unwrap().starts_with("https://"));
    assert_eq!(latest.table.rows.len(), 6);
    // A figure we derived says how, in the table itself (it said only "afgeleid").
    let flags: Vec<&str> = latest.table.rows.iter().map(|r| r.cells[3].text.as_str()).collect();
    assert!(flags.iter().any(|f| f.starts_with("afgeleid: 1.962 gestart + 288")), "{flags:?}");
    let en = overzicht::build(&a, Lang::En).latest.unwrap();
    assert!(en.table.rows.iter().any(|r| r.cells[3].text.starts_with("derived: ")), "{:?}", en.table.rows);
    let change = |k: &str| m.changes.rows.iter().find(|r| r.attrs.iter().any(|(_, v)| v == k)).and_then(|r| r.cells[3].value);
    assert_eq!(change("voldoet_norm"), Some(2698.0));
    assert_eq!(change("werkvoorraad"), Some(103.0));
    assert_eq!(change("veilig_verklaard"), Some(-2525.0));
    assert_eq!(change("bouw_gestart"), None, "2025 against Q1 2024 is not comparable");
    // Regression: NCG's "circa 1.280" still to be assessed (30 June 2024) was shown as an exact
    // 1.280, and the change from it as an exact −349.
    let row = m.changes.rows.iter().find(|r| r.attrs.iter().any(|(_, v)| v == "nog_te_beoordelen")).unwrap();
    assert_eq!(row.cells[2].text, "≈ 1.280 (30 juni 2024)");
    assert_eq!(row.cells[3].text, "≈ -349");
}

// The ACVG's advice of June 2026: NCG is to look at over 8.000 addresses to see whether their
// assessment ("op norm") needs an additional check (seed 004 L110). The Overzicht answered "how
// many are done" and "how much is left" with those figures and did not say that they may change;
// its chart, the gemeente charts and the Trends charts had no note of it either (a policy event
// behind the background toggle, and only on charts of "beoordeling").
#[test]
fn the_announced_check_of_the_assessments_is_said_above_the_answers_and_under_the_chart() {
    use versterkingsmonitor::analysis::chart::{Chart, Side};
    use versterkingsmonitor::analysis::norm_chart;
    use versterkingsmonitor::data::breakdown::Breakdown;
    use versterkingsmonitor::data::event::EventKind;
    let (a, _) = common::bundled_archive();
    let m = overzicht::build(&a, Lang::Nl);
    assert_eq!(m.checks.len(), 1, "{:?}", m.checks);
    let c = &m.checks[0];
    assert!(c.notice.starts_with("Let op: op 24 juni 2026 is een controle van beoordelingen aangekondigd"), "{c:?}");
    assert!(c.details.contains("ruim 8.000 adressen") && c.details.contains("kenmerk 2026-0000290833"), "{c:?}");
    // Short enough not to become the page's largest element, painted after the data (its first,
    // longer version made Lighthouse's LCP on / 5.0 s instead of 1.1 s).
    assert!(c.notice.chars().count() < 140, "{}", c.notice.chars().count());
    let en = overzicht::build(&a, Lang::En);
    assert!(en.checks[0].notice.contains("24 June 2026") && en.checks[0].details.contains("over 8,000 addresses"), "{:?}", en.checks[0]);
    // Under the norm chart, which ends on 31 December 2024: a note after the figures, no number.
    let chart = Chart::Time(norm_chart::build(&a, &Breakdown::default(), Vintage::Latest, Lang::Nl));
    let off = chart.off_axis_notes();
    assert!(off.iter().any(|(s, m)| *s == Side::After && m.kind == EventKind::UnderReview), "{off:?}");
    // The norm chart now notes the events on its figures like the Trends charts (it had none).
    assert!(chart.notes().0.iter().any(|m| m.kind == EventKind::ReportingChange && m.date.to_string() == "2022-01-01"));
    // On the forecast chart, which runs to 2030, it is a numbered line like any other note.
    let f = versterkingsmonitor::analysis::trends::forecast_chart::build(&a, &Filters::default(), forecast::DEFAULT_TARGET_YEAR, None, Lang::Nl);
    let fc = Chart::Time(f.chart);
    assert!(fc.notes().0.iter().any(|m| m.kind == EventKind::UnderReview), "{:?}", fc.markers());
}

#[test]
fn the_required_pace_says_from_when_and_why_there_is_none() {
    // Regression: the sentence said "vanaf die datum", two sentences after the date it meant, and
    // for a chosen year that ended before that date (2025) it disappeared without a word.
    let (a, _) = common::bundled_archive();
    let trend = versterkingsmonitor::analysis::trends::flow_chart::completed_trend(&a, Vintage::Latest, Lang::Nl).map(|(_, t)| t);
    let f = versterkingsmonitor::analysis::trends::forecast_chart::build(&a, &Filters::default(), 2028, trend.as_ref(), Lang::Nl);
    let text = f.paragraphs.join(" ");
    assert!(text.contains("Om eind 2028 klaar te zijn, moeten er vanaf 31 december 2025 gemiddeld"), "{text}");
    // Whole addresses on the lines and in their table (it showed "9.081,5" where the text said 9.082).
    for s in &f.chart.series {
        assert!(s.points.iter().all(|p| p.value.fract() == 0.0), "{}: {:?}", s.key, s.points.iter().map(|p| p.value).collect::<Vec<_>>());
    }
    assert!(!text.contains("meer dan een jaar ouder"), "the total's stand is the newest: {text}");
    // Regression: Eemsdelta's required pace was reckoned "vanaf 15 februari 2023", its only stand,
    // and read in 2026 as today's requirement. It now says that stand is old.
    let eemsdelta = Filters::from_query([("gemeente", "GM1979")], None);
    let params = versterkingsmonitor::analysis::trends::page::ViewParams { year: 2028, ..Default::default() };
    let e = versterkingsmonitor::analysis::trends::page::build(&a, &eemsdelta, &params, Lang::Nl);
    let text = e.forecast.paragraphs.join(" ");
    assert!(text.contains("vanaf 15 februari 2023") && text.contains("Let op: die stand van 15 februari 2023 is meer dan een jaar ouder dan de nieuwste publicatie"), "{text}");
    // Regression (review): its title promised "wanneer het bij het huidige tempo klaar is" over a
    // chart with only the pace needed, and that pace ("153 per maand") and the rest ("≈ 10.815")
    // kept a precision the source's "ruim 5.000" does not have.
    assert!(e.forecast.chart.meta.title.contains("geen tempo te meten"), "{}", e.forecast.chart.meta.title);
    assert!(text.contains("Er resten dus nog ≈ 11.000 adressen") && text.contains("gemiddeld ≈ 150 adressen per maand"), "{text}");
    assert!(full_title_has_pace(&a, &trend));
    let past = versterkingsmonitor::analysis::trends::forecast_chart::build(&a, &Filters::default(), 2025, trend.as_ref(), Lang::Nl);
    assert!(past.required.is_none());
    assert!(past.paragraphs.iter().any(|p| p == "Eind 2025 ligt niet na 31 december 2025, de datum waarvandaan we rekenen: daarvoor is geen tempo te berekenen."), "{:?}", past.paragraphs);
}

fn full_title_has_pace(a: &versterkingsmonitor::data::archive::Archive, trend: &Option<versterkingsmonitor::analysis::trends::trend_rule::Trend>) -> bool {
    let f = versterkingsmonitor::analysis::trends::forecast_chart::build(a, &Filters::default(), 2028, trend.as_ref(), Lang::Nl);
    f.chart.meta.title.contains("bij het huidige tempo")
}

#[test]
fn a_period_filter_does_not_apply_to_the_forecast_and_says_so() {
    // Regression: with "t/m 2019" the forecast projected SodM's 2019 pace of 'uitvoering gereed'
    // (26 and 59 a month) from the stand of 31 December 2024, another definition, and a pace whose
    // finish lay beyond 2100 came back as "klaar in de 2e helft 2024" (rates::add_months returns
    // its start when the result is out of range).
    let (a, _) = common::bundled_archive();
    let params = versterkingsmonitor::analysis::trends::page::ViewParams::default();
    let full = versterkingsmonitor::analysis::trends::page::build(&a, &Filters::default(), &params, Lang::Nl);
    let to_2019 = Filters { to: versterkingsmonitor::data::date::Month::parse("2019-12").ok(), ..Filters::default() };
    let cut = versterkingsmonitor::analysis::trends::page::build(&a, &to_2019, &params, Lang::Nl);
    assert_eq!(cut.forecast.paragraphs[0], "Het filter op periode geldt niet voor de prognose: die rekent altijd vanaf de laatste stand met het laatste tempo.");
    assert_eq!(cut.forecast.paragraphs[1..], full.forecast.paragraphs[..]);
    // A finish beyond the calendar is no finish, not the start date.
    let rem = forecast::remaining(&a, &Default::default(), Vintage::Latest, Lang::Nl).unwrap();
    let p = forecast::project(&rem, 0.0, &[(versterkingsmonitor::data::period::Period::parse("2024").unwrap(), 0.01)]);
    assert_eq!(p[0].finish, None);
}

/// Regression: the forecast's early end ("klaar tussen de 2e helft 2027 en …") rests on 2024's
/// pace of 400 a month, most of it addresses found to meet the norm at their assessment (+3.553
/// 'op norm' between the stands of 30 November 2023 and 31 December 2024), while only 931 were
/// left to assess: a pace that cannot come back, and the forecast said nothing of it.
#[test]
fn the_forecast_says_when_its_fastest_pace_cannot_come_back() {
    let (a, _) = common::bundled_archive();
    let ans = overzicht::rest_answer(&a, Lang::Nl);
    // Under "Hoe is dit berekend?" (`more`) since the cards were shortened for phones; the range
    // in the card itself says it in one clause (below).
    let caveat = ans.more.iter().find(|p| p.starts_with("Het snelste tempo")).unwrap_or_else(|| panic!("{:?}", ans.more));
    assert!(ans.body.iter().all(|p| !p.starts_with("Het snelste tempo")), "{:?}", ans.body);
    assert!(caveat.contains("(400 per maand in 2024)") && caveat.contains("3.553 erbij tussen 30 november 2023 en 31 december 2024") && caveat.contains("nog 931 adressen te beoordelen"), "{caveat}");
    // And where the range is given (a task-based review: a council member read "tussen de 2e
    // helft 2027 en de 1e helft 2030" as "possibly on time for 2028", with the caveat two
    // paragraphs further down): its early end says it at once.
    let range = ans.body.iter().find(|p| p.contains("klaar tussen")).unwrap_or_else(|| panic!("{:?}", ans.body));
    assert!(range.ends_with("de 2e helft 2027 is te gunstig, want het snelste tempo kan niet terugkomen."), "{range}");
    // Filtered on a gemeente the national stands say nothing: no such sentence.
    let f = versterkingsmonitor::analysis::filters::Filters { gemeente: Some(versterkingsmonitor::data::gemeente::GemeenteCode(1979)), ..Default::default() };
    let v = versterkingsmonitor::analysis::trends::forecast_chart::build(&a, &f, 2028, None, Lang::Nl);
    assert!(v.paragraphs.iter().all(|p| !p.starts_with("Het snelste tempo")));
}

/// Regression (a task-based review at 360 px): the three answers were 3.500 px high before the
/// chart; the lead-time card's paragraph on why Doorlooptijden's estimate differs (22 lines on a
/// phone) and the forecast's growth and fastest-pace paragraphs stood between the answer and its
/// link. They are now under "Hoe is dit berekend?" (`more`), and the cards keep what answers the
/// question, with one clause where the explanation went.
#[test]
fn the_cards_answer_first_and_explain_under_their_method() {
    let (a, _) = common::bundled_archive();
    let lead = overzicht::lead_time_answer(&a, Lang::Nl);
    assert!(lead.body.iter().any(|p| p.contains("komt hoger uit dan dit gemiddelde; waarom, staat onder 'Hoe is dit berekend?'")), "{:?}", lead.body);
    assert!(lead.body.iter().all(|p| !p.contains("Mogelijke redenen")), "{:?}", lead.body);
    // (A fourth review: "8 à 9 maanden" understated the median's error on the demonstration, 283
    // days; it is now computed from the validation's figure.)
    assert!(lead.more.iter().any(|p| p.contains("Mogelijke redenen") && p.contains("de mediaan van de schatting bovendien 9,3 maanden te hoog")), "{:?}", lead.more);
    // And the card's sentence with the estimate says it too.
    assert!(lead.body.iter().any(|p| p.starts_with("De weergave Doorlooptijden schat") && p.ends_with("kwam de mediaan van deze schatting 283 dagen (9,3 maanden) te hoog uit; hoe dat bij de echte cijfers is, is niet te meten.")), "{:?}", lead.body);
    let rest = overzicht::rest_answer(&a, Lang::En);
    assert!(rest.more.iter().any(|p| p.contains("the caseload grew by 20 addresses per month")), "{:?}", rest.more);
    assert!(rest.body.iter().all(|p| !rest.more.contains(p)), "nothing twice");
    // Everything the forecast on Trends says is in the card, shown or under its method.
    let trend = versterkingsmonitor::analysis::trends::flow_chart::completed_trend(&a, Vintage::Latest, Lang::En).map(|(_, t)| t);
    let f2 = versterkingsmonitor::analysis::trends::forecast_chart::build(&a, &Filters::default(), 2028, trend.as_ref(), Lang::En);
    assert_eq!(rest.body.len() + rest.more.len(), f2.paragraphs.len(), "{:?} {:?}", rest.body, rest.more);
}

/// Regression (a third review): the forecast's paces both include the addresses that met the
/// norm after their assessment, which made 2024's pace and cannot come back (931 were left to
/// assess); no line showed what reinforcement alone would take. A scenario now does: NCG's
/// 4.120 reinforced or rebuilt on 30 November 2023 and 5.687 on 31 December 2024 (1.567 in 13
/// months, 121 a month; 101 net of the werkvoorraad's growth) from the estimated 9.082 left at the
/// end of 2025: 91 months, the 2nd half of 2033. Under the Overzicht card's method, not in it.
#[test]
fn the_forecast_has_a_scenario_of_reinforcement_alone() {
    let (a, _) = common::bundled_archive();
    let trend = versterkingsmonitor::analysis::trends::flow_chart::completed_trend(&a, Vintage::Latest, Lang::Nl).map(|(_, t)| t);
    let f = versterkingsmonitor::analysis::trends::forecast_chart::build(&a, &Filters::default(), 2028, trend.as_ref(), Lang::Nl);
    let (b, p, finish) = f.building.clone().expect("the scenario");
    assert!((b.pace - 1567.0 / 13.0).abs() < 0.01, "{b:?}");
    assert_eq!(p.finish, Some(finish));
    // Its two published levels are sources of the chart, by their own right.
    assert_eq!(b.provenance.iter().map(|p| p.publication.as_str()).collect::<Vec<_>>(), ["ncg-2023-11-30", "ncg-2024-12-31"]);
    let said = f.paragraphs.iter().find(|s| s.starts_with("Moet alles wat over is nog versterkt worden")).expect("its sentence");
    assert!(said.contains("tussen 30 november 2023 en 31 december 2024 (121 per maand)") && said.contains("pas klaar in de 2e helft 2033. Een scenario"), "{said}");
    assert!(f.secondary.contains(said), "explained, not the answer");
    // (A fourth review: the chart ran to 2033 under a summary that ended in 2030.)
    assert!(f.chart.meta.summary.ends_with(" Moet alles nog versterkt worden, dan pas in de 2e helft 2033 (een scenario)."), "{}", f.chart.meta.summary);
    // The range of the two paces is as before: the scenario is beside it, not in it.
    assert_eq!(f.range_text.as_deref(), Some("Bij die tempo's is het werk naar schatting klaar tussen de 2e helft 2027 en de 1e helft 2030; de 2e helft 2027 is te gunstig, want het snelste tempo kan niet terugkomen."));
    let rest = overzicht::rest_answer(&a, Lang::Nl);
    assert!(rest.more.iter().any(|m| m == said) && !rest.body.iter().any(|m| m == said));
    let en = versterkingsmonitor::analysis::trends::forecast_chart::build(&a, &Filters::default(), 2028, trend.as_ref(), Lang::En);
    assert!(en.paragraphs.iter().any(|s| s.starts_with("If everything left must still be reinforced") && s.contains("only in H2 2033")), "{:?}", en.paragraphs);
}

/// Regression (a fourth review): a journalist could not trace the Overzicht's three figures from
/// their cards: the pace card named no publication for 2.275 and 4.800 beyond "NCG", the lead-time
/// card only "tabel 2.4". Each card now has its source line, as the charts have.
#[test]
fn every_answer_card_names_its_sources() {
    let (a, _) = common::bundled_archive();
    let m = overzicht::build(&a, Lang::Nl);
    for ans in &m.answers {
        assert!(ans.source.starts_with("Bron: "), "{}: {:?}", ans.key, ans.source);
    }
    let by = |k: &str| m.answers.iter().find(|x| x.key == k).map(|x| x.source.clone()).unwrap_or_default();
    // 2024 and 2025 as NCG published them (quoted by oogtv).
    assert!(by("trend").contains("NCG (geciteerd door oogtv)"), "{}", by("trend"));
    assert!(by("doorlooptijd").contains("SodM"), "{}", by("doorlooptijd"));
    assert!(by("rest").contains("bewerking Versterkingsmonitor"), "{}", by("rest"));
}
