"""Detector ``personal-data``: another person's data written out in a reply.

One rule kind, three checks (the rule's ``check`` parameter), each built from
the same parts found once per draft on the original text (capitals matter
for names), then validated:

``address``
    A home address: a street with a house number and a flat ("ул. Садовая 14,
    кв. 7", "14 Elm Street, apt 3"), or a street with a house number, or a
    flat, next to a person's full name ("Иванова Мария из Казани, ул. Ленина 5"), or a
    full name with the street the person lives on, no number ("Гульнара Сафина с улицы
    Декабристов", "Aigul Nabieva on Bauman Street"). Not the
    address of a pickup point, of Ozon's or the seller's warehouse, office or
    service centre, nor the seller's legal address (INN, OGRN, "юридический
    адрес"): those words in the clause before the street clear it.
``partial-phone``
    Part of someone's phone number ("телефон, заканчивающийся на 12 34",
    "phone ending in 1234", "с телефоном на ...47 12") with where that person
    lives, a street or a town.
    An order, posting or card number "ending in …" is not a phone.
``name-pickup``
    A person's full name (a first name with a surname) next to a pickup
    point: the buyer's identity and where they collect, in a public answer.
    A first name alone, or with a patronymic (a polite greeting), is not;
    nor is the seller's signature ("С уважением, Анна Смирнова").

Every part is a plain pattern with possessive runs, matched once: the cost is
linear in the text (the combination step is a merge of sorted spans).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Dict, FrozenSet, Iterable, List, Optional

from ..lazyre import lazy, lazy_re
from ..rulepack import RulePackError, RuleSpec, _string_list
from .base import Draft, Matcher, Span
from .params import Param
from .phone import plain_without_digit

CHECKS = ("address", "partial-phone", "name-pickup")

# How far apart (characters) the parts of one disclosure may stand.
WINDOW = 160

# Two or three capitalised words in a row: a name candidate (validated below).
# Two to four capitalised words: a greeting or title may stand first ("Уважаемый
# Кирилл Андреевич Соловьёв", "Dear John Miller"); full_names trims it.
_NAME_RUN = lazy(r"(?<![\p{L}\-])\p{Lu}\p{Ll}++(?:[ \t]++\p{Lu}\p{Ll}++){1,3}+(?![\p{L}])")
# Russian surnames and patronymics by their endings, in any case.
_SURNAME = lazy(
    r"(?i)\p{L}{2,}(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ову|еву|ину|ыну|овой|евой|иной|ыной|овым|евым|иным|"
    r"ым|ский|цкий|ская|цкая|ского|цкого|ской|цкой|скому|енко|ук|юк|ян|швили|дзе|ович|евич|ич|овна|евна|ична|"
    r"овича|евича|овны|евны|ичны|овичу|евичу|овне|евне)")
_PATRONYMIC = lazy(r"(?i)\p{L}{2,}(?:ович|евич|ич|овна|евна|ична|инична)\p{L}{0,3}")
# Latin surnames: any capitalised word after an English first name.
_LATIN_WORD = lazy(r"[A-Z][a-z]+")
_QUOTES = "«\"“„'"
_RU_ENDINGS = ("ой", "ей", "ом", "ем", "а", "я", "у", "ю", "е", "и", "ы")

# A street with a house number: Russian (a street word, a name, "д."/"дом", a
# number) or English (a number, a name, "Street"/"St."/…).
_STREET = lazy(
    r"(?<![\p{L}])(?i:ул\.|улиц[аеуы]|пр-т|просп\.|проспект[аеу]?|пер\.|переул(?:ок|ке|ка)|шоссе|"
    r"бульвар[аеу]?|б-р|наб\.|набережн\p{L}*+|мкр\.?|микрорайон[аеу]?)[ \t]*+"
    r"(?:\p{L}[\p{L}\-]*+[ \t]?){1,2}+,?[ \t]*+(?i:д\.|дом)?[ \t]*+\d{1,4}+[а-я]?(?![\p{N}])"
    r"|(?<![\p{L}\p{N}])\d{1,5}+[ \t]++\p{Lu}\p{Ll}++(?:[ \t]\p{Lu}\p{Ll}++)?[ \t]++"
    r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Drive|Boulevard|Blvd\.?)(?![\p{L}])"
    r"|(?<![\p{L}])\p{Lu}\p{Ll}++[ \t]++(?i:st\.?|street|ave\.?|avenue|road|rd\.?|highway|lane|prospekt|boulevard)"
    r"[ \t]*+\d{1,4}+(?![\p{N}])"
    # the street's name before its word, as Russian has it ("Южного переулка, 9", "на Ленинградском шоссе, 58")
    r"|(?<![\p{L}])\p{Lu}[а-яё]{2,20}?(?:ая|ой|ий|ый|ого|ом|ому|ее|ая)[ \t]++(?i:улиц\p{L}*+|переул\p{L}*+|"
    r"проспект\p{L}*+|шоссе|бульвар\p{L}*+|проезд\p{L}*+|набережн\p{L}*+),?[ \t]*+(?i:д\.|дом)?[ \t]*+\d{1,4}+[а-я]?"
    r"(?![\p{N}])")
# A street named without a number ("с улицы Чистопольской", "on Bauman Street"):
# a home only beside a person's full name (see _names_on_streets).
_NAMED_STREET = lazy(
    r"(?<![\p{L}])(?i:с|со|на|по|з|зі)[ \t]++(?i:ул\.|улиц\p{L}*+|вулиц\p{L}*+|проспект\p{L}*+|переулк\p{L}*+|"
    r"бульвар\p{L}*+)[ \t]*+\p{Lu}\p{Ll}++"
    r"|(?<![\p{L}])(?i:on|from|off)[ \t]++\p{Lu}\p{Ll}++[ \t]++(?:Street|St\.|Avenue|Ave\.|Road|Lane|Boulevard)"
    r"(?![\p{L}])"
    # ... or by the house alone ("Ольга Петровна Сомова из дома 16 по той же улице")
    r"|(?<![\p{L}])(?i:из|в|с)[ \t]++(?i:дома|доме)[ \t]*+№?[ \t]*+\d{1,4}+(?![\p{N}])")
# A street by its name alone with a house number ("Октябрьская, 17", "на Школьной, 8"): an address
# only beside a person's full name (a shop's "Тверская, 1" is signed as the shop's, see _BUSINESS).
_BARE_STREET = lazy(
    r"(?<![\p{L}])\p{Lu}[а-яё]{2,20}?(?:ая|ой|ий|ый|ей|ого|ому)(?i:[ \t]+улиц\p{L}*+)?,?[ \t]*+(?i:д\.|дом)?[ \t]*+"
    r"\d{1,4}+[а-я]?(?![\p{N}.,]\d)")
# What such a street ends with, looked for first with plain ``re`` (most drafts have none).
# (a capital letter opens it: one character class, which ``re`` scans for quickly, and rarer than a vowel)
_BARE_STREET_HINT = lazy_re(r"[А-ЯЁ][а-яё]{2,20}(?:ая|ой|ий|ый|ей|ого|ому),?[ \t]*(?:д\.[ \t]*)?\d")
# How far a name and a street without a number may stand apart: one phrase.
_NAME_STREET_GAP = 40
# A flat after a house number: what makes an address a home.
_FLAT = lazy(r"(?<![\p{L}])(?i:кв\.?|квартира|apt\.?|apartment|flat)[ \t]*+№?[ \t]*+\d{1,4}+(?![\p{N}])")
# A house number and a flat without a street word: "Садовая, 14, кв. 7".
_HOUSE_FLAT = lazy(
    r"(?<![\p{L}])\p{L}{3,}+[\p{L}\-]*+,?[ \t]++\d{1,4}+[а-я]?,[ \t]*+(?i:кв\.?|квартира|apt\.?)[ \t]*+\d{1,4}+"
    r"(?![\p{N}])")
# Where someone lives: "живёт на Профсоюзной", "из Казани", "lives in Leeds".
_RESIDENCE = lazy(
    r"(?<![\p{L}])(?i:живёт|живет|проживает|живут|lives|living)[ \t]++(?:\p{L}++[ \t]++){0,3}(?i:на|в|во|in|on|at)"
    r"[ \t]++\p{L}++|(?<![\p{L}])(?i:из|from)[ \t]++\p{Lu}\p{Ll}++|(?<![\p{L}])г\.[ \t]*+\p{Lu}\p{Ll}++"
    r"|(?<![\p{L}])(?i:с|со|на|з|зі)[ \t]++(?i:улиц\p{L}*+|вулиц\p{L}*+|проспект\p{L}*+)[ \t]++\p{Lu}\p{Ll}++"
    # a street by its name alone ("на Садовой"), an English street or town ("on Lenin Street", "in Tomsk")
    r"|(?<![\p{L}])на[ \t]++\p{Lu}[а-яё]{2,20}?(?:ой|ей)(?![\p{L}])"
    # ... or by a person's name with a house number ("на Колпакова, 12", "на Ленина 5")
    r"|(?<![\p{L}])на[ \t]++\p{Lu}[а-яё]{2,20}?(?:ова|ева|ёва|ина|ына)[ \t]*+,?[ \t]*+\d{1,4}+[а-я]?(?![\p{N}])"
    r"|(?<![\p{L}])(?:on|in)[ \t]++\p{Lu}\p{Ll}++(?:[ \t]++(?i:street|st\.?|avenue|road))?(?![\p{L}])"
    # "张伟住在北京朝阳区": lives in
    r"|住在\p{Han}{2,}+")
# Part of a phone number.
_PARTIAL_PHONE = lazy(
    r"(?<![\p{L}])(?i:телефон\p{L}*+|номер\p{L}*+|phone|number|mobile)[^\p{N}.!?\n]{0,40}?"
    r"(?i:заканчива\p{L}*+|оканчива\p{L}*+|кончает\p{L}*+|закінчу\p{L}*+|ending|ends"
    r"|последние[ \t]+(?:цифры|четыре|две)|last[ \t]+(?:four|two|digits))"
    r"[^\p{N}.!?\n]{0,12}?\d{2}+(?:[ \t\-]?\d{2}+)?(?![\p{N}])"
    r"|(?<![\p{L}])(?i:по[ \t]+номеру[ \t]+на)[ \t]+\d{2}+[ \t\-]\d{2}+(?![\p{N}\-])"
    # "номер телефона на 18-43", "с телефоном на 45 67"
    r"|(?<![\p{L}])(?i:телефон\p{L}*+|номер\p{L}*+[ \t]++телефона)[ \t]++(?i:на)[ \t]++"
    r"\d{2}+[ \t\-–]\d{2}+(?![\p{N}\-])"
    # "с телефоном на ...47 12": the hidden digits written out as dots
    r"|(?<![\p{L}])(?i:телефон\p{L}*+|номер\p{L}*+|phone|number)[ \t]++(?i:на|ending|in)?[ \t]*+(?:\.{2,}+|…)[ \t\-–]*+"
    r"\d{2}+(?:[ \t\-]?\d{2}+)?(?![\p{N}])"
    # a phone with its middle masked: "+7 916 ***-**-52", "8 (903) •••-••-17"
    r"|(?<![\p{N}])\+?[78][ \t\-]?\(?\d{3}+\)?[ \t\-]?(?:[*•]{3}+[ \t\-]?[*•]{2}+|[*•]{5}+)[ \t\-]?\d{2}+"
    r"(?![\p{N}])"
    # ... and a Chinese mobile's: "138****5521"
    r"|(?<![\p{N}])1[3-9]\d[ \t\-]?[*•]{4}+[ \t\-]?\d{4}+(?![\p{N}])")
# Numbers that are not a phone's: "номер заказа заканчивается на 12 34".
_NOT_PHONE_NUMBER = lazy(r"(?i)заказ|отправлени|посылк|трек|карт|order|parcel|track|card|posting|артикул")
_NOT_PHONE_BEFORE = lazy(r"(?i)(?:заказ|отправлени|трек|карт|order|parcel|track|card|posting|артикул)\p{L}*+"
                         r"[\s,]*+(?:\p{L}++[\s,]++)?\Z")
_PICKUP = lazy(r"(?<![\p{L}])(?i:пвз|пункт\p{L}*+[ \t]+(?:выдачи|ozon|озон|на[ \t]+)|постамат\p{L}*+"
               r"|pick-?up[ \t]+point|parcel[ \t]+locker|ozon[ \t]+(?:pick-?up[ \t]+)?point"
               r"|(?:the|this|that)[ \t]+point[ \t]+(?:at|on)[ \t])")
# Words that make an address a place of business: a pickup point, a warehouse,
# an office, the seller's legal address.
_BUSINESS = lazy(
    r"(?<![\p{L}])(?i:пвз|пункт\p{L}*+[ \t]+(?:выдачи|на[ \t])|(?:the|this|that)[ \t]+point[ \t]+(?:at|on)[ \t]"
    r"|постамат|склад|сортировочн|ozon|озон|сервисн|"
    r"мастерск|офис|магазин|шоурум|юридическ|реквизит|инн|огрн|кпп|наш\p{L}*+[ \t]++адрес|pick-?up|warehouse|"
    r"office|store|service|showroom|our[ \t]++address|registered|company|llc|ltd|ооо|"
    # sent to the seller: "mail it straight to us at NorthWear, 12 Zavodskaya St", "нам на адрес"
    r"(?:to[ \t]++)?us[ \t]++at|нам[ \t]++(?:на[ \t]++)?адрес|к[ \t]++нам[ \t]++на)\p{L}*+")
# A signature: the seller's own name, not someone's data ("С уважением,
# Анна Смирнова", "Иван Петров, менеджер магазина").
_SIGNATURE_BEFORE = lazy(
    # (not a reply's heading: "Ответ продавца: Екатерина Андреевна Лыкова, …" addresses the buyer)
    r"(?i:с[ \t]+уважением|уважением|менеджер\p{L}*+|специалист\p{L}*+|(?<!ответ[ \t]{1,2})продав\p{L}*+|"
    r"поддержк\p{L}*+|regards|sincerely|manager|team|команда|консультант\p{L}*+)[\s,:\-—–]*+\Z")
_SIGNATURE_AFTER = lazy(
    r"[ \t]*+[,(—–\-]?[ \t]*+(?i:менеджер|специалист|консультант|продав|отдел|служб|магазин|поддержк|"
    r"manager|support|seller|shop|store|team)")
# Words without which a check cannot match (words-view tokens: case-folded).
_ADDRESS_WORDS = frozenset("""
    ул улица улице улицу улицы пр т просп проспект проспекте пер переулок переулке переулка переулку шоссе бульвар
    бульваре бульвара проезд проезде проезда б р наб набережная набережной мкр микрорайон микрорайоне кв квартира
    квартире дома доме street st avenue ave road rd lane drive boulevard blvd highway prospekt apt apartment flat
