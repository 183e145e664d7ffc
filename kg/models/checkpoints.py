"""Operations on Stanza checkpoints that training uses: averaging snapshots of one model,
and storing a shipped model's weights as float16."""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["average_checkpoints", "compact_model"]


def average_checkpoints(models: list[Path], target: Path) -> None:
    """Write to ``target`` a model (parser or NER) whose weights are the mean of ``models``'
    (checkpoint averaging: snapshots of runs from one start lie near one optimum, so their mean
    is a model too, and sometimes a better one; :func:`keep_best_parser` and
    :func:`keep_best_ner` check on dev). Every model must share one vocabulary and one set of
    weights; the rest of the file is the last model's."""
    import torch

    if not models:
        raise ValueError("average_checkpoints needs at least one model")
    loaded = [torch.load(m, map_location="cpu", weights_only=False) for m in models]
    last = loaded[-1]
    for path, checkpoint in zip(models, loaded):
        if checkpoint["vocab"] != last["vocab"] or checkpoint["model"].keys() != last["model"].keys():
            raise ValueError(f"{path}: another vocabulary or set of weights than {models[-1]}; "
                             "only snapshots of one model can be averaged")
    state = {}
    for name, tensor in last["model"].items():
        if torch.is_tensor(tensor) and tensor.is_floating_point():
            mean = sum(c["model"][name].double() for c in loaded) / len(loaded)
            state[name] = mean.to(tensor.dtype)
        else:
            state[name] = tensor
    averaged = {key: value for key, value in last.items() if key not in ("optimizer_state_dict", "scheduler_state_dict")}
    averaged["model"] = state
    target.parent.mkdir(parents=True, exist_ok=True)
    torch.save(averaged, target)


def compact_model(path: Path) -> tuple[int, int]:
    """Store a checkpoint's floating-point weights as float16 to halve what ships.

    Stanza loads state dicts with ``load_state_dict``, which copies into the model's float32
    parameters, so inference runs in float32 as trained; only storage precision changes.
    Returns (bytes before, bytes after).
    """
    import torch

    before = path.stat().st_size
    checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    changed = False
    for section in ("model",):
        state = checkpoint.get(section)
        if isinstance(state, dict):
            for name, tensor in state.items():
                if torch.is_tensor(tensor) and tensor.dtype == torch.float32 and tensor.numel() > 4096:
                    state[name] = tensor.to(torch.float16)
                    changed = True
    if changed:
        tmp = path.with_suffix(".tmp")
        torch.save(checkpoint, tmp)
        os.replace(tmp, path)
    return before, path.stat().st_size
