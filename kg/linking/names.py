"""Name keys: the spellings of one name resolve to one node.

Romanisations of one Cyrillic, Korean or Arabic name differ in a few regular ways ("Sergei",
"Serghei", "Sergey", "Sergej"; "Volodymyr", "Volodimir"; "Mikhail", "Mihail"; "Kim Jong Gyu",
"Kim Jonggyu", "Kim Jong-gyu"; accents; doubled letters). :func:`name_skeleton` maps each
spelling to one skeleton. People whose full names share a skeleton are one person
(:func:`variant_remap`), and so is a lone surname that only one full name of the build ends
with. Acronyms join the one expansion their article gives (:func:`acronym_of`). Only people
are merged by skeleton: two places or bodies whose names differ by a letter are more often
two things than one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Optional

from kg.gazetteer import Gazetteer, fold
from kg.italian import OF_STEMS
from kg.iris import slug

#: Regular alternations of romanised names, applied in order to a folded name.
_ALTERNATIONS = (
    (re.compile(r"x"), "ks"),                     # Alexei / Aleksei
    (re.compile(r"w"), "v"),                      # Wolodymyr / Volodymyr
    (re.compile(r"kh"), "h"),                     # Mikhail / Mihail, Khamenei / Hamenei
    (re.compile(r"gh(?=[ei])"), "g"),             # Serghei / Sergei (Italian spelling)
    (re.compile(r"sch|sh"), "s"),                 # Shoigu / Schoigu
    (re.compile(r"ou"), "u"),                     # Choïgou (French)
    (re.compile(r"(?<=[aeiou])j"), "i"),          # Sergej / Sergei, Dmitrij / Dmitri
    (re.compile(r"y"), "i"),                      # Sergey, Volodymyr, Zelenskyy
    (re.compile(r" "), ""),                       # spacing and hyphens: Kim Jong Gyu / Kim Jonggyu
    (re.compile(r"([a-z])\1+"), r"\1"),           # doubled letters: Zelenskii, Mohammad / Mohamad
)


def name_skeleton(name: str) -> str:
    """The spelling-independent form of a romanised name: "Serghei Shoigu" and "Sergey
    Schoigu" give the same skeleton; "Kim Jong Un" and "Kim Jong Il" do not."""
    s = fold(name)
    for pattern, repl in _ALTERNATIONS:
        s = pattern.sub(repl, s)
    return s


def minted_key(text: str, etype: str) -> str:
    """The key of a name the gazetteer does not know."""
    return "x-" + slug(text)


#: Function words an acronym skips ("Partito democratico" is "Pd", "Banca d'Italia" "BdI" is not).
_SKIPPED = OF_STEMS | frozenset({"e", "ed", "per",
                      "of", "the", "and", "for", "de", "des", "du", "la", "le", "el", "y"})


def initials(name: str) -> str:
    """The letters an acronym of a name would have: "National Intelligence Service" -> "nis"."""
    words = [w for w in re.split(r"[\s'’-]+", fold(name)) if w]
    return "".join(w[0] for w in words if w not in _SKIPPED)


def is_acronym(surface: str) -> bool:
    """One word of 2 to 6 letters that could stand for a longer name ("NIS", "Rn", "Pd")."""
    letters = surface.replace(".", "")
    return " " not in surface and 2 <= len(letters) <= 6 and letters.isalpha() and letters[:1].isupper() \
        and (letters.isupper() or not any(c in "aeiou" for c in letters[1:].lower()))


def acronym_of(surface: str, names: Iterable[tuple[str, str]]) -> Optional[str]:
    """The key of the one name among ``names`` ((name, key) pairs) whose initials spell the
    acronym ``surface``, or None (none, or several)."""
    if not is_acronym(surface):
        return None
    target = fold(surface).replace(" ", "")
    keys = {key for name, key in names if len(name.split()) >= 2 and initials(name) == target}
    return keys.pop() if len(keys) == 1 else None


