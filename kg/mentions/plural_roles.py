"""Plural role descriptions: "i presidenti di Usa e Russia, Donald Trump e Vladimir Putin",
"le ministre degli Esteri di Francia e Germania, X e Y", "i ministri italiani X e Y".

A plural role noun (its lemma a role of roles.tsv; or an invariant one, "i leader", after a
plural article) with a list of states or organisations and then a list of as many names
describes each name with the office of the state at the same place in its list (Italian's
"rispettivamente" order); one state or a demonym for all of them makes it everyone's; none at
all ("dai presidenti Putin e Kim") leaves each person's office to the gazetteer, as for "il
presidente Putin". Any other count says nothing: which name holds which office would be a guess.
"""
from __future__ import annotations

from typing import Optional

from kg.lexicon import Lexicon
from kg.mentions.common import ARTICLE_WORDS, LINK_WORDS, ArticleMentions, phrase, token_index
from kg.records import Mention, RoleMention, Sentence

#: articles and articulated prepositions that make an invariant noun plural ("i leader")
PLURAL_ARTICLES = frozenset({"i", "gli", "le", "dei", "degli", "delle", "ai", "agli", "alle", "dai", "dagli",
                             "dalle", "coi", "nei", "negli", "nelle", "sui", "sugli", "sulle"})
LIST_WORDS = frozenset({",", "e", "ed"})


def plural_roles(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
                 lexicon: Lexicon, found: ArticleMentions) -> list[RoleMention]:
    """One RoleMention per name a plural role describes (see the module's docstring). Each
    spans the name's state or organisation only (``is_plural_role``), or with none named the
    person's own name, so the plural noun reads as no one, and its text is the bare role noun,
    so it gives the person no label."""
    lemmas = {(w.start_char, w.end_char): (w.lemma or "").lower() for w in sentence.words}
    out: list[RoleMention] = []
    i = 0
    while i < len(toks):
        matched = _plural_role(toks, text, i, lemmas, lexicon)
        if matched is None:
            i += 1
            continue
        role, j = matched
        holders, k = _holders(sentence, toks, text, j, found)
        people, end = _names(sentence, toks, text, k, found)
        if not holders and len(people) >= 2:
            # "firmato dai presidenti Vladimir Putin e Kim Jong-un": the gazetteer's to say whose
            # office each holds (kg.linking.roles)
            for person in people:
                m = found.mentions[person]
                out.append(RoleMention(article_id, sentence.index, m.start_char, m.end_char, role.phrase.split()[0],
                                       role.phrase, role.predicate, role.position, role.role_en, None, person))
            i = end
            continue
        if not _pairs_up(holders, people):
            # "i ministri degli Esteri dell'Armenia, X, e dell'Azerbaigian, Y": pair by pair
            pairs, end = _interleaved(sentence, toks, text, j, found)
            holders, people = [h for h, _ in pairs], [p for _, p in pairs]
        if _pairs_up(holders, people):
            for n, person in enumerate(people):
                holder = holders[n if len(holders) > 1 else 0]
                m = found.mentions[holder]
                out.append(RoleMention(article_id, sentence.index, m.start_char, m.end_char, role.phrase.split()[0],
                                       role.phrase, role.predicate, role.position, role.role_en, holder, person))
            i = end
            continue
        i += 1
    return out


def is_plural_role(role: RoleMention, mentions: list[Mention]) -> bool:
    """Whether ``role`` is one of plural_roles': the only roles that start at their holder."""
    return role.holder is not None and role.start_char == mentions[role.holder].start_char


def _pairs_up(holders: list[int], people: list[int]) -> bool:
    """Two names or more, and as many holders or one for all."""
    return len(people) >= 2 and len(holders) in (1, len(people))


def _plural_role(toks, text, i, lemmas, lexicon: Lexicon):
    """The role of a plural role noun at token ``i`` and the token after its phrase, or None."""
    word = text[toks[i][0]:toks[i][1]]
    lemma = lemmas.get(toks[i], "")
    before = text[toks[i - 1][0]:toks[i - 1][1]].lower() if i > 0 else ""
    if lemma and lemma != word.lower():
        head = lemma                                  # "presidenti" -> "presidente"
    elif before in PLURAL_ARTICLES or before.isdigit() or before in ("due", "tre"):
        head = word.lower()                           # "i leader", "i due premier"
    else:
        return None
    if head not in lexicon.role_first_words:
        return None
    for n in range(min(lexicon.longest_role, len(toks) - i), 0, -1):
        words = " ".join([head] + ([phrase(toks[i + 1:i + n], text)] if n > 1 else []))
        if words in lexicon.roles:
            return lexicon.roles[words], i + n
    return None


