"""The sentence aligner: the sentences of a Chinese block paired in order with those of its
English, by length and shared numbers, with a flag on each pair it is unsure of.

It is Gale and Church's method (1993): a pairing of n Chinese sentences with m English ones
(1:1, 1:2, 2:1, 2:2, and one to up to five) costs the improbability of their lengths under a
normal model of the English length a Chinese length gives (the block's own ratio of English to Chinese
characters), plus a prior for the shape (1:1 likeliest), plus a cost for each number one side
gives and the other does not (edition/model/numbers.py, the `numbers` check's reader). The
cheapest sequence of pairings over the whole block wins (dynamic programming).

A pair is unsure when its numbers disagree, or when another pairing of the same stretch
costs little more than the chosen one (`MARGIN`): then a person reviews it against the
text (CONTRIBUTING.md, "Sentence alignment").

Why not a library: NLTK's `nltk.translate.gale_church` (3.10.4) is the well-kept
implementation, but its pairs stop at two sentences a side (its DP keeps three rows; this
report has three pairs of one Chinese sentence to three English and two of one to four, of
110), it lets a sentence stay unpaired (1:0 and 0:1, which the edition forbids) and it gives
no cost per pair to judge certainty by. The number cue changed no pair of this report
(measured: the aligner gives 108 of the 110 reviewed pairs with it and without it; the two
it misses are p-3-2's, where it marked one of them unsure and the review corrected both);
it is there for reports whose sentences are closer in length, and it makes a pair whose
figures disagree unsure.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from statistics import NormalDist

from .numbers import chinese_numbers, english_numbers
from .sentences import BlockAlignment, Pair, fingerprint
from .text import remove_restorations_keep_content

#: Shapes a pair may take (Chinese sentences, English sentences) and the cost of each shape,
#: −log of how often it occurs: most sentences are rendered by one, some split or joined.
SHAPES = {(1, 1): 0.0, (1, 2): 1.6, (2, 1): 1.6, (1, 3): 3.5, (3, 1): 3.5, (2, 2): 6.0, (1, 4): 5.5, (4, 1): 5.5, (1, 5): 7.5, (5, 1): 7.5}
#: Variance of the English length, in Chinese characters, per Chinese character.
VARIANCE = 2.5
#: Cost of each number one side of a pair gives and the other does not.
NUMBER_COST = 4.0
#: A pairing of the same sentences that costs less than this more than the chosen one
#: makes the chosen one unsure.
MARGIN = 4.0
NORMAL = NormalDist()


@dataclass(frozen=True)
class Proposal:
    """A pair the aligner proposes, positions from 0: the numbers only one side gives, and a
    boundary (Chinese, English sentences before it) of a pairing that costs nearly as little."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    zh_only: tuple = ()
    en_only: tuple = ()
    rival: tuple[int, int] | None = None
    note: str = ""

    def unsure(self, zh_offset: int = 0, en_offset: int = 0) -> str:
        """Why the pair needs a person's review ("" if it does not), positions from 1."""
        reasons = [self.note] if self.note else []
        if self.zh_only or self.en_only:
            shown = [", ".join(f"{v:,}" for v in values) or "none" for values in (self.zh_only, self.en_only)]
            reasons.append(f"numbers differ (Chinese only: {shown[0]}; English only: {shown[1]})")
        if self.rival is not None:
            i, j = self.rival
            reasons.append(f"a boundary after Chinese sentence {i + zh_offset} and English sentence {j + en_offset} costs nearly as little")
        return "; ".join(reasons)


def numbers_of(text: str, lang: str) -> Counter:
    if lang == "zh":
        return Counter(n.value for n in chinese_numbers(remove_restorations_keep_content(text)))
    return Counter(n.value for n in english_numbers(text))


