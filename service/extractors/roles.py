"""Who took part in the article's event, and who is only mentioned.

A person takes part (`participant`) when the text puts them at the primary
event: named in a sentence about it, or acting there (on stage, presenting,
announcing, hosting), or speaking in an article about it, unless what they say
is placed elsewhere (an interview, words given to a news outlet: 对路透社表示, a post, a livestream watched, another
event the sentence names, another's report of it: 引述X的說法; a word of another
time or place counts only before their verb of saying: after it, it is what they say; at a
release, the organiser's own people writing on a blog or a social platform tell it) or is the
opinion of an outsider (an analyst's or a reporter's title, or an opinion verb
from someone who does not work for the organiser; at a series' gathering, anyone
speaking for another organisation with nothing placing them there; at a gathering
the text names, such a one speaking in a paragraph that does not name it; at a company's
release or one with no organiser, anyone of a named organisation that is none of its parties
(the organiser's family, those the headline, the lead or the event's sentences name) who only
speaks away from the paragraphs that tell it). Words
said in a sentence that tells the event itself (…今天宣布啟用實驗室，共同執行長X透露)
are part of it, whatever an interview elsewhere adds. With no primary
event, nobody is a participant. The organisation before a person's unit and
title (經濟部產業技術司司長…) is their employer when the text gives no other. A participant whose title names no organisation (財務長黃仁昭 at
TSMC's earnings call) works for the organiser, unless the words before their title
name an organisation of their own: a known one quoted (《財富》CEO) is their employer, an
unknown one (“美国数字民主中心”的负责人, 香港資訊科技商會會長) leaves it unknown. Posts
listed before a name (云岫资本高级副总裁、云岫创投总裁X) give the organisation stated
first. In a round of funding, an investor's title (合伙人, 投资人) is not a commentator's:
the investors' words are part of its announcement. A court's ruling or a regulator's
penalty names its parties (被判處…); naming them there does not put them at it.

role_model.py (a logistic decision over evidence per person) and employer_model.py (a
scorer over candidate organisations) can replace the rules' verdicts where their
weights files are shipped; scripts/train_roles.py fits them. In wave 10 neither beat
the rules on text they were not fit on, so neither is shipped.

Writes the primary event's `participants`; the serializer gives each person
the role that follows.
"""
from __future__ import annotations

import bisect
import math
from pathlib import Path

from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass
import regex

from ..kb import KnowledgeBase
from .. import deadline
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from ..yamlfiles import load_yaml_once
from .entities import Entity, EntityTable
from .employment import adjacent_employers, founded_or_joined, head_employers, stated_employers, unit_employers
from .context import line_breaks
from .people import FOUNDED
from .role_model import RoleModel, vector
from .employer_model import EmployerModel, candidates as employer_candidates
from .employment import article_date, employer_on, kb_employer
from .offices import Offices

DOER_REACH = 24
DOER_STOPS = frozenset("，,。；;：:！!？?\n“”「」")
# Words after a name that make it describe another person (X的太太, X紅顏知己).
KIN = ("红颜知己", "知己", "太太", "夫人", "妻子", "丈夫", "儿子", "女儿", "之子", "之女", "父亲", "母亲",
       "胞弟", "胞兄", "胞妹", "胞姐", "好友", "密友", "女友", "男友", "前妻", "遗孀")
from .records import EventRoles

DATA = Path(__file__).resolve().parents[1] / "kb" / "data" / "event_kinds.yaml"
# How far after a mention a speech verb still belongs to it (孫嘉禾在會上表示).
SPEECH_WINDOW = 12
# A name's gloss in brackets right after it (莉娜汉（Lina Khan）).
GLOSS_AFTER = regex.compile(r"\s?[（(][^（）()\n]{1,30}[）)]")
# 林某在〈…〉声明中说: the bracketed title of a statement stands between a name and its verb.
STATEMENT_TITLE = regex.compile(r"\s?在\s?[〈《<][^〈《<〉》>\n]{1,80}[〉》>]\s?的?(?=声明|公告|新闻稿)")
# 林某，今日在星岛大学召开记者会: the name opens the clause whose verb convenes the gathering
# (a time, a place between); it holds the event, whatever its title.
CONVENES = regex.compile(r"[，,]?(?:[今昨前明][日天]|\d{1,2}日)?(?:[上下]午|早上|晚上)?"
                         r"(?:在[^，,。；;：:\n“”「」]{1,16}?)?(?:召开|举行|举办|主持)了?")
# 出席投资者会议时: a gathering a place word puts the person at, named by words of its own.
OTHER_GATHERING = regex.compile(r"(?:出席|参加|参与)了?((?:(?![的在和与])[\p{Han}A-Za-z0-9]){2,10}?"
                                r"(?:会议|大会|论坛|峰会|晚宴|午宴|典礼|发布会|年会|说明会))")
# Verbs of saying right after a news outlet spoken to (对路透社表示): an interview given to it.
TOLD_OUTLET_VERBS = ("表示", "说", "透露", "指出", "称", "证实", "坦言")
# 林某上午拜会了月港使团公使陈某 / 林某下午与星河协会总裁陈某会面 / 陈某会见了林某: one met by a
# participant (or receiving one) in the same clause is at the event too. Keys are Simplified.
MEET_VERB = regex.compile(r"(?:拜会|会见|接见|会晤|探访)了?")
MEET_AFTER = regex.compile(r"[^，,。；;：:！？!?\n“”「」]{0,4}?(?:会面|会晤|见面|会谈|晤谈)")
MEET_WITH = "与同和跟"
# How far a participant's name may stand before the verb (上午, 今日下午在布鲁塞尔) and how far
# the met one's title may reach (月港使团公使).
MEET_GAP = 12
MEET_REACH = 24
MEET_STOPS = frozenset("，,。；;：:！？!?\n“”「」、")
# 希望与…会面, 将会见, 曾会见, 未能会见: a meeting wished, planned, past or missed puts no one there.
MEET_NOT = regex.compile(r"希望|将|计划|拟|曾|未|没|不|期待|盼|要|想|愿")
# Products that stand for their maker when named as a party of a release (an app, a service).
PARTY_CATEGORIES = ("app", "service", "platform")
# Words of a recent other day (周启航日前指出): in a sentence after the lead that neither tells
# the event nor names its organiser, what is said there was said on another occasion (星河日前发布…, 林某日前表示
# in a sentence naming 星河: the event retold).
OTHER_DAY_WORDS = ("日前",)
SPAN_TO_NOW = ("以来", "至今", "起", "开始", "后", "之后", "以后")   # (key view: 自2016年以来 reaches now)
# An earlier year counts when it opens its clause (2019年，…; 在2019年的一場論壇上), so a
# year inside one (毛利率較2019年提升) sets no sentence elsewhere.
YEAR_LEADS = ("在", "于")
CLAUSE_OPENERS = frozenset("，,。；;：:！!？?\n“”「」（）() ")
# How far before a place word its negation may start (并没有在: four characters).
ABSENT_REACH = 4
# How far after a name the words saying the person was away may end (因身體不適，未能出席).
ABSENT_AFTER = 16
# The mark of a past experience between a name and its verb of saying (曾表示, 曾多次强调).
ONCE = "曾"
# How far before a person without a known title their descriptive words may start.
TITLE_WINDOW = 10
# 研究所主任, 研究院院長: the unit a person heads, not a researcher's title.
INSTITUTE = regex.compile(r"研究(?:所|院|中心|部|室)")
# 引述戴爾創辦人Michael Dell的說法: a person whose words someone else reports is not there.
REPORTED = ("引述", "引用", "援引", "转述", "转引", "正如", "就如", "诚如")   # (正如X所说: as X once said)
REPORTED_REACH = 16
NOT_ACCORDING = ("数据", "证据", "依据", "占据", "单据", "票据", "论据")   # (words ending in 据)
# The organisation an article about no event is about: named at least this often, and
# this many times as often as any other.
# Words between an organisation's name and a title that belong to the title (荣誉会长, 的负责人).
TITLE_LEAD = regex.compile(r"(?:的|荣誉|名誉|前任|现任|署理|代理|\s)+$")
CLOSING_MARKS = frozenset("”」』》\"")
UNKNOWN_ORG_REACH = 16
# Words ending a unit of an organisation (研究部, 辦公室), key view: after a body's kind word
# (投顧, 委員會) they name a unit of an organisation no table knows; 該 / 本 … point back to one.
UNKNOWN_UNIT_ENDS = ("办公室", "办公厅", "部", "司", "处", "中心", "组")
BACK_POINTERS = ("该", "本", "此", "其", "这家", "这个", "这所")
LEFT_MARKS = frozenset("前原")
LEFT_POST_REACH = 8     # (characters from 前 to the title it opens: 前項目負責人)
UNKNOWN = object()      # (an organisation named in words no table knows)
# An employer named in common words (a unit) works inside the organisation named before it,
# this far back in the clause; the tags of words that name (not common words).
UNIT_PARENT_REACH = 24
UNIT_STOPS = frozenset("，,。；;：:\n“”「」（）()")
# A unit in common words with no organisation in its clause (…；亞洲業務處長X則說) is of the
# organisation the sentence named last before it, within this reach and no sentence's end.
UNIT_SENTENCE_REACH = 80
SENTENCE_STOPS = frozenset("。！？!?\n")
# The words closing such a unit's name: a company's sections (業務開發處, 客戶服務部, 充電站項目), never a
# public body's (政制及內地事務局, 工業署: a body of its own), key view.
SECTION_ENDS = ("处", "部", "部门", "组", "室", "课", "项目", "团队")
UNIT_PROPER_POS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "eng", "j", "x"})
UNIT_WORDS = ("委员会", "事业部", "部", "司", "处", "系", "中心", "实验室", "办公室", "团队", "小组")
UNIT_TITLE_WORDS = frozenset({"研究", "分析", "通信", "信息安全", "安全", "战略", "政策"})
# Between a named organisation and a unit in common words (Google安全部門屬下的威脅分析組): how
# many tokens of place, scope or a parent unit, and the words that hang a unit on another.
UNIT_SCOPE_WORDS = 4
UNIT_LINKS = frozenset({"的", "属下", "下属", "之"})   # (旗下 hangs a company of its own)
UNIT_MORE_WORDS = ("部门", "组")   # (安全部門: a parent unit, as UNIT_WORDS)
# Words joining the fields a unit is named by (環境、政策與社會事務), key view.
FIELD_JOINERS = frozenset({"、", "与", "和", "及"})
# 联想集团高级副总裁、联想创投总裁贺志强: posts listed before a name (how far back one reaches).
LISTED_POSTS = "、"
POST_REACH = 14
# 英特尔负责欧洲政府事务的副总裁: a post charged with a field, held in the organisation before 负责.
CHARGE_WORD = "负责"
CHARGE_REACH = 16
CHARGE_GENERIC = ("公司", "集团")
LISTED_SCOPE_CHARS = 8   # (、企业BG总裁: scope words between the 、 and a listed post's organisation)
# What a person does on a gathering's stage (event_kinds.yaml at_event words, key view): a
# commentator's title holder doing it is there, not commenting from outside (roles._on_stage).
# Not 对话 nor 问答: 在与X的对话中 tells what another said to X, on a stage or not.
STAGE_ACTS = ("演讲", "主题演讲", "致辞", "主持", "对谈", "座谈", "开场")
# A writer's title (记者, 专栏作家, 评论员): the one who tells the event, never its doer.
WRITER_WORDS = ("记者", "专栏", "评论")
# Kinds of event a court or a regulator does to others: the people named in it are its parties.
CASE_KINDS = ("ruling", "penalty", "lawsuit", "hearing")
PARTY_TYPE = "party"   # an organisation type (organizations.yaml) that employs no one
GOVERNMENT_TYPE = "government"
# The words that end a government body's name (key view): 科技部, 监管局, 私隐专员公署, 卫健委.
PUBLIC_BODY_ENDS = ("部", "局", "署", "委", "委员会", "厅")
# The body a chief's title (key view: 局长, 署长, 司长) heads ends with its kind's character.
CHIEF_KINDS = ("局", "署", "司")
# A university's or a research body's (key view): its scholars comment on a public body's release.
SCHOLARLY_TYPES = frozenset({"university"})   # (not "lab": OpenAI is one)
SCHOLARLY_ENDS = ("大学", "学院", "研究所", "研究院", "科学院")
COMPANY_TYPE = "company"   # an organisation type that employs no holder of a public office
SPOKEN_REACH = 60      # (characters back from a name to another's verb of saying and to them)
SUBJECT_MIN_MENTIONS = 3
# Evidence words for the role model (role_model.py), read in the Simplified key.
OUTSIDER_REACH = 12
OUTSIDER_WORDS = ("分析师", "专家", "评论", "教授", "学者", "律师", "观察", "研究员", "经济学家", "投资人")
FOUNDER_WORDS = ("创始人", "创办人", "联合创始人")
INTERVIEW_WORDS = ("受访", "采访", "专访", "访谈", "接受")
# At a hearing, the words that name someone in court right before their name (key view).
COURT_PARTY_WORDS = ("被告", "法官", "检控官", "大律师", "辩护律师", "代表律师")
COURT_PARTY_REACH = 4
# Words before the court word putting the person in another case (另案被告林某, 另一案的被告).
OTHER_CASE_WORDS = ("另案", "另一案", "另一宗案", "另一宗")
OTHER_CASE_REACH = 6
COURT_WORDS = ("原告", "被告", "法院", "起诉", "诉讼", "判决", "法官", "控告", "律师")
OWN_DEED_WORDS = ("内部信", "全员信", "邮件", "备忘录", "发文", "贴文", "微博", "朋友圈", "声明")
# Of the words placing speech elsewhere, the written channels an organisation tells its own
# release through (官方部落格, 發文, 社群平台): the organiser's own people writing there tell it.
OWN_CHANNELS = frozenset({"社交媒体", "社交平台", "社群", "微博", "推文", "推特", "博客", "部落格", "脸书",
                          "写道", "发文", "贴文"})
