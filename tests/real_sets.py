"""What the real-text sets' tests share: a set's manifest, the texts present, its
annotations, the claims an annotation makes, and the checks every set passes."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from service import evaluate

ROOT = Path(__file__).resolve().parents[1]


# Each set's split rule: an article is `test` when the first 32 bits of
# sha256(salt + name) are odd. Fixed when the set was made; never changed.
SPLIT_SALTS = {
    "real": "zh-news-extract real split v1:",
    "real2": "zh-news-extract real split v2:",
    "real3": "zh-news-extract real split v3:",
    "real4": "zh-news-extract real split v3:",
    "real5": "zh-news-extract real split v4:",
    "real6": "zh-news-extract real split v4:",
    "real7": "zh-news-extract real split v4:",
    "real8": "zh-news-extract real split v5:",
    "real9": "zh-news-extract real split v5:",
    "real10": "zh-news-extract real split v6:",
    "real11": "zh-news-extract real split v6:",
    "real12": "zh-news-extract real split v7:",
    "real13": "zh-news-extract real split v8:",
    "real14": "zh-news-extract real split v9:",
    "real15": "zh-news-extract real split v10:",
    "real16": "zh-news-extract real split v11:",
    "real17": "zh-news-extract real split v12:",
    "real18": "zh-news-extract real split v13:",
    "real19": "zh-news-extract real split v14:",
    "real20": "zh-news-extract real split v15:",
    "real21": "zh-news-extract real split v16:",
    "real22": "zh-news-extract real split v17:",
    "real23": "zh-news-extract real split v18:",
    "real24": "zh-news-extract real split v19:",
    "real25": "zh-news-extract real25 v20",
    "real26": "zh-news-extract real26 v21",
    "real27": "zh-news-extract real27 v22",
    "real28": "zh-news-extract real28 v23",
    "real29": "zh-news-extract real29 v24",
    "real30": "zh-news-extract real30 v25",
    "real31": "zh-news-extract real31 v26",
    "real32": "zh-news-extract real32 v27",
    "real33": "zh-news-extract real33 v28",
    "real34": "zh-news-extract real34 v29",
    "real35": "zh-news-extract real35 v30",
    "real36": "zh-news-extract real36 v31",
    "real37": "zh-news-extract real37 v32",
    "real38": "zh-news-extract real38 v33",
    "real39": "zh-news-extract real39 v34",
    "real40": "zh-news-extract real40 v35",
    "real41": "zh-news-extract real41 v36",
    "real42": "zh-news-extract real42 v37",
    "real43": "zh-news-extract real43 v38",
    "real44": "zh-news-extract real44 v39",
    "real45": "zh-news-extract real45 v40",
    "real46": "zh-news-extract real46 v41",
    "real47": "zh-news-extract real47 v42",
    "real48": "zh-news-extract real48 v43",
    "real49": "zh-news-extract real49 v44",
    "real50": "zh-news-extract real50 v45",
    "real51": "zh-news-extract real51 v46",
    "real52": "zh-news-extract real52 v47",
    "real53": "zh-news-extract real53 v48",
    "real54": "zh-news-extract real54 v49",
    "real55": "zh-news-extract real55 vv50",
    "real56": "zh-news-extract real56 vv51",
    "real57": "zh-news-extract real57 v52",
    "real58": "zh-news-extract real58 v53",
    "real59": "zh-news-extract real59 v54",
    "real60": "zh-news-extract real60 v55",
    "real61": "zh-news-extract real61 v56",
    "real62": "zh-news-extract real62 v57",
    "real63": "zh-news-extract real63 v58",
    "real64": "zh-news-extract real64 v59",
    "real65": "zh-news-extract real65 v60",
    "real66": "zh-news-extract real66 v61",
    "real67": "zh-news-extract real67 v62",
    "real68": "zh-news-extract real68 v63",
    "real69": "zh-news-extract real69 v64",
    "real70": "zh-news-extract real70 v65",
    "real71": "zh-news-extract real71 v66",
    "real72": "zh-news-extract real72 v67",
    "real73": "zh-news-extract real73 v68",
    "real74": "zh-news-extract real74 v69",
    "real75": "zh-news-extract real75 v70",
    "real76": "zh-news-extract real76 v71",
    "real77": "zh-news-extract real77 v72",
    "real78": "zh-news-extract real78 v73",
    "real79": "zh-news-extract real79 v74",
    "real80": "zh-news-extract real80 v75",
    "real81": "zh-news-extract real81 v76",
    "real82": "zh-news-extract real82 v77",
    "real83": "zh-news-extract real83 v78",
    "real84": "zh-news-extract real84 v79",
    "real85": "zh-news-extract real85 v80",
    "real86": "zh-news-extract real86 v81",
    "real87": "zh-news-extract real87 v82",
    "real88": "zh-news-extract real88 v83",
    "real89": "zh-news-extract real89 v84",
    "real90": "zh-news-extract real90 v85",
    "real91": "zh-news-extract real91 v86",
    "real92": "zh-news-extract real92 v87",
}

# Sets held out whole: only the lead's measurement runs project code on their
# texts, not even a pass/fail check (benchmarks/same_results.py skips the same).
HELD_OUT_SETS = ("real89", "real90", "real91", "real92")


# The contract's fact kinds: an annotation may not invent one (length, mass) the service can never give.
FACT_KINDS = frozenset(json.loads((ROOT / "schema" / "extraction.schema.json").read_text(encoding="utf-8"))
                       ["$defs"]["Fact"]["properties"]["kind"]["enum"])


class RealSet:
    def __init__(self, name: str, salt: str | None = None) -> None:
        salt = SPLIT_SALTS[name] if salt is None else salt
        self.dir = ROOT / "fixtures" / name
        self.manifest = json.loads((self.dir / "manifest.json").read_text(encoding="utf-8"))
        self.articles = self.manifest["articles"]
        self.by_name = {a["name"]: a for a in self.articles}
        self.salt = salt

    def other_sets_articles(self) -> list[dict]:
        """The articles of every other real-text set here (fixtures/real*/, any merged
        later included): a new set shares none of them."""
        return [a for p in sorted((ROOT / "fixtures").glob("real*/manifest.json"))
                if p.parent != self.dir
                for a in json.loads(p.read_text(encoding="utf-8"))["articles"]]

    def assert_new(self, *, by_url: bool = True, by_paragraphs: bool = True) -> None:
        """No article shares a name, a headline, a url (by_url) or its source (repository,
        path and, by_paragraphs, the paragraphs taken) with an article of another set."""
        earlier = self.other_sets_articles()
        names = {a["name"] for a in earlier}
        headlines = {a["headline"] for a in earlier}
        urls = {a.get("url") for a in earlier} - {None}
        sources = {self._source_key(a, by_paragraphs) for a in earlier}
        for a in self.articles:
            assert a["name"] not in names and a["headline"] not in headlines, a["name"]
            assert not by_url or a["url"] not in urls, a["name"]
            assert self._source_key(a, by_paragraphs) not in sources, a["name"]

    @staticmethod
    def _source_key(article: dict, by_paragraphs: bool) -> tuple:
        src = article["source"]
        return (src["repo"], src["path"]) + ((tuple(src["paragraphs"]),) if by_paragraphs else ())

    def assert_headlines_new_normalised(self) -> None:
        """No headline is another set's once both are normalised (`normalised_headline`): the
        same story filed again under an outlet's prefix or with other punctuation."""
        earlier = {normalised_headline(a["headline"]) for a in self.other_sets_articles() if a.get("headline")}
        for a in self.articles:
            assert normalised_headline(a["headline"]) not in earlier, a["name"]

    def assert_no_two_articles_share_paragraphs(self, *, per_commit: bool = False) -> None:
        """Several items may come from one page (or, per_commit, one page at one commit):
        each takes its own paragraphs."""
        seen = {}
        for a in self.articles:
            src = a["source"]
            for i in src["paragraphs"]:
                key = (src["commit"] if per_commit else None, src["path"], i)
                assert key not in seen, (a["name"], seen.get(key))
                seen[key] = a["name"]

    def articles_about_no_event(self) -> list[str]:
        """The annotated articles that claim `"event": null`."""
        return [n for n, a in self.annotations().items() if "event" in a and a["event"] is None]

    def present(self) -> dict[str, str]:
        """The texts rebuilt here, by article name."""
        texts = {}
        for a in self.articles:
            path = evaluate.text_path(self.dir, a)
            if path.exists():
                texts[a["name"]] = path.read_text(encoding="utf-8")
        return texts

    def annotations(self) -> dict[str, dict]:
        return {p.stem: json.loads(p.read_text(encoding="utf-8"))
                for p in sorted(self.dir.glob("*.json")) if p.name != "manifest.json"}

    def assert_split_follows_the_rule(self) -> None:
        """The manifest records the rule, every article follows it and both halves are
        there: moving an article between halves fails here."""
        assert self.salt in self.manifest["split_rule"]
        for a in self.articles:
            h = int(hashlib.sha256((self.salt + a["name"]).encode()).hexdigest()[:8], 16)
            assert a["split"] == ("test" if h % 2 else "dev"), a["name"]
        assert Counter(a["split"] for a in self.articles).keys() == {"dev", "test"}

    def assert_sources_recorded(self, extractors) -> None:
        """Each article names its source repository (listed in the manifest), the commit,
        file, extractor and paragraphs it is rebuilt from, its hash, headline and licence."""
        for a in self.articles:
            src = a["source"]
            assert src["repo"] in self.manifest["sources"], a["name"]
            assert len(src["commit"]) == 40 and src["path"] and src["paragraphs"], a["name"]
            assert src["extractor"] in extractors, a["name"]
            assert len(a["sha256"]) == 64 and a["headline"] and a["licence"], a["name"]

    def present_matching_their_hashes(self) -> dict[str, str]:
        """The texts present, each checked against its hash, headline and length; skips
        the test when there are none (as in CI)."""
        present = self.present()
        if not present:
            pytest.skip(f"no {self.dir.name} texts here (rebuild them with "
                        f"scripts/fetch_real_texts.py --set {self.dir.name})")
        for name, text in present.items():
            self.assert_text_matches(name, text)
            assert len(text) == self.by_name[name]["chars"], name
        return present

    def assert_evaluator_loads_each_split(self) -> None:
        """A dry run: the manifest loads as a corpus with the right halves (the annotated
        articles whose texts are here); nothing is extracted."""
        corpus = evaluate.load_manifest_corpus(self.dir)
        present, annotations = self.present(), self.annotations()
        for split in ("dev", "test"):
            names = {n for n, _, _ in corpus.items[split]}
            assert names == {n for n in annotations
                             if n in present and self.by_name[n]["split"] == split}
        assert len(corpus.notes) == len(self.articles) - sum(len(v) for v in corpus.items.values())

    def assert_absent_texts_are_skipped(self, tmp_path: Path) -> None:
        """With the manifest and annotations but no texts, nothing loads and each article
        has its note."""
        for p in self.dir.glob("*.json"):
            shutil.copy(p, tmp_path / p.name)
        corpus = evaluate.load_manifest_corpus(tmp_path)
        assert not any(corpus.items.values())
        assert sum("text absent" in n for n in corpus.notes) == len(self.articles)

    def assert_text_matches(self, name: str, text: str) -> None:
        article = self.by_name[name]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == article["sha256"], name
        assert text.startswith(article["headline"] + "\n\n"), name

    def corpus_with_an_edited_text(self, tmp_path: Path):
        """The set's manifest in tmp_path with its first article's text edited:
        (that article's name, the corpus the evaluator loads from there)."""
        (tmp_path / "manifest.json").write_bytes((self.dir / "manifest.json").read_bytes())
        name = self.articles[0]["name"]
        (tmp_path / "texts").mkdir()
        (tmp_path / "texts" / f"{name}.txt").write_text("edited\n", encoding="utf-8")
        return name, evaluate.load_manifest_corpus(tmp_path)

    def assert_provenance_pinned(self, extractors) -> None:
        """Sources recorded (assert_sources_recorded), each article's commit among those its
        repository lists as used, and no text committed."""
        self.assert_sources_recorded(extractors)
        for a in self.articles:
            src = a["source"]
            assert src["commit"] in self.manifest["sources"][src["repo"]]["commits_used"], a["name"]
            assert a["committed"] is False, a["name"]

    def assert_one_feed_item_each(self) -> None:
        """Several items come from one feed file: each article is its own item, with its own
        link and its own paragraphs of the feed at its commit."""
        assert len({a["url"] for a in self.articles}) == len(self.articles)
        self.assert_no_two_articles_share_paragraphs(per_commit=True)

    def assert_feed_items_dated(self) -> None:
        """Each article of a feed mirror says what was dropped from its item, which feed
        carried it and the date it is read at, and where that date comes from."""
        for a in self.articles:
            assert a["dropped"] and a["via"], a["name"]
            assert len(a["reference_date"]) == 10 and a["reference_date_source"], a["name"]

    def assert_articles_about_no_event(self, at_least: int) -> None:
        """At least `at_least` articles claim `"event": null`, and an article with no events
        listed at all is one of them."""
        no_event = self.articles_about_no_event()
        assert len(no_event) >= at_least
        for name, a in self.annotations().items():
            assert a["events"] or name in no_event, name

    def assert_annotated_and_read_three_times(self, *, independent: bool = True) -> None:
        """Every article annotated and nothing else; each annotation holds
        (assert_annotation_holds), records its first, second and (unless `independent` is
        False: a set still awaiting it) independent reads and its notes, and dates the
        article as the manifest does."""
        annotations = self.annotations()
        assert set(annotations) == set(self.by_name), "every article is annotated, nothing else"
        present = self.present()
        for name, expected in annotations.items():
            self.assert_annotation_holds(name, expected, present.get(name))
            assert expected.get("_checked") and expected.get("_second_read"), name
            assert not independent or expected.get("_independent_read"), \
                f"{name}: no independent read recorded"
            assert expected.get("_notes"), name
            assert expected.get("_reference_date") == self.by_name[name]["reference_date"], name

    def assert_annotation_holds(self, name: str, expected: dict, text: str | None) -> None:
        """It annotates an article of the manifest, in its script, with known sections,
        a surface form per entity and (when the text is here) claims the text holds."""
        assert name in self.by_name, f"{name}.json annotates no article of the manifest"
        assert expected["document"]["script"] == self.by_name[name]["script"], name
        notes = {"_checked", "_second_read", "_independent_read", "_conventions_pass", "_notes",
                 "_reference_date"}
        assert set(expected) - notes <= {"document", "event", *evaluate.SECTIONS}, name
        for section in ("participants", "organizations", "products"):
            for item in expected.get(section, []):
                assert item.get("aliases"), f"{name}: {item.get('name')} lists no surface form"
        for fact in expected.get("quantitative_facts", []):
            assert fact.get("kind") in FACT_KINDS, f"{name}: {fact.get('text')!r} has kind {fact.get('kind')!r}, not the contract's"
        if text is not None:
            for claim in claims(expected):
                assert claim in text, f"{name}: {claim!r} is not in the article"


def claims(expected: dict) -> list[str]:
    """Every surface form an annotation says the article holds."""
    out = []
    for section in ("participants", "organizations", "products"):
        for item in expected.get(section, []):
            out += item.get("aliases", [])
    out += [f["text"] for f in expected.get("quantitative_facts", [])]
    for q in expected.get("quotes", []):
        out += [q["text"]] + ([q["speaker_name"]] if q.get("speaker_name") else [])
    return out


# An outlet's or a column's prefix on a headline: 【快讯】…, 一线丨… / 一线|… (up to ten characters).
HEADLINE_PREFIX = re.compile(r"^\s*(?:【[^】]{1,10}】|[^丨|\s]{1,10}\s*[丨|])\s*")


def normalised_headline(headline: str) -> str:
    """A headline without its outlet's prefixes, punctuation, spaces or case (NFKC: full-width
    as half-width), to tell the same headline filed twice."""
    h = unicodedata.normalize("NFKC", headline)
    while True:
        m = HEADLINE_PREFIX.match(h)
        if m is None or m.end() >= len(h):
            break
        h = h[m.end():]
    return re.sub(r"[\W_]+", "", h).lower()
