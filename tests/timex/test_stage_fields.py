"""The time-expressions stage builds its TimeExpression records by position: the
record's fields must stay in the order the stage passes them."""
from __future__ import annotations

from dataclasses import fields

from service.extractors.records import TimeExpression
from service.pipeline import get_pipeline


def test_the_record_fields_are_in_the_order_the_stage_passes_them():
    assert [f.name for f in fields(TimeExpression)] == [
        "start", "end", "kind", "timex", "value", "value_start", "value_end", "utc_offset", "grain", "fiscal"]


def test_a_record_reads_as_the_expression_it_came_from():
    doc = get_pipeline().process("星辰科技于2024年3月5日下午3点在北京发布新品。")
    e, = [t for t in doc.layers["time_expressions"] if t.kind == "datetime"]
    assert (e.kind, e.value, e.grain, e.fiscal, e.utc_offset) == ("datetime", "2024-03-05T15:00", "hour", False, None)
    assert doc.text[e.start:e.end] == "2024年3月5日下午3点"
