"""QR codes as inline SVG, drawn fast: the same bytes as segno, about ten times quicker.

The site draws one QR code per offer (its printed sheet points to the offer's
page), so at national scale a build draws ~5,000 codes. segno does it in pure
Python with generic loops (which module is data, which is a function pattern,
asked again for every module of every code): 1.65 ms per offer address here,
even with a fixed mask. A web address always takes the same path through the
standard: byte mode, error level M (raised when it fits), a fixed mask. So
each symbol version's layout (the function patterns, format and version
information, where each data bit goes, the mask) is worked out once, with
segno's own functions. A code is then its data codewords, the Reed–Solomon
blocks (a table per generator: one shift and one XOR per codeword), one
``operator.itemgetter`` call that lays the bits out as the matrix, and the SVG
path from the runs of dark modules per row: 0.17 ms, measured on 2,000 offer
addresses.

:func:`svg_inline` returns None for anything outside that path (non-ASCII text,
text that segno would encode numerically or alphanumerically); the caller then
asks segno. ``tests/pages/test_qr.py`` checks the output against segno's, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from itertools import zip_longest
from operator import itemgetter
from xml.sax.saxutils import escape, quoteattr

from segno import consts
from segno import encoder as _segno

ERROR = consts.ERROR_LEVEL_M
_LEVELS = (consts.ERROR_LEVEL_L, consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H)
_REMAINDER = {
    **dict.fromkeys((2, 3, 4, 5, 6), 7),
    **dict.fromkeys((14, 15, 16, 17, 18, 19, 20, 28, 29, 30, 31, 32, 33, 34), 3),
    **dict.fromkeys((21, 22, 23, 24, 25, 26, 27), 4),
}
_MASKS = {0: lambda i, j: (i + j) & 1 == 0}
_RUNS = re.compile(b"\x00*\x01+")


class _SameRow(dict):
    """A run of light then dark modules after another run in the same row → its part of the path, made once."""

    def __missing__(self, run: bytes) -> str:
        dark = len(run.lstrip(b"\x00"))
        self[run] = found = f"m{len(run) - dark} 0h{dark}"
        return found


_SAME_ROW = _SameRow()


def _count_bits(version: int) -> int:
    return consts.CHAR_COUNT_INDICATOR_LENGTH[consts.MODE_BYTE][_segno.version_range(version)]


def _choose(length: int) -> tuple[int, int] | None:
    """segno's choice for byte mode at level M: the smallest version, then the highest level that still fits."""
    for version in range(1, 41):
        needed = 4 + _count_bits(version) + 8 * length
        if consts.SYMBOL_CAPACITY[version][ERROR] >= needed:
            error = ERROR
            for level in _LEVELS[_LEVELS.index(ERROR) + 1 :]:
                if consts.SYMBOL_CAPACITY[version][level] >= needed:
                    error = level
                else:
                    break
            return version, error
    return None


@cache
def _layout(version: int, mask: int) -> tuple[tuple[bytearray, ...], tuple[tuple[int, int], ...], int]:
    """Per version: the matrix with its function patterns, the data modules in filling order, the mask as bits."""
    size = _segno.calc_matrix_size(version)
    template = _segno.make_matrix(size, size)
    _segno.add_finder_patterns(template, size, size)
    _segno.add_alignment_patterns(template, size, size)
    order: list[tuple[int, int]] = []
    for right in range(size - 1, 0, -2):  # ISO/IEC 18004 7.7.3, as segno.encoder.add_codewords walks it
        if right <= 6:
            right -= 1
        for vertical in range(size):
            for z in (0, 1):
                j = right - z
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = (size - 1 - vertical) if upwards else vertical
                if template[i][j] == 0x2:
                    order.append((i, j))
    pattern = _MASKS[mask]
    return template, tuple(order), int("".join("1" if pattern(i, j) else "0" for i, j in order), 2)


