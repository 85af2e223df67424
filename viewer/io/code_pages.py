"""Which legacy code page a text that is not UTF-8 is written in: the one Excel writes a "CSV" in on a Windows of
that language (Shift-JIS in Japan, GBK in China, Big5 in Taiwan, the Korean, Cyrillic, Greek, Hebrew, Arabic, Thai
and Central European code pages), else Windows-1252, as before.

Such a file was read as Windows-1252 and its titles came out as mojibake (``ƒS[ƒ“Ž`` for ゴーン氏). Each candidate
decodes the text's non-ASCII lines strictly; a decoding is scored by how much of what it reads is letters of one
script written as words are written (a capital only first, one script in a word), and, for the East Asian pages,
by how much of it is each language's common characters (kana and the first level of kanji, the 3,755 common
hanzi of GB 2312 or Big5's 5,401, the 2,350 Hangul of KS X 1001): bytes of one page read in another decode to rare
characters, symbols, or letters of two scripts in one word. Windows-1252 stays whenever its own reading is
plausible Latin text (accents within words of plain letters): a French or German file is never taken for another
page. Language models (charset-normalizer) were tried first and took French for Polish and Chinese for Korean on
files of a few rows, the files this is for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from viewer.io import mixed_text

NAMES = {"cp932": "Japanese, Shift-JIS", "gb18030": "Chinese, GBK", "cp949": "Korean",
         "cp950": "Traditional Chinese, Big5", "cp1251": "Cyrillic, Windows-1251", "cp1250": "Central European",
         "cp1253": "Greek", "cp1256": "Arabic", "cp1255": "Hebrew", "cp874": "Thai", "koi8_r": "Cyrillic, KOI8-R"}
SAMPLE_BYTES = 1 << 15  # of lines holding a byte above ASCII: enough to judge, cheap to decode a dozen times
ODD_CASE_FROM = 8  # small letters without a capital among them: a cased script's reading is less likely
FEWEST_LETTERS = 4  # non-ASCII letters in a reading before it is judged: fewer are no evidence against Windows-1252
MARGIN = 0.3  # by which another reading must beat Windows-1252's own
GOOD_ENOUGH = 0.8  # of the non-ASCII letters (and symbols) a reading takes for words of its language
_PUNCTUATION = set("\u00a0–—‘’‚“”„…•€«»°·×÷§©®™¡¿‹›†‡‰、。・「」『』【】〈〉《》〔〕（）：；，！？〜￥　")
_KANA = ("HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC")  # (and 々, the iteration mark)


def guess(data: bytes) -> str | None:
    """The code page (a Python codec's name, a key of :data:`NAMES`) this text reads best in, or None when
    Windows-1252 reads it as plausibly or nothing else reads it well."""
    sample = _non_ascii_lines(data)
    if not sample:
        return None
    western = _decoded(sample, "cp1252")
    plausible = _latin_score(western) if western is not None else 0.0
    if plausible >= GOOD_ENOUGH:
        return None
    spaced = _SPACED.search(sample) is not None  # Korean writes a space between words, Chinese none
    scored = []
    for rank, (codec, score) in enumerate(_SCORES.items()):  # a tie goes to the page written more often
        text = _decoded(sample, codec)
        if text is not None and sum(1 for char in text if char.isalpha() and ord(char) > 127) >= FEWEST_LETTERS:
            first = codec == ("cp949" if spaced else "gb18030")
            scored.append((round(score(text), 3), first, -rank, codec))
    best = max(scored, default=(0.0, False, 0, ""))
    return best[3] if best[0] >= max(GOOD_ENOUGH, plausible + MARGIN) else None


_SPACED = re.compile(rb"[\x80-\xff]{2} [\x80-\xff]{2}")


def legacy(data: bytes) -> tuple[str, str, str]:
    """A text that is not UTF-8, decoded: in the code page :func:`guess` finds, else Windows-1252, else Latin-1
    (which decodes anything); with the codec and how it was read, in words. A text mostly in UTF-8 is read so, the
    bytes that are none as Windows-1252 (:mod:`~viewer.io.mixed_text`)."""
    if mixed_text.mostly_utf8(_non_ascii_lines(data)):
        text, said = mixed_text.decoded(data)
        return text, "utf-8", said
    page = guess(data)
    if page is not None:
        try:
            return data.decode(page), page, f"read as {page} ({NAMES[page]}), in which its words read"
        except UnicodeDecodeError:
            pass  # (a byte past the sample that the page has no character for)
    try:
        return data.decode("cp1252"), "cp1252", "read as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", "read as latin-1"


def _non_ascii_lines(data: bytes) -> bytes:
    """The lines holding a byte above ASCII, joined, up to :data:`SAMPLE_BYTES` (whole lines: no character cut),
    found one after another (a file of gigabytes is not split into its lines)."""
    picked, size, at = [], 0, 0
    while size < SAMPLE_BYTES and (found := _NON_ASCII.search(data, at)) is not None:
        byte = found.start()
        start = max(data.rfind(b"\n", at, byte), data.rfind(b"\r", at, byte), at - 1) + 1
        feed = data.find(b"\n", byte)
        end = len(data) if feed < 0 else feed
        ret = data.find(b"\r", byte, end)  # (each search bounded: no pass to the file's end for every line)
        at = end if ret < 0 else ret
        picked.append(data[start:at])
        size += at - start
    return b"\n".join(picked)


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _decoded(sample: bytes, codec: str) -> str | None:
    try:
        return sample.decode(codec)
    except UnicodeDecodeError:
        return None


def _script(char: str) -> str:
    """A letter's script, by its Unicode name's first word ("CJK", "HIRAGANA", "CYRILLIC" …; ``µ``, ``ª`` and ``º``
    are Latin)."""
    return "LATIN" if char in "µªº" else unicodedata.name(char, "?").split(" ", 1)[0]


def _words(text: str) -> list[str]:
    """Runs of letters and of the marks that follow them (Thai's vowels and tones, Hebrew's points)."""
    words, word = [], []
    for char in text:
        if unicodedata.category(char)[0] in "LM":
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
    return [*words, "".join(word)] if word else words


def _scored_words(text: str, fits: Callable[[str], bool]) -> float:
    """The share of the text's non-ASCII letters (and symbols, which no word has) standing in words ``fits`` takes;
    common punctuation counts for neither side."""
    symbols = sum(1 for char in text if ord(char) > 127 and char not in _PUNCTUATION
                  and unicodedata.category(char)[0] not in "LM")
    letters = good = 0
    for word in _words(text):
        wide = sum(1 for char in word if ord(char) > 127)
        letters += wide
        good += wide if wide and fits(word) else 0
    return good / (letters + symbols) if letters else 0.0


def _cased(word: str, script: str) -> bool:
    """Letters of one script (marks aside), written as words are: lower case, a capital first, or all capitals;
    a Greek final sigma only last."""
    letters = [char for char in word if unicodedata.category(char) != "Mn"]
    if any(ord(char) > 127 and _script(char) != script for char in letters) or "ς" in word[:-1]:
        return False
    rest = "".join(letters[1:])
    return rest == rest.lower() or "".join(letters) == "".join(letters).upper()


def _latin_score(text: str) -> float:
    """A Latin page's reading: the share of non-ASCII characters standing in plausible words: accented letters
    written as words are (``Réunion``, ``DÉPART``, ``à``), on lines where words with plain letters are as many as
    those without (Polish's ``Żółć gęślą``), a sign only at a word's edge (``¥237bn``, ``25°C``). Not ``Àðåñò Ãîíà``
    (Cyrillic read as Latin), ``ƒS[ƒ`` (Shift-JIS) nor ``¤à®¦³`` (Big5)."""
    good = total = 0
    for line in text.splitlines():
        tokens = [(token, token.strip(_EDGES).strip(_QUOTES)) for token in _TOKEN.findall(line)]
        plain = sum(1 for _token, word in tokens for part in _words(word) if any(c.isascii() for c in part))
        accented = sum(1 for _token, word in tokens for part in _words(word) if len(part) > 1
                       and not any(c.isascii() for c in part))
        for token, word in tokens:
            wide = sum(1 for char in token if ord(char) > 127 and char not in _PUNCTUATION)
            total += wide
            good += wide if wide and _western(word, plain >= accented) else 0
    return good / total if total else 1.0  # (only dashes and quotes: Windows-1252's own)


_TOKEN = re.compile(r"[^\s,;:\"'()\[\]{}<>/\\|=+*&?!.]+")
_EDGES = "0123456789-_#%$¢£¤¥§©®°±²³µ¶·¹º»«¼½¾€™"
_QUOTES = "‘’‚“”„«»‹›…–—¡¿"


def _western(token: str, bare: bool) -> bool:
    """A token of Latin letters (``µ``, ``ª`` and ``º`` among them), each word written as words are and, unless
    ``bare`` words may stand (among as many plain ones), holding a plain letter; ASCII digits and signs only at its
    edges (stripped before)."""
    words = _words(token)
    if "".join(words) != token.replace("-", "").replace("'", "").replace("´", "").replace("`", ""):  # (it´s)
        return False  # a sign or digit inside: ``¤à®¦³Q``
    return all(_cased(word, "LATIN") and (bare or len(word) == 1 or any(char.isascii() for char in word))
               for word in words)


def _one_script(script: str) -> Callable[[str], float]:
    """A reading's score for an alphabet: words of it, a little less for a cased one whose capitals outnumber its
    small letters (another page's bytes read in KOI8-R) or that has none among many (Hebrew's read in
    Windows-1251: all small Cyrillic), so that a tie goes to the other reading."""
    def score(text: str) -> float:
        upper = sum(1 for char in text if char.isupper() and ord(char) > 127)
        lower = sum(1 for char in text if char.islower() and ord(char) > 127)
        odd = upper > lower or (not upper and lower >= ODD_CASE_FROM)
        return _scored_words(text, lambda word: _cased(word, script)) * (0.9 if odd else 1.0)
    return score


def _common(encoding: str, leads: tuple[int, int], scripts: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """Whether a character is common in a language: of those ``scripts`` (kana), or in ``encoding`` with a first byte
    within ``leads`` (the first level of its characters)."""
    def common(char: str) -> bool:
        if _script(char) in scripts:
            return True
        try:
            lead = char.encode(encoding)[0]
        except UnicodeEncodeError:
            return False
        return leads[0] <= lead <= leads[1]
    return common


def _east_asian(common: Callable[[str], bool]) -> Callable[[str], float]:
    return lambda text: _scored_words(text, lambda word: all(common(c) for c in word if ord(c) > 127))


_SCORES: dict[str, Callable[[str], float]] = {
    "cp932": _east_asian(_common("shift_jis", (0x88, 0x98), _KANA)),  # kana, and JIS level 1's kanji
    "gb18030": _east_asian(_common("gb2312", (0xB0, 0xD7))),  # GB 2312's 3,755 common hanzi
    "cp949": _east_asian(_common("euc_kr", (0xB0, 0xC8))),  # KS X 1001's 2,350 Hangul (no hanja)
    "cp950": _east_asian(_common("big5", (0xA4, 0xC6))),  # Big5's 5,401 common characters
    "cp1251": _one_script("CYRILLIC"), "cp1250": _latin_score, "cp1253": _one_script("GREEK"),
    "cp1256": _one_script("ARABIC"), "cp1255": _one_script("HEBREW"), "cp874": _one_script("THAI"),
    "koi8_r": _one_script("CYRILLIC"),
}
