"""Quotes: direct speech with its speaker, told apart from scare quotes.

Three steps, each linear in the text:

1. Pairs. One pass over the quote marks (“” 「」 『』 ‘’ and ASCII ") with a
   stack. A closer pairs with the nearest open mark of its kind; what lies
   above it on the stack was never closed and is dropped. A pair never
   crosses a line break and spans at most MAX_QUOTE_CHARS, so a stray mark
   can neither lose text nor swallow the rest of the article; every test on
   a pair is a bisect or a bounded look around it, so hostile input costs no
   more than plain text.
2. Speech or not. The evidence a reader uses, as named weights
   (SPEECH_EVIDENCE): a speech cue before the mark (with a colon, a comma or
   touching it) or after the closer (“…,”X說), a colon, a full clause with its
   own final punctuation, a quote standing alone as a paragraph (a
   pull-quote). Vetoes: an attributive 的 or a naming verb before the mark
   (的“外星人”, 被稱為“…”, 所謂“開源”) and a reference back to earlier words
   (所說的“護城河”). A quote glued into a phrase on both sides (賣“賣水人”的)
   with no cue has no evidence at all. A Han phrase in marks ending its clause
   in a sentence a cue opened, whose speaker is named, is that speaker's own
   words (X表示,…是「選錯戰場、武器」,因為…), unless a name lies inside or a
   verb or a counted measure names it (推出「…」, 推動一場「…」); a phrase of six
   letters or more is words said even when no one is named (网民称赞其「…」).
3. Who said it. From the cue, the nearest speaker before it in its clause,
   then in its sentence, skipping people spoken to (向X, 給X, 與X) and
   possessors (X的); a pronoun resolves to the subject of the nearest earlier
   sentence naming a person; two people, a plural pronoun, an unnamed person
   or an organisation give `speaker: null`. A quote with no cue of its own may
   take one from clauses earlier in its sentence (X非常欣賞…,因為…,“…。”) or
   continue the previous quote (“…,”X說。“…。”).

Word lists live in service/kb/data/quote_cues.yaml (and speech_verbs.txt).
Confidence is P(speech) × P(attribution), each from the evidence found.
"""
from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..nlp import automata as ahocorasick_rs   # ahocorasick_rs whose searches of one text share a pass
import regex

from .address_words import ADDRESS_PREPS, GRANTED_INTERVIEW
from ..kb import KnowledgeBase
from ..nlp.clauses import ClauseSplitter
from ..nlp import quote_marks as qm
from ..nlp.document import Document
from ..nlp.segment import Segmenter
from ..nlp.spans import Mention, tokens_in
from .entities import Entity, EntityTable, noisy_or
from .org_anaphora import ORG_ANAPHORS, org_antecedent
from .records import Quote
from .. import deadline

# -- the marks -----------------------------------------------------------
OPENERS = qm.pairs(qm.DOUBLE, qm.SINGLE)
CLOSERS = {close: open_ for open_, close in OPENERS.items()}
ASCII_QUOTE = qm.ASCII_QUOTE
QUOTE_MARKS = frozenset(qm.marks(qm.DOUBLE, qm.SINGLE, qm.ASCII))
MARKS = re.compile("[" + re.escape("".join(sorted(QUOTE_MARKS))) + "\n]")
MAX_QUOTE_CHARS = 800     # a quotation longer than this is a stray mark, not a quote

# -- the text around a mark (on the normalised view: half-width punctuation)
FINAL_PUNCT = frozenset("。!?…")
INNER_PUNCT = regex.compile(r"[,;:。!?…]")
NOT_CONTENT = regex.compile(r"[^\p{L}\p{N}]")
NOT_CONTENT_ONLY = regex.compile(r"[^\p{L}\p{N}]*")
SHORT_PAIR = 120          # a pair this short is read directly; longer ones by bisecting
# On the normalised view (half-width) the shared clause punctuation, and marks a
# speaker is never named across.
QUOTE_CLAUSES = ClauseSplitter("…—()[]【】" + qm.marks(qm.TITLE) + "".join(sorted(QUOTE_MARKS)))
CLAUSE_DELIMS = QUOTE_CLAUSES.delimiters
COLONS = frozenset(":")
COMMAS = frozenset(",")
MIN_CLAUSE_CHARS = 4      # a "full clause" quote has at least this many characters
MIN_LONG_CLAUSE = 12      # an unfinished quote with inner commas this long reads as speech
ASPECT_PARTICLES = frozenset("了过着著過")
MIN_SENTENCE_QUOTE = 6    # a quote ending a sentence a cue opened is speech from this long
# A fragment of the speaker's words inside reported speech (X表示,…是「選錯戰場」,因為…):
# this many letters at least (a shorter one is a term), and letters of a Han phrase, not a name.
MIN_FRAGMENT_LETTERS = 4
# A phrase this long (in Han letters) is words said whoever the cue's speaker is (网民称赞其「…」,
# 聲明指美方「…」): a term or a name in marks is shorter; a shorter fragment needs a named speaker.
MIN_UNNAMED_FRAGMENT_LETTERS = 6
MAX_FRAGMENT_CHARS = 60
# 是「荒謬的」: a predicate in marks after 是, ending with 的, this many letters (的 counted) at least.
MIN_DESCRIBED_LETTERS = 3
# 用「…」(來)形容 / 來比喻: the frame of words chosen to describe something (key view: 來 is 来);
# the frame itself says the words are chosen, so two letters do (用「跳躍」來形容).
DESCRIBE_FRAME = ("用", ("来形容", "形容", "来比喻", "比喻"))
MIN_DESCRIBED_WITH_LETTERS = 2
# A fragment this long (in Han letters) may hold Latin letters and digits (「將使專用於AI的…需求迎來爆炸性
# 增長」): a name mixing them is shorter (「星河AI助手」).
MIN_LATIN_FRAGMENT_LETTERS = 12
# After a naming verb (號稱, 稱之為) the marks hold a name or a short label (號稱“史上最強”); a phrase
# of this many Han letters with a 的 between two of its words is a claim in someone's words
# (號稱「推動產業升級的一次重要飛躍」), ending its clause.
MIN_CLAIM_LETTERS = 10
# A fragment after a verb is that verb's object, a name (推出「星河計劃」), unless its words are
# a phrase no name is: a 的 between two of its words (傳遞了「很壞的訊號」, 形容為「前所未有的挑戰」).
PHRASE_PARTICLE = "的"
# Before a verb, these make it a noun (對新晶片的期待「…」), which takes no object.
NOMINALISERS = frozenset("的之")
COPULA = "是"
# Modal verbs before a fragment take the speaker's verb phrase (需「根據需求優化」), not a name.
MODALS = frozenset({"会", "能", "将", "需", "需要", "要", "应", "应该", "可", "可以", "可能", "必须", "得"})
MAX_CUE_CLAUSE = 40       # how far before a colon its cue may stand (表達得更直接:)
# A quote's original words in brackets right after it (（completely unrelated）): lower-case
# Latin words, two or more, as a translated remark has (a name or a term is capitalised or one word).
TRANSLATED_AFTER = regex.compile(r" ?[(（][a-z][a-z'’\-]*(?: [a-z][a-z'’\-]*){1,12}[.!?]?[)）]")
MAX_TRANSLATED = 30       # characters of a quote read as translated words
# A name's original form in brackets right after the marks (「星河傳說：黎明之塔」（Star River: Tower
# of Dawn）): Latin words whose first and last are capitalised (or a number, an acronym) make the
# quoted words a title or a name, as a translated remark (lower-case, above) does not.
NAME_GLOSS_AFTER = regex.compile(r" ?[(（]([A-Z0-9][A-Za-z0-9'’.:&!,\- ]{0,80})[)）]")
MAX_COUNTED_QUOTES = 32   # quotes a document counts over the whole text (bounded: linear time)
SIGNATURE_DASHES = frozenset("—―–-")   # the dash that opens a quote's signature line
MAX_SIGNATURE_GAP = 12   # characters between a closing mark and its signature's name
MAX_AFTER_GAP = 24        # “…,”<speaker and cue within this many characters>
# ...or within this many when what stands before the speaker is only titles and organisations
# (“…，”星辰集團 CEO、星海科技董事長兼總裁 孫嘉禾說。)
MAX_TITLED_AFTER_GAP = 48
TITLE_MARKS = frozenset(qm.marks(qm.TITLE))
TITLE_OPENERS = qm.pairs(qm.TITLE)          # 《 → 》: the opener of a work's title and its closer
# ADDRESS_PREPS (address_words.py; 對, 告訴 in the key view): 對《星報》說 — the title is the one addressed
TITLE_CLOSERS = frozenset(TITLE_OPENERS.values())
MAX_ADDRESSED_TITLE = 16  # characters of an addressed work's title
SETTING_PREPS = ("在", "于")      # key view (於 is 于): “…。”在年會上，孫嘉禾說
MAX_SETTING_CHARS = 30     # a setting clause before the speaker, up to its comma
SETTING_UTTERANCE_ENDS = frozenset("。!")   # key view: an utterance, not a question put to someone
# 發布會後, / 接受採訪時, / 任職期間, (key view): a time's clause, no response (對此, 針對…) opening it
SETTING_CLAUSE = regex.compile(r"(?!对于|针对|关于|面对|对此|为此)"
                               r"[^,，。；;!！?？:：\n「」“”『』‘’]{1,30}?(?:后|时|以来|期间)[,，] ?")
CIRCUMSTANCE_OPENERS = ("在", GRANTED_INTERVIEW)   # key view: 在接受采访时, 接受《…》专访时 before a closing cue
TITLE_JOINERS = frozenset({"、", "兼", "暨", "及", "和", "与", "、 "})
MAX_TAIL = 2              # characters between a trailing cue and its punctuation
MAX_CARRIED_CLAUSES = 3   # clauses a dropped subject carries over (X發布…，並指…，稱「…」)
CARRIED_CLAUSE_POS = ("v", "d", "p")   # tags opening a clause with no subject of its own
MAX_UNNAMED_BACK = 160    # how far back 這位投資人 looks for the 一位投資人 it refers to
MAX_ONE_OF_GAP = 4        # characters between 一位 and the title (一位資深投資人)
ONE_OF = frozenset({"一位", "一名", "一个", "某位"})   # key view (一個 is 一个): 星辰公司一位發言人, one of its voices
ONE_OF_CLAUSE_ENDS = frozenset(",。;!?")   # key view: 孫嘉禾為一位資深投資人。
ONE_OF_COPULA_ADVERBS = frozenset("也曾就乃亦则")   # 孫嘉禾也是一位…
MAX_SUBJECT_SCAN = 80     # how far back a cue looks for its speaker in the sentence
MAX_ANTECEDENT_SENTENCES = 3
MAX_VOICE_CHAIN = 2       # 聲明稱 … 聲明還說: statements resolved back through at most this many
ISSUER_HOWS = frozenset({"organisation", "named-clause", "named-sentence", "titled-name"})
# The voices a body issues (發表聲明, 發布公告) and a later sentence opens with (聲明稱); a report
# (報告, 報導) has authors and sources, a spokesperson (發言人) is a person of its own.
ISSUED_VOICES = frozenset({"聲明", "声明", "公告", "通告", "新聞稿", "新闻稿"})
# key view: what joins an organisation's name to the voice word it issues (星河局在聲明中, 星河局發表聲明,
# 星河局的聲明, 星河局透過聲明)
ISSUING_LINKS = ("在", "发表", "发布", "的", "透过", "通过")
MAX_SENTENCES_SCANNED = 12   # sentences read back for an antecedent, those inside quotes included
LOCATIVE = "在"   # speech_verbs.txt phrases opening with it name a place, then the verb
# Parts of speech that make a clause's own subject (so no zero anaphora).
OVERT_SUBJECT_POS = ("n", "r", "eng")
ADVERB_POS = "d"
# A time or place word ending the phrase before a verb, which the dictionary may
# glue to it (時說, 中說, 後表示): the verb is still a cue.
GLUED_POSTPOSITIONS = frozenset("时中后上里")     # 都, 也, 一起: X和Y都表示 keeps X and Y one subject
# 據新華社報導, X宣布: the source of the news (據) is no subject 該公司/該機構 refers back to.
SOURCE_PREP = "据"   # key view (據 is 据)
# Right before an organisation or an unnamed person, these make it a place or an object.
PLACE_PREPS = frozenset({"在", "于"})   # key view (於 is 于 there)
COUNT_POS = frozenset("mq")              # 一份, 一場: numerals and measure words
MAX_COUNT_TOKENS = 2
VIEWPOINT_FRAMES = ("看来", "眼中", "眼里")   # key view: 在X看來 / 在X眼裡
PLACE_PREPS_TUPLE = ("在", "于")     # key view
PLACE_WORDS = frozenset({"上", "下", "中", "里", "内"})
MAX_OWNED_PLACE_TOKENS = 4
NOT_SUBJECT_BEFORE = frozenset({"的", "在", "于", "於", "从", "從", "对", "對", "向", "给", "給", "替", "为", "為"})
# Up to two nouns that qualify a press word after a preposition (在社交媒體, 對現場媒體).
# Read by the tag's first letter: any noun tag (n, ng, ns, nt, nz; nr is kept out where it is
# read) and s, a place word.
MODIFIER_POS = frozenset({"n", "s"})    # 社交(媒體), 現場(媒體), 當地(媒體)
MAX_MODIFIER_TOKENS = 2
PREPS_BEFORE_MODIFIED = NOT_SUBJECT_BEFORE - {"的"}
# Words the tagger reads as verbs that only give an example (例如星河大學發布的公告稱): what
# follows them is still the subject, not their object.
EXAMPLE_WORDS = frozenset({"例如", "比如", "譬如", "诸如", "像是"})

# How much each kind of evidence alone makes us believe the words are speech.
SPEECH_EVIDENCE = {
    "cue-colon": 0.95,     # 孫嘉禾表示:「…」
    "cue-after": 0.9,      # 「…,」孫嘉禾說。
    "cue-adjacent": 0.8,   # 曾說過“…” / 表示,“…”
    "colon": 0.7,          # 孫嘉禾:「…」 / …如下:「…」
    "full-clause": 0.7,    # “…。” with its own final punctuation, not glued into a phrase
    "standalone": 0.6,     # the quote is a whole paragraph (a pull-quote)
    "long-clause": 0.45,   # clauses inside, though unfinished
    "cue-object": 0.6,     # 批評前幾個CEO「…，…」: a verb of saying, its object, then clauses
    "listed-quote": 0.7,   # 网友表示:“…”、“…”: listed after a quote of speech
    "translated": 0.7,     # X澄清…「完全無關」（completely unrelated）: a cue, the words and their original
    "cue-sentence": 0.6,   # X表示,…,“…”。 / X表示…。“…”。: a cue earlier, the quote ends the sentence
    "block": 0.8,          # 孫嘉禾表示:<line break> a paragraph of speech with no marks
    "block-continued": 0.7,   # the next paragraph of such a statement (numbered, first person)
    "cue-fragment": 0.6,   # X表示,英特爾是「選錯戰場、武器」,因為…: the speaker's own words inside reported speech
    "claim": 0.6,          # 號稱「推動產業升級的一次重要飛躍」: a naming verb, but a phrase no name is
    "described": 0.6,      # 孫嘉禾用「…」來形容: the words a named speaker chose to describe something
}
# How sure the attribution is, by how the speaker (or its absence) was found.
ATTRIBUTION = {
    "named-clause": 0.97,     # the name in the cue's own clause
    "named-sentence": 0.88,   # the name clauses before the cue
    "colon-name": 0.85,       # 孫嘉禾:「…」
    "signature": 0.85,        # “…”  newline  —— 孫嘉禾（@handle）: a quote signed on the next line
    "surname": 0.75,          # 黃表示: the one person of that surname
    "pronoun-near": 0.8,      # 他 → the previous sentence's subject
    "pronoun-far": 0.6,       # 他 → two or three sentences back
    "zero-anaphora": 0.55,    # 隨後表示: the previous sentence's subject
    "continued": 0.75,        # the second part of the previous speaker's quote
    "continued-name": 0.75,   # the same, its speaker an organisation or a titled name (no entity)
    "paragraph": 0.7,         # a quote-only paragraph after one that opens with its speaker's cue
    "nobody-named": 0.85,     # 兩人 / 一位分析師 / 他們 → null
    "organisation": 0.85,     # 騰訊表示 → null, with the organisation's name
    "titled-name": 0.8,       # 副總裁 Lee Chen 表示 → null, with the name no table knows
    "ambiguous": 0.6,         # a pronoun with two candidate antecedents → null
    "no-cue": 0.75,           # speech by shape, no cue anywhere: null
}
DISTANT_CUE = 0.85   # the cue stands clauses before the quote, not beside it
NAMED_WITHOUT_ENTITY = frozenset({"organisation", "titled-name", "continued-name"})   # speaker_name, speaker null
# 副總裁 Lee Chen 表示 / 經營者Mia說: a Latin name no table knows, right after a job title
# or a noun of a person (its last character), right before the cue, is the speaker.
LATIN_NAME_BEFORE = regex.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z'’.\-]*(?: [A-Za-z][A-Za-z'’.\-]*){0,2} ?$")
PERSON_NOUN_ENDS = frozenset("者师家员人长官友手客士众")   # 客: 乘客, 旅客, 顧客; 人士, 民眾
# 偵查員林于婷指出 / 乘客德懷特說: a Han word the segmenter tags as a person's name, two to
# six characters (a transliteration the tagger cuts in pieces joined), no mention covers,
# after such a title or noun, speaks the same way.
PERSON_NAME_POS = "nr"
SURNAMED_NOUN_POS = frozenset({"n", "ns", "nz", "nr"})   # a name the tagger reads as a noun (白洋/ns)
# 齊聲, 高聲, 高興地 before a cue: the manner of saying. Only these words of 聲 (家聲 is a given name).
MANNER_WORDS = ("齐声", "高声", "大声", "轻声", "低声", "异口同声")
MANNER_ENDS = frozenset("地")
NAME_DOTS = frozenset("·‧・•")   # the dot inside a transliterated name (艾倫·克拉維茨)
MAX_NAME_TOKENS = 4
HAN_NAME = regex.compile(r"\p{Han}[\p{Han}·‧・•]{1,6}(?<=\p{Han})")

