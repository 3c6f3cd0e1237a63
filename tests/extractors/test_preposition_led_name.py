"""People._drop_preposition_led: 向 and 於/于 are surnames but far more often a preposition
before a noun. A name the knowledge base does not know, whose every mention starts with one,
is the preposition and what follows where the rest is a person the text names elsewhere, or
where no title calls it a person's and no mention opens a clause. Invented names and texts."""
from __future__ import annotations

import pytest

from service.pipeline import get_pipeline

CASES = [
    # (note, text, names expected, names that must not be found)
    ("向 after an adverb (Simplified)", "消息人士称，该集团总裁将直接向孟迪说明建厂计划。", [], ["向孟迪"]),
    ("向 after an adverb (Traditional)", "消息人士稱，該集團總裁將直接向孟迪說明建廠計畫。", [], ["向孟迪"]),
    ("向 after a verb (Simplified)", "法院判决被告公司向葛乐明赔偿损失。", ["葛乐明"], ["向葛乐明"]),
    ("向 after a verb (Traditional)", "法院判決被告公司向葛樂明賠償損失。", ["葛樂明"], ["向葛樂明"]),
    ("the rest named elsewhere (Simplified)", "已有公司内部人士向章立华暗示，新机下月发布。章立华随后发文。",
     ["章立华"], ["向章立华"]),
    ("the rest named elsewhere (Traditional)", "已有公司內部人士向章立華暗示，新機下月發表。章立華隨後發文。",
     ["章立華"], ["向章立華"]),
    ("向 before a person named before (Traditional)", "執行長賴柏文上任後，該部門改向賴柏文匯報。", ["賴柏文"], ["向賴柏文"]),
    ("於 before a person named before (Traditional)", "執行長賴柏文上任後，股價於賴柏文任內翻倍。", ["賴柏文"], ["於賴柏文"]),
    ("于 before a person named before (Simplified)", "首席执行官赖柏文上任后，股价于赖柏文任内翻倍。", ["赖柏文"], ["于赖柏文"]),
    # negative: a title or a clause's start gives the surname its due
    ("向 after a title (Simplified)", "董事长向明辉表示，明年扩产。", ["向明辉"], ["明辉"]),
    ("向 after a title (Traditional)", "董事長向明輝表示，明年擴產。", ["向明輝"], ["明輝"]),
    ("向 opening a clause (Simplified)", "向明辉表示，明年扩产。", ["向明辉"], []),
    ("于 after a title (Simplified)", "技术总监于海波表示，订单增加。", ["于海波"], ["海波"]),
    ("於 after a title (Traditional)", "技術總監於海波表示，訂單增加。", ["於海波"], ["海波"]),
]


@pytest.mark.parametrize("note,text,names,not_names", CASES, ids=[c[0] for c in CASES])
def test_preposition_led(note, text, names, not_names):
    got = [p["name"] for p in get_pipeline().extract(text)["participants"]]
    for name in names:
        assert name in got, (note, got)
    for name in not_names:
        assert name not in got, (note, got)
