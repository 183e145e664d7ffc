import pytest

from kg.iris import IriMinter, slug


def test_slug_folds_accents_and_punctuation():
    assert slug("Sergueï Choïgou") == "serguei-choigou"
    assert slug("piazza dell’Arco di Trionfo") == "piazza-dell-arco-di-trionfo"
    assert slug("???") == "x"


def test_minting_is_deterministic_and_under_the_base():
    a, b = IriMinter("https://example.org/kg"), IriMinter("https://example.org/kg/")
    assert str(a.entity("Q159")) == str(b.entity("Q159")) == "https://example.org/kg/entity/Q159"
    assert a.fact("x", "1", "Q1", "p", "Q2") == b.fact("x", "1", "Q1", "p", "Q2")
    assert a.fact("x", "1", "Q1", "p", "Q2") != a.fact("x", "2", "Q1", "p", "Q2")
    assert str(a.sentence("art-1", 3)) == "https://example.org/kg/article/art-1/sentence/3"


def test_relative_base_is_refused():
    with pytest.raises(ValueError, match="absolute"):
        IriMinter("kg/")
