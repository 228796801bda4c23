//! Texts of the Over / methode view: what the Versterkingsmonitor is, for whom, what it does and
//! does not show, tracing figures to their source, the honesty rules, the glossary
//! (docs/glossary.md), citing and downloading, privacy, licence.

/// One section of the page: anchor, heading, paragraphs.
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub paragraphs: &'static [&'static str],
    /// Bullet points after the paragraphs.
    pub points: &'static [&'static str],
}

pub struct OverTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub sections: &'static [Section],
    pub glossary_title: &'static str,
    pub glossary_intro: &'static str,
    /// (word, meaning)
    pub glossary: &'static [(&'static str, &'static str)],
    pub see_data: &'static str,
}

pub const NL: OverTexts = OverTexts {
    title: "Over de Versterkingsmonitor",
    intro: "Met de Versterkingsmonitor is de versterking van huizen in het Groningse aardbevingsgebied over de jaren heen te volgen: alle gepubliceerde cijfers op één plek, elk met zijn bron.",
    sections: &[
        Section {
            id: "wat",
            title: "Wat is het?",
            paragraphs: &[
                "Sinds 2020 publiceert de Nationaal Coördinator Groningen (NCG) cijfers over de versterking: hoeveel van de ongeveer 27.000 adressen zijn opgenomen, beoordeeld, versterkt of veilig verklaard. Elke publicatie is een momentopname. Eerdere maanden worden later gecorrigeerd, definities veranderen en gemeenten zijn samengevoegd.",
                "De Versterkingsmonitor bewaart elke publicatie van NCG, Staatstoezicht op de Mijnen (SodM) en gemeenten als afzonderlijke ‘vintage’ in een open archief, en laat trends, doorlooptijden en cijfers per gemeente zien. De cijfers zijn van die organisaties; de bewerking is van de Versterkingsmonitor.",
            ],
            points: &[],
        },
        Section {
            id: "voor-wie",
            title: "Voor wie?",
            paragraphs: &[],
            points: &[
                "Bewoners: de ontwikkeling per maand in gewone taal, ook op een telefoon.",
                "Raadsleden: hun gemeente op één pagina, op een groot scherm of op papier.",
                "Onderzoekers en journalisten: elke grafiek ook als tabel, CSV en SVG, de rekenmethode bij elke grafiek, het hele archief om te downloaden, en elke grafiek om in te sluiten op een eigen website.",
            ],
        },
        Section {
            id: "wel-en-niet",
            title: "Wat laat het wel en niet zien?",
            paragraphs: &[
                "De Versterkingsmonitor toont wat er gepubliceerd is, per publicatie, met de peildatum erbij. Waar een publicatie iets niet noemt, staat er niets: ontbrekende cijfers worden niet bedacht.",
            ],
            points: &[
                "De NCG publiceert geen gegevens per adres. Cijfers per dorp, straat of cluster en exacte doorlooptijden kunnen alleen uit een bronbestand komen: het synthetische demonstratiebestand (verzonnen, steeds zo gemarkeerd) of een bestand dat u zelf laadt.",
                "Doorlooptijden die uit gepubliceerde totalen zijn afgeleid, zijn schattingen en staan als schatting aangegeven, met de rekenmethode.",
                "De Versterkingsmonitor zegt niets over de veiligheid of de beoordeling van een individueel huis.",
                "Verschillen tussen publicaties worden getoond, niet weggepoetst: welke waarde ‘klopt’ is vaak niet vast te stellen.",
            ],
        },
        Section {
            id: "herleiden",
            title: "Elk getal terug naar zijn bron",
            paragraphs: &[
                "Elk getal in het archief hoort bij één publicatie (uitgever, peildatum, titel, link of document) en heeft een vindplaats in die bron: tabel, pagina of regel. Bij elke grafiek staat de bronregel; de tabel onder de grafiek en de tooltip tonen per waarde de publicatie, de vindplaats en de soort (gepubliceerd, benadering, afgeleid, schatting, niet getoond, synthetisch).",
                "Op de pagina Data & bronnen staan alle publicaties met hun links, welke cijfers er zijn, de kwaliteitscontrole en het hele archief als download.",
            ],
            points: &[],
        },
        Section {
            id: "eerlijkheid",
            title: "Eerlijkheidsregels",
            paragraphs: &["Deze regels gelden overal in de Versterkingsmonitor:"],
            points: &[
                "Definitiebreuken worden nooit doorgetrokken: als een maat anders gaat tellen (zoals ‘project vastgesteld’ dat in 2020 ‘planvorming gestart’ werd), begint een nieuwe lijn met een markering.",
                "Herzieningen worden getoond: elke publicatie blijft bewaard, en waar een latere publicatie een eerdere periode anders noemt, ziet u beide waarden.",
                "Sommen die niet kloppen worden gemeld, niet gerepareerd: getallen staan er zoals ze gepubliceerd zijn.",
                "Synthetische gegevens zijn altijd gemarkeerd: met een balk bovenaan elke pagina, ook in een ingesloten grafiek, een stempel in elke grafiek, en in de naam en de eerste regel van elke download.",
                "Kleine aantallen worden niet getoond: onder het niveau van een gemeente staat ‘×’ (verborgen) in plaats van aantallen onder de vijf, en ook bij enkele grotere aantallen, zodat zo'n klein aantal niet uit de totalen terug te rekenen is en niemand herkenbaar wordt. Wat uit een deel van de adressen berekend is (een wachttijd, een doorlooptijd per stap met zijn aantal, uitkomsten en NPR-versies van een cluster), staat er alleen waar de getoonde aantallen al zeggen wat het over die adressen verraadt.",
                "Schattingen zijn als schatting aangegeven; een onbekende publicatiedatum wordt nooit geraden.",
                "Een aangekondigde controle van gepubliceerde cijfers wordt erbij gezegd, ook bij oudere cijfers: sinds het ACVG-advies van juni 2026 bekijkt NCG bij ruim 8.000 adressen of de beoordeling aanvullend gecontroleerd moet worden; bij de cijfers over ‘op norm’, ‘voldoet aan de veiligheidsnorm’ en ‘veilig verklaard’ staat dat ze daardoor nog kunnen veranderen.",
                "De bronnen en de toelichtingen bij de cijfers zijn Nederlands. Op de Engelse pagina staan de toelichtingen in onze vertaling (het bestand vertalingen.csv, met de Nederlandse tekst ernaast); titels en citaten uit de bronnen blijven in het Nederlands.",
            ],
        },
        Section {
            id: "citeren",
            title: "Citeren, delen en downloaden",
            paragraphs: &[
                "Elke weergave heeft een eigen adres waarin taal, gegevensbron en filters staan; wie dat adres deelt, laat precies hetzelfde beeld zien. Bij elke grafiek kunt u de cijfers als CSV downloaden (de tabel onder de grafiek, met de publicatie, vindplaats en toelichting waar die per waarde bekend zijn; elke kolom met cijfers bevat alleen getallen, met een punt als decimaalteken, leeg als een aantal verborgen is, en wat het scherm ernaast zegt (≈, een datum, afgeleid) staat in de kolom erna, ‘… – toelichting’; de eerste regels, beginnend met #, noemen de titel, de bron en de dag en het adres van de download) en de afbeelding als SVG of PNG, met de bronregel erin, om in een document of presentatie op te nemen. Onder elke grafiek staat ook de code om hem op een andere website in te sluiten: het kader toont alleen die grafiek, met bron en filters, en steeds de nieuwste cijfers. Afgedrukt staat elke grafiek scherp op papier, met zijn werkwijze, zijn tabel (een lange tabel alleen als u hem opende) en de datum en het adres van de afdruk.",
                "Citeer als: Versterkingsmonitor Groningen, <adres van de pagina>, geraadpleegd op <datum>; met de bron die bij de grafiek staat (bijvoorbeeld ‘NCG, Maandrapportage 30 juni 2023’). Voor eigen analyses: download het hele archief op de pagina Data & bronnen.",
            ],
            points: &[],
        },
        Section {
            id: "csv",
            title: "Een CSV-bestand openen",
            paragraphs: &[
                "De CSV-bestanden gebruiken de internationale vorm: een komma tussen de kolommen en een punt als decimaalteken. Een Nederlandse Excel zet bij dubbelklikken daarom alles in één kolom. Open het bestand dan via Gegevens > Van tekst/CSV, met als scheidingsteken ‘komma’. De regels bovenaan die met # beginnen, zijn geen cijfers maar de titel, de bron en de dag en het adres van de download; in een spreadsheet staan ze in de eerste rijen.",
            ],
            points: &[
                "LibreOffice en Google Spreadsheets: kies bij het openen of importeren ‘komma’ als scheidingsteken.",
                "R: read.csv(bestand, comment.char = \"#\"). Python: pandas.read_csv(bestand, comment=\"#\").",
            ],
        },
        Section {
            id: "privacy",
            title: "Privacy",
            paragraphs: &[
                "De Versterkingsmonitor gebruikt geen cookies en slaat niets over u op. Een bestand dat u zelf laadt, wordt in uw browser gelezen en nergens naartoe gestuurd; na het herladen van de pagina is het weg.",
            ],
            points: &[],
        },
        Section {
            id: "licentie",
            title: "Open source en licentie",
            paragraphs: &[
                "De Versterkingsmonitor is open source onder de Europese openbare licentie EUPL-1.2: iedereen mag de code gebruiken, bestuderen, aanpassen en verder verspreiden. De cijfers zijn openbare informatie van NCG, SodM en de gemeenten. Ziet u een fout, of is er een nieuwe publicatie? Meld het bij de beheerders van de broncode; een nieuwe publicatie toevoegen kost één CSV-bestand en één regel in de lijst van publicaties.",
            ],
            points: &[],
        },
    ],
    glossary_title: "Woordenlijst",
    glossary_intro: "Woorden die in de Versterkingsmonitor en in de publicaties van NCG en SodM voorkomen:",
    glossary: &[
        ("versterking, versterkingsoperatie", "het versterken van gebouwen in Groningen tegen aardbevingen die door de gaswinning zijn veroorzaakt"),
        ("NCG", "Nationaal Coördinator Groningen, de overheidsorganisatie die de versterking uitvoert"),
        ("SodM", "Staatstoezicht op de Mijnen, de toezichthouder; publiceert jaarlijks over de voortgang"),
        ("adres", "de eenheid van alle tellingen (een flatgebouw telt veel adressen)"),
        ("werkvoorraad", "alle adressen die op een datum in de versterkingsoperatie zitten"),
        ("peildatum", "de datum waarop een cijfer of publicatie betrekking heeft"),
        ("publicatie, vintage", "één uitgave van cijfers; latere publicaties kunnen eerdere perioden herzien"),
        ("opname", "inspectie van een gebouw"),
        ("beoordeling", "toetsing van een gebouw aan de veiligheidsnorm"),
        ("normbesluit, versterkingsadvies", "het besluit of een gebouw aan de norm voldoet / het advies hoe te versterken"),
        ("planvorming gestart", "het maken van het versterkingsplan is begonnen (sinds 2020; verving ‘project vastgesteld’, dat ongeveer negen keer minder adressen telde)"),
        ("versterkingsbesluit, uitvoeringsplan", "het besluit over het plan dat wordt uitgevoerd"),
        ("bouw gestart / bouw gereed", "de bouw is begonnen / klaar"),
        ("traject afgerond", "het hele traject is klaar (versterkt, of op een andere manier afgesloten)"),
        ("voldoet aan de veiligheidsnorm", "versterkt of nieuw gebouwd, op norm na beoordeling, of om een andere reden (sinds 2022)"),
        ("op norm", "voldoet na beoordeling aan de norm zonder versterking"),
        ("veilig verklaard", "adressen die in een periode aan de norm gingen voldoen: op norm na beoordeling plus bouw gereed (NCG, sinds 2022)"),
        ("NPR 9998", "de Nederlandse praktijkrichtlijn waarmee gebouwen op aardbevingsbestendigheid worden beoordeeld; er zijn meerdere versies"),
        ("ACVG", "Adviescollege Veiligheid Groningen, onafhankelijk adviseur over de veiligheid; adviseerde in juni 2026 over de kwaliteit van de beoordelingen"),
        ("BZK", "het ministerie van Binnenlandse Zaken en Koninkrijksrelaties, verantwoordelijk voor de versterking"),
        ("GBB", "Groninger Bodem Beweging, een vereniging van bewoners"),
        ("sloop-nieuwbouw", "slopen en opnieuw bouwen"),
        ("fase 1-6", "de zes fasen waarin de NCG in 2021 rapporteerde"),
        ("doorlooptijd", "de tijd tussen twee mijlpalen"),
        // Consistent with the method note of Doorlooptijden (`doorlooptijden.percentile_note`).
        ("percentiel", "de waarde waar een deel van de gesorteerde waarden onder ligt: bij het 25e percentiel deed een kwart van de adressen er korter over, bij het 75e drie kwart, bij het 90e negen op tien; de mediaan is het 50e. Valt het tussen twee waarden in, dan ligt het naar rato tussen die twee (zoals Excel PERCENTIEL.INC en R type 7)"),
        ("risicoprofiel", "uitkomst van het risicomodel van de NAM: P50 (verhoogd), P90 (licht verhoogd), grijs (normaal)"),
        ("batch", "een groep adressen die samen is opgepakt (1467, 1581, 1588, 3260, …)"),
        ("LPA", "lokaal plan van aanpak: het jaarplan van een gemeente"),
        ("MJVP", "meerjarenversterkingsplan (tot 2028)"),
        ("gemeente / dorp / wijk / straat / cluster", "van groot naar klein; een cluster is een groep buuradressen die samen worden versterkt"),
        ("corporatie", "woningcorporatie (eigenaar)"),
        ("bronbestand", "het bestand van de NCG met één regel per adres (niet openbaar); de Versterkingsmonitor heeft er een open indeling voor"),
        ("doelstelling", "het doel voor een periode"),
        ("dataschoning", "het opschonen van de gegevens (november 2020)"),
        ("stuwmeer", "een achterstand die zich vóór een stap ophoopt"),
    ],
    see_data: "Naar Data & bronnen",
};

