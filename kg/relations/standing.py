"""Standing facts, not events: offices from role descriptions (leaderOf, holdsPosition: "il
presidente russo Putin"), places in states (locatedIn) from a demonym in the place's name
("la regione russa di Kursk") or from the state the gazetteer puts a place in, where the parse
joins the two ("Asunción, capitale del Paraguay"), and memberships (memberOf) where a person's
name carries their organisation ("Marco Bianchi (Italia, Squadra Rossa)") or they hold an
office of a party."""
from __future__ import annotations

from kg import italian
from kg.gazetteer import load_gazetteer
from kg.linking import Resolution
from kg.mentions import ArticleMentions
from kg.records import Fact, Word
from kg.relations.circumstances import SentenceContext
from kg.relations.confidence import DEMONYM_LOCATION, DESCRIBED_ROLE, MEMBERSHIP, NAMED_ROLE, PLACE_IN_STATE
from kg.relations.facts import ArticleFacts, evidence_of
from kg.relations.words import BY_CASES, LEADING_VERBS, NOT_OFFICE_NOUNS, OF_CASES
from kg.relations.writer import FactWriter


class StandingFacts(FactWriter):
    """Offices held, places located, memberships."""

    def _roles(self, am: ArticleMentions, out: ArticleFacts) -> None:
        """leaderOf or holdsPosition for each role description resolved to a person."""
        aid = am.annotated.article.id
        named = {self.res.key_of(aid, i) for i in range(len(am.mentions))}
        for r_index, role in enumerate(am.roles):
            person = self.res.role_persons.get((aid, r_index))
            holder = self.res.holder_of(aid, r_index, role)
            holder = self.res.bodies.get(holder, holder)   # "il capo dell'esercito sudanese": Sudan's
            if not person or not holder or holder not in named:
                continue  # a state the gazetteer names but this article does not is no fact of it
            predicate = role.predicate if self.res.entities[holder].type == "State" else "holdsPosition"
            sentence = am.annotated.sentences[role.sentence]
            office = Fact(person, predicate, holder, evidence_of(am, sentence),
                          NAMED_ROLE if role.person is not None else DESCRIBED_ROLE,
                          role=role.phrase if predicate == "holdsPosition" else None)
            out.facts += [office, *party_membership(office, self.res)]

    def _locations(self, ctx: SentenceContext, out: ArticleFacts) -> None:
        """A demonym inside a place's name gives locatedIn ("la regione russa di Kursk")."""
        v = ctx.view
        for w in ctx.sentence.words:
            if w.deprel != "amod":
                continue
            states = [e for e in ctx.entities(w, demonyms=True) if ctx.type_of(e) == "State"] \
                or ctx.demonym_at(w)
            head = v.head(w)
            if not states or head is None:
                continue
            # only a demonym inside the place's own name: "l'occupazione sovietica della Corea"
            # says nothing about where Korea is
            places = [e for e in ctx.entities(head) if ctx.type_of(e) == "Place"]
            self._add(ctx, out, places, "locatedIn", states, w, confidence=DEMONYM_LOCATION)

    def _places_in_states(self, ctx: SentenceContext, out: ArticleFacts) -> None:
        """A place the gazetteer puts in a state, and that state, joined by at most two nominal
        links of the parse: "Asunción, capitale del Paraguay", "nella capitale della Georgia,
        Tbilisi", "Riad, in Arabia Saudita". The text links them (the guidelines' condition),
        the gazetteer says the link is where the place lies; a verb or a coordination between
        them ("da Cuba al Venezuela", "Mosca e Pyongyang") says nothing of the kind. Where the
        parse misses the apposition, the words of one phrase on either side count too."""
        for w in ctx.sentence.words:
            place = ctx._entity_at(w, demonyms=False)
            state = self.res.place_states.get(place) if place and ctx.type_of(place) == "Place" else None
            if not state or ctx.type_of(state) != "State":
                continue
            near = _nominal_neighbourhood(ctx, w, place) + _phrase_neighbours(ctx, w)
            if any(ctx._entity_at(y, demonyms=False) == state for y in near):
                # a standing fact, not an event: no date, and the place stays a place (a capital
                # is not read as its state here)
                out.facts.append(Fact(place, "locatedIn", state, evidence_of(ctx.am, ctx.sentence), PLACE_IN_STATE))

    def _places_written_in_states(self, ctx: SentenceContext, out: ArticleFacts) -> None:
        """A place the text itself puts in a state, right after it and closing its phrase,
        whatever the gazetteer knows of the place: "Kasongo (Congo)", "Red Bull Ring, Austria",
        "di Rustavi in Georgia", "Manchester, nel Regno Unito". A state followed by more words
        ("a Mosca, Russia e Cina hanno ...") is not the place's; nor is one the gazetteer
        contradicts."""
        for place, state in self.written_places(ctx):
            out.facts.append(Fact(place, "locatedIn", state, evidence_of(ctx.am, ctx.sentence), PLACE_IN_STATE))

    def written_places(self, ctx: SentenceContext) -> list[tuple[str, str]]:
        """The (place, state) pairs of _places_written_in_states."""
        found = []
        words = ctx.sentence.words
        i = 0
        while i < len(words):
            place = ctx._entity_at(words[i], demonyms=False)
            end = _run_end(ctx, words, i, 1)
            i = end + 1
            if not place or ctx.type_of(place) != "Place":
                continue
            j = end + 1
            bracket = j < len(words) and words[j].text == "("
            j += 1 if j < len(words) and words[j].text in (",", "(") else 0
            j += 1 if j < len(words) and words[j].text.lower() in italian.IN_FAMILY else 0
            state = ctx._entity_at(words[j], demonyms=False) if end + 1 < j < len(words) else None
            if not state or ctx.type_of(state) != "State" or self.res.place_states.get(place, state) != state:
                continue
            after = _run_end(ctx, words, j, 1) + 1
            closing = after >= len(words) or not any(c.isalnum() for c in words[after].text)
            if not closing or (bracket and after < len(words) and words[after].text != ")"):
                continue
            start = _run_end(ctx, words, end, -1)
            if _listed(ctx, words, start - 1, -1) or (not bracket and _listed(ctx, words, after, 1)):
                continue    # "in Sudan, Sahel, Libia, Repubblica democratica del Congo": a list
            surface = ctx.am.annotated.article.text[words[j].start_char:words[after - 1].end_char]
            entry = load_gazetteer().lookup(surface)
            if entry is not None and entry.type != "State":
                continue    # "Galleria Borghese, Roma": a capital standing for its state is a city here
            found.append((place, state))
        return found

    def _memberships(self, ctx: SentenceContext, out: ArticleFacts) -> None:
        """A person's name with an organisation in the brackets after it ("Marco Bianchi
        (Italia, Squadra Rossa, 12:04:31)", "Anna Neri (Pd)") or right after "di" ("Luisa Verdi
        del Partito agrario"): the way news writes whose side,
        party or team a person is on. A name only: "il segretario generale della Nato" is an
        office (holdsPosition), not this."""
        words = ctx.sentence.words
        i = 0
        while i < len(words):
            person = _person_name_at(ctx, words[i])
            end = _run_end(ctx, words, i, 1) if person else i
            if person:
                orgs = _bracketed(ctx, words, end + 1) if end + 1 < len(words) and words[end + 1].text == "(" \
                    else _after_di(ctx, words, end + 1)
                for org in dict.fromkeys(orgs):
                    out.facts.append(Fact(person, "memberOf", org, evidence_of(ctx.am, ctx.sentence), MEMBERSHIP))
            i = end + 1

    def _appositive_offices(self, ctx: SentenceContext, out: ArticleFacts) -> None:
        """A noun set beside a person's name, with a body or state after "di", is an office there,
        whatever the noun ("Richard Brown, direttore generale della società Eurostar", "la
        procuratrice della Corte penale internazionale, Fatou Bensouda"): the apposition says
        what the person is, its complement where; not kinship and the like (not_office_nouns)."""
        v = ctx.view
        for n in ctx.sentence.words:
            if n.upos != "NOUN":
                continue
            beside = v.kids(n, "appos") + ([v.head(n)] if n.deprel == "appos" and v.head(n) else [])
            noun = (n.lemma or n.text).lower()
            if not beside or noun in NOT_OFFICE_NOUNS:
                continue
            named = ctx.am.at(ctx.sentence.index, n.start_char, n.end_char)
            if named is not None and ctx.am.mentions[named].kind == "name":
                continue
            people = [p for w in beside if (p := _person_name_at(ctx, w))]
            if not people:
                continue
            # a state's office named by the role lexicon is read with its own predicate (leaderOf
            # for "presidente"): kg.mentions.roles
            kinds = ("Organization",) if noun in self.lex.role_first_words else ("Organization", "State")
            bodies = [e for c in v.kids(n, "nmod") if v.case_of(c) in OF_CASES
                      for e in ctx.entities(c) or [e for k in v.kids(c, "flat:name", "appos", "nmod")
                                                   if not v.case_of(k) for e in ctx.entities(k)]]
            bodies = [ctx.actor(b) for b in bodies if ctx.type_of(b) in kinds]
            self._add(ctx, out, people, "holdsPosition", list(dict.fromkeys(bodies)), n)

    def _leaders(self, ctx: SentenceContext, out: ArticleFacts) -> None:
        """Whoever a leading verb ("guidare", "presiedere", relation_words.tsv) makes the head of
        a body or a state holds its office: "il governo guidato da Fathi Bashagha", "l'Antitrust,
        presieduta da Antonio Catricalà", "Catricalà presiede l'Antitrust". A state's leader
        (its government's, kg.mentions.bodies) is its leaderOf."""
        v = ctx.view
        for t in ctx.sentence.words:
            if t.upos != "VERB" or (t.lemma or "").lower() not in LEADING_VERBS:
                continue
            led = _participle_noun(ctx, t)
            if led is not None:   # "il governo [designato da ... e] guidato da X"
                bodies, leaders = ctx.entities(led), ctx.agents(t) or ctx.right_entities(t, BY_CASES, adjacent=True)
            elif "VerbForm=Part" in (t.feats or "") and v.kids(t, "aux:pass"):   # "è guidato da X"
                bodies, leaders = [e for c in v.kids(t, "nsubj:pass") for e in ctx.entities(c)], ctx.agents(t)
            else:
                bodies, leaders = [e for o in ctx.objects(t) for e in ctx.entities(o)], ctx.agents(t)
            leaders = [p for p in leaders if ctx.type_of(p) == "Person"]
            bodies = [ctx.actor(b) for b in bodies]
            for predicate, kind in (("leaderOf", "State"), ("holdsPosition", "Organization")):
                self._add(ctx, out, leaders, predicate, [b for b in bodies if ctx.type_of(b) == kind], t)


