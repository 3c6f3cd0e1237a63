"""Rebuild the real-article texts of fixtures/real/ (or fixtures/real2/, real3/, real4/) from local clones
of their public sources.

    python scripts/fetch_real_texts.py [--set real2|real3|real4] --source OWNER/NAME=PATH [--source ...] [--check]

Most of the real set cannot be committed (the outlets keep their copyright), so
manifest.json records, per article, the repository, commit and file it came
from and which paragraphs of that page form the article. Given a local clone
(a working tree or a bare/mirror git directory) of each source repository, this
script extracts the paragraphs, writes fixtures/real/texts/NAME.txt (gitignored)
and verifies each text against the sha256 in the manifest. A text that does not
match is not written. With --check it only verifies texts already present.

Extraction is deliberately dumb and deterministic. "html-paragraphs" (saved
pages): the text of every <p> element in document order, empty ones counted
(script and style skipped, <br> kept as a line break, runs of whitespace folded
to one space). "hexo-blocks" (RSS posts archived as Hexo markdown): the
non-empty text between block-level tags of the body after the front matter.
"html-blocks" (saved pages whose body text sits outside <p>): the same block
splitting applied to the whole page. "markdown-paragraphs" (Markdown archives of
WeChat articles and RSS feeds): blank-line separated blocks with image links,
heading and quote markers, bullets, ** emphasis and setext underlines removed, empty
blocks dropped (a list item keeps its text, not its bullet). "feed-cdata-paragraphs"
(feeds whose entries hold HTML in CDATA): the <p> paragraphs of the whole feed, CDATA
unwrapped. "markdown-text-paragraphs": markdown-paragraphs with inline links reduced
to their text. "markdown-unwrapped-paragraphs" (Markdown written by html2text, whose
line wraps stand for spaces): markdown-paragraphs with each block's lines joined by a space. "feed-cdata-blocks": html-blocks over a whole feed, CDATA unwrapped.
"feed-item-blocks": feed-cdata-blocks where an item's own fields (title, link, pubDate,
...) also end a block. "feed-unescaped-item-blocks" (feeds whose entries carry their HTML
entity-escaped, &lt;p&gt;…, not in CDATA): feed-item-blocks over the feed with its character
references resolved first. "jsonl-content-lines" (a scraper's JSON-lines dump, one article a
line): the lines of every record's "content" field in file order, each stripped.
"markdown-crlf-paragraphs" (Jekyll posts whose paragraphs are parted by a line holding only
a carriage return, "\n\r\n"): markdown-paragraphs over the file with each "\r\n" read as "\n". Then the paragraphs the manifest lists, joined by blank lines under the
headline.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "fixtures" / "real"
MANIFEST = REAL / "manifest.json"
TEXTS = REAL / "texts"
SETS = ("real", "real2", "real3", "real4", "real5", "real6", "real7",
        "real8", "real9", "real10", "real11", "real12", "real13", "real14", "real15", "real16", "real17",
        "real18", "real19", "real20", "real21", "real22", "real23", "real24", "real25", "real26", "real27", "real28",
        "real29", "real30",
        "real31", "real32", "real33", "real34", "real35", "real36", "real37", "real38", "real39", "real40", "real41", "real42", "real43", "real44", "real45", "real46", "real47", "real48", "real49", "real50", "real51", "real52", "real53", "real54", "real55", "real56", "real57", "real58", "real59", "real60", "real61", "real62", "real63", "real64", "real65", "real66", "real67", "real68", "real69", "real70", "real71", "real72", "real73", "real74", "real75", "real76", "real77", "real78", "real79", "real80", "real81", "real82", "real83", "real84", "real85", "real86", "real87", "real88", "real89", "real90", "real91", "real92")   # the sets under fixtures/ that this script rebuilds


_BREAK = "\x00"   # a <br>; newlines in the markup itself are only whitespace


class _Paragraphs(HTMLParser):
    """Collects the text of each <p> element; an unclosed <p> ends at the next one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._buf: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "p":
            self._flush()
            self._buf = []
        elif tag == "br" and self._buf is not None:
            self._buf.append(_BREAK)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag == "p":
            self._flush()

    def handle_data(self, data):
        if self._buf is not None and not self._skip:
            self._buf.append(data)

    def _flush(self) -> None:
        if self._buf is not None:
            lines = (" ".join(line.split()) for line in "".join(self._buf).split(_BREAK))
            self.paragraphs.append("\n".join(line for line in lines if line))
        self._buf = None

    def close(self):
        super().close()
        self._flush()