pub const EN: OverTexts = OverTexts {
    title: "About the Versterkingsmonitor",
    intro: "The Versterkingsmonitor lets you follow the reinforcement of homes in the Groningen earthquake area over the years: every published figure in one place, each with its source.",
    sections: &[
        Section {
            id: "wat",
            title: "What is it?",
            paragraphs: &[
                "Since 2020 the Nationaal Coördinator Groningen (NCG) has published figures on the reinforcement: how many of the roughly 27,000 addresses have been inspected, assessed, reinforced or declared safe. Each publication is a snapshot. Earlier months are corrected later, definitions change and municipalities have merged.",
                "The Versterkingsmonitor keeps every publication of NCG, the State Supervision of Mines (SodM) and municipalities as a separate ‘vintage’ in an open archive, and shows trends, lead times and figures per municipality. The figures are those organisations'; the processing is the Versterkingsmonitor's.",
            ],
            points: &[],
        },
        Section {
            id: "voor-wie",
            title: "For whom?",
            paragraphs: &[],
            points: &[
                "Residents: the month-by-month development in plain language, on a phone too.",
                "Council members: their municipality on one page, on a big screen or on paper.",
                "Researchers and journalists: every chart also as a table, CSV and SVG, the method with every chart, the whole archive to download, and every chart to embed in their own website.",
            ],
        },
        Section {
            id: "wel-en-niet",
            title: "What it does and does not show",
            paragraphs: &[
                "The Versterkingsmonitor shows what has been published, per publication, with its reference date. Where a publication says nothing, nothing is shown: missing figures are not made up.",
            ],
            points: &[
                "NCG publishes no data per address. Figures per village, street or cluster and exact lead times can only come from a source file: the synthetic demonstration file (invented, always marked as such) or a file you load yourself.",
                "Lead times derived from published totals are estimates and are marked as estimates, with the method.",
                "The Versterkingsmonitor says nothing about the safety or the assessment of an individual house.",
                "Differences between publications are shown, not smoothed away: which value is ‘right’ often cannot be established.",
            ],
        },
        Section {
            id: "herleiden",
            title: "Every figure back to its source",
            paragraphs: &[
                "Every figure in the archive belongs to one publication (publisher, reference date, title, link or document) and has a location in that source: table, page or line. Every chart has a source line; the table under the chart and the tooltip show for each value the publication, the location and the kind (published, approximate, derived, estimate, not shown, synthetic).",
                "The Data & sources page lists every publication with its link, which figures exist, the quality checks and the whole archive as a download.",
            ],
            points: &[],
        },
        Section {
            id: "eerlijkheid",
            title: "Honesty rules",
            paragraphs: &["These rules hold everywhere in the Versterkingsmonitor:"],
            points: &[
                "Definition breaks are never joined: when a measure starts counting differently (as ‘project vastgesteld’ became ‘planvorming gestart’ in 2020), a new line starts, with a marker.",
                "Revisions are shown: every publication is kept, and where a later publication reports an earlier period differently, you see both values.",
                "Sums that do not add up are reported, not repaired: figures stay as they were published.",
                "Synthetic data is always marked: with a bar at the top of every page, an embedded chart included, a stamp in every chart, and in the name and first line of every download.",
                "Small counts are not shown: below the level of a municipality ‘×’ (hidden) appears instead of counts under five, and instead of some larger counts, so that such a small number cannot be worked out from the totals and nobody can be recognised. What is computed from some of the addresses (a waiting time, a lead time per step with its number, a cluster's outcomes and NPR versions) is shown only where the counts shown already say what it tells about those addresses.",
                "Estimates are marked as estimates; an unknown publication date is never guessed.",
                "An announced check of published figures is stated, also with older figures: since the ACVG advice of June 2026 NCG is looking at over 8,000 addresses to see whether their assessment needs an additional check; the figures on ‘meets the norm’ and ‘declared safe’ say that they may still change because of it.",
                "The sources and the notes on the figures are in Dutch. On the English page the notes are shown in our translation (the file vertalingen.csv, with the Dutch text beside it); titles and quotations from the sources stay in Dutch.",
            ],
        },
        Section {
            id: "citeren",
            title: "Citing, sharing and downloading",
            paragraphs: &[
                "Every view has its own address holding the language, data source and filters; sharing that address shows exactly the same picture. With every chart you can download the figures as CSV (the table under the chart, with the publication, location and note where these are known per value; every column of figures holds only numbers, with a decimal point, empty where a count is hidden, and what the screen says beside them (≈, a date, derived) is in the column after it, ‘… – note’; its first lines, starting with #, give the title, the source and the day and address of the download) and the picture as SVG or PNG, with the source line in it, to include in a document or presentation. Under every chart there is also the code to embed it in another website: the frame shows only that chart, with its source and filters, and always the newest figures. Printed, every chart is sharp on paper, with its method, its table (a long table only if you opened it) and the date and address of the print.",
                "Cite as: Versterkingsmonitor Groningen, <address of the page>, accessed on <date>; with the source given with the chart (for example ‘NCG, Maandrapportage 30 juni 2023’). For your own analyses: download the whole archive on the Data & sources page.",
            ],
            points: &[],
        },
        Section {
            id: "csv",
            title: "Opening a CSV file",
            paragraphs: &[
                "The CSV files use the international form: a comma between columns and a point as decimal separator. Excel set to Dutch (or another language with a decimal comma) therefore puts everything in one column on a double click. Open the file through Data > From Text/CSV instead, with ‘comma’ as delimiter. The lines at the top that start with # are not figures but the title, the source and the day and address of the download; in a spreadsheet they fill the first rows.",
            ],
            points: &[
                "LibreOffice and Google Sheets: choose ‘comma’ as separator when opening or importing.",
                "R: read.csv(file, comment.char = \"#\"). Python: pandas.read_csv(file, comment=\"#\").",
            ],
        },
        Section {
            id: "privacy",
            title: "Privacy",
            paragraphs: &[
                "The Versterkingsmonitor uses no cookies and stores nothing about you. A file you load yourself is read in your browser and sent nowhere; after reloading the page it is gone.",
            ],
            points: &[],
        },
        Section {
            id: "licentie",
            title: "Open source and licence",
            paragraphs: &[
                "The Versterkingsmonitor is open source under the European Union Public Licence EUPL-1.2: anyone may use, study, change and share the code. The figures are public information of NCG, SodM and the municipalities. Found an error, or is there a new publication? Tell the maintainers of the source code; adding a new publication takes one CSV file and one line in the list of publications.",
            ],
            points: &[],
        },
    ],
    glossary_title: "Glossary",
    glossary_intro: "Dutch words used in the Versterkingsmonitor and in the publications of NCG and SodM:",
    glossary: &[
        ("versterking, versterkingsoperatie", "the reinforcement of buildings in Groningen against earthquakes caused by gas extraction"),
        ("NCG", "Nationaal Coördinator Groningen, the public body carrying out the reinforcement"),
        ("SodM", "Staatstoezicht op de Mijnen (State Supervision of Mines), the regulator; publishes yearly progress reports"),
        ("adres", "an address: the unit of all counts (one block of flats has many addresses)"),
        ("werkvoorraad", "the caseload: all addresses in the operation on a date"),
        ("peildatum", "reference date of a figure or publication"),
        ("publicatie, vintage", "one release of figures; later publications may revise earlier periods"),
        ("opname", "inspection of a building"),
        ("beoordeling", "assessment of a building against the safety norm"),
        ("normbesluit, versterkingsadvies", "decision whether a building meets the norm / the reinforcement advice"),
        ("planvorming gestart", "planning has started (since 2020; replaced ‘project vastgesteld’, which counted about nine times fewer addresses)"),
        ("versterkingsbesluit, uitvoeringsplan", "decision on the reinforcement plan to be carried out"),
        ("bouw gestart / bouw gereed", "construction started / completed"),
        ("traject afgerond", "the whole trajectory finished (reinforced, or closed otherwise)"),
        ("voldoet aan de veiligheidsnorm", "meets the safety norm: reinforced or rebuilt, op norm after assessment, or another reason (since 2022)"),
        ("op norm", "meets the norm after assessment without reinforcement"),
        ("veilig verklaard", "declared safe: addresses that came to meet the norm in a period, after assessment plus construction done (NCG, since 2022)"),
        ("NPR 9998", "the Dutch practice guideline by which buildings are assessed for earthquake resistance; there are several versions"),
        ("ACVG", "Adviescollege Veiligheid Groningen, independent adviser on safety; advised in June 2026 on the quality of the assessments"),
        ("BZK", "the Ministry of the Interior and Kingdom Relations, responsible for the reinforcement"),
        ("GBB", "Groninger Bodem Beweging, a residents' association"),
        ("sloop-nieuwbouw", "demolition and new construction"),
        ("fase 1-6", "the six phases NCG reported in 2021"),
        ("doorlooptijd", "lead time between two milestones"),
        ("percentiel", "percentile: the value below which a share of the sorted values lies: at the 25th percentile a quarter of the addresses took less time, at the 75th three quarters, at the 90th nine in ten; the median is the 50th. When it falls between two values, it lies proportionally between the two (as Excel PERCENTILE.INC and R type 7)"),
        ("risicoprofiel", "risk profile from NAM's hazard and risk assessment: P50 (elevated), P90 (slightly elevated), grijs (normal)"),
        ("batch", "a group of addresses taken up together (1467, 1581, 1588, 3260, …)"),
        ("LPA", "lokaal plan van aanpak: a municipality's yearly plan"),
        ("MJVP", "meerjarenversterkingsplan: multi-year plan (to 2028)"),
        ("gemeente / dorp / wijk / straat / cluster", "municipality / village / neighbourhood / street / group of neighbouring addresses reinforced together"),
        ("corporatie", "housing association (owner)"),
        ("bronbestand", "NCG's address-level source file (not public); the Versterkingsmonitor has an open format for it"),
        ("doelstelling", "target"),
        ("dataschoning", "data cleaning (November 2020)"),
        ("stuwmeer", "backlog piling up in front of a step"),
    ],
    see_data: "Go to Data & sources",
};

#[cfg(test)]
mod tests {
    use super::{EN, NL};

    /// Regression (review): Doorlooptijden's method note says "het 25e en 75e percentiel … steeds
    /// tussen twee gesorteerde waarden in (zoals Excel PERCENTIEL.INC en R type 7)", and the
    /// glossary did not explain the word. It does now, in plain words and by the same method, under
    /// the same anchor in both languages (/over#term-percentiel).
    #[test]
    fn the_glossary_explains_percentiel_as_the_method_note_computes_it() {
        for (t, excel, quarter) in [(&NL, "PERCENTIEL.INC", "een kwart van de adressen er korter over"), (&EN, "PERCENTILE.INC", "a quarter of the addresses took less time")] {
            let (w, m) = t.glossary.iter().find(|(w, _)| *w == "percentiel").expect("percentiel in the glossary");
            assert_eq!(crate::i18n::format::term_anchor(w), "term-percentiel");
            assert!(m.contains(excel) && m.contains("R type 7") && m.contains(quarter) && m.contains("50"), "{m}");
        }
        assert!(EN.glossary.iter().any(|(w, m)| *w == "percentiel" && m.starts_with("percentile: ")));
    }
}
