"""One name, one type within an article (kg.ner.name_consistency), on hand-tagged sentences."""
from kg.ner.name_consistency import bioes_tags, harmonize, harmonize_documents, tag_spans


def sentence(text: str) -> list[str]:
    return text.split()


def test_spans_read_bioes_bio_and_io_and_write_bioes():
    assert tag_spans(["B-ORG", "E-ORG", "O", "S-LOC"]) == [(0, 2, "ORG"), (3, 4, "LOC")]
    assert tag_spans(["B-PER", "I-PER", "B-PER", "O"]) == [(0, 2, "PER"), (2, 3, "PER")]
    assert tag_spans(["ORG", "ORG", "O", "LOC"]) == [(0, 2, "ORG"), (3, 4, "LOC")]
    assert bioes_tags(5, [(0, 3, "ORG"), (4, 5, "LOC")]) == ["B-ORG", "I-ORG", "E-ORG", "O", "S-LOC"]


def test_a_name_takes_the_type_most_of_its_mentions_have():
    words = [sentence("Alinghi vince la regata"), sentence("Alinghi ha battuto Luna Rossa"),
             sentence("Il team Alinghi festeggia")]
    tags = [["S-ORG", "O", "O", "O"], ["S-LOC", "O", "O", "B-ORG", "E-ORG"], ["O", "O", "S-ORG", "O"]]
    out = harmonize(words, tags)
    assert out[1] == ["S-ORG", "O", "O", "B-ORG", "E-ORG"]
    assert out[0] == tags[0] and out[2] == tags[2]


def test_a_tie_or_a_single_vote_changes_nothing():
    words = [sentence("Roma vince"), sentence("Roma è bella")]
    tags = [["S-ORG", "O"], ["S-LOC", "O", "O"]]
    assert harmonize(words, tags) == tags


def test_an_untagged_capitalised_occurrence_of_a_name_tagged_twice_is_tagged():
    words = [sentence("Lenovo compra IBM"), sentence("Lenovo cresce"), sentence("Gli utili di Lenovo salgono"),
             sentence("il lenovo")]
    tags = [["S-ORG", "O", "S-ORG"], ["S-ORG", "O"], ["O", "O", "O", "O", "O"], ["O", "O"]]
    out = harmonize(words, tags)
    assert out[2] == ["O", "O", "O", "S-ORG", "O"]
    assert out[3] == ["O", "O"]                      # lower case: a common word, not the name
    once = harmonize(words[1:], tags[1:])            # tagged once: no evidence enough
    assert once[1] == tags[2]


def test_a_propagated_name_never_overlaps_a_mention():
    words = [sentence("Costa Concordia affonda"), sentence("la Costa Concordia naufraga"),
             sentence("Costa Concordia Crociere risponde")]
    tags = [["B-LOC", "E-LOC", "O"], ["O", "B-LOC", "E-LOC", "O"], ["B-ORG", "I-ORG", "E-ORG", "O"]]
    out = harmonize(words, tags)
    assert out[2] == tags[2]


def test_votes_come_only_from_the_window():
    words = [sentence("Napoli vince")] * 2 + [sentence("altro testo")] * 5 + [sentence("Napoli è bella")]
    tags = [["S-ORG", "O"]] * 2 + [["O", "O"]] * 5 + [["S-LOC", "O", "O"]]
    assert harmonize(words, tags, window=3)[-1] == ["S-LOC", "O", "O"]
    assert harmonize(words, tags, window=10)[-1] == ["S-ORG", "O", "O"]


def test_a_surname_alone_after_the_full_name_is_that_person():
    words = [sentence("Il campione Veselin Topalov ha vinto"), sentence("Topalov ha battuto Kramnik"),
             sentence("Ieri Topalov ha riposato")]
    tags = [["O", "O", "B-PER", "E-PER", "O", "O"], ["S-LOC", "O", "O", "S-PER"], ["O", "O", "O", "O"]]
    out = harmonize(words, tags)
    assert out[1] == ["S-PER", "O", "O", "S-PER"]          # made a place by the NER
    assert out[2] == ["O", "S-PER", "O", "O"]              # left untagged
    before = harmonize(words[1:], tags[1:])                # the full name never came before
    assert before[0] == ["S-LOC", "O", "O", "S-PER"] and before[1] == ["O", "O", "O", "O"]


def test_a_surname_is_read_back_only_within_the_window():
    words = [sentence("Veselin Topalov vince")] + [sentence("altro testo")] * 4 + [sentence("Topalov riposa")]
    tags = [["B-PER", "E-PER", "O"]] + [["O", "O"]] * 4 + [["S-LOC", "O"]]
    assert harmonize(words, tags, window=3)[-1] == ["S-LOC", "O"]
    assert harmonize(words, tags, window=5)[-1] == ["S-PER", "O"]


def test_documents_get_their_tokens_and_entities_rewritten():
    import stanza

    def doc(sentences):
        return stanza.Document([[{"id": i + 1, "text": w, "ner": t} for i, (w, t) in enumerate(zip(words, tags))]
                                for words, tags in sentences])

    first = doc([(sentence("Alinghi vince"), ["S-ORG", "O"]), (sentence("Alinghi attacca"), ["S-ORG", "O"])])
    second = doc([(sentence("Alinghi perde contro Oracle"), ["S-LOC", "O", "O", "S-ORG"])])
    for d in (first, second):
        d.build_ents()
    harmonize_documents([first, second])
    assert [(e.text, e.type) for e in second.ents] == [("Alinghi", "ORG"), ("Oracle", "ORG")]
    assert second.sentences[0].tokens[0].ner == "S-ORG"
    untagged = stanza.Document([[{"id": 1, "text": "Alinghi"}]])
    harmonize_documents([untagged])                  # no NER ran: nothing to vote on
    assert untagged.sentences[0].tokens[0].ner is None
