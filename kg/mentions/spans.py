"""NER spans made into name mentions: mended where NER cut or glued names, trimmed, typed."""
from __future__ import annotations

import re
from typing import Optional

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, mention_words, relation_words
from kg.italian import FROM_FAMILY, OF_STEMS, TO_FAMILY
from kg.mentions.common import LINK_WORDS, NAME_PARTICLES, NER_TYPES, overlaps, trim
from kg.records import Mention, Sentence

#: kg/data/lexicon/mention_words.tsv: heads a street's or a room's name keeps
STREET_HEADS = mention_words()["street_heads"]
#: nouns that make a name a building's, first ("Pinacoteca di Brera") or last ("State House")
BUILDING_HEADS = mention_words()["building_heads"]
BUILDING_TAILS = mention_words()["building_tails"]
#: place nouns a name follows with an adjective between and keeps: "la base aerea Roesmin Nurjadin"
ADJECTIVE_PLACE_HEADS = mention_words()["adjective_place_heads"]
_COMPASS = {"Nord", "Sud", "Est", "Ovest"}
#: street heads that also open adverbial phrases ("in via ufficiale", "in corso", "al largo")
ADVERBIAL_HEADS = mention_words()["adverbial_heads"]


#: The NER label of a gazetteer entry's type, for spans the gazetteer retypes.
GAZETTEER_NER = {"Person": "PER", "State": "LOC", "Place": "LOC", "Organization": "ORG"}


def _name_chains(sentence: Sentence, text: str) -> list[tuple[int, int]]:
    """Character spans of the multi-word names the parser builds with ``flat:name``: a proper
    noun and the words attached to it that way, directly or through each other, contiguous
    ("Ursula von der Leyen"). Where the chain has a gap, each contiguous run of it is a name:
    "la Commissione europea Ursula von der Leyen" parsed with "Ursula" as a flat:name of
    "Commissione" holds the name "Ursula von der Leyen"."""
    chains = []
    flat: dict[int, list] = {}
    for d in sentence.words:
        if d.deprel == "flat:name":
            flat.setdefault(d.head, []).append(d)
    for w in sentence.words:
        if w.upos != "PROPN" or w.deprel == "flat:name" or w.id not in flat:
            continue
        parts, todo = [w], [w.id]
        while todo:                             # flat:name hangs on the head or on the word before
            for d in flat.get(todo.pop(), ()):
                parts.append(d)
                todo.append(d.id)
        parts.sort(key=lambda x: x.id)
        runs: list[list] = []
        for x in parts:
            if runs and x.id == runs[-1][-1].id + 1:
                runs[-1].append(x)
            else:
                runs.append([x])
        for run in runs:
            if len(run) < 2 or not (run[0].text[:1].isupper() and run[-1].text[:1].isupper()):
                continue
            if any(not (x.text[:1].isupper() or x.text.islower() and len(x.text) <= 3) for x in run):
                continue                        # capitalised words and short particles ("von der")
            chains.append((run[0].start_char, run[-1].end_char))
    return chains


def _ner_spans(sentence: Sentence, text: str) -> list[tuple[int, int, str]]:
    """The NER spans (start, end, type), mended where they cut a parsed name in pieces.

    "la presidente della Commissione europea Ursula von der Leyen" came out of NER as
    "Commissione europea Ursula" and "Leyen", both ORG, while the parser joined "Ursula von der
    Leyen" into one name. Where a span crosses a name's edge and NER found no person in it,
    the span keeps its part outside the name, the spans inside it go, and the name becomes
    one person (``flat:name`` is UD's relation for personal names; the gazetteer still
    retypes a name it knows).
    """
    spans = [(span.start_char, span.end_char, span.type) for span in sentence.entities]
    for c_start, c_end in _name_chains(sentence, text):
        cut = [sp for sp in spans if overlaps(sp[:2], (c_start, c_end))
               and not (sp[0] <= c_start and c_end <= sp[1])]
        if not any(sp[0] < c_start or c_end < sp[1] for sp in cut) or any(sp[2] == "PER" for sp in cut):
            continue  # NER saw a person there ("Giordania" + "Abdallah II"), or names inside it
                      # ("Lega" + "Matteo Salvini"): the parse's chain is the weaker word
        for sp in cut:
            spans.remove(sp)
            if sp[0] < c_start and text[sp[0]:c_start].strip():
                spans.append((sp[0], sp[0] + len(text[sp[0]:c_start].rstrip()), sp[2]))
            if c_end < sp[1] and text[c_end:sp[1]].strip():
                spans.append((c_end + len(text[c_end:sp[1]]) - len(text[c_end:sp[1]].lstrip()), sp[1], sp[2]))
        spans.append((c_start, c_end, "PER"))
    return _whole_words(sorted(_without_clause_tail(piece, sentence, text) for sp in spans
                               for part in _line_parts(sp, text) for piece in _coordinated_parts(part, text)), text)


