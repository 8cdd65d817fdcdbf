"""The ``classifier`` rule kind: model files, sentence findings, explanations, training."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ozonlint
from ozonlint.matchers import Draft
from ozonlint.matchers.classifier import (
    MESSENGER,
    ClassifierMatcher,
    Settings,
    concept_vocabulary,
    load_model,
    model_files,
    pack,
    score_sentence,
    sentences,
)
from ozonlint.rulepack import RulePackError

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "rules" / "models"
CATEGORIES = ["review-incentive", "extra-payment", "off-platform", "spam", "personal-data", "external-contact"]


def classifier(linter: ozonlint.Linter, category: str) -> ClassifierMatcher:
    return next(r.matcher for r in linter.all_rules if r.spec.kind == "classifier" and r.category == category)


# ------------------------------------------------------------ shipped rules


def test_one_shipped_classifier_rule_per_semantic_category(linter: ozonlint.Linter) -> None:
    found = sorted(r.category for r in linter.all_rules if r.spec.kind == "classifier")
    assert found == sorted(CATEGORIES)


def test_shipped_model_carries_its_training_record() -> None:
    doc = json.loads((MODELS / "semantic.json").read_text(encoding="utf-8"))
    assert doc["categories"] == CATEGORIES
    assert doc["training"]["corpora"] and all("blind" not in c for c in doc["training"]["corpora"])
    assert any("realistic" in c for c in doc["training"]["corpora"])
    for category in CATEGORIES:
        assert doc["training"]["counts"][category]["positive_messages"] > 0
        assert "all" in doc["evaluation"]["categories"][category]  # leave-one-corpus-out scores
        assert 0 < doc["thresholds"][category] < 1


def test_finding_is_the_whole_sentence(linter: ozonlint.Linter) -> None:
    text = ("Здравствуйте, Анна! Спасибо за покупку сумки. Когда будет время, поставьте пять звёзд "
            "и пришлите скриншот отзыва. Мы вернём вам 150 рублей. Хорошего дня!")
    found = [v for v in linter.check(text) if v.rule == "review.classifier"]
    assert found
    sentence_texts = {"Когда будет время, поставьте пять звёзд и пришлите скриншот отзыва.",
                      "Мы вернём вам 150 рублей."}
    for v in found:
        assert v.match == text[v.start:v.end]
        assert v.match in sentence_texts
    assert not any(v.match.startswith(("Здравствуйте", "Хорошего")) for v in found)


def test_explanation_is_the_words_that_weighed_most(linter: ozonlint.Linter) -> None:
    matcher = classifier(linter, "review-incentive")
    text = "Поставьте пять звёзд и пришлите скриншот отзыва, мы вернём вам 150 рублей."
    draft = Draft(text)
    [(start, end)] = matcher.find(draft)
    words = matcher.explain(draft, start, end)
    assert 1 <= len(words) <= 3
    assert any(word.startswith(("отзыв", "звезд", "постав")) for word in words)
    assert all(word in draft.words.text for word in words)


def test_reward_and_review_in_different_sentences(linter: ozonlint.Linter) -> None:
    matcher = classifier(linter, "review-incentive")
    review = "Оставьте, пожалуйста, отзыв о товаре."
    reward = "Мы вернём вам 150 рублей на карту."
    text = f"Добрый день! {review} {reward}"
    draft = Draft(text)
    alone = {text[s:e]: p for s, e, p in matcher.score_sentences(draft)}
    assert alone[review] < matcher.threshold and alone[reward] < matcher.threshold
    found = [text[s:e] for s, e in matcher.find(draft)]
    assert found == [f"{review} {reward}"]  # the window of the two sentences
    assert not matcher.find(Draft(f"Добрый день! {reward}"))  # a refund, without the review


def test_a_precise_finding_wins_over_its_sentence(linter: ozonlint.Linter) -> None:
    found = linter.check("Напишите нам в вотсап, там ответим быстрее.")
    assert "contact.messenger" in {v.rule for v in found}
    assert "contact.classifier" not in {v.rule for v in found}


def test_score_sentence_judges_a_span_by_its_role(linter: ozonlint.Linter) -> None:
    matcher = classifier(linter, "external-contact")
    invitation = Draft("Добрый день! Добавьте нас в вотсап, там быстрее ответим.")
    capability = Draft("Добрый день! Наушники поддерживают звонки в вотсап и скайп.")

    def score(draft: Draft) -> float:
        start = draft.words.text.index("!") + 2
        return score_sentence(matcher, draft, start, len(draft.words.text))

    assert 0.0 <= score(capability) < score(invitation) <= 1.0


def test_features_come_from_the_words_view() -> None:
    settings = Settings(messengers=frozenset({"whatsapp"}))
    [sentence] = sentences(Draft("Пишите в W h a t s A p p, отзывы и отзыва"), settings)
    assert MESSENGER in sentence.features
    assert sentence.word_terms.count("отзыв") == 2  # Russian inflections share a stem
    assert "в " + MESSENGER in sentence.features  # and pairs of neighbouring terms


CONCEPTS = concept_vocabulary({"concept-pay": ["оплат", "переказ", "Ödeme", "pay", "付款"],
                                "concept-card": ["card", "картку", "hesap"], "review": ["отзыв"]})


def _concepts(text: str) -> set:
    [sentence] = sentences(Draft(text), Settings(concepts=CONCEPTS))
    return {f for f in sentence.features if f.startswith("~")}


def test_concepts_are_shared_by_the_words_of_every_language() -> None:
    assert dict(CONCEPTS) == {"pay": ("odeme", "pay", "оплат", "переказ", "付款"),
                              "card": ("card", "hesap", "картку")}
    both = {"~pay", "~card", "~card&~pay"}
    assert _concepts("Оплатите, пожалуйста, на карту.") == {"~pay"}  # "карту" is not listed, "картку" is
    assert _concepts("Зробіть переказ на картку.") == both
    assert _concepts("Ödemeyi hesap numarasına yapın.") == both  # a stem of five letters or more: ödemeyi
    assert _concepts("请付款到银行卡") == {"~pay"}  # Chinese entries match inside a run of characters
    assert _concepts("Pay by card.") == both
    assert _concepts("A warm cardigan, payable on delivery.") == set()  # a short entry is a whole word


def test_a_concept_is_explained_by_its_words() -> None:
    [sentence] = sentences(Draft("Зробіть переказ на картку."), Settings(concepts=CONCEPTS))
    labels = sentence.labels()
    assert labels["~pay"] == "переказ" and labels["~card&~pay"] == "картку & переказ"


def test_a_concept_vocabulary_entry_is_one_word() -> None:
    with pytest.raises(ValueError, match="not one word"):
        concept_vocabulary({"concept-pay": ["pay now"]})


def test_concepts_travel_in_the_model_file(tmp_path: Path) -> None:
    doc = {**GOOD_MODEL, "format": "ozonlint-classifier/2", "weights": {"~pay": [3.0]},
           "features": {**GOOD_MODEL["features"], "concepts": {"pay": ["оплат", "переказ"]}}}
    _model(tmp_path, json.dumps(doc, indent=1))
    linter = _load(_pack(tmp_path, "models/m.json"))
    found = linter.check("Дякуємо. Зробіть переказ, будь ласка.")
    assert [v.match for v in found] == ["Зробіть переказ, будь ласка."]
    assert found[0].message == "e (words: переказ)"
    copy = pickle.loads(pickle.dumps(Settings(concepts=CONCEPTS)))
    assert copy == Settings(concepts=CONCEPTS) and hash(copy) == hash(Settings(concepts=CONCEPTS))


def test_the_shipped_model_reads_concepts_of_rules_vocab() -> None:
    from ozonlint.rulepack import load_rules

    doc = json.loads((MODELS / "semantic.json").read_text(encoding="utf-8"))
    vocab = load_rules([ROOT / "rules" / "vocab"]).vocabularies
    assert doc["format"] == "ozonlint-classifier/2"
    assert doc["features"]["concepts"] == {name: list(entries) for name, entries in concept_vocabulary(vocab)}
    assert {"pay", "card", "review", "reward", "direct"} <= set(doc["features"]["concepts"])


def test_the_compiled_rules_pickle(linter: ozonlint.Linter) -> None:
    matcher = classifier(linter, "spam")
    copy = pickle.loads(pickle.dumps(matcher))
    draft = Draft("Подпишитесь на наш магазин, чтобы первыми узнавать о новинках!")
    assert copy.score_sentences(draft) == matcher.score_sentences(Draft(draft.text))


def test_the_weight_table_holds_every_feature_and_nothing_else() -> None:
    from ozonlint.matchers.classifier import WeightTable, cached_model

    model = cached_model(str(MODELS / "semantic.json"))
    table = WeightTable.of(model.packed, len(model.categories))
    assert table is not None and len(table) == len(model.packed)
    assert all(table.get(feature) == packed for feature, packed in model.packed.items())
    for absent in ("", "zz qq", "~nothing", "отзыв отзыв отзыв", "\ud800"):
        assert absent not in model.packed and table.get(absent) == 0
    assert table.decode() == model.packed
    assert table.weights.itemsize == 2  # every weight of the shipped model fits in 16 bits
    packed = [pack(v) for v in ([0.0, 1.5], [-2.0, 0.001], [32.767, -32.768], [0.0, 0.0])]
    odd = dict(zip(["a", "a b", "\ud800x", ""], packed))
    assert WeightTable.of(odd, 2).decode() == odd and WeightTable.of({"a\nb": packed[0]}, 2) is None
    wide = {"a": pack([1000.0, -1000.0]), "b": pack([32.768, 0.0])}  # beyond 16 bits: wider fields
    assert WeightTable.of(wide, 2).decode() == wide and WeightTable.of(wide, 2).get("a") == wide["a"]


def test_a_model_read_from_the_cache_scores_as_the_model_file_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from ozonlint.matchers.classifier import Model, cached_model

    model = cached_model(str(MODELS / "semantic.json"))
    draft = Draft("Поставьте пять звёзд, и мы вернём вам 150 рублей. Пишите в телеграм, там быстрее.")
    expected = model.logits(sentences(draft, model.settings))
    copy = pickle.loads(pickle.dumps(model))
    assert "index" in vars(copy.settings.concepts)  # the concepts' look-up index travels with them
    assert copy.packed == {} and copy.logits(sentences(draft, copy.settings)) == expected
    assert 0 < len(copy.packed) < 100  # decoded: only what the draft asked for
    monkeypatch.setattr(Model, "DECODE_ALL", len(copy.packed) + 1)  # the next look-up decodes the whole table
    assert copy.weight("zz qq", 0) == 0.0 and copy.packed == model.packed
    assert copy.logits(sentences(draft, copy.settings)) == expected
    again = pickle.loads(pickle.dumps(copy))  # decoded whole, it is stored as a table again
    assert again.logits(sentences(draft, again.settings)) == expected
    unusual = Model(["a"], [0.0], [0.5], {"x\ny": [1.0]}, Settings())  # no table for it: kept as a dictionary
    assert pickle.loads(pickle.dumps(unusual)).packed == unusual.packed


def test_retrained_model_is_a_new_cache_key(tmp_path: Path) -> None:
    from ozonlint import cache

    pack = tmp_path / "pack.yaml"
    pack.write_text("rules: []\n", encoding="utf-8")
    (tmp_path / "models").mkdir()
    model = tmp_path / "models" / "m.json"
    model.write_text("{}", encoding="utf-8")
    files = [str(pack)]
    assert model_files(files) == [str(model)]
    before = cache.key(files + model_files(files), "x")
    model.write_text('{"changed": 1}', encoding="utf-8")
    assert cache.key(files + model_files(files), "x") != before


# ------------------------------------------------------------ bad model files


def _pack(tmp_path: Path, model: str, threshold: str = "0.5", category: str = "spam") -> Path:
    pack = tmp_path / "pack.yaml"
    pack.write_text(textwrap.dedent(f"""\
        rules:
          - id: custom.classifier
            category: {category}
            severity: warning
            kind: classifier
            model: {model}
            threshold: {threshold}
            message: {{ru: "р", en: "e", zh: "z"}}
            examples: {{bad: ["купите ещё"], good: ["спасибо"]}}
        """), encoding="utf-8")
    return pack


def _model(tmp_path: Path, text: str, name: str = "m.json") -> Path:
    folder = tmp_path / "models"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD_MODEL = {"format": "ozonlint-classifier/1", "categories": ["spam"], "bias": {"spam": -1.0},
              "thresholds": {"spam": 0.5},
              "features": {"cyrillic_stem": 5, "latin_stem": 6, "bigrams": True, "windows": False,
                           "messengers": []},
              "weights": {"купит": [3.0], "еще": [0.5]}}


def _dump(doc: dict) -> str:
    return json.dumps(doc, indent=1, ensure_ascii=False)


def _load(pack: Path) -> ozonlint.Linter:
    return ozonlint.Linter([pack], defaults=False, verify_examples=False)


def test_a_custom_model_loads_and_reports_sentences(tmp_path: Path) -> None:
    _model(tmp_path, json.dumps(GOOD_MODEL, indent=1))
    linter = _load(_pack(tmp_path, "models/m.json"))
    found = linter.check("Спасибо за заказ. Купите ещё один!")
    assert [v.match for v in found] == ["Купите ещё один!"]
    assert found[0].message == "e (words: купите, еще)"
    assert found[0].messages["ru"] == "р (слова: купите, еще)"
    assert found[0].in_language("zh").message == "z (关键词: купите, еще)"


@pytest.mark.parametrize("text, line, reason", [
    ('{\n "format": "ozonlint-classifier/1",\n "bias": ,\n}', 3, "Expecting value"),
    ('{\n "format": "other/2"\n}', 2, "'format' must be"),
    (_dump({**GOOD_MODEL, "weights": {"еще": [1.0], "купит": ["много"]}}), 23, "weights of 'купит'"),
    (json.dumps({**GOOD_MODEL, "weights": {"купит": [1.0, 2.0]}}, indent=1), 19, "weights of 'купит' must be 1"),
    (_dump({**GOOD_MODEL, "bias": {"spam": None}}), 7, "bias of 'spam' must be a number"),
    (_dump({**GOOD_MODEL, "thresholds": {"spam": 1.5}}), 10, "thresholds of 'spam'"),
    (_dump({**GOOD_MODEL, "bias": {}}), 6, "'bias' must give every category"),
    (_dump({**GOOD_MODEL, "features": {"stem": 3}}), 13, "unknown feature setting"),
    (_dump({**GOOD_MODEL, "features": {"latin_stem": 0}}), 13, "'latin_stem' must be a whole number"),
    (_dump({**GOOD_MODEL, "features": {"concepts": {"pay": ["оплат"]}}}), 13, "concepts need format"),
    (_dump({**GOOD_MODEL, "format": "ozonlint-classifier/2", "features": {"concepts": ["оплат"]}}), 13,
     "'concepts' must be a mapping"),
    ("[1, 2]", 1, "one JSON object"),
])
def test_bad_model_file_is_refused_with_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = _model(tmp_path, text)
    with pytest.raises(RulePackError) as info:
        _load(_pack(tmp_path, "models/m.json"))
    err = info.value
    assert err.path == str(path)
    assert reason in err.reason
    assert err.line == line, text.splitlines()[err.line - 1] if err.line else None


@pytest.mark.parametrize("model, threshold, category, reason", [
    ("../m.json", "0.5", "spam", "must be models/NAME.json"),
    ("models/missing.json", "0.5", "spam", "no model file"),
    ("models/m.json", "1.5", "spam", "'threshold' must be a number between 0 and 1"),
    ("models/m.json", "0.5", "personal-data", "has no 'personal-data' category"),
])
def test_bad_classifier_rule_names_the_pack_line(tmp_path: Path, model: str, threshold: str, category: str,
                                                  reason: str) -> None:
    _model(tmp_path, json.dumps(GOOD_MODEL))
    pack = _pack(tmp_path, model, threshold, category)
    with pytest.raises(RulePackError) as info:
        _load(pack)
    assert info.value.path == str(pack) and info.value.line is not None
    assert reason in info.value.reason


def test_model_loader_reports_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(RulePackError) as info:
        load_model(str(tmp_path / "absent.json"))
    assert "cannot read" in info.value.reason


# ------------------------------------------------------------ training


def test_training_reproduces_the_shipped_model(tmp_path: Path) -> None:
    """tools/train_classifier.py, run again on the same corpora, writes the shipped file byte for byte."""
    shipped = (MODELS / "semantic.json").read_bytes()
    date = json.loads(shipped)["training"]["date"]
    subprocess.run([sys.executable, str(ROOT / "tools" / "train_classifier.py"), "--out", str(tmp_path),
                    "--date", date], check=True, capture_output=True)
    assert (tmp_path / "semantic.json").read_bytes() == shipped


def _bounds_stripped_twice(draft) -> list:
    """The sentence bounds as they were computed before one strip was saved: the reference."""
    from ozonlint.matchers.classifier import _SENTENCE_END

    view = draft.words
    text, original, mapped = view.text, draft.text, bool(view._maps)
    ends = []
    for m in _SENTENCE_END.finditer(text):
        if m.lastindex:
            at = m.start(1)
            if mapped:
                at = view.span(at, at + 1)[0]
            if not original[at:at + 1].isupper():
                continue
        ends.append(m.end())
    ends.append(len(text))
    out, pos = [], 0
    for end in ends:
        piece = text[pos:end]
        lead = len(piece) - len(piece.lstrip())
        if lead < len(piece):
            out.append((pos + lead, pos + len(piece.rstrip())))
        pos = end
    return out


@given(st.lists(st.sampled_from(["Да", "нет", ".", ". ", "!", "\n", " ", "\u3000", "\x1c", "\u00a0", "A", "w h a t s",
                                 "1.5", "…", "。", "Ozon"]), max_size=25).map("".join))
@settings(max_examples=400, deadline=None)
def test_sentence_bounds_are_the_reference_bounds(text: str) -> None:
    from ozonlint.matchers import Draft
    from ozonlint.matchers.classifier import _sentence_bounds

    draft = Draft(text)
    assert _sentence_bounds(draft) == _bounds_stripped_twice(draft)


def test_a_drafts_scores_are_the_same_from_a_warm_memo_and_a_cold_one(linter: ozonlint.Linter) -> None:
    """draft_scores looks the sentences of a reply without Chinese up in the model's memo
    itself: every sentence's scores are those worked out afresh."""
    model = next(r.matcher.model for r in linter.all_rules if r.spec.kind == "classifier")
    texts = [json.loads(line)["text"] for path in sorted((Path(__file__).parent / "corpus").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines()[:40] if line.strip()]
    assert len(texts) > 500

    def columns() -> list:
        return [model.draft_scores(Draft(text)).columns for text in texts]

    model._text_memo.clear()
    model._memo.clear()
    cold = columns()
    assert columns() == cold  # warm: every sentence now known
    model._text_memo.clear()
    model._memo.clear()
    assert columns() == cold


@pytest.mark.parametrize("args, message", [
    (["--only", "no-such-corpus"], "unknown corpus: no-such-corpus"),
    (["--only", "r1", "--write"], "thresholds and the full report come from all of them"),
    (["--only", "r1", "--json", "out.json"], "thresholds and the full report come from all of them"),
])
def test_evaluating_a_few_folds_refuses_what_it_cannot_do(args: list, message: str) -> None:
    """tools/evaluate_classifier.py --only: a corpus it does not know, or asked to choose thresholds
    from a few folds, is an error said before any training starts."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "evaluate_classifier.py"), *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert message in result.stderr


# ------------------------------------------------------------ fast paths, against the slow way each replaces

def _corpus_texts(limit: int = 1500) -> list:
    texts = []
    for path in sorted((ROOT / "tests" / "corpus").rglob("*.jsonl")):
        if "blind" in path.parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts[::max(1, len(texts) // limit)][:limit]


def test_chinese_runs_split_as_characters_and_pairs_word_by_word() -> None:
    """_split_han (words below the first Chinese character copied a slice at a time) as first written."""
    import random

    from ozonlint.matchers.base import TOKEN
    from ozonlint.matchers.classifier import _is_han, _split_han

    def reference(words: list, terms: list) -> tuple:
        out_words, out_terms = [], []
        for word, term in zip(words, terms):
            if _is_han(word[0]):
                pieces = list(word) + [word[i:i + 2] for i in range(len(word) - 1)]
                out_words.extend(pieces)
                out_terms.extend(pieces)
            else:
                out_words.append(word)
                out_terms.append(term)
        return out_words, out_terms

    rng = random.Random(7)
    # Chinese characters inside and outside _is_han's ranges (々, 〇, a radical, a hexagram), words around them
    alphabet = list("亲好评返现加微信々〇⺀䷀\uf900\U00020001щжab19 ,.") + ["\u33ff", "\u3400", "\u9fff", "\ua000"]
    texts = [Draft(t).words.text for t in _corpus_texts(600)]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    split = 0
    for text in texts:
        words = TOKEN.findall(text)
        terms = [w[:3] for w in words]
        assert _split_han(words, terms) == reference(words, terms), text
        split += any(_is_han(w[0]) for w in words)
    assert split > 1000


def test_a_cyrillic_word_with_a_digit_is_found_from_the_digit_in_a_sentence_with_chinese() -> None:
    """number_shape(han=True): the word read back from each digit finds what the pattern read
    from each Cyrillic letter found (a look-behind and the class set tried at every position)."""
    import random

    import regex

    from ozonlint.matchers.classifier import _CYRILLIC_TOKEN_WITH_DIGIT, number_shape

    forward = regex.compile(r"(?<![[\p{L}\p{N}]--\p{Han}])[\u0400-\u04ff][[\p{L}\p{N}]--\p{Han}]*0", regex.VERSION1)
    rng = random.Random(11)
    # Cyrillic letters and the non-letters of the Cyrillic block (҂, a combining mark), other letters and
    # numbers (Ⅻ, ①, ٣), Chinese characters that end a word, separators
    alphabet = list("0000 ,.-_щжaбx9ё元加々〇Ҁ҂\u0483Ⅻ①٣\u0301") + ["\U00020001"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(100_000)]
    texts += [Draft(t).words.text.translate(str.maketrans("123456789", "000000000")) for t in _corpus_texts(600)]
    texts += ["加с0微信", "返现0元", "亲,好评返现e元,加微信 opt00 товар", "щ0", "_щ0", "a_щ0", "aщ0", "҂0", "x҂0"]
    found = 0
    for text in texts:
        assert (_CYRILLIC_TOKEN_WITH_DIGIT.search(text) is None) == (forward.search(text) is None), text
        found += forward.search(text) is not None
    assert found > 1000
    assert number_shape("加с5微信", han=True) is None and number_shape("返现5元", han=True) == "返现0元"


def test_a_cyrillic_word_with_a_digit_needs_a_digit_after_a_letter() -> None:
    """number_shape(han=False) looks for the word only where _DIGIT_AFTER_LETTER is found:
    never where the word stands (it needs no more than the word does)."""
    import random

    from ozonlint.matchers.classifier import _CYRILLIC_WORD_WITH_DIGIT, _DIGIT_AFTER_LETTER

    rng = random.Random(13)
    alphabet = list("0000 ,.-_щжaбx9ё元Ҁ҂\u0483Ⅻ①٣\u0301№")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(100_000)]
    texts += [Draft(t).words.text.translate(str.maketrans("123456789", "000000000")) for t in _corpus_texts(600)]
    found = 0
    for text in texts:
        if _CYRILLIC_WORD_WITH_DIGIT.search(text):
            assert _DIGIT_AFTER_LETTER.search(text), text
            found += 1
    assert found > 1000


def test_a_sentence_scored_from_its_clauses_scores_as_one_read_whole(linter: ozonlint.Linter) -> None:
    """Model._clause_nets (each clause's features and sums remembered, joined) against
    _terms_nets of the sentence's own words, terms and concepts, on the sentences of corpus
    texts and a few made ones, read with Chinese and without, clauses new and remembered."""
    import random

    from ozonlint.matchers.classifier import Model, _holds_han, split_sentences, words_and_terms

    model = classifier(linter, "external-contact").model
    assert isinstance(model, Model)
    rng = random.Random(17)
    texts = _corpus_texts(1500)
    texts += ["Здравствуйте, Юлия! Инструкция есть в коробке, а также в карточке товара. 亲，好评返现3元，加微信 opt86 "
              "Товар сертифицирован, декларация доступна по запросу в этом чате.",
              "Скидка 5, 10 руб за отзыв, пишите: shop12@mail.ru, @sale77; сайт best24.ru, цена 5 ₽, 7 ₽.",
              "好评返现, 加微信 加微信, 好评返现 好评返现. 微信, 微信 微信:"]
    sentences = []
    for text in texts:
        draft = Draft(text, linter._index)
        for sentence in split_sentences(draft)[1]:
            han = draft.has_han and _holds_han(sentence)
            sentences.append((sentence, han))
            # the same with other digits: its clauses known by their number shapes
            sentences.append(("".join(rng.choice("0123456789") if ch.isascii() and ch.isdigit() else ch
                                      for ch in sentence), han))
    rng.shuffle(sentences)
    joined = {False: 0, True: 0}
    for sentence, han in sentences * 2:  # the second time its clauses are remembered
        nets = model._clause_nets(sentence, han)
        if nets is None:
            continue
        joined[han] += 1
        _, terms, concepts = words_and_terms(sentence, han, model.settings)
        model._memo.clear()
        assert nets == model._terms_nets(terms, concepts), sentence
    assert joined[False] > 1000 and joined[True] > 50


def test_a_clause_known_by_its_words_scores_as_its_own_words(linter: ozonlint.Linter) -> None:
    """A clause remembered by its words (entities marked, digits as 0 where the marked text has
    a number shape: see Model._clause) scores a sentence as its own words do, whichever clause
    filled the memo: sentences with e-mails, handles, domains, money and numbers of other names,
    lengths and digits, each scored after one of its twins, against _terms_nets of its own words."""
    import random

    from ozonlint.matchers.classifier import Model, words_and_terms

    model = classifier(linter, "external-contact").model
    assert isinstance(model, Model)
    rng = random.Random(29)
    templates = ["наш e-mail для связи: {mail} благодарим за отзыв!", "пишите на {mail}, ответим за {n} минут",
                 "add me on telegram {handle} for a faster answer", "подробности на нашем сайте https://{site} sale мы",
                 "скидка {n} руб за отзыв, пишите {handle}; сайт {site}, цена {n} ₽", "заказ №{n}-{n} едет, {mail}",
                 "加微信 {handle2} благодарим за заказ", "亲，好评返现{n}元，加微信 {handle2} упаковка усилена",
                 "кэш{n}эк на {mail} и {handle}", "звоните {n} {n} {n} или пишите {handle}"]

    def word(size: int) -> str:
        return "".join(rng.choice("abcdexyzопрст0123456789") for _ in range(size))

    def made(template: str) -> str:
        return template.format(mail=word(rng.randint(1, 9)) + "@" + rng.choice(["gmail.com", "mail.ru", "bk.ru"]),
                               handle="@" + word(rng.randint(1, 8)), handle2=word(rng.randint(1, 8)),
                               site=word(rng.randint(2, 9)) + rng.choice([".ru", ".com", ".net"]),
                               n=str(rng.randint(0, 99999)))

    checked = 0
    for _ in range(40):
        for template in templates:
            sentence = made(template)
            han = any("\u4e00" <= ch <= "\u9fff" for ch in sentence)
            nets = model._clause_nets(sentence, han)
            if nets is None:
                continue
            _, terms, concepts = words_and_terms(sentence, han, model.settings)
            model._memo.clear()
            assert nets == model._terms_nets(terms, concepts), sentence
            checked += 1
    assert checked >= 300
    assert any(isinstance(key, tuple) for key in model._clauses)


def test_a_sentences_words_are_its_clauses_words() -> None:
    """No word or marked entity crosses a _CLAUSE_GAP: the words read clause by clause are
    the words read from the whole sentence (money amounts, e-mails, handles, domains near the
    gaps; with Chinese and without)."""
    import random

    from ozonlint.matchers.classifier import _CLAUSE_GAP, _read_words
    from ozonlint.normalize import is_plain

    rng = random.Random(19)
    parts = ["5", "10", "1 000", ",", ".", ":", ";", " ", " ", "  ", "\u00a0", "руб", "р", "₽", "$", "元", "usd", "rub",
             "юаней", "dollars", "x", "щ", "ozon", "@", "a@b.ru", "site.ru", "shop.com", "加", "微信", "好评", "_", "-"]
    texts = ["".join(rng.choice(parts) for _ in range(rng.randint(1, 12))) for _ in range(60_000)]
    texts += [Draft(t).words.text for t in _corpus_texts(600)]
    split = plain = 0
    for text in texts:
        pieces = _CLAUSE_GAP.split(text)
        split += len(pieces) > 1
        for han in (False, True):
            assert [w for piece in pieces for w in _read_words(piece, han)] == _read_words(text, han), (text, han)
        for piece in pieces:  # a plain clause of a sentence with Chinese is read as without (see _clause_nets)
            if is_plain(piece):
                plain += 1
                assert _read_words(piece, True) == _read_words(piece, False), piece
    assert split > 2_000 and plain > 10_000


def test_sentences_of_a_written_draft_as_read_on_its_words_view() -> None:
    """_split_sentences of a draft whose words view is its code page 1251 bytes folded (one scan of
    those bytes) against _split_view_sentences, on corpus texts and on made ones: every end mark,
    space and capital of the code page next to full stops, line breaks and words that mix scripts."""
    import random

    from ozonlint.matchers.classifier import _split_sentences, _split_view_sentences

    texts = _corpus_texts(100_000)
    rng = random.Random(14)
    pieces = list(".!?;\n\t\r  ..") + ["А", "я", "Ё", "ё", "Ђ", "ђ", "Ї", "Z", "a", "1", "«", "\"", "(", "-", "№",
                                        "…", "\u00a0", "Telеgram", "ВАЦАП", "ozon.ru", "т.д.", "08.09.", " Ok"]
    chars = [bytes((b,)).decode("cp1251", "replace") for b in range(256)]
    for _ in range(4000):
        texts.append("".join(rng.choice(pieces if rng.random() < 0.8 else chars) for _ in range(rng.randint(0, 14))))
    written = 0
    for text in texts:
        draft = Draft(text)
        written += draft.words is draft.base and draft.base.written is not None
        assert _split_sentences(draft) == _split_view_sentences(Draft(text)), text
    assert written > len(texts) // 2  # the scan of the bytes was what most were read by


def test_code_page_fold_keeps_sentence_marks_spaces_and_digits() -> None:
    """What _WRITTEN_SENTENCE and _written_entries rely on: the fold of a plain draft's bytes
    (normalize._stable_plain_form) keeps every end mark, space and digit, and makes none."""
    from ozonlint import normalize

    assert normalize._stable_plain_form("Да") is not None
    stable_run, fold = normalize._stable_tables[0]
    kept = set(b".!?;\n\t\r 0123456789")
    for byte in range(256):
        if stable_run.fullmatch(bytes((byte,))):
            assert (fold[byte] in kept) == (byte in kept) and (byte not in kept or fold[byte] == byte), byte


def test_a_written_drafts_sentences_known_by_their_bytes_score_as_read_whole(linter: ozonlint.Linter) -> None:
    """Model._written_entries (a sentence remembered by its bytes and their number shape)
    against each sentence's entry worked out from its own words, on corpus texts, the same
    with other digits and in other case, first seen and remembered."""
    import random

    from ozonlint.matchers.classifier import Model, _written, split_sentences, words_and_terms

    model = classifier(linter, "external-contact").model
    assert isinstance(model, Model)
    rng = random.Random(23)
    texts = _corpus_texts(3000)
    texts += ["".join(rng.choice("0123456789") if ch.isascii() and ch.isdigit() else ch for ch in text)
              for text in texts]
    texts += [text.upper() for text in texts[:500]] + [text.lower() for text in texts[:500]]
    written = 0
    for text in texts * 2:  # the second time its sentences are remembered
        draft = Draft(text, linter._index)
        entries = model.draft_scores(draft)._entries
        if _written(draft) is None or draft.words.mixed:
            continue
        written += 1
        expected = []
        for sentence in split_sentences(draft)[1]:
            _, terms, concepts = words_and_terms(sentence, False, model.settings)
            nets = model._terms_nets(terms, concepts)
            expected.append((nets,) + model.headroom(nets))
        assert entries == expected, text
    assert written > len(texts)
