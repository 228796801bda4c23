//! The published aggregates the demo is calibrated to, with their sources.
//!
//! SodM, *Voortgangsrapportage Groningen 2019-2020* (seed 000), bronbestand peildatum 17-07-2020:
//! table 2.1 (L633-653), 2.2 (L669-680), 2.4 (L833-879), 2.5 (peildatum 01-07-2020, L1026-1049),
//! the Jan-2020 interim figures (REV, L729-738). NCG: kerncijfers 2020-2024 as collected in
//! `shared/reference/published-figures-and-dashboards.md` §1.2-1.3.

/// SodM's peildatum.
pub const PEILDATUM: &str = "2020-07-17";
/// SodM table 2.5's peildatum.
pub const PEILDATUM_T25: &str = "2020-07-01";
/// The last day of the demo.
pub const END: &str = "2025-12-31";

/// Table 2.1: per profile (P50, P90, grijs) werkvoorraad, opname, beoordeling, planvorming,
/// uitvoering gereed on 17-07-2020.
pub const T21: [[u32; 5]; 3] = [[3418, 2945, 2383, 1406, 226], [13351, 5290, 2289, 1261, 146], [9947, 7732, 4535, 2894, 805]];

/// Table 2.5: the same for the housing corporations' addresses on 01-07-2020.
pub const T25: [[u32; 5]; 3] = [[1240, 1157, 1067, 730, 170], [3310, 2488, 1335, 822, 128], [3942, 3664, 2797, 1997, 679]];

/// The periods of table 2.2, oldest first. SodM's last column ("2e kw 2020") is taken to run to
/// the peildatum, because the flows add up to table 2.1.
pub const T22_PERIODS: [(&str, &str, &str); 8] = [
    ("voor 2017", "", "2016-12-31"),
    ("2017", "2017-01-01", "2017-12-31"),
    ("2018", "2018-01-01", "2018-12-31"),
    ("1e+2e kw 2019", "2019-01-01", "2019-06-30"),
    ("3e kw 2019", "2019-07-01", "2019-09-30"),
    ("4e kw 2019", "2019-10-01", "2019-12-31"),
    ("1e kw 2020", "2020-01-01", "2020-03-31"),
    ("2e kw 2020 (t/m 17-07)", "2020-04-01", "2020-07-17"),
];

/// Table 2.2: opgenomen, beoordeeld, planvorming gestart, project uitgevoerd per period.
pub const T22: [[u32; 8]; 4] = [
    [3970, 5141, 4059, 287, 736, 1185, 408, 181],
    [1170, 2814, 2593, 875, 21, 30, 306, 1398],
    [383, 610, 404, 1456, 18, 346, 1809, 535],
    [181, 83, 240, 355, 78, 131, 3, 106],
];

/// Table 2.4, completed trajectories: opname→beoordeling, beoordeling→planvorming,
/// planvorming→gereed, total (days); and the coverage: 350 of 1,177.
pub const T24_COMPLETED: [f64; 4] = [580.0, 43.0, 586.0, 1209.0];
pub const T24_COVERAGE: u32 = 350;
/// Table 2.4, addresses in planvorming: opname→beoordeling, beoordeling→planvorming, total.
pub const T24_IN_PLANVORMING: [f64; 3] = [426.0, 575.0, 1001.0];
/// Table 2.4, addresses up to beoordeling: opname→beoordeling.
pub const T24_BEOORDEELD: f64 = 409.0;

/// SodM's interim delivery (January 2020) vs the July bronbestand: beoordelingen in H1 and H2 2019
/// as known then (357 and 656; the final numbers are 875 and 51).
pub const REV_KNOWN_ON: &str = "2020-01-15";
pub const REV_BEOORDELING: [(&str, &str, u32); 2] = [("2019-01-01", "2019-06-30", 357), ("2019-07-01", "2019-12-31", 656)];

/// NCG: werkvoorraad.
pub const WERKVOORRAAD: [(&str, u32); 10] = [
    ("2020-11-30", 26721),
    ("2020-12-31", 26724),
    ("2021-10-31", 26919),
    ("2022-12-31", 27234),
    ("2023-04-30", 27256),
    ("2023-06-30", 27311),
    ("2023-11-30", 27455),
    ("2024-03-31", 27539),
    ("2024-04-30", 27610),
    ("2024-12-31", 27713),
];

/// NCG: voldoet aan de norm, total and three parts (versterkt, op norm, andere reden); `None`
/// where the part was not published.
pub const VOLDOET: [(&str, u32, Option<[u32; 3]>); 7] = [
    ("2022-12-31", 8065, None),
    ("2023-04-30", 8780, Some([3516, 5101, 163])),
    ("2023-06-30", 9294, Some([3660, 5471, 163])),
    ("2023-11-30", 11451, Some([4120, 7166, 165])),
    ("2024-03-31", 12997, Some([4537, 8295, 165])),
    ("2024-04-30", 13898, None),
    ("2024-12-31", 16596, Some([5687, 10719, 190])),
];
/// NCG 31-12-2022: "waarvan 3.326 versterkt".
pub const VERSTERKT_2022: (&str, u32) = ("2022-12-31", 3326);

/// Indicative NCG figures (printed in the calibration table, looser tolerance).
pub mod indicative {
    /// 2020 year to date on 30-11-2020 and the whole of 2020: opnames, beoordelingen.
    pub const YTD_2020_11: [u32; 2] = [2612, 3739];
    pub const YEAR_2020: [u32; 2] = [2883, 4178];
    /// Afgerond on 31-12-2020; on 31-03-2021 (1,726 bouwkundig versterkt + 139 otherwise).
    pub const AFGEROND_2020: u32 = 1769;
    pub const AFGEROND_2021_03: [u32; 3] = [1865, 1726, 139];
    /// Milestones per month January-March 2021: opname, beoordeling, normbesluit,
    /// versterkingsbesluit, bouw gestart, afgerond.
    pub const Q1_2021: [[u32; 3]; 6] = [[187, 153, 236], [100, 84, 125], [64, 176, 143], [5, 4, 13], [53, 15, 11], [49, 32, 9]];
    /// Fasen 1-6 on 31-10-2021.
    pub const FASEN_2021_10: [u32; 6] = [2894, 3184, 6543, 10254, 1644, 2400];
    /// In voorbereiding of uitvoering on 31-03-2024.
    pub const IN_UITVOERING_2024_03: u32 = 2642;
    /// Still to assess on 31-12-2024.
    pub const NOG_TE_BEOORDELEN_2024: u32 = 931;
    /// Beoordelingen in June 2020 (SodM L714).
    pub const BEOORDELING_JUNI_2020: u32 = 574;
    /// 2025: veilig verklaard (op norm + bouw gereed) and bouw gestart.
    pub const YEAR_2025: [u32; 2] = [2275, 1962];
}
