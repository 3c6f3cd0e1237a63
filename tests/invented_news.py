"""Random plausible tech news from invented building blocks, for crash hunts.

Every name, company, product and figure here is made up: surnames and given-name
characters in both scripts, company stems with industry words and legal suffixes,
products of a brand, a series letter, a code and a suffix, numbers with units,
quotes in 「」 and “” (closed or not), titles, speech verbs, dates, Latin words,
brackets left open, and the text's own names again in short forms (the first
characters of a company, its abbreviation of first and last characters, a person's
surname) so that the extractors' joining of forms fires.

    article(random.Random(7))   # one document, a headline and paragraphs

Used by tests/test_invented_news.py (a bounded property test: extraction never
raises and every Result is valid) and by benchmarks/crash_hunt.py (thousands of
documents in one process, for as long as it is useful).
"""
from __future__ import annotations

import random

SURNAMES = "王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何林羅罗高歐陽欧阳司馬"
GIVEN = "嘉禾宛蓉明華华偉伟芳秀英敏靜静麗丽強强磊軍军洋勇傑杰娟濤涛超輝辉剛刚平鵬鹏子涵若曦"
STEMS = ["星辰", "青禾", "雲岫", "云岫", "鼎岳", "瀚衡", "翊光", "沐川", "岚峰", "嵐峰", "澄石", "啟碁", "启碁",
         "北辰", "南港", "東昇", "东升", "凱域", "凯域", "安帆"]
INDUSTRY = ["科技", "電子", "电子", "智能", "半導體", "半导体", "光電", "光电", "網路", "网络", "汽車", "汽车",
            "生技", "能源", "軟體", "软件", "通訊", "通讯", "資訊", ""]
SUFFIXES = ["公司", "集團", "集团", "股份有限公司", "有限公司", "實驗室", "实验室", "研究院", "委員會", "委员会",
            "大學", "大学", "協會", "协会", "基金會", " Inc.", " Labs", " Corp", "控股", ""]
LATIN_WORDS = ["Veltra", "Quenby", "Orvix", "Talmar", "Zentrix", "Brisko", "Nuvola", "Kestrel", "Lumora",
               "Praxa", "Solvane", "Dravik", "AI", "Cloud", "Edge", "Max", "OS"]
SERIES = ["Nova", "Aero", "Pixa", "Terra", "Vega", "Flux", "星", "雲", "云", "鷹", "鹰", "QQ", "X", "Z", "S", "M"]
PRODUCT_SUFFIXES = ["", "", " Pro", " Ultra", " Max", " mini", " Plus", "+", " Lite", " SE", "Pro", " 5G", " Air"]
CATEGORIES = ["手機", "手机", "晶片", "芯片", "筆電", "笔记本", "平板", "模型", "大模型", "耳機", "電動車", "电动车",
              "伺服器", "服务器", "應用", "平台", "作業系統", "操作系统"]
TITLES = ["執行長", "执行长", "總裁", "总裁", "董事長", "董事长", "副總經理", "副总经理", "總經理", "創辦人",
          "创始人", "技術長", "首席科學家", "首席科学家", "發言人", "发言人", "CEO", "CTO", "副總裁", "研究員",
          "教授", "分析師", "分析师", "主席", "副主委", "處長", "部長"]
SPEECH = ["表示", "說", "说", "指出", "透露", "強調", "强调", "認為", "认为", "坦言", "宣布", "表態"]
VERBS = ["發表", "发布", "推出", "宣布", "收購", "收购", "投資", "投资", "合作", "裁員", "裁员", "起訴", "起诉",
         "上市", "開賣", "开卖", "停產", "召回", "升級", "升级"]
EVENTS = ["發表會", "发布会", "開發者大會", "开发者大会", "峰會", "峰会", "年會", "博覽會", "展", "論壇", "论坛",
          "大會", "記者會", "拍賣", "財報會議"]
