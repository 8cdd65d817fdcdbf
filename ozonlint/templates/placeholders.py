"""Template placeholders: found and masked before matching, so that ``{email}``
or ``{{ order_id }}`` is never taken for an e-mail, a phone or a handle.

A placeholder whose *name* says it holds a contact (``{{ shop_phone }}``,
``{shop_email}``, ``{site_url}``, ``$telegram``) is different: what gets
sent there is an external contact. The masker does not hide it; it marks it
(same length: the first and last characters become CONTACT_OPEN and
CONTACT_CLOSE), so the ``contact-placeholder`` detector reports it in
template mode as in a draft, and the unfilled-placeholder rule no longer
sees a placeholder there.
"""
from __future__ import annotations

from typing import Iterable, List, Tuple

from ..lazyre import LazyPattern, lazy
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

# Words of a placeholder's name that say it holds a way to reach the seller.
CONTACT_WORDS = frozenset("""
    phone phones telephone tel mobile mob cell cellphone whatsapp watsap wa telegram tg tlg viber
    wechat weixin wx vx vk vkontakte insta instagram ig skype max messenger email mail mailbox
    site website web www url uri link links href domain contact contacts
    телефон телефона тел моб мобильный почта почты емейл имейл мейл сайт сайта ссылка ссылку
    контакт контакты вотсап ватсап телеграм тг вк вайбер мессенджер
""".split())
# Words that make it something else: a link to the order, the product or Ozon.
NOT_CONTACT_WORDS = frozenset("""
    ozon озон order orders product products item items track tracking review reviews sku article
    заказ заказа заказы товар товара отзыв отзыва артикул трек
""".split())
_NAME_WORD = lazy(r"[A-ZА-ЯЁ]?[a-zа-яё]+|[A-ZА-ЯЁ]+(?![a-zа-яё])")
CONTACT_OPEN = "\ue000"
CONTACT_CLOSE = "\ue001"


def names_contact(placeholder: str) -> bool:
    """Whether a placeholder's name (its words: ``shop_phone``, ``sellerEmail``,
    ``site-url``) says it holds a contact."""
    if "@" in placeholder:
        return False  # an address written inside the delimiters, not a name
    words = {w.lower() for w in _NAME_WORD.findall(placeholder)}
    return not words.isdisjoint(CONTACT_WORDS) and words.isdisjoint(NOT_CONTACT_WORDS)


_DEFAULT = LazyPattern("|".join(f"(?:{s})" for s in DEFAULT_SYNTAXES))
_MARKED = lazy(CONTACT_OPEN + r"[^" + CONTACT_CLOSE + r"\n]{0,200}" + CONTACT_CLOSE)


def _may_hold_placeholder(text: str) -> bool:
    """Whether ``text`` holds a character every default placeholder syntax starts with
    (four substring tests: a generator over them cost a clean draft about 1 us)."""
    return "{" in text or "$" in text or "%" in text or "[" in text


def contact_placeholders(text: str) -> List[Tuple[int, int]]:
    """Spans of the placeholders in ``text`` that hold a contact: written out
    (a draft) or marked by the masker (a template)."""
    spans = [m.span() for m in _MARKED.finditer(text)] if CONTACT_OPEN in text else []
    if _may_hold_placeholder(text):
        spans.extend(m.span() for m in _DEFAULT.finditer(text) if names_contact(m.group()))
    return sorted(spans)


def _mask(placeholder: str) -> str:
    if len(placeholder) >= 3 and names_contact(placeholder):
        return CONTACT_OPEN + placeholder[1:-1].replace("\n", " ") + CONTACT_CLOSE
    return " " * len(placeholder)


class PlaceholderMasker:
    """Replaces every placeholder with spaces of the same length (offsets
    unchanged), and marks a contact placeholder instead (see the module's doc)."""

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
        if self._only_defaults and not _may_hold_placeholder(text):
            return text  # every default syntax starts with one of these
        return self._pattern.sub(lambda m: _mask(m.group()), text)
