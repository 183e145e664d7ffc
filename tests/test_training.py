"""The training command's own logic, on tiny corpora written by the test (no long training)."""
from pathlib import Path

import pytest

from kg.cli import main
from kg.models import corpora
from kg.models.corpora import CorpusError, DataDir
from kg.models.evaluation import bio_spans
from kg.models.training import STEPS, TrainConfig, compact_model, train

KIND_SENTENCES = [
    [("Il", "O"), ("presidente", "O"), ("Sergio", "B-PER"), ("Mattarella", "I-PER"), ("è", "O"),
     ("a", "O"), ("Roma", "B-LOC"), (".", "O")],
    [("La", "O"), ("Nato", "B-ORG"), ("si", "O"), ("riunisce", "O"), ("a", "O"), ("Bruxelles", "B-LOC"), (".", "O")],
]


def write_kind(path: Path, sentences, io_tags: bool = False) -> None:
    lines = []
    for sent in sentences:
        for tok, tag in sent:
            lines.append(f"{tok}\t{tag[2:] if io_tags and tag != 'O' else tag}")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_io_tags_become_bio(tmp_path):
    path = tmp_path / "silver.tsv"
    write_kind(path, KIND_SENTENCES, io_tags=True)
    sents = corpora.read_kind(path)
    assert sents[0][2:4] == [("Sergio", "B-PER"), ("Mattarella", "I-PER")]
    assert bio_spans([t for _, t in sents[0]]) == {(2, 4, "PER"), (6, 7, "LOC")}


def test_malformed_kind_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("Roma\tB-LOC\nsenza-tag\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad.tsv:2"):
        corpora.read_kind(path)


def test_bio_spans_reads_bioes():
    assert bio_spans(["S-PER", "O", "B-LOC", "I-LOC", "E-LOC", "B-ORG"]) == {(0, 1, "PER"), (2, 5, "LOC"), (5, 6, "ORG")}


def test_missing_corpus_file_is_named(tmp_path):
    with pytest.raises(CorpusError, match="WN_train.tsv"):
        DataDir(tmp_path).kind_file("WN_train.tsv")


def test_unknown_step_is_refused(tmp_path):
    cfg = TrainConfig(data=tmp_path, out=tmp_path / "out", work=tmp_path / "work")
    with pytest.raises(ValueError, match="unknown training steps"):
        train(cfg, ("tokenise",))
    assert "ner_news" in STEPS and STEPS.index("ner") < STEPS.index("ner_news")


def test_cli_reports_missing_data(tmp_path, capsys):
    assert main(["models", "train", "--data", str(tmp_path), "--out", str(tmp_path / "o"),
                 "--work", str(tmp_path / "w"), "--steps", "ner"]) != 0
    assert "it_kg.pretrain.pt" in capsys.readouterr().err


def test_vectors_step_writes_a_loadable_pretrain(tmp_path):
    pytest.importorskip("gensim")
    from stanza.models.common.pretrain import Pretrain

    data = tmp_path / "data"
    (data / "kind").mkdir(parents=True)
    (data / "ud-italian").mkdir()
    for name in corpora.VECTOR_SOURCES_KIND:
        write_kind(data / "kind" / name, KIND_SENTENCES * 5)
    cfg = TrainConfig(data=data, out=tmp_path / "out", work=tmp_path / "work", vector_dim=8, vector_min_count=1)
    train(cfg, ("vectors",))
    pretrain = Pretrain(str(cfg.out / "it_kg.pretrain.pt"))
    assert pretrain.emb.shape[1] == 8
    assert "mattarella" in pretrain.vocab


def test_compaction_halves_float_weights_and_keeps_values(tmp_path):
    import torch

    path = tmp_path / "m.pt"
    weights = torch.randn(100, 100)
    torch.save({"model": {"w": weights, "small": torch.ones(3)}, "config": {}}, path)
    before, after = compact_model(path)
    assert after < 0.6 * before
    loaded = torch.load(path, weights_only=False)
    assert loaded["model"]["w"].dtype == torch.float16
    assert loaded["model"]["small"].dtype == torch.float32
    assert torch.allclose(loaded["model"]["w"].float(), weights, atol=1e-2)


