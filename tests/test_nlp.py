"""The Stanza stage's own logic: paragraphs, offsets, batches, the cache (no model needed,
except the test marked `model`)."""
from pathlib import Path

import pytest

from kg.nlp import Annotator, paragraph_spans, text_for_tagging
from kg.records import Article

ROOT = Path(__file__).resolve().parent.parent


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


def test_a_datelines_dash_becomes_a_full_stop_in_place():
    text = "Titolo\n\nWASHINGTON, 7 luglio 2025 – Il premier è arrivato. Il 7 luglio 2025 – disse – fu diverso."
    tagged = text_for_tagging(text)
    assert len(tagged) == len(text)
    assert "WASHINGTON, 7 luglio 2025 . Il premier" in tagged
    assert "Il 7 luglio 2025 – disse – fu" in tagged  # a date inside a sentence is no dateline


@pytest.mark.model
def test_the_place_of_a_dateline_is_not_the_subject_of_the_first_sentence(nlp):
    from kg.nlp import tag_texts
    from kg.stages import parse_selection

    [sentences] = tag_texts(nlp, ["WASHINGTON, 7 luglio 2025 – Il presidente Donald Trump ha ricevuto una lettera."],
                            selection=parse_selection())
    assert [w.text for w in sentences[0].words][0] == "WASHINGTON"
    first = next(s for s in sentences if any(w.text == "Trump" for w in s.words))
    assert "WASHINGTON" not in [w.text for w in first.words]


def test_cache_key_depends_on_text_and_model_only():
    a = Annotator(lambda: None, "m1")
    one = Article(id="a", source="a.txt", text="Testo.", title="Uno")
    two = Article(id="b", source="b.txt", text="Testo.", title="Due")
    assert a.cache_key(one) == a.cache_key(two)
    assert a.cache_key(one) != Annotator(lambda: None, "m2").cache_key(one)
    assert a.cache_key(one) != a.cache_key(Article(id="a", source="a.txt", text="Altro."))


# ---------------------------------------------------------------- the cache in a build

def test_a_rebuild_of_unchanged_articles_never_loads_the_pipeline(tmp_path):
    """The cache lives in OUT/.cache/nlp and survives the staged swap of the outputs; a
    second build of the same articles reads it all and never builds a pipeline."""
    from kg.build import build
    from stub_tagger import VERSION, StubAnnotator

    for name, text in (("a", "Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un."),
                       ("b", "La Corea del Nord e la Russia hanno firmato un trattato a Pyongyang.")):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    first = StubAnnotator(out / ".cache" / "nlp")
    build([tmp_path / "in"], output=out, annotator=first, log=lambda m: None)
    before = (out / "graph.ttl").read_bytes()

    def no_pipeline():
        raise AssertionError("the pipeline was loaded on a rebuild")

    second = Annotator(no_pipeline, VERSION, out / ".cache" / "nlp")
    result = build([tmp_path / "in"], output=out, annotator=second, log=lambda m: None)
    assert len(first.tagged) == 2 and not second.loaded
    assert (second.cache_hits, second.cache_misses) == (2, 0) and result.timings["model_load"] == 0
    assert (out / "graph.ttl").read_bytes() == before


def test_batches_keep_order_and_a_crash_costs_only_its_article():
    from kg.nlp import tag_batch_safely, text_batches
    from stub_tagger import whitespace_batch

    texts = ["a" * 5, "b" * 5, "c" * 5, "d" * 5, "e" * 5]
    assert text_batches(texts, 10) == [["aaaaa", "bbbbb"], ["ccccc", "ddddd"], ["eeeee"]]
    assert text_batches([], 10) == []
    results = tag_batch_safely(whitespace_batch, ["Uno.", "CRASH qui.", "Tre."])
    assert [r[0].text if isinstance(r, list) else type(r).__name__ for r in results] == \
        ["Uno.", "TaggingError", "Tre."]
    assert "simulated tagger crash" in str(results[1])


@pytest.mark.model
def test_a_rebuild_with_the_shipped_models_reads_the_cache_only(tmp_path):
    from kg.build import build
    from kg.ner.loader import resolve_models

    seed = sorted((ROOT / "seeds").glob("*.txt"))[3]
    out = tmp_path / "out"
    build([seed], output=out, log=lambda m: None)
    before = (out / "graph.ttl").read_bytes()

    def no_pipeline():
        raise AssertionError("the pipeline was loaded on a rebuild")

    from kg.stages import parse_selection

    again = Annotator(no_pipeline, resolve_models().version, out / ".cache" / "nlp", selection=parse_selection)
    build([seed], output=out, annotator=again, log=lambda m: None)
    assert not again.loaded and again.cache_hits == 1
    assert (out / "graph.ttl").read_bytes() == before


