"""Reader for PDF files with pypdf: page text and the document information dictionary."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from ..model import PartialDate
from .base import Extracted, IngestError, RawSource

logging.getLogger("pypdf").setLevel(logging.CRITICAL)


def read_pdf(source: RawSource, warnings: list[str]) -> list[Extracted]:
    try:
        reader = PdfReader(io.BytesIO(source.data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("encrypted PDF: it needs a password to be read")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except IngestError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IngestError(f"corrupt PDF: {exc}") from exc
    except Exception as exc:  # pypdf raises a wide range on broken files
        raise IngestError(f"corrupt PDF: {type(exc).__name__}: {exc}") from exc
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text.strip():
        raise IngestError("PDF has no extractable text (a scanned image?)")
    title = author = created = None
    if info is not None:
        title = (info.title or "").strip() or None
        author = (info.author or "").strip() or None
        try:
            stamp = info.creation_date
        except (ValueError, TypeError):
            stamp = None
        created = PartialDate.from_date(stamp.date()) if stamp else None
    return [Extracted(text=text + "\n", format="pdf", title=title, author=author,
                      url=source.url, read_text_header=True,
                      fallback_date=created)]