GATHERING_KINDS = ("conference", "earnings-call", "shareholder-meeting", "trade-show", "press-meeting",
                   "investor-meeting", "hackathon", "competition", "opening", "auction")
SUBJECT_MARGIN = 1.5
# 星海数科原负责人X, 云帆前总监X: a title right after 前 / 原 is a post left; the organisation an
# article is about is no employer of theirs (目前, 当前, 日前: words of the present, no mark).
PRESENT_BEFORE_MARK = frozenset("目当日眼")
HELD_JOINERS = ("及", "兼", "暨", "、")
NEW_POST_VERBS = ("升任", "出任", "接任", "转任", "轉任", "调任", "調任", "改任", "现任", "現任", "担任", "擔任", "晋升", "晉升")
NEW_POST_REACH = 6
# The words before a title a name may stand in (_named_before_title): this many characters
# back, to a clause's break, 、, 的 or a joining 和 / 及; a Latin word of three letters or
# more (IDC, not AI); the ends of a region's name (非洲地区, 亚太区, 东欧, 中东, 北美), which
# a company's unit names: a word the segmenter tags a place is a name only if it is no
# country's and names no region (its tags are loose: a person's name tag counts only
# right before the title).
NAMED_LEAD_REACH = 8
SHORT_FORM_OPENING = 2   # characters a short form before a title shares with the organisation's name (南嶺)
NAMED_LEAD_STOPS = UNIT_STOPS | frozenset("、的和及 ")
LATIN_WORD = regex.compile(r"[A-Za-z]{3,}")
REGION_ENDS = ("洲", "地区", "区", "大陆", "欧", "东", "美", "亚")


def _post_title(person: Entity) -> bool:
    """A listed job title (執行長, 財務長), which is held in an organisation: an open one
    (立委, 車商, 漫畫家: people.py's open titles) gives no employer by inference."""
    return person.title is not None and ("title" in person.evidence or "open-title" not in person.evidence)


def _names_someone(people: EntityTable, a: int, b: int) -> bool:
    """Does a person's mention cover any character in [a, b)?"""
    return any(people.covering(i, i + 1) is not None for i in range(a, b))


def event_kinds_data() -> dict:
    return load_yaml_once(DATA)


def _left_post(doc: Document, person: Entity) -> bool:
    """Is the person's title written right after a 前 / 原 marking a post left?"""
    start = person.title[0] if person.title else 0
    key = doc.key
    if start <= 0 or key[start - 1] not in LEFT_MARKS \
            or start > 1 and key[start - 1] == "前" and key[start - 2] in PRESENT_BEFORE_MARK:
        return False
    # (董事及前首席财务官X, 联合创始人、前CEO X: a post still held joined before the one left)
    # (…财务官拉奥（Rao）、前董事总经理X: a list of people, the one before 、 a name, no post)
    people = doc.layers.get("people")
    if start > 2 and key[start - 2] in HELD_JOINERS and not (
            key[start - 3] in "）)" or people is not None and people.covering(start - 3, start - 2) is not None):
        return False
    # (原销售负责人X升任总裁: a new post taken after the name, in the same place)
    end = min((e for s, e in person.mentions if s >= start), default=start)
    return not any(key.find(v, end, end + NEW_POST_REACH) >= 0 for v in NEW_POST_VERBS)


def _title_after_person(doc: Document, people: EntityTable, person) -> bool:
    """Does the person's title follow another person's name, straight or after 的
    (州長鄧禮文的顧問孫嘉禾, 馬龍的助理)?"""
    if person.title is None:
        return False
    i = person.title[0]
    if doc.key[i - 1:i] == "的":
        i -= 1
    other = people.covering(i - 1, i) if i > 0 else None
    return other is not None and other is not person


def _named_lead_start(key: str, end: int, reach_from: int | None = None) -> int:
    """Where the words naming a title's owner begin: back from end to the clause's last break
    (NAMED_LEAD_STOPS), at most NAMED_LEAD_REACH characters before reach_from (end if None)."""
    origin = end if reach_from is None else reach_from
    i = end
    while i > 0 and origin - i < NAMED_LEAD_REACH and key[i - 1] not in NAMED_LEAD_STOPS:
        i -= 1
    return i


