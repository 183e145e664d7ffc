"""A state's own bodies named by their state: "il governo spagnolo", "l'esercito egiziano", "il
governo di Kiev", "le forze armate statunitensi". The guidelines make governments, parliaments
and armies organisations; the body is one entity per noun and state, whatever the wording
("governo spagnolo", "governo della Spagna", "esecutivo spagnolo" are one). The state's own
mention inside the phrase stays: the text names the state too, and the relation rules read a
body acting where only a state can act as its state (kg.relations.writer)."""
from __future__ import annotations

from kg.gazetteer import Gazetteer
from kg.iris import slug
from kg.lexicon import Lexicon, state_body_names
from kg.mentions.common import _OF, ARTICLE_WORDS, overlaps, phrase
from kg.records import Mention, Sentence


def state_bodies(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
                 gazetteer: Gazetteer, lexicon: Lexicon, found: list[Mention]) -> list[Mention]:
    """``found`` with a body mention for each body noun (state_body_names.tsv) followed by its
    state's demonym, or by "di" and the state's name or capital; an organisation NER found
    over the same words ("Governo italiano") gives way to it. A noun that closes a leader's
    title ("il capo del governo tedesco", roles.tsv) is the title's, not a body of its own."""
    names = state_body_names()
    longest = max(len(noun.split()) for noun in names)
    states = {m.start_char: m for m in found if m.type == "State" and m.key}
    out = list(found)
    for i in range(len(toks)):
        for j in range(i + 1, min(i + longest, len(toks) - 1) + 1):
            english = names.get(phrase(toks[i:j], text))
            state = _state_after(toks, text, states, j) if english else None
            if state is None or _closes_role(toks, text, i, j, lexicon):
                continue
            start, end = toks[i][0], state.end_char
            inside = [m for m in out if overlaps((m.start_char, m.end_char), (start, end)) and m is not state]
            if any(m.type != "Organization" or m.start_char < start or m.end_char > end for m in inside):
                continue   # the noun is part of another name ("Governo Meloni" is the noun and a person)
            entry = gazetteer.get(state.key)
            key = "x-" + slug(f"{english} of {entry.name_en if entry else state.key}")
            out = [m for m in out if m not in inside]
            out.append(Mention(article_id, sentence.index, start, end, text[start:end], "Organization", "body",
                               key, 0.8))
    return out


def _closes_role(toks: list[tuple[int, int]], text: str, i: int, j: int, lexicon: Lexicon) -> bool:
    """Whether words before the body noun at ``i:j`` make with it a leader's title of roles.tsv
    ("il capo del governo"; "il capo dell'esercito egiziano" holds a post in the army)."""
    for start in range(max(0, j - 2 * lexicon.longest_role), i):
        role = lexicon.roles.get(phrase(toks[start:j], text))
        if role is not None and role.predicate == "leaderOf":
            return True
    return False


def _state_after(toks: list[tuple[int, int]], text: str, states: dict[int, Mention], j: int) -> Mention | None:
    """The state mention that completes a body noun ending before ``toks[j]``: a demonym right
    after it, or "di", an article maybe, and a state's name or capital."""
    if phrase(toks[j:j + 1], text) in _OF:
        k = j + 1 + (j + 1 < len(toks) and phrase(toks[j + 1:j + 2], text) in ARTICLE_WORDS)
        state = states.get(toks[k][0]) if k < len(toks) else None
        return state if state is not None and state.kind != "demonym" else None
    state = states.get(toks[j][0])
    return state if state is not None and state.kind == "demonym" else None