def number_disagreement(zh: Sequence[str], en: Sequence[str]) -> tuple[list, list]:
    """(Chinese values the English does not give, English values the Chinese does not)."""
    a = sum((numbers_of(s, "zh") for s in zh), Counter())
    b = sum((numbers_of(s, "en") for s in en), Counter())
    return sorted((a - b).elements()), sorted((b - a).elements())


def _length_cost(zh_length: int, en_length: int, ratio: float) -> float:
    expected = max(zh_length, 1)
    delta = (en_length / ratio - zh_length) / math.sqrt(VARIANCE * expected)
    tail = max(2 * (1 - NORMAL.cdf(abs(delta))), 1e-12)
    return -math.log(tail)


def align(zh: Sequence[str], en: Sequence[str], ratio: float | None = None) -> list[Proposal]:
    """The cheapest pairing of all of `zh` with all of `en`, in order. `ratio`: English
    characters per Chinese character (by default, this stretch's own)."""
    n, m = len(zh), len(en)
    if not n or not m:
        raise ValueError("both languages need at least one sentence to pair")
    zh_len, en_len = [len(s) for s in zh], [len(s) for s in en]
    ratio = ratio or (sum(en_len) / max(sum(zh_len), 1))
    zh_num, en_num = [numbers_of(s, "zh") for s in zh], [numbers_of(s, "en") for s in en]
    # Only a number both languages give somewhere in the stretch says where a sentence goes
    # (an English "20th" for 二十大 has no Chinese figure to meet).
    shared = set(sum(zh_num, Counter())) & set(sum(en_num, Counter()))
    zh_num = [Counter({v: c for v, c in counts.items() if v in shared}) for counts in zh_num]
    en_num = [Counter({v: c for v, c in counts.items() if v in shared}) for counts in en_num]

    def cost(i: int, j: int, di: int, dj: int) -> float:
        a = sum(zh_num[i : i + di], Counter())
        b = sum(en_num[j : j + dj], Counter())
        numbers = NUMBER_COST * (sum((a - b).values()) + 0.5 * sum((b - a).values()))
        return SHAPES[(di, dj)] + _length_cost(sum(zh_len[i : i + di]), sum(en_len[j : j + dj]), ratio) + numbers

    inf = math.inf
    # forward[i][j]: the cheapest pairing of zh[:i] with en[:j]; back: the shape that got there.
    forward = [[inf] * (m + 1) for _ in range(n + 1)]
    back: dict[tuple[int, int], tuple[int, int]] = {}
    forward[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for di, dj in SHAPES:
                if i >= di and j >= dj and forward[i - di][j - dj] < inf:
                    total = forward[i - di][j - dj] + cost(i - di, j - dj, di, dj)
                    if total < forward[i][j]:
                        forward[i][j], back[(i, j)] = total, (di, dj)
    # backward[i][j]: the cheapest pairing of zh[i:] with en[j:].
    backward = [[inf] * (m + 1) for _ in range(n + 1)]
    backward[n][m] = 0.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            for di, dj in SHAPES:
                if i + di <= n and j + dj <= m and backward[i + di][j + dj] < inf:
                    backward[i][j] = min(backward[i][j], cost(i, j, di, dj) + backward[i + di][j + dj])
    best = forward[n][m]
    if best == inf:
        raise ValueError(f"{n} Chinese and {m} English sentences cannot be paired in the shapes of SHAPES")
    path, point = [], (n, m)
    while point != (0, 0):
        di, dj = back[point]
        start = (point[0] - di, point[1] - dj)
        path.append((start, point))
        point = start
    path.reverse()
    on_path = {start for start, _ in path} | {(n, m)}
    # A point off the chosen path through which a pairing costs nearly as little: the pairs
    # of the chosen path whose stretch holds that point are unsure.
    close = [(i, j) for i in range(n + 1) for j in range(m + 1) if (i, j) not in on_path and forward[i][j] + backward[i][j] < best + MARGIN]
    proposals = []
    for (i0, j0), (i1, j1) in path:
        a, b = sum(zh_num[i0:i1], Counter()), sum(en_num[j0:j1], Counter())
        missing, extra = sorted((a - b).elements()), sorted((b - a).elements())
        rival = next(((i, j) for i, j in close if (i0 <= i <= i1 and j0 <= j <= j1) or i0 < i < i1 or j0 < j < j1), None)
        proposals.append(Proposal(tuple(range(i0, i1)), tuple(range(j0, j1)), tuple(missing), tuple(extra), rival))
    return proposals


def realign(old: BlockAlignment | None, zh: Sequence[str], en: Sequence[str]) -> list[Pair]:
    """The pairs of a block's current sentences: the pairs of `old` (its alignment as
    recorded) whose sentences are all unchanged are kept, with their review; the stretches
    between them (changed, added or never aligned sentences) are aligned afresh."""
    zh_marks, en_marks = [fingerprint(s) for s in zh], [fingerprint(s) for s in en]
    kept: list[tuple[tuple[int, ...], tuple[int, ...], Pair]] = []  # positions from 0
    if old is not None:
        zh_moved, en_moved = _moved(old.zh, zh_marks), _moved(old.en, en_marks)
        for pair in old.pairs:
            a = [zh_moved.get(k - 1) for k in pair.zh]
            b = [en_moved.get(k - 1) for k in pair.en]
            if None in a or None in b or not (_runs(a) and _runs(b)):
                continue
            if kept and (a[0] <= kept[-1][0][-1] or b[0] <= kept[-1][1][-1]):
                continue
            kept.append((tuple(a), tuple(b), pair))
    ratio = sum(map(len, en)) / max(sum(map(len, zh)), 1)
    while True:
        stretches = _stretches(kept, len(zh), len(en))
        lopsided = next((n for n, (i0, i1, j0, j1) in enumerate(stretches) if (i1 == i0) != (j1 == j0)), None)
        if lopsided is None or not kept:
            break  # (without a kept pair: a block with sentences on one side only, named by the check)
        # Sentences on one side only cannot be paired alone: free the kept pair beside them.
        del kept[lopsided - 1 if lopsided > 0 else 0]
    pairs: list[Pair] = []
    for n, (i0, i1, j0, j1) in enumerate(stretches):
        if i1 > i0:
            for proposal in _align_or_group(zh[i0:i1], en[j0:j1], ratio):
                zh_at = tuple(i0 + i + 1 for i in proposal.zh)
                en_at = tuple(j0 + j + 1 for j in proposal.en)
                pairs.append(Pair(zh_at, en_at, proposal.unsure(i0, j0)))
        if n < len(kept):
            a, b, pair = kept[n]
            pairs.append(Pair(tuple(i + 1 for i in a), tuple(j + 1 for j in b), pair.unsure, pair.reviewed))
    return pairs


def _align_or_group(zh: Sequence[str], en: Sequence[str], ratio: float) -> list[Proposal]:
    try:
        return align(zh, en, ratio)
    except ValueError:  # more sentences on one side than the shapes can pair
        note = "more sentences on one side than the aligner pairs (one to five at most): one pair for all"
        return [Proposal(tuple(range(len(zh))), tuple(range(len(en))), note=note)]


def _moved(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    """Old position → new position of each sentence whose text is unchanged (from 0)."""
    moved = {}
    for block in SequenceMatcher(None, list(old), list(new), autojunk=False).get_matching_blocks():
        for k in range(block.size):
            moved[block.a + k] = block.b + k
    return moved


def _runs(positions: list) -> bool:
    return positions == list(range(positions[0], positions[0] + len(positions)))


def _stretches(kept: list, n: int, m: int) -> list[tuple[int, int, int, int]]:
    """The stretches before each kept pair and after the last: (zh from, to, en from, to)."""
    out, i, j = [], 0, 0
    for a, b, _ in kept:
        out.append((i, a[0], j, b[0]))
        i, j = a[-1] + 1, b[-1] + 1
    out.append((i, n, j, m))
    return out