def _line_parts(span: tuple[int, int, str], text: str) -> list[tuple[int, int, str]]:
    """A span NER ran across a line break ("al Paese" / "Federico PARRA / AFP", a caption's
    credit on the next line), cut into its lines: no name runs over a paragraph's end."""
    start, end, etype = span
    parts, at = [], start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            s = at + line.index(stripped)
            parts.append((s, s + len(stripped), etype))
        at += len(line) + 1
    return parts

#: Prepositions after which NER ran on into the clause: "la Commissione | per il lavoro svolto".
_TAIL_PREPOSITIONS = {"per", "con", "contro", "dopo", "durante"}


def _without_clause_tail(span: tuple[int, int, str], sentence: Sentence, text: str) -> tuple[int, int, str]:
    """A span cut before a preposition whose phrase holds a verb ("Commissione per il lavoro
    svolto"): names hold nouns after "per" ("Agenzia per la cybersicurezza"), not verbs."""
    start, end, etype = span
    inside = [w for w in sentence.words if start <= w.start_char and w.end_char <= end]
    for i, w in enumerate(inside[1:], 1):
        if w.text.lower() in _TAIL_PREPOSITIONS and any(x.upos in ("VERB", "AUX") for x in inside[i + 1:]):
            cut = inside[i - 1].end_char
            return (start, cut, etype)
    return span

#: "l'Unione europea e il Mercosur": a conjunction, an article, a capital: two names, not one.
_COORDINATED = re.compile(r"\s+(?:e|ed)\s+(?:il|lo|la|l'|l’|i|gli|le)\s*(?=[A-ZÀ-Ý])")


def _coordinated_parts(span: tuple[int, int, str], text: str) -> list[tuple[int, int, str]]:
    """A span NER ran across a coordination ("Unione europea e il Mercosur"), cut in its names;
    "Bosnia ed Erzegovina", with no article, stays whole."""
    start, end, etype = span
    parts, at = [], start
    for m in _COORDINATED.finditer(text, start, end):
        parts.append((at, m.start(), etype))
        at = m.end()
    parts.append((at, end, etype))
    return [p for p in parts if p[1] > p[0]]