def test_continuing_steps_need_the_model_they_continue(tmp_path):
    """``ner_news``, ``pos_more`` and ``depparse_more`` train further a model in --out; without it
    they say which."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "it_kg.pretrain.pt").write_bytes(b"")
    for step, missing in [("depparse_more", "it_kg_parser.pt"), ("ner_news", "it_kg_nertagger.pt"),
                          ("pos_more", "it_kg_tagger.pt")]:
        cfg = TrainConfig(data=tmp_path, out=out, work=tmp_path / "work")
        with pytest.raises(FileNotFoundError, match=missing):
            train(cfg, (step,))


def test_a_full_run_leaves_out_the_continuing_steps():
    from kg.models.training import DEFAULT_STEPS

    assert "depparse" in DEFAULT_STEPS and "depparse_more" not in DEFAULT_STEPS
    assert "pos" in DEFAULT_STEPS and "pos_more" not in DEFAULT_STEPS
    assert STEPS.index("depparse") < STEPS.index("depparse_more")
    assert STEPS.index("pos") < STEPS.index("pos_more") < STEPS.index("lemma")
    assert STEPS.index("charlm") < STEPS.index("ner") and "charlm" not in DEFAULT_STEPS


def test_news_fine_tune_starts_from_a_copy_with_its_own_learning_rate(tmp_path, monkeypatch):
    """Stanza's NER fine-tune takes its learning rate from the saved model, so ``ner_news_lr``
    writes a start copy carrying it; the model in --out is left as it was."""
    import torch

    from kg.models import training

    data = tmp_path / "data"
    (data / "kind").mkdir(parents=True)
    for name in ("WN_train", "WN_dev"):
        write_kind(data / "kind" / f"{name}.tsv", KIND_SENTENCES)
    out = tmp_path / "out"
    out.mkdir()
    (out / "it_kg.pretrain.pt").write_bytes(b"")
    torch.save({"model": {"w": torch.ones(2)}, "config": {"lr": 0.1}}, out / "it_kg_nertagger.pt")
    calls = []
    monkeypatch.setattr(training, "run_stanza", lambda module, args, cfg, step, **_: calls.append(args))
    monkeypatch.setattr(training, "compact_model", lambda path: (1, 1))
    train(TrainConfig(data=data, out=out, work=tmp_path / "work", ner_news_lr=0.03), ("ner_news",))
    args = calls[0]
    start = Path(args[args.index("--finetune_load_name") + 1])
    assert torch.load(start, weights_only=True)["config"]["lr"] == 0.03
    assert torch.load(out / "it_kg_nertagger.pt", weights_only=True)["config"]["lr"] == 0.1
    calls.clear()
    train(TrainConfig(data=data, out=out, work=tmp_path / "work2"), ("ner_news",))
    assert "--finetune" in calls[0] and "--finetune_load_name" not in calls[0]


def test_parser_second_stage_step_reaches_stanza_only_when_set(tmp_path):
    from kg.models.training import _depparse_args

    data = _ud_data(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    args = _depparse_args(TrainConfig(data=data, out=tmp_path, work=work, depparse_second_stage_step=400),
                          DataDir(data), "depparse_more")
    assert args[args.index("--second_optim_start_step") + 1] == "400"
    assert "--second_optim_start_step" not in _depparse_args(TrainConfig(data=data, out=tmp_path, work=work),
                                                             DataDir(data), "depparse")


def _ud_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "ud-italian").mkdir(parents=True)
    for name in corpora.UD_TAGGER_TRAIN + corpora.UD_TAGGER_DEV:
        (data / "ud-italian" / name).write_text(
            "# text = Ciao\n1\tCiao\tciao\tINTJ\tI\t_\t0\troot\t_\t_\n\n", encoding="utf-8")
    return data


def test_tagger_continues_from_a_copy_at_its_own_learning_rate(tmp_path, monkeypatch):
    """``pos_more`` hands the runner a copy of the tagger in --out to start from (the model in
    --out is what the run overwrites), and ``pos_lr`` reaches Stanza's ``--lr`` only when set."""
    from kg.models import training

    data = _ud_data(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "it_kg.pretrain.pt").write_bytes(b"")
    (out / "it_kg_tagger.pt").write_bytes(b"the tagger")
    calls = []
    monkeypatch.setattr(training, "run_stanza",
                        lambda module, args, cfg, step, runner_args=(): calls.append((module, args, runner_args)))
    monkeypatch.setattr(training, "compact_model", lambda path: (1, 1))
    train(TrainConfig(data=data, out=out, work=tmp_path / "work", pos_lr=0.001), ("pos_more",))
    module, args, runner_args = calls[0]
    assert module == "stanza.models.tagger"
    assert runner_args[0] == "--tagger-start"
    start = Path(runner_args[1])
    assert start != out / "it_kg_tagger.pt" and start.read_bytes() == b"the tagger"
    assert args[args.index("--lr") + 1] == "0.001"
    assert args[args.index("--save_name") + 1] == "it_kg_tagger.pt"
    calls.clear()
    train(TrainConfig(data=data, out=out, work=tmp_path / "work2"), ("pos",))
    assert calls[0][2] == () and "--lr" not in calls[0][1]