def test_only_sentences_a_relation_can_come_from_need_the_parser():
    from types import SimpleNamespace as W

    from kg.nlp import needs_parse as _needs
    from kg.stages import parse_selection

    words = lambda *pairs: [W(text=t, lemma=l) for t, l in pairs]
    needs_parse = lambda ws, named: _needs(ws, named, parse_selection())
    assert needs_parse(words(("Putin", "Putin"), ("ha", "avere"), ("inviato", "inviare")), True)
    assert needs_parse(words(("600", "600"), ("soldati", "soldato"), ("sono", "essere"), ("morti", "morire")), False)
    assert needs_parse(words(("la", "il"), ("regione", "regione"), ("russa", "russo"), ("di", "di"),
                             ("Kursk", "Kursk")), True)
    assert not needs_parse(words(("la", "il"), ("regione", "regione"), ("russa", "russo")), False)
    assert not needs_parse(words(("Ha", "avere"), ("dichiarato", "dichiarare"), ("ieri", "ieri")), False)
    assert not needs_parse(words(("Il", "il"), ("sole", "sole"), ("splende", "splendere")), False)
    # "I due leader hanno firmato": the two people named before act
    assert needs_parse(words(("I", "il"), ("due", "due"), ("leader", "leader"), ("hanno", "avere"),
                             ("firmato", "firmare")), False)
    assert not needs_parse(words(("I", "il"), ("due", "due"), ("giorni", "giorno"), ("passano", "passare")), False)
    # two names and no trigger word: a pair the relation scorer reads through the parse
    named = words(("Antonio", "Antonio"), ("Di", "di"), ("Pietro", "Pietro"), ("(", "("), ("IdV", "IdV"), (")", ")"))
    assert needs_parse(named, 2)
    assert not needs_parse(named, 1)


@pytest.mark.model
def test_the_parser_runs_where_a_relation_can_come_from(nlp):
    from kg.nlp import tag_texts
    from kg.stages import parse_selection

    [sentences] = tag_texts(nlp, ["Il cielo era sereno sulla città. Kim Jong-un ha inviato una lettera a Vladimir Putin."],
                            selection=parse_selection())
    assert len(sentences) == 2
    assert not any(w.deprel for w in sentences[0].words)
    assert all(w.deprel for w in sentences[1].words) and any(w.deprel == "nsubj" for w in sentences[1].words)


def test_an_arabic_article_is_capitalised_for_the_tokenizer_and_nothing_else_moves():
    """"al-Burhan" was split into Italian "al" (a il) and NER's "-Burhan"."""
    from kg.nlp import text_for_tagging

    text = "il generale Abdel Fattah al-Burhan, al-Qaeda, el-Sisi; al mare, dal-Buono, al-qaeda"
    tagged = text_for_tagging(text)
    assert tagged == "il generale Abdel Fattah Al-Burhan, Al-Qaeda, El-Sisi; al mare, dal-Buono, al-qaeda"
    assert len(tagged) == len(text)


def test_demonyms_tagged_as_anything_but_adjectives_or_nouns_are_adjectives_before_parsing():
    from types import SimpleNamespace

    from kg.gazetteer import load_gazetteer
    from kg.nlp import repair_demonym_tags

    words = [SimpleNamespace(text=t, upos=u, xpos="V", lemma=lemma, feats="Mood=Ind")
             for t, u, lemma in [("iraniano", "VERB", "iranare"), ("azero", "PROPN", "azero"),
                                 ("russi", "NOUN", "russo"), ("Iran", "PROPN", "Iran"), ("va", "VERB", "andare")]]
    repair_demonym_tags(words, load_gazetteer())
    assert [(w.upos, w.lemma) for w in words] == [("ADJ", "iraniano"), ("ADJ", "azero"), ("NOUN", "russo"),
                                                  ("PROPN", "Iran"), ("VERB", "andare")]
    assert words[0].xpos == "A" and words[0].feats is None


