"""Mentions found without NER or rewriting it: gazetteer names, organisation names, role titles, metonyms, demonyms."""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Optional

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.lexicon import LEXICON_DIR, Lexicon, mention_words, read_lines
from kg.italian import DATE_STAMP, DEFINITE_ARTICLES, MONTH_ABBREVIATIONS, MONTH_PATTERN, TO_FAMILY
from kg.mentions.common import _OF, _WORD_AT, LINK_WORDS, MINISTERS, overlaps, phrase
from kg.records import Mention, Sentence

def _surnames(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
              surnames: set[str], taken: list[Mention]) -> list[Mention]:
    """"Christine Lagarde ... Lagarde ha elogiato": a lone surname of a person the article has
    already named in full (``surnames``), which NER missed, is that person again (linking
    joins them)."""
    if not surnames:
        return []
    tags = {(w.start_char, w.end_char): w.upos for w in sentence.words}
    out = []
    for start, end in toks:
        word = text[start:end]
        if word in surnames and tags.get((start, end)) in ("PROPN", "NOUN", "X", None) \
                and not any(overlaps((m.start_char, m.end_char), (start, end)) for m in taken):
            out.append(Mention(article_id, sentence.index, start, end, word, "Person", "name", None, 0.75))
    return out


def _role_title_spans(toks: list[tuple[int, int]], text: str, lexicon: Lexicon,
                      gazetteer: Optional[Gazetteer] = None) -> list[tuple[int, int]]:
    """Character spans of the role phrases of more than one word ("presidente del Consiglio"),
    and of a minister's department the gazetteer does not know as an entity ("ministro del
    Commercio", "viceministro della Cultura")."""
    spans = []
    for i in range(len(toks)):
        first = text[toks[i][0]:toks[i][1]].lower()
        if first not in lexicon.role_first_words:
            continue
        for n in range(min(lexicon.longest_role, len(toks) - i), 1, -1):
            if phrase(toks[i:i + n], text) in lexicon.roles:
                spans.append((toks[i][0], toks[i + n - 1][1]))
                break
        else:
            if gazetteer is not None and first in MINISTERS and i + 2 < len(toks) \
                    and text[toks[i + 1][0]:toks[i + 1][1]].lower() in LINK_WORDS | {"dell'"}:
                department = text[toks[i + 2][0]:toks[i + 2][1]]
                if department[:1].isupper() and gazetteer.lookup(department) is None:
                    spans.append((toks[i][0], toks[i + 2][1]))
    return spans


def _outside_role_titles(found: list[Mention], toks: list[tuple[int, int]], text: str,
                         lexicon: Lexicon, gazetteer: Gazetteer) -> list[Mention]:
    """Drop names inside a role's own title: the "Consiglio" of "presidente del Consiglio" is
    part of an office, not an organisation ("Consiglio europeo" runs past it and stays, a
    demonym after it does not: "segretario di Stato americano")."""
    spans = _role_title_spans(toks, text, lexicon, gazetteer)

    def inside(m: Mention) -> bool:
        # the title's own word and a demonym after it: "Stato americano" of "segretario di Stato americano"
        return any(s <= m.start_char < e and (m.end_char <= e or gazetteer.demonym(text[e:m.end_char].strip()) is not None)
                   for s, e in spans)

    def past_title(m: Mention) -> Mention:
        # "segretario di Stato Usa": NER ran the title's last word into the state after it
        e = next((e for s, e in spans if s <= m.start_char < e < m.end_char and m.kind == "name"), None)
        rest = text[e:m.end_char] if e is not None else ""
        start = e + len(rest) - len(rest.lstrip()) if e is not None else 0
        if e is None or not rest[:1].isspace() or not rest.strip()[:1].isupper():
            return m
        entry = gazetteer.lookup(rest.strip())
        if entry is None or entry.type != "State":
            return m    # "presidente del Consiglio Ue": a body's own name may go on past a title
        return replace(m, start_char=start, text=rest.strip(), type=entry.type, key=entry.key)
    return [m for m in (past_role_word(past_title(m), toks, text, lexicon, gazetteer) for m in found if not inside(m))
            if m is not None]


