"""Words, in the key view (Simplified), that make a paper's 《title》 or its reporter the
one spoken to, shared by the people and quotes extractors: 對《星報》說, 告訴記者,
向《晨報》表示 (ADDRESS_PREPS), 接受《晨報》專訪 (GRANTED_INTERVIEW). people.py adds 跟
(跟記者說) to its own list; quotes.py keeps to these three (跟《星報》 is not read there)."""
from __future__ import annotations

ADDRESS_PREPS = ("对", "向", "告诉")
GRANTED_INTERVIEW = "接受"
