#!/usr/bin/env python3
"""Writes word-press-release.docx: a press release as a press office writes it in Word (Title and Subtitle
styles, a FOR IMMEDIATE RELEASE line, a dateline, headings, bold and italic runs, a hyperlink, bullet and
numbered lists, a table with a header row, a picture with alt text, core properties, a contact block and
the ### end mark). Reproducible: fixed document properties and zip entry times, so running it again gives
the same bytes. Needs python-docx (make deps-test installs it)."""
import datetime, io, os, struct, sys, zipfile, zlib

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
from docx.shared import Inches, Pt

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "word-press-release.docx")


def png(width, height):
    """A small gradient PNG, made here so the sample needs no image file."""
    rows = b"".join(b"\x00" + b"".join(bytes((x * 255 // width, 90, 200 - y * 150 // height)) for x in range(width))
                    for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def hyperlink(paragraph, url, text):
    part = paragraph.part
    rel = part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def main():
    d = docx.Document()
    props = d.core_properties
    props.title = "Lumenvale Opens a 40 MW Solar Park on a Former Coal Site"
    props.subject = "Lumenvale Energy opens the Harlow Ridge solar park"
    props.author = "Lumenvale Energy Press Office"
    props.keywords = "solar, energy transition, Harlow Ridge"
    props.comments = "Lumenvale Energy opens a 40 MW solar park on the former Harlow Ridge coal site."
    props.language = "en-GB"
    fixed = datetime.datetime(2024, 6, 4, 9, 0, 0)
    props.created = props.modified = props.last_printed = fixed
    props.last_modified_by = "Press Office"
    props.revision = 1

    label = d.add_paragraph()
    label.add_run("FOR IMMEDIATE RELEASE").bold = True
    d.add_paragraph("Lumenvale Opens a 40 MW Solar Park on a Former Coal Site", style="Title")
    d.add_paragraph("Harlow Ridge will supply 11,000 homes and fund a local training centre", style="Subtitle")

    p = d.add_paragraph()
    p.add_run("LEEDS, England, June 4, 2024 – ").bold = True
    p.add_run("Lumenvale Energy today opened ")
    p.add_run("Harlow Ridge").italic = True
    p.add_run(", a 40-megawatt solar park built on the site of a coal mine that closed in 1991. "
              "The park will generate about 38 gigawatt-hours a year, enough for 11,000 homes.")

    p = d.add_paragraph("“We are putting clean power back on land that powered the region for a century,” said ")
    p.add_run("Amira Cole").bold = True
    p.add_run(", Chief Executive of Lumenvale Energy. ")
    hyperlink(p, "https://www.lumenvale.example/harlow-ridge", "Read the project page")
    p.add_run(".")

    d.add_paragraph("Key facts", style="Heading 1")
    for fact in ["72,000 bifacial modules on 58 hectares", "a 20 MWh battery for the evening peak",
                 "grazing for 300 sheep between the rows"]:
        d.add_paragraph(fact, style="List Bullet")

    d.add_paragraph("Timeline", style="Heading 2")
    for step in ["Planning consent in March 2022", "Construction from May 2023", "Grid connection in May 2024"]:
        d.add_paragraph(step, style="List Number")

    table = d.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    header = table.rows[0].cells
    for cell, text in zip(header, ["Year", "Output (GWh)", "Homes supplied"]):
        cell.text = text
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tbl_header = OxmlElement("w:tblHeader")
    tr_pr.append(tbl_header)
    for row in [("2024", "21", "6,100"), ("2025", "38", "11,000")]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text

    picture = io.BytesIO(png(64, 32))
    d.add_picture(picture, width=Inches(4))
    doc_pr = d.inline_shapes[-1]._inline.docPr
    doc_pr.set("descr", "Rows of solar modules on Harlow Ridge at sunrise")
    d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER

    d.add_paragraph("About Lumenvale Energy", style="Heading 2")
    d.add_paragraph("Lumenvale Energy builds and runs solar and storage projects in the north of England. "
                    "It has 240 employees and is based in Leeds.")

    d.add_paragraph("Media contact")
    c = d.add_paragraph("Jonah Reed")
    for line in ["Head of Communications", "press@lumenvale.example", "+44 113 496 0000"]:
        c.add_run().add_break()
        c.add_run(line)
    d.add_paragraph("###").alignment = WD_ALIGN_PARAGRAPH.CENTER

    raw = io.BytesIO()
    d.save(raw)
    # Same bytes on every run: entries in a fixed order with a fixed time.
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(2024, 6, 4, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(name))
    print("wrote", OUT)


if __name__ == "__main__":
    sys.exit(main())
