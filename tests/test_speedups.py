"""kg's drop-in cycle finder gives Stanza's Chu-Liu-Edmonds decoder the same trees."""
import numpy as np
import pytest

from kg.models import training_speedups
from kg.ner import speedups

chuliu_edmonds = pytest.importorskip("stanza.models.common.chuliu_edmonds")
speedups.install()
stanza_tarjan = chuliu_edmonds.stanza_tarjan


def random_trees(count, seed=7):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        n = int(rng.integers(2, 70))
        tree = rng.integers(0, n, size=n)
        tree[0] = 0
        yield tree


def test_same_cycles_in_the_same_order_as_stanza():
    with_cycles = 0
    for tree in random_trees(3000):
        ours, theirs = speedups.tree_cycles(tree), stanza_tarjan(tree)
        assert len(ours) == len(theirs), tree
        assert all((a == b).all() for a, b in zip(ours, theirs)), tree
        with_cycles += len(ours) > 1
    assert with_cycles > 100  # the sample exercises several cycles per tree


def test_known_cycles():
    assert speedups.tree_cycles(np.array([0, 4, 4, 4, 0])) == []
    [cycle] = speedups.tree_cycles(np.array([0, 3, 1, 2]))
    assert cycle.tolist() == [False, True, True, True]
    first, second = speedups.tree_cycles(np.array([0, 2, 1, 0, 5, 4]))
    assert first.nonzero()[0].tolist() == [1, 2] and second.nonzero()[0].tolist() == [4, 5]


def test_decoder_gives_the_same_trees(monkeypatch):
    """The full decoder (contractions and all) on random score matrices, patched and not."""
    rng = np.random.default_rng(11)
    matrices = [rng.normal(size=(n, n)) for n in rng.integers(3, 60, size=300)]
    ours = [chuliu_edmonds.chuliu_edmonds_one_root(m.copy()).tolist() for m in matrices]
    monkeypatch.setattr(chuliu_edmonds, "tarjan", stanza_tarjan)
    theirs = [chuliu_edmonds.chuliu_edmonds_one_root(m.copy()).tolist() for m in matrices]
    assert ours == theirs


def test_mwt_dictionary_first_gives_stanzas_expansions(monkeypatch):
    """With the shipped MWT model: known contractions and verbs with clitics the dictionary
    has never seen expand exactly as Stanza's model-then-dictionary ensemble expands them."""
    from stanza.pipeline.mwt_processor import MWTProcessor

    from kg.ner.loader import load_pipeline

    nlp = load_pipeline(["tokenize", "mwt"])
    text = ("Nella notte della firma, dal palazzo del Cremlino, il ministro ha detto di volerglielo "
            "consegnare. Sull'accordo degli alleati: dateglielo, portatemelo, mandarli negli Stati Uniti.")
    ours = [(w.text, w.start_char) for w in nlp(text).iter_words()]
    assert MWTProcessor.process is speedups.mwt_process
    monkeypatch.setattr(MWTProcessor, "process", MWTProcessor.stanza_process)
    theirs = [(w.text, w.start_char) for w in nlp(text).iter_words()]
    assert ours == theirs
    words = [w for w, _ in ours]
    assert words[:6] == ["In", "la", "notte", "di", "la", "firma"]
    doc = nlp(text)
    multiword = [t.text for t in doc.iter_tokens() if len(t.words) > 1]
    unknown = [t for t in multiword if nlp.processors["mwt"].trainer.dict_expansion(t) is None]
    assert unknown and len(unknown) < len(multiword)  # both paths were taken


def test_bilinear_scorer_gives_stanzas_scores_and_gradients():
    """The training-only BiaffineScorer forward, both contraction orders, against Stanza's."""
    import torch
    from stanza.models.common.biaffine import BiaffineScorer

    training_speedups.install_training()
    torch.manual_seed(3)
    for size1, size2, outsize in [(400, 50, 60), (100, 50, 5), (30, 80, 7)]:
        scorer = BiaffineScorer(size1, size2, outsize)
        torch.nn.init.normal_(scorer.W_bilin.weight)
        torch.nn.init.normal_(scorer.W_bilin.bias)
        params = [scorer.W_bilin.weight, scorer.W_bilin.bias]
        left = torch.randn(4, 9, size1, requires_grad=True)
        right = torch.randn(4, 9, size2, requires_grad=True)
        ours = scorer(left, right)
        theirs = BiaffineScorer.stanza_forward(scorer, left, right)
        assert ours.shape == theirs.shape == (4, 9, outsize)
        torch.testing.assert_close(ours, theirs, rtol=1e-5, atol=1e-3)
        for a, b in zip(torch.autograd.grad(ours.square().sum(), [left, right, *params]),
                        torch.autograd.grad(theirs.square().sum(), [left, right, *params])):
            torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-5 * float(b.abs().max()))


def test_pack_sequence_is_torchs_with_the_same_gradient():
    import torch
    from torch.nn.utils.rnn import pack_sequence as torch_pack_sequence

    words = torch.randn(30, 5, requires_grad=True)
    lengths = [9, 7, 7, 4, 2, 1]
    ours = training_speedups.pack_sequence(words.split(lengths))
    theirs = torch_pack_sequence(words.split(lengths))
    assert torch.equal(ours.data, theirs.data) and torch.equal(ours.batch_sizes, theirs.batch_sizes)
    [grad_ours] = torch.autograd.grad((ours.data ** 3).sum(), words)
    [grad_theirs] = torch.autograd.grad((theirs.data ** 3).sum(), words)
    assert torch.equal(grad_ours, grad_theirs)


def test_stanza_run_starts_a_module_with_the_training_speedups(tmp_path):
    """``kg models train`` starts each Stanza trainer through kg.models.stanza_run."""
    import os
    import subprocess
    import sys

    (tmp_path / "probe_trainer.py").write_text(
        "import sys\n"
        "from stanza.models.common import char_model\n"
        "from stanza.models.common.biaffine import BiaffineScorer\n"
        "from kg.models import training_speedups as speedups\n"
        "print(sys.argv[1:], BiaffineScorer.forward is speedups.biaffine_forward,\n"
        "      char_model.pack_sequence is speedups.pack_sequence)\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-m", "kg.models.stanza_run", "probe_trainer", "--mode", "train"],
                          capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "['--mode', 'train'] True True"
    assert "usage" in subprocess.run([sys.executable, "-m", "kg.models.stanza_run"],
                                     capture_output=True, text=True).stderr