PLACES = ["台北", "臺北", "北京", "上海", "深圳", "新竹", "香港", "東京", "矽谷", "硅谷", "瑞典", "美國", "美国",
          "星海市", "青川縣"]
UNITS = ["億元", "亿元", "萬元", "万元", "美元", "億美元", "亿美元", "新台幣", "%", "％", "倍", "GB", "TB", "mAh",
         "萬台", "万台", "萬名", "名員工", "名员工", "億參數", "亿参数", "K上下文", "吋", "英寸", "nm", "奈米",
         "W", "Hz", "年", "個月", "个月", "元", "人"]
CN_NUMBERS = ["一", "兩", "两", "三", "十", "百", "千", "萬", "万", "億", "亿", "十二", "三千", "五成", "七萬"]
TIMES = ["今天", "今日", "昨日", "昨天", "本週二", "本周二", "上月", "去年", "明年", "早上6點", "台北時間",
         "北京时间", "美東時間", "晚間", "日前", "近日"]
MARKS = ["。", "，", "、", "：", "；", "！", "？", ",", ".", ":", "…", "——", "\n", " ", ""]
OPENERS = ["「", "『", "“", "‘", "（", "(", "【", "《", "〈", "[", "\""]
CLOSERS = ["」", "』", "”", "’", "）", ")", "】", "》", "〉", "]", "\""]
PAIRS = list(zip(OPENERS, CLOSERS))
QUOTED = ["我們會持續投資", "我们会继续投资", "這是最好的一年", "这是最好的一年", "AI會改變一切",
          "營收成長了35%", "我們不會裁員", "明年推出新款", "市場很大", "不予置評", "Yes we can", "沒有"]