PERSON, SURNAME, PRONOUN, PLURAL, UNNAMED, ORG = (
    "person", "surname", "pronoun", "plural", "unnamed", "org")
# Which kinds of mention the AC pass finds, strongest claim first on a tie.
LEXICON_KINDS = (("naming_before", "naming"), ("reference_before", "reference"),
                 ("cue_verbs", "cue"), ("attitude_verbs", "attitude"),
                 ("pronouns_plural", PLURAL), ("pronouns_singular", PRONOUN),
                 ("unnamed_speakers", UNNAMED))


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    kind: str      # "cue" (speech) or "attitude"


@dataclass(slots=True)
class Attribution:
    entity: Entity | None = None
    name: tuple[int, int] | None = None      # the surface form that identified the speaker
    mention: tuple[int, int] | None = None   # the name, or the pronoun
    cue: Cue | None = None
    how: str = "no-cue"
    distant: bool = False


@dataclass(slots=True)
class Pair:
    open: int
    close: int
    evidence: set[str] = field(default_factory=set)


# 他說季辛格是技術人…他覺得「…」: a name right after a verb of saying is what is said
# about, not who goes on speaking.
REPORTED_SUBJECT_AFTER = ("说", "称", "指", "表示", "认为", "觉得", "批评", "形容", "指出", "透露",
                          "强调", "直言", "坦言", "笑言", "说过")


SURNAME_ADVERBS = frozenset("则也又亦还便就更续")
# A name _surname_mentions reads a surname from: two to four characters of U+3400-U+9FFF
# (one C match, not a generator over its characters).
_SURNAME_NAME = re.compile("[\u3400-\u9fff]{2,4}").fullmatch
OBJECT_REACH = 10
MAX_ADDRESSEE_NAME = 8   # 對星河財經記者說: how long the paper's name between 對 and its reporter may be
# Verbs of saying that take who is spoken of before the words (批評X「…」, 形容X「…」).
OBJECT_CUES = frozenset({"批评", "形容", "称赞", "赞扬", "质疑", "抨击", "痛批", "讽刺", "嘲讽", "反问", "警告",
                         "提醒", "告诉", "回应", "怒斥", "斥责", "反驳"})
OPENERS_AFTER_CUE = frozenset(qm.openers(qm.DOUBLE, qm.ASCII))
# Cues that answer someone: “…”X回應:“…” leaves the words before to whoever X answers (key view).
REPLY_CUES = frozenset({"回应", "回复", "回答", "答", "答道", "反驳", "反问", "问", "问道", "追问", "接话",
                        "打断", "答复"})

# -- speech set off as paragraphs, with no marks (normalised view) ----------------
# 孫嘉禾表示:\n\n我們明年會推出新一代模型。 A paragraph ending in a colon whose
# sentence holds a speech cue introduces the next paragraph as the speaker's words.
BLOCK_INTRO = regex.compile(r":[ \t\u3000]*\n")
# Markers a page puts around a quoted paragraph (*…*, > …) and around its items.
BLOCK_WRAP = " \t\u3000*>"
# 1. / 2、 / (3) / 一、: an item of a numbered statement goes on with it.
NUMBERED_ITEM = regex.compile(r"(?:[0-9]{1,2}[.、]|\([0-9]{1,2}\)|[一二三四五六七八九十][、.])")
FIRST_PERSON = ("我们", "我")      # key view: 我們 is 我们 there
# Verbs that publish a document rather than speak words (公布了新看點:): no block intro.
PUBLISHING_CUES = frozenset({"公布", "宣布", "发布", "披露", "公告", "列出", "展示"})
# 拒絕證實或否認, 拒绝否认 (key view): a speech verb a refusal governs is what someone declined to
# say, no one speaking; the quote beside it belongs to the cue before (what 拒絕 is the end of,
# the refusal and at most one verb joined by 或/和 before the cue).
REFUSED_CUE = re.compile(r"拒绝(?:[\u3400-\u9fff]{1,2}[或和及、])?\Z")
MAX_BLOCK_PARAGRAPHS = 12
MAX_INTRO_GAP = 16          # blank lines and wrapping marks between an intro's colon and its quote
# Words right after an organisation's name that are the organisation itself, not
# someone of it (小米公司官方微博回應, 騰訊官方表示); key view. The first two are
# part of the name the text gives it (its speaker_name).
# After a mention, these make it the one who interviews or asks (记者采访, 媒体专访, 本报查询).
INTERVIEWED_BY_AFTER = ("采访", "专访", "访问", "提问", "询问", "查询")
# After an unnamed word, these make it the kind of a venue, not a speaker (key view: 會 is 会):
# 社群媒體平台 (a platform), 記者會上 (the segmenter splits 記者|會上), 媒體帳號.
VENUE_HEADS = ("平台", "会上", "会中", "帐号", "账号")
ORG_ITSELF = frozenset({"公司", "官方", "集团", "方面"})
ORG_NAME_WORDS = frozenset({"公司", "集团"})
# a date opening a sentence, then its comma: 2024年3月2日, / 3月2日晚间, / 上周二, / a month or a
# part of a year, its year written or named (2018年6月, / 今年3月底, / 2024 年年初, / 去年底,)
DATE_CLAUSE = regex.compile(r"(?:(?:[0-9]{2,4}年)?[0-9]{1,2}月[0-9]{1,2}[日号](?:[上下]午|晚间|早间|晚上|凌晨)?"
                            r"|[上本这][周週][一二三四五六日]"
                            r"|(?:[0-9]{4} ?年 ?|今年|去年|前年)?[0-9]{1,2} ?月(?:初|底|中旬|上旬|下旬)?"
                            r"|(?:[0-9]{4} ?年 ?|今年|去年|前年)(?:年初|年底|年中|年末|初|底|上半年|下半年))[,，] ?")
# 星辰联盟提起诉讼后, / 今年以来, / 对于这份报告, / 对此, (key view): a leading clause of time or
# circumstance (ending with 后, 时, 以来 or 期间, or opening with 对于, 针对, 关于, 面对) or a linking
# word, and a comma, before the organisation still leaves it opening the sentence
LEAD_CLAUSE = regex.compile(r"(?:(?:对此|为此|随后|其后|此外|另外|同时)"
                            r"|(?:对于|针对|关于|面对)?[^,，。；;!！?？:：\n「」“”『』‘’]{1,30}?(?:后|时|以来|期间)"
                            r"|(?:对于|针对|关于|面对)[^,，。；;!！?？:：\n「」“”『』‘’]{1,30}?)[,，] ?")
# A wire item's dateline or an outlet's name in brackets opening a paragraph (key view:
# （星河社記者某某台北5日電）, （星河之聲中文網）): the sentence's subject comes after it.
OPENING_DATELINE = regex.compile(r"[(【][^()【】\n,，。;；:：「」“”]{2,46}[)】]")
# 该软件开发公司 / 這家晶片企業 before the name it describes (no punctuation, a few characters)
ORG_DESCRIPTOR = regex.compile(r"[该這这此][\p{Han}]{0,8}?(?:公司|企业|企業|厂商|廠商|集团|集團)(?=\p{Han}|[A-Za-z])")


# Jim Walsh, Mary-Ann O'Neil: two or three capitalised Latin words; group 1 the last
LATIN_FULL_NAME = regex.compile(r"[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]*\.?)? ([A-Z][a-z'’\-]{2,})")
LATIN_WORD_END = regex.compile(r"(?<![A-Za-z0-9'’.&\-])(?<![A-Za-z0-9'’.&\-] )[A-Za-z][A-Za-z'’\-]* ?$")


def _latin_word_before(norm: str, pos: int) -> tuple[int, int] | None:
    """Wilk認為 / Wilk 認為: the span of one Latin word (no other Latin word before it) ending
    at pos, or None."""
    found = LATIN_WORD_END.search(norm, max(0, pos - 30), pos)
    if found is None:
        return None
    end = found.end() - (norm[found.end() - 1] == " ")
    return found.start(), end


# 包括「…」、「…」及「…」 / 提及「…」、「…」等: marked phrases joined into a list name terms
TERM_JOINERS = frozenset("、及和與与或")
TERM_STOPS = frozenset("，。！？,!?；;：:")
MIN_TERM_LIST = 3        # items in a list of terms (2 when 等 closes it)
MAX_TERM_CHARS = 20
TERM_INTRODUCERS = ("包括", "包含", "涵蓋", "涵盖")


def term_list_opens(norm: str, pairs: list[tuple[int, int]]) -> set[int]:
    """Open marks of phrases listed as terms: a run of marked phrases each joined to the
    next by one joiner (、, 及, 和 …), every one short and without sentence punctuation,
    two or more when 等 follows, else MIN_TERM_LIST or more after 包括 or before a noun. A run a colon opens
    (网友表示:“…”、“…”、“…”) is listed speech, not terms. One pass over the pairs."""
    out: set[int] = set()
    run: list[tuple[int, int]] = []

    def flush() -> None:
        if len(run) < 2:
            return
        o0, c_last = run[0][0], run[-1][1]
        if o0 > 0 and norm[o0 - 1] in "：:":
            return
        after = norm[c_last + 1:c_last + 2]
        if after != "等":
            # without 等 the list must name items: three or more, after 包括 or before the noun
            # they name (「…」、「…」、「…」願景); a list ending the clause (宣揚「…」、「…」和「…」。)
            # may be the speaker's own words
            if len(run) < MIN_TERM_LIST:
                return
            if not (after.isalnum() or norm.endswith(TERM_INTRODUCERS, 0, o0)):
                return
        for o, c in run:
            words = norm[o + 1:c]
            if not words.strip() or len(words) > MAX_TERM_CHARS or any(ch in TERM_STOPS for ch in words):
                return
        out.update(o for o, _ in run)

    for o, c in sorted(pairs):
        if run and (o - run[-1][1] == 2 and norm[o - 1] in TERM_JOINERS):
            run.append((o, c))
            continue
        flush()
        run = [(o, c)]
    flush()
    return out


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


# Key view: words after the closer that make the marks a thing referred to (「…」的說法, 「…」等內容,
# 「…」這句話), not words the cue's speaker says.
REFERENCE_AFTER = frozenset("的等这那之")


def _holds_predicate_word(doc: Document, o: int, c: int) -> bool:
    """Does the text in marks [o, c] hold an adverb or a modal verb as a whole token (非常明確,
    可以、將會且應該)? Those are a predicate's words, which no name or term holds; so the marks,
    glued onto the words after them, are still words someone said."""
    key, tokens = doc.key, doc.tokens
    i = doc.token_index_from(o + 1)
    while i < len(tokens) and tokens[i].end <= c:
        tok = tokens[i]
        if tok.pos.startswith(ADVERB_POS) or key[tok.start:tok.end] in MODALS:
            return True
        i += 1
    return False


def _reads_as_phrase(norm: str, o: int, c: int) -> bool:
    """Does the text in marks [o, c] hold PHRASE_PARTICLE between two of its letters?"""
    i = norm.find(PHRASE_PARTICLE, o + 2, c - 1)
    return i > 0 and norm[i - 1].isalnum() and norm[i + 1].isalnum()