@pytest.mark.model
def test_a_demonym_the_tagger_made_a_verb_no_longer_steals_the_sentence(nlp):
    """The shipped tagger makes "iraniano" a verb ("iranare", an acl clause; in an article's
    context the parser made it the clause around "Abbas Araghchi"); repaired before parsing,
    it is an adjective and the minister is the subject of the call."""
    from kg.nlp import tag_texts
    from kg.stages import parse_selection

    [sentences] = tag_texts(nlp, ["Il ministro degli Esteri iraniano Abbas Araghchi ha telefonato al suo omologo omanita."],
                            selection=parse_selection())
    words = {w.text: w for w in sentences[0].words}
    assert words["iraniano"].upos == "ADJ"
    assert words["telefonato"].deprel == "root"
    assert words["ministro"].head == words["telefonato"].id and words["ministro"].deprel.startswith("nsubj")


def test_the_cache_key_follows_the_words_that_choose_the_parsed_sentences(monkeypatch):
    """A new trigger makes other sentences worth parsing: cached annotations must not be reused."""
    import dataclasses

    from kg import lexicon, stages

    article = Article(id="a", source="a.txt", text="Testo.")
    annotator = Annotator(lambda: None, "it-kg-test", selection=stages.parse_selection)
    assert annotator.cache_key(article) != Annotator(lambda: None, "it-kg-test").cache_key(article)
    before = annotator.cache_key(article)
    assert annotator.cache_key(article) == before
    plain = lexicon.load_lexicon()
    grown = dataclasses.replace(plain, triggers={**plain.triggers, ("presenziare", "VERB"): "meeting"})
    monkeypatch.setattr(lexicon, "load_lexicon", lambda *a, **k: grown)
    stages.parse_selection.cache_clear()
    try:
        assert annotator.cache_key(article) != before
    finally:
        monkeypatch.undo()
        stages.parse_selection.cache_clear()
    assert annotator.cache_key(article) == before


class _TypingPipeline:
    """A stand-in for Stanza: whitespace tokens, one sentence per paragraph, each name typed
    as ``types`` says for that paragraph's text (no parser)."""

    processors = {"tokenize": None, "ner": None}

    def __init__(self, types: dict[str, dict[str, str]]):
        self.types = types

    def bulk_process(self, docs, processors=None):
        import re

        import stanza

        out = []
        for doc in docs:
            names = self.types.get(doc.text, {})
            tokens = [{"id": i + 1, "text": m.group(), "start_char": m.start(), "end_char": m.end(),
                       "ner": f"S-{names[m.group()]}" if m.group() in names else "O"}
                      for i, m in enumerate(re.finditer(r"\S+", doc.text))]
            tagged = stanza.Document([tokens], text=doc.text)
            tagged.build_ents()
            out.append(tagged)
        return out


def test_a_name_keeps_one_type_across_an_articles_paragraphs_but_not_across_articles():
    from kg.nlp import tag_texts

    article = "Alinghi vince la regata\n\nAlinghi festeggia stasera\n\nOggi Alinghi riparte"
    other = "Oggi Alinghi riparte"
    pipeline = _TypingPipeline({"Alinghi vince la regata": {"Alinghi": "ORG"},
                                "Alinghi festeggia stasera": {"Alinghi": "ORG"},
                                "Oggi Alinghi riparte": {"Alinghi": "LOC"}})
    [sentences, alone] = tag_texts(pipeline, [article, other])
    assert [[(e.text, e.type) for e in s.entities] for s in sentences] == [[("Alinghi", "ORG")]] * 3
    assert sentences[2].entities[0].start_char == article.rindex("Alinghi")
    assert [(e.text, e.type) for e in alone[0].entities] == [("Alinghi", "LOC")]


def test_the_annotator_marks_the_organisation_names_it_is_given():
    from kg.ner.org_names import OrgNames

    pipeline = _TypingPipeline({"Trenord sciopera oggi": {"Trenord": "LOC"}})
    article = Article(id="a", source="a.txt", text="Trenord sciopera oggi")
    plain = Annotator(lambda: pipeline, "v").annotate(article)
    marked = Annotator(lambda: pipeline, "v", org_names=lambda: OrgNames([("Trenord",)])).annotate(article)
    assert [(e.text, e.type) for e in plain.sentences[0].entities] == [("Trenord", "LOC")]
    assert [(e.text, e.type) for e in marked.sentences[0].entities] == [("Trenord", "ORG")]
