"""Mentions: every stretch of an article that refers to an entity, and role descriptions.

Sources, in order of trust: gazetteer names (exact, linked), NER spans (typed by the model,
retyped by the gazetteer when it knows the name), demonyms standing for a state
("soldati nordcoreani"), treaty phrases ("il trattato di mutua difesa"), and role
descriptions ("il presidente russo", "il presidente della Duma di Stato").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.records import AnnotatedArticle, Mention, RoleMention, Sentence
from kg.timex import find_times

NER_TYPES = {"PER": "Person", "ORG": "Organization", "LOC": "Place"}
TREATY_HEADS = r"trattat[oi]|patt[oi]|accord[oi]|intes[ae]|convenzion[ei]|protocoll[oi]"
TREATY_RE = re.compile(rf"\b(?P<head>{TREATY_HEADS})\b", re.I)
#: Agreements named by more than a word, whose first word alone names none ("il piano di
#: pace"): the tokens as the tokenizer writes them, lower case. Each names an agreement of its
#: own, never a bare reference back to one named before.
TREATY_PHRASE_HEADS = (("piano", "d'", "azione"), ("memorandum", "d'", "intesa"), ("memorandum",))
#: Words that may continue a treaty's name after its head ("di mutua difesa", "sulla ...").
TREATY_LINK = {"di", "del", "della", "dello", "dei", "delle", "sul", "sulla", "sullo", "e", "ed"}
#: a purpose that names a treaty, before an article and a noun ("accordo per la cooperazione")
TREATY_PURPOSE = {"per"}
TREATY_STOP = {"tra", "fra", "con", "firmato", "firmata", "siglato", "siglata", "che", "nel", "nella",
               "a", "in", "il", "la", "lo", "le", "gli", "i", "un", "una", "dal", "dalla", "al",
               "alla", "da", "è", "ha", "sono", "stato", "stata", "fa", "prevede", "anni", "anno", "per", "durante",
               "contro", "stipulato", "stipulata", "firmati", "siglati", "ratificato", "ratificata"}
EDGE_PUNCT = set("“”\"«»‘’'.,;:!?()[]—–-")
AUXILIARIES = {"ha", "hanno", "ho", "abbiamo", "aveva", "avevano", "avrebbe", "avrebbero", "è", "sono",
               "era", "erano", "stato", "stata", "stati", "state", "essere", "avere", "sarà", "sarebbe"}
DEFINITE_ARTICLES = {"il", "lo", "la", "l'", "l’"}
ARTICLE_WORDS = {"il", "lo", "la", "i", "gli", "le", "l'", "l’", "un", "uno", "una", "un'", "un’"}
AT_WORDS = {"presso", "al", "alla", "all'", "all’", "allo"}   # "professore all'Università di ..."
#: role words whose "di <Department>" names a ministry, not an entity: "ministro del Commercio"
MINISTERS = {"ministro", "ministra", "viceministro", "viceministra", "sottosegretario", "sottosegretaria"}
COUNTERPART = "counterpart"   # roles.tsv position of "omologo": the office of the role before it
LINK_WORDS = {"di", "del", "della", "dello", "dei", "degli", "delle", "dell'", "dell’"}


@dataclass
class ArticleMentions:
    """The mentions and role descriptions of one article, in text order."""

    annotated: AnnotatedArticle
    mentions: list[Mention] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)

    def at(self, sentence: int, start: int, end: int) -> Optional[int]:
        """Index of the mention covering [start, end) in a sentence, the longest first."""
        best = None
        for i, m in enumerate(self.mentions):
            if m.sentence == sentence and m.start_char <= start and end <= m.end_char:
                if best is None or (m.end_char - m.start_char) > (self.mentions[best].end_char
                                                                   - self.mentions[best].start_char):
                    best = i
        return best


def tokens(sentence: Sentence) -> list[tuple[int, int]]:
    """Surface token offsets (multiword tokens once) of a sentence."""
    seen: list[tuple[int, int]] = []
    for w in sentence.words:
        span = (w.start_char, w.end_char)
        if not seen or seen[-1] != span:
            seen.append(span)
    return seen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def find_mentions(annotated: AnnotatedArticle, gazetteer: Gazetteer, lexicon: Lexicon) -> ArticleMentions:
    result = ArticleMentions(annotated)
    text = annotated.article.text
    surnames: set[str] = set()   # last words of the people named in full so far
    for sentence in annotated.sentences:
        if lexicon.is_credit_line(sentence.text):
            continue  # "Fonte: ...", photo credits: no facts, no entities
        toks = tokens(sentence)
        found: list[Mention] = []
        found += _gazetteer_matches(annotated.article.id, sentence, toks, text, gazetteer)
        found = _organization_names(annotated.article.id, sentence, toks, text, gazetteer, lexicon, found)
        found += _ner_mentions(annotated.article.id, sentence, text, gazetteer, lexicon, found)
        found = _outside_role_titles(found, toks, text, lexicon, gazetteer)
        found += _capital_descriptions(annotated.article.id, sentence, toks, text, gazetteer, found)
        found += _demonyms(annotated.article.id, sentence, toks, text, gazetteer, found)
        found += _treaties(annotated.article.id, sentence, toks, text, found)
        found += _surnames(annotated.article.id, sentence, toks, text, surnames, found)
        times = find_times(text[sentence.start_char:sentence.end_char], annotated.article.date)
        found = [_as_metonym(m, toks, text, gazetteer, lexicon, _year_near(m, sentence, times), sentence)
                 for m in found]
        found.sort(key=lambda m: (m.start_char, -m.end_char))
        base = len(result.mentions)
        result.mentions.extend(found)
        cores = [name_core(m.text.split()) for m in found if m.type == "Person" and m.kind == "name"]
        surnames.update(core[-1] for core in cores if len(core) >= 2 and len(core[-1]) > 2)
        result.roles.extend(_roles(annotated.article.id, sentence, toks, text, lexicon, result, base))
    return result


def _phrase(toks: list[tuple[int, int]], text: str) -> str:
    """Tokens as one lower-case phrase, an elided article joined to its noun as written
    ("capo dell'esercito", not "capo dell' esercito")."""
    return " ".join(text[s:e].lower() for s, e in toks).replace("’", "'").replace("' ", "'")


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
                and not any(_overlaps((m.start_char, m.end_char), (start, end)) for m in taken):
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
            if _phrase(toks[i:i + n], text) in lexicon.roles:
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
    return [m for m in found if not inside(m)]


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
            if not surface[:1].isupper() or not surface[-1].isalnum():
                continue
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


_WORD_AT = re.compile(r"[^\s,;:!?()\[\]\"“”«»]+")
_OF = {"di", "del", "della", "dello", "dell'", "dei", "degli", "delle", "d'"}


def _organization_names(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
                        gazetteer: Gazetteer, lexicon: Lexicon, taken: list[Mention]) -> list[Mention]:
    """Organisation names built on a head noun and "di": "ministero della Difesa", "Istituto
    di studi dell'Estremo Oriente", "Dipartimento di Stato". NER tends to keep only the
    capitalised tail ("Estremo Oriente", a place); the whole name is the organisation.

    Returns ``taken`` with the new names, minus the mentions they contain. A lower-case head
    before a known state or place ("l'esercito della Russia") is a description, not a name.
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
        if word(i).islower() and complement is not None and complement.type in ("State", "Place"):
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop quotes and punctuation that a span picked up at its edges ("“eroici", "Kiev.")."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while start < end and text[end - 1] in EDGE_PUNCT:
        if text[end - 1] == "." and text[start:end - 1].count(".") > 0:
            break  # an abbreviation: "U.S.A."
        end -= 1
    return start, end


