"""dyadwatch: chronologies, relations indexes and quotation audits of two countries' relations."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dyadwatch")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

from .annotate import annotate
from .model import Document, PartialDate, Sentence, Skipped, Span
from .workspace import IngestReport, Workspace

__all__ = [
    "Document", "IngestReport", "PartialDate", "Sentence", "Skipped", "Span", "Workspace",
    "__version__", "annotate",
]
