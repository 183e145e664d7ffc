"""kg.text.fold, the one normalisation text is compared in, and the modules that use it."""
from __future__ import annotations

from kg import evaluation, gazetteer, iris, lexicon
from kg.text import fold, strip_accents


def test_fold():
    assert fold("IRIS-T") == "iris t"
    assert fold("Kim Jong-un") == fold("Kim Jong Un") == "kim jong un"
    assert fold("U.S.A.") == "usa"
    assert fold("Città  dell’Est") == "citta dell'est"
    assert fold("Łódź") == "lodz"


def test_every_module_compares_in_the_one_fold():
    assert gazetteer.fold is fold
    assert gazetteer.Gazetteer.fold("IRIS-T") == fold("IRIS-T")
    assert evaluation.fold is fold
    assert lexicon.fold is fold


def test_slugs_build_on_the_accent_stripping_and_keep_their_own_rules():
    assert strip_accents("Città") == "Citta"
    assert iris.slug("Città dell'Est") == "citta-dell-est"
    assert iris.slug("U.S.A.") == "u-s-a"
