"""QR codes as inline SVG, drawn fast: the same bytes as segno, about ten times quicker.

The site draws one QR code per offer (its printed sheet points to the offer's
page), so at national scale a build draws ~5,000 codes. segno does it in pure
Python with generic loops (which module is data, which is a function pattern,
asked again for every module of every code), about 2 ms per code even with a
fixed mask. A web address always takes the same path through the standard:
byte mode, error level M (raised when it fits), a fixed mask. So the layout of
each symbol version (the function patterns, the order in which data modules
are filled, the mask) is worked out once, with segno's own functions, and a
code is then the data codewords, the Reed–Solomon blocks, one pass over the
data modules, and the SVG path.

:func:`svg_inline` returns None for anything outside that path (non-ASCII text,
text that segno would encode numerically or alphanumerically); the caller then
asks segno. ``tests/pages/test_qr.py`` checks the output against segno's, byte for byte.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import zip_longest
from xml.sax.saxutils import escape, quoteattr

from segno import consts
from segno import encoder as _segno

ERROR = consts.ERROR_LEVEL_M
_LEVELS = (consts.ERROR_LEVEL_L, consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H)
_REMAINDER = {**dict.fromkeys((2, 3, 4, 5, 6), 7), **dict.fromkeys((14, 15, 16, 17, 18, 19, 20, 28, 29, 30, 31, 32,
                                                                      33, 34), 3),
              **dict.fromkeys((21, 22, 23, 24, 25, 26, 27), 4)}
_MASKS = {0: lambda i, j: (i + j) & 1 == 0}
_DARK_RUN = re.compile(b"\x01+")


def _count_bits(version: int) -> int:
    return consts.CHAR_COUNT_INDICATOR_LENGTH[consts.MODE_BYTE][_segno.version_range(version)]


def _choose(length: int) -> tuple[int, int] | None:
    """segno's choice for byte mode at level M: the smallest version, then the highest level that still fits."""
    for version in range(1, 41):
        needed = 4 + _count_bits(version) + 8 * length
        if consts.SYMBOL_CAPACITY[version][ERROR] >= needed:
            error = ERROR
            for level in _LEVELS[_LEVELS.index(ERROR) + 1:]:
                if consts.SYMBOL_CAPACITY[version][level] >= needed:
                    error = level
                else:
                    break
            return version, error
    return None


@lru_cache(maxsize=None)
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


def _message(words: list[int], version: int, error: int) -> tuple[int, int]:
    """Data and error correction codewords, interleaved, with the remainder bits (ISO 7.6): (bits, length)."""
    log, exp = consts.GALIOS_LOG, consts.GALIOS_EXP
    data_blocks, error_blocks = [], []
    position = 0
    for info in consts.ECC[version][error]:
        count = info.num_total - info.num_data
        generator = consts.GEN_POLY[count]
        for _ in range(info.num_blocks):
            block = words[position:position + info.num_data]
            position += info.num_data
            data_blocks.append(block)
            remainder = list(block) + [0] * count
            for k in range(len(block)):
                coefficient = remainder[k]
                if coefficient:
                    lc = log[coefficient]
                    for n in range(count):
                        remainder[k + n + 1] ^= exp[lc + generator[n]]
            error_blocks.append(remainder[len(block):])
    codewords = _interleave(data_blocks) + _interleave(error_blocks)
    extra = _REMAINDER.get(version, 0)
    return int.from_bytes(bytes(codewords), "big") << extra, 8 * len(codewords) + extra


def _interleave(blocks: list[list[int]]) -> list[int]:
    return [x for column in zip_longest(*blocks) for x in column if x is not None]


def matrix(text: str, mask: int = 0) -> tuple[tuple[bytearray, ...], int, int] | None:
    """The module matrix (0/1), version and error level segno would make, or None outside the fast path."""
    if not text.isascii() or mask not in _MASKS:
        return None
    data = text.encode("ascii")
    if _segno.find_mode(data) != consts.MODE_BYTE:
        return None
    chosen = _choose(len(data))
    if chosen is None:
        return None
    version, error = chosen
    template, order, mask_bits = _layout(version, mask)
    message, length = _message(_codewords(data, version, error), version, error)
    if length != len(order):  # pragma: no cover - the standard's capacity tables guarantee equality
        return None
    modules = tuple(bytearray(row) for row in template)
    for (i, j), bit in zip(order, format(message ^ mask_bits, f"0{length}b")):
        modules[i][j] = bit == "1"
    _segno.add_format_info(modules, version, error, mask)
    _segno.add_version_info(modules, version)
    return modules, version, error


def svg_inline(text: str, *, css_class: str, title: str, mask: int = 0, border: int = 4, dark: str = "#000",
               light: str = "#fff") -> str | None:
    """What ``segno.make(text, error="m", micro=False, mask=mask).svg_inline(scale=1, border=border, dark=dark,
    light=light, omitsize=True, svgclass=css_class, title=title)`` returns, or None outside the fast path."""
    made = matrix(text, mask)
    if made is None:
        return None
    modules = made[0]
    size = len(modules) + 2 * border
    path = []
    last_x, last_y = 0, 0.0
    y = border - 0.5
    for row in modules:  # runs of dark modules per row, as segno.utils.matrix_to_lines finds them
        y += 1
        for run in _DARK_RUN.finditer(row):
            x1, x2 = border + run.start(), border + run.end()
            dy = y - last_y
            path.append(f"{'m' if path else 'M'}{x1 - last_x} {int(dy) if int(dy) == dy else dy}h{x2 - x1}")
            last_x, last_y = x2, y
    lines = f'<path class="qrline" stroke={quoteattr(dark)} d="{"".join(path)}"/>'
    background = f'<path fill={quoteattr(light)} d="M0 0h{size}v{size}h-{size}z"/>'
    paths = "".join(sorted((lines, background), key=len))
    return (f'<svg viewBox="0 0 {size} {size}" class={quoteattr(css_class)}><title>{escape(title)}</title>'
            f"{paths}</svg>")