def test_tagger_start_loads_the_saved_model_and_refuses_another_vocabulary(tmp_path, monkeypatch):
    """The runner's ``--tagger-start`` turns the trainer's "build a new model" into "load this
    one", and stops when the run's vocabulary is not the saved one."""
    import torch
    from stanza.models.pos import trainer as pos_trainer

    from kg.models import stanza_run

    class Vocab:
        def __init__(self, words):
            self.words = words

        def state_dict(self):
            return {"word": {"_id2unit": self.words}}

    model = tmp_path / "tagger.pt"
    torch.save({"model": {}, "vocab": {"word": {"_id2unit": ["<PAD>", "ciao"]}}, "config": {}}, model)
    built = []
    monkeypatch.setattr(pos_trainer.Trainer, "__init__",
                        lambda self, args=None, vocab=None, pretrain=None, model_file=None, device=None,
                        foundation_cache=None: built.append(model_file))
    stanza_run.start_tagger_from(model)
    pos_trainer.Trainer(args={}, vocab=Vocab(["<PAD>", "ciao"]), pretrain=None, device="cpu")
    assert built == [str(model)]
    pos_trainer.Trainer(args={}, vocab=None, pretrain=None, model_file="best.pt", device="cpu")
    assert built[-1] == "best.pt"      # Stanza's own reloads of its best checkpoint are untouched
    with pytest.raises(SystemExit, match="vocabulary differs"):
        pos_trainer.Trainer(args={}, vocab=Vocab(["<PAD>", "salve"]), pretrain=None, device="cpu")


def test_parser_vocab_indexes_the_training_data_like_the_saved_parser(monkeypatch):
    """``--parser-vocab``: data loaders that would build a vocabulary from a (reweighted)
    training file get the saved parser's, so ``--continue_from`` weights mean the same words."""
    import torch
    from stanza.models.depparse import data as depparse_data

    from kg.models import stanza_run
    from kg.ner.registry import MODEL_FILES, SHIPPED_DIR

    model = SHIPPED_DIR / MODEL_FILES["depparse"]
    given = []
    monkeypatch.setattr(depparse_data.Dataset, "__init__",
                        lambda self, doc, args, pretrain, vocab=None, evaluation=False, bert_tokenizer=None:
                        given.append(vocab))
    stanza_run.read_parser_data_with_vocab_of(model)
    depparse_data.Dataset(None, {}, None)
    saved = torch.load(model, map_location="cpu", weights_only=True)["vocab"]
    assert given[0].state_dict() == saved
    depparse_data.Dataset(None, {}, None, vocab="the dev loader's")
    assert given[1] == "the dev loader's"