def _holders(sentence: Sentence, toks, text, k: int, found: ArticleMentions) -> tuple[list[int], int]:
    """A demonym right after the role, or "di" and a list of states or organisations."""
    first = _mention_at(sentence, toks, k, found)
    if first is not None and found.mentions[first].kind == "demonym":
        return [first], _after(toks, found.mentions[first].end_char)
    if k >= len(toks) or text[toks[k][0]:toks[k][1]].lower() not in LINK_WORDS:
        return [], k
    k += 1
    holders: list[int] = []
    while k < len(toks):
        if text[toks[k][0]:toks[k][1]].lower() in ARTICLE_WORDS:
            k += 1
            continue
        at = _mention_at(sentence, toks, k, found)
        if at is None or found.mentions[at].type not in ("State", "Organization"):
            break
        holders.append(at)
        k = _after(toks, found.mentions[at].end_char)
        if k < len(toks) and text[toks[k][0]:toks[k][1]].lower() in LIST_WORDS \
                and k + 1 < len(toks) and text[toks[k + 1][0]:toks[k + 1][1]] != ",":
            nxt = k + 1
            while nxt < len(toks) and text[toks[nxt][0]:toks[nxt][1]].lower() in LINK_WORDS | ARTICLE_WORDS:
                nxt += 1    # "della Francia e della Germania"
            following = _mention_at(sentence, toks, nxt, found)
            if following is not None and found.mentions[following].type in ("State", "Organization"):
                k = nxt
                continue
        break
    return holders, k


def _names(sentence: Sentence, toks, text, k: int, found: ArticleMentions) -> tuple[list[int], int]:
    """A list of person names at token ``k``, after an optional comma."""
    if k < len(toks) and text[toks[k][0]:toks[k][1]] == ",":
        k += 1
    people: list[int] = []
    while k < len(toks):
        at = _mention_at(sentence, toks, k, found)
        if at is None or found.mentions[at].type != "Person" or found.mentions[at].kind != "name":
            break
        people.append(at)
        k = _after(toks, found.mentions[at].end_char)
        if k + 1 < len(toks) and text[toks[k][0]:toks[k][1]].lower() in LIST_WORDS:
            k += 1
            continue
        break
    return people, k


def _interleaved(sentence: Sentence, toks, text, k: int, found: ArticleMentions) -> tuple[list[tuple[int, int]], int]:
    """(holder, person) pairs written one after the other: "di A, X, e di B, Y"."""
    pairs: list[tuple[int, int]] = []
    while k < len(toks):
        start = k
        while k < len(toks) and text[toks[k][0]:toks[k][1]].lower() in LIST_WORDS and pairs:
            k += 1
        if k >= len(toks) or text[toks[k][0]:toks[k][1]].lower() not in LINK_WORDS:
            return pairs, start
        k += 1
        while k < len(toks) and text[toks[k][0]:toks[k][1]].lower() in ARTICLE_WORDS:
            k += 1
        holder = _mention_at(sentence, toks, k, found)
        if holder is None or found.mentions[holder].type not in ("State", "Organization"):
            return pairs, start
        k = _after(toks, found.mentions[holder].end_char)
        if k < len(toks) and text[toks[k][0]:toks[k][1]] == ",":
            k += 1
        person = _mention_at(sentence, toks, k, found)
        if person is None or found.mentions[person].type != "Person" or found.mentions[person].kind != "name":
            return pairs, start
        pairs.append((holder, person))
        k = _after(toks, found.mentions[person].end_char)
        if k < len(toks) and text[toks[k][0]:toks[k][1]] == ",":
            k += 1
    return pairs, k


def _mention_at(sentence: Sentence, toks, k: int, found: ArticleMentions) -> Optional[int]:
    return found.at(sentence.index, *toks[k]) if k < len(toks) else None


def _after(toks, end_char: int) -> int:
    """The token after a mention ending at ``end_char`` (the sentence's end where none is)."""
    found = token_index(toks, end_char)
    return len(toks) if found is None else found
