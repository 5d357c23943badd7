"""docs/CONTRACTS.md lists the result tables' columns exactly as toolkit.pipeline.SCHEMAS defines them."""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.pipeline import SCHEMAS

CONTRACTS = Path(__file__).resolve().parent.parent / "docs" / "CONTRACTS.md"
SHORT = {"string": "str", "int64": "int", "double": "float", "bool": "bool", "date32[day]": "date"}


def _block() -> str:
    """The column block of CONTRACTS.md as the schemas give it (paste it there when a schema changes)."""
    lines = [f"- `{name}`: " + ", ".join(f"{f.name} {SHORT[str(f.type)]}" for f in schema)
             for name, schema in SCHEMAS.items()]
    return "\n".join(lines)


def test_pipeline_contracts_list_every_schema_column_in_order():
    text = CONTRACTS.read_text()
    found = re.search(r"<!-- columns: begin.*?-->\n(.*?)\n<!-- columns: end -->", text, re.S)
    assert found, "CONTRACTS.md lacks the <!-- columns: begin --> ... <!-- columns: end --> block"
    assert found.group(1) == _block(), f"CONTRACTS.md drifted from SCHEMAS; the block should read:\n{_block()}"