def find_pairs(norm: str) -> list[tuple[int, int]]:
    """(open, close) offsets of matched quote marks, outermost first. One
    pass; each mark is pushed and popped at most once."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    counts: dict[str, int] = dict.fromkeys(list(OPENERS) + [ASCII_QUOTE], 0)
    bottom = 0   # stack[:bottom] is too old to pair: skipped, not scanned

    def reset() -> None:
        nonlocal bottom
        stack.clear()
        bottom = 0
        for k in counts:
            counts[k] = 0

    # An opener left open at a paragraph's end: (its mark, its offset, where the
    # paragraph's final punctuation ends). A quotation running over paragraphs
    # closes at the first closer of its kind with nothing to close; else at that end.
    pending: list[tuple[str, int, int]] = []
    last_mark = [-1]    # where the last quote mark was, to tell a lone opener from a mismatch

    def flush() -> None:
        if pending:
            _, pos, end = pending.pop()
            pairs.append((pos, end))

    def close_at_line_end(i: int) -> None:
        """谢秋称，“基于…电池。<end of paragraph>: one opener left open before a
        paragraph's final punctuation (a quotation running on, or a mark the
        source dropped)."""
        if len(stack) - bottom != 1 or stack[-1][0] == ASCII_QUOTE or last_mark[0] != stack[-1][1] \
                or i - stack[-1][1] > MAX_QUOTE_CHARS:
            return      # (not “我们会赢」: a stray closer after it makes it a mismatch)
        j = i - 1
        while j > stack[-1][1] and norm[j] in " \t\u3000":
            j -= 1
        if norm[j] in FINAL_PUNCT and j - stack[-1][1] > MIN_CLAUSE_CHARS:
            flush()
            pending.append((stack[-1][0], stack[-1][1], j + 1))

    for m in MARKS.finditer(norm):
        deadline.check("quotes")
        ch, i = m.group(), m.start()
        if ch == "\n":
            if stack:   # (nothing open: nothing to close, nothing to forget)
                close_at_line_end(i)
                reset()
            continue
        last_mark[0] = i
        if pending and pending[0][1] < i - MAX_QUOTE_CHARS:
            flush()
        # Open marks too far back can no longer pair: forget them.
        while bottom < len(stack) and stack[bottom][1] < i - MAX_QUOTE_CHARS:
            counts[stack[bottom][0]] -= 1
            bottom += 1
        if bottom == len(stack) and bottom:
            stack.clear()
            bottom = 0
        if ch == "’" and 0 < i < len(norm) - 1 and norm[i - 1].isascii() \
                and norm[i - 1].isalnum() and norm[i + 1].isascii() and norm[i + 1].isalnum():
            continue  # an apostrophe: don’t
        opener = CLOSERS.get(ch) or (ch if ch == ASCII_QUOTE and counts[ASCII_QUOTE] else None)
        if opener is None:
            if ch in OPENERS or ch == ASCII_QUOTE:
                stack.append((ch, i))
                counts[ch] += 1
            continue  # a closer with nothing to close is a stray mark
        if not counts[opener]:
            if pending and pending[0][0] == opener and i - pending[0][1] <= MAX_QUOTE_CHARS:
                pairs.append((pending.pop()[1], i))
            continue
        while True:
            top, pos = stack.pop()
            counts[top] -= 1
            if top == opener:
                break
        if i - pos <= MAX_QUOTE_CHARS:
            pairs.append((pos, i))
    close_at_line_end(len(norm))
    flush()
    pairs.sort()
    return pairs


def _longest_first(words) -> list[str]:
    return sorted(words, key=len, reverse=True)


class Quotes:
    name = "quotes"
    reads = ("organizations", "people", "events", "products")
    writes = ("quotes",)

    def __init__(self, kb: KnowledgeBase, segmenter: Segmenter) -> None:
        lists = kb.quote_cues
        kinds: dict[str, str] = {}
        for list_name, kind in LEXICON_KINDS:
            forms = lists.get(list_name, frozenset())
            if list_name == "cue_verbs":
                # 在發布會上表示: the place is not part of the cue, the verb is.
                forms = forms | {v for v in kb.speech_verbs if not v.startswith(LOCATIVE)}
            for form in forms:
                kinds.setdefault(form, kind)
        # A voice its owner speaks through (國防部的聲明稱, 星河大學的公告稱) is a mention
        # even where it is a cue verb as well (聲明:「…」): both are read from one match.
        self.owner_voices = lists.get("owner_voices", frozenset())
        for form in self.owner_voices:
            kinds.setdefault(form, UNNAMED)
        self.kinds = kinds
        self.forms = sorted(kinds)
        self.kind_of = [kinds[f] for f in self.forms]   # by the finder's pattern index
        self.finder = ahocorasick_rs.AhoCorasick(
            self.forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
        self.prefixes = _longest_first(lists.get("cue_prefixes", ()))
        self.complements = _longest_first(lists.get("cue_complements", ()))
        # A complement's first character, a prefix's last: _cue tries the lists only
        # where the character beside the cue is one (None: an empty word, try always).
        self.complement_firsts = frozenset(c[0] for c in self.complements) if all(self.complements) else None
        self.prefix_lasts = frozenset(p[-1] for p in self.prefixes) if all(self.prefixes) else None
        self.attributive = lists.get("attributive", frozenset())
        self.object_preps = tuple(_longest_first(lists.get("object_prepositions", ())))
        self.conjunctions = _longest_first(lists.get("conjunctions", ()))
        self.surname_prefixes = lists.get("surname_prefixes", frozenset())
        self.honorifics = lists.get("honorific_suffixes", frozenset())
        # (向先生說: a one-character preposition before an honorific is no surname)
        self.not_surnames = frozenset(p for p in self.object_preps if len(p) == 1)
        self.surnames = kb.surnames
        self.family_names = kb.surnames | kb.japanese_surnames
        self.places = kb.places
        self.object_cues = OBJECT_CUES
        self.demonstratives = lists.get("demonstratives", frozenset())
        self.org_anaphors = frozenset(ORG_ANAPHORS)   # one list with employment's
        self.in_dictionary = segmenter.has_word
        self.titles = frozenset(kb.titles)
        self.org_suffixes = frozenset(kb.org_suffixes)

    # -- reading the lexicon over the document ----------------------------
    def _scan(self, doc: Document):
        """Cues, vetoes and speaker-like words, in one Aho-Corasick pass."""
        cues: list[Cue] = []
        vetoes: dict[int, str] = {}       # end offset -> naming | reference
        mentions: list[Mention] = []
        key = doc.key
        kind_of = self.kind_of
        check = deadline.check
        # doc.starts_token and doc.ends_token, inlined (as the gazetteer's scan does)
        token_starts = doc._token_starts
        tokens = len(token_starts)
        text_size = len(doc.text)
        owner_voices = self.owner_voices
        for idx, start, end in self.finder.find_matches_as_indexes(key):
            check("quotes")
            kind = kind_of[idx]
            if kind in ("cue", "attitude"):
                cue = self._cue(doc, start, end, kind)
                if cue is None:   # 受訪時說 / 明: the longest match cut the cue word 說明
                    cue = self._cue_word_at_end(doc, start, end)
                if cue is not None and not REFUSED_CUE.search(key, max(0, cue.start - 6), cue.start):
                    cues.append(cue)
                if key[start:end] not in owner_voices:
                    continue
                kind = UNNAMED   # 聲明 of 國防部的聲明稱: a cue, and the voice before 稱
            i = bisect.bisect_left(token_starts, start)
            if i == tokens or token_starts[i] != start:
                continue
            if end < text_size:
                i = bisect.bisect_left(token_starts, end, i)
                if i == tokens or token_starts[i] != end:
                    continue
            if kind in ("naming", "reference"):
                vetoes[end] = kind
            else:
                mentions.append(Mention(start, end, kind))
        return cues, vetoes, mentions

    def _inside_word(self, doc: Document, start: int, end: int) -> bool:
        """Does [start, end) cut a dictionary word (說 in 小說, 問 in 問題)? The
        tagger also glues a verb to a name or a particle (葉承澤說, 地回), and
        such a guess is no dictionary word, so it does not count; nor does a
        postposition the dictionary glues to the verb (採訪時說, 會中表示)."""
        # Most cues are one token exactly (表示, 說): no token overlapping it runs past it.
        starts = doc._token_starts
        i = bisect.bisect_left(starts, start)
        if i < len(starts) and starts[i] == start:
            ends = getattr(doc.tokens, "ends", None)
            if ends is not None and ends[i] == end:
                return False
        return any((tok.start < start or tok.end > end) and self.in_dictionary(tok.word)
                   and not (tok.end == end and start - tok.start == 1
                            and doc.key[tok.start] in GLUED_POSTPOSITIONS)
                   and not (tok.end == end and self._name_ends_at(doc, tok.start, start))
                   for tok in tokens_in(doc, start, end))

    @staticmethod
    def _name_ends_at(doc: Document, lo: int, pos: int) -> bool:
        """趙明說: the dictionary word 明說 the verb sits in starts inside a name the text
        gives a person elsewhere (榮耀執行長趙明), which ends right before the verb: the verb
        cuts no word of the text. Two to four characters back: constant work."""
        people = doc.layers.get("people")
        if people is None or not lo < pos or not people.by_id:
            return False
        forms = people.forms(doc.key)
        return any(forms.first(doc.key[pos - n:pos]) is not None
                   for n in (2, 3, 4) if pos - n >= 0 and pos - n <= lo)

    def _cue_word_at_end(self, doc: Document, start: int, end: int) -> Cue | None:
        """The word a rejected match ends inside (說明 of 受訪時說明), when that word is a
        cue of its own that starts inside the match."""
        tok = doc.tokens[doc.token_index_at(end - 1)]
        if not (start < tok.start < end < tok.end):
            return None
        kind = self.kinds.get(doc.key[tok.start:tok.end])
        return self._cue(doc, tok.start, tok.end, kind) if kind in ("cue", "attitude") else None

    def _cue(self, doc: Document, start: int, end: int, kind: str) -> Cue | None:
        """A cue verb widened over a touching adverb (曾, 還) and a complement
        (了一句, 過, 道), none of them cutting a word."""
        if self._inside_word(doc, start, end):
            return None
        key = doc.key
        firsts, lasts = self.complement_firsts, self.prefix_lasts
        if firsts is None or key[end:end + 1] in firsts:
            for comp in self.complements:
                if key.startswith(comp, end) and not self._inside_word(doc, end, end + len(comp)):
                    end += len(comp)
                    break
        if lasts is None or key[start - 1:start] in lasts:
            for pre in self.prefixes:
                if key.endswith(pre, 0, start) and not self._inside_word(doc, start - len(pre), start):
                    start -= len(pre)
                    break
        return Cue(start, end, kind)

    def _surname_mentions(self, doc: Document, people: EntityTable,
                          cues: list[Cue]) -> list[Mention]:
        """黃笑稱 / 老黃表示: a surname alone, opening the clause of a cue,
        for the one person of the article with that surname."""
        owners: dict[str, set[str]] = {}
        for ent in people.by_id.values():
            deadline.check("quotes")
            for s, e in ent.mentions:
                name = doc.key[s:e]
                if not _SURNAME_NAME(name):   # two to four characters of U+3400-U+9FFF
                    continue
                n = 2 if name[:2] in self.surnames and len(name) > 2 else 1
                if name[:n] in self.surnames:
                    owners.setdefault(name[:n], set()).add(ent.id)
        unique = {s: next(iter(ids)) for s, ids in owners.items() if len(ids) == 1}
        latin = self._latin_last_words(doc, people)
        if not unique and not latin:
            return []
        out = []
        key = doc.key
        for cue in cues:
            deadline.check("quotes")
            if latin:
                word = _latin_word_before(doc.norm, cue.start)
                if word is not None and doc.norm[word[0]].isupper():
                    pid = latin.get(key[word[0]:word[1]])
                    if pid is not None and people.covering(*word) is None:
                        out.append(Mention(word[0], word[1], SURNAME, people.by_id[pid]))
                        continue
            # 周則說, 黃也表示: one adverb may stand between the surname and the verb
            at = cue.start - (key[cue.start - 1:cue.start] in SURNAME_ADVERBS)
            for length in (1, 2, 3):   # 黃, 老黃 / 歐陽, 小歐陽
                start = at - length
                if start < 0 or (start > 0 and key[start - 1].isalnum()):
                    continue
                form = key[start:at]
                if form[:1] in self.surname_prefixes and form[1:] in unique:
                    form = form[1:]
                pid = unique.get(form)
                if pid is not None and people.covering(start, at) is None:
                    out.append(Mention(start, at, SURNAME, people.by_id[pid]))
                    break
        return out

    @staticmethod
    def _latin_last_words(doc: Document, people: EntityTable) -> dict[str, str]:
        """Tomasz Wilk … Wilk認為: the last word (lower-cased) of each Latin name of two or
        three capitalised words the text gives in full, for the one person it belongs to."""
        owners: dict[str, set[str]] = {}
        for ent in people.by_id.values():
            for s, e in ent.mentions:
                m = LATIN_FULL_NAME.fullmatch(doc.norm, s, e)
                if m is not None:
                    owners.setdefault(m.group(1).lower(), set()).add(ent.id)
        return {w: next(iter(ids)) for w, ids in owners.items() if len(ids) == 1}

    # -- the pass ---------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        doc.layers["quotes"] = []
        pairs = find_pairs(doc.norm)
        intros = [m.start() for m in BLOCK_INTRO.finditer(doc.norm)]
        if not pairs and not intros:
            return
        people: EntityTable = doc.layers["people"]
        orgs: EntityTable = doc.layers["organizations"]
        cues, vetoes, mentions = self._scan(doc)
        # 出席李國鼎紀念論壇: a name inside an event's name is no one present to speak.
        in_events = sorted(span for ev in doc.layers.get("events", ()) for span in ev.mentions)
        for ent in people.by_id.values():
            deadline.check("quotes")
            mentions += [Mention(s, e, PERSON, ent) for s, e in ent.mentions
                         if not _inside(in_events, s, e)]
        for ent in orgs.by_id.values():
            deadline.check("quotes")
            mentions += [Mention(s, e, ORG, ent) for s, e in ent.mentions]
        mentions += self._surname_mentions(doc, people, cues)
        names = [m.start for m in mentions if m.kind in (PERSON, ORG)]
        names += [s for product in doc.layers.get("products", ()) for s, _ in product.mentions]
        ctx = _Context(doc, pairs, cues, vetoes, mentions, sorted(names))
        ctx.titles = self.titles
        ctx.org_suffixes = self.org_suffixes
        ctx.honorifics = self.honorifics
        ctx.surnames = self.surnames
        ctx.places = self.places
        ctx.family_names = self.family_names
        ctx.not_surnames = self.not_surnames

        blocks = self._blocks(ctx, intros)
        block_spans = [(p.open, p.close) for p, _ in blocks]
        out = []
        covered = -1
        previous: tuple[Pair, Attribution] | None = None
        terms = term_list_opens(ctx.doc.norm, pairs)
        for o, c in pairs:
            deadline.check("quotes")
            if o < covered or _inside(block_spans, o, o):
                continue  # inside a quote already taken: part of its words
            if o in terms:
                continue  # 包括「…」、「…」及「…」: a list of terms
            pair = Pair(o, c)
            if not self._is_speech(ctx, pair) and not self._listed_after(ctx, pair, previous):
                continue
            covered = c
            attribution = self._attribute(ctx, pair, previous)
            previous = (pair, attribution)
            ctx.spoken.append((pair.open, attribution))
            out.append(self._quote(doc, pair, attribution))
        if blocks:
            out += [self._quote(doc, pair, attribution) for pair, attribution in blocks]
            out.sort(key=lambda q: q.start)
        doc.layers["quotes"] = out

    # -- paragraphs of speech ---------------------------------------------
    def _last_speaker_before(self, ctx: _Context, para_start: int) -> Attribution | None:
        """The named speaker (a person or an organisation) of the last speech cue of
        the paragraph before para_start, if that paragraph has one."""
        norm = ctx.doc.norm
        end = para_start
        while end > 0 and norm[end - 1] in "\n \t\u3000":
            end -= 1
        cue = ctx.last_speech_cue(norm.rfind("\n", 0, end) + 1, end)
        if cue is None:
            return None
        found = self._speaker_of(ctx, cue)
        if found.entity is None and found.how != "organisation":
            return None
        found.distant = True
        return found

    def _blocks(self, ctx: _Context, intros: list[int]) -> list[tuple[Pair, Attribution]]:
        """Paragraphs a speech cue and a colon introduce (X表示:<newline>…), and
        the paragraphs of the same statement after them; as pairs whose marks
        stand just outside the paragraph's words."""
        out: list[tuple[Pair, Attribution]] = []
        norm = ctx.doc.norm
        done = -1
        for colon in intros:
            deadline.check("quotes")
            if colon < done or ctx.quoted(colon):
                continue
            cue, mode = ctx.cue_before(colon + 1, colon)
            if cue is None:
                cue = ctx.distant_cue(colon)
            if cue is None or ctx.doc.key[cue.start:cue.end] in PUBLISHING_CUES:
                continue
            first = _paragraph_after(norm, colon)
            if first is None or not _reads_as_speech(norm, *first):
                continue
            attribution = self._speaker_of(ctx, cue)
            attribution.distant = mode != "colon"
            intro = _paragraph_before(norm, colon)
            if intro is not None and ctx.doc.key.startswith(FIRST_PERSON, intro[0]) \
                    and not (out and out[-1][0].close >= intro[0]):
                # 我們關注到…,我們聲明如下: the intro in the first person is the statement's
                # start, and "we" are who the paragraph before says responded (小米公司回應…).
                said = self._last_speaker_before(ctx, intro[0])
                if said is not None:
                    attribution = said
                out.append((Pair(intro[0] - 1, intro[1], {"block"}), attribution))
            span, evidence = first, "block"
            for _ in range(MAX_BLOCK_PARAGRAPHS):
                out.append((Pair(span[0] - 1, span[1], {evidence}), attribution))
                done = span[1]
                after_colon = norm[span[1] - 1] == ":"
                nxt = _paragraph_after(norm, span[1])
                if nxt is None or not _reads_as_speech(norm, *nxt):
                    break
                if not (after_colon or _same_wrap(norm, span, nxt)
                        or NUMBERED_ITEM.match(norm, nxt[0])
                        or ctx.doc.key.startswith(FIRST_PERSON, nxt[0])):
                    break
                span, evidence = nxt, "block-continued"
        return out

    # -- speech or not ----------------------------------------------------
    def _is_speech(self, ctx: _Context, pair: Pair) -> bool:
        """Collect the pair's speech evidence; vetoed or evidence-free pairs
        are scare quotes, terms, titles or references back."""
        doc, norm = ctx.doc, ctx.doc.norm
        o, c = pair.open, pair.close
        if not ctx.has_content(o, c):
            return False
        before = ctx.skip_space_left(o)        # index of the char before the mark, or -1
        after = ctx.skip_space_right(c + 1)    # index of the char after the closer
        prev_ch = norm[before] if before >= 0 else ""
        next_ch = norm[after] if after < len(norm) else ""
        veto = ctx.vetoes.get(before + 1)
        if veto == "naming" and self._claimed(ctx, o, c, after):
            pair.evidence = {"claim"}
            return True
        if veto or doc.key[before:before + 1] in self.attributive:
            return False
        last = ctx.last_inner_char(o, c)
        ends_final = last in FINAL_PUNCT
        if not ends_final and _name_gloss_after(norm, c + 1):
            return False     # 「星河傳說」（Star River Legend）: a title glossed with its original name
        has_inner_punct = ctx.has_inner_punct(o, c)
        left_glued = prev_ch.isalnum()
        right_glued = next_ch.isalnum() or next_ch in self.attributive

        pair.evidence = ev = set()
        cue, mode = ctx.cue_before(o, before)
        pair_cue_after = ctx.cue_after(c, after)
        # 爆料匯總:「AI平板」來了 / 兩種類型:「高風險」系統: words glued on after the closer make the
        # marks a term inside the phrase a colon opens, not the words it introduces; unless the
        # colon follows the verb of saying itself (郭然說:"…" 寬).
        clause_like = ends_final or has_inner_punct or not right_glued
        if cue is not None and mode == "colon":
            if clause_like or cue.end == ctx.skip_space_left(before) + 1:
                ev.add("cue-colon")
        elif cue is not None and clause_like:
            ev.add("cue-adjacent")
        if cue is None and prev_ch in COLONS and clause_like and (ends_final or has_inner_punct
                                                                  or c - o - 1 >= MIN_CLAUSE_CHARS):
            ev.add("colon")
        if pair_cue_after is not None and (ends_final or has_inner_punct or not left_glued):
            ev.add("cue-after")
        if ends_final and not left_glued and c - o - 1 >= MIN_CLAUSE_CHARS:
            ev.add("full-clause")
        if has_inner_punct and not left_glued and not right_glued and c - o - 1 >= MIN_LONG_CLAUSE:
            ev.add("long-clause")
        if ctx.standalone(o, c) and (ends_final or has_inner_punct or c - o - 1 >= MIN_LONG_CLAUSE):
            ev.add("standalone")   # (“低電量應急模式” alone on its line: a section's heading, no speech)
        if not ev and c - o - 1 <= MAX_TRANSLATED and TRANSLATED_AFTER.match(norm, c + 1) \
                and ctx.distant_cue(o, speech_only=True) is not None and ctx.said_once(o + 1, c):
            # 澄清…「完全無關」（completely unrelated）: words said in English, once; a term
            # glossed so (「實體清單」（entity list）) recurs in the text
            ev.add("translated")
        if not ev and has_inner_punct and c - o - 1 >= MIN_CLAUSE_CHARS \
                and ctx.cue_with_object(o, self.object_cues) is not None:
            ev.add("cue-object")
        if not ev and c - o - 1 >= MIN_SENTENCE_QUOTE and (ends_final or not right_glued and ctx.ends_sentence(c)) \
                and not ctx.object_of_verb(before, self.kinds) \
                and (ctx.distant_cue(o, speech_only=True) is not None
                     or not left_glued and ctx.previous_sentence_cue(o) is not None):
            ev.add("cue-sentence")   # 張忠謀說，這傢伙…，「我也不過以其人之道來治他」。
        if not ev and not right_glued and (not ctx.object_of_verb(before, self.kinds, MODALS)
                                           or _reads_as_phrase(norm, o, c)) \
                and self._fragment_of_speech(ctx, o, c):
            ev.add("cue-fragment")
        if not ev and right_glued and prev_ch in COMMAS and doc.key[after:after + 1] not in REFERENCE_AFTER \
                and _holds_predicate_word(doc, o, c) and ctx.cue_clause_before(o, before) \
                and self._fragment_of_speech(ctx, o, c):
            ev.add("cue-fragment")   # X表示,「幾乎所有」客戶都…: the reported clause opens with the speaker's words
        if not ev and not has_inner_punct and self._described_with(ctx, o, c, before):
            ev.add("described")   # 孫嘉禾用「…」來形容: the words the speaker chose
        return bool(ev)

    def _described_with(self, ctx: _Context, o: int, c: int, before: int) -> bool:
        """孫嘉禾用「一場漫長的馬拉松」來形容…: 用, the words in marks, then (來) 形容 or 比喻 —
        the words a named speaker (a person or an organisation) chose; Han letters only
        (MIN_DESCRIBED_WITH_LETTERS or more), no name inside."""
        doc = ctx.doc
        if before < 0 or doc.key[before] != DESCRIBE_FRAME[0]:
            return False
        tok = doc.tokens[doc.token_index_at(before)]
        if tok.start != before or tok.end != before + 1:
            return False     # 使用, 利用, 採用「…」: the words are what is used
        after = ctx.skip_space_right(c + 1)
        if not any(doc.key.startswith(tail, after) for tail in DESCRIBE_FRAME[1]):
            return False
        words = doc.norm[o + 1:c]
        letters = sum(1 for ch in words if "\u3400" <= ch <= "\u9fff")
        if letters < MIN_DESCRIBED_WITH_LETTERS or any(ch.isascii() and ch.isalnum() for ch in words) \
                or ctx.names_inside(o, c):
            return False
        found = self._speaker_of(ctx, Cue(before, before + 1, "cue"))
        return found.entity is not None or found.how == "organisation"

    def _claimed(self, ctx: _Context, o: int, c: int, after: int) -> bool:
        """號稱「推動產業升級的一次重要飛躍」, 稱之為「史上最差的設計之一」: after a naming verb, a
        phrase of MIN_CLAIM_LETTERS Han letters or more with a 的 between two of its words, ending
        its clause, no name inside, is a claim quoted, not a name (號稱“史上最強”)."""
        norm = ctx.doc.norm
        if c - o - 1 > MAX_FRAGMENT_CHARS or not _reads_as_phrase(norm, o, c):
            return False
        if after < len(norm) and (norm[after].isalnum() or ctx.doc.key[after] in self.attributive):
            return False
        letters = sum(1 for ch in norm[o + 1:c] if "\u3400" <= ch <= "\u9fff")
        return letters >= MIN_CLAIM_LETTERS and not ctx.names_inside(o, c)

    def _fragment_of_speech(self, ctx: _Context, o: int, c: int) -> bool:
        """X表示,…是「選錯戰場、武器」,因為…: a Han phrase in marks, ending its clause, in a
        sentence whose speech cue has a named speaker (a person or an organisation) is
        that speaker's own words; a name (a product's, an organisation's) is not. A phrase of
        MIN_UNNAMED_FRAGMENT_LETTERS or more is words said though the speaker is unnamed or
        unknown (网民称赞其「外貌漂亮、歌聲好聽」, 聲明指美方「…」)."""
        if c - o - 1 > MAX_FRAGMENT_CHARS:
            return False
        words = ctx.doc.norm[o + 1:c]
        letters = sum(1 for ch in words if "\u3400" <= ch <= "\u9fff")
        after_copula = ctx.doc.key.endswith(COPULA, 0, ctx.skip_space_left(o) + 1)
        # 是「可想而知的」, 是“愚蠢的”: after 是, words ending with 的 are the speaker's
        # predicate (what it is like), never what something is called
        described = after_copula and words.endswith(PHRASE_PARTICLE) and letters >= MIN_DESCRIBED_LETTERS
        if letters < MIN_FRAGMENT_LETTERS and not described or letters < MIN_LATIN_FRAGMENT_LETTERS \
                and any(ch.isascii() and ch.isalnum() for ch in words):
            return False
        if ctx.names_inside(o, c):
            return False
        if after_copula and ctx.ends_sentence(c) and not described:
            return False    # 自己是“半个程序员”。/ 目标是“活下去”。: what something is called
        cue = ctx.distant_cue(o, speech_only=True)
        if cue is None:
            return False
        found = self._speaker_of(ctx, cue)
        # a surname alone (黃表示, Wilk認為) is weaker evidence: a short phrase needs the
        # length words of an unnamed speaker need
        return found.entity is not None and (found.how != "surname" or letters >= MIN_UNNAMED_FRAGMENT_LETTERS) \
            or found.how == "organisation" \
            or letters >= MIN_UNNAMED_FRAGMENT_LETTERS and found.how == "nobody-named"

    @staticmethod
    def _listed_after(ctx: _Context, pair: Pair, previous: tuple[Pair, Attribution] | None) -> bool:
        """网友表示:“…”、“…”、“…”: a quote listed right after a quote of speech (only 、 or a
        comma between) is more of the same speech."""
        if previous is None or not ctx.has_content(pair.open, pair.close):
            return False
        gap = ctx.doc.norm[previous[0].close + 1:pair.open]
        if not gap or len(gap) > 3 or gap.strip(" 、,") or "、" not in gap and "," not in gap:
            return False
        pair.evidence = {"listed-quote"}
        return True

    # -- who said it ------------------------------------------------------
    def _attribute(self, ctx: _Context, pair: Pair,
                   previous: tuple[Pair, Attribution] | None) -> Attribution:
        o, c = pair.open, pair.close
        before = ctx.skip_space_left(o)
        intro = ctx.intro_colon_before(o)
        if intro is not None:
            before = intro      # X表示:<newline>「…」: the paragraph's quote is what the colon opens
        cue, _ = ctx.cue_before(o, before)
        if cue is not None:
            return self._speaker_of(ctx, cue)
        if "described" in pair.evidence:
            # 孫嘉禾說,…只能用「…」來形容: the sentence's cue and its speaker; else the one before 用,
            # the cue the verb 形容 after the marks
            cue = ctx.distant_cue(o, speech_only=True)
            if cue is not None:
                found = self._speaker_of(ctx, cue)
                if found.entity is not None or found.how == "organisation":
                    found.distant = True
                    return found
            found = self._speaker_of(ctx, Cue(before, before + 1, "cue"))
            after = ctx.skip_space_right(c + 1)
            tail = next(t for t in DESCRIBE_FRAME[1] if ctx.doc.key.startswith(t, after))
            verb = after + len(tail) - 2          # the verb, 形容 or 比喻, after an optional 來
            found.cue = Cue(verb, verb + 2, "cue")
            return found
        viewed = ctx.viewpoint_before(before)
        if viewed is not None:     # 在星辰科技看來,「…」: who holds the view says it
            cue, m = viewed
            if m.kind == ORG:
                return Attribution(None, (m.start, m.end), (m.start, m.end), cue, "organisation")
            return Attribution(m.ref, (m.start, m.end), (m.start, m.end), cue, "named-clause")
        after = ctx.cue_after(c, ctx.skip_space_right(c + 1))
        if after is not None:
            cue, lo = after
            return self._speaker_of(ctx, cue, lo=lo, stay_in_clause=True)
        framed = ctx.cue_after_circumstance(ctx.skip_space_right(c + 1))
        if framed is not None:
            cue, m = framed
            return Attribution(m.ref, (m.start, m.end), (m.start, m.end), cue, "named-clause")
        set_after = ctx.cue_after_setting(o, c, c + 1)
        if set_after is not None:   # “…。”在年會上，孫嘉禾說，…
            cue, m = set_after
            return Attribution(m.ref, (m.start, m.end), (m.start, m.end), cue, "named-clause")
        opening = ctx.speaker_opening_next(c, ctx.skip_space_right(c + 1))
        if opening is not None:
            cue, lo = opening
            return self._speaker_of(ctx, cue, lo=lo, stay_in_clause=True)
        signed = ctx.signed_by(c)
        if signed is not None:
            return Attribution(signed.ref, (signed.start, signed.end), (signed.start, signed.end),
                               None, "signature")
        if before >= 0 and ctx.doc.norm[before] in COLONS:
            # 孫嘉禾:「…」, or 奧特曼被問到…時,只是笑了笑:「…」
            found = self._speaker_of(ctx, Cue(before, before, "colon"))
            if found.entity is not None:
                if found.how == "named-clause":
                    found.how = "colon-name"
                else:
                    found.distant = True
                return found
        cue = ctx.distant_cue(o)
        if cue is not None:
            found = self._speaker_of(ctx, cue)
            if found.entity is None and found.how not in ("nobody-named", "organisation", "titled-name"):
                return Attribution()
            found.distant = True
            return found
        if previous is not None and ctx.continues(previous[0], previous[1], o):
            prev = previous[1]
            how = "continued-name" if prev.entity is None and prev.how in NAMED_WITHOUT_ENTITY else "continued"
            return Attribution(prev.entity, prev.name, prev.mention, prev.cue, how)
        if previous is not None and (previous[1].entity is not None or previous[1].how in NAMED_WITHOUT_ENTITY) \
                and ctx.same_sentence_no_person(previous[0].close, o):
            # 孫嘉禾稱，「…」，並說…，「…」: a later quote of the sentence with no cue of its own
            # is said by the speaker of the sentence's quote before it, no other person between.
            prev = previous[1]
            how = "continued-name" if prev.entity is None else "continued"
            found = Attribution(prev.entity, prev.name, prev.mention, prev.cue, how)
            found.distant = True
            return found
        cue = ctx.previous_sentence_cue(o)
        if cue is not None:
            # 孫嘉禾表示，公司將加大投入。「我們要做到第一。」: a quote opening the sentence
            # after one whose speaker is named goes on in that speaker's voice.
            found = self._speaker_of(ctx, cue)
            if found.entity is not None:
                found.distant = True
                return found
        m = ctx.previous_sentence_person(o, c)
        if m is not None:
            # 孫嘉禾常在週末去爬山。「我在山上想得最清楚。」: an uncued first-person quote opening
            # the sentence after one that opens with one named person, and names no one else.
            found = Attribution(m.ref, (m.start, m.end), (m.start, m.end), None, "named-sentence")
            found.distant = True
            return found
        found = self._paragraph_speaker(ctx, pair, previous)
        if found is not None:
            return found
        return Attribution()

    def _paragraph_speaker(self, ctx: _Context, pair: Pair,
                           previous: tuple[Pair, Attribution] | None) -> Attribution | None:
        """孫嘉禾表示，公司明年將擴產。<newline>「我們準備好了。」 — a quote that is its whole
        paragraph, with no cue of its own, goes on in the voice of the person the paragraph
        before opens with as speaker (its first sentence's cue), when no one else is named or
        quoted in it or between; and a run of such paragraphs stays in that voice."""
        o, c = pair.open, pair.close
        if not ctx.standalone(o, c):
            return None
        norm = ctx.doc.norm
        end = norm.rfind("\n", 0, o)
        while end > 0 and norm[end - 1] in "\n \t\u3000":
            end -= 1
        if end <= 0:
            return None
        start = norm.rfind("\n", 0, end) + 1
        if previous is not None and previous[1].how == "paragraph" and previous[0].open >= start \
                and previous[0].close < end and ctx.standalone(previous[0].open, previous[0].close):
            prev = previous[1]
            return Attribution(prev.entity, prev.name, prev.mention, prev.cue, "paragraph", True)
        first = ctx.doc.sentence_at(start)
        cue = ctx.first_speech_cue(start, min(first.end, end))
        if cue is None:
            return None
        found = self._speaker_of(ctx, cue)
        if found.entity is None or not any(m.kind in (PERSON, SURNAME) and m.ref is found.entity
                                           for m in ctx.mentions_before(cue.start, start)):
            return None     # named in that paragraph before its cue (他表示 alone is too far a reach)
        last = ctx.last_speech_cue(cue.end, end)
        if last is not None and self._speaker_of(ctx, last).entity is not found.entity:
            return None
        if any(m.kind in (PERSON, SURNAME) and m.ref is not found.entity
               for m in ctx.mentions_before(o, start)):
            return None     # someone else named in that paragraph: the voice is no longer sure
        for at, said in reversed(ctx.spoken):   # (in text order: only the paragraph's own are read)
            if at < start:
                break
            if at < o and said.entity is not found.entity:
                return None
        return Attribution(found.entity, found.name, found.mention, cue, "paragraph", True)

    def _speaker_of(self, ctx: _Context, cue: Cue, lo: int | None = None,
                    stay_in_clause: bool = False, depth: int = 0) -> Attribution:
        """The speaker of a cue: nearest fitting mention in its clause, then in
        its sentence, then (no overt subject) the previous sentence's subject."""
        doc = ctx.doc
        sentence_start = doc.sentence_at(cue.start).start if lo is None else lo
        sentence_start = max(sentence_start, cue.start - MAX_SUBJECT_SCAN)
        clause_start = ctx.clause_start(cue.start, sentence_start, glosses=stay_in_clause)
        kept = Cue(cue.start, cue.end, cue.kind) if cue.kind != "colon" else None
        verb_at = self._speech_noun_start(doc, cue.start)   # 並警告稱: the verb phrase's start
        opens = ctx.skip_space_right(doc.sentence_at(cue.start).start)
        if opens == 0 or doc.key[opens - 1] == "\n":
            lined = OPENING_DATELINE.match(doc.key, opens, cue.start)
            if lined is not None:   # （星河社台北5日電）星河局（QSA）表示: the dateline opens nothing
                opens = ctx.skip_space_right(lined.end())
        # 3月2日，蓝鲸科技宣布…，并表示 / 该软件公司蓝鲸科技宣布: a date clause, or a noun of a
        # company in apposition, before the organisation still leaves it opening the sentence
        dated = DATE_CLAUSE.match(doc.key, opens, cue.start)
        if dated is not None:
            opens = ctx.skip_space_right(dated.end())
        else:
            led = LEAD_CLAUSE.match(doc.key, opens, cue.start)
            if led is not None:
                opens = ctx.skip_space_right(led.end())
        described = ORG_DESCRIPTOR.match(doc.key, opens, cue.start)
        if described is not None:
            opens = described.end()
        own_end = None   # 小米公司官方: the words after an organisation's name that are it
        titled = ctx.titled_name_before(cue.start)
        if titled is not None:
            return Attribution(None, titled, titled, kept, "titled-name")
        honoured = ctx.surname_with_title_before(cue.start)
        if honoured is not None:
            return Attribution(None, honoured, honoured, kept, "titled-name")
        for m in ctx.mentions_before(cue.start, sentence_start):
            if ctx.in_addressed_title(m):
                continue    # 對《星辰評論》表示: the paper addressed never speaks
            in_clause = m.start >= clause_start
            if m.kind == UNNAMED and in_clause and doc.key[m.start:m.end] in self.owner_voices:
                owner = ctx.voice_owner(m, clause_start, self.object_preps, self.org_anaphors)
                if owner is None:   # 該發言人稱: the owner of the same voice named before
                    owner = ctx.voice_antecedent(m, self.demonstratives, self.object_preps,
                                                   self.org_anaphors)
                if owner is None and m.start == opens and depth < MAX_VOICE_CHAIN \
                        and doc.key[m.start:m.end] in ISSUED_VOICES:
                    issued = self._issuer_before(ctx, m, kept, depth)
                    if issued is not None:   # 星河科技發表聲明。…聲明稱: who issued the statement
                        return issued
                if owner is not None:   # 星辰公司發言人表示, 國防部的聲明稱: the owner speaks
                    o, span = owner
                    if o.kind == ORG:
                        return Attribution(None, span, span, kept, "organisation")
                    return Attribution(o.ref, span, span, kept, "named-clause")
            if m.kind == UNNAMED and in_clause:
                word = doc.key[m.start:m.end]
                referring = ctx.demonstrative_title(m, self.demonstratives)
                if referring is not None:   # 這位執行長表示: the person named before, as by 他
                    title = doc.key[ctx.skip_space_right(m.end) if word in self.demonstratives
                                    else m.start:referring[1]]
                    if ctx.unnamed_before(referring[0], title):
                        return Attribution(cue=kept, how="nobody-named")   # 一位投資人…這位投資人說
                    return self._resolve(ctx, Mention(*referring, PRONOUN), kept)
                if word in self.org_anaphors and not ctx.is_possessor(m):   # not 該公司的一位經理說
                    org = ctx.org_antecedent(m.start, self.object_preps)
                    if org is not None:                     # 該公司指出: the organisation named before
                        return Attribution(None, (org.start, org.end), (m.start, m.end), kept, "organisation")
            if m.kind == UNNAMED and doc.key[m.start:m.end] in ORG_ITSELF \
                    and ctx.mention_ending(m.start) is not None:
                if own_end is None and doc.key[m.start:m.end] in ORG_NAME_WORDS:
                    own_end = m.end
                elif own_end is not None and doc.key[m.start:m.end] not in ORG_NAME_WORDS:
                    own_end = None
                continue
            if m.kind != ORG:
                own_end = None
            if stay_in_clause and not in_clause:
                break
            opening = m.start == opens and (m.kind == SURNAME or m.kind == ORG and (
                in_clause or not ctx.overt_subject(clause_start, verb_at)))   # not 有員工形容
            if m.kind == ORG and not in_clause and not opening \
                    and not ctx.overt_subject(clause_start, verb_at) \
                    and ctx.subject_carried(m, sentence_start, clause_start):
                opening = True  # 去年秋天，星河科技發布新晶片，稱「…」: the subject of the clauses before
            if m.kind in (ORG, SURNAME, UNNAMED) and not in_clause and not opening:
                continue    # (周則說，…，要反問「…」, 青禾科技指出，…，又形容「…」: a surname or
                            # an organisation opening the sentence speaks on)
            if m.kind in (PERSON, SURNAME) and ctx.owns_place(m, cue.start):
                continue  # 網友在孫嘉禾臉書下留言稱: the page is his, the comment not
            if ctx.is_object(m, self.object_preps) or ctx.is_possessor(m):
                if ctx.conjoined_left(m, self.conjunctions) and not ctx.words_between(m.end, cue.start):
                    return Attribution(cue=kept, how="nobody-named")  # 黃仁勳和扎克伯格都表示
                continue  # 向黃仁勳吐槽, 與孫嘉禾對談時說
            if m.kind in (PERSON, SURNAME):
                if ctx.conjoined_left(m, self.conjunctions):
                    return Attribution(cue=kept, how="nobody-named")  # 黃仁勳、扎克伯格表示
                how = "surname" if m.kind == SURNAME else (
                    "named-clause" if in_clause else "named-sentence")
                name = (m.start, m.end)
                if m.kind == SURNAME:   # 周則說: the name it stands for, as a pronoun's antecedent
                    name = max((span for span in m.ref.mentions if span[1] <= m.start), default=name)
                return Attribution(m.ref, name, (m.start, m.end), kept, how)
            if m.kind == PRONOUN:
                return self._resolve(ctx, m, kept)
            if m.kind in (ORG, UNNAMED) and ctx.object_or_place(m, clause_start):
                continue    # 在社交媒體上評論稱, 回答分析師提問後說, 看著台下的觀眾說
            if m.kind == ORG and (in_clause or opening) and not ctx.orgs_joined(m, self.conjunctions):
                # 腾讯表示：“…”: an organisation speaks; no person, but its name (the contract's
                # speaker_name is the surface form that identified the speaker; 華碩與小米: two, none)
                end = own_end if own_end is not None and own_end <= m.end + 2 else m.end
                return Attribution(None, (m.start, end), (m.start, end), kept, "organisation")
            return Attribution(cue=kept, how="nobody-named")   # plural, unnamed
        if stay_in_clause or ctx.overt_subject(sentence_start, verb_at):
            return Attribution(cue=kept, how="no-cue" if kept is None else "nobody-named")
        ante = ctx.antecedent(cue.start, self.object_preps, self.conjunctions, max_back=1)
        if ante is None or ante == "ambiguous":
            return Attribution(cue=kept, how="nobody-named")
        m, _ = ante
        return Attribution(m.ref, (m.start, m.end), (m.start, m.end), kept, "zero-anaphora")

    def _speech_noun_start(self, doc: Document, pos: int) -> int:
        """Where the speech act before a cue at pos begins: a speech word the tagger reads as a
        noun glued to the cue (警告稱, 表態稱, 坦言称, 建议称) is the verb phrase, no subject of
        its clause (星河局公布結果，並警告稱「…」: the body carries on); a voice (聲明) is a
        subject of its own; else pos."""
        t = doc.token_index_from(pos) - 1
        if 0 <= t < len(doc.tokens):
            tok = doc.tokens[t]
            if tok.end == pos and tok.pos.startswith("n") and tok.start < pos \
                    and self.kinds.get(doc.key[tok.start:pos]) in ("cue", "attitude") \
                    and doc.key[tok.start:pos] not in self.owner_voices:
                return tok.start   # (簡短聲明寫道: a voice, 聲明, is the clause's subject)
        return pos

    def _issuer_before(self, ctx: _Context, voice: Mention, kept: Cue | None,
                       depth: int) -> Attribution | None:
        """聲明稱 opening its sentence, no owner named: the statement is the one an earlier
        sentence (up to MAX_ANTECEDENT_SENTENCES back) issued (星河科技發表聲明, 警方透過聲明表示),
        and whoever issued it speaks: the speaker of that earlier 聲明 read as a cue, a named person
        or organisation only."""
        prior = ctx.earlier_voice(voice)
        if prior is None:
            return None
        issued = self._issued_by(ctx, prior, kept, depth)
        return self._previous_issuer(ctx, voice, kept, depth, issued) or issued

    def _previous_issuer(self, ctx: _Context, voice: Mention, kept: Cue | None, depth: int,
                         issued: Attribution | None) -> Attribution | None:
        """星河局在聲明中表示…。星辰公司在聲明中表示…。星河局表示…。聲明中也寫道: the
        organisation opening the sentence right before speaks on in the statement it is shown
        issuing earlier in the text (its name, then 在, 發表, 發布, 透過 or 的 and the same
        voice word), though another body's statement stands nearer. (The organisation's
        mentions, each read once.)"""
        doc, key = ctx.doc, ctx.doc.key
        k = doc.sentence_index(voice.start)
        if k == 0:
            return None
        prev = doc.sentences[k - 1]
        m = ctx._mention_at(ctx.skip_space_right(prev.start))
        orgs: EntityTable = doc.layers["organizations"]
        if m is None or m.kind != ORG:
            return None
        subject = orgs.covering(m.start, m.end)
        if subject is None or self._issuer_org(orgs, issued) is subject:
            return None
        word = key[voice.start:voice.end]
        for s, e in subject.mentions:
            if e < prev.start and not ctx.quoted(s) and any(
                    key.startswith(link + word, e) for link in ISSUING_LINKS):
                return Attribution(None, (m.start, m.end), (m.start, m.end), kept, "organisation")
        return None

    @staticmethod
    def _issuer_org(orgs: EntityTable, a: Attribution | None):
        """The organisation an attribution names (an organisation's voice), or None."""
        if a is None or a.entity is not None or a.name is None:
            return None
        return orgs.covering(*a.name)

    def _issued_by(self, ctx: _Context, prior: Mention, kept: Cue | None,
                   depth: int) -> Attribution | None:
        """Who issued the statement written at prior: its owner (星河公司的聲明), or the
        speaker of it read as a cue (星河科技發表聲明, 星河局在聲明中表示)."""
        start = ctx.doc.sentence_at(prior.start).start
        owned = ctx.voice_owner(prior, ctx.clause_start(prior.start, start), self.object_preps,
                                self.org_anaphors)
        if owned is not None:   # 星河公司的聲明指出…。聲明還說
            o, span = owned
            if o.kind == ORG:
                return Attribution(None, span, span, kept, "organisation")
            return Attribution(o.ref, span, span, kept, "named-sentence")
        found = self._speaker_of(ctx, Cue(prior.start, prior.end, "cue"), depth=depth + 1)
        if found.how not in ISSUER_HOWS:
            return None
        found.cue = kept
        return found

    def _resolve(self, ctx: _Context, pronoun: Mention, cue: Cue | None) -> Attribution:
        ante = ctx.antecedent(pronoun.start, self.object_preps, self.conjunctions,
                              max_back=MAX_ANTECEDENT_SENTENCES, pronoun=True)
        if ante is None or ante == "ambiguous":
            return Attribution(cue=cue, how="ambiguous")
        m, distance = ante
        how = "pronoun-near" if distance <= 1 else "pronoun-far"
        return Attribution(m.ref, (m.start, m.end), (pronoun.start, pronoun.end), cue, how)

    # -- the Quote record (serialize.py shapes it) -------------------------
    def _quote(self, doc: Document, pair: Pair, a: Attribution) -> Quote:
        speech = noisy_or(SPEECH_EVIDENCE[e] for e in pair.evidence)
        sure = ATTRIBUTION[a.how] * (DISTANT_CUE if a.distant else 1.0)
        named = a.entity is not None or a.how in NAMED_WITHOUT_ENTITY
        return Quote(
            start=pair.open + 1, end=pair.close,
            speaker=a.entity.id if a.entity is not None else None,
            speaker_name=(a.name[0], a.name[1]) if named and a.name else None,
            cue=(a.cue.start, a.cue.end) if a.cue is not None else None,
            speaker_span=(a.mention[0], a.mention[1]) if named and a.mention else None,
            confidence=round(speech * sure, 3),
        )