def past_role_word(m: Mention, toks: list[tuple[int, int]], text: str, lexicon: Lexicon,
                   gazetteer: Gazetteer) -> Optional[Mention]:
    """A name NER began at a capitalised role word is no organisation or place of that name:
    "Emiro del Qatar" is the emir's office and Qatar, which the role then finds as its holder;
    "Segretario generale della Nato", the office and Nato. What follows the role and a link word
    is the mention where the gazetteer knows it; with no capitalised word left ("Consigliere
    federale") there is no name, and the mention goes. A person's name NER began at an office
    ("Segretario Generale Rutte" gave "Generale Rutte") is the capitalised name after it, unless
    the office is a title people are named by ("Papa Francesco", mention_words.tsv name_titles)."""
    k = _past_leading_role(m, toks, text, lexicon, gazetteer)
    if k is None:
        return m
    if m.type == "Person":
        rest = text[toks[k][0]:m.end_char] if k < len(toks) else ""
        if not rest or m.text.split()[0].lower() in _NAME_TITLES or not all(w[:1].isupper() for w in rest.split()):
            return m
        return replace(m, start_char=toks[k][0], text=rest)
    while k < len(toks) and toks[k][0] < m.end_char and text[toks[k][0]:toks[k][1]].lower() in LINK_WORDS | _AFTER_ROLE:
        k += 1
    rest = text[toks[k][0]:m.end_char] if k < len(toks) and toks[k][0] < m.end_char else ""
    if not any(w[:1].isupper() for w in rest.split()):
        return None
    entry = gazetteer.lookup(rest)
    if entry is None:
        return m
    return replace(m, start_char=toks[k][0], text=rest, type=entry.type, key=entry.key)


def _past_leading_role(m: Mention, toks: list[tuple[int, int]], text: str, lexicon: Lexicon,
                       gazetteer: Gazetteer) -> Optional[int]:
    """The token right after the capitalised role phrase a name of two words or more begins
    with, where the gazetteer does not know the whole name; else None."""
    words = m.text.split()
    if m.kind != "name" or len(words) < 2 or not words[0][:1].isupper() \
            or words[0].lower() not in lexicon.role_first_words or gazetteer.lookup(m.text) is not None:
        return None
    i = next((k for k, t in enumerate(toks) if t[0] == m.start_char), None)
    if i is None:
        return None
    width = next((n for n in range(min(lexicon.longest_role, len(toks) - i), 0, -1)
                  if toks[i + n - 1][1] < m.end_char and phrase(toks[i:i + n], text) in lexicon.roles), 0)
    return i + width if width else None


_NAME_TITLES = frozenset(mention_words()["name_titles"])

#: Words between a role and the name of its holder besides "di": "Rappresentante al Commercio".
_AFTER_ROLE = TO_FAMILY | DEFINITE_ARTICLES | {"per"}


def _gazetteer_matches(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
                       gazetteer: Gazetteer, max_len: int = 8) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        matched = None
        # the word as written from this token to the next space ("Russia" may be two tokens)
        word = _WORD_AT.match(text, toks[i][0])
        if not gazetteer.may_start_name(text[toks[i][0]:toks[i][1]]) and \
                not (word and gazetteer.may_start_name(word.group(0))):
            i += 1
            continue
        for n in range(min(max_len, len(toks) - i), 0, -1):
            start, end = toks[i][0], toks[i + n - 1][1]
            surface = text[start:end]
            if not (surface[:1].isupper() or surface.islower()) or not surface[-1].isalnum():
                continue    # a name in lower case matches only one the data writes so ("carabinieri")
            entry = gazetteer.lookup(surface)
            if entry is not None:
                matched = (n, Mention(article_id, sentence.index, start, end, surface, entry.type,
                                      "name", entry.key, 0.95))
                break
        if matched:
            out.append(matched[1])
            i += matched[0]
        else:
            i += 1
    return out


