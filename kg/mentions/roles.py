"""Role descriptions: "il presidente russo", "il ministro degli Esteri della Corea del Sud"."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional

from kg.lexicon import Lexicon, mention_words
from kg.mentions.common import (ARTICLE_WORDS, AT_WORDS, AUXILIARIES, COUNTERPART, DEFINITE_ARTICLES, LINK_WORDS,
                                MINISTERS, NAME_PARTICLES, ArticleMentions, phrase, token_index)
from kg.records import RoleMention, Sentence

#: Pronouns that stand for the role named before them: "quello greco" is "il premier greco".
ELLIPTIC_ROLES = mention_words()["elliptic_roles"]


def _roles(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
           lexicon: Lexicon, found: ArticleMentions, base: int) -> list[RoleMention]:
    """Role descriptions: a role phrase, then a demonym or 'di/della <state or org>'."""
    out: list[RoleMention] = []
    n_longest = lexicon.longest_role
    i = 0
    while i < len(toks):
        role = None
        if text[toks[i][0]:toks[i][1]].lower() not in lexicon.role_first_words:
            i += 1
            continue
        for n in range(min(n_longest, len(toks) - i), 0, -1):
            words = phrase(toks[i:i + n], text)
            if words in lexicon.roles:
                role, width = lexicon.roles[words], n
                break
        if role is None or (i > 0 and text[toks[i - 1][0]:toks[i - 1][1]].lower() in AUXILIARIES):
            i += 1          # "ha inviato Shoigu": a participle, not "l'inviato"
            continue
        j = i + width
        holder = _holder_after(sentence, toks, text, j, found, lexicon, minister=role.phrase.split()[0] in MINISTERS)
        if holder is None:
            appointed = _appointing_state(sentence, toks, text, i, j, found, lexicon)
            if appointed is not None:
                state, person = appointed
                end = toks[j - 1][1]
                out.append(RoleMention(article_id, sentence.index, toks[i][0], end, text[toks[i][0]:end],
                                       role.phrase, role.predicate, role.position, role.role_en, state, person))
                i += width
                continue
        if holder is None:
            # "la presidente del Consiglio Giorgia Meloni": no state or organisation named, but
            # the role still describes the name beside it (linking may know whose office it is)
            person = _person_name_at(sentence, toks, text, j, found, i)
            skip = i + width
            if person is None:
                # "Antonio Tajani, ministro degli Esteri, ha detto"
                person = _name_before(sentence, toks, text, i, found, toks[j - 1][1])
            if person is None:
                # "il premier del governo di unità nazionale libico Abdul Hamid Dbeibah"
                reached = _person_after_complement(sentence, toks, text, j, found, i, lexicon,
                                                   minister=role.phrase.split()[0] in MINISTERS)
                if reached is not None:
                    person, holder, skip = reached
            definite = i > 0 and text[toks[i - 1][0]:toks[i - 1][1]].lower() in DEFINITE_ARTICLES
            if person is not None or (definite and role.position != "other"):
                # a bare "il sovrano", "il premier": linking takes the person last described
                # in that office in the article; a holder in the complement ends the description
                end = toks[j - 1][1] if holder is None else found.mentions[holder].end_char
                out.append(RoleMention(article_id, sentence.index, toks[i][0], end, text[toks[i][0]:end],
                                       role.phrase, role.predicate, role.position, role.role_en, holder, person))
            i = skip
            continue
        holder_mention = found.mentions[holder]
        end = holder_mention.end_char
        # A demonym after an organisation ("Consiglio di sicurezza russo") belongs to it.
        after = token_index(toks, end)
        person = None
        p = after
        if p is not None and p < len(toks):
            trailing = found.at(sentence.index, *toks[p])
            if trailing is not None and found.mentions[trailing].kind == "demonym":
                end = found.mentions[trailing].end_char
                p += 1
        if p is not None:
            person = _person_name_at(sentence, toks, text, p, found, i)
        if person is None and p is not None and p + 1 < len(toks) \
                and text[toks[p][0]:toks[p][1]].lower() in AT_WORDS | {"a", "ad"}:
            # "l'ambasciatore americano all'Onu Mike Waltz": where the office is held, then the name
            posting = found.at(sentence.index, *toks[p + 1])
            if posting is not None and found.mentions[posting].type in ("Organization", "State", "Place"):
                q = token_index(toks, found.mentions[posting].end_char)
                if q is not None:
                    person = _person_name_at(sentence, toks, text, q, found)
        if person is None:
            # The role after the name: "Sergei Shoigu, segretario del Consiglio di sicurezza"
            person = _name_before(sentence, toks, text, i, found, end)
        skip = max(i + width, after if after is not None else len(toks))
        if person is None and after is not None:
            # "il Presidente del Consiglio Presidenziale dello Stato di Libia, Mohammed Al-Menfi"
            reached = _person_after_complement(sentence, toks, text, after, found, i, lexicon)
            if reached is not None:
                person, skip = reached[0], reached[2]
        out.append(RoleMention(article_id, sentence.index, toks[i][0], end, text[toks[i][0]:end],
                               role.phrase, role.predicate, role.position, role.role_en, holder, person))
        i = skip
    return _counterparts(out, lambda: _named_office(found, sentence, text))


def _name_before(sentence: Sentence, toks: list[tuple[int, int]], text: str, i: int,
                 found: ArticleMentions, role_end: int) -> Optional[int]:
    """The person named right before the role and a comma ("Sergei Shoigu, segretario del
    Consiglio di sicurezza", "Antonio Tajani, il ministro degli Esteri"), if any; not where a
    verb follows the role with no comma and the name closes a phrase of its own ("..., e del
    leader al Senato, Charles Schumer, il premier indiano pronuncerà", "Secondo Schlein, la
    leader di Fratelli d'Italia porta avanti": the role is the next clause's subject)."""
    q = i - 1
    if q >= 0 and text[toks[q][0]:toks[q][1]].lower() in ARTICLE_WORDS:
        q -= 1
    if q >= 1 and text[toks[q][0]:toks[q][1]] == ",":
        candidate = found.at(sentence.index, *toks[q - 1])
        if candidate is not None and found.mentions[candidate].type == "Person" \
                and found.mentions[candidate].kind == "name":
            after = next((w for w in sentence.words if w.start_char >= role_end), None)
            before = [w for w in sentence.words if w.end_char <= found.mentions[candidate].start_char]
            if after is not None and after.upos in ("VERB", "AUX") and before \
                    and (before[-1].upos == "ADP" or before[-1].text == ","):
                return None
            return candidate
    return None


#: Words a role's complement runs over on its way to the name it describes: "di" and "a" with
#: their articles, "in" ("l'ambasciatore statunitense in Arabia Saudita, Michael Ratney").
_COMPLEMENT_LINKS = LINK_WORDS | AT_WORDS | ARTICLE_WORDS | {"a", "in", "dell", "all"}
_COMPLEMENT_LENGTH = 12


def _complement(sentence: Sentence, toks: list[tuple[int, int]], text: str, j: int, found: ArticleMentions,
                lexicon: Lexicon, minister: bool = False) -> Optional[tuple[int, Optional[int]]]:
    """A role's complement from token ``j``: link words, lower-case nouns and adjectives,
    capitalised words no mention covers (a department: "degli Esteri") and states,
    organisations and places. Returns the token it ends before (a person, a comma, a verb or
    other word, the sentence's end) and its first state (else, but for a minister, whose
    capitalised department NER may call an organisation, its first organisation); None where a
    second role starts inside it ("il consigliere del presidente francese ...") or a mention of
    another type stands there."""
    upos = {(w.start_char, w.end_char): w.upos for w in sentence.words}
    holder: Optional[int] = None
    k = j
    while k < len(toks) and k - j < _COMPLEMENT_LENGTH:
        word = text[toks[k][0]:toks[k][1]]
        index = found.at(sentence.index, *toks[k])
        if index is not None:
            m = found.mentions[index]
            if m.type == "Person" or word == ",":
                break
            if m.type not in ("State", "Organization", "Place"):
                return None
            if m.type == "State" and (holder is None or found.mentions[holder].type != "State"):
                holder = index
            elif m.type == "Organization" and holder is None and not minister:
                holder = index
            k = token_index(toks, m.end_char) or len(toks)
            continue
        lower = word.lower().replace("’", "'")
        if k > j and lower in lexicon.role_first_words and any(
                phrase(toks[k:k + n], text) in lexicon.roles for n in range(1, lexicon.longest_role + 1)):
            return None
        if lower in ("e", "ed") and k + 1 < len(toks) and text[toks[k + 1][0]:toks[k + 1][1]].lower() in LINK_WORDS:
            k += 1          # "degli Affari esteri e della Cooperazione internazionale"
            continue
        if not (lower in _COMPLEMENT_LINKS or (word.isalpha() and (word[:1].isupper() or upos.get(toks[k]) in ("NOUN", "ADJ")))):
            break
        k += 1
    return k, holder


def _person_after_complement(sentence: Sentence, toks: list[tuple[int, int]], text: str, j: int,
                             found: ArticleMentions, role_start: int, lexicon: Lexicon,
                             minister: bool = False) -> Optional[tuple[int, Optional[int], int]]:
    """A person named right after the role's complement (``_complement``), with no punctuation
    but a comma before the name ("il premier del governo di unità nazionale libico Abdul Hamid
    Dbeibah"). A name right after a preposition is the complement's, not the role's
    ("l'inviato di Trump"). Returns the person, the complement's holder and the token after the
    name; None if no name ends the complement."""
    reached = _complement(sentence, toks, text, j, found, lexicon, minister)
    if reached is None:
        return None
    k, holder = reached
    if k == j or k >= len(toks) or text[toks[k - 1][0]:toks[k - 1][1]].lower().replace("’", "'") in _COMPLEMENT_LINKS:
        return None
    word = text[toks[k][0]:toks[k][1]]
    index = found.at(sentence.index, *toks[k])
    if word != "," and (index is None or found.mentions[index].type != "Person"):
        return None     # the complement ended at a verb or another word, not at a name
    person = _person_name_at(sentence, toks, text, k, found, role_start)
    if person is None:
        return None
    return person, holder, token_index(toks, found.mentions[person].end_char) or len(toks)


def _holder_after(sentence: Sentence, toks: list[tuple[int, int]], text: str, j: int,
                  found: ArticleMentions, lexicon: Lexicon, minister: bool = False) -> Optional[int]:
    """The state or organisation a role phrase ending before token ``j`` names, if any.
    ``minister``: the role is a minister's, whose department the press also writes in lower
    case ("il ministro della giustizia sudafricano")."""
    holder = None
    # "presidente russo" / "ministro degli Esteri russo": a demonym right after, or after
    # the role's complement.
    k = j
    if k < len(toks):
        holder = found.at(sentence.index, *toks[k])
        if holder is not None and found.mentions[holder].type not in ("State", "Organization"):
            holder = None
        if holder is None and text[toks[k][0]:toks[k][1]].lower() in LINK_WORDS | AT_WORDS | {"del", "dell"}:
            k += 1
            if k < len(toks) and text[toks[k][0]:toks[k][1]].lower() in ARTICLE_WORDS:
                k += 1
            if k < len(toks):
                holder = found.at(sentence.index, *toks[k])
                if holder is not None and found.mentions[holder].type not in ("State", "Organization"):
                    holder = None
            # "leader della giunta nigerina", "portavoce del governo tedesco": a state's body
            # with its demonym is the state
            if holder is None and k + 1 < len(toks) and text[toks[k][0]:toks[k][1]] in lexicon.state_bodies:
                body_of = found.at(sentence.index, *toks[k + 1])
                if body_of is not None and found.mentions[body_of].kind == "demonym":
                    holder = body_of
            # "il ministro delle Infrastrutture turco": a department, then the demonym
            d, words = k, 0
            while holder is None and d < len(toks) and found.at(sentence.index, *toks[d]) is None and words < 3:
                word = text[toks[d][0]:toks[d][1]]
                if word.lower() in ("e", "ed") and d + 1 < len(toks) \
                        and text[toks[d + 1][0]:toks[d + 1][1]].lower() in LINK_WORDS:
                    d += 2      # "delle infrastrutture e dei trasporti italiano": one department
                    continue
                if not _department_word(word, minister):
                    break
                d, words = d + 1, words + 1
            if holder is None and d > k and d < len(toks):
                demonym = found.at(sentence.index, *toks[d])
                if demonym is not None and found.mentions[demonym].kind == "demonym":
                    holder = demonym
            if holder is None and d > k:
                # "il ministro dell'Interno dell'Ucraina": a department, then "di" and its state or body
                holder = _linked_holder(sentence, toks, text, d, found)
    return holder


def _linked_holder(sentence: Sentence, toks: list[tuple[int, int]], text: str, k: int,
                   found: ArticleMentions) -> Optional[int]:
    """The state or organisation a "di" phrase at token ``k`` names ("dell'Ucraina"), or the
    one at ``k`` right after such a word the department's reading ran over, if any."""
    word = lambda j: text[toks[j][0]:toks[j][1]].lower().replace("’", "'") if 0 <= j < len(toks) else ""  # noqa: E731
    links = LINK_WORDS | {"dell"}
    if word(k - 1) in links | ARTICLE_WORDS and word(k - 2) not in ("e", "ed"):
        # not a second department: "degli Affari esteri e della Cooperazione internazionale"
        index = _state_or_body_at(sentence, toks, k, found)
        if index is not None:
            return index
    if word(k) not in links:
        return None
    return _state_or_body_at(sentence, toks, k + 1 + (word(k + 1) in ARTICLE_WORDS), found)


def _state_or_body_at(sentence: Sentence, toks: list[tuple[int, int]], k: int, found: ArticleMentions) -> Optional[int]:
    index = found.at(sentence.index, *toks[k]) if k < len(toks) else None
    return index if index is not None and found.mentions[index].type in ("State", "Organization") else None


def _department_word(word: str, minister: bool) -> bool:
    """A word of a department's name: capitalised, or for a minister any lower-case word."""
    return word[:1].isupper() or (minister and word.isalpha() and word.islower())


def _named_office(found: ArticleMentions, sentence: Sentence, text: str) -> Optional[RoleMention]:
    """The office an earlier sentence last gave a person this sentence names again ("il presidente
    Tebboune" ... "un colloquio tra Tebboune e l'omologo francese Macron"), if any."""
    here = text[sentence.start_char:sentence.end_char]
    return next((r for r in reversed(found.roles) if r.sentence != sentence.index and r.person is not None
                 and r.position != COUNTERPART and len(name := found.mentions[r.person].text.split()[-1]) > 2
                 and name in here), None)


def _counterparts(roles: list[RoleMention],
                  named: Callable[[], Optional[RoleMention]] = lambda: None) -> list[RoleMention]:
    """"Il ministro degli Esteri iraniano ha telefonato al suo omologo omanita": a counterpart
    holds the office of the role named before it in the sentence, for its own state; so does
    "quello" ("al premier belga De Croo, quello greco Mitsotakis"), which alone is no role.
    With no office before it in the sentence, a counterpart's is the one an earlier sentence
    gave a person this one names ("tra Tebboune e l'omologo francese Macron")."""
    out = []
    for r in roles:
        earlier = [x for x in out if x.position != COUNTERPART]
        if r.position == COUNTERPART and not earlier and r.phrase not in ELLIPTIC_ROLES:
            earlier = [o] if (o := named()) is not None else []   # "quello" needs its own sentence's
        if r.position == COUNTERPART and earlier:
            r = replace(r, phrase=earlier[-1].phrase, predicate=earlier[-1].predicate,
                        position=earlier[-1].position, role_en=earlier[-1].role_en)
        elif r.position == COUNTERPART and r.phrase in ELLIPTIC_ROLES:
            continue    # "quello greco" with no office named before it says nothing
        out.append(r)
    return out


def _person_name_at(sentence: Sentence, toks: list[tuple[int, int]], text: str, k: int,
                    found: ArticleMentions, role_start: Optional[int] = None) -> Optional[int]:
    """The person named at token ``k`` (after an optional comma), in apposition to a role.

    A name there that NER typed an organisation or a place and the gazetteer does not know,
    of two or more capitalised words ("la premier danese Mette Frederiksen", ORG), is a
    person: a role names whoever holds it."""
    comma = k < len(toks) and text[toks[k][0]:toks[k][1]] == ","
    if comma:
        k += 1
    if k >= len(toks):
        return None
    candidate = found.at(sentence.index, *toks[k])
    if candidate is None:
        return None
    m = found.mentions[candidate]
    if m.kind != "name":
        return None
    if comma and role_start is not None and _opens_next_clause(sentence, toks[role_start][0], m.end_char):
        return None
    if m.type == "Person":
        return candidate
    words = m.text.split()
    if m.type in ("Organization", "Place") and m.key is None and m.start_char == toks[k][0] \
            and len(words) >= 2 and all(w[:1].isupper() or w in NAME_PARTICLES for w in words) and words[0][:1].isupper():
        found.mentions[candidate] = replace(m, type="Person")
        return candidate
    return None


def _opens_next_clause(sentence: Sentence, role_start: int, name_end: int) -> bool:
    """"Dopo l'incontro con il presidente del Consiglio, Lula ha auspicato...": a role inside a
    prepositional phrase, a comma, then a name and a verb: the name is the next clause's
    subject, not the role's holder (who would be closed off by a second comma)."""
    before = [w for w in sentence.words if w.end_char <= role_start]
    while before and before[-1].upos == "DET":
        before.pop()
    if not before or before[-1].upos != "ADP":
        return False
    after = next((w for w in sentence.words if w.start_char >= name_end), None)
    return after is not None and after.upos in ("VERB", "AUX")


def _appointing_state(sentence: Sentence, toks: list[tuple[int, int]], text: str, i: int, j: int,
                      found: ArticleMentions, lexicon: Lexicon) -> Optional[tuple[int, int]]:
    """"la Corea del Sud ha eletto un nuovo presidente, Lee Jae-myung": a role named with a
    person right after it, object of an appointing verb whose subject is a state."""
    if not (j + 1 < len(toks) and text[toks[j][0]:toks[j][1]] == ","):
        return None
    person = found.at(sentence.index, *toks[j + 1])
    if person is None or found.mentions[person].type != "Person":
        return None
    lemma_at = {(w.start_char, w.end_char): (w.lemma or "").lower() for w in sentence.words}
    verb = next((k for k in range(i - 1, max(i - 4, -1), -1)
                 if lemma_at.get(toks[k]) in lexicon.appointing_verbs), None)
    if verb is None:
        return None
    for k in range(verb - 1, -1, -1):
        index = found.at(sentence.index, *toks[k])
        if index is not None and found.mentions[index].type == "State" and found.mentions[index].kind != "demonym":
            return index, person
        if text[toks[k][0]:toks[k][1]] in {",", ";", ":"}:
            return None
    return None