def _participle_noun(ctx: SentenceContext, verb: Word) -> Word | None:
    """The noun a participle modifies, through the participles it is conjoined to, where their
    genders agree (the parser often hangs the participle on the nearest noun instead)."""
    v, node = ctx.view, verb
    if "VerbForm=Part" not in (verb.feats or ""):
        return None
    while node.deprel == "conj" and v.head(node) is not None and "VerbForm=Part" in (v.head(node).feats or ""):
        node = v.head(node)
    noun = v.head(node) if (node.deprel or "").startswith("acl") and not v.kids(verb, "aux:pass") else None
    if noun is None or {_gender(noun), _gender(verb)} == {"Masc", "Fem"}:
        return None   # "un team dell'Università di Otago, in Nuova Zelanda, guidato da": not her state
    return noun


def _gender(w: Word) -> str | None:
    return next((f[len("Gender="):] for f in (w.feats or "").split("|") if f.startswith("Gender=")), None)


def party_membership(office: Fact, res: Resolution) -> list[Fact]:
    """A party office makes its holder a member ("il segretario del Pd" is in the Pd: the
    guidelines' "a current party office gives holdsPosition and memberOf"); the gazetteer knows
    which organisations are parties (organizations.tsv, kind party), by key or, where the link
    was withheld (a national party of a state the article does not name), by name. Only an
    office held: none for a planned or denied one."""
    entity = res.entities.get(office.object) if office.predicate == "holdsPosition" else None
    if entity is None or entity.type != "Organization" or office.status not in ("asserted", "reported"):
        return []
    gaz = load_gazetteer()
    entry = gaz.get(office.object) or gaz.lookup(entity.label)
    if entry is None or entry.get_extra("kind") != "party":
        return []
    return [Fact(office.subject, "memberOf", office.object, office.evidence, min(office.confidence, MEMBERSHIP),
                 status=office.status, source=office.source)]