def _organization_names(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
                        gazetteer: Gazetteer, lexicon: Lexicon, taken: list[Mention]) -> list[Mention]:
    """Organisation names built on a head noun and "di": "ministero della Difesa", "Istituto
    di studi dell'Estremo Oriente", "Dipartimento di Stato". NER tends to keep only the
    capitalised tail ("Estremo Oriente", a place); the whole name is the organisation.

    Returns ``taken`` with the new names, minus the mentions they contain. A lower-case head
    before a known state, place or organisation ("l'esercito della Russia", "la fondazione
    della Comunità degli Stati Indipendenti") is a description or an event, not a name.
    """
    word = lambda j: text[toks[j][0]:toks[j][1]] if 0 <= j < len(toks) else ""
    of = lambda j: word(j).lower().replace("’", "'") in _OF
    lower = lambda j: word(j).isalpha() and word(j).islower()
    capital = lambda j: word(j)[:1].isupper() and word(j)[:1].isalpha() \
        and word(j).lower() not in lexicon.organization_heads
    names: list[Mention] = []
    i = 0
    while i < len(toks):
        if word(i).lower() not in lexicon.organization_heads:
            i += 1
            continue
        j = i + 1
        if lower(j) and of(j + 1):          # "Esercito popolare della ..."
            j += 1
        if not of(j):
            i += 1
            continue
        j += 1
        if lower(j) and of(j + 1):          # "Istituto di studi dell'..."
            j += 2
        if not capital(j):
            i += 1
            continue
        first = j
        while capital(j):
            j += 1
        while of(j) and capital(j + 1):     # "... della Difesa del Popolo"
            k = j + 1
            while capital(k):
                k += 1
            tails = (gazetteer.lookup(text[toks[j + 1][0]:toks[e][1]]) for e in range(j + 1, min(j + 6, len(toks))))
            if any(t is not None and t.type in ("State", "Place") for t in tails):
                break                       # "ministero della Difesa della Corea del Sud": the state stays
            j = k
        complement = gazetteer.lookup(text[toks[first][0]:toks[j - 1][1]])
        if word(i).islower() and complement is not None and complement.type in ("State", "Place", "Organization"):
            i = j
            continue
        start, end = toks[i][0], toks[j - 1][1]
        if any(m.start_char < start < m.end_char or m.start_char < end < m.end_char for m in taken):
            i = j                           # crosses a name already found
            continue
        surface = text[start:end]
        entry = gazetteer.lookup(surface)
        owner = gazetteer.demonym(word(j)) if lower(j) else None
        if owner is not None and owner.type == "State":
            # "il ministero degli Esteri cinese": the demonym names whose body it is; the
            # gazetteer's "Ministero degli Esteri" is another state's
            end = toks[j][1]
            surface = text[start:end]
            if entry is not None and entry.state != owner.key:
                entry = None
            j += 1
        names.append(Mention(article_id, sentence.index, start, end, surface, "Organization", "name",
                             entry.key if entry is not None and entry.type == "Organization" else None, 0.85))
        i = j
    kept = [m for m in taken if not any(n.start_char <= m.start_char and m.end_char <= n.end_char for n in names)]
    return kept + names


def year_near(m: Mention, sentence: Sentence, times: list) -> Optional[int]:
    """The year of the time expression nearest a mention in its sentence, if any."""
    if not times:
        return None
    offset = m.start_char - sentence.start_char
    return int(min(times, key=lambda t: abs(t.start - offset)).value[:4])


def as_metonym(m: Mention, toks: list[tuple[int, int]], text: str, gazetteer: Gazetteer,
                lexicon: Lexicon, year: Optional[int] = None, sentence: Optional[Sentence] = None) -> Mention:
    """A capital or seat named outside a locative phrase stands for its state's government.

    "Mosca ha risposto", "appoggiare Mosca", "i media di Pyongyang" -> the state;
    "a Pyongyang", "nella capitale", "visiterà Kiev" -> the place itself; and a seat the
    gazetteer knows only as its state's metonym ("alla Casa Bianca") becomes a place of its own.
    """
    if m.kind != "name" or m.type not in ("Place", "Organization", "State"):
        return m
    before = [t for t in toks if t[1] <= m.start_char]
    previous = text[before[-1][0]:before[-1][1]].lower() if before else ""
    where = previous in lexicon.locatives or _visited(m, sentence, lexicon) or _meeting_place(m, sentence, lexicon) \
        or _listed_after_locative(m, toks, text, lexicon) or _in_a_place_phrase(m, sentence, lexicon)
    if m.type == "State":
        entry = gazetteer.get(m.key) if m.key else None
        if where and entry is not None and not entry.is_own_name(m.text):
            return Mention(m.article_id, m.sentence, m.start_char, m.end_char, m.text, "Place", "name",
                           None, m.confidence)
        return m
    state = gazetteer.metonym(m.text, year)
    if state is None or state.type != "State":
        return m
    if m.type == "Organization" and m.key is None and (place := gazetteer.lookup(m.text)) is not None \
            and place.type == "Place":
        # a city's name the context made an organisation: the club (kg.mentions.context.club,
        # "contro la Roma" in a match report), neither the city nor its state
        return m
    if where and m.type == "Organization":
        # "all'Eliseo", "alla Casa Bianca": NER's institution is the building one goes to
        return Mention(m.article_id, m.sentence, m.start_char, m.end_char, m.text, "Place", "name",
                       m.key, m.confidence)
    if where or _is_dateline(m, toks, text):
        return m
    return Mention(m.article_id, m.sentence, m.start_char, m.end_char, m.text, "State", "metonym",
                   state.key, min(m.confidence, 0.8))


