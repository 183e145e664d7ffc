"""The Stanza stage's own logic: paragraphs, offsets, the cache (no model needed)."""
from kg.nlp import Annotator, paragraph_spans, text_for_tagging
from kg.records import Article


def pieces(text):
    return [text[a:b] for a, b in paragraph_spans(text)]


def test_headings_and_single_line_paragraphs_are_split():
    text = ("Un legame storico che si rafforza\nNel messaggio rivolto a Putin, Kim ha ribadito l'amicizia.\n"
            "Il leader ha inoltre espresso gratitudine.\n\nFonte: Ansa")
    assert pieces(text) == ["Un legame storico che si rafforza",
                            "Nel messaggio rivolto a Putin, Kim ha ribadito l'amicizia.",
                            "Il leader ha inoltre espresso gratitudine.", "Fonte: Ansa"]


def test_wrapped_lines_stay_one_paragraph():
    text = "Il presidente russo ha incontrato il\nleader nordcoreano a Pyongyang e ha firmato\nun accordo."
    assert pieces(text) == [text]


def test_offsets_index_the_original_text():
    text = "  Titolo\n\nPrimo paragrafo.  \nSecondo."
    for a, b in paragraph_spans(text):
        assert text[a:b] == text[a:b].strip() and text[a:b]


def test_typographic_apostrophes_are_straightened_in_place():
    text = "l’Unione Sovietica e l‘Asia"
    assert text_for_tagging(text) == "l'Unione Sovietica e l'Asia" and len(text_for_tagging(text)) == len(text)


def test_cache_key_depends_on_text_and_model_only():
    a = Annotator(lambda: None, "m1")
    one = Article(id="a", source="a.txt", text="Testo.", title="Uno")
    two = Article(id="b", source="b.txt", text="Testo.", title="Due")
    assert a.cache_key(one) == a.cache_key(two)
    assert a.cache_key(one) != Annotator(lambda: None, "m2").cache_key(one)
    assert a.cache_key(one) != a.cache_key(Article(id="a", source="a.txt", text="Altro."))
