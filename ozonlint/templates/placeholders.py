"""Template placeholders: found and masked before matching, so that ``{email}``
or ``{{ shop_phone }}`` is never taken for an e-mail, a phone or a handle."""
from __future__ import annotations

from typing import Iterable, List

from ..lazyre import LazyPattern
from ..safepattern import SafePattern

DEFAULT_SYNTAXES = (
    r"\{\{[^{}\n]{0,100}\}\}",          # {{ var }}  (Jinja, Handlebars)
    r"\{%[^{}\n]{0,100}%\}",            # {% tag %}
    r"\$\{[^{}\n]{1,80}\}",             # ${var}
    r"\{[A-Za-zА-Яа-яЁё_][\w.\-]{0,60}\}",  # {var}
    r"\{\d{1,2}\}",                     # {0}
    r"%\([A-Za-z_]\w*\)[sdif]",         # %(name)s
    r"%[sdif]",                         # %s
    r"\$[A-Za-z_][A-Za-z0-9_]*",        # $var
    r"\[[A-ZА-ЯЁ][A-ZА-ЯЁ_]+(?:[ _][A-ZА-ЯЁ_]+)*\]",  # [ИМЯ], [ORDER_ID]
)


class PlaceholderMasker:
    """Replaces every placeholder with spaces of the same length (offsets unchanged)."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        extra = list(extra)
        sources: List[str] = list(DEFAULT_SYNTAXES) + extra
        self.sources = sources
        self._only_defaults = not extra
        combined = "|".join(f"(?:{s})" for s in sources)
        # the defaults are ours (compiled on first use: a draft checked outside
        # template mode never needs them); a configuration's own patterns are a
        # user's, so they are validated now and every masking runs under the budget
        self._pattern = LazyPattern(combined) if self._only_defaults else SafePattern(combined, owner="placeholders")

    def mask(self, text: str) -> str:
        if self._only_defaults and not any(ch in text for ch in "{$%["):
            return text  # every default syntax starts with one of these
        return self._pattern.sub(lambda m: " " * len(m.group()), text)