class Cast:
    """The names of one article: made once, then named again and again in full and short."""

    def __init__(self, r: random.Random) -> None:
        self.r = r
        self.people = [self._person() for _ in range(r.randint(1, 5))]
        self.orgs = [self._org() for _ in range(r.randint(1, 5))]
        self.products = [self._product() for _ in range(r.randint(0, 5))]

    def _person(self) -> str:
        r = self.r
        kind = r.random()
        if kind < 0.7:
            return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.randint(1, 2)))
        if kind < 0.85:
            return f"{r.choice(LATIN_WORDS)} {r.choice(LATIN_WORDS)}"
        return "·".join(r.choice(["艾倫", "克拉", "維茨", "索菲", "馬丁", "安娜", "卡爾"]) for _ in range(2))

    def _org(self) -> str:
        r = self.r
        kind = r.random()
        if kind < 0.6:
            return r.choice(STEMS) + r.choice(INDUSTRY) + r.choice(SUFFIXES)
        if kind < 0.8:
            return r.choice(LATIN_WORDS) + r.choice(SUFFIXES)
        if kind < 0.9:
            return r.choice(PLACES) + r.choice(STEMS) + r.choice(["實驗室", "大學", "交易委員會", "研究所", "銀行"])
        return "".join(r.choice(STEMS)[0] for _ in range(2)) + r.choice(["會", "会", "部", "局", "署"])

    def _product(self) -> str:
        r = self.r
        code = r.choice([str(r.randint(1, 99)), f"{r.choice('ABCXZ')}{r.randint(1, 999)}",
                         f"{r.randint(1, 9)}.{r.randint(0, 9)}", f"-{r.randint(100, 9999)}", ""])
        brand = r.choice([r.choice(self.orgs)[:2], r.choice(LATIN_WORDS), ""])
        sep = r.choice(["", " "])
        return f"{brand}{sep}{r.choice(SERIES)}{code}{r.choice(PRODUCT_SUFFIXES)}".strip() or "Nova"

    # -- forms of the cast, full and short ------------------------------------
    def person(self) -> str:
        name = self.r.choice(self.people)
        kind = self.r.random()
        if kind < 0.15 and len(name) > 2:
            return name[:1] + self.r.choice(["先生", "女士", "博士", "", "氏"])
        if kind < 0.2:
            return name[1:] or name
        return name

    def org(self) -> str:
        name = self.r.choice(self.orgs)
        kind = self.r.random()
        if kind < 0.15 and len(name) > 3:
            return name[:2]                      # the stem alone
        if kind < 0.25 and len(name) > 4:
            return name[0] + name[len(name) // 2] + name[-1]   # an abbreviation
        if kind < 0.3:
            return name[: self.r.randint(1, len(name))]   # any prefix
        return name

    def product(self) -> str:
        if not self.products:
            return self.r.choice(SERIES) + str(self.r.randint(1, 20))
        name = self.r.choice(self.products)
        if self.r.random() < 0.2 and " " in name:
            return name.split(" ", 1)[1]         # without its brand
        return name


def number(r: random.Random) -> str:
    kind = r.random()
    if kind < 0.5:
        value = r.choice([str(r.randint(0, 99999)), f"{r.randint(0, 999)}.{r.randint(0, 99)}",
                          f"{r.randint(1, 999)},{r.randint(0, 999):03d}", str(r.randint(1, 9) * 10 ** r.randint(0, 12))])
    elif kind < 0.8:
        value = r.choice(CN_NUMBERS) + r.choice(["", "點五", "点五", "多"])
    else:
        value = f"{r.randint(1, 99)}至{r.randint(1, 999)}" if r.random() < 0.5 else f"{r.randint(1, 99)}~{r.randint(1, 99)}"
    return r.choice(["", "約", "约", "逾", "近", "超過", "新台幣", "US$", "$", "¥"]) + value + r.choice(UNITS)


def date(r: random.Random) -> str:
    y, m, d = r.randint(1990, 2090), r.randint(1, 13), r.randint(1, 32)   # not every one a real day
    return r.choice([f"{y}年{m}月{d}日", f"{m}月{d}日", f"{y}/{m}/{d}", f"{m}/{d}", f"{y}年", f"{m}月",
                     f"{y}年第{r.randint(1, 4)}季", f"Q{r.randint(1, 4)}", f"{d}日", r.choice(TIMES),
                     f"{y}-{m:02d}-{d:02d}", f"週{r.choice('一二三四五六日')}"])


def quote(r: random.Random, cast: Cast) -> str:
    opener, closer = r.choice(PAIRS[:4] + [("“", "”")])
    inner = r.choice(QUOTED)
    if r.random() < 0.3:
        inner += r.choice(MARKS) + f"{cast.org()}的{cast.product()}{r.choice(['很好', '賣得不錯', '卖得不错'])}"
    if r.random() < 0.1:
        closer = r.choice(["", "」", "”", opener])   # left open, or closed by the wrong mark
    return opener + inner + r.choice(["。", "", "！"]) + closer


def clause(r: random.Random, c: Cast) -> str:
    """One clause from a template of news grammar, its slots filled from the cast."""
    templates = [
        lambda: f"{c.org()}{r.choice(TITLES)}{c.person()}{r.choice(['', date(r)])}{r.choice(SPEECH)}{r.choice(['：', ':', '，', ''])}{quote(r, c)}",
        lambda: f"{quote(r, c)}{c.person()}{r.choice(SPEECH)}",
        lambda: f"{c.org()}{r.choice(['', date(r)])}{r.choice(VERBS)}{r.choice(['新款', '首款', ''])}{r.choice(CATEGORIES)}{c.product()}",
        lambda: f"{c.product()}{r.choice(['售價', '售价', '定價', '起售價'])}{number(r)}",
        lambda: f"{c.org()}{r.choice(['營收', '营收', '淨利', '净利', '市值', '出貨量'])}{r.choice(['成長', '增长', '下滑', '達', '达'])}{number(r)}",
        lambda: f"{c.person()}（{r.choice(LATIN_WORDS)} {r.choice(LATIN_WORDS)}）{r.choice(['曾任', '现任', '現任', '是'])}{c.org()}{r.choice(TITLES)}",
        lambda: f"{c.org()}旗下{c.org()}{r.choice(VERBS)}{c.product()}",
        lambda: f"{date(r)}{r.choice(['在', '于', '於'])}{r.choice(PLACES)}{r.choice(['舉行', '举行', '召開'])}的{c.org()[:4]}{r.choice(EVENTS)}",
        lambda: f"{r.randint(1990, 2090)}{c.org()[:2]}{r.choice(EVENTS)}{r.choice(['上', '期間', ''])}{c.org()}{r.choice(VERBS)}{c.product()}",
        lambda: f"據{c.org()}報導" if r.random() < 0.5 else f"{r.choice(PLACES)}{date(r)}電",
        lambda: f"{c.org()}、{c.org()}及{c.org()}等{r.choice(['公司', '企業', '厂商', '廠商'])}",
        lambda: f"{c.product()}{r.choice(['搭載', '搭载', '採用'])}{c.product()}{r.choice(CATEGORIES)}，{r.choice(['配備', '支援'])}{number(r)}",
        lambda: f"前{c.org()}{r.choice(TITLES)}{c.person()}{r.choice(['加入', '離開', '离开'])}{c.org()}",
        lambda: f"{c.org()}{r.choice(['對', '对', '與', '与'])}{c.org()}{r.choice(['提起訴訟', '达成合作', '完成收購'])}，{r.choice(['金額', '金额'])}{number(r)}",
        lambda: f"第{r.randint(1, 30)}屆{c.org()[:3]}{r.choice(EVENTS)}{date(r)}{r.choice(['開幕', '登场', '落幕'])}",
        lambda: f"{c.person()}{r.choice(TITLES)}{r.choice(SPEECH)}{c.product()}{r.choice(['將', '将'])}{r.choice(['在', '於'])}{date(r)}{r.choice(VERBS)}",
        lambda: f"{r.choice(LATIN_WORDS)} {r.choice(LATIN_WORDS).lower()} {r.choice(LATIN_WORDS)} {number(r)}",
        lambda: f"名為「{r.choice(SERIES)}{r.randint(1, 99)}」的{r.choice(CATEGORIES)}",
        lambda: f"@{r.choice(LATIN_WORDS)}{r.randint(1, 99)}{r.choice(SPEECH)}",
        lambda: r.choice(OPENERS) + c.org() + r.choice(["", r.choice(CLOSERS)]),   # brackets left open
        lambda: number(r) + number(r) + date(r),
    ]
    return r.choice(templates)()


def article(r: random.Random, max_sentences: int = 24) -> str:
    """A headline and paragraphs of clauses; now and then punctuation dropped, a
    clause repeated, or a piece of another clause spliced in."""
    cast = Cast(r)
    clauses: list[str] = []
    out = [clause(r, cast) + r.choice(["", "\n", "\n\n", "｜" + cast.org() + "\n"])]
    for _ in range(r.randint(1, max_sentences)):
        parts = [clause(r, cast) for _ in range(r.randint(1, 4))]
        glue = r.choice(["，", ",", "、", "", " ", "；"])
        sentence = glue.join(parts) + r.choice(["。", "。", "！", "？", "…", "", ".", "\n"])
        kind = r.random()
        if kind < 0.05 and clauses:
            sentence = r.choice(clauses) * r.randint(2, 6)    # said again and again
        elif kind < 0.1 and clauses:
            other = r.choice(clauses)
            cut = r.randint(0, len(other))
            sentence = other[:cut] + sentence + other[cut:]   # spliced into another
        elif kind < 0.13:
            sentence = "".join(ch for ch in sentence if ch not in "。，、：；,.:")
        clauses.append(sentence)
        out.append(sentence + ("\n" if r.random() < 0.25 else ""))
    text = "".join(out)
    if r.random() < 0.05:
        text = text[: r.randint(0, len(text))]     # cut off anywhere
    return text