def _person_name_at(ctx: SentenceContext, w: Word) -> str | None:
    """The person a name mention at ``w`` refers to (not a role description, not a pronoun)."""
    index = ctx.am.at(ctx.sentence.index, w.start_char, w.end_char)
    if index is None or ctx.am.mentions[index].kind != "name":
        return None
    key = ctx.res.key_of(ctx.am.annotated.article.id, index)
    return key if key and ctx.type_of(key) == "Person" else None


BRACKET_WORDS = 12


def _bracketed(ctx: SentenceContext, words: list[Word], at: int) -> list[str]:
    """The organisations named inside the brackets opening at ``words[at]``, if they close."""
    found = []
    for k in range(at + 1, min(len(words), at + 1 + BRACKET_WORDS)):
        if words[k].text == ")":
            return found
        key = ctx._entity_at(words[k], demonyms=False)
        if key and ctx.type_of(key) == "Organization":
            found.append(key)
    return []


def _after_di(ctx: SentenceContext, words: list[Word], at: int) -> list[str]:
    """The organisation named right after "di" and its article at ``words[at]``."""
    if at >= len(words) or words[at].upos != "ADP" or (words[at].lemma or "").lower() != "di":
        return []
    k = at + 1
    while k < len(words) and words[k].upos == "DET":
        k += 1
    key = ctx._entity_at(words[k], demonyms=False) if k < len(words) else None
    return [key] if key and ctx.type_of(key) == "Organization" else []