def _listed_after_locative(m: Mention, toks: list[tuple[int, int]], text: str, lexicon: Lexicon) -> bool:
    """"a Londra, Bruxelles e Roma": a name listed after names that a locative preposition
    opens is in the same phrase, a place too."""
    before = [text[s:e] for s, e in toks if e <= m.start_char][::-1][:12]
    i, listed = 0, False
    while i < len(before) and before[i] in (",", "e", "ed"):
        i, listed = i + 1, True
        names = 0
        while i < len(before) and before[i][:1].isupper() and names < 4:
            i, names = i + 1, names + 1
        if not names:
            return False
        if i < len(before) and before[i].lower() in lexicon.locatives:
            return listed
    return False


def _meeting_place(m: Mention, sentence: Optional[Sentence], lexicon: Lexicon) -> bool:
    """"il vertice di Madrid", "il summit di Vilnius": a meeting named after its city (a noun of
    the meeting frame, then "di") is held there; the city is the place, not its state."""
    noun = _noun_before_di(m, sentence)
    found = lexicon.trigger(noun.lemma, noun.upos) if noun is not None else None
    return found is not None and found[0] == "meeting" and found[1] == "NOUN"


def _noun_before_di(m: Mention, sentence: Optional[Sentence]):
    """The word that governs a name through "di" and maybe an article ("il vertice di Madrid",
    "l'aeroporto del Cairo"), else None."""
    before = [w for w in (sentence.words if sentence else ()) if w.end_char <= m.start_char and w.upos != "DET"]
    return before[-2] if len(before) >= 2 and (before[-1].lemma or before[-1].text).lower() == "di" else None


def _in_a_place_phrase(m: Mention, sentence: Optional[Sentence], lexicon: Lexicon) -> bool:
    """"l'aeroporto di Oslo", "la conferenza di Parigi", "Hanoi, capitale del Vietnam", "nella
    capitale del Cile, Santiago": a city after "di" that a place noun or an event held
    there governs, or in apposition to "capitale", is the place (held_in_nouns in
    mention_words.tsv, place_heads.txt); so is one a "dove" clause follows ("da Bruxelles
    dove si è svolto")."""
    if sentence is None:
        return False
    noun = _noun_before_di(m, sentence)
    if noun is not None and (noun.lemma or noun.text).lower() in lexicon.place_heads | HELD_IN_NOUNS:
        return True
    if noun is not None and noun.upos == "PROPN" and _named_place(noun, sentence, lexicon):
        return True
    words = sentence.words
    inside = {w.id for w in words if m.start_char <= w.start_char < m.end_char}
    by_id = {w.id: w for w in words}
    for w in words:
        ends = (w.id, w.head) if w.id in inside else (w.head, w.id) if w.head in inside else None
        if ends and w.deprel == "appos" and ends[1] in by_id and (by_id[ends[1]].lemma or "").lower() == "capitale":
            return True
        if w.id in inside and w.deprel in ("conj", "appos") and w.head in by_id and \
                (by_id[w.head].deprel or "").startswith("nmod") and by_id[w.head].head in by_id \
                and (by_id[by_id[w.head].head].lemma or "").lower() == "capitale":
            return True     # "nella capitale della Georgia, Tbilisi": the parse's conjunct of the state
        if w.head in inside and w.deprel == "acl:relcl" and w.id not in inside and any(
                x.head == w.id and (x.lemma or "").lower() == "dove" for x in words):
            return True     # "da Bruxelles dove si è svolto il Consiglio": where something happens
    return False


HELD_IN_NOUNS = mention_words()["held_in_nouns"]


def _named_place(word, sentence: Sentence, lexicon: Lexicon) -> bool:
    """Whether a word is part of a place's name headed by a place noun ("l'aeroporto
    Internazionale Bole", "palazzo Chigi"): its heads, through a name's own links, reach one."""
    by_id = {w.id: w for w in sentence.words}
    for _ in range(3):
        if word.deprel not in ("flat", "flat:name", "nmod", "amod", "compound") or word.head not in by_id:
            return False
        word = by_id[word.head]
        if word.upos == "NOUN" and (word.lemma or word.text).lower() in lexicon.place_heads:
            return True
    return False


def _visited(m: Mention, sentence: Optional[Sentence], lexicon: Lexicon) -> bool:
    """"visiterà Kiev": the word before is a visiting verb, whose object is a place."""
    before = [w for w in (sentence.words if sentence else ()) if w.end_char <= m.start_char]
    found = lexicon.trigger(before[-1].lemma, before[-1].upos) if before else None
    return found is not None and found[0] == "visit"


#: ", 13 mar.", " - 28 febbraio": a day and a month right after a name, as a dateline writes them
_DAY_MONTH_AFTER = re.compile(rf"\s*[,\-–—]\s*\d{{1,2}}\s+(?:{MONTH_PATTERN}|{'|'.join(sorted(MONTH_ABBREVIATIONS))})\b",
                              re.IGNORECASE)


