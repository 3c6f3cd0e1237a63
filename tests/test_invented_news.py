"""Invented news (tests/invented_news.py: made-up people, companies, products, figures,
quotes, dates, open brackets, short forms) never stops extraction: every document gives
a Result that obeys the schema, with Spans that are slices of the text and ids that
resolve. A bounded property test of what benchmarks/crash_hunt.py runs by the
thousand; hypothesis drives the generator's choices, so a failure shrinks."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.pipeline import get_pipeline
from tests.invented_news import article

REFERENCE_DATE = dt.date(2026, 12, 5)


@settings(max_examples=80, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_invented_news_gives_a_valid_result(assert_valid_result, r):
    text = article(r)
    assert_valid_result(get_pipeline().extract(text, reference_date=REFERENCE_DATE), text)


def test_the_generator_writes_news():
    """The documents hold what the hunt is for: titles, quotes, figures, several lines."""
    import random
    texts = [article(random.Random(i)) for i in range(50)]
    joined = "".join(texts)
    assert all(w in joined for w in ("「", "」", "“", "執行長", "表示", "億", "年", "\n"))
    assert sum(len(t) for t in texts) / len(texts) > 300
