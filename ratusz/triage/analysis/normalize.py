"""Folding text for matching: lower case, no diacritics, look-alike characters, digits and
symbols used as letters, stretched letters and spaced-out words.

Also: invisible characters (zero-width spaces, soft hyphens) are dropped, and dots that mask
letters inside a word ("je...ny", "k..wa") become stars, as written stars already are
("ch*j", "k***a"), so a lexicon can treat every star as a hidden letter.

Every folded character remembers where it came from in the original text, so a match in the
folded text can be shown to a person as a span of what the resident actually wrote.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Cyrillic and Greek letters that look like Latin ones, plus a few symbols.
_LOOKALIKES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe",
    "ø": "o", "đ": "d", "ı": "i",
}
# Digits and symbols used as letters, only when they touch a letter ("k0rwa", "d3bil").
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
         "€": "e", "!": "i", "|": "i"}
_SPACE = re.compile(r"\s")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if unicodedata.category(char) == "Cf":
        return ""  # zero-width space and joiners, soft hyphen, direction marks: invisible
    low = char.lower()
    if low in _LOOKALIKES:
        return _LOOKALIKES[low]
    if low.isascii():
        return low
    if _SPACE.match(low):
        return " "
    decomposed = unicodedata.normalize("NFKD", low)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.lower()


@dataclass(frozen=True, slots=True)
class Folded:
    text: str
    origin: tuple[int, ...]  # origin[i]: offset in the original text of folded character i
    length: int  # length of the original text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering folded characters start..end (end exclusive)."""
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else self.length
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def _is_letter(char: str) -> bool:
    return char.isalpha()


def fold(text: str) -> Folded:
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        for piece in _fold_char(char):
            chars.append(piece)
            origin.append(i)

    # Digits and symbols as letters, when a letter is next to them (after the first pass,
    # so "k0rwa" and "d3b1l" both resolve).
    n = len(chars)
    for i, char in enumerate(chars):
        if char in _LEET:
            before = i > 0 and _is_letter(chars[i - 1])
            after = i + 1 < n and _is_letter(chars[i + 1])
            if before or after:
                if char in "!|" and not (before and after):
                    continue  # "ok!" stays punctuation; "d!bil" is a letter
                chars[i] = _LEET[char]

    # Dots hiding letters inside a word ("je...ny", "pi..ole"): two or more, a letter on
    # each side, become stars, one per dot.
    if ".." in "".join(chars):
        i = 0
        while i < n:
            if chars[i] == "." and i > 0 and _is_letter(chars[i - 1]):
                j = i
                while j < n and chars[j] == ".":
                    j += 1
                if j - i >= 2 and j < n and _is_letter(chars[j]):
                    chars[i:j] = ["*"] * (j - i)
                i = j
            else:
                i += 1

    # Stretched letters: three or more of the same collapse to one ("kuuurwa").
    out_c: list[str] = []
    out_o: list[int] = []
    run = 0
    for char, at in zip(chars, origin, strict=True):
        if out_c and char == out_c[-1] and char.isalpha():
            run += 1
            if run >= 2:
                if run == 2:  # the third in a row: drop the second one kept earlier
                    out_c.pop()
                    out_o.pop()
                continue
        else:
            run = 0
        out_c.append(char)
        out_o.append(at)

    # Whitespace runs become one space.
    chars, origin = [], []
    for char, at in zip(out_c, out_o, strict=True):
        if char == " " and chars and chars[-1] == " ":
            continue
        chars.append(char)
        origin.append(at)

    folded = "".join(chars)
    folded, origin = _join_spaced(folded, origin, text)
    return Folded(folded, tuple(origin), len(text))


# Single letters (or Polish digraphs) separated by the same space, dot, dash, underscore or
# star: four or more ("k u r w a", "d.e.b.i.l", "sz.m.a.t.a"), or three when the separator is
# not a space ("ch.u.j", "c-h-j"; three letters between spaces are too often words: "a i w").
_UNIT = r"(?:ch|cz|sz|rz|dz|[^\W\d_])"
_SPACED = re.compile(rf"(?<![^\W\d_]){_UNIT}(?:( {{1,2}})(?:{_UNIT}\1){{2,}}|"
                     rf"([.\-_*]{{1,2}})(?:{_UNIT}\2)+){_UNIT}(?![^\W\d_])")


def _join_spaced(folded: str, origin: list[int], text: str = "") -> tuple[str, list[int]]:
    """Join spaced-out letters. Where the original has a wider gap between two letters than
    between the others ("j e b a ć   r a d ę"), a space stays: "jebac rade"."""
    if not _SPACED.search(folded):
        return folded, origin
    chars: list[str] = []
    new_origin: list[int] = []
    last = 0
    for match in _SPACED.finditer(folded):
        letters = [k for k in range(match.start(), match.end()) if folded[k].isalpha()]
        letters = _trim_words_around(folded, origin, text, letters)
        if len(letters) < 3:
            continue
        start, end = letters[0], letters[-1] + 1
        chars.extend(folded[last:start])
        new_origin.extend(origin[last:start])
        gaps = [origin[b] - origin[a] for a, b in zip(letters, letters[1:], strict=False)
                if folded[a + 1:b]]  # letters with something between them
        narrow = min(gaps) if gaps else 0
        for i, k in enumerate(letters):
            if i and folded[letters[i - 1] + 1:k] and origin[k] - origin[letters[i - 1]] > narrow:
                chars.append(" ")
                new_origin.append(origin[letters[i - 1]] + 1)
            chars.append(folded[k])
            new_origin.append(origin[k])
        last = end
    chars.extend(folded[last:])
    new_origin.extend(origin[last:])
    return "".join(chars), new_origin


def _trim_words_around(folded: str, origin: list[int], text: str, letters: list[int]
                       ) -> list[int]:
    """A one-letter word next to a spaced-out word is not part of it: "D E B I L z tego",
    "S.p.i.e.r.d.a.l.a.j z naszej wsi", "i K U R W A". It differs from the spaced letters in
    its separator or (all the others being capitals) in its case."""
    def separator(a: int, b: int) -> str:
        return folded[a + 1:b]

    def upper(k: int) -> bool:
        return bool(text) and text[origin[k]].isupper()

    while len(letters) >= 5:
        inner = letters[1:-1]
        main = separator(inner[0], inner[1])
        inner_upper = all(upper(k) for k in inner)
        if separator(letters[-2], letters[-1]) != main or (inner_upper and not upper(letters[-1])):
            letters = letters[:-1]
        elif separator(letters[0], letters[1]) != main or (inner_upper and not upper(letters[0])):
            letters = letters[1:]
        else:
            break
    return letters