""".split())
_NUMBER_WORDS = frozenset("""
    телефон телефона телефоном телефону номер номера номером номеру phone number mobile
""".split())
_PHONE_ON_WORDS = frozenset(("телефона", "телефоном"))  # "номер телефона на 18-43", "с телефоном на 45 67"
_ENDING_PREFIXES = ("заканчива", "оканчива", "кончает", "закінчу", "ending", "ends", "последни", "last")
_PICKUP_WORDS = frozenset("пвз пункт пункте пункта постамат постамате постамата pickup pick parcel point".split())
_HAS_DIGIT = lazy(r"[0-9]")
# The masked middle of a phone (see _PARTIAL_PHONE), needing no number word before it.
_MASK = lazy_re(r"\d[ \t\-)]?[*•]{2}")


def _masked(text: str) -> bool:
    """Whether ``text`` may hold a masked phone (see _MASK): its marks looked for first (C-level
    substring tests), the pattern only where one stands (most drafts have none)."""
    return ("*" in text or "•" in text) and _MASK.search(text) is not None
_CLAUSE_BEFORE = 80  # characters before an address searched for business words
_CLAUSE_AFTER = 40  # and after a street named without a number ("… на улице Ленина открыли шоурум")


class PersonalDataMatcher(Matcher):
    PARAMS = (Param("check", "choice", None, "Which disclosure to look for.", choices=CHECKS),
              Param("names", "texts", [], "Vocabularies of first names (for name-pickup)."))

    def __init__(self, spec: RuleSpec, vocabularies: Dict[str, List[str]]) -> None:
        check = spec.params.get("check")
        if check not in CHECKS:
            raise RulePackError(spec.path, spec.line_of("check"),
                                f"rule {spec.id}: 'check' must be one of {', '.join(CHECKS)}")
        self.check = check
        names: List[str] = []
        for name in _string_list(spec.params.get("names", []), spec.path, spec.line_of("names"), "names"):
            if name not in vocabularies:
                raise RulePackError(spec.path, spec.line_of("names"), f"rule {spec.id}: unknown vocabulary {name!r}")
            names.extend(vocabularies[name])
        if check == "name-pickup" and not names:
            raise RulePackError(spec.path, spec.line_of("names"),
                                f"rule {spec.id}: check {check!r} needs 'names' (a vocabulary of first names)")
        self.first_names: FrozenSet[str] = frozenset(_stem(n) for n in names)

    # ------------------------------------------------------------ parts

    def _is_first_name(self, word: str) -> bool:
        return _stem(word) in self.first_names

    def full_names(self, text: str) -> List[Span]:
        """Spans of full names: a known first name with a surname (Cyrillic, by
        its ending; a patronymic may stand beside it), or with any capitalised
        word (Latin)."""
        found = []
        for m in _NAME_RUN.finditer(text):
            if m.start() and text[m.start() - 1] in _QUOTES:
                continue  # a product's name: «Анна Каренина»
            start = m.start()
            words = m.group().split()
            while len(words) > 2 and not (self._is_first_name(words[0]) or _SURNAME.fullmatch(words[0])):
                start = text.index(words[1], start + len(words[0]))  # a greeting or title before the name
                words = words[1:]
            if _SIGNATURE_BEFORE.search(text, max(0, start - 40), start) or _SIGNATURE_AFTER.match(
                    text, m.end(), m.end() + 40):
                continue  # the seller's own signature
            first = [i for i, w in enumerate(words) if self._is_first_name(w)]
            if not first:
                continue
            others = [w for i, w in enumerate(words) if i != first[0]]
            if words[first[0]].isascii():  # "John Miller": the first name first ("Hi Anna" is a greeting)
                ok = first[0] == 0 and all(_LATIN_WORD.fullmatch(w) for w in others)
            else:  # a surname, not only a patronymic: "Ольга Петровна" is a polite greeting
                ok = any(_SURNAME.fullmatch(w) and not _PATRONYMIC.fullmatch(w) for w in others)
            if ok:
                found.append((start, m.end()))
        return found

    # ------------------------------------------------------------ checks

    def find(self, draft: Draft) -> List[Span]:
        # the words each check needs (a set lookup on the draft's words) come
        # first: most drafts have none, and the patterns are not run at all
        tokens = draft.tokens
        text = draft.text
        if self.check == "address":
            if tokens.isdisjoint(_ADDRESS_WORDS):  # (a street's house number needs a digit)
                return self._names_on_bare_streets(text) if self.first_names and not plain_without_digit(draft) else []
            found = self._addresses(text) if _HAS_DIGIT.search(text) else []
            return found + self._names_on_streets(text) if self.first_names else found
        if self.check == "partial-phone":
            if not _masked(text) and (tokens.isdisjoint(_NUMBER_WORDS) or not (
                    "номеру" in tokens or any(t.startswith(_ENDING_PREFIXES) for t in tokens)
                    or ".." in text or "…" in text or "на" in tokens and not tokens.isdisjoint(_PHONE_ON_WORDS))):
                return []
            return self._partial_phones(text)
        if tokens.isdisjoint(_PICKUP_WORDS):
            return []
        return self._names_at_pickup(text)

    def _addresses(self, text: str) -> List[Span]:
        """Homes: a street, a house and a flat; a house and a flat; an English
        street address; a street and a house next to a person's full name."""
        candidates = [m.span() for m in _STREET.finditer(text)]
        homes = [m.span() for m in _HOUSE_FLAT.finditer(text)]
        candidates = [s for s in candidates if not _business_before(text, s[0])]
        homes = [s for s in homes if not _business_before(text, s[0])]
        flats = _Spans(m.span() for m in _FLAT.finditer(text) if not _business_before(text, m.start()))
        if not candidates and not flats.spans:
            return homes
        names = _Spans(self.full_names(text)) if self.first_names else _Spans(())
        if not candidates:  # "Vera Orlova on Lesnaya street, flat 12": a person's name and her flat
            return homes + [(min(s, n[0]), max(e, n[1])) for s, e in flats.spans
                            for n in (names.near(s, e),) if n is not None]
        found = list(homes)
        for start, end in candidates:
            flat = flats.first_after(end, 12)
            if flat is not None:
                found.append((start, flat[1]))
            elif text[start].isdigit():
                found.append((start, end))  # "14 Elm Street": a house number, no pickup point
            else:
                name = names.near(start, end)
                if name is not None:
                    found.append((min(start, name[0]), max(end, name[1])))
        return found

    def _names_on_streets(self, text: str) -> List[Span]:
        """A person's full name with the street they live on, no house number:
        "Альбина Хайруллина с улицы Чистопольской", "Aigul Sharipova on Bauman Street"."""
        streets = [m.span() for m in _NAMED_STREET.finditer(text)
                   if not _business_before(text, m.start())
                   and not _BUSINESS.search(text, m.end(), m.end() + _CLAUSE_AFTER)]
        if not streets:
            return []
        found = []
        names = self.full_names(text)  # in order, not overlapping: their ends are sorted too
        ends = [e for _, e in names]
        for start, end in streets:
            i = bisect_right(ends, start) - 1  # the last name that ends before the street
            if i >= 0 and start - ends[i] <= _NAME_STREET_GAP:
                found.append((names[i][0], end))
            elif i + 1 < len(names) and 0 <= names[i + 1][0] - end <= 5:
                found.append((start, names[i + 1][1]))  # the name right after: "с улицы Лесной — Анна Петрова"
        return found

    def _names_on_bare_streets(self, text: str) -> List[Span]:
        """A person's full name with a street by its name and a house number, no street word:
        "Тамара Ивановна Белова, Октябрьская, 17"."""
        if not _BARE_STREET_HINT.search(text):
            return []
        streets = [m.span() for m in _BARE_STREET.finditer(text) if not _business_before(text, m.start())]
        if not streets:
            return []
        names = _Spans(self.full_names(text))
        found = []
        for s, e in streets:
            n = names.near(s, e)
            # a name far before the street is hers when the words between say she lives there
            # ("Оксана Лебедева, которая … живёт в вашем районе на Комсомольской, 41")
            if n is not None and (abs(n[1] - s) <= _NAME_STREET_GAP
                                  or (n[1] <= s and _RESIDENCE.search(text, n[1], s) is not None)):
                found.append((min(s, n[0]), max(e, n[1])))
        return found

    def _partial_phones(self, text: str) -> List[Span]:
        found = []
        places = None
        for m in _PARTIAL_PHONE.finditer(text):
            if _NOT_PHONE_NUMBER.search(m.group()) or (
                    not m.group().lower().startswith("по") and _NOT_PHONE_BEFORE.search(text, max(0, m.start() - 40),
                                                                                     m.start())):
                continue  # the number of an order, a parcel or a card
            if places is None:
                places = _Spans([p.span() for p in _RESIDENCE.finditer(text)]
                                + [p.span() for p in _STREET.finditer(text)])
            place = places.near(*m.span())
            if place is not None:
                found.append((min(m.start(), place[0]), max(m.end(), place[1])))
        return found

    def _names_at_pickup(self, text: str) -> List[Span]:
        pickups = _Spans(m.span() for m in _PICKUP.finditer(text))
        if not pickups.spans:
            return []
        found = []
        for start, end in self.full_names(text):
            if pickups.near(start, end) is not None:
                found.append((start, end))
        return found