def _name_gloss_after(norm: str, pos: int) -> bool:
    """（Star River: Tower of Dawn） at pos: a bracketed Latin name, its first and last word
    capitalised or numbers."""
    found = NAME_GLOSS_AFTER.match(norm, pos)
    if found is None:
        return False
    words = found.group(1).split()
    return bool(words) and not words[-1][:1].islower()


def _paragraph_after(norm: str, pos: int) -> tuple[int, int] | None:
    """The words of the next non-empty line after pos, without a page's wrapping marks."""
    start = norm.find("\n", pos)
    if start < 0:
        return None
    n = len(norm)
    while start < n and (norm[start] == "\n" or norm[start] in BLOCK_WRAP):
        start += 1
    end = norm.find("\n", start)
    end = n if end < 0 else end
    while end > start and norm[end - 1] in BLOCK_WRAP:
        end -= 1
    return (start, end) if end > start else None


def _paragraph_before(norm: str, colon: int) -> tuple[int, int] | None:
    """The words of the line that ends with the colon at `colon`."""
    start = norm.rfind("\n", 0, colon) + 1
    while start < colon and norm[start] in BLOCK_WRAP:
        start += 1
    return (start, colon + 1) if start < colon else None


def _reads_as_speech(norm: str, start: int, end: int) -> bool:
    """A paragraph of speech: clauses that end in final punctuation (or a colon that
    goes on), opening with no mark of its own (a marked one is read as a pair)."""
    if end - start < MIN_LONG_CLAUSE or norm[start] in QUOTE_MARKS:
        return False
    last = norm[end - 1]
    return last in FINAL_PUNCT or last == ":" or (last in QUOTE_MARKS and norm[end - 2] in FINAL_PUNCT)


