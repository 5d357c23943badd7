"""docs/CONTRACTS.md lists the result tables' columns exactly as toolkit.pipeline.SCHEMAS defines them, and names
every value of their ``how`` columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.actors import HOWS as ACTOR_HOWS
from toolkit.hedge_claims import HOWS as HEDGE_HOWS
from toolkit.hedge_filter import FILTERED_HOW
from toolkit.labels import HOWS as LABEL_HOWS
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


def _paragraph(table: str) -> str:
    """The CONTRACTS.md bullet of ``table`` among the column notes (after the column block), up to the next bullet."""
    notes = CONTRACTS.read_text().split("<!-- columns: end -->", 1)[1]
    found = re.search(rf"^- `{table}`.*?(?=^- `|\Z)", notes, re.S | re.M)
    assert found, f"CONTRACTS.md has no note on the {table} table"
    return found.group(0)


@pytest.mark.parametrize("table, hows", [
    ("mentions", tuple(h for h in ACTOR_HOWS if h != "place") + ("label",)),
    ("hedges", HEDGE_HOWS + (FILTERED_HOW,)),
    ("labels", LABEL_HOWS),
])
def test_pipeline_contracts_name_every_how_value(table, hows):
    """Every value a table's ``how`` column can hold is named in backticks in that table's note."""
    named = set(re.findall(r"`([a-z_]+)`", _paragraph(table)))
    assert set(hows) - named == set(), f"CONTRACTS.md's {table} note lacks how values {sorted(set(hows) - named)}"