class Roles:
    name = "roles"
    reads = ("people", "organizations", "products", "events", "quotes", "time_expressions", "dates")
    writes = ("roles",)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        data = event_kinds_data()
        self.kb = kb
        # Where the person is (台上, 会上, 出席) places them wherever they stand in the sentence;
        # what they do there (宣布, 介绍) only when they come before it, as its doer.
        places = set(data["at_event_place"])
        self.cue_words = {"place": [w for w in data["at_event"] if w in places],
                          "at": [w for w in data["at_event"] if w not in places],
                          "elsewhere": [w for w in data["elsewhere"] if w not in OWN_CHANNELS],
                          "channel": [w for w in data["elsewhere"] if w in OWN_CHANNELS],
                          "opinion": data["opinion"]}
        self.patterns = [(kind, w) for kind, words in self.cue_words.items() for w in words]
        # (林某未能出席, 林某缺席: the person was away from the event)
        negations = "|".join(regex.escape(w) for w in sorted(data["absent_before"], key=len, reverse=True))
        presence = "|".join(regex.escape(w) for w in sorted(data["present_verbs"], key=len, reverse=True))
        self.absence = regex.compile(f"缺席|(?:{negations})在?(?:{presence})")
        # (未出席, 没有在现场: a place or deed word negated puts no one at the event)
        self.absent_before = regex.compile(f"(?:{negations})在?\\Z")
        self.finder = ahocorasick_rs.AhoCorasick([w for _, w in self.patterns])
        commentators = set(data["commentator_titles"])
        # Their forms, to find at the end of a title with modifiers (資深分析師).
        self.commentator_forms = tuple(f for f, t in kb.titles.items() if t in commentators)
        self.commentator_words = data["commentator_title_words"]
        # Outside voices (event_kinds.yaml outside_voice_*): experts, a title glued to a field of
        # study, an association's head; association words are the lexicon's (商会, 学会, 协会).
        self.voice_words = tuple(data["outside_voice_words"])
        self.voice_fields = tuple(data["outside_voice_fields"])
        self.association_titles = tuple(data["association_head_titles"])
        self.association_modifiers = tuple(sorted(data["association_head_modifiers"], key=len, reverse=True))
        self.associations = tuple(sorted({kb.key(w) for w in kb.lex["association_heads"]}, key=len, reverse=True))
        investors = set(data["investor_titles"])
        self.investor_forms = tuple(f for f, t in kb.titles.items() if t in investors)
        self.reaction_openers = tuple(sorted(data["reaction_openers"], key=len, reverse=True))
        # Job titles (華碩營運長, 华硕的首席技术官), to read a post stated after a name.
        self.title_finder = ahocorasick_rs.AhoCorasick(sorted(kb.titles, key=len, reverse=True))
        self.org_suffixes = tuple(sorted(set(kb.org_suffixes) | {"中心"}, key=len, reverse=True))
        # What ends a company's own name in common words (旗下星河科技), never a unit's.
        self.company_ends = tuple(sorted(kb.org_suffixes | kb.org_industry_words, key=len, reverse=True))
        self.speech = sorted(kb.speech_verbs, key=len, reverse=True)
        self.speech_finder = ahocorasick_rs.AhoCorasick(self.speech)
        self.in_dictionary = segmenter.has_word
        self.title_words = frozenset(kb.key(w) for w in kb.lex["title_modifiers"])
        self.title_modifiers = tuple(sorted(self.title_words, key=len, reverse=True))
        # Kinds of organisation a bare head word names (學會, 研究所: employment.head_employers).
        self.org_heads = tuple(sorted({kb.key(w) for w in set(kb.org_suffixes) | set(kb.lex["association_heads"])
                                       if len(w) >= 2}, key=len, reverse=True))
        # The learned role decision (role_model.py) where its weights file is shipped; the
        # rules decide alone without it. collect_evidence: scripts/train_roles.py reads
        # the vectors (roles.evidence) to fit it.
        self.model = RoleModel.load()
        self.employer_model = EmployerModel.load()
        self.offices = Offices(kb)
        # Chiefs of a public body (局長, 署長, 行政長官: lexicon office_chief_titles), key view.
        self.office_chiefs = tuple(sorted(kb.lex.get("office_chief_titles", ())))
        self.collect_evidence = False

    def __call__(self, doc: Document) -> None:
        roles = doc.layers["roles"] = EventRoles()
        self._decide(doc, roles)
        if self.employer_model is not None or self.collect_evidence:
            self._learned_employers(doc, roles)
        self._no_party_employers(doc, roles)
        self._no_company_offices(doc, roles)

    def _no_company_offices(self, doc: Document, roles: EventRoles) -> None:
        """總統, 部長, 市長, 局長, 行政長官: a public office is held in a government's body,
        never in a company the knowledge base knows as one; whatever a rule or the model read
        (a company named before the title, the article's subject), none."""
        orgs = self.kb.organizations
        for person in doc.layers["people"].by_id.values():
            if person.title is None:
                continue
            title = doc.key[person.title[0]:person.title[1]]
            if not (self.offices.public(title) or title.endswith(self.office_chiefs)):
                continue
            if person.organization is not None \
                    and (orgs.get(person.organization) or {}).get("type") == COMPANY_TYPE:
                person.organization = None
            if (orgs.get(roles.employers.get(person.id)) or {}).get("type") == COMPANY_TYPE:
                del roles.employers[person.id]

    def _no_party_employers(self, doc: Document, roles: EventRoles) -> None:
        """民進黨立委王某, 共和黨參議員李某: a party is membership, never the employer
        (fixtures/articles/README.md, wave 13 rule 1): whatever a rule or the model read, none."""
        orgs = self.kb.organizations
        for person in doc.layers["people"].by_id.values():
            if person.organization is not None \
                    and (orgs.get(person.organization) or {}).get("type") == PARTY_TYPE:
                person.organization = None
        for pid, org in list(roles.employers.items()):
            if (orgs.get(org) or {}).get("type") == PARTY_TYPE:
                del roles.employers[pid]

    def _learned_employers(self, doc: Document, roles: EventRoles) -> None:
        """Each person's employer chosen among candidate organisations (employer_model.py)."""
        people: EntityTable = doc.layers["people"]
        orgs: EntityTable = doc.layers["organizations"]
        events = doc.layers["events"]
        organizer = events[0].organizer if events and events[0].about else None
        counts = sorted(((len(o.mentions), o.id) for o in orgs.by_id.values()), reverse=True)
        subject = counts[0][1] if counts else None
        when = article_date(doc)
        for person in people.ordered():
            deadline.check("roles")
            record = self.kb.people.get(person.id) if person.kb else None
            left = frozenset(person.former)
            current = person.organization or roles.employers.get(person.id) \
                or (employer_on(record, when, left) if record else None)
            known = set()
            if record:
                known = {record.get("organization")} | {j["organization"] for j in record.get("employment") or ()}
                known = {o for o in known if o and o not in left}
            options = employer_candidates(doc, person, orgs, current, known, organizer, subject)
            roles.employer_evidence[person.id] = options
            if self.employer_model is None or len(options) < 2:
                continue
            pick = self.employer_model.pick(options)
            if pick is not None and pick != current:
                person.organization = pick

    def _decide(self, doc: Document, roles: EventRoles) -> None:
        people: EntityTable = doc.layers["people"]
        self._unit_parents(doc, people, doc.layers["organizations"])
        self._first_stated(doc, people, doc.layers["organizations"])
        self._charged_posts(doc, people, doc.layers["organizations"])
        roles.employers.update(unit_employers(doc, people, doc.layers["organizations"]))
        for pid, org in stated_employers(doc, people, doc.layers["organizations"], self._has_title).items():
            roles.employers.setdefault(pid, org)
        for pid, org in founded_or_joined(doc, people, doc.layers["organizations"],
                                          lambda pid: pid in self.kb.people).items():
            roles.employers.setdefault(pid, org)
        self._quoted_employers(doc, people, roles)
        for pid, org in head_employers(doc, people, doc.layers["organizations"], self.org_heads,
                                       self.title_modifiers, self._ends_with_title).items():
            roles.employers.setdefault(pid, org)
        for pid, org in adjacent_employers(doc, people, doc.layers["organizations"]).items():
            roles.employers.setdefault(pid, org)
        self._office_employers(doc, people, roles)
        events = doc.layers["events"]
        if not events or not events[0].about:
            self._subject_employers(doc, people, roles)
            return      # an article about no event: nobody takes part
        primary = events[0]
        cues = self._cues_by_sentence(doc)
        # A sentence naming another event (and not the primary) puts what is said there.
        primary_sentences = {doc.sentence_index(start) for start, _ in primary.mentions}
        for other in events[1:]:
            for start, _ in other.mentions:
                k = doc.sentence_index(start)
                if k not in primary_sentences:
                    cues.setdefault(k, {}).setdefault("elsewhere", []).append(start)
        # 王興出席投資者會議時: a sentence putting its people at another gathering puts them there.
        primary_at = {i for start, end in primary.mentions for i in range(start, end)}
        for m in OTHER_GATHERING.finditer(doc.key):
            if not any(i in primary_at for i in range(m.start(1), m.end(1))):
                cues.setdefault(doc.sentence_index(m.start()), {}).setdefault("elsewhere", []).append(m.start())
        # 海因对路透社表示, 向彭博社透露, 告诉路透社: words given to a news outlet (a KB organisation
        # of type media) are an interview, placed elsewhere, in a sentence that does not tell the event.
        for k, at in self._told_outlet(doc).items():
            if k not in primary_sentences:
                cues.setdefault(k, {}).setdefault("elsewhere", []).append(at)
        # 周启航日前就指出: a recent other day, in a sentence that does not tell the event.
        own = doc.layers["organizations"].by_id.get(primary.organizer) if primary.organizer else None
        own_sentences = {doc.sentence_index(start) for start, _ in own.mentions} if own is not None else set()
        lead_end = _lead_end(doc.key)
        for word in OTHER_DAY_WORDS:
            at = doc.key.find(word)
            while at >= 0:
                k = doc.sentence_index(at)
                if k not in primary_sentences and k not in own_sentences and at >= lead_end:
                    # (星河日前发布… in the lead or naming the organiser: the event retold)
                    cues.setdefault(k, {}).setdefault("elsewhere", []).append(at)
                at = doc.key.find(word, at + len(word))
        # A sentence dated to another day or month (張忠謀10月下旬在一場專題演講中) is elsewhere.
        for k, at in self._dated_otherwise(doc, primary.date).items():
            if k not in primary_sentences:
                cues.setdefault(k, {}).setdefault("elsewhere", []).append(at)
        verbs = self._speech_verbs(doc)
        # 2014年，周啟航在一場講座上說: a sentence set in an earlier year than the event's, where
        # someone speaks, is elsewhere (2019年加入 alone tells a career, not another occasion).
        said_in = {doc.sentence_index(at) for at in verbs}
        for k, at in self._earlier_year(doc, int(primary.date[:4]) if primary.date and primary.date[:4].isdigit()
                                        else primary.year, people).items():
            if k not in primary_sentences and k in said_in:
                cues.setdefault(k, {}).setdefault("elsewhere", []).append(at)
        speakers = {q.speaker for q in doc.layers["quotes"] if q.speaker}
        placed = self._doers(doc, people, primary) if primary.release else set(primary.participants)
        placed_none = any(k in primary.id.split("-") for k in CASE_KINDS)
        hearing = "hearing" in primary.id.split("-")
        if placed_none:
            placed = set()      # (a court's ruling names its parties; it does not put them there)
        organizer = primary.organizer
        out = roles.participants
        lines = _Lines(doc.key)
        when = article_date(doc)
        named = {o.id: len(o.mentions) for o in doc.layers["organizations"].by_id.values() if o.mentions}
        # A round of funding: its investors' words are part of its announcement, not comment.
        funding = "funding" in primary.id.split("-")
        # A company's release (a launch, a deal, a breach it tells) or one with no organiser:
        # someone of another organisation than its parties (the organiser, those the headline,
        # the lead or its sentences name) who only speaks, away from the paragraphs that tell
        # it, reacts to it from outside.
        # The same at a public body's release (科技部…启动专项) for a scholar (of a university or
        # a research institute) quoted after the paragraphs that tell it: they comment on it.
        public = primary.release and not funding and organizer is not None \
            and not self._company(organizer) and self._public_body(doc, organizer)
        reacting = primary.release and not funding and (organizer is None or self._company(organizer)
                                                        or public)
        parties = self._parties(doc, primary_sentences) if reacting else set()
        stage = self._stage_cues(doc, cues)
        for person in people.ordered():
            deadline.check("roles")
            record = self.kb.people.get(person.id)
            employer = person.organization or roles.employers.get(person.id) \
                or (record or {}).get("organization")
            if record and record.get("concurrent") and person.organization is None \
                    and person.id not in roles.employers:     # (several at once: the one the text names)
                employer = kb_employer(record, when, frozenset(person.former), named)
            convenes = self._convenes(doc, person, primary)
            commentator = not convenes and (self._commentator(doc, person)
                                            and not self._on_stage(doc, person, cues, stage, verbs,
                                                                   placed if primary.release else set())
                           or self._outside_voice(doc, person, employer, primary, cues, verbs, placed)
                           or self._reaction(doc, person, employer, organizer, placed)) \
                and not (funding and self._investor(doc, person))
            reported_all = all(self._reported(doc, start) for start, _ in person.mentions)
            described = all(doc.key.startswith(FOUNDED, end) for _, end in person.mentions) \
                or all(self._kin_of_other(doc, end) for start, end in person.mentions
                       if doc.sentence_index(start) in primary_sentences) \
                or not primary.release and all(self._spoken_of(doc, people, person, verbs, start)
                                               for start, _ in person.mentions
                                               if doc.sentence_index(start) in primary_sentences)
            rule = False
            # (引述創辦人X的說法 in a sentence about the event: X is not there)
            if not commentator and not (person.id in placed and reported_all):
                reacts = reacting and (not public or self._scholarly(doc, employer)) \
                    and self._reacting(doc, lines, person, primary, employer, parties)
                rule = person.id in placed and not described or self._at_event(
                    doc, person, cues, verbs, speakers, organizer,
                    self._outsider(employer, organizer)
                    and (primary.series is not None or primary.gathering
                         and not self._in_paragraphs(lines, person, primary))
                    or reacts,
                    frozenset(primary_sentences),
                    own=primary.release and not placed_none and organizer is not None
                    and employer is not None and not self._outsider(employer, organizer),
                    voice=reacts and public)
            in_court = hearing and not commentator and self._in_court(doc, person, primary_sentences)
            rule = rule or convenes or in_court
            if self.model is not None or self.collect_evidence:
                evidence = self._evidence(doc, person, primary, primary_sentences, cues, verbs, speakers,
                                          lines, employer, rule=rule, placed=person.id in placed,
                                          described=described, commentator=commentator,
                                          reported_all=reported_all)
                roles.evidence[person.id] = evidence
                if self.model is not None:
                    rule = self.model.decide(evidence)
            if rule and self._absent(doc, people, person):
                rule = False    # (董事長林某未能出席: away, whatever else the sentence says)
            if rule:
                out.append(person.id)
                if person.organization is None and _post_title(person) and organizer \
                        and person.id not in roles.employers and organizer not in person.former \
                        and not self._office_for(doc, person, organizer) \
                        and not self.kb.people.get(person.id) and not self._titled_elsewhere(doc, person):
                    if not self._named_before_title(doc, person, organizer) \
                            or self._organiser_words_before_title(doc, person, organizer):
                        roles.employers[person.id] = organizer
                    else:
                        # (曼哈顿联邦检察官, 輝達AI平台的企業副總裁: the text names another body
                        # before the title; the organiser does not override it, and the one
                        # named before the title's 的 employs)
                        owner = self._title_owner(doc, person, organizer)
                        if owner is not None:
                            roles.employers[person.id] = owner
        if not placed_none:
            self._met(doc, people, cues, out)
        # Someone else with a title and no organisation (企業副總裁李敏 in an article about
        # a regulator's order to the company): of the organisation the article is about.
        self._subject_employers(doc, people, roles)

    @staticmethod
    def _met(doc: Document, people: EntityTable, cues: dict, out: list[str]) -> None:
        """林某上午拜会了月港使团公使陈某, 林某下午与星河协会总裁陈某会面, 陈某会见了林某: a person
        the clause has meet a participant (the verb MEET_GAP characters at most after the
        participant's name, the person MEET_REACH after the verb; or with 与 … 会面; or the
        person receiving the participant) takes part too, unless the sentence is placed elsewhere
        or the meeting is only wished, planned, past or missed (MEET_NOT between)."""
        key = doc.key
        there = [(s, e) for p in people.ordered() if p.id in out for s, e in p.mentions]
        if not there:
            return
        # the participants' mentions by end and by start, each with its place in `there`, so a
        # window is found by bisection, not by a walk over every mention (a text naming them
        # often would make that walk per candidate quadratic)
        by_end = sorted((e, n, s) for n, (s, e) in enumerate(there))
        starts = sorted(s for s, _ in there)

        def clean(lo: int, hi: int) -> bool:
            piece = key[lo:hi]
            return lo <= hi and not any(c in MEET_STOPS for c in piece) and MEET_NOT.search(piece) is None

        def led(at: int) -> int | None:     # where a participant's name starts, a clean gap before `at`
            lo, hi = bisect.bisect_left(by_end, (at - MEET_GAP,)), bisect.bisect_right(by_end, (at, math.inf))
            # the first in `there` order, as a walk over `there` would find it
            near = sorted((n, s, e) for e, n, s in by_end[lo:hi])
            return next((s for _, s, e in near if clean(e, at)), None)

        def received(after: int) -> bool:   # a participant named within MEET_REACH after a verb, cleanly
            i = bisect.bisect_left(starts, after)
            while i < len(starts) and starts[i] <= after + MEET_REACH:
                if clean(after, starts[i]):
                    return True
                i += 1
            return False

        def meeting(s: int, e: int) -> int | None:
            """Where the clause of a meeting of the mention s..e with a participant starts."""
            for v in range(max(0, s - MEET_REACH - 3), s):
                m = MEET_VERB.match(key, v)
                if m is not None and m.end() <= s and clean(m.end(), s) and led(v) is not None:
                    return led(v)
                if key[v] in MEET_WITH and clean(v + 1, s) and led(v) is not None:
                    gloss = GLOSS_AFTER.match(key, e)
                    after = MEET_AFTER.match(key, gloss.end() if gloss is not None else e)
                    if after is not None and MEET_NOT.search(after.group()) is None:
                        return led(v)
            gloss = GLOSS_AFTER.match(key, e)      # 陈某会见了林某: the host receiving a participant
            at = gloss.end() if gloss is not None else e
            for v in range(at, min(len(key), at + MEET_GAP)):
                m = MEET_VERB.match(key, v)
                if m is not None and clean(at, v):
                    return s if received(m.end()) else None
            return None

        added = []
        for person in people.ordered():
            if person.id in out:
                continue
            for s, e in person.mentions:
                lo = meeting(s, e)
                if lo is None:
                    continue
                k = doc.sentence_index(s)
                # (a cue of another day or event inside the meeting's own clause is the meeting)
                if any(not lo <= at < e + MEET_REACH + MEET_GAP for at in cues.get(k, {}).get("elsewhere", ())):
                    continue
                added.append(person.id)
                break
        out.extend(added)

    @staticmethod
    def _convenes(doc: Document, person: Entity, primary) -> bool:
        """林某，今日在星岛大学召开记者会: a mention followed (a gloss, a comma, a day, a place
        between) by a verb of convening whose gathering the primary event's mention names."""
        for _, end in person.mentions:
            gloss = GLOSS_AFTER.match(doc.key, end)
            m = CONVENES.match(doc.key, gloss.end() if gloss is not None else end)
            if m is not None and any(s <= m.end() < e for s, e in primary.mentions):
                return True
        return False

    @staticmethod
    def _in_court(doc: Document, person: Entity, primary_sentences: set[int]) -> bool:
        """At a trial, is the person named right after a court word (被告林某, 法官陈某, 检控官周某,
        大律师李某) in a sentence telling the hearing, or in another not of another case
        (另案被告林某)? (A trial's report names its prosecutor and its accused in the paragraphs
        after the one telling the hearing: those count.)"""
        key = doc.key
        for start, _ in person.mentions:
            lo = max(0, start - COURT_PARTY_REACH)
            if not key.endswith(COURT_PARTY_WORDS, lo, start):
                continue
            k = doc.sentence_index(start)
            if k in primary_sentences:
                return True
            if not any(w in key[max(0, lo - OTHER_CASE_REACH):start] for w in OTHER_CASE_WORDS):
                return True
        return False

    def _absent(self, doc: Document, people: EntityTable, person: Entity) -> bool:
        """Does a mention of the person's own clause say they were away (林某因病未能出席,
        林某没有到场, 林某缺席): an absence phrase within ABSENT_AFTER characters after the name,
        in its sentence, before any other person is named?"""
        key = doc.key
        for _, end in person.mentions:
            hi = min(end + ABSENT_AFTER, doc.sentence_at(end - 1).end)
            m = self.absence.search(key, end, hi) if hi > end else None
            if m is None:
                continue
            other = people.covering(end, m.start())
            if other is None or other is person:
                return True
        return False

    def _evidence(self, doc: Document, person: Entity, primary, primary_sentences: set[int], cues: dict,
                  verbs: dict[int, str], speakers: set[str], lines: "_Lines", employer: str | None,
                  **flags: bool) -> list[float]:
        """What places the person at the primary event or away from it, as role_model's vector."""
        organizer = primary.organizer
        sentences = {doc.sentence_index(start) for start, _ in person.mentions}
        event_sentences = sorted(primary_sentences)
        found = [cues.get(k, {}) for k in sentences]
        after = [self._speech_after(doc, verbs, end) for _, end in person.mentions]
        said = [v for v in after if v is not None]
        mention_lines = {lines.index(start) for start, _ in person.mentions}
        event_lines = {lines.index(start) for start, _ in primary.mentions}
        gap = min((abs(k - e) for k in sentences for e in event_sentences), default=50)
        around = "".join(doc.key[doc.sentences[k].start:doc.sentences[k].end] for k in sentences
                         if k < len(doc.sentences))
        before = "".join(doc.key[max(0, s - OUTSIDER_REACH):s] for s, _ in person.mentions)
        title = doc.key[person.title[0]:person.title[1]] if person.title else ""
        kind = primary.id
        values = {name: float(v) for name, v in flags.items()}
        values.update({
            "quoted": person.id in speakers,
            "speech_after": bool(said),
            "opinion_after": any(v in self.cue_words["opinion"] for v in said),
            "in_primary_sentence": bool(sentences & primary_sentences),
            "cue_place": any(f.get("place") for f in found),
            "cue_at_before": any(at > start for start, _ in person.mentions
                                 for at in cues.get(doc.sentence_index(start), {}).get("at", ())),
            "cue_elsewhere_all": all(f.get("elsewhere") or f.get("channel") for f in found),
            "cue_elsewhere_any": any(f.get("elsewhere") or f.get("channel") for f in found),
            "headline": 0 in mention_lines,
            "lead": bool(mention_lines & {0, 1}),
            "titled": person.title is not None,
            "employer_organizer": employer is not None and employer == organizer,
            "outsider": self._outsider(employer, organizer),
            "employer_unknown": employer is None,
            "founder_title": any(w in title for w in FOUNDER_WORDS)
            or any(doc.key.startswith(FOUNDED, end) for _, end in person.mentions),
            "outsider_words": any(w in before or w in title for w in OUTSIDER_WORDS),
            "interview_words": any(w in around for w in INTERVIEW_WORDS),
            "court_words": any(w in around for w in COURT_WORDS),
            "near_event": 1.0 / (1.0 + gap),
            "same_paragraph": bool(mention_lines & event_lines),
            "mentions_log": math.log1p(len(person.mentions)),
            "first_position": person.first / max(1, len(doc.key)),
            "release": primary.release,
            "series_or_gathering": primary.series is not None or primary.gathering,
            "kind_funding": "-funding" in kind,
            "kind_ruling": any(f"-{k}" in kind for k in ("ruling", "lawsuit", "hearing", "settlement", "penalty")),
            "kind_launch": "-launch" in kind or "-announcement" in kind,
            "kind_gathering": any(f"-{k}" in kind for k in GATHERING_KINDS),
            "own_deed_words": employer is not None and employer == organizer
            and any(w in around for w in OWN_DEED_WORDS),
        })
        return vector(values)

    def _unit_parents(self, doc: Document, people: EntityTable, orgs: EntityTable) -> None:
        """蔚来首席信息安全科学家、信息安全委员会负责人卢龙, Counterpoint 高级研究分析师: an
        employer read right before the title that is only common words (a unit, a committee,
        words of the title) works inside the named organisation before it in the clause."""
        for person in people.by_id.values():
            if person.organization is None or person.title is None:
                continue
            unit = orgs.by_id.get(person.organization)
            if unit is None or unit.kb:
                continue
            t_start = person.title[0]
            at = next(((s, e) for s, e in unit.mentions if -1 <= t_start - e <= 2), None)
            if at is None:
                continue
            if self._common_words(doc, *at):
                parent = self._org_before(doc, orgs, at[0], unit) or self._org_in_sentence(doc, orgs, at[0], unit)
            elif self._common_words(doc, *at, any_words=True) \
                    and not doc.key.endswith(self.company_ends, at[0], at[1]):
                # 雲岫台灣客戶諮詢負責人, 南岭安全部門屬下的威脅分析組主管: a unit in common words
                # of any kind, right after a named organisation (a place or a scope between)
                parent = self._org_right_before(doc, orgs, at[0], unit) \
                    or self._org_in_sentence(doc, orgs, at[0], unit)
            elif self._placed_section(doc, *at) and not self._office_title(doc, person):
                # 亞洲業務處長X: a company's section named by a place and common words is of the
                # company the sentence named last before it
                parent = self._org_in_sentence(doc, orgs, at[0], unit)
                if not self._company(parent):
                    continue
            else:
                continue
            if parent is None and doc.key[at[0] - 1:at[0]] in FIELD_JOINERS:
                # 星光科技環境、政策與社會事務副總裁: the unit closes a list of fields whose
                # first follows the organisation named before them
                parent = self._org_before_fields(doc, orgs, at[0], unit)
            if parent is not None and parent not in person.former:
                person.organization = parent

    def _first_stated(self, doc: Document, people: EntityTable, orgs: EntityTable) -> None:
        """联想集团高级副总裁、联想创投总裁贺志强: a person's posts listed before the name,
        each with its organisation; the employer is the one the text states first."""
        key = doc.key
        for person in people.by_id.values():
            if person.organization is None or person.title is None:
                continue
            t_start = person.title[0]
            pos = next((s for s, e in (orgs.by_id[person.organization].mentions
                                       if person.organization in orgs.by_id else ())
                        if 0 <= t_start - e <= 2), None)
            first = None
            pos = self._scope_before(doc, pos)
            while pos is not None and pos > 0 and key[pos - 1] in LISTED_POSTS:
                sep, j, found = pos - 1, pos - 1, None
                while j > 0 and sep - j < POST_REACH and key[j - 1] not in UNIT_STOPS and key[j - 1] != "、":
                    org = orgs.covering(j - 1, j)
                    if org is not None:
                        found = (org, j)
                        break
                    j -= 1
                if found is None:
                    # 星河科技常务董事、终端BG CEO、云岫BU总裁X: a post listed between them with no
                    # organisation of its own (a unit's words and a title) is passed over
                    if j > 0 and key[j - 1] == "、" and self._ends_with_title(key[j:sep]) \
                            and not _names_someone(people, j, sep):
                        pos = j
                        continue
                    break
                org, end = found
                post = key[end:sep].lstrip("的 ")
                if not post or not self._ends_with_title(post) \
                        or _names_someone(people, end, sep):
                    break   # (云岫资本副总裁林远航、云岫创投总裁何嘉树: two people, each their own)
                first = org
                pos = self._scope_before(doc, next((s for s, e in org.mentions if s < end <= e), None))
            if first is not None and first.id != person.organization and first.id not in person.former:
                person.organization = first.id

    @staticmethod
    def _charged_posts(doc: Document, people: EntityTable, orgs: EntityTable) -> None:
        """星河科技负责欧洲政府事务的副总裁林远航: a title after 负责 … 的 is held in the
        organisation named right before 负责; what the charge names (欧洲政府) is no employer."""
        key = doc.key
        for person in people.by_id.values():
            if person.title is None:
                continue
            t_start = person.title[0]
            if t_start <= 0 or key[t_start - 1] != "的":
                continue
            lo = max(0, t_start - 1 - CHARGE_REACH)
            at = key.rfind(CHARGE_WORD, lo, t_start - 1)
            if at <= 0 or any(c in UNIT_STOPS or c in LISTED_POSTS for c in key[at:t_start - 1]) \
                    or _names_someone(people, at, t_start - 1):
                continue
            end = next((at - len(w) for w in CHARGE_GENERIC if key.endswith(w, 0, at)), at)   # (星河科技公司负责)
            org = orgs.covering(end - 1, end) if end > 0 else None
            if org is None or not orgs.ends_at(org, end) or org.id in person.former:
                continue
            current = orgs.by_id.get(person.organization) if person.organization else None
            if current is None or all(at <= s < t_start for s, _ in current.mentions):
                person.organization = org.id

    def _scope_before(self, doc: Document, pos: int | None) -> int | None:
        """Where a listed post starts when its organisation follows a 、 over a few scope words
        in common words (、企业BG总裁, 、全球業務部總經理): the start of those words when a 、 is
        right before them, else pos."""
        if pos is None or pos <= 0 or doc.key[pos - 1] in LISTED_POSTS:
            return pos
        i, at = doc.token_index_at(pos - 1), pos
        while i >= 0 and pos - doc.tokens[i].start <= LISTED_SCOPE_CHARS:
            tok = doc.tokens[i]
            if tok.end != at or tok.word.isascii() or tok.pos in UNIT_PROPER_POS and tok.pos != "ns" \
                    or not self.in_dictionary(tok.word) or doc.key[tok.start:tok.end] in UNIT_LINKS:
                return pos
            at = tok.start
            if at > 0 and doc.key[at - 1] in LISTED_POSTS:
                return at
            i -= 1
        return pos

    def _office_title(self, doc: Document, person: Entity) -> bool:
        """Is the person's title a public office (部長, 局長: see _no_company_offices)?"""
        title = doc.key[person.title[0]:person.title[1]]
        return bool(self.offices.public(title) or title.endswith(self.office_chiefs))

    def _placed_section(self, doc: Document, start: int, end: int) -> bool:
        """Is the span a place's word and then common words (亚洲 业务 处): a company's section
        for a region (the rest as _common_words with any_words)?"""
        i = doc.token_index_at(start)
        tok = doc.tokens[i]
        if tok.start != start or tok.pos != "ns" or tok.end >= end:
            return False
        return self._common_words(doc, tok.end, end, any_words=True)

    def _common_words(self, doc: Document, start: int, end: int, any_words: bool = False) -> bool:
        """Is the span only dictionary words naming no one (信息安全 委员会, 高级 研究), words
        of a title or ending in a unit's word (any words of the kind, when any_words)?"""
        i = doc.token_index_at(start)
        if doc.tokens[i].start != start:
            return False
        title_words = True  # (高级 研究: words of a title, read as a name)
        while i < len(doc.tokens) and doc.tokens[i].start < end:
            tok = doc.tokens[i]
            if tok.pos in UNIT_PROPER_POS or not self.in_dictionary(tok.word) or tok.word.isascii():
                return False
            word = doc.key[tok.start:tok.end]
            title_words = title_words and (word in self.title_words or word in UNIT_TITLE_WORDS)
            i += 1
        return any_words or title_words or doc.key.endswith(UNIT_WORDS, start, end)

    def _org_right_before(self, doc: Document, orgs: EntityTable, pos: int, unit: Entity) -> str | None:
        """The organisation whose mention ends at pos, or before a place's or a scope's words
        (台灣, 全球: at most UNIT_SCOPE_WORDS tokens, or 的 / 屬下 after a unit) that end there."""
        i = doc.token_index_at(pos - 1) if pos > 0 else -1
        steps = 0
        while i >= 0 and steps <= UNIT_SCOPE_WORDS:
            tok = doc.tokens[i]
            org = orgs.covering(tok.end - 1, tok.end)
            if org is not None:
                return org.id if org is not unit else None
            word = doc.key[tok.start:tok.end]
            if not (tok.pos == "ns" or word in self.title_words or word in UNIT_LINKS or word in UNIT_TITLE_WORDS
                    or word.endswith(UNIT_WORDS + UNIT_MORE_WORDS) and self.in_dictionary(tok.word)):
                return None
            i -= 1
            steps += 1
        return None

    def _org_before_fields(self, doc: Document, orgs: EntityTable, pos: int, unit: Entity) -> str | None:
        """The organisation whose mention ends right before a list of fields in common words
        joined by 、/與/和/及 (環境、政策與) that ends at pos, in its clause; else None."""
        i = doc.token_index_at(pos - 1)
        while i >= 0 and pos - doc.tokens[i].start <= UNIT_PARENT_REACH:
            tok = doc.tokens[i]
            org = orgs.covering(tok.end - 1, tok.end)
            if org is not None:
                return org.id if org is not unit and orgs.ends_at(org, tok.end) else None
            word = doc.key[tok.start:tok.end]
            if word not in FIELD_JOINERS and (tok.pos in UNIT_PROPER_POS or tok.word.isascii()
                                              or not self.in_dictionary(tok.word)):
                return None
            i -= 1
        return None

    @staticmethod
    def _org_in_sentence(doc: Document, orgs: EntityTable, pos: int, unit: Entity) -> str | None:
        """The nearest organisation mention other than the unit ending before pos in its
        sentence (see UNIT_SENTENCE_REACH), for a unit named as a company's section (SECTION_ENDS)."""
        if not any(doc.key.endswith(SECTION_ENDS, s, e) for s, e in unit.mentions):
            return None
        return Roles._nearest_org(doc, orgs, pos, unit, UNIT_SENTENCE_REACH, SENTENCE_STOPS)

    @staticmethod
    def _org_before(doc: Document, orgs: EntityTable, pos: int, unit: Entity) -> str | None:
        """The nearest organisation mention ending before pos in its clause (over a 、 and titles)."""
        return Roles._nearest_org(doc, orgs, pos, unit, UNIT_PARENT_REACH, UNIT_STOPS)

    @staticmethod
    def _nearest_org(doc: Document, orgs: EntityTable, pos: int, unit: Entity, reach: int,
                     stops) -> str | None:
        """The nearest organisation other than the unit ending before pos, within reach
        characters and no stop character."""
        i = pos
        while i > 0 and pos - i < reach and doc.key[i - 1] not in stops:
            org = orgs.covering(i - 1, i)
            if org is not None and org is not unit:
                return org.id
            i -= 1
        return None

    def _subject_employers(self, doc: Document, people: EntityTable, roles: EventRoles) -> None:
        """Jae Lee：聯合創辦人兼執行長 in a profile of one company: a founder's or an
        executive's title naming no organisation, in an article about no event, is of the
        organisation the article names most (at least SUBJECT_MIN_MENTIONS times, and
        SUBJECT_MARGIN times as often as the next)."""
        orgs: EntityTable = doc.layers["organizations"]
        counts = sorted(((len(o.mentions), o.id) for o in orgs.by_id.values()), reverse=True)
        if not counts or counts[0][0] < SUBJECT_MIN_MENTIONS \
                or (len(counts) > 1 and counts[0][0] < SUBJECT_MARGIN * counts[1][0]):
            return
        subject = counts[0][1]
        for person in people.by_id.values():
            if person.organization is not None or not _post_title(person) or person.id in roles.employers \
                    or self.kb.people.get(person.id) or self._commentator(doc, person) \
                    or self._office_for(doc, person, subject) \
                    or subject in person.former or self._titled_elsewhere(doc, person) \
                    or _left_post(doc, person) or self._named_before_title(doc, person, subject) \
                    or _title_after_person(doc, people, person):
                continue    # (州長的顧問孫嘉禾: a person's aide, not the subject's staff)
            roles.employers[person.id] = subject

    def _named_before_title(self, doc: Document, person: Entity, subject: str) -> bool:
        """中兴创始人X, 乘联会秘书长X, IDC印度的副总裁X, 微软创投负责人X: a name right before a
        title (the words from the clause's last break, 、, 的 or 和 to the title) that is not the
        organisation an article is about: another known organisation, a Latin word, or a word
        the segmenter reads as a name or a place that no country's name is. The subject's
        own name among them (推特信任和安全的主管, 华为终端BG首席运营官) keeps it theirs."""
        key = doc.key
        start = person.title[0]
        lead = key[max(0, start - NAMED_LEAD_REACH):start]
        end = start - (len(lead) - len(TITLE_LEAD.sub("", lead)))
        i = _named_lead_start(key, end)
        orgs: EntityTable = doc.layers["organizations"]
        if i > 0 and key[i - 1] == "的" and self._owner_before_of(doc, orgs, i - 1, subject) is not None:
            return True
        if i == end:
            return False
        people: EntityTable = doc.layers["people"]
        named = False
        for j in range(i, end):
            org = orgs.covering(j, j + 1)
            if org is not None:
                if org.id == subject:
                    return False
                named = True
        if named:
            return True
        for m in LATIN_WORD.finditer(key, i, end):
            if people.covering(m.start(), m.end()) is None:
                return True     # (IDC印度的副总裁; not AI战略副总裁, a field's letters)
        k = doc.token_index_at(i)
        while k < len(doc.tokens) and doc.tokens[k].start < end:
            tok = doc.tokens[k]
            if tok.start >= i and people.covering(tok.start, tok.end) is None \
                    and (tok.pos == "nt" or tok.pos == "nr" and tok.end >= end
                         or tok.pos == "ns" and len(tok.word) > 1 and tok.word not in self.kb.places
                         and not tok.word.endswith(REGION_ENDS)):
                return True
            k += 1
        return False

    @staticmethod
    def _organiser_words_before_title(doc: Document, person: Entity, org: str) -> bool:
        """南嶺計算機系副主任 after 南嶺大學, Pixel產品管理資深總監 at Google's event: the words
        before the title open as a name of the organisation does (its first two characters,
        a short form of it) or hold a product of its own."""
        key, start = doc.key, person.title[0]
        i = _named_lead_start(key, start)
        if any(product.vendor == org and any(s < start and e > i for s, e in product.mentions)
               for product in doc.layers["products"]):
            return True
        ent = doc.layers["organizations"].by_id.get(org)
        return start - i >= SHORT_FORM_OPENING and ent is not None \
            and any(e - s > SHORT_FORM_OPENING and key.startswith(key[i:i + SHORT_FORM_OPENING], s)
                    for s, e in ent.mentions)

    def _title_owner(self, doc: Document, person: Entity, subject: str) -> str | None:
        """The one organisation other than the subject named before a 的 right before the
        person's title, the title's own words between (輝達AI平台的企業副總裁), if any."""
        key, start = doc.key, person.title[0]
        lead = key[max(0, start - NAMED_LEAD_REACH):start]
        i = _named_lead_start(key, start - (len(lead) - len(TITLE_LEAD.sub("", lead))), start)
        if i == 0 or key[i - 1] != "的" or key[i:i + 1] in LEFT_MARKS:
            return None     # (协会的前总干事: a post left, no employer)
        return self._owner_before_of(doc, doc.layers["organizations"], i - 1, subject)

    @staticmethod
    def _owner_before_of(doc: Document, orgs: EntityTable, of: int, subject: str) -> str | None:
        """微软AI平台的企业副总裁: the one organisation, other than the subject, in the words
        right before the 的 at `of` (back to the clause's last break): it owns what the title
        is of."""
        j = of
        while j > 0 and of - j < NAMED_LEAD_REACH and doc.key[j - 1] not in UNIT_STOPS:
            j -= 1
        ids = [org.id for k in range(j, of) if (org := orgs.covering(k, k + 1)) is not None]
        return ids[0] if ids and subject not in ids and len(set(ids)) == 1 else None

    def _office_for(self, doc: Document, person: Entity, org: str) -> bool:
        """Does the person's office keep them from the organisation an article is about or an event's
        organiser: a public office (總統, 立委, 縣長) always; a chief of a public body (司長, 局長,
        行政長官) unless the organisation is itself a government's body (特首 in an article
        about the government)?"""
        return self._public_office(doc, person) \
            or self._office_title(doc, person) and not self._heads(doc, person, org)

    def _heads(self, doc: Document, person: Entity, org: str) -> bool:
        """Can a chief's title head the public body: a 局長, 署長 or 司長 a body of its own kind
        (数据局, 衞生署), a head of a government (行政長官, 特首) the government and none of its
        departments (衞生署, 運輸局: a body's word at its end)?"""
        if not self._public_body(doc, org):
            return False
        title = doc.key[person.title[0]:person.title[1]]
        ent = doc.layers["organizations"].by_id.get(org)
        names = [doc.key[s:e] for s, e in ent.mentions] if ent is not None else []
        kind = title[-2] if len(title) >= 2 and title[-1] == "长" and title[-2] in CHIEF_KINDS else None
        if kind is not None:
            return not names or all(n.endswith(kind) for n in names)
        return not names or not any(n.endswith(PUBLIC_BODY_ENDS) for n in names)

    def _public_office(self, doc: Document, person: Entity) -> bool:
        """Is the person's title a public office's (總統, 立委, 縣長: offices.py)?"""
        return person.title is not None and self.offices.public(doc.key[person.title[0]:person.title[1]])

    def _office_employers(self, doc: Document, people: EntityTable, roles: EventRoles) -> None:
        """立委 → 立法院, 商務部長 → 美國商務部, 首相 → 英國政府: the body the text names for an
        office whose title names none beside it (offices.py)."""
        orgs: EntityTable = doc.layers["organizations"]
        facts = self.offices.read(doc, orgs)    # (the document's, not each person's)
        for person in people.ordered():
            given = roles.employers[person.id] if person.id in roles.employers else person.organization
            party = (self.kb.organizations.get(given) or {}).get("type") == PARTY_TYPE
            if given is not None and not party or person.id in roles.employers and given is None \
                    or person.title is None:
                continue    # (民進黨立委, 民主黨加州參議員: the party is membership, the office's body may be named)
            org = self.offices.employer(doc, person, orgs, facts)
            if org is not None:
                roles.employers[person.id] = org

    def _quoted_employers(self, doc: Document, people: EntityTable, roles: EventRoles) -> None:
        """《財富》CEO艾倫．莫瑞, 「此芯科技」创始人孙文剑: a known organisation quoted right
        before a person's title is their employer."""
        orgs: EntityTable = doc.layers["organizations"]
        for person in people.ordered():
            if person.organization is not None or person.title is None or person.id in roles.employers:
                continue
            org = self._org_before_title(doc, person)
            if org is not None and org is not UNKNOWN and org not in person.former:
                roles.employers[person.id] = org

    def _titled_elsewhere(self, doc: Document, person: Entity) -> bool:
        """Do the words of a person's title tie them to no organisation an inference may give:
        an organisation no table knows (_org_before_title), a unit of one (投顧研究部副總,
        中央財經委員會辦公室主任), or a post left (前項目負責人)?"""
        if person.title is None:
            return False
        return self._org_before_title(doc, person) is UNKNOWN or self._unit_of_unknown(doc, person.title[0]) \
            or self._left_post(doc, person.title[0])

    def _unit_of_unknown(self, doc: Document, start: int) -> bool:
        """全國外送產業工會研究部, 中央財經委員會辦公室 right before a title: a unit (its end
        word) of a body named by its kind's word, in the title's clause; not 該公司研發部 (a
        body pointed back to)."""
        key = doc.key
        words = key[max(0, start - UNKNOWN_ORG_REACH):start]
        words = TITLE_LEAD.sub("", words)
        unit = next((u for u in UNKNOWN_UNIT_ENDS if words.endswith(u)), None)
        if unit is None:
            return False
        words = words[:len(words) - len(unit)]
        cut = max((words.rfind(c) for c in UNIT_STOPS), default=-1)
        words = words[cut + 1:]
        for i in range(len(words) - 1, 0, -1):
            suffix = next((x for x in self.org_suffixes if len(x) > 1 and words.endswith(x, 0, i + 1)), None)
            if suffix is not None:
                return not words.endswith(BACK_POINTERS, 0, i + 1 - len(suffix))
        return False

    @staticmethod
    def _left_post(doc: Document, start: int) -> bool:
        """前項目負責人, 原研究部主任: 前 / 原 a word of its own opening the words of a title
        (after a clause break or a space): a post left, whose organisation is no inference's."""
        key = doc.key
        i = start
        while i > 0 and start - i < LEFT_POST_REACH and key[i - 1] not in UNIT_STOPS and key[i - 1] != " ":
            i -= 1
            if key[i] in LEFT_MARKS and (i == 0 or key[i - 1] in UNIT_STOPS or key[i - 1] == " "):
                tok = doc.tokens[doc.token_index_at(i)]
                return tok.start == i and tok.end == i + 1
        return False

    def _org_before_title(self, doc: Document, person: Entity):
        """香港資訊科技商會榮譽會長方保僑, “美国数字民主中心”的负责人X, 《財富》CEO X: the
        title's own organisation, in words no table knows (a quoted name, a name ending as
        organisations do), is no one else's; nothing is inferred for them."""
        if person.title is None:
            return None
        start = person.title[0]
        words = doc.key[max(0, start - UNKNOWN_ORG_REACH):start]
        words = TITLE_LEAD.sub("", words)
        if not words:
            return None
        end = start - UNKNOWN_ORG_REACH + len(words) if start >= UNKNOWN_ORG_REACH else len(words)
        if words[-1] in CLOSING_MARKS:
            end -= 1    # 「此芯科技」创始人: a name the tables know, quoted, is theirs
        org = doc.layers["organizations"].covering(end - 1, end)
        if org is not None:
            return org.id if words[-1] in CLOSING_MARKS else None
        return UNKNOWN if words[-1] in CLOSING_MARKS or words.endswith(self.org_suffixes) else None

    @staticmethod
    def _doers(doc: Document, people: EntityTable, primary) -> set[str]:
        """特斯拉CEO马斯克以440亿美元收购推特: the person in the verb's clause before it does it."""
        out = set()
        for start, _ in primary.mentions:
            opener = people.covering(start, start + 1)
            if opener is not None:
                out.add(opener.id)      # (林远航将从星岚研究院退休: the person the deed's words open with)
                continue
            i = start - 1
            while i >= 0 and start - i <= DOER_REACH and doc.key[i] not in DOER_STOPS:
                person = people.covering(i, i + 1)
                if person is not None:
                    if not doc.key.startswith(FOUNDED, i + 1) and doc.key[i + 1:i + 2] != "的":
                        out.add(person.id)     # (马斯克创办的xAI发布: he describes the doer)
                    break
                i -= 1
        return out

    @staticmethod
    def _earlier_year(doc: Document, year: int | None, people: EntityTable) -> dict[int, int]:
        """The sentences set in a year before the event's (2019年，時任…; 2014年在一場講座上，X回憶;
        not 自2016年以來, a span reaching now, nor a fiscal year, nor a year inside a clause: 較2019年),
        naming no date of the event's year, with where their first such year starts. A year whose
        clause reaches a person through 的 (2019年上任的財務長周啟航表示) tells a career, not
        another occasion (a 的 in a clause reaching no one does not: 2014年在星河的一場講座上，)."""
        if not year:
            return {}

        def classify(t) -> str | None:
            v = t.timex or ""
            if len(v) < 4 or not v[:4].isdigit():
                return None
            if int(v[:4]) >= year:
                return "same"
            if len(v) != 4 or t.grain != "year" or t.fiscal or doc.key.startswith(SPAN_TO_NOW, t.end):
                return None
            lead = t.start - (doc.key[max(0, t.start - 1):t.start] in YEAR_LEADS)
            if lead > 0 and doc.key[lead - 1] not in CLAUSE_OPENERS:
                return None     # (毛利率較2019年提升: a year inside its clause; 自2019年以來 too)
            i = t.end
            while i < len(doc.key) and doc.key[i] not in DOER_STOPS:
                if people.covering(i, i + 1) is not None:
                    return None if "的" in doc.key[t.end:i] else "other"
                i += 1
            return "other"

        return Roles._sentences_dated(doc, classify)

    @staticmethod
    def _dated_otherwise(doc: Document, date: str | None) -> dict[int, int]:
        """The sentences dated (to a day or a month) otherwise than the event, and never as it,
        with where their first other date starts."""
        if not date or len(date) < 7:
            return {}

        def classify(t) -> str | None:
            if t.grain == "day" and t.value and len(t.value) >= 10:
                v = t.value[:10]
            elif t.grain == "month" and t.value_start:
                v = t.value_start[:7]
            else:
                return None
            n = min(len(v), len(date))
            return "same" if v[:n] == date[:n] else "other"

        return Roles._sentences_dated(doc, classify)

    @staticmethod
    def _sentences_dated(doc: Document, classify) -> dict[int, int]:
        """The sentences holding a time expression `classify` calls "other" and none it calls
        "same" (None: neither), with where their first other one starts. A time inside a quote
        is the speaker's (「今天是…最重要的一天」), not the text's: skipped."""
        other: dict[int, int] = {}
        same = set()
        quoted = sorted((q.start, q.end) for q in doc.layers.get("quotes", ()))
        for t in doc.layers.get("time_expressions", ()):
            k = bisect.bisect_right(quoted, (t.start, len(doc.key))) - 1
            if k >= 0 and quoted[k][0] <= t.start < quoted[k][1]:
                continue
            kind = classify(t)
            if kind is None:
                continue
            k = doc.sentence_index(t.start)
            if kind == "same":
                same.add(k)
            else:
                other[k] = min(other.get(k, t.start), t.start)
        return {k: at for k, at in other.items() if k not in same}

    @staticmethod
    def _kin_of_other(doc: Document, end: int) -> bool:
        """長和李嘉誠紅顏知己周凱旋, 雲杉科技創辦人之子: the name only describes someone else."""
        k = end + (doc.key[end:end + 1] == "的")
        return doc.key.startswith(KIN, k)

    def _ends_with_title(self, words: str) -> bool:
        return any(end == len(words) for _, _, end in self.title_finder.find_matches_as_indexes(words, overlapping=True))

    def _has_title(self, words: str) -> bool:
        return bool(self.title_finder.find_matches_as_indexes(words))

    def _told_outlet(self, doc: Document) -> dict[int, int]:
        """Sentence index -> offset of a news outlet (KB type media) spoken to: 对/向 right before
        it and a verb of saying right after it (对路透社表示, 向彭博社透露), or 告诉 before it. Not the
        outlet's own reporter (告訴中央社記者, 对中央社记者表示): the article's reporting, not elsewhere."""
        key, out = doc.key, {}
        for ent in doc.layers["organizations"].by_id.values():
            if not ent.kb or (self.kb.organizations.get(ent.id) or {}).get("type") != "media":
                continue
            for s, e in ent.mentions:
                if (s > 0 and key[s - 1] in "对向" and key.startswith(TOLD_OUTLET_VERBS, e)) \
                        or (key.endswith("告诉", 0, s) and not key.startswith("记者", e)):
                    out.setdefault(doc.sentence_index(s), s)
        return out

    def _cues_by_sentence(self, doc: Document) -> dict[int, dict[str, list[int]]]:
        found: dict[int, dict[str, list[int]]] = {}
        for idx, start, _ in self.finder.find_matches_as_indexes(doc.key, overlapping=True):
            deadline.check("roles")
            kind = self.patterns[idx][0]
            if kind in ("place", "at") and self.absent_before.search(doc.key, max(0, start - ABSENT_REACH), start):
                continue
            found.setdefault(doc.sentence_index(start), {}).setdefault(kind, []).append(start)
        return found

    def _commentator(self, doc: Document, person: Entity) -> bool:
        if person.title is None:
            # IDC全球行動裝置追蹤研究經理Jitesh Ubrani: a title the table lacks, read
            # from the words right before the first mention
            words = INSTITUTE.sub("", self._words_before(doc, person.first))
            return any(w in words for w in self.commentator_words)
        title = INSTITUTE.sub("", doc.key[person.title[0]:person.title[1]])
        return title.endswith(self.commentator_forms) or any(w in title for w in self.commentator_words)

    @staticmethod
    def _stage_cues(doc: Document, cues: dict) -> dict[int, list[int]]:
        """Per sentence, where a place word or a stage's act (STAGE_ACTS) stands, in text order:
        gathered once a document, so a person's mentions cost a bisection each."""
        out: dict[int, list[int]] = {}
        for k, found in cues.items():
            at = sorted([*found.get("place", ()), *(a for a in found.get("at", ())
                                                     if doc.key.startswith(STAGE_ACTS, a))])
            if at:
                out[k] = at
        return out

    @staticmethod
    def _titled_by(doc: Document, person: Entity, words: tuple[str, ...]) -> bool:
        """Does the person's title, or with none the words of the clause right before their first
        mention (TITLE_WINDOW characters), hold one of the words?"""
        title = doc.key[person.title[0]:person.title[1]] if person.title is not None \
            else Roles._words_before(doc, person.first)
        return any(w in title for w in words)

    def _on_stage(self, doc: Document, person: Entity, cues: dict, stage: dict[int, list[int]],
                  verbs: dict[int, str], placed: set[str]) -> bool:
        """星岚研究首席分析师林某在会上表示, 南岭大学教授李某在对谈时说, 分析师陈某发表了…的演讲:
        a commentator's title (分析師, 研究員, 教授) does not make a comment of what its holder says
        on the event's stage: one among a release's doers (斯坦福李飞飞和吴佳俊团队发布了…; a
        gathering's or a deed's participants the events read are no evidence: an analyst named
        in a sentence telling it is among them), or named in a sentence that puts
        them there (会上, 台上, 出席) or has them do a stage's act (STAGE_ACTS: 演讲, 致辞, 对谈)
        before their verb of saying. `stage` is _stage_cues(doc, cues)."""
        if person.id in placed and not self._titled_by(doc, person, WRITER_WORDS):
            return True     # (中央社記者X台北13日電 opens a release's lead: its writer, not its doer)
        for start, end in person.mentions:
            k = doc.sentence_index(start)
            if cues.get(k, {}).get("elsewhere"):
                continue
            said = self._speech_at(doc, verbs, end)
            # (在会上表示 is one verb of saying: a place inside it is before its words)
            limit = len(doc.key) if said is None else said[0] + len(said[1])
            there = stage.get(k, ())     # (sorted: the first after the name is found by bisection)
            i = bisect.bisect_right(there, start)
            if i < len(there) and there[i] < limit:
                return True
        return False

    def _outside_voice(self, doc: Document, person: Entity, employer: str | None, primary,
                       cues: dict, verbs: dict[int, str], placed: set[str]) -> bool:
        """A voice from outside the lists of commentator titles: an expert (資安專家), a title
        glued to a field of study (研究總監, 產業分析副總), an association's head (商會榮譽會長,
        學會理事長) — of no organisation or of another than the organiser's, not among the
        event's doers, and named in no sentence that places them at it (出席, 會上, 台上) nor
        doing something there before their verb of saying (發表演講, 致詞). An association's head
        is a voice on a company's release; at a gathering or a public body's ceremony they are as
        often on its stage or among its guests."""
        organizer = primary.organizer
        if person.id in placed or employer is not None and organizer is not None \
                and not self._outsider(employer, organizer):
            return False    # (星辰智能首席專家 at 星辰智能's launch: the organiser's own)
        for start, end in person.mentions:
            found = cues.get(doc.sentence_index(start), {})
            said = self._speech_at(doc, verbs, end)
            if found.get("place") or any(at > start and (said is None or at < said[0])
                                         for at in found.get("at", ())):
                return False    # (協會理事長在會上致詞, 協會副會長發表演講: there)
        if person.title is None:
            words = self._words_before(doc, person.first)
            return words.endswith(self.voice_words)
        t_start, t_end = person.title
        title = doc.key[t_start:t_end]
        if any(w in title for w in self.voice_words):
            return True
        before = INSTITUTE.sub("", self._words_before(doc, t_start))
        if before.endswith(self.voice_fields):
            return True     # (研究總監, 產業分析副總: a field glued to the title; 研究所主任 is a unit's)
        if primary.gathering or primary.series is not None or not self._company(organizer) \
                or not title.endswith(self.association_titles):
            return False    # (an association's head at a ministry's opening is one of its guests)
        while before.endswith(self.association_modifiers):
            before = before[:-len(next(m for m in self.association_modifiers if before.endswith(m)))]
        return before.endswith(self.associations)

    def _reaction(self, doc: Document, person: Entity, employer: str | None, organizer: str | None,
                  placed: set[str]) -> bool:
        """对此，谷歌发言人X表示: first named in a sentence that opens by answering what came
        before, with nothing but their organisation and title between the opener and the name,
        speaking for another organisation than the organiser's and not among the event's doers:
        a reaction to the event, not part of it."""
        if person.id in placed or not self._outsider(employer, organizer):
            return False
        start = person.first
        sentence = doc.sentence_at(start)
        head = doc.key[sentence.start:start].lstrip()
        opener = next((w for w in self.reaction_openers if head.startswith(w)), None)
        if opener is None:
            return False
        rest = head[len(opener):]
        rest = rest[1:] if rest[:1] in "，," else rest
        return not any(c in rest for c in "，,。；;：:“”「」\n")

    @staticmethod
    def _words_before(doc: Document, start: int) -> str:
        """The words of the clause right before a position (at most TITLE_WINDOW characters)."""
        words = doc.key[max(0, start - TITLE_WINDOW):start]
        for stop in "，,。；;：:、\n“”「」":
            words = words.rsplit(stop, 1)[-1]
        return words

    def _investor(self, doc: Document, person: Entity) -> bool:
        """A partner's or an investor's title (云岫资本合伙人): who funds, not who comments."""
        if person.title is None:
            return False
        return doc.key[person.title[0]:person.title[1]].endswith(self.investor_forms)

    def _company(self, org: str | None) -> bool:
        """Is the organisation one the knowledge base knows as a company?"""
        return org is not None and (self.kb.organizations.get(org) or {}).get("type") == COMPANY_TYPE

    def _public_body(self, doc: Document, org: str) -> bool:
        """Is the organisation a government's body (not a company): known as one, or named with a body's
        word at its end (科技部, 监管局, 数据保护署, 卫健委, 委员会)?"""
        if (self.kb.organizations.get(org) or {}).get("type") == GOVERNMENT_TYPE:
            return True
        ent = doc.layers["organizations"].by_id.get(org)
        return ent is not None and bool(ent.mentions) and all(
            doc.key.endswith(PUBLIC_BODY_ENDS, s, e) for s, e in ent.mentions)

    def _scholarly(self, doc: Document, org: str | None) -> bool:
        """A university or a research body: known as one, or named with a scholar's
        body's word at its end (南嶺大學, 自动化研究所, 科学院)?"""
        if org is None:
            return False
        if (self.kb.organizations.get(org) or {}).get("type") in SCHOLARLY_TYPES:
            return True
        ent = doc.layers["organizations"].by_id.get(org)
        return ent is not None and bool(ent.mentions) and all(
            doc.key.endswith(SCHOLARLY_ENDS, s, e) for s, e in ent.mentions)

    @staticmethod
    def _parties(doc: Document, sentences: set[int]) -> set[str]:
        """The organisations named in the headline, the lead paragraph or a sentence that
        tells the event (its organiser, the other side of a deal, the one it concerns)."""
        lead_end = _lead_end(doc.key)
        told = {o.id for o in doc.layers["organizations"].by_id.values()
                if o.first < lead_end
                or any(doc.sentence_index(start) in sentences for start, _ in o.mentions)}
        # (华为、支付宝宣布合作: a known app or service named as a party stands for its maker)
        told |= {p.vendor for p in doc.layers.get("products", ())
                 if p.known and p.vendor and p.category in PARTY_CATEGORIES
                 and any(start < lead_end or doc.sentence_index(start) in sentences for start, _ in p.mentions)}
        return told

    def _reacting(self, doc: Document, lines: "_Lines", person: Entity, primary, employer: str | None,
                  parties: set[str]) -> bool:
        """Of an organisation (a named one) that is none of the release's parties nor of the
        organiser's family, and named in no paragraph that tells it: reacting from outside."""
        if employer is None or employer in parties:
            return False
        if primary.organizer is not None and not self._outsider(employer, primary.organizer):
            return False
        if primary.organizer is None and self._public_office(doc, person):
            return False    # (a minister at a debate or a meeting the text names no organiser for)
        return self._named_organization(doc, employer) and not self._in_paragraphs(lines, person, primary)

    def _named_organization(self, doc: Document, org: str) -> bool:
        """Is the employer an organisation (known, named with a word that ends one: 協會,
        中心, 大學, or with a proper name: Coinbase), not common words of a unit read as one
        (公司營銷傳播副總裁)?"""
        if org in self.kb.organizations:
            return True
        ent = doc.layers["organizations"].by_id.get(org)
        return ent is not None and any(doc.key.endswith(self.org_suffixes, s, e)
                                       or not self._common_words(doc, s, e, any_words=True)
                                       for s, e in ent.mentions)

    def _outsider(self, employer: str | None, organizer: str | None) -> bool:
        """Does the person work for an organisation other than the organiser (or its parent or child)?"""
        if employer is None or organizer is None or employer == organizer:
            return False
        family = {organizer, (self.kb.organizations.get(organizer) or {}).get("parent")}
        return employer not in family and (self.kb.organizations.get(employer) or {}).get("parent") != organizer

    def _at_event(self, doc: Document, person: Entity, cues: dict, verbs: dict[int, str],
                  speakers: set[str], organizer: str | None, outsider: bool = False,
                  primary_sentences: frozenset[int] = frozenset(), own: bool = False,
                  voice: bool = False) -> bool:
        """Placed at the event by a cue in their sentence; or speaking, unless what they
        say is placed elsewhere, or they speak, at a series' gathering, for another
        organisation than the organiser's (a customer quoted in an article about it; a
        partner quoted in a one-off's press release is part of it). One reacting to a release
        from outside (voice) who says their words with a word of doing (徐波介绍，…) is not
        placed by it."""
        if outsider:
            speakers = set()
        spoke = person.id in speakers
        elsewhere = False
        for start, end in person.mentions:
            if self._reported(doc, start) or doc.key.startswith(FOUNDED, end):
                continue    # (马斯克创办的xAI宣布…: the company speaks, he only describes it)
            found = cues.get(doc.sentence_index(start), {})
            said = self._speech_at(doc, verbs, end)
            # (游直翰表示，去年開始…: a word of another time after the verb is what is said)
            away = found.get("elsewhere", []) + ([] if own else found.get("channel", []))
            if any(said is None or at < said[0] + len(said[1]) for at in away):
                elsewhere = True
                continue
            if found.get("place") or any(at > start and not (voice and self._said_with(doc, end, at))
                                         for at in found.get("at", ())):
                return True     # (交棒聯合創始人梁汝波: one named after the sentence's doing is not there)
            if said is None:
                if self._said_once(doc, verbs, end):
                    elsewhere = True    # (李某曾表示：…: words of another occasion, whatever a quote adds)
                continue
            verb = said[1]
            if outsider or verb in self.cue_words["opinion"] \
                    and (organizer is None or person.organization != organizer):
                continue
            if doc.sentence_index(start) in primary_sentences:
                return True     # (…今天宣布啟用實驗室，共同執行長X透露: words in the announcement itself)
            spoke = True
        return spoke and not elsewhere

    @staticmethod
    def _spoken_of(doc: Document, people: EntityTable, person: Entity, verbs: dict[int, str], start: int) -> bool:
        """洪麗寗在股東會後受訪時…表示，新任總經理林威遠來自緯創: named in what another
        person of the sentence says (after their verb of saying), not placed by it."""
        sentence = doc.sentence_at(start)
        i = start - 1
        said = False
        while i >= sentence.start and start - i <= SPOKEN_REACH:
            if not said and i in verbs and start - i > len(verbs[i]):
                said = True
            elif said:
                other = people.covering(i, i + 1)
                if other is not None and other is not person:
                    return True
            i -= 1
        return False

    @staticmethod
    def _in_paragraphs(lines: "_Lines", person: Entity, event) -> bool:
        """Is the person named in a paragraph that names the event?"""
        paragraphs = {lines.index(start) for start, _ in event.mentions}
        return any(lines.index(start) in paragraphs for start, _ in person.mentions)

    @staticmethod
    def _reported(doc: Document, start: int) -> bool:
        """Is the mention at start the source someone else quotes (引述X的說法)?"""
        before = doc.key[max(0, start - REPORTED_REACH):start]
        for stop in "，,。；;：:\n":
            before = before.rsplit(stop, 1)[-1]
        if before.endswith("据") and not before.endswith(NOT_ACCORDING):
            return True     # (據唐杰表示: according to him, the writer's source)
        return any(w in before for w in REPORTED)

    def _speech_after(self, doc: Document, verbs: dict[int, str], end: int) -> str | None:
        """The speech verb within a few characters after a mention, in its clause."""
        said = self._speech_at(doc, verbs, end)
        return None if said is None else said[1]

    def _said_with(self, doc: Document, end: int, at: int) -> bool:
        """徐波介绍，…: a word of doing (介绍, 预计) right after the name, within SPEECH_WINDOW
        and no punctuation between, that a comma or colon ends, is the verb the person says
        their words with, not something they do at the event."""
        if not end <= at < end + SPEECH_WINDOW or any(c in "，,。；;：:\n“”「」" for c in doc.key[end:at]):
            return False
        return any(doc.key.startswith(w, at) and doc.key[at + len(w):at + len(w) + 1] in ("，", ",", "：", ":")
                   for w in self.cue_words["at"])

    def _speech_at(self, doc: Document, verbs: dict[int, str], end: int) -> tuple[int, str] | None:
        """Where the speech verb after a mention starts, and the verb."""
        gloss = GLOSS_AFTER.match(doc.key, end)
        if gloss is not None:
            end = gloss.end()   # 莉娜汉（Lina Khan）在一份声明中表示: the gloss is the name's
        titled = STATEMENT_TITLE.match(doc.key, end)
        if titled is not None:
            end = titled.end()  # (在〈…〉声明中说: the statement's title is no words of theirs)
        stop = min(len(doc.key), end + SPEECH_WINDOW)
        for i in range(end, stop):
            if doc.key[i] in "，,。；;：:\n“”「」":
                return None
            if doc.key[i] == ONCE:
                return None     # (库克曾多次强调: said on other occasions, not at this one)
            if i in verbs:
                return i, verbs[i]
        return None

    @staticmethod
    def _said_once(doc: Document, verbs: dict[int, str], end: int) -> bool:
        """林某曾表示 / 林某曾经多次强调: a 曾 between a mention and its speech verb, in its clause
        (within SPEECH_WINDOW): what follows was said on another occasion."""
        gloss = GLOSS_AFTER.match(doc.key, end)
        if gloss is not None:
            end = gloss.end()
        once = False
        for i in range(end, min(len(doc.key), end + SPEECH_WINDOW)):
            if doc.key[i] in "，,。；;：:\n“”「」":
                return False
            if doc.key[i] == ONCE:
                once = True
            elif once and i in verbs:
                return True
        return False

    def _speech_verbs(self, doc: Document) -> dict[int, str]:
        """Where each speech verb starts (the longest there), in one pass."""
        found: dict[int, str] = {}
        for idx, start, _ in self.speech_finder.find_matches_as_indexes(doc.key, overlapping=True):
            deadline.check("roles")
            verb = self.speech[idx]
            if len(verb) > len(found.get(start, "")):
                found[start] = verb
        return found


def _lead_end(text: str) -> int:
    """Where the lead paragraph (the first after the headline) ends."""
    seen = 0
    at = 0
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if text[at:end].strip():
            seen += 1
            if seen == 2:
                return end
        at = end + 1
    return len(text)


class _Lines:
    """Which line (paragraph) an offset is in: the line breaks found once, when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks: list[int] | None = None

    def index(self, pos: int) -> int:
        if self.breaks is None:
            self.breaks = line_breaks(self.text)
        return bisect.bisect_right(self.breaks, pos)
