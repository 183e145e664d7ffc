"""Organisation names marked after the NER (kg.ner.org_names): the list the training step
builds, the rule, and its place in the NER stage (no model needed, except the test marked)."""
from pathlib import Path

import pytest

from kg.models.corpora import CorpusError
from kg.models.word_lists import collect_org_names, read_gazetteer, write_org_names
from kg.ner.name_consistency import harmonize
from kg.ner.org_names import OrgNames

GAZETTEER = ("ORG Trenord\nORG Ferrari\nORG Ducati Xerox\nORG Gabriele Sandri\nORG polizia di Stato\n"
             "ORG Lenovo\nORG Cosa nostra\n\nORG Cosa nostra\n")


def write_kind(path: Path, sentences) -> None:
    path.write_text("".join("".join(f"{w}\t{t}\n" for w, t in s) + "\n" for s in sentences), encoding="utf-8")


def test_gazetteer_lines_are_read_and_a_malformed_one_is_named(tmp_path):
    path = tmp_path / "gazetteer.txt"
    path.write_text(GAZETTEER, encoding="utf-8")
    assert ("Ducati", "Xerox") in read_gazetteer(path) and len(read_gazetteer(path)) == 7
    path.write_text("ORG Trenord\nLOC Milano\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"gazetteer.txt:2: expected 'ORG name'"):
        read_gazetteer(path)


def test_the_list_keeps_capitalised_names_the_training_files_do_not_type_otherwise(tmp_path):
    gazetteer = tmp_path / "gazetteer.txt"
    gazetteer.write_text(GAZETTEER, encoding="utf-8")
    train = tmp_path / "train.tsv"
    write_kind(train, [
        [("Ferrari", "B-PER"), ("vince", "O")],                       # a surname more often than the firm
        [("La", "O"), ("Ferrari", "B-ORG"), ("vince", "O")],
        [("Gabriele", "B-PER"), ("Sandri", "I-PER"), ("è", "O"), ("morto", "O")],
        [("Lenovo", "B-ORG"), ("compra", "O")], [("Lenovo", "B-ORG"), ("cresce", "O")],
        [("Lenovo", "B-LOC"), ("cala", "O")],                          # mostly ORG: kept
    ])
    names = collect_org_names(gazetteer, [train])
    assert names == ["Cosa nostra", "Ducati Xerox", "Lenovo", "Trenord"]  # lower case and typed otherwise left out
    out = tmp_path / "names.txt"
    assert write_org_names(names, out) == 4
    assert OrgNames.read(out).names == {("Cosa", "nostra"), ("Ducati", "Xerox"), ("Lenovo",), ("Trenord",)}


NAMES = OrgNames([("Trenord",), ("Ducati", "Xerox"), ("Ducati", "Xerox", "Team"), ("Lenovo",), ("Rugby", "Rovigo")])


def test_a_listed_name_tagged_as_a_person_or_place_becomes_an_organisation():
    words = "Trenord e Lenovo con Mario Rossi".split()
    assert NAMES.mark(words, [(0, 1, "LOC"), (2, 3, "PER"), (4, 6, "PER")]) == \
        [(0, 1, "ORG"), (2, 3, "ORG"), (4, 6, "PER")]


def test_untagged_listed_names_of_two_words_or_more_are_tagged_longest_first():
    words = "la Ducati Xerox Team e la Ducati Xerox e Trenord".split()
    assert NAMES.mark(words, []) == [(1, 4, "ORG"), (6, 8, "ORG")]   # one-word "Trenord" untagged stays so
    assert NAMES.mark(["Ducati"], []) == []                           # a name cut by the sentence's end


def test_a_marked_name_never_overlaps_a_mention():
    words = "il Rugby Rovigo vince".split()
    assert NAMES.mark(words, [(2, 3, "LOC")]) == [(2, 3, "LOC")]


def test_marked_names_vote_in_name_consistency():
    words = [["Trenord", "annuncia"], ["Trenord", "sciopera"], ["Treni", "Trenord", "fermi"]]
    tags = [["S-LOC", "O"], ["S-LOC", "O"], ["O", "O", "O"]]
    assert harmonize(words, tags)[2] == ["O", "S-LOC", "O"]
    assert harmonize(words, tags, org_names=NAMES) == [["S-ORG", "O"], ["S-ORG", "O"], ["O", "S-ORG", "O"]]


def test_the_training_step_writes_the_list_beside_the_models(tmp_path):
    from kg.ner.registry import ORG_NAMES_FILE
    from kg.models.training import TrainConfig, train

    data = tmp_path / "data"
    (data / "kind").mkdir(parents=True)
    (data / "kind" / "gazetteer-ORG-wikipedia.txt").write_text(GAZETTEER, encoding="utf-8")
    for name in ("WN_train.tsv", "FIC_train.tsv", "ADG_train.tsv"):
        write_kind(data / "kind" / name, [[("Ferrari", "B-PER"), ("vince", "O")]])
    out = tmp_path / "out"
    train(TrainConfig(data=data, out=out, work=tmp_path / "work"), steps=("org_names",))
    assert OrgNames.read(out / ORG_NAMES_FILE).names == {("Trenord",), ("Ducati", "Xerox"), ("Lenovo",),
                                                          ("Cosa", "nostra"), ("Gabriele", "Sandri")}


def test_the_models_directory_list_is_read_else_the_shipped_one(tmp_path):
    from kg.ner.loader import load_org_names
    from kg.ner.registry import ORG_NAMES_FILE, SHIPPED_DIR

    shipped = load_org_names(tmp_path)                     # no list here: the shipped one
    assert shipped is load_org_names(SHIPPED_DIR) and ("Trenord",) in shipped.names
    assert ("Ferrari",) not in shipped.names               # KIND's training files make it a person
    write_org_names(["Ditta Prova"], tmp_path / ORG_NAMES_FILE)
    assert load_org_names(tmp_path).names == {("Ditta", "Prova")}


def test_the_list_is_part_of_the_model_version(tmp_path):
    from kg.ner.registry import ORG_NAMES_FILE, model_version

    (tmp_path / "it_kg_nertagger.pt").write_bytes(b"weights")
    before = model_version(tmp_path)
    write_org_names(["Ditta Prova"], tmp_path / ORG_NAMES_FILE)
    assert model_version(tmp_path) != before


@pytest.mark.model
def test_the_ner_stage_types_listed_organisations_with_the_shipped_model(nlp):
    from kg.ner.loader import load_org_names
    from kg.nlp import tag_texts

    text = "Il treno di Trenord è partito da Milano. Lo ha detto un portavoce della Ducati Xerox."
    [alone] = tag_texts(nlp, [text])
    [sentences] = tag_texts(nlp, [text], load_org_names())
    found = {(e.text, e.type) for s in sentences for e in s.entities}
    assert {("Trenord", "ORG"), ("Milano", "LOC"), ("Ducati Xerox", "ORG")} <= found
    assert found != {(e.text, e.type) for s in alone for e in s.entities}