def _same_wrap(norm: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Both paragraphs wrapped in the same marks (*…*)."""
    wrap_a = norm[a[0] - 1] if a[0] > 0 else ""
    wrap_b = norm[b[0] - 1] if b[0] > 0 else ""
    return wrap_a == wrap_b and wrap_a in "*>"


class _Context:
    """One document's marks, cues and mentions, indexed for bounded look-ups."""

    titles: frozenset = frozenset()   # job titles (研究顧問): their last character is no preposition
    org_suffixes: frozenset = frozenset()   # 集團, 公司: an unknown name before one is an organisation
    honorifics: frozenset = frozenset()     # 先生, 小姐, 同學: a surname with one names a person
    surnames: frozenset = frozenset()
    places: frozenset = frozenset()         # countries: 日本 is no one's name
    family_names: frozenset = frozenset()   # Chinese and Japanese (中村, 鈴木)
    not_surnames: frozenset = frozenset()   # 向: a preposition before 先生 is no surname
    _counted = 0                      # quotes whose words were counted over the text (said_once)

    def __init__(self, doc: Document, pairs, cues: list[Cue], vetoes: dict[int, str],
                 mentions: list[Mention], names: list[int] | None = None) -> None:
        self.doc = doc
        self.vetoes = vetoes
        # Positions of punctuation, marks and spaces, built on first need: a
        # long pair's contents are judged by bisecting these, not by reading it.
        self._not_content: array | None = None
        self._punct: array | None = None
        # Outermost pairs: words inside them never speak or cue anything outside.
        self.inside: list[tuple[int, int]] = []
        for o, c in pairs:
            deadline.check("quotes")
            if self.inside and o < self.inside[-1][1]:
                continue
            self.inside.append((o, c))
        self._inside_starts = [o for o, _ in self.inside]
        self.cues = sorted((q for q in cues if not self.quoted(q.start)), key=lambda q: q.start)
        self._cue_starts = [q.start for q in self.cues]
        self._cue_by_end = {q.end: q for q in self.cues}
        self.mentions = sorted((m for m in mentions if not self.quoted(m.start)),
                               key=lambda m: (m.start, -m.end))
        self._mention_starts = [m.start for m in self.mentions]
        self._name_starts = sorted(m.start for m in mentions if m.kind in (PERSON, ORG)) if names is None \
            else names
        # Quotes attributed so far, in order: (opening mark, attribution). A pronoun
        # never reaches back past a quote another named speaker said.
        self.spoken: list[tuple[int, Attribution]] = []
        self._mention_by_end: dict[int, Mention] = {}
        for m in self.mentions:
            deadline.check("quotes")
            self._mention_by_end.setdefault(m.end, m)

    # -- positions --------------------------------------------------------
    def has_content(self, o: int, c: int) -> bool:
        """A letter or digit between the marks?"""
        norm = self.doc.norm
        if norm[o + 1].isalnum() or norm[c - 1].isalnum():
            return True
        if c - o <= SHORT_PAIR:
            return NOT_CONTENT_ONLY.fullmatch(norm, o + 1, c) is None
        if self._not_content is None:
            self._not_content = array("l", (m.start() for m in NOT_CONTENT.finditer(norm)))
        blanks = bisect.bisect_left(self._not_content, c) - bisect.bisect_right(self._not_content, o)
        return blanks < c - o - 1

    def has_inner_punct(self, o: int, c: int) -> bool:
        norm = self.doc.norm
        if c - o <= SHORT_PAIR:
            return INNER_PUNCT.search(norm, o + 1, c) is not None
        if self._punct is None:
            self._punct = array("l", (m.start() for m in INNER_PUNCT.finditer(norm)))
        return bisect.bisect_left(self._punct, c) > bisect.bisect_right(self._punct, o)

    def names_inside(self, o: int, c: int) -> bool:
        """Does a name (of a person, an organisation or a product) lie inside the marks?"""
        i = bisect.bisect_right(self._name_starts, o)
        return i < len(self._name_starts) and self._name_starts[i] < c

    def quoted(self, pos: int) -> bool:
        i = bisect.bisect_right(self._inside_starts, pos) - 1
        return i >= 0 and self.inside[i][0] < pos < self.inside[i][1]

    def skip_space_left(self, pos: int) -> int:
        i = pos - 1
        norm = self.doc.norm
        while i >= 0 and norm[i] in " \t\u3000" and pos - i < 8:
            i -= 1
        return i

    def skip_space_right(self, pos: int) -> int:
        norm = self.doc.norm
        i = pos
        while i < len(norm) and norm[i] in " \t\u3000" and i - pos < 8:
            i += 1
        return i

    def last_inner_char(self, o: int, c: int) -> str:
        """The last character inside the pair that is not a closing mark."""
        norm = self.doc.norm
        i = c - 1
        while i > o and (norm[i] in QUOTE_MARKS or norm[i] == " ") and c - i < 8:
            i -= 1
        return norm[i] if i > o else ""

    def clause_start(self, pos: int, lo: int, glosses: bool = False) -> int:
        norm = self.doc.norm
        start = QUOTE_CLAUSES.start(norm, pos, lo)
        while glosses and start > lo:
            named = self._before_gloss(start)   # 耶倫（Janet Yellen）說: the gloss joins its name
            if named == start or named <= lo:
                break
            start = QUOTE_CLAUSES.start(norm, named, lo)
        while start > lo and norm[start - 1] in TITLE_CLOSERS:   # 孫嘉禾對《星報》說: one clause
            opener = self._addressed_title_opener(lo, start - 1)
            if opener is None:
                break
            start = QUOTE_CLAUSES.start(norm, opener, lo)
        return start

    def in_addressed_title(self, m: Mention) -> bool:
        """Does the mention lie inside a work's title addressed by 對/向/告訴 (對《星辰評論》說:
        評論 is no one's voice, 星辰 not the speaker)?"""
        norm = self.doc.norm
        for close in TITLE_CLOSERS:
            j = norm.find(close, m.end, m.end + MAX_ADDRESSED_TITLE)
            if j >= 0:
                opener = self._addressed_title_opener(max(0, j - MAX_ADDRESSED_TITLE - 4), j)
                if opener is not None and opener < m.start:
                    return True
        return False

    def _addressed_title_opener(self, lo: int, close: int) -> int | None:
        """Where the 《 of the work's title closing at `close` opens, when a preposition of
        address stands right before it (對《星報》); None otherwise."""
        norm, key = self.doc.norm, self.doc.key
        i = close - 1
        while i >= lo and close - i <= MAX_ADDRESSED_TITLE and norm[i] not in CLAUSE_DELIMS:
            i -= 1
        if i < lo or i == close - 1 or TITLE_OPENERS.get(norm[i]) != norm[close] \
                or not key.endswith(ADDRESS_PREPS, lo, i):
            return None
        return i

    def standalone(self, o: int, c: int) -> bool:
        """Nothing but the quote (and punctuation) on its line."""
        norm = self.doc.norm
        i = o - 1
        while i >= 0 and norm[i] != "\n":
            if norm[i].isalnum():
                return False
            i -= 1
            if o - i > 8:
                return False
        j = c + 1
        while j < len(norm) and norm[j] != "\n":
            if norm[j].isalnum():
                return False
            j += 1
            if j - c > 8:
                return False
        return True

    # -- cues --------------------------------------------------------------
    def cue_before(self, o: int, before: int) -> tuple[Cue | None, str]:
        """A speech cue ending right before the mark, or before a colon or
        comma there; with a colon, the last cue of the clause before it."""
        if before < 0:
            return None, ""
        ch = self.doc.norm[before]
        end = before + 1
        mode = "adjacent"
        if ch in COLONS or ch in COMMAS:
            mode = "colon" if ch in COLONS else "comma"
            end = self.skip_space_left(before) + 1
        cue = self._cue_by_end.get(end)
        # Before a colon a verb of attitude introduces speech too (並不認同:「…」).
        if cue is not None and (cue.kind == "cue" or mode == "colon"):
            return cue, mode
        if mode == "colon":
            lo = self.clause_start(end, max(0, end - MAX_CUE_CLAUSE))
            i = bisect.bisect_left(self._cue_starts, end) - 1
            while i >= 0 and self.cues[i].start >= lo:
                if self.cues[i].end <= end:
                    return self.cues[i], mode
                i -= 1
        return None, ""

    def cue_with_object(self, o: int, verbs) -> Cue | None:
        """批評前幾個CEO「…」: a verb of saying whose short object stands between it and the mark."""
        norm, key = self.doc.norm, self.doc.key
        i = bisect.bisect_left(self._cue_starts, o) - 1
        while i >= 0 and self.cues[i].end >= o - OBJECT_REACH:
            cue = self.cues[i]
            i -= 1
            if cue.end >= o or cue.kind != "cue" or key[cue.start:cue.end] not in verbs:
                continue
            if any(ch in CLAUSE_DELIMS or ch in OPENERS_AFTER_CUE for ch in norm[cue.end:o]):
                return None
            return cue
        return None

    def cue_after(self, c: int, after: int) -> tuple[Cue, int] | None:
        """“…,”X說。 — a short tail after the closer: a speaker, then a cue
        that ends the clause (not one that opens the next quote with a colon)."""
        norm = self.doc.norm
        p = self._walk_start_after(after)
        if p is None:
            return None
        limit = min(len(norm), p + MAX_AFTER_GAP)
        # A person's Latin gloss (耶倫（Janet Yellen）說) is walked over only after an utterance,
        # never after a quoted term.
        glosses = self._utterance_closes(c)
        # A clause delimiter that ends the walk here ends the titled walk too (its cues lie further on).
        for cue in self._cues_in_clause(p, p, limit, glosses):
            voice = self._mention_at(cue.start)
            if voice is not None and voice.kind == UNNAMED and voice.end == cue.end:
                continue   # “…”聲明中稱。: the voice (聲明) is the subject of the cue after it
            closing = self._closing_tag(cue)
            if closing is None:
                return None
            if not closing:
                continue
            if not any(p <= m.start and m.end <= cue.start for m in self.mentions_before(cue.start, p)):
                return None
            return cue, p
        return self._cue_after_titles(p, limit, glosses)

    def _utterance_closes(self, c: int) -> bool:
        """Does the quote closing at c end in a sentence's or a clause's punctuation (an
        utterance, not a quoted term)?"""
        return self.doc.norm[c - 1:c] in FINAL_PUNCT or self.doc.norm[c - 1:c] in COMMAS

    def speaker_opening_next(self, c: int, after: int) -> tuple[Cue, int] | None:
        """“…。”星辰集團總裁孫嘉禾說:“…” — right after an utterance's closer, a person named behind
        job titles at most whose cue opens the next quote with a colon says the words before too;
        not a cue that answers someone (“…”孫嘉禾回應:“…”: the words before are another's)."""
        if not self._utterance_closes(c):
            return None
        p = self._walk_start_after(after)
        if p is None:
            return None
        return self._titled_speakers_cue(p, p, True, self._opens_next_quote, self._titled_before)

    def _opens_next_quote(self, cue: Cue) -> bool:
        """孫嘉禾說:“…”: the cue's colon opens a quote, and the cue answers no one (回應)."""
        norm = self.doc.norm
        tail = self.skip_space_right(cue.end)
        if norm[tail:tail + 1] not in COLONS:
            return False
        nxt = self.skip_space_right(tail + 1)
        return norm[nxt:nxt + 1] in OPENERS_AFTER_CUE and self.doc.key[cue.start:cue.end] not in REPLY_CUES

    def _titled_speakers_cue(self, p: int, lo: int, glosses: bool, fits: Callable[[Cue], object],
                             titled: Callable[[int, int], bool]) -> tuple[Cue, int] | None:
        """The first cue of the clause from lo, up to MAX_TITLED_AFTER_GAP past p, if it fits
        and the person named right before it stands behind what titled(p, name's start) allows."""
        limit = min(len(self.doc.norm), p + MAX_TITLED_AFTER_GAP)
        cue = next(self._cues_in_clause(p, lo, limit, glosses), None)
        if cue is None or not fits(cue):
            return None
        speaker = self._person_before_cue(cue)
        return (cue, p) if speaker is not None and titled(p, speaker.start) else None

    def _cues_in_clause(self, p: int, lo: int, limit: int, glosses: bool = False) -> Iterator[Cue]:
        """The speech cues starting in [lo, limit), in order, until a clause delimiter stands
        between p and a cue (of any kind)."""
        norm = self.doc.norm
        i = bisect.bisect_left(self._cue_starts, lo)
        while i < len(self.cues) and self.cues[i].start < limit:
            cue = self.cues[i]
            i += 1
            if self._delimited(p, cue.start, glosses):
                return
            if cue.kind == "cue":
                yield cue

    def _delimited(self, p: int, end: int, glosses: bool = False) -> bool:
        """Does a clause delimiter stand in [p, end)? A work's title in 《》 right after a
        preposition of address (孫嘉禾對《星報》說, 向《晨報》透露) is the cue's addressee, not a break."""
        norm, key = self.doc.norm, self.doc.key
        i = p
        while i < end:
            ch = norm[i]
            if ch in CLAUSE_DELIMS:
                gloss = NAME_GLOSS_AFTER.match(norm, i) if glosses and ch in "(（" else None
                if gloss is not None and gloss.end() <= end and self._person_ending(i):
                    i = gloss.end()     # 耶倫（Janet Yellen）說: a name's Latin gloss, no break
                    continue
                if ch in TITLE_OPENERS and key.endswith(ADDRESS_PREPS, p, i):
                    j = norm.find(TITLE_OPENERS[ch], i + 1, min(end, i + MAX_ADDRESSED_TITLE + 1))
                    if j > i + 1 and not any(c in CLAUSE_DELIMS for c in norm[i + 1:j]):
                        i = j + 1
                        continue
                return True
            i += 1
        return False

    def _closing_tag(self, cue: Cue) -> bool | None:
        """Does the cue end its clause (a closing tag: True), go on (孫嘉禾認為是未來: False), or
        open the next quote (他覺得「…」, 孫嘉禾表示:「…」: None)?"""
        norm = self.doc.norm
        tail = self.skip_space_right(cue.end)
        if norm[tail:tail + 1] in OPENERS_AFTER_CUE:
            return None
        j = tail
        while j < len(norm) and j - tail < MAX_TAIL and norm[j] not in CLAUSE_DELIMS:
            j += 1
        if j < len(norm) and norm[j] in COLONS:
            return None
        return j >= len(norm) or norm[j] in CLAUSE_DELIMS

    def _cue_after_titles(self, p: int, lo: int, glosses: bool = False) -> tuple[Cue, int] | None:
        """“…，”星辰集團 CEO、星海科技董事長兼總裁 孫嘉禾說。 — past MAX_AFTER_GAP, a closing tag
        whose person is named right before the cue behind nothing but job titles, organisations,
        Latin titles (CEO) and their joiners (、, 兼, spaces), up to MAX_TITLED_AFTER_GAP."""
        return self._titled_speakers_cue(p, lo, glosses, self._closing_tag, self._titles_only)

    def _person_before_cue(self, cue: Cue) -> Mention | None:
        """The person whose mention ends right before the cue, past a Latin gloss (耶倫（Janet
        Yellen）說); None when no mention ends there or it names no person."""
        speaker = self.mention_ending(self._before_gloss(self.skip_space_left(cue.start) + 1))
        return speaker if speaker is not None and speaker.kind == PERSON else None

    def _before_gloss(self, end: int) -> int:
        """Where the name before a Latin gloss ending at end ends (耶倫（Janet Yellen）: at 倫);
        end itself when no gloss ends there."""
        norm = self.doc.norm
        if end <= 0 or norm[end - 1] not in ")）":
            return end
        lo = max(0, end - 84)
        for i in range(end - 2, lo - 1, -1):
            if norm[i] in "(（":
                gloss = NAME_GLOSS_AFTER.match(norm, i)
                found = gloss is not None and gloss.end() == end and self._person_ending(i)
                return i if found else end
        return end

    def _person_ending(self, pos: int) -> bool:
        """Does a person's name end at pos (right before its gloss)?"""
        m = self.mention_ending(pos)
        return m is not None and m.kind == PERSON

    def viewpoint_before(self, before: int) -> tuple[Cue, Mention] | None:
        """在星辰科技看來,「…」 / 在孫嘉禾眼中:「…」: a person or an organisation (behind job
        titles at most) framed by 在 and a viewpoint word, then a comma or a colon, before the mark."""
        norm, key = self.doc.norm, self.doc.key
        if before < 0 or not (norm[before] in COMMAS or norm[before] in COLONS):
            return None
        end = self.skip_space_left(before) + 1
        for word in VIEWPOINT_FRAMES:
            if not key.endswith(word, 0, end):
                continue
            m = self.mention_ending(end - len(word))
            if m is None or m.kind not in (PERSON, ORG):
                return None
            at = key.rfind(LOCATIVE, max(0, m.start - MAX_TITLED_AFTER_GAP), m.start)
            if at < 0 or any(ch in CLAUSE_DELIMS for ch in norm[at:m.start]):
                return None
            if at + 1 != m.start and not self._titled_before(at + 1, m.start):
                return None
            return Cue(end - len(word), end, "cue"), m
        return None

    def _walk_start_after(self, after: int) -> int | None:
        """Where a walk for the cue after a quote starts: past one comma and the spaces after
        it; None unless a letter, digit or character stands there."""
        norm = self.doc.norm
        p = after
        if p < len(norm) and norm[p] in COMMAS:
            p = self.skip_space_right(p + 1)
        return p if p < len(norm) and norm[p].isalnum() else None

    def cue_after_circumstance(self, after: int) -> tuple[Cue, Mention] | None:
        """“…”星辰集團CEO孫嘉禾在發布會後接受《星報》等採訪時表示。 — past MAX_AFTER_GAP, a person
        behind nothing but job titles, then a circumstance opening with 在 or 接受 (a work's
        title in 《》 may stand in it: the paper is an object, never the speaker) up to a closing
        cue, no other person between, all within MAX_TITLED_AFTER_GAP."""
        norm, key = self.doc.norm, self.doc.key
        p = self._walk_start_after(after)
        if p is None:
            return None
        limit = min(len(norm), p + MAX_TITLED_AFTER_GAP)
        i = bisect.bisect_left(self._cue_starts, p)
        while i < len(self.cues) and self.cues[i].start < limit:
            cue = self.cues[i]
            i += 1
            if cue.kind != "cue":
                continue
            if any(ch in CLAUSE_DELIMS and ch not in TITLE_MARKS for ch in norm[p:cue.start]):
                return None
            if not self._closing_tag(cue):
                return None
            people = [m for m in self.mentions_before(cue.start, p) if m.kind in (PERSON, SURNAME)]
            if len(people) != 1 or people[0].kind != PERSON:
                return None
            m = people[0]
            if not key.startswith(CIRCUMSTANCE_OPENERS, m.end) or not self._titled_before(p, m.start):
                return None
            return cue, m
        return None

    def cue_after_setting(self, o: int, c: int, after: int) -> tuple[Cue, Mention] | None:
        """“…。”在3月的年會上，星辰科技總裁孫嘉禾說，… — an utterance (not a question) opening its
        sentence, then in the same paragraph a setting up to its comma (在/於 …, a date, or a
        time's clause: 5月15日, / 接受採訪時, ; MAX_SETTING_CHARS at most, naming no one) and a
        person behind job titles at most, or in a circumstance (在社交媒體發文表示), whose cue
        closes the clause and answers no one (回應): that person said the words before."""
        norm, key = self.doc.norm, self.doc.key
        if norm[c - 1:c] not in SETTING_UTTERANCE_ENDS or not self._opens_sentence(o):
            return None     # (“…？”面對記者的詢問，孫嘉禾表示: the question was the reporter's)
        p = self.skip_space_right(after)
        dated = DATE_CLAUSE.match(key, p) or SETTING_CLAUSE.match(key, p)
        if dated is not None:
            comma = self.skip_space_left(dated.end())   # 5月15日, / 發布會後, / 在年會上,
        elif key.startswith(SETTING_PREPS, p):
            comma = p + 1
            while comma < len(norm) and comma - p <= MAX_SETTING_CHARS \
                    and norm[comma] not in CLAUSE_DELIMS and norm[comma] != "\n":
                comma += 1
        else:
            return None
        if comma >= len(norm) or comma - p > MAX_SETTING_CHARS or norm[comma] not in COMMAS:
            return None
        if any(m.kind in (PERSON, SURNAME, PRONOUN) for m in self.mentions_before(comma, p)):
            return None     # 在孫嘉禾看來, 在他發言後: someone named in the setting
        q = self.skip_space_right(comma + 1)
        found = self._titled_speakers_cue(q, q, True, self._closing_tag, self._titled_before)
        if found is not None:
            found = found[0], self._person_before_cue(found[0])
        else:   # 5月15日，孫嘉禾在社交媒體發文表示
            found = self.cue_after_circumstance(q)
        if found is None:
            return None
        cue = found[0]
        if any(reply in key[cue.start:cue.end] for reply in REPLY_CUES):
            return None     # “…。”會後，孫嘉禾回應說: the words before are another's
        return found

    def _opens_sentence(self, o: int) -> bool:
        """Does the quote opening at o open its sentence (the text's or a line's start, or after
        a sentence's end)?"""
        before = self.skip_space_left(o)
        return before < 0 or self.doc.norm[before] in FINAL_PUNCT or self.doc.norm[before] == "\n"

    def _titled_before(self, lo: int, hi: int) -> bool:
        """Is [lo, hi) titles only, or a run of words with no verb ending in a job title
        (海灣港務集團總裁: a company the tables lack, then the title)?"""
        if self._titles_only(lo, hi):
            return True
        doc = self.doc
        i = doc.token_index_at(max(lo, hi - 1))
        if i >= len(doc.tokens) or doc.tokens[i].end != hi or doc.tokens[i].word not in self.titles:
            return False
        j = doc.token_index_at(lo)
        while j < i:
            tok = doc.tokens[j]
            if tok.pos.startswith("v") or not tok.word.isalnum():
                return False
            j += 1
        return True
        return None

    def _titles_only(self, lo: int, hi: int) -> bool:
        """Is [lo, hi) nothing but job titles, organisations (a mention, or a word and an
        organisation suffix: 淘天集團), Latin titles (CEO) and joiners (、, 兼)?"""
        doc = self.doc
        orgs = [(m.start, m.end) for m in self.mentions_before(hi, lo) if m.kind == ORG]
        i = doc.token_index_at(lo)
        tokens = doc.tokens
        while i < len(tokens) and tokens[i].start < hi:
            tok = tokens[i]
            i += 1
            word = doc.key[tok.start:tok.end]
            if (word.isspace() or word in TITLE_JOINERS or tok.word in self.titles
                    or word in self.org_suffixes
                    or (word.isascii() and word.isalpha() and doc.norm[tok.start:tok.end].isupper())
                    or any(s <= tok.start and tok.end <= e for s, e in orgs)
                    # 美國財政部長: the token fuses a body's name with its head's title (部 + 長)
                    or any(s <= tok.start < e < tok.end and doc.key[e - 1:tok.end] in self.titles
                           for s, e in orgs)
                    or (i < len(tokens) and tokens[i].start < hi and tok.word.isalnum()
                        and doc.key[tokens[i].start:tokens[i].end] in self.org_suffixes)):
                continue
            return False
        return True

    def first_speech_cue(self, lo: int, hi: int) -> Cue | None:
        """The first speech (not attitude) cue inside [lo, hi)."""
        i = bisect.bisect_left(self._cue_starts, lo)
        while i < len(self.cues) and self.cues[i].start < hi:
            if self.cues[i].kind == "cue" and self.cues[i].end <= hi:
                return self.cues[i]
            i += 1
        return None

    def last_speech_cue(self, lo: int, hi: int) -> Cue | None:
        """The last speech (not attitude) cue inside [lo, hi)."""
        i = bisect.bisect_left(self._cue_starts, hi) - 1
        while i >= 0 and self.cues[i].start >= lo:
            if self.cues[i].kind == "cue" and self.cues[i].end <= hi:
                return self.cues[i]
            i -= 1
        return None

    def cue_clause_before(self, o: int, comma: int) -> bool:
        """Does the clause right before the comma at `comma` hold the sentence's last speech cue
        (X表示,「…」…: the marks open the reported clause the cue introduces)?"""
        cue = self.distant_cue(o, speech_only=True)
        return cue is not None and not any(ch in CLAUSE_DELIMS for ch in self.doc.norm[cue.end:comma])

    def distant_cue(self, o: int, speech_only: bool = False) -> Cue | None:
        """The last speech or attitude cue earlier in the quote's sentence."""
        lo = max(self.doc.sentence_at(o).start, o - MAX_SUBJECT_SCAN)
        i = bisect.bisect_left(self._cue_starts, o) - 1
        while i >= 0 and self.cues[i].start >= lo:
            if self.cues[i].end <= o and (not speech_only or self.cues[i].kind == "cue"):
                return self.cues[i]
            i -= 1
        return None

    def object_of_verb(self, before: int, kinds: dict, modals=frozenset()) -> bool:
        """Is the word right before the mark a verb other than a cue or 是 (推出「星河計劃」:
        the quoted words are what is launched, a name)? With modals given (a fragment of
        speech is judged), a modal is no such verb (需「…」), and a verb or 是 before a
        measure word is (推動一場「…」, 是一個「…」: a thing counted and named)."""
        if before < 0 or not self.doc.norm[before].isalnum():
            return False
        i = self.doc.token_index_at(before)
        tok = self.doc.tokens[i]
        if tok.word in ASPECT_PARTICLES and i > 0:
            tok = self.doc.tokens[i - 1]   # 推出了「…」
        if modals and tok.pos[:1] in ("m", "q"):
            j = i
            while j > 0 and i - j < 2 and self.doc.tokens[j].pos[:1] in ("m", "q"):
                j -= 1
            prev = self.doc.tokens[j]
            return prev.end == self.doc.tokens[j + 1].start and (
                prev.word == "是" or prev.pos.startswith("v") and kinds.get(prev.word) != "cue")
        if modals and tok.start > 0 and self.doc.key[tok.start - 1] in NOMINALISERS:
            return False    # 對新晶片的期待「…」: a verb after 的 is a noun, taking no object
        return tok.pos.startswith("v") and tok.word != "是" and kinds.get(tok.word) != "cue" \
            and not (modals and (self.doc.key[tok.start:tok.end] in modals
                                 or self.doc.key[tok.start + 1:tok.end] in modals))   # 并会, 也能

    def ends_sentence(self, c: int) -> bool:
        """Does final punctuation (or the paragraph's end) follow the closer?"""
        norm = self.doc.norm
        j = self.skip_space_right(c + 1)
        return j >= len(norm) or norm[j] in FINAL_PUNCT or norm[j] == "\n"

    def previous_sentence_cue(self, o: int) -> Cue | None:
        """The last speech cue of the sentence before the quote, in its paragraph,
        when the quote opens its own sentence."""
        doc = self.doc
        here = doc.sentence_at(o)
        if any(ch.isalnum() for ch in doc.norm[here.start:o]) or here.start == 0:
            return None
        before = doc.sentence_at(here.start - 1)
        if "\n" in doc.norm[before.start:o]:
            return None
        i = bisect.bisect_left(self._cue_starts, here.start) - 1
        while i >= 0 and self.cues[i].start >= before.start:
            if self.cues[i].kind == "cue" and self.cues[i].end <= here.start:
                return self.cues[i]
            i -= 1
        return None

    def previous_sentence_person(self, o: int, c: int) -> Mention | None:
        """The one person the sentence before the quote opens with (its paragraph's), when
        the quote opens its own sentence, speaks in the first person (我, 我們), and that
        sentence names no other person nor any quote."""
        doc = self.doc
        here = doc.sentence_at(o)
        if here.start == 0 or any(ch.isalnum() for ch in doc.norm[here.start:o]):
            return None
        if not any(w in doc.key[o + 1:c] for w in FIRST_PERSON):
            return None
        before = doc.sentence_at(here.start - 1)
        if "\n" in doc.norm[before.start:o]:
            return None
        people = [m for m in reversed(list(self.mentions_before(here.start, before.start)))
                  if m.kind in (PERSON, SURNAME, PLURAL, UNNAMED)]
        if not people or people[0].kind != PERSON or people[0].ref is None \
                or any(m.ref is not people[0].ref for m in people[1:]):
            return None
        first = people[0]
        if any(before.start <= at < o and said.entity is not first.ref for at, said in self.spoken[-4:]):
            return None     # someone else quoted in that sentence
        start = self.skip_space_right(before.start)
        if self.clause_start(first.start, before.start) > start:
            return None     # the name stands in a later clause, not opening the sentence
        i = doc.token_index_from(start)
        while i < len(doc.tokens) and doc.tokens[i].end <= first.start:
            if not doc.tokens[i].pos.startswith(OVERT_SUBJECT_POS[:1] + ("eng",)):
                return None     # 在與…的會面中, 據…: a preposition or verb before the name
            i += 1
        return first

    def intro_colon_before(self, o: int) -> int | None:
        """X表示:<newline><newline>「…」 — the mark at o opens its line (a page's wrapping
        marks aside) and the last non-empty line before it ends with a colon: that colon."""
        norm = self.doc.norm
        i = o - 1
        while i >= 0 and norm[i] in BLOCK_WRAP and o - i < MAX_INTRO_GAP:
            i -= 1
        if i < 0 or norm[i] != "\n":
            return None
        while i >= 0 and (norm[i] == "\n" or norm[i] in BLOCK_WRAP) and o - i < MAX_INTRO_GAP:
            i -= 1
        return i if i >= 0 and norm[i] in COLONS else None

    def same_sentence_no_person(self, c: int, o: int) -> bool:
        """Do the closing mark at c and the opening mark at o stand in one sentence, with no
        person (nor a surname) named between them? (他 goes back to the speaker)"""
        doc = self.doc
        if o <= c or doc.sentence_at(c).start != doc.sentence_at(o).start or "\n" in doc.norm[c:o]:
            return False
        return not any(m.kind in (PERSON, SURNAME) for m in self.mentions_before(o, c + 1))

    def continues(self, prev: Pair, prev_attr: Attribution, o: int) -> bool:
        """“…,”X說。“…” — between the previous quote's attribution and this
        quote there is only punctuation."""
        end = prev.close + 1
        if prev_attr.cue is not None and prev_attr.cue.start > prev.close:
            end = prev_attr.cue.end
        if o - end > 8 or o < end:
            return False
        return not any(ch.isalnum() for ch in self.doc.norm[end:o])

    # -- mentions ----------------------------------------------------------
    def mentions_before(self, pos: int, lo: int):
        """Mentions ending at or before pos and starting at or after lo, nearest first."""
        i = bisect.bisect_left(self._mention_starts, pos) - 1
        while i >= 0 and self.mentions[i].start >= lo:
            m = self.mentions[i]
            i -= 1
            if m.end <= pos:
                yield m

    def said_once(self, start: int, end: int) -> bool:
        """Do the words start..end occur once in the text? Counted for at most
        MAX_COUNTED_QUOTES quotes a document (a count reads the whole text)."""
        if self._counted >= MAX_COUNTED_QUOTES:
            return False
        self._counted += 1
        return self.doc.key.count(self.doc.key[start:end]) == 1

    def signed_by(self, c: int) -> Mention | None:
        """“…”  newline  —— 孫嘉禾（@handle），2025年2月10日: a quote that ends its
        paragraph, then a line that opens with a dash and a person's name, is signed
        by that person (an epigraph, a post quoted with its author)."""
        norm = self.doc.norm
        pos = c + 1
        end = min(len(norm), pos + MAX_SIGNATURE_GAP)
        while pos < end and norm[pos] in " \t\u3000":
            pos += 1
        if pos >= end or norm[pos] != "\n":
            return None
        while pos < end and norm[pos] in " \t\u3000\n":
            pos += 1
        dashes = pos
        while pos < end and norm[pos] in SIGNATURE_DASHES:
            pos += 1
        if pos - dashes < 1 or norm[dashes] == "-" and pos - dashes < 2:
            return None   # one hyphen opens a list item, not a signature
        while pos < end and norm[pos] in " \t\u3000":
            pos += 1
        m = self._mention_at(pos)
        return m if m is not None and m.kind == PERSON else None

    def is_object(self, m: Mention, preps) -> bool:
        key = self.doc.key
        if m.start > 0 and self.doc.norm[m.start - 1] in TITLE_CLOSERS \
                and self._addressed_title_opener(max(0, m.start - MAX_ADDRESSED_TITLE - 4), m.start - 1) is not None:
            return True   # 對《星報》記者說: the paper's reporter is the one addressed
        if m.start > 0 and self.doc.norm[m.start - 1] in TITLE_OPENERS:
            pos = m.start - 1     # 對《星報》: the work's title is the object, its mark in the way
        else:
            pos = self._before_title(m.start)   # 向顧問X: the title is the object's, not a verb
        if type(preps) is tuple:   # one C call, the same answer as any() over each word
            found = key.endswith(preps, 0, pos)
        else:
            found = any(key.endswith(p, 0, pos) for p in preps)
        if not found and pos == m.start and m.kind == UNNAMED:
            # 對星河財經記者表示: a paper's reporter, the paper between the preposition and the
            # noun, is the one addressed, as a person behind the same title is (below)
            owner = self._mention_by_end.get(pos)
            if owner is not None and owner.kind == ORG and key.endswith(ADDRESS_PREPS, 0, owner.start):
                return not self._ends_word(owner.start)
            # the paper's name unknown to the tables: a short run of letters between them
            norm = self.doc.norm
            j = pos
            while j > 0 and pos - j < MAX_ADDRESSEE_NAME and norm[j - 1].isalnum() \
                    and not key.endswith(ADDRESS_PREPS, 0, j):
                j -= 1
            if pos - j >= 2 and key.endswith(ADDRESS_PREPS, 0, j) and key[j] not in "此其该" \
                    and not any(x.start < j < x.end for x in self.mentions_before(pos, max(0, j - 4))):
                return not self._ends_word(j)   # (not 向新 of a name 向新 the tables read there)
        if not found and pos < m.start:
            # 向CNBC記者周美玲表示: the title's organisation stands between the preposition
            # of address and the title; the person is still the one addressed (only 向, 對,
            # 告訴: a 與 may be inside the organisation's own name, 探月與航天中心)
            owner = self._mention_by_end.get(pos)
            if owner is not None and owner.kind == ORG and key.endswith(ADDRESS_PREPS, 0, owner.start):
                return not self._ends_word(owner.start)
        return found and not self._ends_word(pos)

    def _before_title(self, pos: int) -> int:
        """研究顧問柴煥欣: where a job title the segmenter keeps whole (two characters or
        more) ends right before a name, the words before the title count."""
        doc = self.doc
        if pos < 2 or not self.titles:
            return pos
        tok = doc.tokens[doc.token_index_at(pos - 1)]
        if tok.end == pos and tok.end - tok.start >= 2 and tok.word in self.titles:
            return tok.start
        return pos

    def _ends_word(self, pos: int) -> bool:
        """Is the character before pos the last of a longer title, noun, adverb or adjective
        (顧問, 共同): then it is no preposition (問, 同) of the words after it."""
        doc = self.doc
        if pos < 2:
            return False
        tok = doc.tokens[doc.token_index_at(pos - 1)]
        return tok.end == pos and tok.end - tok.start >= 2 and (
            tok.word in self.titles or tok.pos[:1] in ("n", "d", "a"))

    def object_or_place(self, m: Mention, clause_start: int) -> bool:
        """Does a verb, 的 or a preposition of place come right before m in its
        clause, or a place word (上, 中) right after it (so m is what is done,
        seen or spoken from, not who speaks)?"""
        doc = self.doc
        after = doc.token_index_from(m.end)
        if after < len(doc.tokens) and doc.tokens[after].start == m.end and doc.tokens[after].pos == "f":
            return True     # 社交媒體上, 會議中: a place word after it
        if doc.key.startswith(INTERVIEWED_BY_AFTER, m.end):
            return True     # 接受新華社記者採訪時說: the reporter asks, the interviewee speaks
        if m.kind == UNNAMED and doc.key.startswith(VENUE_HEADS, m.end):
            return True     # 在社群媒體平台發文, 在記者會上表示: the word names a venue's kind, no one
        i = doc.token_index_at(m.start) - 1
        while i >= 0 and not doc.tokens[i].word.strip():
            i -= 1
        if i > 0 and doc.tokens[i].word in ASPECT_PARTICLES:
            i -= 1   # 接受了媒體採訪: the particle after the verb
        if i < 0 or doc.tokens[i].start < clause_start:
            return False
        tok = doc.tokens[i]
        if doc.key[tok.start:tok.end] in EXAMPLE_WORDS:
            return False
        j = i
        while j > i - MAX_COUNT_TOKENS and j > 0 and doc.tokens[j].pos[:1] in COUNT_POS:
            j -= 1   # 在一份投資者報告中表示: a number and measure word between 在 and it
        if j < i and doc.tokens[j].start >= clause_start and doc.key[doc.tokens[j].start:doc.tokens[j].end] in PLACE_PREPS:
            return True
        if j < i and doc.tokens[j].start >= clause_start and doc.tokens[j].pos.startswith("v"):
            return True   # 微軟透過1名發言人宣布: a count between a verb and its object
        if m.kind == UNNAMED:
            # 在社交媒體發文表示, 對現場媒體表示: an unnamed word behind a noun that qualifies it
            # (no person's name), right after a preposition, is a place or the one spoken to
            j = i
            while i - j < MAX_MODIFIER_TOKENS and j > 0 and doc.tokens[j].start >= clause_start \
                    and doc.tokens[j].pos[:1] in MODIFIER_POS and not doc.tokens[j].pos.startswith("nr"):
                j -= 1
            if j < i and doc.tokens[j].start >= clause_start \
                    and doc.key[doc.tokens[j].start:doc.tokens[j].end] in PREPS_BEFORE_MODIFIED:
                return True
        return tok.pos.startswith("v") or tok.word in NOT_SUBJECT_BEFORE

    def owns_place(self, m: Mention, cue_start: int) -> bool:
        """在孫嘉禾臉書下 / 在孫嘉禾的貼文中: a person right after 在 whose words run, through
        nouns only, to a place word (上, 下, 中, 里) before the cue owns the place spoken in;
        在孫嘉禾看來 (a verb follows) keeps the person the one who holds the view."""
        doc = self.doc
        if not doc.key.endswith(PLACE_PREPS_TUPLE, 0, m.start):
            return False
        i = doc.token_index_from(m.end)
        for _ in range(MAX_OWNED_PLACE_TOKENS):
            if i >= len(doc.tokens) or doc.tokens[i].start >= cue_start:
                return False
            tok = doc.tokens[i]
            if tok.pos == "f" or doc.key[tok.start:tok.end] in PLACE_WORDS:
                return i > doc.token_index_from(m.end)    # a noun at least between: 在X看 is no place
            if not (tok.pos[:1] == "n" or tok.word in NOMINALISERS) or not tok.word.isalnum():
                return False
            if tok.end - tok.start >= 2 and doc.key[tok.end - 1] in PLACE_WORDS:
                return True     # 微博下: the segmenter glued the place word to its noun
            i += 1
        return False

    def is_possessor(self, m: Mention) -> bool:
        """孫嘉禾的, 孫嘉禾（Sun Jiahe）的: the name owns what follows, its gloss between."""
        end = m.end
        gloss = NAME_GLOSS_AFTER.match(self.doc.norm, end)
        if gloss is not None:
            end = gloss.end()
        return self.doc.key[end:end + 1] == "的"

    def conjoined_left(self, m: Mention, conjunctions) -> bool:
        """黃仁勳和扎克伯格: a person joined to this one before it."""
        key = self.doc.key
        for conj in conjunctions:
            if key.endswith(conj, 0, m.start):
                other = self._mention_by_end.get(m.start - len(conj))
                if other is not None and other.kind in (PERSON, PRONOUN):
                    return True
        return False

    def conjoined(self, m: Mention, conjunctions) -> bool:
        """Joined to another person on either side."""
        return self.conjoined_left(m, conjunctions) or self._joined_after(m, conjunctions, PERSON)

    def orgs_joined(self, m: Mention, conjunctions) -> bool:
        """華碩與小米: an organisation joined to another after it."""
        return self._joined_after(m, conjunctions, ORG)

    def _joined_after(self, m: Mention, conjunctions, kind) -> bool:
        """A conjunction right after m, then a mention of kind."""
        key = self.doc.key
        for conj in conjunctions:
            if key.startswith(conj, m.end):
                other = self._mention_at(m.end + len(conj))
                if other is not None and other.kind == kind:
                    return True
        return False

    def unnamed_before(self, pos: int, title: str) -> bool:
        """一位資深投資人…這位投資人 (the demonstrative at pos): is the last earlier use of the title (within
        MAX_UNNAMED_BACK characters) one that introduces someone unnamed (一位/一名/某位 a few
        characters before it, no name right after it)?"""
        key = self.doc.key
        lo = max(0, pos - MAX_UNNAMED_BACK)
        at = key.rfind(title, lo, pos)
        if at < 0 or not title:
            return False
        end = at + len(title)
        named = self._mention_at(self.skip_space_right(end))
        if named is not None and named.kind == PERSON:
            return False        # 投資人孫嘉禾: the title names him
        w_lo = max(lo, at - MAX_ONE_OF_GAP - 2)
        one = max(key.rfind(w, w_lo, at) for w in ONE_OF)
        return one >= 0 and not self._subject_of_one_of(one, end)

    def _subject_of_one_of(self, one: int, end: int) -> bool:
        """孫嘉禾是一位資深投資人, 孫嘉禾，一位資深投資人 (一位 at one, the title ending at end):
        a person (or pronoun) is the subject the 一位-title describes in its clause, so the
        title names someone. 為 counts only when the clause ends with the title: in
        葉承澤為一位投資人提供了… it is "for", and the investor is someone else."""
        key = self.doc.key
        i = self.skip_space_left(one) + 1
        if i > 0 and (key[i - 1] == "是" or key[i - 1] == "为" and key[end:end + 1] in ONE_OF_CLAUSE_ENDS):
            i -= 1
            while i > 0 and key[i - 1] in ONE_OF_COPULA_ADVERBS and one - i < MAX_ONE_OF_GAP:
                i -= 1      # 也是一位, 曾是一位
        elif i > 0 and key[i - 1] == ",":
            i -= 1          # 孫嘉禾，一位資深投資人，: the title in apposition
        else:
            return False
        m = self.mention_ending(self.skip_space_left(i) + 1)
        return m is not None and m.kind in (PERSON, PRONOUN)

    def demonstrative_title(self, m: Mention, demonstratives) -> tuple[int, int] | None:
        """這位執行長, 这位 CEO, 該分析師: the span of a demonstrative and the job title after
        it, when m is either of them; such a phrase refers back like 他/她."""
        doc, key = self.doc, self.doc.key
        if key[m.start:m.end] in demonstratives:
            pos = self.skip_space_right(m.end)
            if pos >= len(doc.norm):
                return None
            tok = doc.tokens[doc.token_index_at(pos)]
            if tok.start == pos and key[tok.start:tok.end] in self.titles:
                return m.start, tok.end
            return None
        if key[m.start:m.end] not in self.titles:
            return None
        pos = self.skip_space_left(m.start) + 1
        for d in demonstratives:
            if key.endswith(d, 0, pos):
                return pos - len(d), m.end
        return None

    def org_antecedent(self, pos: int, preps) -> Mention | None:
        """The organisation 該公司 at pos refers to (org_anaphora.org_antecedent): the last
        organisation, neither object, possessor nor after a verb (攻陷十幾家X機構), of the
        nearest earlier sentence naming one; a sentence wholly quoted is passed over."""
        def orgs_in(lo: int, hi: int) -> list[Mention]:
            return [m for m in self.mentions_before(hi, lo) if m.kind == ORG][::-1]

        def rejected(m: Mention, sentence_start: int) -> bool:
            return self.is_object(m, preps) or self.is_possessor(m) \
                or self.doc.key.endswith(SOURCE_PREP, 0, self.skip_space_left(m.start) + 1) \
                or self.object_or_place(m, self.clause_start(m.start, sentence_start))

        return org_antecedent(self.doc, pos, orgs_in, rejected,
                              skip_sentence=lambda lo, hi: self.quoted(lo) and self.quoted(hi - 1))

    def voice_owner(self, m: Mention, clause_start: int, preps,
                    anaphors=frozenset()) -> tuple[Mention, tuple[int, int]] | None:
        """The person or organisation named right before a voice (發言人, 聲明, 報導), glued or
        through 的 (國防部的聲明); an organisation's 公司/官方 between them belongs to its name
        (星辰公司發言人). None when the owner is spoken to or about (向星辰公司發言人詢問)."""
        key = self.doc.key
        after = self.doc.token_index_from(m.end)
        if after < len(self.doc.tokens) and self.doc.tokens[after].start == m.end \
                and self.doc.tokens[after].pos == "f":
            return None   # 在回應星河日報的聲明中表示: where it was said, not who says it
        pos = m.start
        while pos > clause_start and key[pos - 1] == " ":
            pos -= 1
        if key[pos - 2:pos] in ONE_OF:   # 星辰公司一位發言人, 星辰公司的一名發言人
            pos -= 2
        if key[pos - 1:pos] == "的":
            pos -= 1
        glossed = self._before_gloss(pos)   # 紐松（Gavin Newsom）聲明說: the person's Latin gloss
        if glossed != pos:                  # between, its bracket no clause break
            pos, clause_start = glossed, min(clause_start, self.doc.sentence_at(glossed).start)
        owner = self._mention_by_end.get(pos)
        end = pos
        if owner is not None and owner.kind == UNNAMED and key[owner.start:owner.end] in ORG_ITSELF:
            owner = self._mention_by_end.get(owner.start)
        if owner is not None and owner.kind == UNNAMED and key[owner.start:owner.end] in anaphors \
                and owner.start >= clause_start and not self.is_object(owner, preps):
            org = self.org_antecedent(owner.start, preps)   # 該公司發言人: the organisation named before
            return (org, (org.start, org.end)) if org is not None else None
        if owner is None or owner.kind not in (PERSON, ORG) or owner.start < clause_start:
            return None
        if self.is_object(owner, preps) or self.object_or_place(owner, clause_start):
            return None
        return owner, (owner.start, end if owner.kind == ORG else owner.end)

    def voice_antecedent(self, m: Mention, demonstratives, preps, anaphors=frozenset()) -> tuple[Mention, tuple[int, int]] | None:
        """該發言人, 這位發言人: the owner of the nearest earlier mention of the same voice
        (星辰公司發言人 … 該發言人稱), in its sentence or up to MAX_ANTECEDENT_SENTENCES back."""
        doc, key = self.doc, self.doc.key
        pos = self.skip_space_left(m.start) + 1
        if not any(key.endswith(d, 0, pos) for d in demonstratives):
            return None
        word = key[m.start:m.end]
        k = doc.sentence_index(m.start)
        lo = doc.sentences[max(0, k - MAX_ANTECEDENT_SENTENCES)].start
        i = bisect.bisect_left(self._mention_starts, m.start) - 1
        while i >= 0 and self.mentions[i].start >= lo:
            prior = self.mentions[i]
            i -= 1
            if key[prior.start:prior.end] != word:
                continue
            start = doc.sentence_at(prior.start).start
            return self.voice_owner(prior, start, preps, anaphors)   # the nearest one, owned or not
        return None

    def earlier_voice(self, m: Mention) -> Mention | None:
        """The nearest earlier place the voice word m is written (聲明 … 聲明稱; 發表聲明 may be
        one token), outside quotes, in the MAX_ANTECEDENT_SENTENCES sentences before m's."""
        doc, key = self.doc, self.doc.key
        word = key[m.start:m.end]
        k = doc.sentence_index(m.start)
        lo = doc.sentences[max(0, k - MAX_ANTECEDENT_SENTENCES)].start
        hi = doc.sentences[k].start
        pos = key.rfind(word, lo, hi)
        while pos >= 0 and self.quoted(pos):
            pos = key.rfind(word, lo, pos)
        return Mention(pos, pos + len(word), UNNAMED) if pos >= 0 else None

    def mention_ending(self, pos: int) -> Mention | None:
        return self._mention_by_end.get(pos)

    def _mention_at(self, pos: int) -> Mention | None:
        i = bisect.bisect_left(self._mention_starts, pos)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i].start == pos else None

    def subject_carried(self, m: Mention, sentence_start: int, clause_start: int) -> bool:
        """Does m open its clause, and every clause from it up to clause_start start with a
        verb or adverb (no subject of its own), so m is the dropped subject that carries on
        (星河科技上週發布新晶片，並宣稱…)? At most MAX_CARRIED_CLAUSES clauses."""
        doc = self.doc
        before = self.skip_space_left(m.start)
        if self.skip_space_right(self.clause_start(m.start, sentence_start)) != m.start \
                or self.in_addressed_title(m) or before >= 0 and doc.norm[before] in "(（《":
            return False    # 星河局（Star Bureau）: a gloss opens no clause; nor a work's title
        if clause_start > 0 and doc.norm[self.skip_space_left(clause_start)] in "(（":
            return False    # （下稱「…」）: a name given in brackets, no one's words
        t = doc.token_index_from(m.end)
        if t < len(doc.tokens) and doc.tokens[t].start == m.end and doc.tokens[t].pos.startswith("n") \
                and doc.key[m.end:doc.tokens[t].end] not in ORG_ITSELF:
            return False    # 星河局高層…，稱: the one the body's name qualifies speaks, not the body
        if any(o.kind in (PERSON, SURNAME, PRONOUN) for o in self.mentions_before(clause_start, sentence_start)):
            return False    # 曾毓群…，他引用報道稱: a person in the sentence, not the organisation
        c = clause_start
        for _ in range(MAX_CARRIED_CLAUSES):
            if c <= m.start:
                return False
            prev = self.clause_start(c - 1, sentence_start)
            if prev <= m.start:
                return prev == self.clause_start(m.start, sentence_start)
            i = doc.token_index_from(self.skip_space_right(prev))
            if i >= len(doc.tokens) or not doc.tokens[i].pos.startswith(CARRIED_CLAUSE_POS):
                return False
            c = prev
        return False

    def overt_subject(self, lo: int, pos: int) -> bool:
        """Does the sentence before pos name any noun or pronoun (outside quotes)?"""
        doc = self.doc
        i = doc.token_index_at(max(lo, pos - MAX_SUBJECT_SCAN))
        while i < len(doc.tokens) and doc.tokens[i].start < pos:
            tok = doc.tokens[i]
            i += 1
            if tok.start >= lo and tok.pos.startswith(OVERT_SUBJECT_POS) \
                    and not self.quoted(tok.start):
                return True
        return False

    def antecedent(self, pos: int, preps, conjunctions, max_back: int, pronoun: bool = False):
        """The person a pronoun (or a missing subject) at pos refers to: the
        nearest person earlier in its sentence, else the subject (first person
        not spoken to) of the nearest earlier sentence naming one."""
        doc = self.doc
        k = doc.sentence_index(pos)
        sentence = doc.sentences[k] if doc.sentences else None
        lo = sentence.start if sentence is not None else 0
        for m in self.mentions_before(pos, max(lo, pos - MAX_SUBJECT_SCAN)):
            if m.kind == PERSON and not self.is_object(m, preps) \
                    and not (pronoun and doc.key.endswith(REPORTED_SUBJECT_AFTER, 0, m.start)):
                return self._single(m, conjunctions, 0)
        back = counted = 0
        while counted < max_back and back < MAX_SENTENCES_SCANNED:
            back += 1
            if k - back < 0:
                break
            s = doc.sentences[k - back]
            if s.end > s.start and self.quoted(s.start) and self.quoted(s.end - 1):
                continue   # a sentence of an earlier quote: its speaker's words, not the story's
            people = [m for m in self.mentions_before(s.end, max(s.start, s.end - 4 * MAX_SUBJECT_SCAN))
                      if m.kind == PERSON]
            if not people:
                # 他還提到…。工程師們說…。他補充道: a pronoun reaches past sentences naming no
                # one to the last person named (sentences counted only for a missing subject).
                counted += 0 if pronoun else 1
                continue
            counted += 1
            people.reverse()
            subject = next((m for m in people if not self.is_object(m, preps)
                            and not self.is_possessor(m)), people[-1])
            if pronoun and self.other_speaker_between(subject, pos):
                return "ambiguous"
            return self._single(subject, conjunctions, counted)
        return None

    def titled_name_before(self, pos: int) -> tuple[int, int] | None:
        """副總裁 Lee Chen 表示 / 偵查員林于婷指出: the span of a name that no mention
        covers (Latin letters, or a Han word the tagger reads as a person's name), between
        a job title (or a noun of a person: 經營者, 網友, 乘客) and the cue at pos."""
        doc = self.doc
        found = LATIN_NAME_BEFORE.search(doc.norm, max(0, pos - 40), pos)
        if found is not None:
            start, end = found.start(), found.end()
        else:
            span = self._han_name_before(pos)
            if span is None:
                return None
            start, end = span
        while end > start and doc.norm[end - 1] == " ":
            end -= 1
        if doc.key[end - 1:end] in MANNER_ENDS or doc.key[start:end].endswith(MANNER_WORDS):
            return None   # 觀眾齊聲說, 員工高聲說: how they said it, no one's name
        if end - start < 2 or self.mention_ending(end) is not None or self._mention_at(start) is not None:
            return None
        if self._name_starts and bisect.bisect_left(self._name_starts, end) \
                != bisect.bisect_left(self._name_starts, start):
            return None   # a product's or an organisation's name
        title_end = start - 1 if start and doc.norm[start - 1] == " " else start
        if title_end < 2:
            return None
        tok = doc.tokens[doc.token_index_at(title_end - 1)]
        if tok.end != title_end or tok.end - tok.start < 2:
            return None
        if self._person_noun(tok):
            return start, end
        return None

    def surname_with_title_before(self, pos: int) -> tuple[int, int] | None:
        """陳先生說 / 學生王同學指出 / 公運處張科長說: the span of a surname (one character, or a
        compound surname) with an honorific or a job title, ending at the cue at pos (an
        adverb such as 也 skipped), that no mention or name covers."""
        doc, key = self.doc, self.doc.key
        pos = self._skip_adverbs(pos)
        for n in (3, 2):
            word = key[max(0, pos - n):pos]
            if len(word) == n and (word in self.honorifics or word in self.titles):
                break
        else:
            return None
        honorific = word in self.honorifics
        end = pos
        pos -= n
        for m in (2, 1):
            sur = key[max(0, pos - m):pos]
            if len(sur) == m and sur in self.surnames and sur not in self.not_surnames:
                break
        else:
            return None
        start = pos - m
        if not honorific:
            # 林執行長 but not 華為總裁 (為 the end of a word): the surname opens a token.
            if doc.tokens[doc.token_index_at(start)].start != start:
                return None
        if any(self.mention_ending(e) is not None for e in range(start + 1, end + 1)) \
                or any(self._mention_at(i) is not None for i in range(start, end)):
            return None   # 李明先生: part of a name already read
        if self._name_starts and bisect.bisect_left(self._name_starts, end) \
                != bisect.bisect_left(self._name_starts, start):
            return None   # a product's or an organisation's name
        return start, end

    def _person_noun(self, tok) -> bool:
        """Is the token a job title or a noun of a person (經營者, 乘客)?"""
        word = self.doc.key[tok.start:tok.end]
        return word in self.titles or word[-1] in PERSON_NOUN_ENDS and tok.pos.startswith("n")

    def _han_name_before(self, pos: int) -> tuple[int, int] | None:
        """The span of the tokens ending at pos (an adverb such as 也 skipped) that the
        tagger reads as a person's name (PERSON_NAME_POS): one word, or a transliteration
        it cuts in pieces (佩德羅|薩, 艾倫|·|克拉維茨), of two to six Han characters."""
        doc = self.doc
        pos = self._skip_adverbs(pos)
        if pos < 2:
            return None

        def name_piece(tok, start: int) -> bool:
            if start < pos and self._person_noun(tok):
                return False   # 顧客|巴特勒: a title or a noun of a person the tagger calls a name is no piece
            return tok.pos.startswith(PERSON_NAME_POS) or tok.word in NAME_DOTS and start < pos

        start = self._tokens_back(pos, MAX_NAME_TOKENS, name_piece)
        while start < pos and doc.norm[start] in NAME_DOTS:
            start += 1
        if start == pos:
            return self._surnamed_noun_before(pos)
        if not HAN_NAME.fullmatch(doc.norm, start, pos):
            return None
        return start, pos

    def _surnamed_noun_before(self, pos: int) -> tuple[int, int] | None:
        """人士白洋認為 / 記者江海說: two or three Han characters ending at pos (an adverb
        skipped) that the tagger reads as nouns (a place's name, a common noun), one or two
        tokens, opening with a family name and no place's or an organisation's own word; the
        caller checks that a job title or a noun of a person stands right before them."""
        doc = self.doc
        pos = self._skip_adverbs(pos)
        if pos < 3:
            return None
        start = self._tokens_back(pos, 2, lambda tok, _start: tok.pos in SURNAMED_NOUN_POS
                                  and pos - tok.start <= 3 and not self._person_noun(tok))
        if not 2 <= pos - start <= 3 or not HAN_NAME.fullmatch(doc.norm, start, pos):
            return None
        word = doc.key[start:pos]
        if word in self.places or word in ORG_ITSELF or not (
                word[:1] in self.family_names or word[:2] in self.family_names):
            return None
        return start, pos

    def _tokens_back(self, pos: int, limit: int, takes) -> int:
        """Where a run of at most limit whole tokens ending at pos begins, each token
        before it taken while takes(token, run's start so far) holds."""
        doc = self.doc
        i = doc.token_index_at(pos - 1)
        start = pos
        for _ in range(limit):
            tok = doc.tokens[i]
            if tok.end != start or not takes(tok, start):
                break
            start = tok.start
            if i == 0:
                break
            i -= 1
        return start

    def _skip_adverbs(self, pos: int) -> int:
        """pos moved left past a short adverb ending there (也, 則)."""
        doc = self.doc
        while pos > 0:
            tok = doc.tokens[doc.token_index_at(pos - 1)]
            if tok.end != pos or not tok.pos.startswith(ADVERB_POS) or pos - tok.start > 2 \
                    or tok.start == 0:
                break
            pos = tok.start
        return pos

    def other_speaker_between(self, m: Mention, pos: int) -> bool:
        """Did someone other than m (a person or an organisation, named) say a quote
        between m and pos? Then a pronoun at pos does not reach back to m."""
        i = len(self.spoken) - 1
        while i >= 0 and self.spoken[i][0] > m.end:
            o, a = self.spoken[i]
            i -= 1
            if o < pos and (a.entity is not None and a.entity is not m.ref
                            or a.entity is None and a.how in NAMED_WITHOUT_ENTITY):
                return True
        return False

    def words_between(self, start: int, end: int) -> bool:
        """Anything but adverbs between a person and the cue (與Y對談後表示,
        not 和Y都表示)?"""
        return any(tok.start >= start and tok.word.strip() and not tok.pos.startswith(ADVERB_POS)
                   for tok in tokens_in(self.doc, start, end))

    def _single(self, m: Mention, conjunctions, distance: int):
        if self.conjoined(m, conjunctions):
            return "ambiguous"
        return m, distance
