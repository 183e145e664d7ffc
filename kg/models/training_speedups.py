"""Faster drop-ins for Stanza internals in ``kg models train``, giving the same results.

The tagger scores XPOS and every feature with ``nn.Bilinear``, whose CPU backward
(``_trilinear``) zero-fills and slices full-size tensors; it was 90 % of a tagger training
step. :func:`biaffine_forward` computes the same form with two matrix products. And the
character model hands each sentence's words to the word-level LSTM with
``pack_sequence(words.split(lengths))``, whose backward copies the whole padded batch once per
sentence (quadratic in the batch size); :func:`pack_sequence` builds the same packed sequence
with one scatter. :func:`install_training` swaps both in for ``kg models train``, never at run
time.
"""
from __future__ import annotations

from kg.ner.speedups import swap


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


def install_training() -> None:
    """Use :func:`biaffine_forward` in Stanza's ``BiaffineScorer`` and :func:`pack_sequence` in
    its character model. Training only: the shipped models run Stanza's own code, so run-time
    output never depends on these."""
    from stanza.models.common import char_model
    from stanza.models.common.biaffine import BiaffineScorer

    swap(BiaffineScorer, "forward", biaffine_forward)
    swap(char_model, "pack_sequence", pack_sequence)
