#!/usr/bin/env python3
"""Build the demo corpus PDF from scripts/demo_pdf_source.md.

Usage (from the repository root, in an environment with fpdf2 installed):

    python3 -m venv /tmp/pdfvenv
    /tmp/pdfvenv/bin/pip install fpdf2
    /tmp/pdfvenv/bin/python scripts/make_demo_pdf.py

The source file starts with a small front-matter block (``key: "value"``
lines between ``---`` markers) that supplies the PDF document information.
The body is a tiny subset of Markdown: ``#``/``##`` headings, numbered list
items and plain paragraphs. Only the PDF core fonts are used, so the text is
reduced to Latin-1 (curly quotes and dashes become ASCII).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "demo_pdf_source.md"
OUTPUT = (
    ROOT
    / "src"
    / "dyadwatch"
    / "demo"
    / "corpus"
    / "pdf"
    / "2020-04_riac_russia-china-medical-cooperation.pdf"
)
# The brief carries only a month ("April 2020"); the document info needs a
# full timestamp, so use a fixed day late in that month.
CREATION_DATE = dt.datetime(2020, 4, 28, 10, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))

_ASCII_MAP = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00a0": " ",
}


def to_latin1(text: str) -> str:
    for src, dst in _ASCII_MAP.items():
        text = text.replace(src, dst)
    return text.encode("latin-1", errors="replace").decode("latin-1")


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    meta: dict[str, str] = {}
    if not raw.startswith("---\n"):
        return meta, raw
    end = raw.index("\n---\n", 4)
    for line in raw[4:end].splitlines():
        m = re.match(r'^(\w+):\s*"?(.*?)"?\s*$', line)
        if m:
            meta[m.group(1)] = m.group(2)
    return meta, raw[end + 5 :]


def blocks(body: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", body) if b.strip()]


class BriefPDF(FPDF):
    def __init__(self, running_head: str) -> None:
        super().__init__(format="A4")
        self.running_head = running_head

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 6, self.running_head, align="R")
        self.ln(10)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 10, f"{self.page_no()}", align="C")
        self.set_text_color(0, 0, 0)


def build(source: Path = SOURCE, output: Path = OUTPUT) -> Path:
    meta, body = split_front_matter(source.read_text(encoding="utf-8"))
    meta = {k: to_latin1(v) for k, v in meta.items()}

    pdf = BriefPDF(f"{meta.get('publisher', '')} | {meta.get('date', '')}")
    pdf.set_title(meta.get("title", ""))
    pdf.set_author(meta.get("author", ""))
    pdf.set_subject(meta.get("subject", ""))
    pdf.set_keywords("Russia, China, COVID-19, medical aid, Suifenhe")
    pdf.set_creator(meta.get("publisher", ""))
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_lang("en")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(22, 20, 22)
    pdf.add_page()

    seen_title = False
    seen_section = False
    for block in blocks(body):
        text = to_latin1(" ".join(line.strip() for line in block.splitlines()))
        if block.startswith("# "):
            pdf.set_font("Helvetica", "B", 17)
            pdf.multi_cell(0, 8, text[2:], align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
            seen_title = True
        elif block.startswith("## "):
            seen_section = True
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, text[3:], align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif re.match(r"^\d+\. ", block):
            pdf.set_font("Helvetica", "", 10.5)
            for item in re.split(r"\n(?=\d+\. )", block):
                item = to_latin1(" ".join(line.strip() for line in item.splitlines()))
                num, rest = item.split(" ", 1)
                pdf.set_x(pdf.l_margin)
                pdf.cell(8, 5.5, num)
                pdf.multi_cell(0, 5.5, rest, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1.5)
        elif seen_title and not seen_section:
            # Byline block under the title: author, publisher, date.
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)

    output.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(output))
    return output


if __name__ == "__main__":
    path = build()
    print(path.relative_to(ROOT))
    sys.exit(0)
