"""The shipped Italian Stanza models: offline loading and what they must get right."""
import socket

import pytest

from kg.ner.loader import FULL_PROCESSORS, ModelsMissing, load_pipeline, shipped_models

pytestmark = pytest.mark.model

PUTIN = "Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un a Pyongyang."


def test_every_processor_is_shipped():
    assert shipped_models().available() == FULL_PROCESSORS


def test_pipeline_loads_and_tags_with_every_connection_refused(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    nlp = load_pipeline(["tokenize", "mwt", "ner"])
    doc = nlp(PUTIN)
    assert {(e.text, e.type) for e in doc.ents} >= {("Vladimir Putin", "PER"), ("Kim Jong-un", "PER")}


def test_named_entities(nlp):
    ents = {(e.text, e.type) for e in nlp(PUTIN).ents}
    assert {("Vladimir Putin", "PER"), ("Kim Jong-un", "PER"), ("Pyongyang", "LOC")} <= ents


def test_multiword_tokens_expand(nlp):
    doc = nlp("La visita della delegazione si è svolta nella capitale.")
    words = [w.text.lower() for w in doc.sentences[0].words]
    assert words[2:4] == ["di", "la"]
    assert ["in", "la"] == words[words.index("svolta") + 1:words.index("svolta") + 3]


def test_nouns_ending_like_a_clitic_stay_whole(nlp):
    """The tokenizer flags "armi" after a verb as a verb + clitic ("ar" + "mi"); the shipped
    plain-word list keeps it one word with its own offsets, and a real "darmi" still expands."""
    text = "La Russia ha fornito armi e munizioni, e vuole darmi una mano."
    doc = nlp(text)
    tokens = {t.text: t for t in doc.sentences[0].tokens}
    armi = tokens["armi"]
    assert [w.text for w in armi.words] == ["armi"]
    assert text[armi.start_char:armi.end_char] == "armi"
    assert [w.text for w in tokens["darmi"].words] == ["dar", "mi"]
    assert [w.lemma for w in armi.words] == ["arma"]


def test_sentences_are_split(nlp):
    doc = nlp("Il ministro è arrivato a Roma. Domani incontrerà il presidente.")
    assert [s.text for s in doc.sentences] == ["Il ministro è arrivato a Roma.", "Domani incontrerà il presidente."]


def test_parse_of_the_letter_sentence(nlp):
    doc = nlp("Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un.")
    words = {w.text: w for w in doc.sentences[0].words}
    sent = doc.sentences[0]
    head = lambda w: sent.words[w.head - 1] if w.head else None
    subject = [w for w in sent.words if w.deprel.startswith("nsubj") and head(w).text == "inviato"]
    assert subject, "inviato has no subject"
    # UD attaches the appositive name to "presidente"; either is the subject chain of Putin.
    subj = subject[0]
    chain = {subj.text} | {w.text for w in sent.words if w.head == subj.id}
    assert "Putin" in chain or "Vladimir" in chain
    assert words["lettera"].deprel == "obj" and head(words["lettera"]).text == "inviato"
    assert (words["ha"].lemma, words["inviato"].lemma) == ("avere", "inviare")


def test_missing_model_file_is_named(tmp_path):
    with pytest.raises(ModelsMissing, match="it_kg_tokenizer.pt"):
        load_pipeline(["tokenize"], shipped_models(tmp_path))


def test_models_eval_reports_every_score(data_dir, capsys):
    from kg.cli import main

    assert main(["models", "eval", "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    micro = [line for line in out.splitlines() if "micro" in line]
    assert len(micro) == 1
    f1 = float(micro[0].split()[3])
    assert f1 > 75, out
    alone = [line for line in out.splitlines() if "the model alone" in line]
    assert len(alone) == 1 and 75 < float(alone[0].split()[-1]) < f1, out  # the stage adds to the model
    for metric in ("Tokens", "Sentences", "Words", "UPOS", "Lemmas", "UAS", "LAS", "tokens/s"):
        assert metric in out


def test_the_device_reaches_stanza(monkeypatch):
    """`--device cuda:1` picks that GPU, not only "a GPU" (no GPU needed: Stanza is faked)."""
    import stanza

    from kg.ner.loader import load_pipeline

    seen = {}
    monkeypatch.setattr(stanza, "Pipeline", lambda **kwargs: seen.update(kwargs) or "pipeline")
    assert load_pipeline(processors=["tokenize"], device="cuda:1") == "pipeline"
    assert (seen["use_gpu"], seen["device"]) == (True, "cuda:1")
    load_pipeline(processors=["tokenize"])
    assert (seen["use_gpu"], seen["device"]) == (False, None)

def _shipped_copy(tmp_path):
    """The shipped model directory as links, so a test can add or change one file."""
    from kg.ner.registry import SHIPPED_DIR

    directory = tmp_path / "models"
    directory.mkdir(parents=True)
    for path in SHIPPED_DIR.iterdir():
        (directory / path.name).symlink_to(path)
    return directory


def test_a_model_trained_with_charlms_gets_the_shipped_ones_and_others_none(tmp_path):
    """The shipped NER (own character LSTM) loads and tags with charLM files beside it or
    without; an NER trained with charLMs whose files are missing is a ModelsMissing naming them."""
    import torch

    from kg.ner.loader import _charlm_paths
    from kg.ner.registry import MODEL_FILES

    directory = _shipped_copy(tmp_path)
    assert _charlm_paths(directory) == (None, None)
    for direction in ("forward", "backward"):
        (directory / f"it_kg_{direction}_charlm.pt").write_bytes(b"")
    assert _charlm_paths(directory) == (str(directory / "it_kg_forward_charlm.pt"),
                                        str(directory / "it_kg_backward_charlm.pt"))
    nlp = load_pipeline(["tokenize", "mwt", "ner"], models=shipped_models(directory))
    assert ("Pyongyang", "LOC") in {(e.text, e.type) for e in nlp(PUTIN).ents}

    directory = _shipped_copy(tmp_path / "charlm")
    ner = directory / MODEL_FILES["ner"]
    checkpoint = torch.load(ner, map_location="cpu", weights_only=True)
    checkpoint["config"].update(charlm=True, charlm_forward_file="/trainer/only/f.pt")
    ner.unlink()
    torch.save(checkpoint, ner)
    with pytest.raises(ModelsMissing, match="it_kg_forward_charlm.pt"):
        load_pipeline(["tokenize", "mwt", "ner"], models=shipped_models(directory))
