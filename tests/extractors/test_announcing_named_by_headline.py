"""An announcing whose words are too long to name it (星河今天宣布，旗下…設立…工作室，) is named by
the headline's clause that tells the deed, not by the bare verb (星河宣布). Invented texts, both
scripts; negatives: a short said clause still names it, and a headline naming the announcing keeps it."""
from __future__ import annotations

import datetime as dt

import pytest

from service.pipeline import get_pipeline

BODY_T = ("（中央社東京3日綜合外電報導）日本遊戲商雲岫遊戲今天宣布，旗下子公司雲岫互動已在東京都澀谷區的"
          "一棟商業大樓內設立一座全新的大型遊戲開發工作室，並招募約兩百名員工投入新作研發。\n"
          "公司表示，新作預計明年推出。\n")
BODY_S = ("（中新网东京3日电）日本游戏商云岫游戏今天宣布，旗下子公司云岫互动已在东京都涩谷区的"
          "一栋商业大楼内设立一座全新的大型游戏开发工作室，并招募约两百名员工投入新作研发。\n"
          "公司表示，新作预计明年推出。\n")

CASES = [
    # the deed the headline tells names the announcing
    ("雲岫遊戲設立東京工作室 研發新角色扮演遊戲\n" + BODY_T, "雲岫遊戲設立東京工作室"),
    ("云岫游戏设立东京工作室 研发新角色扮演游戏\n" + BODY_S, "云岫游戏设立东京工作室"),
    # negative: a headline that names the announcing itself keeps its name
    ("雲岫遊戲今天宣布新作開發進度\n" + BODY_T, "雲岫遊戲宣布新作開發進度"),
    ("云岫游戏今天宣布新作开发进度\n" + BODY_S, "云岫游戏宣布新作开发进度"),
    # negative: a said clause short enough names it as before
    ("雲岫遊戲設立東京工作室\n（中央社東京3日電）日本遊戲商雲岫遊戲今天宣布，已在東京設立新的開發工作室，"
     "並招募約兩百名員工。\n", "雲岫遊戲宣布已在東京設立新的開發工作室"),
    ("云岫游戏设立东京工作室\n（中新网东京3日电）日本游戏商云岫游戏今天宣布，已在东京设立新的开发工作室，"
     "并招募约两百名员工。\n", "云岫游戏宣布已在东京设立新的开发工作室"),
]


@pytest.mark.parametrize("text,name", CASES)
def test_announcing_named(text, name):
    out = get_pipeline().extract(text, doc_id="x", reference_date=dt.date(2024, 7, 3))
    assert out["event"] is not None and out["event"]["name"] == name
