"""Writes the malformed-input corpus for `ncg check` and its table EXPECTED.tsv.

Every expected LINE:COLUMN is computed here from the file's own text (the place of a marker),
not copied from the tool's output, so the test checks the tool against an independent count.
Columns are 1-based characters; lines count LF only (a lone CR is not a line end).
Run from anywhere: python3 tests/data/malformed/make_corpus.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEAD = "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note"
MATEN_HEAD = "code,kind,unit,group,order,label_nl,label_en,definition_nl,definition_en,valid_from,valid_to,replaces,comparable_with"
GEM_HEAD = "code,name,valid_from,valid_to,successor,in_operation"
EV_HEAD = "date,kind,measures,text_nl,text_en,source"
OK = "werkvoorraad,2020-07-17,,,,,,26716,published,\"tabel 2.1, L651\","

expected = []  # (file, "LINE:COL", word in the message)


def place(text, marker, occurrence=0):
    """1-based line and character column of the start of `marker` in `text`."""
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(marker, i + 1)
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return f"{line}:{col}"


def write(name, text, marker, word, occurrence=0, raw=None, offset=0, other=None):
    """Write `name` (text, or raw bytes) and expect an error at `marker` (+offset characters), or
    at a literal "LINE:COL". `other`: the error is reported in that file of the corpus instead."""
    data = raw if raw is not None else text.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    if ":" in marker and marker.replace(":", "").isdigit():
        where = marker
    else:
        line, col = place(text, marker, occurrence).split(":")
        where = f"{line}:{int(col) + offset}"
    expected.append((name, f"{other}:{where}" if other else where, word))


def pub(*rows):
    return HEAD + "\n" + "\n".join(rows) + "\n"


# --- context files (valid): maten.csv, gemeenten.csv, gebeurtenissen.csv, valid-publication.csv
with open(os.path.join(HERE, "maten.csv"), "w") as f:
    f.write(MATEN_HEAD + "\n" + "\n".join([
        "werkvoorraad,stock,addresses,omvang,0,Werkvoorraad,Work stock,,,,,,",
        "opname,cumulative,addresses,mijlpaal,10,Opname,Inspection,,,,,,",
        "herbeoordeling,flow,addresses,norm,11,Herbeoordeling,Reassessment,,,,,,",
        "doel_opname,target,addresses,doel,10,Doel opname,Inspection target,,,,,,opname",
        "doorlooptijd,lead_time_mean,days,doorlooptijd,1,Doorlooptijd,Lead time,,,,,,",
    ]) + "\n")
with open(os.path.join(HERE, "gemeenten.csv"), "w") as f:
    f.write(GEM_HEAD + "\nGM0003,Appingedam,,2020-12-31,GM1979,yes\nGM1979,Eemsdelta,2021-01-01,,,yes\nGM0014,Groningen,,,,yes\n")
with open(os.path.join(HERE, "gebeurtenissen.csv"), "w") as f:
    f.write(EV_HEAD + "\n2019-05-22,earthquake,,Aardbeving Westerwijtwerd,Westerwijtwerd earthquake,KNMI\n")
with open(os.path.join(HERE, "valid-publication.csv"), "w") as f:
    f.write(pub(OK, "opname,2020-07-17,GM0003,,,,,15967,published,tabel 2.1,"))

# --- whole-file problems
write("empty.csv", "", "1:1", "empty")
write("bom-only.csv", "", "1:1", "empty", raw=b"\xef\xbb\xbf")
write("whitespace-only.csv", "\n  \n\t\n", "1:1", "empty")
t = "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,waarde,flag,source,note\n" + OK + "\n"
write("wrong-header.csv", t, "waarde", "header")
t = HEAD.replace(",", ";") + "\n" + "werkvoorraad;2020-07-17;;;;;;26716;published;tabel 2.1;\n"
write("semicolon-separated.csv", t, "1:8", "semicolons")  # Excel's Dutch CSV: said at the first semicolon (was only "wrong header" at 1:1)
t = "adres,postcode,huisnummer\nHoofdstraat,9919,1\n"
write("unknown-kind.csv", t, "1:1", "unknown kind")
shown = HEAD + "\n" + OK.replace("26716", "1?23") + "\n"  # "?" marks the bad byte
write("invalid-utf8.csv", shown, "?", "UTF-8", raw=shown.encode().replace(b"?", b"\xff"))
write("binary-garbage.csv", "", "1:1", "UTF-8", raw=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
t = HEAD + "\r" + OK + "\r"
write("cr-only-line-ends.csv", t, "\r", "CR")
t = HEAD + "\n" + OK + "\n" + "opname,2020-07-17,,,,,,15967,published,tabel\x002.1,\n"
write("nul-byte.csv", t, "\x00", "U+0000")

# --- CSV syntax
t = pub(OK, "opname,2020-07-17,,,,,,15967,published,\"tabel 2.1, L651,", OK.replace("werkvoorraad", "opname").replace("2020-07-17", "2020-06-30"))
write("unterminated-quote.csv", t, "\"tabel 2.1, L651,", "never closed")
t = pub(OK, "opname,2020-07-17,,,,,,15967,published,tabel \"2.1\",")
write("quote-in-field.csv", t, "\"2.1\"", "quote")
t = pub(OK, "opname,2020-07-17,,,,,,15967,published,\"tabel 2.1\"x,")
write("text-after-quote.csv", t, "x,\n", "closing quote")
t = pub(OK, "opname,2020-07-17,,,,,,15967,published,tabel 2.1")
write("ragged-short.csv", t, "\n", "fields", occurrence=2)
t = pub(OK, "opname,2020-07-17,,,,,,15967,published,tabel 2.1,,extra")
write("ragged-long.csv", t, "extra", "fields")
long_note = "x" * 20000
t = pub(OK, "opname,2020-07-17,,,,,,15967,published,tabel 2.1," + long_note)
write("very-long-line.csv", t, long_note, "too long")

# --- values
t = pub(OK, "opname,2020-07-17,,,,,,veel,published,tabel 2.1,")
write("non-numeric-value.csv", t, "veel", "not a number")
t = pub(OK, "opname,2020-07-17,,,,,,-5,published,tabel 2.1,")
write("negative-value.csv", t, "-5", "negative")
t = pub("werkvoorraad,2020-07-17,,,,,,26.716,published,tabel 2.1,")
write("dutch-thousands.csv", t, "26.716", "whole number")
t = pub("werkvoorraad,2020-07-17,,,,,,\"26,716\",published,tabel 2.1,")
write("english-thousands.csv", t, "\"26,716\"", "comma")
t = pub("werkvoorraad,2020-07-17,,,,,,26.716,published,tabel 2.1,", "opname,2020-07-17,,,,,,\"15,967\",published,tabel 2.1,")
write("mixed-number-formats.csv", t, "26.716", "whole number")
t = pub(OK, "opname,2020-07-17,,,,,,5,gepubliceerd,tabel 2.1,")
write("unknown-flag.csv", t, "gepubliceerd", "flag")
t = pub(OK, "opname,2020-07-17,,,,,,5,suppressed,tabel 2.1,")
write("suppressed-with-value.csv", t, "5,suppressed", "suppressed")
t = pub(OK, "opname,2020-07-17,,,,,,5,published,,")
write("published-without-source.csv", t, "published,,", "source", offset=len("published,"))
t = pub(OK, "opname,2020-06-30,,,,,,5,derived,tabel 2.1,")
write("derived-without-note.csv", t, "\n", "note", occurrence=2)

# --- periods and kinds
t = pub(OK, "opname,1899-12-31,,,,,,5,published,tabel 2.1,")
write("date-out-of-range.csv", t, "1899-12-31", "year outside")
t = pub(OK, "opname,2023-02-29,,,,,,5,published,tabel 2.1,")
write("impossible-date.csv", t, "2023-02-29", "calendar day")
t = pub(OK, "opname,Q2 2020,,,,,,5,published,tabel 2.1,")
write("bad-period.csv", t, "Q2 2020", "period")
t = pub(OK, "herbeoordeling,2020-12-31..2020-01-01,,,,,,5,published,tabel 2.1,")
write("reversed-range.csv", t, "2020-12-31..", "before it starts")
t = pub(OK, "opname,,,,,,,5,published,tabel 2.1,")
write("missing-period.csv", t, "opname,,", "period", offset=len("opname,"))
t = pub(OK, "werkvoorraad,2020-Q2,,,,,,26000,published,tabel 2.1,")
write("stock-with-interval.csv", t, "2020-Q2", "needs a date")
t = pub(OK, "herbeoordeling,2020-06-30,,,,,,12,published,tabel 2.1,")
write("flow-with-date.csv", t, "2020-06-30", "needs an interval")
t = pub(OK, "doel_opname,2021-12-31,,,,,,4000,published,tabel 2.1,")
write("target-with-date.csv", t, "2021-12-31", "needs an interval")

# --- keys and cross-references
t = pub(OK, OK.replace("26716", "26717"))
write("duplicate-key.csv", t, "werkvoorraad", "duplicate", occurrence=1)
t = pub("herbeoordeling,2020-Q2,,,,,,5,published,tabel 2.1,", "herbeoordeling,2020-04-01..2020-06-30,,,,,,6,published,tabel 2.1,")
write("duplicate-normalised-period.csv", t, "herbeoordeling", "duplicate", occurrence=1)
t = pub(OK, "bouw_klaar,2020-07-17,,,,,,5,published,tabel 2.1,")
write("unknown-measure.csv", t, "bouw_klaar", "unknown measure")
t = pub(OK, "opname,2020-07-17,GM9999,,,,,5,published,tabel 2.1,")
write("unknown-gemeente.csv", t, "GM9999", "unknown gemeente")
t = pub(OK, "opname,2019-06-30,GM1979,,,,,5,published,tabel 2.1,")
write("gemeente-not-yet-existing.csv", t, "GM1979", "did not exist")
t = pub(OK, "opname,2021-06-30,GM0003,,,,,5,published,tabel 2.1,")
write("gemeente-after-merger.csv", t, "GM0003", "did not exist")
t = pub(OK, "opname,2020-07-17,1979,,,,,5,published,tabel 2.1,")
write("gemeente-bad-code.csv", t, "1979,", "GM")
t = pub(OK, "opname,2020-07-17,,,P75,,,5,published,tabel 2.1,")
write("bad-risicoprofiel.csv", t, "P75", "risicoprofiel")
t = pub(OK, "opname,2020-07-17,,batch 1467,,,,5,published,tabel 2.1,")
write("bad-batch.csv", t, "batch 1467", "batch")

# --- the other file kinds
t = MATEN_HEAD + "\nopname,cumulative,addresses,mijlpaal,10,Opname,Inspection,,,,,,\nopname,cumulative,addresses,mijlpaal,10,Opname,Inspection,,,,,,\n"
write("maten-duplicate-code.csv", t, "opname", "duplicate", occurrence=1)
t = MATEN_HEAD + "\nopname,milestone,addresses,mijlpaal,10,Opname,Inspection,,,,,,\n"
write("maten-bad-kind.csv", t, "milestone", "kind")
t = MATEN_HEAD + "\nplanvorming_gestart,cumulative,addresses,mijlpaal,30,Planvorming,Planning,,,2020-01-01,,project_vastgestld,\n"
write("maten-unknown-replaces.csv", t, "project_vastgestld", "unknown measure")
t = GEM_HEAD + "\nGM0003,Appingedam,,2020-12-31,GM1978,yes\nGM1979,Eemsdelta,2021-01-01,,,yes\n"
write("gemeenten-unknown-successor.csv", t, "GM1978", "unknown gemeente")
t = GEM_HEAD + "\nGM0003,Appingedam,2021-01-01,2020-12-31,,yes\n"
write("gemeenten-ends-before-start.csv", t, "2020-12-31", "before valid_from")
t = EV_HEAD + "\n2020-01-01,definition_change,\"opname;planvorming_gestart\",Definitie gewijzigd,Definition changed,SodM\n"
write("events-unknown-measure.csv", t, "planvorming_gestart", "unknown measure")
t = EV_HEAD + "\n2019-05-22,aardbeving,,Beving,Earthquake,KNMI\n"
write("events-bad-kind.csv", t, "aardbeving", "kind")

# --- a bronbestand (address level; its reader is src/data/bronbestand.rs)
BRON_HEAD = ("id,gemeente,woonplaats,pc4,straat,cluster,batch,risicoprofiel,eigenaar,categorie,npr,uitkomst,toegevoegd,"
             "lpa,opname,beoordeling,normbesluit,planvorming,versterkingsbesluit,bouw_gestart,bouw_gereed,afgerond")
t = (BRON_HEAD + "\nA000001,GM1979,Loppersum,9919,,LOP-07,1467,P90,particulier,,NPR2018,versterken,2016-01-04,,2016-03-01,2017-05-02,2017-05-02,,,,,\n"
     "A000002,GM9999,Loppersum,9919,,LOP-07,1467,P90,particulier,,NPR2018,versterken,2016-01-04,,2016-03-01,2017-05-02,2017-05-02,,,,,\n")
write("bronbestand-unknown-gemeente.csv", t, "GM9999", "unknown gemeente")

# --- manifests
def manifest(pubs, extra=""):
    return ('{\n  "format": "versterkingsmonitor-archief", "version": 1,' + extra + '\n'
            '  "measures": "maten.csv", "gemeenten": "gemeenten.csv", "events": "gebeurtenissen.csv",\n'
            '  "publications": [\n' + ",\n".join("    " + p for p in pubs) + "\n  ]\n}\n")

P = '{"id": "%s", "peildatum": "2020-07-17", "publisher": "SodM", "title": "t", "url": "https://www.sodm.nl/x", "file": "%s"}'
t = manifest([P % ("sodm-2020-09", "valid-publication.csv")]).replace('"version": 1,', '"version": 1')
write("manifest-bad-json.json", t, '"measures"', "JSON")
t = manifest([P.replace('"title"', '"titel"') % ("sodm-2020-09", "valid-publication.csv")])
write("manifest-unknown-field.json", t, '"titel"', "unknown field")
t = manifest([P % ("sodm-2020-09", "../../etc/passwd")])
write("manifest-path-traversal.json", t, '"../../etc/passwd"', "relative path")
t = manifest([P % ("sodm-2020-09", "valid-publication.csv"), P % ("sodm-2020-09", "valid-publication-2.csv")])
write("manifest-duplicate-id.json", t, '"sodm-2020-09"', "duplicate", occurrence=1)
t = manifest([P.replace(', "url": "https://www.sodm.nl/x"', '') % ("sodm-2020-09", "valid-publication.csv")])
write("manifest-no-source.json", t, '{"id"', "url|document")
t = manifest([P % ("sodm-2020-09", "valid-publication.csv")]).replace("versterkingsmonitor-archief", "ncg-archief")
write("manifest-wrong-format.json", t, '"ncg-archief"', "format")
t = manifest([P % ("sodm-2020-09", "publicaties/bestaat-niet.csv")])
write("manifest-missing-file.json", t, '"publicaties/bestaat-niet.csv"', "cannot read")
t = manifest([P.replace('"2020-07-17"', '"2020-13-01"') % ("sodm-2020-09", "valid-publication.csv")])
write("manifest-bad-peildatum.json", t, '"2020-13-01"', "peildatum")
t = manifest([P % ("SodM 2020", "valid-publication.csv")])
write("manifest-bad-id.json", t, '"SodM 2020"', "id")
t = manifest([P % ("sodm-2020-09", "valid-publication.csv")]).replace('"version": 1,', '"version": 1, "versie": 2,')
write("manifest-unknown-top-field.json", t, '"versie"', "unknown field")
write("manifest-not-an-object.json", '["maten.csv"]\n', "1:1", "object")
# The manifest is fine, the measures file it names is not: the error is reported in that file.
t = manifest([P % ("sodm-2020-09", "valid-publication.csv")]).replace('"maten.csv"', '"maten-unknown-replaces.csv"')
mt = MATEN_HEAD + "\nplanvorming_gestart,cumulative,addresses,mijlpaal,30,Planvorming,Planning,,,2020-01-01,,project_vastgestld,\n"
write("manifest-broken-measures.json", mt, "project_vastgestld", "unknown measure", raw=t.encode(), other="maten-unknown-replaces.csv")

# Our translations of the notes (vertalingen.csv): both columns required, a Dutch text once.
t = ('nl,en\n"Peildatum niet vermeld; aangenomen 17-07-2020.","Reference date not stated; 17-07-2020 assumed."\n'
     'Alleen Nederlands,\n,Only English\n"Peildatum niet vermeld; aangenomen 17-07-2020.",Duplicate\n'
     '"Een ""citaat"" met, komma","A ""quotation"" with, comma"\nte,veel,velden\n"nooit gesloten aanhalingsteken,x\n')
write("vertalingen-missing-en.csv", t, "Alleen Nederlands,", "empty", offset=len("Alleen Nederlands,"))

with open(os.path.join(HERE, "EXPECTED.tsv"), "w") as f:
    f.write("# file\tLINE:COLUMN the first error must be at (as FILE:LINE:COLUMN: error)\ta word of its message\n")
    for name, where, word in expected:
        f.write(f"{name}\t{where}\t{word}\n")
print(len(expected), "malformed files")