def test_tagger_reads_each_treebank_apart_with_another_xpos_tagset_blanked(tmp_path):
    """Stanza's tagger trains a column only on the files that have it: PUD's Penn-style XPOS
    (NN, IN) goes in blanked, the other treebanks keep theirs, and ISDT dev is read more often."""
    from kg.models.training import _pos_args

    data = _ud_data(tmp_path)
    pud = data / "ud-italian" / "it_pud-ud-test.conllu"
    pud.write_text("# text = Roma vince\n1\tRoma\tRoma\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                   "2\tvince\tvincere\tVERB\tVBC\t_\t0\troot\t_\t_\n\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    args = _pos_args(TrainConfig(data=data, out=tmp_path, work=work), DataDir(data), "pos")
    files = [Path(f) for f in args[args.index("--train_file") + 1].split(";")]
    ratios = [float(r) for r in args[args.index("--train_ratios") + 1].split(";")]
    assert len(files) == len(ratios) == len(corpora.UD_TAGGER_TRAIN)
    by_name = dict(zip(corpora.UD_TAGGER_TRAIN, zip(files, ratios)))
    pud_file, pud_ratio = by_name["it_pud-ud-test.conllu"]
    rows = [line.split("\t") for line in pud_file.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert [r[4] for r in rows] == ["_", "_"] and [r[3] for r in rows] == ["PROPN", "VERB"]
    assert pud_ratio == 1.0
    isdt_file, isdt_ratio = by_name["it_isdt-ud-dev.conllu"]
    assert isdt_file == data / "ud-italian" / "it_isdt-ud-dev.conllu" and isdt_ratio == 3.0
    assert "\tI\t" in by_name["it_partut-ud-train.conllu"][0].read_text(encoding="utf-8")
    assert args[args.index("--eval_interval") + 1] == "50" and "--fix_eval_interval" in args


def test_lemmatizer_and_parser_training_files_repeat_weighted_treebanks(tmp_path, monkeypatch):
    from kg.models import training

    data = _ud_data(tmp_path)
    (data / "ud-italian" / "it_isdt-ud-dev.conllu").write_text(
        "# text = Isdt\n1\tIsdt\tisdt\tPROPN\tSP\t_\t0\troot\t_\t_\n\n", encoding="utf-8")
    calls = []
    monkeypatch.setattr(training, "run_stanza", lambda module, args, cfg, step, runner_args=(): calls.append(args))
    monkeypatch.setattr(training, "compact_model", lambda path: (1, 1))
    train(TrainConfig(data=data, out=tmp_path / "out", work=tmp_path / "work"), ("lemma",))
    text = Path(calls[0][calls[0].index("--train_file") + 1]).read_text(encoding="utf-8")
    assert text.count("# text = Isdt") == 3
    assert text.count("# text = Ciao") == len(corpora.UD_TAGGER_TRAIN) - 1
    parser_args = training._depparse_args(TrainConfig(data=data, out=tmp_path, work=tmp_path / "work"),
                                          DataDir(data), "depparse")
    assert Path(parser_args[parser_args.index("--train_file") + 1]).read_text(encoding="utf-8") == text


def test_predicted_parser_tags_come_from_the_shipped_tagger_with_the_trees_kept(tmp_path):
    """``--parser-tags predicted``: the parser's files get the tagger's UPOS, XPOS and
    features; words, lemmas, heads and relations stay the treebank's."""
    from kg.ner.registry import SHIPPED_DIR
    from kg.models.training import _retagged

    source = tmp_path / "work" / "depparse.train.conllu"
    source.parent.mkdir()
    source.write_text(
        "# text = Il governo ha inviato armi.\n"
        "1\tIl\til\tX\t_\t_\t2\tdet\t_\t_\n2\tgoverno\tgoverno\tX\t_\t_\t4\tnsubj\t_\t_\n"
        "3\tha\tavere\tX\t_\t_\t4\taux\t_\t_\n4\tinviato\tinviare\tX\t_\t_\t0\troot\t_\t_\n"
        "5\tarmi\tarma\tX\t_\t_\t4\tobj\t_\t_\n6\t.\t.\tX\t_\t_\t4\tpunct\t_\t_\n\n", encoding="utf-8")
    cfg = TrainConfig(data=tmp_path, out=SHIPPED_DIR, work=source.parent, threads=1)
    rows = [line.split("\t") for line in _retagged(cfg, source, "depparse").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert [r[3] for r in rows] == ["DET", "NOUN", "AUX", "VERB", "NOUN", "PUNCT"]
    assert [(r[2], r[6], r[7]) for r in rows] == [("il", "2", "det"), ("governo", "4", "nsubj"), ("avere", "4", "aux"),
                                                  ("inviare", "0", "root"), ("arma", "4", "obj"), (".", "4", "punct")]
    assert all(r[4] != "_" for r in rows)


def test_unknown_parser_tags_are_refused(tmp_path):
    from kg.models.training import _depparse_args

    data = _ud_data(tmp_path)
    (tmp_path / "work").mkdir()
    with pytest.raises(ValueError, match="depparse_tags"):
        _depparse_args(TrainConfig(data=data, out=tmp_path, work=tmp_path / "work", depparse_tags="silver"),
                       DataDir(data), "depparse")


def _fake_parser(path: Path, weight: float, vocab=None) -> Path:
    import torch

    torch.save({"model": {"w": torch.full((3,), weight), "steps": torch.tensor([7])},
                "vocab": vocab or {"word": ["<PAD>", "ciao"]}, "config": {"hidden_dim": 4},
                "global_step": int(weight), "optimizer_state_dict": {"never": "shipped"}}, path)
    return path


def test_parser_average_is_the_mean_of_the_snapshots_weights(tmp_path):
    import torch

    from kg.models.training import average_checkpoints

    snaps = [_fake_parser(tmp_path / f"step-{i}.pt", w) for i, w in enumerate((1.0, 2.0, 6.0))]
    average_checkpoints(snaps, tmp_path / "mean.pt")
    mean = torch.load(tmp_path / "mean.pt", weights_only=False)
    assert torch.allclose(mean["model"]["w"], torch.full((3,), 3.0))
    assert mean["model"]["steps"].tolist() == [7]          # integers are not averaged
    assert mean["global_step"] == 6 and "optimizer_state_dict" not in mean
    _fake_parser(tmp_path / "other.pt", 1.0, vocab={"word": ["<PAD>", "salve"]})
    with pytest.raises(ValueError, match="other.pt: another vocabulary"):
        average_checkpoints([tmp_path / "other.pt", snaps[0]], tmp_path / "bad.pt")


def test_a_shipped_parser_averaged_with_itself_parses_as_before(tmp_path):
    """The average of real Stanza parser files is a parser the pipeline loads and parses with."""
    import torch

    from kg.ner.loader import load_pipeline, resolve_models
    from kg.ner.registry import MODEL_FILES, SHIPPED_DIR
    from kg.models.training import average_checkpoints

    shipped = SHIPPED_DIR / MODEL_FILES["depparse"]
    models_dir = tmp_path / "models"
    models_dir.mkdir()
    for path in SHIPPED_DIR.iterdir():
        if path.name != shipped.name:
            (models_dir / path.name).symlink_to(path)
    average_checkpoints([shipped, shipped], models_dir / shipped.name)
    before = torch.load(shipped, map_location="cpu", weights_only=False)["model"]
    after = torch.load(models_dir / shipped.name, map_location="cpu", weights_only=False)["model"]
    assert before.keys() == after.keys() and all(torch.equal(before[k], after[k]) for k in before)
    text = "Il presidente russo Vladimir Putin ha inviato una lettera a Kim Jong-un."
    trees = []
    for models in (resolve_models(), resolve_models(models_dir)):
        doc = load_pipeline(["tokenize", "mwt", "pos", "lemma", "depparse"], models)(text)
        trees.append([(w.text, w.head, w.deprel) for w in doc.sentences[0].words])
    assert trees[0] == trees[1] and ("lettera", 7, "obj") in trees[1]


def test_parser_snapshots_are_written_at_dev_evaluations_only(tmp_path, monkeypatch):
    from stanza.models.depparse import trainer as depparse_trainer

    from kg.models import stanza_run

    written = []
    monkeypatch.setattr(depparse_trainer.Trainer, "save",
                        lambda self, filename, skip_modules=True, save_optimizer=False:
                        written.append((Path(filename).name, save_optimizer)))
    stanza_run.snapshot_parser_into(tmp_path / "snaps")

    class Run:
        args = {"eval_interval": 25}
        global_step = 50

    run = Run()
    depparse_trainer.Trainer.save(run, "ckpt.pt", save_optimizer=True)
    assert written == [("ckpt.pt", True), ("step-000050.pt", False)]
    written.clear()
    run.global_step = 51                                       # a checkpoint forced between evaluations
    depparse_trainer.Trainer.save(run, "ckpt.pt", save_optimizer=True)
    depparse_trainer.Trainer.save(run, "best.pt")              # the best model: no snapshot either
    assert written == [("ckpt.pt", True), ("best.pt", False)]


def _fake_snapshots(runner_args, flag: str, weights) -> None:
    """What a trainer asked for snapshots with ``flag`` writes: one fake model per (step, weight)."""
    snaps = Path(runner_args[runner_args.index(flag) + 1])
    snaps.mkdir(parents=True)
    for step_no, weight in weights:
        _fake_parser(snaps / f"step-{step_no:06d}.pt", weight)


def _parser_out(tmp_path: Path) -> tuple[Path, Path]:
    """UD data and an --out folder holding a (fake) parser to continue, weights all 5.0."""
    data = _ud_data(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "it_kg.pretrain.pt").write_bytes(b"")
    _fake_parser(out / "it_kg_parser.pt", 5.0)
    return data, out


@pytest.mark.parametrize("average_las, replaced", [(86.4, True), (86.2, False)])
def test_the_parser_average_ships_only_when_dev_does_not_drop(tmp_path, monkeypatch, average_las, replaced):
    import torch

    from kg.models import training

    data, out = _parser_out(tmp_path)
    calls = []

    def fake_run(module, args, cfg, step, runner_args=(), seed=None, budget_of=None):
        calls.append((args, runner_args))
        _fake_snapshots(runner_args, "--parser-snapshots", ((25, 9.0), (50, 1.0), (75, 2.0)))

    monkeypatch.setattr(training, "run_stanza", fake_run)
    monkeypatch.setattr(training, "compact_model", lambda path: (1, 1))
    scores = {"best": 86.3, "average": average_las}
    monkeypatch.setattr(training, "score_parser", lambda cfg, model, dev, step: scores[step.rsplit("_", 1)[1]])
    train(TrainConfig(data=data, out=out, work=tmp_path / "work", depparse_average=2, depparse_eval_interval=25),
          ("depparse_more",))
    args, runner_args = calls[0]
    assert args[args.index("--eval_interval") + 1] == "25" and "--parser-vocab" in runner_args
    kept = torch.load(out / "it_kg_parser.pt", weights_only=False)["model"]["w"]
    assert kept.tolist() == ([1.5] * 3 if replaced else [5.0] * 3)   # the last two snapshots' mean


def test_parser_runs_side_by_side_keep_the_best_of_their_checkpoints_and_their_mean(tmp_path, monkeypatch):
    """``--parser-seeds``: one continued run per seed, each saving apart; the mean of every
    run's last snapshots is kept when it scores at least the best run's checkpoint on dev."""
    import torch

    from kg.models import training

    data, out = _parser_out(tmp_path)
    calls = []

    def fake_run(module, args, cfg, step, runner_args=(), seed=None, budget_of=None):
        calls.append((step, seed, budget_of, args[args.index("--save_dir") + 1]))
        save_dir = Path(args[args.index("--save_dir") + 1])
        _fake_parser(save_dir / "it_kg_parser.pt", float(seed))
        _fake_snapshots(runner_args, "--parser-snapshots",
                        [(step_no, float(seed + step_no)) for step_no in (25, 50, 75)])

    monkeypatch.setattr(training, "run_stanza", fake_run)
    monkeypatch.setattr(training, "compact_model", lambda path: (1, 1))
    scores = {"seed-10": 86.5, "seed-20": 86.6, "average": 86.7}
    monkeypatch.setattr(training, "score_parser",
                        lambda cfg, model, dev, step: scores[step.split(".")[1].replace("score_", "")])
    cfg = TrainConfig(data=data, out=out, work=tmp_path / "work", depparse_average=2, depparse_seeds=(10, 20),
                      budgets={"depparse_more": 1.0})
    train(cfg, ("depparse_more",))
    assert sorted(c[:3] for c in calls) == [("depparse_more.seed-10", 10, "depparse_more"),
                                            ("depparse_more.seed-20", 20, "depparse_more")]
    assert len({c[3] for c in calls}) == 2                    # each run saves into its own folder
    kept = torch.load(out / "it_kg_parser.pt", weights_only=False)["model"]["w"]
    assert kept.tolist() == [(10 + 50 + 10 + 75 + 20 + 50 + 20 + 75) / 4] * 3
    scores["average"] = 86.55
    train(cfg, ("depparse_more",))
    assert torch.load(out / "it_kg_parser.pt", weights_only=False)["model"]["w"].tolist() == [20.0] * 3


def test_parser_seeds_are_read_as_integers(capsys):
    from kg.cli import build_parser

    assert build_parser().parse_args(["models", "train", "--data", "d", "--parser-seeds", "1234,4321"]).parser_seeds \
        == (1234, 4321)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["models", "train", "--data", "d", "--parser-seeds", "1234,x"])
    assert "seeds are integers" in capsys.readouterr().err


UD_WITH_MWT = ("# text = Vado al mare.\n1\tVado\tandare\tVERB\tV\t_\t0\troot\t_\t_\n"
               "2-3\tal\t_\t_\t_\t_\t_\t_\t_\t_\n2\ta\ta\tADP\tE\t_\t4\tcase\t_\t_\n"
               "3\til\til\tDET\tRD\t_\t4\tdet\t_\t_\n4\tmare\tmare\tNOUN\tS\t_\t1\tobl\t_\t_\n"
               "5\t.\t.\tPUNCT\tFS\t_\t1\tpunct\t_\t_\n\n")


def _charlm_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "kind").mkdir(parents=True)
    (data / "ud-italian").mkdir()
    for name in corpora.VECTOR_SOURCES_KIND:
        write_kind(data / "kind" / name, KIND_SENTENCES)
    write_kind(data / "kind" / "WN_test.tsv", [[("Segreto", "O")]])
    for name in ("it_partut-ud-train.conllu", corpora.CHARLM_DEV):
        (data / "ud-italian" / name).write_text(UD_WITH_MWT, encoding="utf-8")
    (data / "ud-italian" / corpora.UD_TEST).write_text(UD_WITH_MWT.replace("mare", "Segreto"), encoding="utf-8")
    return data


def test_charlm_text_is_the_tokens_as_written_with_test_and_dev_held_out(tmp_path):
    train_lines, dev_lines = corpora.charlm_text(DataDir(_charlm_data(tmp_path)))
    assert "Il presidente Sergio Mattarella è a Roma ." in train_lines
    assert train_lines.count("Vado al mare .") == 1      # the surface token, not "a il"; dev held out
    assert dev_lines == ["Vado al mare ."]
    assert not any("Segreto" in line for line in train_lines + dev_lines)
    # the word vectors keep reading syntactic words
    assert ["vado", "a", "il", "mare", "."] in list(corpora.vector_sentences(DataDir(_charlm_data(tmp_path / "v"))))


def test_charlm_step_trains_both_directions_and_ships_their_best_models(tmp_path, monkeypatch):
    from kg.models import training

    data = _charlm_data(tmp_path)
    calls = []

    def fake_run(module, args, cfg, step, budget_of=None):
        calls.append((module, step, budget_of, args))
        save = Path(args[args.index("--save_dir") + 1]) / args[args.index("--save_name") + 1]
        save.write_text(args[args.index("--direction") + 1])

    monkeypatch.setattr(training, "run_stanza", fake_run)
    cfg = TrainConfig(data=data, out=tmp_path / "out", work=tmp_path / "work", charlm_hidden=64)
    train(cfg, ("charlm",))
    assert sorted(step for _, step, _, _ in calls) == ["charlm_backward", "charlm_forward"]
    assert {budget for _, _, budget, _ in calls} == {"charlm"}
    assert all(args[args.index("--char_hidden_dim") + 1] == "64" for *_, args in calls)
    assert (cfg.out / "it_kg_forward_charlm.pt").read_text() == "forward"
    assert (cfg.out / "it_kg_backward_charlm.pt").read_text() == "backward"
    assert "Vado al mare ." in (cfg.work / "charlm.train.txt").read_text(encoding="utf-8")


def test_ner_trains_with_the_charlms_in_out_or_says_to_train_them(tmp_path, monkeypatch):
    from kg.models import training

    data = _charlm_data(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "it_kg.pretrain.pt").write_bytes(b"")
    calls = []
    monkeypatch.setattr(training, "run_stanza", lambda module, args, cfg, step, **_: calls.append(args))
    monkeypatch.setattr(training, "compact_model", lambda path: (1, 1))
    with pytest.raises(FileNotFoundError, match="it_kg_forward_charlm.pt.*'charlm' step"):
        train(TrainConfig(data=data, out=out, work=tmp_path / "work", ner_charlm=True), ("ner",))
    train(TrainConfig(data=data, out=out, work=tmp_path / "work"), ("ner",))
    assert "--charlm" not in calls[-1]
    for direction in ("forward", "backward"):
        (out / f"it_kg_{direction}_charlm.pt").write_bytes(b"")
    train(TrainConfig(data=data, out=out, work=tmp_path / "work", ner_charlm=True), ("ner",))
    args = calls[-1]
    assert "--charlm" in args and args[args.index("--charlm_shorthand") + 1] == "it_kg"
    assert args[args.index("--charlm_backward_file") + 1] == str(out / "it_kg_backward_charlm.pt")


# ---------------------------------------------------------------- NER: unknown words, averaging

def _ner_data(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    (data / "kind").mkdir(parents=True)
    for name in ("WN_train", "WN_dev"):
        write_kind(data / "kind" / f"{name}.tsv", KIND_SENTENCES)
    out = tmp_path / "out"
    out.mkdir()
    (out / "it_kg.pretrain.pt").write_bytes(b"")
    return data, out


def test_ner_runs_hide_rare_words_unless_told_not_to(tmp_path, monkeypatch):
    from kg.models import training

    data, out = _ner_data(tmp_path)
    calls = []
    monkeypatch.setattr(training, "run_stanza", lambda module, args, cfg, step, runner_args=(), **_:
                        calls.append(runner_args))
    monkeypatch.setattr(training, "compact_model", lambda path: (1, 1))
    sets = ("WN_train.tsv",)
    train(TrainConfig(data=data, out=out, work=tmp_path / "work", ner_train_sets=sets), ("ner",))
    assert calls[-1] == ("--ner-unk-alpha", "2.0")
    train(TrainConfig(data=data, out=out, work=tmp_path / "work", ner_train_sets=sets, ner_unk_alpha=0), ("ner",))
    assert calls[-1] == ()


def test_rare_training_words_reach_the_embeddings_as_unknown_at_their_rate(monkeypatch):
    """Kiperwasser and Goldberg's word dropout: a word seen c times in the training file is
    looked up as unknown with probability alpha / (alpha + c), in training only; its characters
    still reach the character model (only the word list the lookup reads changes)."""
    import stanza
    from stanza.models.ner import data as ner_data
    from stanza.models.ner import model as ner_model

    from kg.models import stanza_run

    seen = []
    monkeypatch.setattr(ner_data.DataLoader, "__init__", lambda self, doc, *a, **k: None)
    monkeypatch.setattr(ner_model.NERTagger, "forward", lambda self, sentences, *rest: seen.append(sentences))
    stanza_run.hide_rare_ner_words(1.0)
    training_doc = stanza.Document([[{"id": 1, "text": "Roma"}, {"id": 2, "text": "Putin"}]] +
                                   [[{"id": 1, "text": "roma"}]] * 99)
    ner_data.DataLoader(training_doc, 32, {})
    ner_data.DataLoader(stanza.Document([[{"id": 1, "text": "Kim"}]] * 50), 32, {}, evaluation=True)

    class Tagger:
        training = True

    tagger = Tagger()
    for _ in range(2000):
        ner_model.NERTagger.forward(tagger, [["Roma", "Putin", "Kim"]], "chars")
    hidden = [sum(s[0][i] == stanza_run.UNKNOWN_WORD for s in seen) / len(seen) for i in range(3)]
    assert abs(hidden[1] - 0.5) < 0.05          # Putin: once in training, 1 / (1 + 1)
    assert hidden[0] < 0.03                     # Roma: 100 times (lower-cased), 1 / 101
    assert hidden[2] == 1.0                     # Kim: only in the evaluation data, count 0
    seen.clear()
    tagger.training = False
    ner_model.NERTagger.forward(tagger, [["Roma", "Putin", "Kim"]], "chars")
    assert seen == [[["Roma", "Putin", "Kim"]]]


def test_ner_snapshots_are_written_every_evaluation_interval(tmp_path, monkeypatch):
    from stanza.models.ner import trainer as ner_trainer

    from kg.models import stanza_run

    written = []
    monkeypatch.setattr(ner_trainer.Trainer, "update", lambda self, batch, eval=False: 0.5)
    monkeypatch.setattr(ner_trainer.Trainer, "save", lambda self, filename, skip_modules=True:
                        written.append(Path(filename).name), raising=False)
    stanza_run.snapshot_ner_into(tmp_path / "snaps")

    class Run:
        args = {"eval_interval": 3}
        save = ner_trainer.Trainer.save

    run = Run()
    for _ in range(7):
        ner_trainer.Trainer.update(run, "batch")
    ner_trainer.Trainer.update(run, "batch", eval=True)    # scoring a batch is no training step
    assert written == ["step-000003.pt", "step-000006.pt"]


def test_ner_score_is_read_from_stanzas_log(tmp_path, monkeypatch):
    from kg.models import training

    cfg = TrainConfig(data=tmp_path, out=tmp_path / "out", work=tmp_path)

    def fake_run(module, args, cfg, step, **_):
        assert args[args.index("--mode") + 1] == "predict" and args[args.index("--save_name") + 1] == "m.pt"
        (tmp_path / f"{step}.log").write_text(
            "INFO: NER tagger score: it_kg /a path/m.pt /dev.json 81.23\nINFO: NER Entity F1 scores:\n")

    monkeypatch.setattr(training, "run_stanza", fake_run)
    assert training.score_ner(cfg, tmp_path / "m.pt", tmp_path / "dev.json", "s") == 81.23


@pytest.mark.parametrize("average_f1, replaced", [(80.6, True), (80.4, False)])
def test_the_ner_average_replaces_the_best_checkpoint_only_when_dev_does_not_drop(tmp_path, monkeypatch,
                                                                                 average_f1, replaced):
    import torch

    from kg.models import training

    data, out = _ner_data(tmp_path)
    _fake_parser(out / "it_kg_nertagger.pt", 5.0)

    def fake_run(module, args, cfg, step, runner_args=(), **_):
        assert "--finetune" in args and "--ner-unk-alpha" in runner_args
        _fake_snapshots(runner_args, "--ner-snapshots", ((500, 9.0), (1000, 1.0), (1500, 2.0)))

    monkeypatch.setattr(training, "run_stanza", fake_run)
    monkeypatch.setattr(training, "compact_model", lambda path: (1, 1))
    scores = {"best": 80.5, "average": average_f1}
    monkeypatch.setattr(training, "score_ner", lambda cfg, model, dev, step: scores[step.rsplit("_", 1)[1]])
    train(TrainConfig(data=data, out=out, work=tmp_path / "work", ner_average=2), ("ner_news",))
    kept = torch.load(out / "it_kg_nertagger.pt", weights_only=False)["model"]["w"]
    assert kept.tolist() == ([1.5] * 3 if replaced else [5.0] * 3)   # the last two snapshots' mean


def test_ner_options_reach_the_training_settings(tmp_path, monkeypatch):
    from kg.models import training

    seen = []
    monkeypatch.setattr(training, "train", lambda cfg, steps: seen.append((cfg, steps)))
    base = ["models", "train", "--data", str(tmp_path), "--out", str(tmp_path / "o"), "--work", str(tmp_path / "w"),
            "--steps", "ner_news"]
    assert main(base) == 0
    cfg, steps = seen[-1]
    assert steps == ("ner_news",) and cfg.ner_unk_alpha == 2.0 and cfg.ner_average == 0 and cfg.ner_max_steps == 40000
    assert main([*base, "--ner-unk-alpha", "0", "--ner-average", "5", "--ner-max-steps", "4500",
                 "--ner-news-lr", "0.05", "--ner-seeds", "1234,4321"]) == 0
    cfg, _ = seen[-1]
    assert (cfg.ner_unk_alpha, cfg.ner_average, cfg.ner_max_steps, cfg.ner_news_lr) == (0, 5, 4500, 0.05)
    assert cfg.ner_seeds == (1234, 4321)


def test_ner_runs_side_by_side_keep_the_best_of_their_checkpoints_and_their_mean(tmp_path, monkeypatch):
    """``--ner-seeds``: one fine-tune per seed from a copy of the model in --out, each saving
    apart; the mean of every run's last snapshots ships when it scores at least the best run's
    checkpoint on dev, else that checkpoint does."""
    import torch

    from kg.models import training

    data, out = _ner_data(tmp_path)
    _fake_parser(out / "it_kg_nertagger.pt", 5.0)
    calls = []

    def fake_run(module, args, cfg, step, runner_args=(), seed=None, budget_of=None):
        calls.append((step, seed, budget_of))
        start = Path(args[args.index("--finetune_load_name") + 1])
        assert torch.equal(torch.load(start, weights_only=False)["model"]["w"],
                           torch.load(out / "it_kg_nertagger.pt", weights_only=False)["model"]["w"])
        save_dir = Path(args[args.index("--save_dir") + 1])
        assert save_dir != out
        _fake_parser(save_dir / "it_kg_nertagger.pt", float(seed))
        _fake_snapshots(runner_args, "--ner-snapshots",
                        ((500, 100.0), (1000, float(seed) / 1000), (1500, float(seed) / 1000 + 2)))

    monkeypatch.setattr(training, "run_stanza", fake_run)
    monkeypatch.setattr(training, "compact_model", lambda path: (1, 1))
    scores = {"ner_news.seed-1000.score_best": 80.0, "ner_news.seed-3000.score_best": 80.9,
              "ner_news.score_average": 81.0}
    monkeypatch.setattr(training, "score_ner", lambda cfg, model, dev, step: scores[step])
    train(TrainConfig(data=data, out=out, work=tmp_path / "work", ner_average=2, ner_seeds=(1000, 3000)),
          ("ner_news",))
    assert sorted(calls) == [("ner_news.seed-1000", 1000, "ner_news"), ("ner_news.seed-3000", 3000, "ner_news")]
    kept = torch.load(out / "it_kg_nertagger.pt", weights_only=False)["model"]["w"]
    assert kept.tolist() == [3.0] * 3            # mean of 1, 3, 3 and 5
    scores["ner_news.score_average"] = 80.5
    train(TrainConfig(data=data, out=out, work=tmp_path / "work", ner_average=2, ner_seeds=(1000, 3000)),
          ("ner_news",))
    kept = torch.load(out / "it_kg_nertagger.pt", weights_only=False)["model"]["w"]
    assert kept.tolist() == [3000.0] * 3         # the seed-3000 run's best checkpoint
