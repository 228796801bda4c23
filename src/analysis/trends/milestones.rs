//! The milestones whose flows the Trends view shows, grouped as a resident would ask about them.
//! Each member is its own series: measures with different definitions are never joined
//! ("uitvoering gereed" as SodM counted it, NCG's "traject afgerond" of 2020-2021 and, since 2022,
//! "veilig verklaard" = the increase of "voldoet aan de norm").

/// One series of a group: a measure whose flows are drawn, and optionally a stock whose increase
/// between peildata is a flow of that measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    pub flow: &'static str,
    pub level: Option<&'static str>,
}

/// A choice in the "mijlpaal" selector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    /// URL value (`?mijlpaal=afgerond`).
    pub key: &'static str,
    pub members: &'static [Member],
}

const fn m(flow: &'static str) -> Member {
    Member { flow, level: None }
}

/// In selector order. The first is the default: the residents' question about completed tracks.
pub const GROUPS: &[Group] = &[
    Group { key: "afgerond", members: &[m("uitvoering_gereed"), m("traject_afgerond"), Member { flow: "veilig_verklaard", level: Some("voldoet_norm") }] },
    Group { key: "opname", members: &[m("opname")] },
    Group { key: "beoordeling", members: &[m("beoordeling"), m("beoordelingsrapport"), m("beoordelingen_totaal")] },
    Group { key: "planvorming", members: &[m("project_vastgesteld"), m("planvorming_gestart"), m("uitvoeringsplan_gestart")] },
    Group { key: "besluiten", members: &[m("normbesluit"), m("besluit_op_norm"), m("versterkingsbesluit")] },
    Group { key: "bouw", members: &[m("bouw_gestart"), m("bouw_gereed")] },
];

/// The group for a URL value; the default for anything unknown.
pub fn group(key: &str) -> &'static Group {
    GROUPS.iter().find(|g| g.key == key).unwrap_or(&GROUPS[0])
}

/// The group whose completion answers "afgeronde trajecten".
pub const COMPLETED: &str = "afgerond";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_fall_back_to_the_default() {
        assert_eq!(group("bouw").key, "bouw");
        assert_eq!(group("<script>").key, COMPLETED);
    }
}
