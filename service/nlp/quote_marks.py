"""The quotation marks: one table that every reader takes its marks from.

Chinese text marks words with several pairs, and they do not all do the same work:

- the corner marks 「」『』 and the curly double marks “” quote: speech, a term, a name,
  a nickname (Traditional texts prefer the corners, Simplified ones the curly marks;
  『』 nests inside 「」);
- the curly single marks ‘’ quote too, but ’ is also the apostrophe of Latin text
  (don’t), so a reader that cannot tell the two apart leaves them out;
- the double primes 〝〞 quote in some texts (〝昆仑玻璃〞), rarely;
- the ASCII mark " opens and closes alike, so a reader of pairs must count it;
- the angle marks 《》 mark a title (a book, a law, a game, a programme), never speech.

The table names each family once; a reader composes the families it reads with
`openers`, `closers` and `marks`, so a mark added here reaches every reader that reads
its family. The text read is the normalised view (half-width: full-width ＂ is ").
"""
from __future__ import annotations

# Each family: opening mark -> closing mark.
DOUBLE: dict[str, str] = {"“": "”", "「": "」", "『": "』"}   # quotes that are never anything else
SINGLE: dict[str, str] = {"‘": "’"}                           # ’ doubles as an apostrophe
PRIMES: dict[str, str] = {"〝": "〞"}                          # rare double primes
ASCII: dict[str, str] = {'"': '"'}                             # one mark both ways
TITLE: dict[str, str] = {"《": "》"}                           # a work's title, not a quote

ASCII_QUOTE = '"'
APOSTROPHE = "'"   # ASCII ' : some readers take it as an opening mark before a name

# Which families quote and which give titles (a reader asks `kind_of`).
QUOTE_FAMILIES = (DOUBLE, SINGLE, PRIMES, ASCII)
TITLE_FAMILIES = (TITLE,)


def openers(*families: dict[str, str]) -> str:
    """The opening marks of the families, in table order."""
    return "".join(o for family in families for o in family)


def closers(*families: dict[str, str]) -> str:
    """The closing marks of the families, in table order (ASCII " once)."""
    return "".join(dict.fromkeys(c for family in families for c in family.values()))


def marks(*families: dict[str, str]) -> str:
    """Every mark of the families, each once."""
    return "".join(dict.fromkeys(m for family in families for pair in family.items() for m in pair))


def pairs(*families: dict[str, str]) -> dict[str, str]:
    """Opening mark -> closing mark over the families."""
    return {o: c for family in families for o, c in family.items()}


def kind_of(mark: str) -> str | None:
    """"quote" or "title" for a mark of the table (opening or closing), else None."""
    for kind, families in (("quote", QUOTE_FAMILIES), ("title", TITLE_FAMILIES)):
        if any(mark in family or mark in family.values() for family in families):
            return kind
    return None