NOMINAL_LINKS = {"appos", "nmod", "amod", "flat", "compound"}


def _nominal_neighbourhood(ctx: SentenceContext, word: Word, own: str, steps: int = 2) -> list[Word]:
    """The words at most ``steps`` nominal dependency links away from ``word``, through common
    nouns only ("capitale", "città"): a link through another name ("Rubio a Washington" under
    "il segretario di Stato Usa") joins that name, not the place."""
    v, seen, frontier, out = ctx.view, {word.id}, [word], []
    for _ in range(steps):
        nxt = []
        for x in frontier:
            if x is not word and ctx._entity_at(x, demonyms=True) not in (None, own):
                continue
            head = v.head(x)
            linked = ([head] if head is not None and (x.deprel or "").split(":")[0] in NOMINAL_LINKS else []) \
                + v.kids(x, *NOMINAL_LINKS)
            for y in linked:
                if y.id not in seen:
                    seen.add(y.id)
                    nxt.append(y)
        out += nxt
        frontier = nxt
    return out


PHRASE_WORDS = 4
PHRASE_PUNCTUATION = {",", "(", ")"}


def _phrase_neighbours(ctx: SentenceContext, word: Word) -> list[Word]:
    """Where the parse misses the link, the words on either side of the place that belong to its
    phrase: its apposition, opened by a comma or a bracket next to it ("Asunción, capitale del
    Paraguay"; "della Georgia, Tbilisi"), or the name with only a preposition and an article
    between ("in Arabia Saudita a Riad"). A name after the place counts only where its phrase
    ends there ("Almaty, in Kazakistan."), not where it opens the next clause ("a Hanoi,
    Vietnam e Giappone hanno firmato")."""
    words = ctx.sentence.words
    at = ctx.view.position(word)
    out: list[Word] = []
    for step, edge in ((1, _run_end(ctx, words, at, 1)), (-1, _run_end(ctx, words, at, -1))):
        if 0 <= edge + step < len(words):
            side = _apposition if words[edge + step].text in PHRASE_PUNCTUATION else _across_preposition
            out += side(ctx, words, edge, step)
    return out


def _apposition(ctx: SentenceContext, words: list[Word], edge: int, step: int) -> list[Word]:
    """Up to PHRASE_WORDS words past the comma or bracket at ``edge + step``, up to a verb, a
    conjunction or other punctuation."""
    out, i = [], edge + step
    while 0 <= i < len(words) and abs(i - edge) <= PHRASE_WORDS + 1:
        w = words[i]
        if w.upos in ("VERB", "AUX", "CCONJ", "SCONJ") or (w.upos == "PUNCT" and w.text not in PHRASE_PUNCTUATION):
            break
        if step == -1 or _phrase_ends_after(ctx, words, i):
            out.append(w)
        i += step
    return out


def _across_preposition(ctx: SentenceContext, words: list[Word], edge: int, step: int) -> list[Word]:
    """The word past at most two prepositions and articles next to the place, if any stand there."""
    j = edge + step
    while 0 <= j < len(words) and abs(j - edge) <= 3 and words[j].upos in ("ADP", "DET"):
        j += step
    if 0 <= j < len(words) and abs(j - edge) > 1 and (step == -1 or _phrase_ends_after(ctx, words, j)):
        return [words[j]]
    return []


def _listed(ctx: SentenceContext, words: list[Word], comma: int, step: int) -> bool:
    """Whether a comma at ``words[comma]`` joins another entity or an "e" on its ``step`` side."""
    if not 0 <= comma < len(words) or words[comma].text != ",":
        return False
    k = comma + step
    return 0 <= k < len(words) and (words[k].text.lower() in ("e", "ed")
                                    or ctx._entity_at(words[k], demonyms=False) is not None)


def _run_end(ctx: SentenceContext, words: list[Word], i: int, step: int) -> int:
    """The index of the last word, going ``step`` from ``words[i]``, of the entity named there."""
    key = ctx._entity_at(words[i], demonyms=False)
    while key is not None and 0 <= i + step < len(words) and ctx._entity_at(words[i + step], demonyms=False) == key:
        i += step
    return i


def _phrase_ends_after(ctx: SentenceContext, words: list[Word], i: int) -> bool:
    """Whether the mention at ``words[i]`` is followed by punctuation or the sentence's end."""
    j = _run_end(ctx, words, i, 1) + 1
    return j >= len(words) or words[j].upos == "PUNCT"