def _codewords(data: bytes, version: int, error: int) -> list[int]:
    """The data bit stream as segno builds it (mode, count, data, terminator, padding, pad codewords)."""
    capacity = consts.SYMBOL_CAPACITY[version][error]
    count_bits = _count_bits(version)
    value = (consts.MODE_BYTE << count_bits) | len(data)
    value = (value << 8 * len(data)) | int.from_bytes(data, "big")
    length = 4 + count_bits + 8 * len(data)
    terminator = min(capacity - length, consts.TERMINATOR_LENGTH[None])
    length += terminator
    padding = 8 - (length % 8)  # segno pads a full zero byte when the stream already ends on a boundary
    length += padding
    value <<= terminator + padding
    words = list(value.to_bytes(length // 8, "big"))
    words += [(0xEC, 0x11)[i % 2] for i in range(capacity // 8 - length // 8)]
    return words


@cache
def _feedback(count: int) -> tuple[int, ...]:
    """For each leading coefficient, the generator polynomial of degree ``count`` times it, as one integer of
    ``count`` bytes: a Reed–Solomon block is then one shift and one XOR per data codeword."""
    log, exp = consts.GALIOS_LOG, consts.GALIOS_EXP
    generator = consts.GEN_POLY[count]
    table = [0]
    for coefficient in range(1, 256):
        table.append(int.from_bytes(bytes(exp[log[coefficient] + g] for g in generator), "big"))
    return tuple(table)


def _error_words(block: list[int], count: int) -> bytes:
    """The remainder of the block divided by the generator (ISO 7.5.2), as segno computes it word by word."""
    table = _feedback(count)
    top, full = 8 * (count - 1), (1 << 8 * count) - 1
    register = 0
    for word in block:
        register = ((register << 8) & full) ^ table[word ^ (register >> top)]
    return register.to_bytes(count, "big")


def _message(words: list[int], version: int, error: int) -> tuple[int, int]:
    """Data and error correction codewords, interleaved, with the remainder bits (ISO 7.6): (bits, length)."""
    data_blocks, error_blocks = [], []
    position = 0
    for info in consts.ECC[version][error]:
        count = info.num_total - info.num_data
        for _ in range(info.num_blocks):
            block = words[position : position + info.num_data]
            position += info.num_data
            data_blocks.append(block)
            error_blocks.append(_error_words(block, count))
    codewords = _interleave(data_blocks) + _interleave(error_blocks)
    extra = _REMAINDER.get(version, 0)
    return int.from_bytes(bytes(codewords), "big") << extra, 8 * len(codewords) + extra


def _interleave(blocks: Sequence[Sequence[int]]) -> list[int]:
    return [x for column in zip_longest(*blocks) for x in column if x is not None]


@cache
def _symbol(version: int, error: int, mask: int) -> tuple[int, Callable[[bytes], tuple[int, ...]], int, int]:
    """Per version, level and mask: the size, a getter that lays the message bits out as the finished matrix
    (row by row, each row followed by one light module, so that no run of dark modules spans two rows), the mask
    as bits, and the number of bits. The function patterns, format and version information are fixed here."""
    template, order, mask_bits = _layout(version, mask)
    fixed = [bytearray(row) for row in template]
    _segno.add_format_info(fixed, version, error, mask)
    _segno.add_version_info(fixed, version)
    position = {cell: index for index, cell in enumerate(order)}
    cells = []
    for i, row in enumerate(fixed):  # the source is b"\x00\x01" + one byte (0 or 1) per message bit
        cells += [2 + position[i, j] if value == 0x2 else value for j, value in enumerate(row)]
        cells.append(0)
    return len(template), itemgetter(*cells), mask_bits, len(order)


_BITS = bytes.maketrans(b"01", b"\x00\x01")


def _flat(text: str, mask: int) -> tuple[int, bytes, int, int] | None:
    """The matrix as rows of bytes (1 dark), each followed by a light module; its size, version and level."""
    if not text.isascii() or mask not in _MASKS:
        return None
    data = text.encode("ascii")
    if _segno.find_mode(data) != consts.MODE_BYTE:
        return None
    chosen = _choose(len(data))
    if chosen is None:
        return None
    version, error = chosen
    size, lay_out, mask_bits, length = _symbol(version, error, mask)
    message, message_length = _message(_codewords(data, version, error), version, error)
    if message_length != length:  # pragma: no cover - the standard's capacity tables guarantee equality
        return None
    bits = format(message ^ mask_bits, f"0{length}b").encode("ascii").translate(_BITS)
    return size, bytes(lay_out(b"\x00\x01" + bits)), version, error


def svg_inline(
    text: str, *, css_class: str, title: str, mask: int = 0, border: int = 4, dark: str = "#000", light: str = "#fff"
) -> str | None:
    """What ``segno.make(text, error="m", micro=False, mask=mask).svg_inline(scale=1, border=border, dark=dark,
    light=light, omitsize=True, svgclass=css_class, title=title)`` returns, or None outside the fast path."""
    found = _flat(text, mask)
    if found is None:
        return None
    size, flat, _, _ = found
    path = []
    last_x = last_row = 0
    for row, start in enumerate(range(0, len(flat), size + 1)):
        runs = _RUNS.findall(flat, start, start + size)  # light modules, then dark, as segno.utils.matrix_to_lines
        if not runs:  # finds the runs of dark modules row by row
            continue
        gap, ink = len(runs[0].rstrip(b"\x01")), len(runs[0].lstrip(b"\x00"))
        if path:
            path.append(f"m{border + gap - last_x} {row - last_row}h{ink}")
        else:
            path.append(f"M{border + gap} {border + row + 0.5}h{ink}")
        path.extend(map(_SAME_ROW.__getitem__, runs[1:]))
        last_x, last_row = border + sum(map(len, runs)), row
    size += 2 * border
    lines = f'<path class="qrline" stroke={quoteattr(dark)} d="{"".join(path)}"/>'
    background = f'<path fill={quoteattr(light)} d="M0 0h{size}v{size}h-{size}z"/>'
    paths = "".join(sorted((lines, background), key=len))
    return f'<svg viewBox="0 0 {size} {size}" class={quoteattr(css_class)}><title>{escape(title)}</title>{paths}</svg>'
