"""The research reports: notebooks executed into HTML (:mod:`.build`), each headed by a reproducibility
stamp (:mod:`.stamp`), the comparison report opening with findings written from the tables
(:mod:`.findings`) and ending with full tables (:mod:`.tables`)."""

from .build import EXPLORER_NAME, MANIFEST_NAME, NOTEBOOKS_DIR, OPTION_KEYS, build_report, execute_notebook
from .findings import Finding, findings, findings_frame, findings_html
from .stamp import Stamp, stamp, stamp_html
from .tables import caption, full_table, validity_snapshot

__all__ = ["build_report", "execute_notebook", "NOTEBOOKS_DIR", "EXPLORER_NAME", "MANIFEST_NAME", "OPTION_KEYS",
           "Finding", "findings", "findings_frame", "findings_html", "Stamp", "stamp", "stamp_html", "full_table", "caption", "validity_snapshot"]
