"""Small Chinese numerals as dates and editions write them (一 .. 九十九, 二〇二四)."""
from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
TEN = {"十": 10, "拾": 10}


def small_number(s: str) -> int | None:
    """Parse 0..9999 written in Arabic digits, Chinese digits or 十-style tens."""
    s = s.strip()
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if all(c in DIGITS for c in s):          # 二〇二四 -> 2024
        return int("".join(str(DIGITS[c]) for c in s))
    if any(c in TEN for c in s) and len(s) <= 3:  # 十, 十五, 三十, 三十一
        tens_at = next(i for i, c in enumerate(s) if c in TEN)
        head, tail = s[:tens_at], s[tens_at + 1:]
        if (head and head not in DIGITS) or (tail and tail not in DIGITS):
            return None
        return (DIGITS[head] if head else 1) * 10 + (DIGITS[tail] if tail else 0)
    return None
