"""Faster drop-ins for Stanza internals on kg's hot path, giving the same results.

Two of them. Stanza's dependency parser decodes every sentence with Chu-Liu-Edmonds, and finds the cycles
of each candidate tree with a general-purpose Tarjan written for arbitrary graphs: on CPU that
Python search was a third of the parser's time on news text. A candidate tree is a functional
graph (every word has exactly one head), whose strongly connected components of more than one
node are simply its cycles, found by walking up the heads once. :func:`tree_cycles` returns
the same cycles in the same order as Stanza's ``tarjan``; :func:`install` swaps it in, and
tests/test_speedups.py checks the two agree on many random trees.

Stanza's MWT expander (della → di la) runs its seq2seq model on every multiword token of a
text and then overrides the model with its dictionary wherever the dictionary knows the token
(``ensemble_dict``): in Italian, nearly every one ("della", "nel", "dall'"). :func:`mwt_process`
asks the dictionary first and runs the model only on the tokens it does not know: the same
expansions, the MWT step about eight times faster.

One more for training only: the tagger scores XPOS and every feature with ``nn.Bilinear``,
whose CPU backward (``_trilinear``) zero-fills and slices full-size tensors; it was 90 % of a
tagger training step. :func:`biaffine_forward` computes the same form with two matrix
products. And the character model hands each sentence's words to the word-level LSTM with
``pack_sequence(words.split(lengths))``, whose backward copies the whole padded batch once per
sentence (quadratic in the batch size); :func:`pack_sequence` builds the same packed sequence
with one scatter. :func:`install_training` swaps both in for ``kg models train``, never at run
time.
"""
from __future__ import annotations

import numpy as np


def tree_cycles(tree) -> list[np.ndarray]:
    """The cycles of ``tree`` (``tree[i]`` is the head of word ``i``; ``tree[0] == 0``), each a
    boolean mask, ordered by their smallest node as Tarjan's search completes them."""
    heads = [int(h) for h in tree]
    walk = [-1] * len(heads)       # the start of the walk that first reached each node
    found: list[list[int]] = []
    for start in range(len(heads)):
        if walk[start] != -1:
            continue
        path = []
        node = start
        while walk[node] == -1:
            walk[node] = start
            path.append(node)
            node = heads[node]
        if walk[node] == start:    # this walk closed on itself: a cycle from ``node`` on
            cycle = path[path.index(node):]
            if len(cycle) > 1:
                found.append(cycle)
    found.sort(key=min)
    masks = []
    for cycle in found:
        mask = np.zeros(len(heads), dtype=bool)
        mask[cycle] = True
        masks.append(mask)
    return masks


def mwt_process(processor, document):
    """Stanza's ``MWTProcessor.process`` with the dictionary asked before the model (the same
    result as Stanza's model-then-dictionary ensemble); other configurations run Stanza's own."""
    import torch

    config = processor.config
    if config.get("dict_only") or not config.get("ensemble_dict"):
        return processor.stanza_process(document)
    batch = processor.build_batch(document)
    tokens = batch.doc.get_mwt_expansions(evaluation=True)
    trainer = processor.trainer
    expansions = [trainer.dict_expansion(token) for token in tokens]
    unknown = [i for i, expansion in enumerate(expansions) if expansion is None]
    if unknown:
        batch.data = [batch.data[i] for i in unknown]
        batch.num_examples = len(batch.data)
        predicted = []
        with torch.no_grad():
            for chunk in batch.to_loader():
                predicted += trainer.predict(chunk, never_decode_unk=True, vocab=batch.vocab)
        for i, expansion in zip(unknown, predicted):
            expansions[i] = expansion
    batch.doc.set_mwt_expansions(expansions, process_manual_expanded=False)
    return batch.doc


def bilinear(input1, input2, weight, bias):
    """``torch.nn.functional.bilinear`` as two matrix products: ``out[n, k] = input1[n] @
    weight[k] @ input2[n] + bias[k]``, contracting the wider input first."""
    import torch

    outsize, size1, size2 = weight.shape
    lead = input1.shape[:-1]
    x1, x2 = input1.reshape(-1, size1), input2.reshape(-1, size2)
    if size1 >= size2:
        partial = (x1 @ weight.transpose(0, 1).reshape(size1, outsize * size2)).view(-1, outsize, size2)
        out = torch.bmm(partial, x2.unsqueeze(2)).squeeze(2)
    else:
        partial = (x2 @ weight.permute(2, 0, 1).reshape(size2, outsize * size1)).view(-1, outsize, size1)
        out = torch.bmm(partial, x1.unsqueeze(2)).squeeze(2)
    if bias is not None:
        out = out + bias
    return out.view(*lead, outsize)


def biaffine_forward(scorer, input1, input2):
    """Stanza's ``BiaffineScorer.forward`` (a bias feature appended to both inputs) over
    :func:`bilinear`."""
    import torch

    input1 = torch.cat([input1, input1.new_ones(*input1.size()[:-1], 1)], input1.dim() - 1)
    input2 = torch.cat([input2, input2.new_ones(*input2.size()[:-1], 1)], input2.dim() - 1)
    return bilinear(input1, input2, scorer.W_bilin.weight, scorer.W_bilin.bias)


def pack_sequence(sequences, enforce_sorted=True):
    """``torch.nn.utils.rnn.pack_sequence`` with the padding done by one ``index_put``, whose
    backward is one gather (the same packed data, in the same order)."""
    import torch
    from torch.nn.utils.rnn import pack_padded_sequence

    lengths = torch.tensor([len(seq) for seq in sequences])
    flat = torch.cat(list(sequences))
    steps = int(lengths.max())
    mask = torch.arange(steps)[None, :] < lengths[:, None]
    padded = flat.new_zeros(len(sequences), steps, *flat.shape[1:]).index_put((mask.to(flat.device),), flat)
    return pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=enforce_sorted)


def _swap(owner, name: str, replacement) -> None:
    """Put ``replacement`` at ``owner.name``, keeping Stanza's original as ``owner.stanza_<name>``
    for the tests (idempotent)."""
    if getattr(owner, name) is not replacement:
        setattr(owner, f"stanza_{name}", getattr(owner, name))
        setattr(owner, name, replacement)


def install_training() -> None:
    """Use :func:`biaffine_forward` in Stanza's ``BiaffineScorer`` and :func:`pack_sequence` in
    its character model. Training only: the shipped models run Stanza's own code, so run-time
    output never depends on these."""
    from stanza.models.common import char_model
    from stanza.models.common.biaffine import BiaffineScorer

    _swap(BiaffineScorer, "forward", biaffine_forward)
    _swap(char_model, "pack_sequence", pack_sequence)


def install() -> None:
    """Use :func:`tree_cycles` in Stanza's Chu-Liu-Edmonds decoder and :func:`mwt_process` in
    its MWT processor."""
    from stanza.models.common import chuliu_edmonds
    from stanza.pipeline.mwt_processor import MWTProcessor

    _swap(chuliu_edmonds, "tarjan", tree_cycles)
    _swap(MWTProcessor, "process", mwt_process)