def _stem(word: str) -> str:
    """A first name without its case ending: Мария, Марии -> мари; Иван, Ивану -> иван."""
    word = word.lower().replace("ё", "е")
    for ending in _RU_ENDINGS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[:-len(ending)]
    # a soft sign ends the name only where no case ending follows: Игорь, Игоря -> игор
    return word[:-1] if len(word) > 3 and word.endswith("ь") else word


def _business_before(text: str, start: int) -> bool:
    """Whether the clause before an address names a business place (see _BUSINESS)."""
    return _BUSINESS.search(text, max(0, start - _CLAUSE_BEFORE), start) is not None


class _Spans:
    """Sorted spans, searched by position (a bisection, so checking every
    candidate of a draft stays linear in practice)."""

    __slots__ = ("spans", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]

    def near(self, start: int, end: int) -> Optional[Span]:
        """A span within WINDOW characters of [start, end), other than itself."""
        i = bisect_left(self._starts, start - 2 * WINDOW)
        j = bisect_right(self._starts, end + WINDOW)
        for s, e in self.spans[i:j]:
            if e >= start - WINDOW and (s, e) != (start, end):
                return (s, e)
        return None

    def first_after(self, pos: int, gap: int) -> Optional[Span]:
        """The first span starting within ``gap`` characters after ``pos``."""
        i = bisect_left(self._starts, pos)
        if i < len(self.spans) and self.spans[i][0] - pos <= gap:
            return self.spans[i]
        return None
