"""The labelled corpora under tests/corpus, scored like shared/eval/score.py scores the CLI.

Two kinds of corpus, kept apart:

* **regression sets** (``*.jsonl``, ``realistic/*.jsonl``): rules were changed
  after their messages were read, so their scores say that nothing broke, not
  how well ozonlint does on text it has not seen. Each line gives the blind
  first score the set had when it was written, then a threshold a little below
  today's figures, so a regression breaks the build while one new hard message
  does not.
* **blind sets** (``blind/*.jsonl``): written by people who did not see the
  rules, scored once when they arrived (the first score below) and never read
  since: no rule was changed for them. Their thresholds only guard against a
  collapse; their scores are the evidence of how ozonlint does on new text.
  The trained classifier never sees them (tools/train_classifier.py).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

import ozonlint

CORPUS = Path(__file__).parent / "corpus"
SCORED = ["external-contact", "review-incentive", "extra-payment", "off-platform", "language",
          "spam", "personal-data"]
RANK = {"info": 0, "warning": 1, "error": 2}


def load(name: str) -> List[dict]:
    with open(CORPUS / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict(linter: ozonlint.Linter, text: str) -> Set[str]:
    return {v.category for v in linter.check(text) if v.category in SCORED and RANK[v.severity] >= 1}


def score(linter: ozonlint.Linter, records: List[dict]) -> Tuple[float, float, Dict[str, float]]:
    tp = fp = fn = 0
    clean = flagged = 0
    for rec in records:
        gold, pred = set(rec["labels"]), predict(linter, rec["text"])
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if not gold:
            clean += 1
            flagged += bool(pred)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, flagged / clean if clean else 0.0, {"precision": precision, "recall": recall}


REGRESSION = [
    ("messages.jsonl", 0.96, 0.015),
    ("holdout.jsonl", 0.94, 0.02),
    ("holdout2.jsonl", 0.95, 0.02),
    ("holdout3.jsonl", 0.95, 0.02),
    # written later, blind first scores 0.80 / 0.92 (holdout4: two files) and 0.80 (holdout5)
    ("holdout4.jsonl", 0.93, 0.06),
    ("holdout5.jsonl", 0.94, 0.02),
    ("holdout6.jsonl", 0.95, 0.02),  # long replies; blind first score 0.886 / FPR 0.070
    ("holdout7.jsonl", 0.95, 0.05),  # unusual wording; blind first score 0.905 / FPR 0.046
    ("holdout8.jsonl", 0.93, 0.03),  # 110 hard negatives; blind first score 0.808 / FPR 0.127
    ("holdout9.jsonl", 0.92, 0.02),  # evasive domestic sellers; blind first score 0.854 / FPR 0.000
    ("holdout10.jsonl", 0.95, 0.03),  # cross-border sellers; blind first score 0.920 / FPR 0.040
    ("holdout11.jsonl", 0.96, 0.02),  # English-heavy; blind first score 0.934 / FPR 0.000
    ("holdout12.jsonl", 0.95, 0.02),  # a day's mix of replies; blind first score 0.919 / FPR 0.011
    ("holdout13.jsonl", 0.95, 0.02),  # disguised contacts and payments; blind first score 0.904 / FPR 0.033
    ("holdout14.jsonl", 0.94, 0.04),  # a week's mix of replies; blind first score 0.867 / FPR 0.061
    ("holdout15.jsonl", 0.96, 0.02),  # answers to buyers' questions, refusals; blind 0.899 / FPR 0.120
    ("holdout16.jsonl", 0.95, 0.02),  # a day's mix, everyday wording; blind first score 0.909 / FPR 0.010
    ("holdout17.jsonl", 0.96, 0.02),  # 120 replies full of numbers; blind first score 0.917 / FPR 0.017
    ("holdout18.jsonl", 0.95, 0.02),  # a day's mix with quoted buyers; blind first score 0.881 / FPR 0.080
    ("holdout19.jsonl", 0.97, 0.02),  # written as a continuation of the shared sample; blind 0.972 / FPR 0.000
    ("holdout20.jsonl", 0.95, 0.02),  # an independent team's take on the sample; blind 0.930 / FPR 0.046
    ("holdout21.jsonl", 0.92, 0.02),  # the seed guides' practices, sample format; blind 0.884 / FPR 0.065
    ("holdout22.jsonl", 0.95, 0.02),  # the sample's next batch; blind first score 0.936 / FPR 0.010
    ("holdout23.jsonl", 0.97, 0.02),  # another batch in the sample's style; blind 0.970 / FPR 0.012
    # realistic multi-sentence replies (2-6 sentences, names, numbers, signatures, the violation anywhere),
    # written blind to the rules with violating spans; first scores with main at e2220db
    ("realistic/r1.jsonl", 0.88, 0.03),  # Russian-heavy day's mix; blind 0.860 / FPR 0.099
    ("realistic/r2.jsonl", 0.85, 0.05),  # English-heavy, hard negatives; blind 0.826 / FPR 0.127
    ("realistic/r3.jsonl", 0.82, 0.08),  # Chinese cross-border sellers; blind 0.818 / FPR 0.160
    ("realistic/r4.jsonl", 0.68, 0.06),  # hard-negative heavy (65 % clean); blind 0.547 / FPR 0.298
    ("realistic/r5.jsonl", 0.78, 0.07),  # long replies, violation mid-reply; first score 0.804 / FPR 0.060*
    ("realistic/r6.jsonl", 0.73, 0.06),  # semantic categories, near-twin negatives; first 0.756 / FPR 0.044*
    # (* scored first when they arrived, after the filter stage of this round, before any change for them)
    ("realistic/r7.jsonl", 0.96, 0.03),  # hard negatives of every class of issue 9; first score 0.893 / FPR 0.031**
    ("realistic/r8.jsonl", 0.93, 0.09),  # hard positives (pointed-to contacts, rewards without trigger words,
    #                                      payments for services); first score 0.864 / FPR 0.078**
    # (** scored first with branch detect2 at 03cc780, before any change of this round)
    ("realistic/r9.jsonl", 0.95, 0.04),  # semantic categories and other languages, near-twin negatives;
    #                                      first score 0.799 / FPR 0.071***
    ("realistic/r10.jsonl", 0.94, 0.05),  # hard negatives (precision); first score 0.922 / FPR 0.055***
    # (*** scored first with branch detect3 at e17ed56, before any change for them)
    ("realistic/r11.jsonl", 0.95, 0.05),  # semantic recall: rewards, upsell, surcharges, off-platform by
    #                                       description, near twins; first score 0.931 / FPR 0.041****
    ("realistic/r12.jsonl", 0.95, 0.04),  # a day's mix of many shops; first score 0.902 / FPR 0.019****
    # (**** scored first with main at the start of session 5, output-identical to 1b9f772)
    ("realistic/r13.jsonl", 0.93, 0.07),  # off-platform and extra-payment in every wording and in other
    #                                       languages, near twins resolved through Ozon; first 0.784 / 0.073*****
    ("realistic/r14.jsonl", 0.94, 0.06),  # precision: 59 % hard negatives, violations as their near twins;
    #                                       first score 0.917 / FPR 0.053*****
    # (***** scored first with main at the start of session 6, caa8176)
    ("realistic/r15.jsonl", 0.90, 0.04),  # off-platform and spam in every wording, their twins resolved through
    #                                       Ozon; first score 0.915 / FPR 0.024******
    # (****** scored first with main at the start of session 7, 620c75d)
    ("realistic/r16.jsonl", 0.90, 0.05),  # precision: 70 % hard negatives in the clumsy voice of cross-border
    #                                       shops, violations their near twins; first score 0.907 / FPR 0.059
    #                                       (main at cf3ba7c, when it arrived: r15 in training, nothing for r16)
    ("realistic/r17.jsonl", 0.88, 0.06),  # review-incentive, personal-data and extra-payment in indirect wording,
    #                                       near twins; first score 0.907 / FPR 0.041 (main at 2df32d3)
    ("realistic/r18.jsonl", 0.77, 0.10),  # off-platform and spam, 40 % in sixteen other languages, clean twins in
    #                                       Russian and English; first score 0.795 / FPR 0.091 (main at 2df32d3)
    ("realistic/r19.jsonl", 0.92, 0.04),  # precision in fluent domestic Russian and English: 73 % hard negatives,
    #                                       long helpful replies; first score 0.951 / FPR 0.027 (main at f099426)
    # (scored first when they arrived, with main at the start of session 8, 880fc31)
    ("realistic/r20.jsonl", 0.94, 0.03),  # Chinese cross-border shops in clumsy Russian and English, 66 % hard
    #                                       negatives; first score 0.966 / FPR 0.014
    ("realistic/r21.jsonl", 0.84, 0.05),  # off-platform and spam described, not named, in ten language variants,
    #                                       near misses resolved through Ozon; first score 0.866 / FPR 0.039
    ("realistic/r22.jsonl", 0.88, 0.07),  # long fluent replies where one clause decides, 55 % hard negatives;
    #                                       first score 0.905 / FPR 0.058
    # (scored first when they arrived later in session 8, with main at 52242a3)
    ("realistic/r23.jsonl", 0.93, 0.05),  # off-platform in everyday Russian and English, near misses resolved
    #                                       through Ozon; first score 0.839 / FPR 0.120
    ("realistic/r24.jsonl", 0.90, 0.07),  # spam and personal-data in free form, their near misses;
    #                                       first score 0.729 / FPR 0.060
    # (scored first when they arrived, with the detection code of 464abe7)
    ("realistic/r25.jsonl", 0.90, 0.03),  # extra-payment and review incentives in indirect wording, near misses;
    #                                       first score 0.900 / FPR 0.000
    ("realistic/r26.jsonl", 0.91, 0.03),  # replies after complaints and questions in a busy week, 20 % other
    #                                       languages; first score 0.938 / FPR 0.009
    ("realistic/r27.jsonl", 0.88, 0.03),  # external contacts given or pointed to in disguise, their hard
    #                                       negatives; first score 0.898 / FPR 0.011 (17c2ba9)
    ("realistic/r28.jsonl", 0.95, 0.03),  # precision: a week of replies, 75 % hard negatives full of risky words
    #                                       in legitimate roles; first score 0.959 / FPR 0.030 (4ce7324)
    # (session 9: scored first when they arrived, each with main as it then stood: r29-r31 at 0e1ed81, the
    # session's first rule fixes and the session-8 model; r32 and r34 with the model retrained on r29-r31 (and
    # r32); r33 with it retrained on r29-r32 and r34)
    ("realistic/r29.jsonl", 0.97, 0.03),  # off-platform described, not named, and its near misses resolved
    #                                       through Ozon; first score 0.922 / FPR 0.042
    ("realistic/r30.jsonl", 0.97, 0.03),  # spam phrased as advice or care, answers to the buyer's own questions;
    #                                       first score 0.897 / FPR 0.011
    ("realistic/r31.jsonl", 0.94, 0.04),  # extra-payment for services and personal data in free form, their near
    #                                       misses (routers, product passports, Ozon's customs); first 0.879 / 0.115
    ("realistic/r32.jsonl", 0.93, 0.08),  # external-contact precision: 65 % hard negatives; first 0.879 / 0.058
    ("realistic/r33.jsonl", 0.95, 0.08),  # review incentives without trigger words, near misses; first 0.894 / 0.091
    ("realistic/r34.jsonl", 0.95, 0.05),  # English-heavy precision, 60 % hard negatives; first 0.957 / 0.033
    ("realistic/r35.jsonl", 0.95, 0.04),  # sale seasons: Ozon's own sales and services, the shop's own announced;
    #                                       60 % hard negatives; first 0.866 / 0.100 (0341324)
    ("realistic/r36.jsonl", 0.95, 0.03),  # long replies (280-500 characters), one clause decides; first 0.965 / 0.000
    # (session 10: scored first when they arrived, all at 1bd708c, the main the session began from)
    ("realistic/r37.jsonl", 0.95, 0.05),  # off-platform described in plain words, with near-twins kept on Ozon;
    #                                       first score 0.814 / FPR 0.056
    ("realistic/r38.jsonl", 0.97, 0.04),  # spam as care advice and thanks, answers to the buyer's own questions;
    #                                       first score 0.876 / FPR 0.031
    ("realistic/r39.jsonl", 0.96, 0.03),  # busy seasons, 70 % hard negatives (Ozon's sales, points, mechanics);
    #                                       first score 0.957 / FPR 0.029
    ("realistic/r40.jsonl", 0.96, 0.03),  # extra payments for services and contacts pointed to, by role;
    #                                       first score 0.895 / FPR 0.050
    # (scored first at dd840ae: the session's rule fixes up to then, the model retrained with r37-r40)
    ("realistic/r41.jsonl", 0.96, 0.03),  # personal data asked for or disclosed in free form, product passports,
    #                                       router passwords; first score 0.896 / FPR 0.105
    ("realistic/r42.jsonl", 0.96, 0.03),  # a day of Chinese cross-border shops; first score 0.960 / FPR 0.011
    # (scored first at 1448e5b, the rule fixes up to then and the model retrained with r37-r42)
    ("realistic/r43.jsonl", 0.95, 0.06),  # off-platform and extra payments of regional shops' after-sales, told as
    #                                       favours (a relative's van, a stand at the fair); first 0.791 / 0.066
    ("realistic/r44.jsonl", 0.97, 0.02),  # precision: an ordinary month, 65 % hard negatives; first 0.984 / 0.008
    # (session 11, each scored first when it arrived, with main at the session's start, aa6c7a5)
    ("realistic/r45.jsonl", 0.96, 0.03),  # spam told as service: extended warranties, service plans, refills and
    #                                       consumables from the shop; first 0.882 / 0.011
    ("realistic/r46.jsonl", 0.95, 0.05),  # off-platform offered as a favour (a cousin, the shop's van, a fair stall),
    #                                       paid to the person who brings it; first 0.882 / 0.056
    ("realistic/r47.jsonl", 0.95, 0.04),  # precision over a sale season, 69 % hard negatives; first 0.932 / 0.053
    ("realistic/r48.jsonl", 0.95, 0.03),  # contacts pointed to and payments for services, by role; first 0.926 / 0.042
    ("realistic/r49.jsonl", 0.96, 0.05),  # review incentives and personal data in free form; first 0.945 / 0.054
    ("realistic/r50.jsonl", 0.95, 0.07),  # Ozon's processes against the seller's own (a showroom only as where photos
    #                                       were taken), 55 % clean; first 0.887 / 0.100
    ("realistic/r51.jsonl", 0.96, 0.04),  # money: surcharges, deposits, fees paid outside the order, holds explained;
    #                                       first 0.927 / 0.053
    ("realistic/r52.jsonl", 0.97, 0.02),  # spam in every form inside ordinary replies; first 0.891 / 0.044
    ("realistic/r53.jsonl", 0.95, 0.08),  # the nine classes of issue 9 with their near twins (the buyer's own contact
    #                                       quoted and declined is labelled clean there; a quote never hides an
    #                                       identifier here); first 0.930 / 0.076
    ("realistic/r54.jsonl", 0.96, 0.06),  # Chinese cross-border shops moving returns, refunds and sales off Ozon, in
    #                                       clumsy Russian and English and in Chinese; first 0.917 / 0.109
    ("realistic/r55.jsonl", 0.97, 0.02),  # short replies (1-3 sentences) of every category; first 0.974 / 0.008
    ("realistic/r56.jsonl", 0.96, 0.03),  # precision in a spring month, 70 % hard negatives; first 0.944 / 0.052
    ("realistic/r57.jsonl", 0.93, 0.06),  # contacts and personal data in many languages; first 0.907 / 0.044
    # (scored first when they arrived, with the code that first scored b25-b27, b03d3a9)
    ("realistic/r58.jsonl", 0.97, 0.02),  # shops whose goods need installation and repair; first 0.926 / 0.000
    ("realistic/r59.jsonl", 0.97, 0.03),  # the sale season, 65 % hard negatives; first 0.918 / 0.091
    ("realistic/r60.jsonl", 0.88, 0.14),  # long clumsy replies of cross-border shops, 60 % hard negatives; first
    #                                       0.852 / 0.160 (still 0.9 / 0.11 after training on it: the hardest set)
    # (scored first when they arrived, with main at the start of session 13, 8ffd2f5)
    ("realistic/r61.jsonl", 0.96, 0.04),  # off-platform by description and spam as advice; first 0.931 / 0.028
    ("realistic/r62.jsonl", 0.96, 0.03),  # payments for services, review rewards without trigger words, personal data
    #                                       in free form; first 0.945 / 0.028
    ("realistic/r63.jsonl", 0.95, 0.04),  # precision, 60 % hard negatives; first 0.908 / 0.069 (at 62aeab3)
    ("realistic/r64.jsonl", 0.96, 0.03),  # cross-border and Central Asian, Turkish, Armenian shops in their own
    #                                       languages and clumsy Russian/English; first 0.923 / 0.028 (at 48ed432)
    # (scored first when they arrived, with main at the start of session 14, 1bd63aa)
    ("realistic/r65.jsonl", 0.96, 0.05),  # off-platform by description and spam as advice or care tips; first
    #                                       0.928 / 0.037
    ("realistic/r66.jsonl", 0.95, 0.05),  # precision, 60 % hard negatives; first 0.925 / 0.083
    # (scored first when they arrived, at ad912a7: session 14's first detection changes)
    ("realistic/r67.jsonl", 0.94, 0.04),  # personal data and extra payment, both ways; first 0.910 / 0.025
    ("realistic/r68.jsonl", 0.95, 0.03),  # contacts pointed to, not written, and review rewards without trigger
    #                                       words; first 0.864 / 0.034
    # (scored first when they arrived, with main at the start of session 15, 11edeb1)
    ("realistic/r69.jsonl", 0.97, 0.02),  # off-platform and spam the hard ways; first 0.949 / 0.017
    ("realistic/r70.jsonl", 0.97, 0.03),  # precision in long replies, 60 % hard negatives; first 0.958 / 0.021
    ("realistic/r71.jsonl", 0.96, 0.02),  # languages the hard ways (Belarusian, Tajik, Kyrgyz, Russian in Latin
    #                                       letters, one closing sentence in another language); first 0.897 / 0.059
    ("realistic/r72.jsonl", 0.97, 0.02),  # extra payment and personal data the hard ways; first 0.933 / 0.033 (at
    #                                       50b7f49)
    ("realistic/r73.jsonl", 0.96, 0.03),  # off-platform, spam and review told the busy seller's way; first 0.926 /
    #                                       0.017 (at e1db015)
    ("realistic/r74.jsonl", 0.95, 0.03),  # precision in cross-border shops' replies, 65 % hard negatives; first
    #                                       0.942 / 0.032 (at be9b6cc)
    # (scored first when they arrived, with main at the start of session 16, 7a306a2)
    ("realistic/r75.jsonl", 0.96, 0.03),  # short replies: spam and off-platform in few words; first 0.971 / 0.015
    ("realistic/r76.jsonl", 0.95, 0.04),  # short replies of cross-border shops, contacts disguised, pinyin; first
    #                                       0.953 / 0.038
    ("realistic/r77.jsonl", 0.94, 0.03),  # off-platform and spam in long replies; first 0.944 / 0.017
    ("realistic/r78.jsonl", 0.94, 0.04),  # precision: features, fraud warnings, Ozon's own points; first 0.930 / 0.035
    # (scored first when they arrived, at e41ec12: the session's first round of detection changes)
    ("realistic/r79.jsonl", 0.93, 0.04),  # off-platform by description in plain words (the seller's daughter, plumber,
    #                                       market stall, own truck); first 0.868 / 0.025
    ("realistic/r80.jsonl", 0.95, 0.03),  # spam woven into service replies; first 0.964 / 0.009
    ("realistic/r81.jsonl", 0.96, 0.03),  # short replies, 55 % dangerous-looking clean ones; first 0.976 / 0.006
    ("realistic/r82.jsonl", 0.93, 0.04),  # Central Asian, Turkish, Armenian, Belarusian and Chinese shops, own words
    #                                       mixed in; first 0.948 / 0.027
    # (scored first when they arrived, at cd9b140: the session's second round and its speed fixes)
    ("realistic/r83.jsonl", 0.94, 0.03),  # extra payment told by description (services paid outside the order);
    #                                       first 0.952 / 0.017
    ("realistic/r84.jsonl", 0.95, 0.03),  # Chinese cross-border shops in clumsy Russian and English; first 0.973 / 0
    ("realistic/r85.jsonl", 0.95, 0.03),  # short replies, every category, disguised; first 0.975 / 0
    # (scored first when they arrived, with main at the start of session 17, 01354d2)
    ("realistic/r86.jsonl", 0.93, 0.04),  # short replies: spam and off-platform in one plain line; first 0.904 / 0.038
    ("realistic/r87.jsonl", 0.95, 0.03),  # service-heavy goods (furniture, appliances, bicycles, pianos): services,
    #                                       repairs and rewards told by description; first 0.958 / 0.008
    ("realistic/r88.jsonl", 0.93, 0.06),  # precision: quoted questions refused, fraud warnings, features, Ozon's own
    #                                       couriers, points and codes; first 0.936 / 0.083
    # (scored first when they arrived, at 4697767: the session's first round)
    ("realistic/r89.jsonl", 0.95, 0.02),  # short replies: rewards and fees in one plain line; first 0.960 / 0.007
    ("realistic/r90.jsonl", 0.95, 0.03),  # English-heavy, sellers from four countries; first 0.971 / 0.017
    ("realistic/r91.jsonl", 0.94, 0.04),  # chatty shops (cosmetics, jewellery, gadgets, food gifts); first 0.955 /
    #                                       0.036
    # (scored first when they arrived, at 9d7555e: the session's second round)
    ("realistic/r92.jsonl", 0.94, 0.02),  # short one-line replies, every category, contacts disguised; first 0.953 /
    #                                       0.007
    ("realistic/r93.jsonl", 0.96, 0.03),  # short replies, precision (60 % clean); first 0.980 / 0.022
    ("realistic/r94.jsonl", 0.95, 0.03),  # violations in postscripts, signatures and brackets; first 0.971 / 0.017
]


# Blind sets: (name, first score, first FPR, collapse guard F1, collapse guard FPR).
# First scores: main at the commit that added them (for b1 and b2 identical to e2220db, the main this
# round started from; b3 also identical to e2220db). Never tune a rule to these messages.
BLIND = [
    ("blind/b1.jsonl", 0.833, 0.000, 0.75, 0.08),
    ("blind/b2.jsonl", 0.874, 0.030, 0.75, 0.08),
    ("blind/b3.jsonl", 0.850, 0.061, 0.75, 0.10),
    # written for the fourth round (180 replies, 47 % clean) and scored once when it arrived, at 3f321c4,
    # before the round's detection work was merged
    ("blind/b4.jsonl", 0.909, 0.083, 0.75, 0.14),
    # written for the fifth round (400 replies, 49 % clean, 18 % in Chinese or another language) and
    # scored once when it arrived, with main at the start of session 5 (output-identical to 1b9f772)
    ("blind/b5.jsonl", 0.894, 0.036, 0.80, 0.10),
    # written for the sixth round (200 replies each, half clean, 20 % in Chinese or another language; b7
    # by Chinese cross-border shops in clumsy translated Russian and English, from templates) and scored
    # once when they arrived, with main at the start of session 6 (caa8176)
    ("blind/b6.jsonl", 0.923, 0.000, 0.80, 0.10),
    ("blind/b7.jsonl", 0.954, 0.020, 0.80, 0.10),
    # written for the seventh round (200 replies, 98 clean, 20 % in Chinese or another language) and
    # scored once when it arrived, with main at the start of session 7 (620c75d)
    ("blind/b8.jsonl", 0.969, 0.010, 0.85, 0.08),
    # (b9: Chinese cross-border shops and resellers, long clumsy replies, 100 hard negatives; same round)
    ("blind/b9.jsonl", 0.927, 0.110, 0.85, 0.16),
    # (b10: one ordinary week of replies from many shops, 220 replies, half clean; written while the round's work
    # went on, kept unscored, and scored first with the round's final detection code, b7582b0: an unbiased
    # estimate of that code)
    ("blind/b10.jsonl", 0.957, 0.045, 0.85, 0.10),
    # written for the eighth round (220 replies, 109 clean, 17 % in Chinese or another language: "the mix a
    # moderator sees in a month") and scored once when it arrived, with main at the start of session 8 (880fc31)
    ("blind/b11.jsonl", 0.921, 0.037, 0.85, 0.10),
    # (b12: replies after a complaint or a question in a busy week, 220, 102 clean, 20 % in Chinese or another
    # language; b13: 300 short replies in the shared sample's style, 134 clean. Both written during session 8,
    # kept unscored, and scored first with the session's detection code at 464abe7)
    ("blind/b12.jsonl", 0.910, 0.020, 0.85, 0.08),
    ("blind/b13.jsonl", 0.986, 0.007, 0.93, 0.05),
    # (b14: an ordinary fortnight of twenty shops, 220, 108 clean; written late in session 8, kept unscored,
    # scored first with 17c2ba9)
    ("blind/b14.jsonl", 0.928, 0.028, 0.85, 0.08),
    # (b15: a week of a seller chat log, twelve kinds of shop, 220, 108 clean; kept unscored, first with 4ce7324)
    ("blind/b15.jsonl", 0.945, 0.056, 0.85, 0.10),
    # (b16: fifteen shops over a month, 220, 108 clean; kept unscored, first with c45456c, the session's final code)
    ("blind/b16.jsonl", 0.961, 0.009, 0.88, 0.06),
    # written for the ninth round (the sale season: 11.11 and the run-up to New Year; 220 replies, 105 clean,
    # 30 % English, 20 % Chinese or another language) and scored once when it arrived, with main at the start
    # of session 9 (baf7bb1)
    ("blind/b18.jsonl", 0.904, 0.076, 0.85, 0.12),
    # (b17: twelve shops over a winter month, 220, 110 clean; written during session 9, kept unscored, scored first
    # at a8a940e, after the session's first round: rule fixes and the model retrained with r29-r34)
    ("blind/b17.jsonl", 0.933, 0.009, 0.88, 0.06),
    # (b19: 300 short replies in the style of the earlier one-sentence held-out set, 144 clean; b20: fifteen shops
    # over a spring month, 220, 111 clean. Both written during session 9, kept unscored, and scored first with the
    # session's final detection code, 5652f67)
    ("blind/b19.jsonl", 0.965, 0.014, 0.92, 0.05),
    ("blind/b20.jsonl", 0.935, 0.018, 0.88, 0.06),
    # (b21: the New Year season across fourteen shops, 220, 107 clean; scored once when it arrived, with main at
    # the start of session 10, 1bd708c)
    ("blind/b21.jsonl", 0.966, 0.009, 0.91, 0.06),
    # (b22: twelve shops whose goods need service after the sale, 220, 110 clean; b23: an ordinary week of sixteen
    # shops, 240, 119 clean. Both written during session 10, kept unscored, and scored first with the session's
    # final detection code, fb7e5c6)
    ("blind/b22.jsonl", 0.884, 0.045, 0.83, 0.09),
    ("blind/b23.jsonl", 0.956, 0.017, 0.90, 0.06),
    # (b24: an ordinary month of sixteen shops, 240, 114 clean, 18 % in Chinese or another language; scored once when
    # it arrived, with main at the start of session 11, aa6c7a5)
    ("blind/b24.jsonl", 0.959, 0.009, 0.91, 0.05),
    # (b25: a spring month of fourteen shops, four of them Chinese cross-border shops writing from templates, 240,
    # 117 clean; b26: an autumn month of fifteen shops, 240, 116 clean; b27: a winter month after the holidays,
    # sixteen shops, 240, 118 clean. All three written during session 11, kept unscored, and scored first with the
    # session's final detection code, b03d3a9)
    ("blind/b25.jsonl", 0.960, 0.034, 0.91, 0.08),
    ("blind/b26.jsonl", 0.945, 0.017, 0.89, 0.06),
    ("blind/b27.jsonl", 0.972, 0.025, 0.92, 0.07),
    # (b28: an early-summer month of sixteen shops, four of them cross-border, 240, 120 clean; b29: the
    # back-to-school month of fifteen shops, three cross-border and one that answers in Kazakh or Uzbek, 240,
    # 116 clean. Both scored once when they arrived, with main at the start of session 12, d74a6f7)
    ("blind/b28.jsonl", 0.945, 0.017, 0.89, 0.06),
    ("blind/b29.jsonl", 0.968, 0.000, 0.92, 0.04),
    # (b30: a late-autumn month of sixteen shops, five of them cross-border with long clumsy replies, 240, 119
    # clean; b31: a spring month of fifteen shops, three cross-border and two whose goods need installation, 240,
    # 113 clean. Both written during session 12, kept unscored, and scored first with the session's final detection
    # code, 1810391)
    ("blind/b30.jsonl", 0.961, 0.008, 0.91, 0.05),
    ("blind/b31.jsonl", 0.958, 0.018, 0.91, 0.06),
    # (b32: the New Year season across sixteen shops, three cross-border, 240, 120 clean; b33: a mid-summer month of
    # fifteen shops, five cross-border, 240, 117 clean. Both scored once when they arrived, with main at the start
    # of session 13, whose detection code was session 12's final one: 8ffd2f5)
    ("blind/b32.jsonl", 0.953, 0.000, 0.90, 0.04),
    ("blind/b33.jsonl", 0.950, 0.017, 0.89, 0.06),
    # (b34: an autumn month of sixteen shops, three cross-border, one Kazakh, one Turkish, 240, 117 clean; b35: the
    # spring sale weeks, fifteen shops, four cross-border and one Uzbek, with answers to questions and to public
    # reviews, 240, 117 clean. Both written during session 13, kept unscored, and scored first with the session's
    # final detection code, 7012a59)
    ("blind/b34.jsonl", 0.961, 0.026, 0.91, 0.07),
    ("blind/b35.jsonl", 0.967, 0.009, 0.92, 0.05),
    # (b36: a late-winter month of sixteen shops, one Chinese cross-border and one Kazakh, chat answers and answers
    # to public reviews, 240, 117 clean; b37: cross-border and small sellers, Chinese shops in machine-translated
    # Russian and English, Uzbek, Kyrgyz, Armenian and Belarusian sellers, 240, 116 clean. Both scored once when
    # they arrived, with main at the start of session 14, 1bd63aa)
    ("blind/b36.jsonl", 0.962, 0.017, 0.91, 0.06),
    ("blind/b37.jsonl", 0.967, 0.017, 0.92, 0.06),
    # (b38: an early-summer month of fifteen shops, Chinese, Turkish, Uzbek and Kazakh among them, 240, 119 clean;
    # b39: the pre-New-Year rush, sixteen shops, Chinese, Kazakh and Armenian among them, 240, 120 clean. Both
    # written during session 14, kept unscored, and scored first with the session's final detection code, 4df753c)
    ("blind/b38.jsonl", 0.979, 0.008, 0.93, 0.05),
    ("blind/b39.jsonl", 0.956, 0.017, 0.91, 0.06),
    # (b40: an early-spring month of sixteen shops, a Chinese LED shop and an Uzbek dried-fruit shop among them,
    # 240, 120 clean; b41: the back-to-school weeks, sixteen shops, Chinese, Turkish, Belarusian, Kazakh and Uzbek
    # among them, 240, 114 clean. Both scored once when they arrived, with main at the start of session 15, 11edeb1)
    ("blind/b40.jsonl", 0.955, 0.017, 0.91, 0.06),
    ("blind/b41.jsonl", 0.954, 0.009, 0.91, 0.05),
    # (b42: a midsummer month of sixteen shops, Chinese, Kyrgyz and Armenian among them, 240, 117 clean; b43: a
    # late-autumn month of sixteen shops, Chinese, Tajik and Georgian among them, long replies, 240, 120 clean;
    # b44: 300 short replies, one or two sentences, many contacts disguised, 132 clean. All three written during
    # session 15, kept unscored, and scored first with the session's final detection code, b5d9c09)
    ("blind/b42.jsonl", 0.966, 0.000, 0.92, 0.05),
    ("blind/b43.jsonl", 0.967, 0.017, 0.92, 0.06),
    ("blind/b44.jsonl", 0.946, 0.008, 0.90, 0.05),
    # (session 16: b45, 300 short replies, one or two sentences, many contacts disguised, 133 clean; b46, the
    # winter holidays, sixteen shops, 240, 120 clean; b47, a spring month with a marketplace sale, sixteen
    # shops, 240, 120 clean. All three written during session 16, kept unscored, and scored first with the
    # session's final detection code, 409f729)
    ("blind/b45.jsonl", 0.936, 0.023, 0.89, 0.06),
    ("blind/b46.jsonl", 0.980, 0.025, 0.93, 0.07),
    ("blind/b47.jsonl", 0.964, 0.017, 0.92, 0.06),
    # (session 17: b48, late autumn and the November sale, 16 shops, 240, 120 clean; b49, 300 short replies in the
    # earlier held-out set's style, spam and off-platform mostly without trigger words, 135 clean; b50, a summer
    # month, 16 shops, 240, 119 clean. All three written during session 17, kept unscored, and scored first with the
    # session's final detection code, 5ca3bd0)
    ("blind/b48.jsonl", 0.962, 0.017, 0.92, 0.06),
    ("blind/b49.jsonl", 0.941, 0.015, 0.89, 0.06),
    ("blind/b50.jsonl", 0.966, 0.017, 0.92, 0.06),
]
# Scored again at the end of session 4, never tuned to (micro-F1 / clean flagged):
# b1 0.904 / 0.000, b2 0.962 / 0.030, b3 0.900 / 0.040, b4 0.927 / 0.048.


@pytest.mark.parametrize("name, first_f1, first_fpr, min_f1, max_fpr", BLIND)
def test_blind_corpus_has_not_collapsed(linter: ozonlint.Linter, name: str, first_f1: float, first_fpr: float,
                                        min_f1: float, max_fpr: float) -> None:
    f1, fpr, detail = score(linter, load(name))
    assert f1 >= min_f1, f"{name}: micro-F1 {f1:.3f} < {min_f1} (first score {first_f1})"
    assert fpr <= max_fpr, f"{name}: clean FPR {fpr:.3f} > {max_fpr} (first {first_fpr})"
@pytest.mark.parametrize("name, min_f1, max_fpr", REGRESSION)
def test_corpus_scores(linter: ozonlint.Linter, name: str, min_f1: float, max_fpr: float) -> None:
    f1, fpr, detail = score(linter, load(name))
    assert f1 >= min_f1, f"{name}: micro-F1 {f1:.3f} < {min_f1} ({detail})"
    assert fpr <= max_fpr, f"{name}: clean false-positive rate {fpr:.3f} > {max_fpr}"


@pytest.mark.parametrize("name", sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*.jsonl")))
def test_corpus_is_well_formed(name: str) -> None:
    records = load(name)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for rec in records:
        assert isinstance(rec["text"], str) and rec["text"]
        assert set(rec["labels"]) <= set(SCORED), rec["id"]


def test_corpus_size() -> None:
    assert sum(len(load(str(p.relative_to(CORPUS)))) for p in CORPUS.rglob("*.jsonl")) >= 300


def test_every_corpus_is_scored_as_regression_or_blind() -> None:
    listed = {name for name, *_ in BLIND} | {name for name, _, _ in REGRESSION}
    assert listed == {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*.jsonl")}
