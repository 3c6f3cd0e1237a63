"""Time expressions (Duckling / Recognizers-Text style): rules in grammar.py,
reading and TIMEX3 in model.py, the pipeline stage in stage.py; the cases that
prove them in tests/extractors/cases/time_expressions.yaml."""
from .stage import TimeExpressions

__all__ = ["TimeExpressions"]