def _is_dateline(m: Mention, toks: list[tuple[int, int]], text: str) -> bool:
    """"Pechino, 15 agosto 2025 –", "MOSCA –": a place name opening the text or a line of it
    (the body under a headline), then a comma and a date, or in capitals a dash; and a name
    anywhere right before a day and a month ("(DIRE) Roma, 13 Mar. –", "WASHINGTON - 28
    febbraio"), the way agencies date their copy after a credit or a headline."""
    if _DAY_MONTH_AFTER.match(text, m.end_char):
        return True
    if not DATE_STAMP.fullmatch(text[text.rfind("\n", 0, m.start_char) + 1:m.start_char]):
        return False
    after = [text[s:e] for s, e in toks if s >= m.end_char][:2]
    # "MOSCA – Il Cremlino ...", "ROMA (ANSA) -": a dash or a credit after the place also close it
    return bool(after) and (after[0] in ("-", "–", "—", "(") and m.text.isupper()
                            or len(after) == 2 and after[0] == "," and after[1][:1].isdigit())


def _capital_descriptions(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
                          gazetteer: Gazetteer, taken: list[Mention]) -> list[Mention]:
    """"la capitale giapponese", "nella capitale ucraina": the state's capital, a Place the
    article may never name. Kind ``description``: the phrase is no name for the label."""
    out: list[Mention] = []
    for (start, end), (next_start, next_end) in zip(toks, toks[1:]):
        if text[start:end] not in ("capitale", "capitali") or text[start:end] != text[start:end].lower():
            continue
        state = gazetteer.demonym(text[next_start:next_end])
        capital = gazetteer.get(state.get_extra("capital_key")) if state is not None else None
        if capital is None or any(overlaps((m.start_char, m.end_char), (start, next_end)) for m in taken):
            continue
        out.append(Mention(article_id, sentence.index, start, next_end, text[start:next_end], "Place",
                           "description", capital.key, 0.85))
    return out


def _demonyms(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
              gazetteer: Gazetteer, taken: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    upos = {(w.start_char, w.end_char): w.upos for w in sentence.words}
    for start, end in toks:
        surface = text[start:end]
        # Demonyms are adjectives or nouns; a weak tagger may call "nordcoreano" a verb, so only
        # function-word tags rule a word out.
        if not surface.islower() or upos.get((start, end)) in ("DET", "ADP", "PRON", "CCONJ", "SCONJ"):
            continue
        entry = gazetteer.demonym(surface)
        # nested inside a place's name is fine: "la regione russa di Kursk" says where it is
        if entry is None or any(overlaps((m.start_char, m.end_char), (start, end)) and m.type != "Place"
                                for m in taken):
            continue
        out.append(Mention(article_id, sentence.index, start, end, surface, "State", "demonym",
                           entry.key, 0.85))
    return out


def _state_formal_names(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
                        gazetteer: Gazetteer, found: list[Mention]) -> list[Mention]:
    """"la Repubblica popolare della Corea del Nord", "la Repubblica di Corea", "il Principato di
    Monaco": a state title (state_titles.txt), up to three words, "di" and a state the
    gazetteer knows are that state, not an organisation NER or a head noun made of it."""
    titles = _state_titles()
    word = lambda j: text[toks[j][0]:toks[j][1]]

    def state_at(k: int) -> Optional[tuple[int, GazetteerEntry]]:
        for n in range(min(5, len(toks) - k), 0, -1):
            entry = gazetteer.lookup(text[toks[k][0]:toks[k + n - 1][1]])
            if entry is not None and entry.type == "State":
                return toks[k + n - 1][1], entry
        return None
    out = list(found)
    for i in range(len(toks)):
        if word(i).lower() not in titles or not word(i)[:1].isupper():
            continue
        for j in range(i + 1, min(i + 5, len(toks) - 1)):
            if word(j).lower().replace("’", "'") in _OF:
                state = state_at(j + 1)
                if state is not None:
                    start, end = toks[i][0], state[0]
                    out = [m for m in out if not (start <= m.start_char and m.end_char <= end)
                           and not (m.start_char < end and start < m.end_char and m.key is None)]
                    out.append(Mention(article_id, sentence.index, start, end, text[start:end], "State", "name",
                                       state[1].key, 0.9))
                break
            if not word(j).isalpha():
                break
    return out


@functools.cache
def _state_titles() -> frozenset[str]:
    return frozenset(read_lines(LEXICON_DIR / "state_titles.txt"))
