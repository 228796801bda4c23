//! The villages of the demo: real villages of the five gemeenten of the reinforcement operation,
//! with the gemeente they belong to today and, where it matters, the gemeente they belonged to
//! before a merger (Appingedam, Delfzijl, Loppersum until 2020; Ten Boer until 2018).
//!
//! Checked: Middelstum, Huizinge, Toornwerd, Westerwijtwerd, Stedum and 't Zandt were in
//! Loppersum and are in Eemsdelta today (a 2019 item on moving Middelstum to Het Hogeland was an
//! April-fools' joke); Spijk, Woldendorp, Holwierde, Krewerd, Bierum, Godlinze and Farmsum were in
//! Delfzijl (Eemsdelta); Nieuwolda is in Oldambt; Muntendam, Siddeburen, Harkstede and Kolham are
//! in Midden-Groningen; Ten Post, Woltersum, Garmerwolde, Thesinge and Sint Annen were in Ten Boer
//! (Groningen since 2019).
//!
//! The sizes (addresses per village) and the corporation shares are **invented** to add up to
//! the published totals (werkvoorraad ~27,700; about 8,500 corporation addresses, nearly half in
//! Midden-Groningen and 30% in Delfzijl, SodM 2020 L1017-1018; Eemsdelta ~15,800 in 2023). The
//! pc4 codes lie in each gemeente's real range (Loppersum 9919 and Wirdum 9917 checked) but are
//! not a postcode register.

/// The region a village belongs to, which sets when it typically entered the operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    /// Former gemeente Loppersum (the epicentre area; first batches 2014-2016).
    Loppersum,
    /// Former gemeente Appingedam.
    Appingedam,
    /// Former gemeente Delfzijl.
    Delfzijl,
    /// Gemeente Groningen (former Ten Boer villages and the north-east of the city).
    Groningen,
    /// Midden-Groningen.
    MiddenGroningen,
    /// Het Hogeland.
    HetHogeland,
    /// Oldambt.
    Oldambt,
}

impl Region {
    /// Relative chance of a cluster from each era (first milestone before 2017, 2017-2018,
    /// later or none) to lie in this region.
    pub fn era_weight(self, era: usize) -> f64 {
        let w = match self {
            Region::Loppersum => [4.0, 1.5, 1.0],
            Region::Appingedam => [3.0, 2.0, 1.0],
            Region::Delfzijl => [3.0, 2.0, 1.0],
            Region::Groningen => [0.3, 1.5, 1.0],
            Region::MiddenGroningen => [0.4, 1.2, 1.0],
            Region::HetHogeland => [0.2, 0.8, 1.0],
            Region::Oldambt => [0.1, 0.3, 1.0],
        };
        w.get(era).copied().unwrap_or(1.0)
    }
}

/// One village.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dorp {
    pub name: &'static str,
    /// Three letters for cluster ids (`LOP-07`).
    pub code: &'static str,
    pub region: Region,
    /// Today's gemeente (CBS code number).
    pub gemeente: u16,
    /// The gemeente before a merger and its last day (`YYYY-MM-DD`), if any.
    pub before: Option<(u16, &'static str)>,
    pub pc4: &'static [u16],
    /// Invented number of addresses in the operation.
    pub size: u32,
    /// Invented number of corporation addresses among them.
    pub corporatie: u32,
}

const fn d(name: &'static str, code: &'static str, region: Region, pc4: &'static [u16], size: u32, corporatie: u32) -> Dorp {
    let (gemeente, before) = match region {
        Region::Loppersum => (1979, Some((24, "2020-12-31"))),
        Region::Appingedam => (1979, Some((3, "2020-12-31"))),
        Region::Delfzijl => (1979, Some((10, "2020-12-31"))),
        Region::Groningen => (14, Some((9, "2018-12-31"))),
        Region::MiddenGroningen => (1952, None),
        Region::HetHogeland => (1966, None),
        Region::Oldambt => (1895, None),
    };
    Dorp { name, code, region, gemeente, before, pc4, size, corporatie }
}

/// The city of Groningen itself was never in Ten Boer.
const fn city(name: &'static str, code: &'static str, pc4: &'static [u16], size: u32, corporatie: u32) -> Dorp {
    Dorp { name, code, region: Region::Groningen, gemeente: 14, before: None, pc4, size, corporatie }
}

use Region::*;