def _union(groups: dict[str, set[str]]) -> list[set[str]]:
    """Connected sets of keys that share a skeleton."""
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    for keys in groups.values():
        first, *rest = sorted(keys)
        for k in rest:
            parent[root(k)] = root(first)
    out: dict[str, set[str]] = defaultdict(set)
    for k in parent:
        out[root(k)].add(k)
    return list(out.values())


def variant_remap(people: dict[str, dict[str, int]], gaz: Gazetteer) -> dict[str, str]:
    """Person keys to merge: ``people`` maps each person key to its surface forms and their
    counts. Keys whose full names (two words or more) share a skeleton merge, into the
    gazetteer's person where the group holds exactly one (a group of two gazetteer people is
    left alone), else into the key named most often. A key named only by one word merges
    into the one full name of the build that ends with that word, if only one does."""
    gazetteer_names = defaultdict(set)
    for key in people:
        entry = gaz.get(key)
        for name in (entry.names if entry is not None else ()):
            if len(name.split()) >= 2:
                gazetteer_names[name_skeleton(name)].add(key)
    by_skeleton: dict[str, set[str]] = defaultdict(set)
    for key, forms in people.items():
        for form in forms:
            if len(form.split()) >= 2:
                by_skeleton[name_skeleton(form)].add(key)
    for skeleton, keys in gazetteer_names.items():
        by_skeleton[skeleton] |= keys
    remap: dict[str, str] = {}
    weight = lambda k: (gaz.get(k) is None, -sum(people.get(k, {}).values()), k)
    for group in _union(by_skeleton):
        if len(group) < 2 or sum(gaz.get(k) is not None for k in group) > 1:
            continue
        target = sorted(group, key=weight)[0]
        remap.update({k: target for k in group if k != target})
    return _surname_remap(people, gaz, _reordered_remap(people, gaz, remap))


def _reordered_remap(people: dict[str, dict[str, int]], gaz: Gazetteer, remap: dict[str, str]) -> dict[str, str]:
    """A full name whose words all appear, in any order, in exactly one longer or reordered
    name of another person of the build ("Bola Tinubu" / "Tinubu Bola Ahmed") is that person;
    where two people's names hold them ("Kim Jong" in "Kim Jong Un" and "Kim Jong Nam") none."""
    words_of: dict[str, list[frozenset[str]]] = defaultdict(list)
    for key, forms in people.items():
        for form in forms:
            words = form.split()
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                words_of[remap.get(key, key)].append(frozenset(name_skeleton(w) for w in words))
    for key, forms in people.items():
        if key in remap or gaz.get(key) is not None or not forms \
                or not all(len(f.split()) >= 2 for f in forms):
            continue
        mine = [frozenset(name_skeleton(w) for w in f.split()) for f in forms]
        candidates = {other for other, sets in words_of.items() if other != key and other != remap.get(key)
                      and any(m <= s and (len(m) < len(s) or m == s) for m in mine for s in sets)}
        if len(candidates) == 1:
            remap[key] = candidates.pop()
    return remap


def _surname_remap(people: dict[str, dict[str, int]], gaz: Gazetteer, remap: dict[str, str]) -> dict[str, str]:
    """A person named only by one word ("Sarkozy") is the one full name of the build that ends
    with that word ("Nicolas Sarkozy"), if exactly one does."""
    last_words: dict[str, set[str]] = defaultdict(set)
    for key, forms in people.items():
        for form in forms:
            words = form.split()
            if len(words) >= 2 and words[-1][:1].isupper():
                last_words[name_skeleton(words[-1])].add(remap.get(key, key))
    for key, forms in people.items():
        if key in remap or gaz.get(key) is not None or any(len(f.split()) != 1 for f in forms):
            continue
        candidates: set[str] = set()
        for form in forms:
            candidates |= last_words.get(name_skeleton(form), set())
        candidates.discard(key)
        if len(candidates) == 1:
            remap[key] = candidates.pop()
    return remap
