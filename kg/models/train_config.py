"""The settings of one training run (kg.models.training): its steps and TrainConfig, which
the model card records."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.models import corpora

__all__ = ["SEED", "STEPS", "LISTS", "CONTINUES", "DEFAULT_STEPS", "TrainConfig"]

SEED = 1234
STEPS = ("vectors", "tokenize", "mwt", "plain_words", "charlm", "ner", "ner_news", "org_names", "pos", "pos_more",
         "lemma", "depparse", "depparse_more")
#: steps that write a list, not a model
LISTS = ("plain_words", "org_names")
#: steps that continue training a model an earlier step wrote into ``--out``
CONTINUES = {"ner_news": "ner", "pos_more": "pos", "depparse_more": "depparse"}
#: a full run: ``pos`` and ``depparse`` without a budget already train to Stanza's stopping rule;
#: ``charlm`` only for an NER trained with ``ner_charlm``
DEFAULT_STEPS = tuple(step for step in STEPS if step not in ("pos_more", "depparse_more", "charlm"))


@dataclass
class TrainConfig:
    """Settings of one training run; the model card records them."""

    data: Path
    out: Path
    work: Path
    device: str = "cpu"
    threads: int | None = None
    budgets: dict[str, float] = field(default_factory=dict)  # minutes per step
    vector_dim: int = 100
    vector_min_count: int = 2
    ner_max_steps: int = 40000
    #: feed the NER the forward and backward character language models of the ``charlm`` step
    #: (off: the shipped NER has its own character LSTM; see the model card for the comparison)
    ner_charlm: bool = False
    charlm_hidden: int = 256
    #: characters seen fewer times in the training text map to the unknown character
    charlm_cutoff: int = 10
    charlm_epochs: int = 50
    charlm_eval_steps: int = 125
    #: KIND training files for the ``ner`` step; ``ner_news`` then fine-tunes that model on
    #: the news domain alone (WN), which is what kg reads.
    ner_train_sets: tuple[str, ...] = corpora.NER_TRAIN
    ner_news_sets: tuple[str, ...] = corpora.NER_NEWS
    ner_lr: float = 0.1            # from scratch
    #: hide a training word's embedding behind the unknown word with probability
    #: alpha / (alpha + its count), so that the NER learns to tag names it has no vector for
    #: (a quarter of WN_test's entity tokens); 0: off (it-kg-6 and before)
    ner_unk_alpha: float = 2.0
    #: average the weights of an NER run's last N dev-evaluation snapshots and keep the average
    #: when it scores at least the run's best checkpoint on dev; 0: off
    ner_average: int = 0
    #: seeds of ``ner``/``ner_news``: one run per seed, side by side (each from the same saved
    #: model when fine-tuning); the best dev checkpoint among them, or with ``ner_average`` the
    #: mean of every run's last snapshots when it scores at least as well, is kept
    ner_seeds: tuple[int, ...] = (SEED,)
    #: learning rate of a ``ner_news`` fine-tune; None keeps the one the saved model trained with
    ner_news_lr: float | None = None
    lemma_epochs: int = 5
    lemma_batch_size: int = 200
    tokenize_steps: int = 20000
    pos_max_steps: int = 20000
    #: Adam learning rate of the tagger; None: Stanza's (3e-3). A ``pos_more`` run that goes on
    #: from a model trained at Stanza's rate usually wants a smaller one.
    pos_lr: float | None = None
    depparse_max_steps: int = 20000
    #: step at which a parser run switches from AdaDelta to Stanza's second optimiser (Adam
    #: at a small learning rate, from the best checkpoint so far); None: Stanza's default
    #: (10,000 steps, or 2,000 steps without a better dev score)
    depparse_second_stage_step: int | None = None
    #: the tags a parser trains and is scored on: "gold" (the treebanks' own) or "predicted"
    #: (the train and dev files retagged by the tagger in ``out``, as the parser meets them in
    #: the pipeline; Stanza's own recipe for its shipped parsers)
    depparse_tags: str = "gold"
    #: steps between a parser run's dev scores; None: Stanza's (100)
    depparse_eval_interval: int | None = None
    #: average the weights of a parser run's last N dev-evaluation snapshots and keep the
    #: average when it scores at least the run's best checkpoint on dev; 0: off
    depparse_average: int = 0
    #: seeds of ``depparse_more``: one run per seed, side by side, each from the same saved
    #: parser; the best dev checkpoint among them (or, with ``depparse_average``, the mean of
    #: every run's last snapshots, when it scores at least as well) is kept
    depparse_seeds: tuple[int, ...] = (SEED,)
    tagger_batch_size: int = 100   # sentences
    #: steps between the tagger's dev scores (Stanza's adaptive default scored ParTUT dev every
    #: 100 steps, about four epochs at batch 250, and its best checkpoint fell between scores)
    tagger_eval_interval: int = 50
    tagger_hidden: int = 200
    tagger_char_hidden: int = 150
    depparse_hidden: int = 200
    depparse_deep_biaff_hidden: int = 200
    depparse_transformed_dim: int = 75