#: Generational suffixes after a surname ("Ferdinand Marcos Jr."): the name goes on without them.
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def name_core(words: list[str]) -> list[str]:
    """A person's name words without a generational suffix: "Marcos Jr." is "Marcos"."""
    return words[:-1] if len(words) > 1 and words[-1].lower() in NAME_SUFFIXES else words


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
        cut = [sp for sp in spans if _overlaps(sp[:2], (c_start, c_end))
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
    return sorted(_without_clause_tail(piece, sentence, text) for sp in spans for piece in _coordinated_parts(sp, text))


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
        words = text[start:end].split()
        cut = None
        if role_before and len(words) >= 2:
            for n in range(len(words) - 1, 0, -1):
                entry = gazetteer.lookup(" ".join(words[:n]))
                if entry is not None and entry.type in ("State", "Place", "Organization") and words[n][:1].isupper():
                    cut, head_type = n, "ORG" if entry.type == "Organization" else "LOC"
                    break
        if cut is None:
            out.append((start, end, etype))
            continue
        head = " ".join(words[:cut])
        name_start = text.index(words[cut], start + len(head))
        out += [(start, start + len(head), head_type), (name_start, end, "PER")]
    return out


#: lower-case particles inside personal names: "Tamim bin Hamad Al Thani", "Ursula von der Leyen"
NAME_PARTICLES = {"bin", "ibn", "bint", "ben", "al", "el", "von", "van", "der", "den", "de"}
#: words that join two places NER may run into one span: "ha lasciato Toronto per Ottawa"
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


def _ner_mentions(article_id: str, sentence: Sentence, text: str, gazetteer: Gazetteer,
                  lexicon: Lexicon, taken: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    spans = _mended_joins(_holder_and_holder_name(_ner_spans(sentence, text), text, gazetteer, lexicon),
                          text, gazetteer)
    for span_start, span_end, span_type in spans:
        start, end = _trim(text, span_start, span_end)
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
        if etype == "Place":
            start = _place_head(start, sentence, text, lexicon)
            end = _place_tail(end, sentence, text, lexicon)
            surface = text[start:end]
        parts = _compound_parts(surface, start, gazetteer)
        if parts:  # "Mosca-Pyongyang": two names joined by a hyphen
            for p_start, p_end, entry in parts:
                if not any(_overlaps((m.start_char, m.end_char), (p_start, p_end)) for m in taken):
                    out.append(Mention(article_id, sentence.index, p_start, p_end, text[p_start:p_end],
                                       entry.type, "name", entry.key, 0.9))
            continue
        overlapping = [m for m in taken if _overlaps((m.start_char, m.end_char), (start, end))]
        # A gazetteer name inside a longer NER span ("Esercito popolare della Corea del Nord")
        # yields to the span unless the span is a person carrying a title before the name.
        if overlapping and all(m.start_char <= start and end <= m.end_char for m in overlapping):
            continue
        entry = gazetteer.lookup(surface)
        if entry is None and etype == "Place":
            # "la regione russa di Kursk": the place the gazetteer knows without the demonym
            words = surface.split()
            plain = [w for w in words if not (w.islower() and gazetteer.demonym(w) is not None)]
            if 0 < len(plain) < len(words):
                entry = gazetteer.lookup(" ".join(plain))
        key = entry.key if entry else None
        if entry is not None:
            etype = entry.type
        elif etype == "Place" and gazetteer.metonym(surface) is not None:
            pass  # a capital the gazetteer knows only as a metonym stays a place
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
    if text[spans[k][0]:spans[k][1]].lower().rstrip("'’") in {"di", "del", "dell", "della", "dello",
                                                               "dei", "degli", "delle", "d"}:
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


def _place_tail(end: int, sentence: Sentence, text: str, lexicon: Lexicon) -> int:
    """Extend a place name over a direction after it: "Asia| nordorientale"."""
    after = sorted({(w.start_char, w.end_char) for w in sentence.words if w.start_char >= end})
    if after and text[end:after[0][0]].strip() == "" and text[after[0][0]:after[0][1]] in lexicon.place_tails:
        return after[0][1]
    return end


def _compound_parts(surface: str, start: int, gazetteer: Gazetteer) -> list:
    """The parts of "A-B" when each part is a name the gazetteer knows, else []."""
    if "-" not in surface or " " in surface:
        return []
    parts, offset = [], start
    for piece in surface.split("-"):
        entry = gazetteer.lookup(piece) if piece else None
        # Only states and the capitals that stand for them: "Asia-Pacifico" is one region.
        if entry is None or not (entry.type == "State" or gazetteer.metonym(piece) is not None):
            return []
        parts.append((offset, offset + len(piece), entry))
        offset += len(piece) + 1
    return parts if len(parts) > 1 else []


def _year_near(m: Mention, sentence: Sentence, times: list) -> Optional[int]:
    """The year of the time expression nearest a mention in its sentence, if any."""
    if not times:
        return None
    offset = m.start_char - sentence.start_char
    return int(min(times, key=lambda t: abs(t.start - offset)).value[:4])


def _as_metonym(m: Mention, toks: list[tuple[int, int]], text: str, gazetteer: Gazetteer,
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
    where = previous in lexicon.locatives or _visited(m, sentence, lexicon)
    if m.type == "State":
        entry = gazetteer.get(m.key) if m.key else None
        if where and entry is not None and not entry.is_own_name(m.text):
            return Mention(m.article_id, m.sentence, m.start_char, m.end_char, m.text, "Place", "name",
                           None, m.confidence)
        return m
    state = gazetteer.metonym(m.text, year)
    if state is None or state.type != "State":
        return m
    if where and m.type == "Organization":
        # "all'Eliseo", "alla Casa Bianca": NER's institution is the building one goes to
        return Mention(m.article_id, m.sentence, m.start_char, m.end_char, m.text, "Place", "name",
                       m.key, m.confidence)
    if where or _is_dateline(m, toks, text):
        return m
    return Mention(m.article_id, m.sentence, m.start_char, m.end_char, m.text, "State", "metonym",
                   state.key, min(m.confidence, 0.8))


def _visited(m: Mention, sentence: Optional[Sentence], lexicon: Lexicon) -> bool:
    """"visiterà Kiev": the word before is a visiting verb, whose object is a place."""
    before = [w for w in (sentence.words if sentence else ()) if w.end_char <= m.start_char]
    found = lexicon.trigger(before[-1].lemma, before[-1].upos) if before else None
    return found is not None and found[0] == "visit"


def _is_dateline(m: Mention, toks: list[tuple[int, int]], text: str) -> bool:
    """"Pechino, 15 agosto 2025 –": a place name opening the text or a line of it (the body
    under a headline), then a comma and a date."""
    if text[text.rfind("\n", 0, m.start_char) + 1:m.start_char].strip():
        return False
    after = [text[s:e] for s, e in toks if s >= m.end_char][:2]
    return len(after) == 2 and after[0] == "," and after[1][:1].isdigit()


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
        if capital is None or any(_overlaps((m.start_char, m.end_char), (start, next_end)) for m in taken):
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
        if entry is None or any(_overlaps((m.start_char, m.end_char), (start, end)) and m.type != "Place"
                                for m in taken):
            continue
        out.append(Mention(article_id, sentence.index, start, end, surface, "State", "demonym",
                           entry.key, 0.85))
    return out


def _treaties(article_id: str, sentence: Sentence, toks: list[tuple[int, int]], text: str,
              taken: list[Mention]) -> list[Mention]:
    """Treaty phrases: a treaty head noun and the words that name it ("di mutua difesa").

    With POS tags the name runs over nouns, adjectives and proper nouns joined by "di",
    "e" or a comma, and stops at a verb ("firmato"), an adverb or another preposition
    ("durante", "per"); without tags a stop list does the same.
    """
    out: list[Mention] = []
    upos: dict[tuple[int, int], str] = {}
    for w in sentence.words:
        upos.setdefault((w.start_char, w.end_char), w.upos or "")
    tagged = any(upos.values())

    def word(j: int) -> str:
        return text[toks[j][0]:toks[j][1]]

    def content(j: int) -> bool:
        w = word(j)
        if not w.isalpha() or w.lower() in TREATY_STOP:
            return False
        if tagged:
            return upos.get(toks[j]) in ("NOUN", "ADJ", "PROPN")
        return True

    for i, (start, end) in enumerate(toks):
        if TREATY_RE.fullmatch(word(i).lower()):
            width = 1
        else:
            width = next((len(p) for p in TREATY_PHRASE_HEADS
                          if tuple(word(k).lower().replace("’", "'") for k in range(i, min(i + len(p), len(toks)))) == p), 0)
            if not width:
                continue
        j = i + width
        last = i + width - 1
        while j < len(toks):
            lw = word(j).lower()
            if lw in TREATY_PURPOSE and j + 2 < len(toks) and word(j + 1).lower() in ARTICLE_WORDS \
                    and content(j + 2) and word(j + 2).islower():
                j += 2                      # "protocollo per la sicurezza delle esportazioni"
                continue
            if lw in TREATY_LINK or (lw == "," and last > i):
                if j + 1 < len(toks) and content(j + 1) and word(j + 1).islower() | (lw != ","):
                    j += 1
                    continue
                break
            if not content(j) or (word(j)[:1].isupper() and last == i and j > i + 1):
                break
            last = j
            j += 1
        # an adjective before the head ("storico accordo", "nuovo trattato")
        first = i
        if i > 0 and word(i - 1).lower() in {"storico", "nuovo", "storica", "nuova"}:
            first = i - 1
        span = (toks[first][0], toks[last][1])
        if any(_overlaps((m.start_char, m.end_char), span) for m in taken):
            continue
        generic = last == i and width == 1
        out.append(Mention(article_id, sentence.index, span[0], span[1], text[span[0]:span[1]],
                           "Treaty", "treaty_ref" if generic else "treaty", None,
                           0.6 if generic else 0.8))
    return out


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
            phrase = _phrase(toks[i:i + n], text)
            if phrase in lexicon.roles:
                role, width = lexicon.roles[phrase], n
                break
        if role is None or (i > 0 and text[toks[i - 1][0]:toks[i - 1][1]].lower() in AUXILIARIES):
            i += 1          # "ha inviato Shoigu": a participle, not "l'inviato"
            continue
        j = i + width
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
                d = k
                while holder is None and d < len(toks) and text[toks[d][0]:toks[d][1]][:1].isupper() \
                        and found.at(sentence.index, *toks[d]) is None and d - k < 3:
                    d += 1
                if holder is None and d > k and d < len(toks):
                    demonym = found.at(sentence.index, *toks[d])
                    if demonym is not None and found.mentions[demonym].kind == "demonym":
                        holder = demonym
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
            person = _person_name_at(sentence, toks, text, j, found)
            definite = i > 0 and text[toks[i - 1][0]:toks[i - 1][1]].lower() in DEFINITE_ARTICLES
            if person is not None or (definite and role.position != "other"):
                # a bare "il sovrano", "il premier": linking takes the person last described
                # in that office in the article
                end = toks[j - 1][1]
                out.append(RoleMention(article_id, sentence.index, toks[i][0], end, text[toks[i][0]:end],
                                       role.phrase, role.predicate, role.position, role.role_en, None, person))
            i += width
            continue
        holder_mention = found.mentions[holder]
        end = holder_mention.end_char
        # A demonym after an organisation ("Consiglio di sicurezza russo") belongs to it.
        after = _token_index(toks, end)
        person = None
        p = after
        if p is not None and p < len(toks):
            trailing = found.at(sentence.index, *toks[p])
            if trailing is not None and found.mentions[trailing].kind == "demonym":
                end = found.mentions[trailing].end_char
                p += 1
        if p is not None:
            person = _person_name_at(sentence, toks, text, p, found)
        if person is None and p is not None and p + 1 < len(toks) \
                and text[toks[p][0]:toks[p][1]].lower() in AT_WORDS | {"a", "ad"}:
            # "l'ambasciatore americano all'Onu Mike Waltz": where the office is held, then the name
            posting = found.at(sentence.index, *toks[p + 1])
            if posting is not None and found.mentions[posting].type in ("Organization", "State", "Place"):
                q = _token_index(toks, found.mentions[posting].end_char)
                if q is not None:
                    person = _person_name_at(sentence, toks, text, q, found)
        if person is None:
            # The role after the name: "Sergei Shoigu, segretario del Consiglio di sicurezza"
            q = i - 1
            if q >= 0 and text[toks[q][0]:toks[q][1]].lower() in ARTICLE_WORDS:
                q -= 1
            if q >= 1 and text[toks[q][0]:toks[q][1]] == ",":
                candidate = found.at(sentence.index, *toks[q - 1])
                if candidate is not None and found.mentions[candidate].type == "Person" \
                        and found.mentions[candidate].kind == "name":
                    person = candidate
        out.append(RoleMention(article_id, sentence.index, toks[i][0], end, text[toks[i][0]:end],
                               role.phrase, role.predicate, role.position, role.role_en, holder, person))
        i = max(i + width, after if after is not None else len(toks))
    return _counterparts(out)


def _counterparts(roles: list[RoleMention]) -> list[RoleMention]:
    """"Il ministro degli Esteri iraniano ha telefonato al suo omologo omanita": a counterpart
    holds the office of the role named before it in the sentence, for its own state."""
    out = []
    for r in roles:
        earlier = [x for x in out if x.position != COUNTERPART]
        if r.position == COUNTERPART and earlier:
            r = replace(r, phrase=earlier[-1].phrase, predicate=earlier[-1].predicate,
                        position=earlier[-1].position, role_en=earlier[-1].role_en)
        out.append(r)
    return out


def _person_name_at(sentence: Sentence, toks: list[tuple[int, int]], text: str, k: int,
                    found: ArticleMentions) -> Optional[int]:
    """The person named at token ``k`` (after an optional comma), in apposition to a role.

    A name there that NER typed an organisation or a place and the gazetteer does not know,
    of two or more capitalised words ("la premier danese Mette Frederiksen", ORG), is a
    person: a role names whoever holds it."""
    if k < len(toks) and text[toks[k][0]:toks[k][1]] == ",":
        k += 1
    if k >= len(toks):
        return None
    candidate = found.at(sentence.index, *toks[k])
    if candidate is None:
        return None
    m = found.mentions[candidate]
    if m.kind != "name":
        return None
    if m.type == "Person":
        return candidate
    words = m.text.split()
    if m.type in ("Organization", "Place") and m.key is None and m.start_char == toks[k][0] \
            and len(words) >= 2 and all(w[:1].isupper() for w in words):
        found.mentions[candidate] = replace(m, type="Person")
        return candidate
    return None


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


def _token_index(toks: list[tuple[int, int]], char: int) -> Optional[int]:
    """Index of the first token starting at or after ``char``."""
    for i, (s, _) in enumerate(toks):
        if s >= char:
            return i
    return None