def paragraphs(markup: str) -> list[str]:
    """The text of every <p>, empty ones included (indices count them)."""
    parser = _Paragraphs()
    parser.feed(markup)
    parser.close()
    return parser.paragraphs


_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
               "blockquote", "section", "article", "figure", "figcaption", "table", "tr"}


class _Blocks(HTMLParser):
    """Text between block boundaries; used where text sits directly in a <div>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buf: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._buf.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append(text)
        self._buf = []

    def close(self):
        super().close()
        self._flush()


def hexo_blocks(source: str) -> list[str]:
    """Non-empty text blocks of a Hexo post's body (the front matter dropped)."""
    lines = source.split("\n")
    fences = [i for i, line in enumerate(lines) if line.strip() == "---"][:2]
    body = "\n".join(lines[fences[1] + 1:]) if len(fences) == 2 else source
    parser = _Blocks()
    parser.feed(body)
    parser.close()
    return parser.blocks


def html_blocks(markup: str) -> list[str]:
    """Non-empty text blocks of a whole page (for text outside <p>, e.g. a lead in a <div>)."""
    parser = _Blocks()
    parser.feed(markup)
    parser.close()
    return parser.blocks


# An image link; its URL may hold one level of parentheses (…/filters:no_upscale()?…).
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_MARKER = re.compile(r"^\s*(#{1,6}\s*|>\s?)")
_MD_UNDERLINE = re.compile(r"[=\-]{3,}")
_MD_BULLET = re.compile(r"^[*+\-](?:\s+|$)")


def markdown_paragraphs(source: str) -> list[str]:
    """Blank-line separated blocks of a Markdown file, markup removed, empty ones dropped."""
    out = []
    for block in re.split(r"\n[ \t]*\n", source):
        lines = []
        for line in block.split("\n"):
            line = _MD_MARKER.sub("", _MD_IMAGE.sub("", line)).replace("**", "").strip()
            line = _MD_BULLET.sub("", line).strip()
            if line and not _MD_UNDERLINE.fullmatch(line):
                lines.append(line)
        if lines:
            out.append("\n".join(lines))
    return out


# A Markdown link (not an image link); its URL may hold one level of parentheses.
_MD_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")


def markdown_text_paragraphs(source: str) -> list[str]:
    """As markdown-paragraphs, with each inline link reduced to its text (for archives
    whose links sit inside sentences, not beside them)."""
    return [_MD_LINK.sub(r"\1", p) for p in markdown_paragraphs(source)]


def markdown_unwrapped_paragraphs(source: str) -> list[str]:
    """As markdown-paragraphs, with each block's lines joined by one space: for archives
    written by html2text, which wraps long lines by turning a space into a newline
    (nuz007/qqnews: `小米14\nUltra` is the page's `小米14 Ultra`)."""
    return [p.replace("\n", " ") for p in markdown_paragraphs(source)]


def feed_cdata_paragraphs(feed: str) -> list[str]:
    """The <p> paragraphs of a whole RSS/Atom feed whose entries carry their HTML in
    CDATA sections (unwrapped first, since HTMLParser drops a CDATA section's text)."""
    return paragraphs(feed.replace("<![CDATA[", "").replace("]]>", ""))


def feed_cdata_blocks(feed: str) -> list[str]:
    """html-blocks over a whole feed with its CDATA unwrapped (for entries whose text
    sits in <div>s or between <br>s as well as in <p>s)."""
    return html_blocks(feed.replace("<![CDATA[", "").replace("]]>", ""))


_FEED_ITEM_TAGS = {"item", "title", "link", "guid", "pubdate", "description", "category",
                   "author", "enclosure", "comments", "source"}


class _FeedBlocks(_Blocks):
    """_Blocks where an RSS item's own elements also end a block: an item's last
    paragraph does not run into the next item's link, date and title."""

    def handle_starttag(self, tag, attrs):
        if tag in _FEED_ITEM_TAGS:
            self._flush()
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _FEED_ITEM_TAGS:
            self._flush()
        super().handle_endtag(tag)


def feed_item_blocks(feed: str) -> list[str]:
    """feed-cdata-blocks with the item's fields (title, link, pubDate, …) as block
    boundaries too (for feeds whose entries end in text outside any block tag)."""
    parser = _FeedBlocks()
    parser.feed(feed.replace("<![CDATA[", "").replace("]]>", ""))
    parser.close()
    return parser.blocks