/// All villages of the demo.
pub const DORPEN: [Dorp; 70] = [
    // Eemsdelta, former Delfzijl
    d("Delfzijl", "DZL", Delfzijl, &[9931, 9932, 9933, 9934], 5200, 2450),
    d("Farmsum", "FAR", Delfzijl, &[9936], 520, 150),
    d("Holwierde", "HWD", Delfzijl, &[9905], 300, 20),
    d("Krewerd", "KRW", Delfzijl, &[9905], 40, 0),
    d("Bierum", "BIE", Delfzijl, &[9906], 180, 10),
    d("Godlinze", "GDL", Delfzijl, &[9908], 80, 0),
    d("Spijk", "SPK", Delfzijl, &[9909], 380, 30),
    d("Losdorp", "LSD", Delfzijl, &[9907], 50, 0),
    d("Wagenborgen", "WAG", Delfzijl, &[9945], 420, 60),
    d("Woldendorp", "WLD", Delfzijl, &[9946], 280, 40),
    d("Termunten", "TMN", Delfzijl, &[9948], 100, 0),
    d("Termunterzijl", "TMZ", Delfzijl, &[9947], 70, 0),
    d("Meedhuizen", "MDH", Delfzijl, &[9937], 120, 0),
    // Eemsdelta, former Appingedam
    d("Appingedam", "APD", Appingedam, &[9901, 9902, 9903], 3300, 650),
    d("Marsum", "MRS", Appingedam, &[9904], 60, 0),
    d("Jukwerd", "JKW", Appingedam, &[9904], 40, 0),
    // Eemsdelta, former Loppersum
    d("Loppersum", "LOP", Loppersum, &[9919], 1500, 150),
    d("Middelstum", "MDS", Loppersum, &[9991], 1050, 60),
    d("Stedum", "STD", Loppersum, &[9921], 450, 20),
    d("'t Zandt", "ZDT", Loppersum, &[9915], 450, 10),
    d("Zeerijp", "ZRP", Loppersum, &[9914], 180, 0),
    d("Garrelsweer", "GRW", Loppersum, &[9918], 200, 0),
    d("Wirdum", "WRD", Loppersum, &[9917], 160, 0),
    d("Westeremden", "WED", Loppersum, &[9922], 150, 0),
    d("Leermens", "LMS", Loppersum, &[9913], 80, 0),
    d("Eenum", "EEN", Loppersum, &[9912], 40, 0),
    d("Oosterwijtwerd", "OWW", Loppersum, &[9911], 60, 0),
    d("Huizinge", "HZG", Loppersum, &[9992], 50, 0),
    d("Westerwijtwerd", "WWW", Loppersum, &[9993], 40, 0),
    d("Toornwerd", "TNW", Loppersum, &[9994], 25, 0),
    d("Garsthuizen", "GSH", Loppersum, &[9923], 70, 0),
    d("Zijldijk", "ZLD", Loppersum, &[9924], 60, 0),
    // Groningen: former Ten Boer and the city
    d("Ten Boer", "TBR", Groningen, &[9791], 1800, 250),
    d("Ten Post", "TPS", Groningen, &[9792], 450, 20),
    d("Woltersum", "WTS", Groningen, &[9795], 250, 0),
    d("Garmerwolde", "GMW", Groningen, &[9798], 350, 0),
    d("Thesinge", "THS", Groningen, &[9797], 250, 0),
    d("Sint Annen", "SAN", Groningen, &[9796], 120, 0),
    d("Wittewierum", "WWR", Groningen, &[9793], 60, 0),
    d("Lellens", "LLS", Groningen, &[9794], 20, 0),
    city("Groningen", "GRO", &[9733, 9735, 9736], 1000, 350),
    // Midden-Groningen
    d("Hoogezand", "HGZ", MiddenGroningen, &[9601, 9602, 9603], 2700, 2550),
    d("Sappemeer", "SPM", MiddenGroningen, &[9611, 9612], 1000, 880),
    d("Foxhol", "FXH", MiddenGroningen, &[9607], 120, 60),
    d("Slochteren", "SLO", MiddenGroningen, &[9621], 350, 60),
    d("Siddeburen", "SDB", MiddenGroningen, &[9628], 450, 80),
    d("Schildwolde", "SWD", MiddenGroningen, &[9626], 250, 40),
    d("Harkstede", "HKS", MiddenGroningen, &[9614], 280, 20),
    d("Kolham", "KLH", MiddenGroningen, &[9615], 150, 10),
    d("Muntendam", "MTD", MiddenGroningen, &[9649], 180, 90),
    d("Noordbroek", "NBK", MiddenGroningen, &[9635], 120, 30),
    d("Zuidbroek", "ZBK", MiddenGroningen, &[9636], 150, 50),
    d("Froombosch", "FRB", MiddenGroningen, &[9623], 40, 0),
    d("Hellum", "HLM", MiddenGroningen, &[9627], 60, 0),
    d("Tjuchem", "TJC", MiddenGroningen, &[9629], 30, 0),
    d("Steendam", "STM", MiddenGroningen, &[9629], 40, 0),
    // Het Hogeland
    d("Uithuizen", "UHZ", HetHogeland, &[9981], 420, 100),
    d("Uithuizermeeden", "UHM", HetHogeland, &[9982], 300, 40),
    d("Usquert", "USQ", HetHogeland, &[9988], 150, 10),
    d("Warffum", "WFM", HetHogeland, &[9989], 150, 10),
    d("Roodeschool", "RDS", HetHogeland, &[9983], 80, 0),
    d("Kantens", "KNT", HetHogeland, &[9977], 70, 0),
    d("Zandeweer", "ZDW", HetHogeland, &[9976], 60, 0),
    d("Bedum", "BDM", HetHogeland, &[9781], 120, 20),
    // Oldambt
    d("Winschoten", "WSC", Oldambt, &[9671, 9672, 9673], 150, 60),
    d("Scheemda", "SMD", Oldambt, &[9679], 80, 10),
    d("Midwolda", "MWD", Oldambt, &[9681], 50, 0),
    d("Nieuwolda", "NWD", Oldambt, &[9944], 70, 0),
    d("Heiligerlee", "HLL", Oldambt, &[9677], 20, 0),
    d("Nieuw Scheemda", "NSM", Oldambt, &[9943], 30, 0),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_totals_fit_the_published_scale() {
        let mut codes: Vec<&str> = DORPEN.iter().map(|d| d.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), DORPEN.len());
        let total: u32 = DORPEN.iter().map(|d| d.size).sum();
        assert!((27_000..29_000).contains(&total), "{total}");
        let corp: u32 = DORPEN.iter().map(|d| d.corporatie).sum();
        assert!((8_300..8_900).contains(&corp), "{corp}");
        assert!(DORPEN.iter().all(|d| d.corporatie <= d.size && !d.pc4.is_empty()));
    }
}