def _holder_and_holder_name(spans: list[tuple[int, int, str]], text: str, gazetteer: Gazetteer,
                            lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """"il re del Marocco Mohammed VI": NER ran the state and the name after it together
    ("Marocco Mohammed VI", LOC; "Commissione europea Ursula", ORG). After a role and "di", a
    span that starts with a state, place or body the gazetteer knows and goes on with
    capitalised words is that name, then a person."""
    out = []
    for start, end, etype in spans:
        before = [w.replace("’", "'").split("'")[-1] or w for w in text[max(0, start - 80):start].split()]
        role_before = len(before) >= 2 and before[-1].lower() in LINK_WORDS \
            and any(" ".join(before[-1 - n:-1]).lower() in lexicon.roles for n in range(1, 4))
        # "il presidente Usa Biden", "il segretario Nato Stoltenberg": a role right before
        role_before = role_before or any(" ".join(before[-n:]).lower() in lexicon.roles for n in range(1, 4))
        words = text[start:end].split()
        cut = None
        if etype == "PER" and not role_before and len(words) >= 2 and len(words[0]) <= 4:
            # "il numero uno di Eni De Scalzi", "Onu Yoon": a short name of a state or body the
            # gazetteer knows, run into the person after it
            entry = gazetteer.lookup(words[0])
            if entry is not None and entry.type in ("State", "Organization") and words[1][:1].isupper():
                cut, head_type = 1, GAZETTEER_NER[entry.type]
        if role_before and len(words) >= 2:
            for n in range(len(words) - 1, 0, -1):
                entry = gazetteer.lookup(" ".join(words[:n]))
                if entry is not None and entry.type in ("State", "Place", "Organization") and words[n][:1].isupper():
                    cut, head_type = n, GAZETTEER_NER[entry.type]
                    break
        after = text[end:end + 12].split()
        if cut is None and etype in ("ORG", "LOC") and len(words) >= 2 and after and after[0] in NAME_PARTICLES \
                and after[0] not in ("al", "el") and words[-1][:1].isupper() and words[-1].isalpha() \
                and gazetteer.lookup(words[-1]) is None:
            # "la presidente della Commissione Ue Ursula von der Leyen": the given name is the person's
            out.append((start, start + len(" ".join(words[:-1])), etype))
            continue
        if cut is None:
            out.append((start, end, etype))
            continue
        head = " ".join(words[:cut])
        name_start = text.index(words[cut], start + len(head))
        out += [(start, start + len(head), head_type), (name_start, end, "PER")]
    return out

PLACE_JOINERS = {"per", "a", "da", "verso", "e"}


def _mended_joins(spans: list[tuple[int, int, str]], text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Two people NER split at a name particle are one ("Tamim" + "bin" + "Hamad Al Thani");
    a place span running over a joining word into another place is two ("Toronto per Ottawa")."""
    out: list[tuple[int, int, str]] = []
    for start, end, etype in sorted(spans):
        if out and etype == "PER" and out[-1][2] == "PER":
            gap = text[out[-1][1]:start].split()
            if gap and all(g in NAME_PARTICLES for g in gap):
                out[-1] = (out[-1][0], end, "PER")
                continue
        if etype == "PER":
            # "l'emiro del Qatar Tamim bin Hamad Al Thani" with only "Hamad Al Thani" tagged: a
            # capitalised word and a particle before the name are the name's, unless known
            before = text[max(0, start - 80):start].split(" ")
            if len(before) >= 3 and before[-1] == "" and before[-2] in NAME_PARTICLES \
                    and before[-3][:1].isupper() and before[-3].isalpha() and gazetteer.lookup(before[-3]) is None \
                    and not (out and out[-1][1] >= start - len(before[-2]) - len(before[-3]) - 2):
                start -= len(before[-2]) + len(before[-3]) + 2
        words = text[start:end].split(" ")
        cut = next((i for i, w in enumerate(words) if 0 < i < len(words) - 1 and w in PLACE_JOINERS
                    and gazetteer.lookup(" ".join(words[:i])) is not None
                    and gazetteer.lookup(" ".join(words[i + 1:])) is not None), None)
        if cut is not None and etype == "LOC":
            left = " ".join(words[:cut])
            right_start = start + len(" ".join(words[:cut + 1])) + 1
            out += [(start, start + len(left), etype), (right_start, end, etype)]
            continue
        out.append((start, end, etype))
    return out


def _known(words: list[str], gazetteer: Gazetteer):
    """The gazetteer entry these words name in full, or the one person with this surname."""
    return gazetteer.lookup(" ".join(words)) or (gazetteer.unique_surname(words[0]) if len(words) == 1 else None)


def _known_names_apart(spans: list[tuple[int, int, str]], text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Two names the gazetteer knows, run together by NER ("Ucraina Meloni", "Lula Roma"), are
    two spans; a span the gazetteer knows whole ("Corea del Sud") stays one."""
    out = []
    for start, end, etype in spans:
        out += _known_halves(start, end, etype, text, gazetteer) or [(start, end, etype)]
    return out


def _known_halves(start: int, end: int, etype: str, text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """The span cut where both sides are names the gazetteer knows, typed by it; or cut at a
    preposition no name runs over ("Merz da Tusk", "Asia centrale al G7") where the name after
    it is one the gazetteer knows; [] if none."""
    words = text[start:end].split(" ")
    if len(words) < 2 or gazetteer.lookup(" ".join(words)) is not None:
        return []
    for cut in range(1, len(words)):
        if words[cut] in _BREAKING_PREPOSITIONS and cut + 1 < len(words) and words[cut + 1][:1].isupper() \
                and (right := _known(words[cut + 1:], gazetteer)) is not None \
                and (words[cut] not in _NAME_PREPOSITIONS or _known(words[:cut], gazetteer) is not None):
            right_start = start + len(" ".join(words[:cut + 1])) + 1
            return [(start, start + len(" ".join(words[:cut])), etype),
                    (right_start, end, GAZETTEER_NER.get(right.type, etype))]
        if not words[cut][:1].isupper():
            continue
        left, right = _known(words[:cut], gazetteer), _known(words[cut:], gazetteer)
        if left is not None and right is not None:
            right_start = start + len(" ".join(words[:cut])) + 1
            return [(start, right_start - 1, GAZETTEER_NER.get(left.type, etype)),
                    (right_start, end, GAZETTEER_NER.get(right.type, etype))]
    return []


#: Prepositions between two names that no single name runs over ("Teatro alla Scala" does, but
#: "Scala" is no name the gazetteer knows): the span is two names.
_BREAKING_PREPOSITIONS = (TO_FAMILY | FROM_FAMILY) - {"a"}
#: those that are also particles of people's names ("Lula da Silva", "dalla Chiesa", "al-Sisi"
#: written "al Sisi"): a cut there needs a known name on the left too ("Merz da Tusk")
_NAME_PREPOSITIONS = frozenset({"da", "dalla", "al"})


def _ner_mentions(article_id: str, sentence: Sentence, text: str, gazetteer: Gazetteer,
                  lexicon: Lexicon, taken: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    spans = _known_names_apart(_mended_joins(_holder_and_holder_name(_ner_spans(sentence, text), text, gazetteer,
                                                                     lexicon), text, gazetteer), text, gazetteer)
    for span_start, span_end, span_type in spans:
        start, end = trim(text, span_start, span_end)
        surface = text[start:end]
        etype = NER_TYPES.get(span_type)
        if etype is None or not surface:
            continue
        if surface[:1].islower() and surface.split()[0].lower() in lexicon.place_heads:
            # NER took a place's head noun in ("piazza dell'Arco di Trionfo"): the name starts
            # at its first capital, and a place gets its head back below (_place_head)
            capital = next((w.start_char for w in sentence.words
                            if start < w.start_char < end and w.text[:1].isupper()), None)
            if capital is not None:
                start, surface = capital, text[capital:end]
        # Names start with a capital or a digit: "esercito russo", "governo" are descriptions.
        if not (surface[0].isupper() or surface[0].isdigit()) or gazetteer.fold(surface) in lexicon.not_entities:
            continue
        words = surface.split()
        if etype in ("Place", "Person") and len(words) >= 2 and words[0] in _COMPASS \
                and gazetteer.lookup(surface) is None and words[1][:1].isupper():
            # "nel Sud Sahara", "Corea del Nord Choe": a compass word is no part of the name after it
            start += len(words[0]) + 1
            surface = text[start:end]
        street = _street_head(start, sentence, text)
        if street is not None:  # "via Aldo Moro", "sala di Caterina": a place, whatever NER said
            etype, start = "Place", street
            surface = text[start:end]
        elif etype == "Place":
            start = _place_head(start, sentence, text, lexicon)
            end = _place_tail(end, sentence, text, lexicon)
            surface = text[start:end]
        words = surface.split()
        if len(words) >= 2 and lexicon.trigger(words[0].lower(), "NOUN") is not None \
                and _compound_parts(" ".join(words[1:]), start + len(words[0]) + 1, gazetteer):
            # "l'Alleanza Usa-Giappone", "il Vertice Nato-Ue": a relation's noun, then its parties
            start += len(words[0]) + 1
            surface = text[start:end]
        parts = _compound_parts(surface, start, gazetteer)
        if parts:  # "Mosca-Pyongyang": two names joined by a hyphen
            for p_start, p_end, entry in parts:
                if not any(overlaps((m.start_char, m.end_char), (p_start, p_end)) for m in taken):
                    out.append(Mention(article_id, sentence.index, p_start, p_end, text[p_start:p_end],
                                       entry.type, "name", entry.key, 0.9))
            continue
        route = _route_parts(surface, start) if etype == "Place" else []
        if route:
            for p_start, p_end in route:
                entry = gazetteer.lookup(text[p_start:p_end])
                if not any(overlaps((m.start_char, m.end_char), (p_start, p_end)) for m in taken):
                    out.append(Mention(article_id, sentence.index, p_start, p_end, text[p_start:p_end],
                                       entry.type if entry else "Place", "name", entry.key if entry else None,
                                       0.9 if entry else 0.8))
            continue
        overlapping = [m for m in taken if overlaps((m.start_char, m.end_char), (start, end))]
        # A gazetteer name inside a longer NER span ("Esercito popolare della Corea del Nord")
        # yields to the span unless the span is a person carrying a title before the name.
        if overlapping and all(m.start_char <= start and end <= m.end_char for m in overlapping):
            continue
        entry = gazetteer.lookup(surface)
        lead = next((a for a in _LEADING_ARTICLES if surface.startswith(a)), None)
        if entry is None and lead and gazetteer.lookup(surface[len(lead):]) is not None:
            # "L'Italia vuole...", "La Polonia acquisisce": a sentence's opening article is no
            # part of a name the gazetteer knows without it ("La Stampa", known whole, keeps it)
            start += len(lead)
            surface = text[start:end]
            entry = gazetteer.lookup(surface)
        if entry is None and etype in ("Place", "Organization"):
            # "la regione russa di Kursk", "la Duma russa": the place or body the gazetteer knows
            # without the demonym
            words = surface.split()
            plain = [w for w in words if not (w.islower() and gazetteer.demonym(w) is not None)]
            if 0 < len(plain) < len(words):
                entry = gazetteer.lookup(" ".join(plain))
            if entry is None and len(words) == 2 and words[0].lower() in _STATE_NOUNS:
                # "Stato francese", "Nazione ucraina", "Stato Palestinese": the state itself
                entry = gazetteer.demonym(words[1].lower())
        key = entry.key if entry else None
        if entry is not None:
            etype = entry.type
        elif etype == "Place" and gazetteer.metonym(surface) is not None:
            pass  # a capital the gazetteer knows only as a metonym stays a place
        elif len(words := surface.split()) >= 2 and (words[0].lower() in BUILDING_HEADS or words[-1].lower() in BUILDING_TAILS):
            etype = "Place"  # "Museo CaMuC", "Pala Alpitour", "State House": a building, whatever NER said
        elif etype == "Person" and _place_slot(start, sentence, lexicon):
            etype = "Place"  # "è arrivato a Parliament Hill", "firmato a Nancy": where, not whom
        elif etype == "Organization" and surface.split()[0].lower() in lexicon.place_heads \
                and text[max(0, start - 6):start].split()[-1:] and \
                text[max(0, start - 6):start].split()[-1].lower() in lexicon.locatives:
            etype = "Place"  # "al Palazzo Nazionale": a building NER took for an institution
        if overlapping:
            for m in overlapping:
                taken.remove(m)
        out.append(Mention(article_id, sentence.index, start, end, surface, etype, "name", key,
                           0.9 if key else 0.8))
    return out


def _place_slot(start: int, sentence: Sentence, lexicon: Lexicon) -> bool:
    """Whether a name right after "a" hangs on a verb of visiting, meeting or signing ("è
    arrivato a Parliament Hill", "ricevuto a Windsor", "firmato a Nancy"): the place it was
    done at, whatever type NER gave the name (a call or a letter "a X" goes to someone)."""
    before = [w for w in sentence.words if w.end_char <= start]
    inside = [w for w in sentence.words if w.start_char >= start]
    if not before or before[-1].text.lower() not in ("a", "ad") or not inside:
        return False
    by_id = {w.id: w for w in sentence.words}
    head = by_id.get(inside[0].head)
    found = lexicon.trigger(head.lemma, head.upos) if head is not None and head.upos == "VERB" else None
    return found is not None and found[0] in ("visit", "meeting", "sign")


def _place_head(start: int, sentence: Sentence, text: str, lexicon: Lexicon) -> int:
    """Extend a place name over a head noun before it: "piazza dell'|Arco di Trionfo"."""
    before = [(w.start_char, w.end_char) for w in sentence.words if w.end_char <= start]
    spans = sorted(set(before))
    if not spans:
        return start
    tags = {(w.start_char, w.end_char): w.upos for w in sentence.words}
    # a head the tagger calls a verb is no place noun: "stretto alleato della Russia"
    nominal = lambda span: tags.get(span) in ("NOUN", "PROPN", "ADJ", "X", None, "")
    # nor one it calls an adjective: "stretto alleato della Russia" ("closely allied")
    noun = lambda span: tags.get(span) in ("NOUN", "PROPN", "X", None, "")
    k = len(spans) - 1
    if text[spans[k][0]:spans[k][1]].lower().rstrip("'’") in OF_STEMS:
        k -= 1
    else:
        return start
    if k >= 0 and text[spans[k][0]:spans[k][1]].lower() in lexicon.place_heads and noun(spans[k]):
        return spans[k][0]
    # one adjective between: "la regione russa di Kursk"
    if k >= 1 and text[spans[k][0]:spans[k][1]].islower() and nominal(spans[k]) and noun(spans[k - 1]) \
            and text[spans[k - 1][0]:spans[k - 1][1]].lower() in lexicon.place_heads:
        return spans[k - 1][0]
    return start


def _street_head(start: int, sentence: Sentence, text: str) -> Optional[int]:
    """The start of a street, building or room head noun right before a name, "di" or one
    adjective between or nothing ("via Don Torello", "sala di San Giorgio", "palazzo Chigi",
    "l'aeroporto internazionale King Khaled"; street_heads in mention_words.tsv), else None. A
    base takes its name only after an adjective ("la base aerea Roesmin Nurjadin"; "la base Nato"
    is NATO's)."""
    before = [w for w in sentence.words if w.end_char <= start]
    heads = STREET_HEADS
    if before and before[-1].text.lower().rstrip("'’") in OF_STEMS and before[-1].text.lower() != "d'":
        before = before[:-1]
    elif len(before) >= 2 and before[-1].upos == "ADJ" and before[-1].text.islower():
        # not "in via ufficiale", "in corso", "al largo": words of adverbial phrases too
        before, heads = before[:-1], (STREET_HEADS - ADVERBIAL_HEADS) | ADJECTIVE_PLACE_HEADS
    if not before or before[-1].text.lower() not in heads or before[-1].upos not in ("NOUN", "PROPN", "X"):
        return None
    return before[-1].start_char


def _place_tail(end: int, sentence: Sentence, text: str, lexicon: Lexicon) -> int:
    """Extend a place name over a direction after it: "Asia| nordorientale"."""
    after = sorted({(w.start_char, w.end_char) for w in sentence.words if w.start_char >= end})
    if after and text[end:after[0][0]].strip() == "" and text[after[0][0]:after[0][1]] in lexicon.place_tails:
        return after[0][1]
    return end


def _compound_parts(surface: str, start: int, gazetteer: Gazetteer) -> list:
    """The parts of "A-B" when each part is a state, a capital that stands for one or a body
    the gazetteer knows ("Mosca-Pyongyang", "Ue-Egitto", "Regno Unito-Francia"), or each is a
    person it knows by name or by a surname only one person has ("l'incontro Macron-Scholz";
    "Berners-Lee" stays one), else []."""
    if "-" not in surface or re.search(r"\s-|-\s", surface):
        return []
    parts, offset = [], start
    for piece in surface.split("-"):
        entry = (gazetteer.lookup(piece) or gazetteer.unique_surname(piece)) if piece else None
        # Only states, the capitals that stand for them and bodies: "Asia-Pacifico" is one region.
        if entry is None or not (entry.type in ("State", "Organization", "Person") or gazetteer.metonym(piece) is not None):
            return []
        parts.append((offset, offset + len(piece), entry))
        offset += len(piece) + 1
    people = [p for p in parts if p[2].type == "Person"]
    if people and len(people) != len(parts):
        return []   # a person and a state in one name is no pair of either
    return parts if len(parts) > 1 else []


def _route_parts(surface: str, start: int) -> list[tuple[int, int]]:
    """"Manerba del Garda-Livigno": two places of several words joined by a hyphen are a
    route, two places; "Nagorno-Karabakh", "Guinea-Bissau" (no space in either part) are one."""
    pieces = surface.split("-")
    if len(pieces) != 2 or not all(p[:1].isupper() for p in pieces) or not any(" " in p for p in pieces):
        return []
    return [(start, start + len(pieces[0])), (start + len(pieces[0]) + 1, start + len(surface))]


#: "Stato", "Paese", "Nazione" (relation_words.tsv): with a demonym, a name for the state itself
_STATE_NOUNS = relation_words()["state_nouns"]
#: Articles a sentence may open with a capital, before a name of several words.
_LEADING_ARTICLES = ("La ", "Il ", "Lo ", "Le ", "Gli ", "I ", "L'", "L’")


def _whole_words(spans: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """Spans mended to whole words. NER cut "Yoon Suk-yeol" to "Yoon Suk-yeo" where a headline
    ends without a stop, and "Ri Chang-ho" to "Ri Chang": a span ending inside a word, or
    before a hyphen and lower-case letters, runs to the word's end. Two spans of one type that
    only a hyphen parts are one name when the second is one word ("Nagorno" "-" "Karabakh",
    "Tim Berners" "-" "Lee"), and an organisation's span runs over a capitalised word after its
    hyphen, whether NER left that word out or typed it otherwise ("Rossoblu" "-Cicli"), keeping
    the organisation's type; a route "Castiglione-Desenzano del Garda" and "Mercosur-Ue" are two. A capitalised article opening
    a name of two words or more ("La Corte internazionale di giustizia") is no part of it."""
    out: list[tuple[int, int, str]] = []
    for start, end, etype in spans:
        while 0 < start < end and text[start - 1].isalpha() and text[start].isalpha():
            start -= 1
        tail = re.match(r"[^\W\d_]+|-[^\W\d_A-Z][^\W\d_]*", text[end:]) if end < len(text) else None
        if tail and (tail.group(0).startswith("-") or text[end - 1].isalpha()):
            end += tail.end()
        joined = re.match(r"-[A-Z][^\W\d_]+\b", text[end:]) if etype == "ORG" else None
        if joined and not any(s0 == end + 1 for s0, _, _ in spans):
            end += joined.end()  # "Rossoblu-Cicli", NER's span stopping at the hyphen
        rest = text[start:end]
        lead = next((a for a in _LEADING_ARTICLES if rest.startswith(a)), None)
        if lead and len(rest[len(lead):].split()) >= 2 and rest[len(lead):][:1].isupper():
            start += len(lead)
        if out and out[-1][2] in (etype, "ORG") and text[out[-1][1]:start] == "-" and " " not in text[start:end] \
                and end - start > 2:
            out[-1] = (out[-1][0], end, out[-1][2])
            continue
        out.append((start, end, etype))
    return out
