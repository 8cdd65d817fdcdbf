"""Charts as inline SVG (no script, no network): stacked bars, a histogram with a marker line, paired bars."""
from __future__ import annotations

from html import escape
from typing import List, Optional, Sequence, Tuple

PALETTE = ("#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#1f77b4", "#7f7f7f")
FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    step = 1.0
    while step * 10 <= value:
        step *= 10
    for factor in (1, 2, 5, 10):
        if value <= step * factor:
            return step * factor
    return step * 10


def _axis(width: int, left: int, top: int, height: int, top_value: float) -> List[str]:
    parts = []
    for fraction in (0, 0.5, 1):
        y = top + height - fraction * height
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" {FONT}>{top_value * fraction:g}</text>')
    return parts


def stacked_bars(title: str, labels: Sequence[str], series: Sequence[Tuple[str, Sequence[int]]]) -> str:
    """One bar per label, stacked by series (name, a value per label); a legend below."""
    width, left, top, height = 760, 44, 24, 200
    totals = [sum(values[i] for _, values in series) for i in range(len(labels))]
    top_value = _nice_max(max(totals, default=0))
    slot = (width - left - 10) / max(1, len(labels))
    bar = max(2.0, min(40.0, slot * 0.7))
    parts = _axis(width, left, top, height, top_value)
    for i, label in enumerate(labels):
        x = left + i * slot + (slot - bar) / 2
        y = top + height
        for n, (name, values) in enumerate(series):
            h = values[i] / top_value * height
            if h <= 0:
                continue
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                         f'fill="{PALETTE[n % len(PALETTE)]}"><title>{escape(label)}: {escape(name)} '
                         f'{values[i]}</title></rect>')
        if len(labels) <= 16 or i % max(1, len(labels) // 16) == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{top + height + 14}" text-anchor="middle" {FONT}>'
                         f'{escape(label)}</text>')
    legend_y = top + height + 34
    x = left
    for n, (name, _) in enumerate(series):
        if x + 24 + 7 * len(name) > width:
            x, legend_y = left, legend_y + 16
        parts.append(f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{PALETTE[n % len(PALETTE)]}"/>'
                     f'<text x="{x + 14}" y="{legend_y}" {FONT}>{escape(name)}</text>')
        x += 24 + 7 * len(name)
    return _svg(title, width, legend_y + 10, parts)


def histogram(title: str, labels: Sequence[str], counts: Sequence[int], marker_after: Optional[int],
              marker_label: str) -> str:
    """Bars per bucket and a dashed vertical line after bucket ``marker_after`` (the standard)."""
    width, left, top, height = 760, 44, 24, 200
    top_value = _nice_max(max(counts, default=0))
    slot = (width - left - 10) / max(1, len(labels))
    parts = _axis(width, left, top, height, top_value)
    for i, (label, count) in enumerate(zip(labels, counts)):
        x = left + i * slot + slot * 0.1
        h = count / top_value * height
        parts.append(f'<rect x="{x:.1f}" y="{top + height - h:.1f}" width="{slot * 0.8:.1f}" height="{h:.1f}" '
                     f'fill="#1f77b4"><title>{escape(label)}: {count}</title></rect>')
        parts.append(f'<text x="{x + slot * 0.4:.1f}" y="{top + height - h - 3:.1f}" text-anchor="middle" '
                     f'{FONT}>{count}</text>')
        parts.append(f'<text x="{x + slot * 0.4:.1f}" y="{top + height + 14}" text-anchor="middle" {FONT}>'
                     f'{escape(label)}</text>')
    if marker_after is not None:
        x = left + (marker_after + 1) * slot
        parts.append(f'<line class="standard" x1="{x:.1f}" y1="{top - 10}" x2="{x:.1f}" y2="{top + height}" '
                     f'stroke="#d62728" stroke-width="2" stroke-dasharray="6 4"/>'
                     f'<text x="{x + 4:.1f}" y="{top - 2}" fill="#d62728" {FONT}>{escape(marker_label)}</text>')
    return _svg(title, width, top + height + 24, parts)


def paired_bars(title: str, rows: Sequence[Tuple[str, int, int]], names: Tuple[str, str]) -> str:
    """Horizontal bars side by side per row: (label, first value, second value)."""
    row_height, left, width = 34, 170, 760
    top_value = _nice_max(max((max(a, b) for _, a, b in rows), default=0))
    span = width - left - 60
    parts: List[str] = []
    for i, (label, a, b) in enumerate(rows):
        y = 10 + i * row_height
        shown = label if len(label) <= 24 else label[:23] + "…"
        parts.append(f'<text x="{left - 6}" y="{y + 16}" text-anchor="end" {FONT}>{escape(shown)}</text>')
        for n, value in enumerate((a, b)):
            w = value / top_value * span
            parts.append(f'<rect x="{left}" y="{y + n * 13}" width="{w:.1f}" height="12" fill="{PALETTE[7 - 7 * n]}">'
                         f'<title>{escape(label)}: {escape(names[n])} {value}</title></rect>'
                         f'<text x="{left + w + 4:.1f}" y="{y + n * 13 + 10}" {FONT}>{value}</text>')
    legend_y = 20 + len(rows) * row_height
    for n, name in enumerate(names):
        x = left + n * 160
        parts.append(f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{PALETTE[7 - 7 * n]}"/>'
                     f'<text x="{x + 14}" y="{legend_y}" {FONT}>{escape(name)}</text>')
    return _svg(title, width, legend_y + 10, parts)


def _svg(title: str, width: int, height: float, parts: List[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height:.0f}" '
            f'width="100%" style="max-width:{width}px"><title>{escape(title)}</title>{"".join(parts)}</svg>')

