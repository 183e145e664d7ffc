"""Treaty keys: one treaty named several ways is one entity."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from kg.iris import slug
from kg.lexicon import Lexicon
from kg.linking.model import Resolution


TREATY_PREFIX = "x-treaty-"


def treaty_key(text: str, lexicon: Lexicon) -> str:
    """Treaties are keyed by their normalised content words, so one treaty named several
    ways ("patto di difesa reciproca", "trattato di mutua difesa") is one entity."""
    signature = lexicon.treaty_signature(text)
    return TREATY_PREFIX + slug("-".join(signature)) if signature else "x-" + slug(text)


def merge_treaties(res: Resolution, types: dict[str, str]) -> None:
    """A treaty whose content words are a subset of exactly one other treaty's is that treaty
    ("partenariato strategico" -> "partenariato strategico globale")."""
    keys = sorted({k for k in res.mention_keys.values() if k.startswith(TREATY_PREFIX)})
    words = {k: set(k[len(TREATY_PREFIX):].split("-")) for k in keys}
    remap = {}
    for k in keys:
        supersets = [o for o in keys if o != k and words[k] < words[o]]
        if len(supersets) == 1:
            remap[k] = supersets[0]
    for index, key in list(res.mention_keys.items()):
        if key in remap:
            res.mention_keys[index] = remap[key]
            res.surfaces[remap[key]].update(res.surfaces.pop(key, Counter()))
            res.role_labels[remap[key]] |= res.role_labels.pop(key, set())


def treaties_by_signing(facts: Iterable, resolution: Resolution, events: Iterable = ()) -> dict[str, str]:
    """Treaties named differently but signed by the same parties in the same year are one
    treaty ("trattato di partenariato strategico globale" signed by Putin and Kim in 2024 is
    the "patto di mutua difesa" Russia and North Korea signed in 2024), and so, within an
    article, is an undated signing by two parties of the one treaty they signed there with a
    date. A leader counts as the state they lead. Returns treaty key -> the key it merges into (the one with most
    mentions), to apply to facts and events."""
    facts = list(facts)
    leads = {f.subject: f.object for f in facts if f.predicate == "leaderOf"}
    parties: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # treaty -> year -> parties
    undated: dict[tuple[str, str], set[str]] = defaultdict(set)   # (article, treaty) -> parties
    dated_in: dict[str, set[str]] = defaultdict(set)              # article -> treaties signed with a date
    for f in facts:
        if f.predicate == "signed" and f.status in ("asserted", "reported"):
            if f.date:
                parties[f.object][f.date[:4]].add(leads.get(f.subject, f.subject))
                dated_in[f.evidence.article_id].add(f.object)
            else:
                undated[(f.evidence.article_id, f.object)].add(leads.get(f.subject, f.subject))
    # a signing in the same month at the same place is the same treaty whoever the text names
    occasions: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in events:
        if e.type == "Signing" and e.date and len(e.date) >= 7 and e.place:
            for treaty in e.participants.get("treaty", []):
                occasions[treaty].add((e.date[:7], e.place))
    keys = sorted(set(parties) | set(occasions))
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if any(parties[a][y] & parties[b].get(y, set()) for y in parties.get(a, {})) \
                    or occasions.get(a, set()) & occasions.get(b, set()):
                parent[root(b)] = root(a)
    # "il patto firmato ieri tra Roma e Parigi" ... "la conclusione del nuovo patto tra Italia e
    # Francia": an undated signing by two of the same parties, in the article that dates the
    # other, is the same treaty where it is the only one they signed with a date there
    for (article, treaty), signers in sorted(undated.items()):
        if treaty in dated_in[article] or len(signers) < 2:
            continue
        same = [k for k in sorted(dated_in[article])
                if any(len(signers & ps) >= 2 for ps in parties[k].values())]
        if len(same) == 1:
            parent.setdefault(treaty, treaty)
            parent[root(treaty)] = root(same[0])
    groups: dict[str, list[str]] = defaultdict(list)
    for k in sorted(parent):
        groups[root(k)].append(k)
    remap = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        weight = lambda k: (-sum(resolution.surfaces.get(k, Counter()).values()), k)
        target = sorted(members, key=weight)[0]
        for k in members:
            if k != target:
                remap[k] = target
    return remap
