"""Applying and composing span repairs.

A repair list is sorted, non-overlapping ``(start, end, fixed, lost)``
tuples over one string. :func:`compose` turns "r1 repairs x into y, r2
repairs y into z" into one list that repairs x into z, so later passes can
work on already repaired text while every repair keeps offsets into the
original input.
"""

from __future__ import annotations

Candidate = tuple[int, int, str, bool]


def apply(text: str, repairs: list[Candidate]) -> str:
    parts: list[str] = []
    pos = 0
    for start, end, fixed, _ in repairs:
        parts.append(text[pos:start])
        parts.append(fixed)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _disjoint(r1: list[Candidate], r2: list[Candidate]) -> list[Candidate] | None:
    """The common case: no repair of ``r2`` touches text written by ``r1``;
    then ``r2`` only needs shifting. None when they interact."""
    shifted: list[Candidate] = []
    i = 0
    n = len(r1)
    d = 0  # y offset minus x offset after r1[:i]
    for a, b, fixed, lost in r2:
        while i < n:
            xs, xe, f1, _ = r1[i]
            ys = xs + d
            ye = ys + len(f1)
            if ye < a or (ye == a and ys < ye):
                d += len(f1) - (xe - xs)
                i += 1
                continue
            if ys < b:
                return None  # overlaps, or a deletion next to / inside the span
            break
        shifted.append((a - d, b - d, fixed, lost))
    merged = r1 + shifted
    merged.sort()
    return merged


def compose(
    x: str, r1: list[Candidate], r2: list[Candidate], y: str | None = None
) -> list[Candidate]:
    """Repairs of ``x`` equivalent to applying ``r1`` and then ``r2``
    (``y``, if given, is ``apply(x, r1)``)."""
    if not r2:
        return r1
    if not r1:
        return r2
    quick = _disjoint(r1, r2)
    if quick is not None:
        return quick
    if y is None:
        y = apply(x, r1)
    # r1 as (y_start, y_end, x_start, x_end, lost)
    segs: list[tuple[int, int, int, int, bool]] = []
    delta = 0
    for xs, xe, fixed, lost in r1:
        ys = xs + delta
        segs.append((ys, ys + len(fixed), xs, xe, lost))
        delta += len(fixed) - (xe - xs)

    absorbed = [False] * len(segs)
    intervals: list[tuple[int, int, bool]] = []
    i = 0
    d = 0  # total delta of segs[:i]
    n = len(segs)
    for a, b, _, lost in r2:
        while i < n and segs[i][1] <= a and not (segs[i][0] < a < segs[i][1]):
            ys, ye, xs, xe, _ = segs[i]
            d += (ye - ys) - (xe - xs)
            i += 1
        xa = a - d
        xb = -1
        flag = lost
        j = i
        dj = d
        while j < n and segs[j][0] < b:
            ys, ye, xs, xe, sl = segs[j]
            absorbed[j] = True
            xa = min(xa, xs)
            flag = flag or sl
            dj += (ye - ys) - (xe - xs)
            if ye >= b:
                xb = xe
            j += 1
        if xb < 0:
            xb = b - dj
        intervals.append((xa, xb, flag))
        i = j
        d = dj
    for k, (_, _, xs, xe, sl) in enumerate(segs):
        if not absorbed[k]:
            intervals.append((xs, xe, sl))
    intervals.sort()
    merged: list[list[int | bool]] = []
    for xs, xe, flag in intervals:
        if merged and xs < int(merged[-1][1]):
            last = merged[-1]
            last[1] = max(int(last[1]), xe)
            last[2] = bool(last[2]) or flag
        else:
            merged.append([xs, xe, flag])

    # the text each merged interval becomes: its y slice with r2 applied
    out: list[Candidate] = []
    k1 = 0
    d1 = 0  # delta of r1 repairs ending at or before the current x position
    k2 = 0
    for item in merged:
        xs, xe, flag = int(item[0]), int(item[1]), bool(item[2])
        while k1 < n and segs[k1][3] <= xs and segs[k1][2] < xs:
            ys, ye, sxs, sxe, _ = segs[k1]
            d1 += (ye - ys) - (sxe - sxs)
            k1 += 1
        ya = xs + d1
        while k1 < n and segs[k1][2] < xe:
            ys, ye, sxs, sxe, _ = segs[k1]
            d1 += (ye - ys) - (sxe - sxs)
            k1 += 1
        yb = xe + d1
        while k2 < len(r2) and r2[k2][1] <= ya and r2[k2][0] < ya:
            k2 += 1
        parts: list[str] = []
        pos = ya
        while k2 < len(r2) and r2[k2][0] < yb:
            a, b, fixed, _ = r2[k2]
            parts.append(y[pos:a])
            parts.append(fixed)
            pos = b
            k2 += 1
        parts.append(y[pos:yb])
        fixed_text = "".join(parts)
        if fixed_text != x[xs:xe]:
            out.append((xs, xe, fixed_text, flag))
    return out
