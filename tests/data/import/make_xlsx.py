"""Generates sodm-2020-tabel-2-1.xlsx, a small workbook modelled on SodM's table 2.1
(werkvoorraad per 17 juli 2020 per processtap en risicoprofiel; seeds/000 L633-653).
Run: pip install openpyxl && python3 tests/data/import/make_xlsx.py (from the repository root
or this folder). The .xlsx is committed; this script documents how it was made."""
import os
from openpyxl import Workbook

here = os.path.dirname(os.path.abspath(__file__))
wb = Workbook()
ws = wb.active
ws.title = "Tabel 2.1"
ws["A1"] = "Werkvoorraad per 17 juli 2020 in de verschillende processtappen van de versterkingsoperatie"
ws.append([])
ws.append(["Risicoprofiel", "Werkvoorraad", "Opname gereed", "Beoordeling gereed", "Planvorming gestart", "Uitvoering gereed"])
ws.append(["Verhoogd profiel (P50)", 3418, 2945, 2383, 1406, 226])
ws.append(["Licht verhoogd profiel (P90)", 13351, 5290, 2289, 1261, 146])
ws.append(["Normaal profiel (Grijs)", 9947, 7732, 4535, 2894, 805])
ws.append(["Eindtotaal", 26716, 15967, 9207, 5561, 1177])
ws.append([])
ws.append(["Tabel 2.1: Werkvoorraad per 17 juli 2020 in de verschillende processtappen van de versterkingsoperatie, onderverdeeld in risicoprofiel."])
notes = wb.create_sheet("Toelichting")
notes["A1"] = "Bron: SodM, Voortgang van de versterkingsopgave 2019-2020, tabel 2.1 (bronbestand NCG peildatum 17 juli 2020)."
wb.save(os.path.join(here, "sodm-2020-tabel-2-1.xlsx"))