def feed_unescaped_item_blocks(feed: str) -> list[str]:
    """feed-item-blocks over a feed whose entries carry their HTML entity-escaped
    (`&lt;p&gt;…&lt;/p&gt;` in <description> or <content:encoded>, as WordPress, Ghost and
    python-feedgen write it outside CDATA): the character references are resolved first, so
    the escaped markup splits into blocks as markup, not as text holding `<p>`."""
    return feed_item_blocks(html.unescape(feed))


def jsonl_content_lines(source: str) -> list[str]:
    """The lines of every record's "content" field of a JSON-lines file, in file order
    (a scraper's dump of article texts, one JSON object a line, each text's paragraphs
    separated by newlines): each line stripped, empty ones counted."""
    lines: list[str] = []
    for row in source.splitlines():
        if row.strip():
            lines += [line.strip() for line in (json.loads(row).get("content") or "").split("\n")]
    return lines


def markdown_crlf_paragraphs(source: str) -> list[str]:
    """markdown-paragraphs over a file whose blank lines hold a carriage return (agora0's
    RTHK posts: text, "\n", "\r\n"), each "\r\n" read as a newline first, so those
    lines part paragraphs as blank lines do."""
    return markdown_paragraphs(source.replace("\r\n", "\n"))


EXTRACTORS = {"html-paragraphs": paragraphs, "hexo-blocks": hexo_blocks,
              "html-blocks": html_blocks, "markdown-paragraphs": markdown_paragraphs,
              "feed-cdata-paragraphs": feed_cdata_paragraphs,
              "markdown-text-paragraphs": markdown_text_paragraphs,
              "markdown-unwrapped-paragraphs": markdown_unwrapped_paragraphs,
              "feed-cdata-blocks": feed_cdata_blocks,
              "feed-item-blocks": feed_item_blocks,
              "feed-unescaped-item-blocks": feed_unescaped_item_blocks,
              "jsonl-content-lines": jsonl_content_lines,
              "markdown-crlf-paragraphs": markdown_crlf_paragraphs}


def build_text(markup: str, headline: str, keep: list[int],
               extractor: str = "html-paragraphs") -> str:
    parts = EXTRACTORS[extractor](markup)
    body = [parts[i] for i in keep]
    return "\n\n".join([headline, *body]) + "\n"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_source(clone: Path, commit: str, path: str) -> str | None:
    """The file at commit from a git clone, else from the working tree."""
    done = subprocess.run(["git", "-C", str(clone), "show", f"{commit}:{path}"],
                          capture_output=True)
    if done.returncode == 0:
        return done.stdout.decode("utf-8", "replace")
    plain = clone / path
    return plain.read_text(encoding="utf-8", errors="replace") if plain.is_file() else None


def set_dir(name: str = "real") -> Path:
    return ROOT / "fixtures" / name


def load_manifest(name: str = "real") -> dict:
    return json.loads((set_dir(name) / "manifest.json").read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", action="append", default=[], metavar="OWNER/NAME=PATH",
                        help="a local clone of a source repository")
    parser.add_argument("--check", action="store_true", help="only verify texts present")
    parser.add_argument("--set", choices=SETS, default="real", dest="set_name",
                        help="which set under fixtures/ to rebuild (default: real)")
    args = parser.parse_args(argv)
    clones = dict(s.split("=", 1) for s in args.source)
    manifest = load_manifest(args.set_name)
    real = set_dir(args.set_name)
    texts = real / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    bad = 0
    for art in manifest["articles"]:
        name, src = art["name"], art["source"]
        target = (real if art["committed"] else texts) / f"{name}.txt"
        if args.check or art["committed"]:
            if target.exists():
                ok = sha256(target.read_text(encoding="utf-8")) == art["sha256"]
                bad += not ok
                print(f"{'ok  ' if ok else 'BAD '} {name}")
            else:
                print(f"absent {name}")
            continue
        clone = clones.get(src["repo"])
        if not clone:
            print(f"skip {name}: no clone of {src['repo']} given")
            continue
        markup = read_source(Path(clone), src["commit"], src["path"])
        if markup is None:
            print(f"skip {name}: {src['path']} not found at {src['commit'][:10]}")
            bad += 1
            continue
        text = build_text(markup, art["headline"], src["paragraphs"],
                          src.get("extractor", "html-paragraphs"))
        if sha256(text) != art["sha256"]:
            print(f"BAD  {name}: rebuilt text does not match the manifest hash")
            bad += 1
            continue
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)} ({len(text)} chars)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
