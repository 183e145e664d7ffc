"""Treaty keys: one treaty named several ways is one entity."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from kg.iris import slug
from kg.lexicon import Lexicon
from kg.linking.model import Resolution


TREATY_PREFIX = "x-treaty-"


def treaty_key(text: str, lexicon: Lexicon, article_id: str = "") -> str:
    """Treaties are keyed by their normalised content words, so one treaty named several
    ways ("patto di difesa reciproca", "trattato di mutua difesa") is one entity. A name of one
    content word and no proper name ("memorandum d'intesa", "patto di sicurezza", "trattato di
    amicizia") says which kind of agreement, not which one: it is keyed within its article
    (``article_id``), or one node would gather every article's memorandum; the same treaty
    named so in two articles is still joined by its parties and year (treaties_by_signing)."""
    signature = lexicon.treaty_signature(text)
    if not signature:
        return "x-" + slug(text)
    named = any(w[:1].isupper() for w in text.split()[1:])
    if len(signature) < 2 and not named and article_id:
        return TREATY_PREFIX + slug("-".join(signature)) + LOCAL_MARK + slug(article_id)
    return TREATY_PREFIX + slug("-".join(signature))


#: What a treaty key keyed within its article carries before the article's slug.
LOCAL_MARK = "--in-"


def _signature_words(key: str) -> set[str]:
    return set(key[len(TREATY_PREFIX):].split(LOCAL_MARK)[0].split("-"))


def merge_treaties(res: Resolution, types: dict[str, str]) -> None:
    """A treaty whose content words are a subset of exactly one other treaty's is that treaty
    ("partenariato strategico" -> "partenariato strategico globale"); one keyed within its
    article ("trattato strategico") only where that other is named in the same article."""
    keys = sorted({k for k in res.mention_keys.values() if k.startswith(TREATY_PREFIX)})
    words = {k: _signature_words(k) for k in keys}
    articles: dict[str, set[str]] = defaultdict(set)
    for (aid, _), k in res.mention_keys.items():
        articles[k].add(aid)
    remap = {}
    for k in keys:
        # a treaty keyed within its article joins a fuller name of the same article only
        supersets = [o for o in keys if o != k and words[k] < words[o]
                     and (LOCAL_MARK not in k or articles[k] & articles[o])]
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
    the "patto di mutua difesa" Russia and North Korea signed in 2024): two parties in common
    across articles, one within an article (Italy signs many agreements a year, and one
    party in common had made one node of nine articles' treaties), and so, within an
    article, is an undated signing by two parties of the one treaty they signed there with a
    date. A leader counts as the state they lead. Returns treaty key -> the key it merges into (the one with most
    mentions), to apply to facts and events."""
    facts = list(facts)
    leads = {f.subject: f.object for f in facts if f.predicate == "leaderOf"}
    parties: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # treaty -> year -> parties
    undated: dict[tuple[str, str], set[str]] = defaultdict(set)   # (article, treaty) -> parties
    dated_in: dict[str, set[str]] = defaultdict(set)              # article -> treaties signed with a date
    signed_in: dict[str, set[str]] = defaultdict(set)             # treaty -> articles that date its signing
    for f in facts:
        if f.predicate == "signed" and f.status in ("asserted", "reported"):
            if f.date:
                parties[f.object][f.date[:4]].add(leads.get(f.subject, f.subject))
                dated_in[f.evidence.article_id].add(f.object)
                signed_in[f.object].add(f.evidence.article_id)
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
            # two parties in common, or one in the same article: a state signs many agreements a year
            near = 1 if signed_in[a] & signed_in[b] else 2
            if any(len(parties[a][y] & parties[b].get(y, set())) >= near for y in parties.get(a, {})) \
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
