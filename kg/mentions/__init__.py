"""Mentions: every stretch of an article that refers to an entity, and role descriptions.

Sources, in order of trust: gazetteer names (exact, linked), NER spans (typed by the model,
retyped by the gazetteer when it knows the name), demonyms standing for a state
("soldati nordcoreani"), treaty phrases ("il trattato di mutua difesa"), and role
descriptions ("il presidente russo", "il presidente della Duma di Stato").

The package: ``common`` (records and word lists), ``spans`` (NER spans), ``names``
(gazetteer, organisation names, metonyms, demonyms), ``treaties``, ``roles``.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.mentions.bodies import state_bodies
from kg.mentions.filters import (dateline_mentions, dateline_month, eponym_part,
                                 event_name, glued_name, inside, is_headline_capitals, minister_department, no_letters,
                                 not_a_name, opening_verb, private_demonym, product_name, role_word_name,
                                 site_name_type)
from kg.mentions.furniture import byline_spans, credit_spans, site_link
from kg.mentions.context import club, quoted_title, result_lists, sports_article, work_article, work_name
from kg.mentions.common import (ARTICLE_WORDS, NAME_PARTICLES, NAME_SUFFIXES, NER_TYPES, ArticleMentions,
                                name_core, tokens)
from kg.mentions.names import (_capital_descriptions, _demonyms, _gazetteer_matches, _organization_names,
                               _outside_role_titles, _state_formal_names, _surnames, as_metonym,
                               year_near)
from kg.mentions.roles import _roles
from kg.mentions.plural_roles import plural_roles
from kg.mentions.spans import _ner_mentions
from kg.mentions.treaties import _treaties, place_named_treaties
from kg.records import AnnotatedArticle, Mention, Sentence
from kg.timex import find_times

__all__ = ["ARTICLE_WORDS", "NAME_PARTICLES", "NAME_SUFFIXES", "NER_TYPES", "ArticleMentions", "find_mentions",
           "name_core", "tokens"]


#: Whether a demonym mention stands for its state, given its sentence (kg.mentions.demonym_reading)
DemonymDecision = Callable[[Sentence, Mention], bool]


def find_mentions(annotated: AnnotatedArticle, gazetteer: Gazetteer, lexicon: Lexicon,
                  demonyms: Optional[DemonymDecision] = None) -> ArticleMentions:
    """An article's mentions and role descriptions. ``demonyms`` decides which demonyms stand
    for their state (a learned reading); by default the hand rule (filters.private_demonym)."""
    if demonyms is None:
        demonyms = lambda s, m: not private_demonym(s, m.start_char, m.end_char)  # noqa: E731
    result = ArticleMentions(annotated)
    text = annotated.article.text
    surnames: set[str] = set()   # last words of the people named in full so far
    credits = credit_spans(text, gazetteer) + byline_spans(text, gazetteer)
    sporty, works = sports_article(text), work_article(text)
    for sentence in annotated.sentences:
        if lexicon.is_credit_line(sentence.text):
            continue  # "Fonte: ...", photo credits: no facts, no entities
        toks = tokens(sentence)
        found: list[Mention] = []
        found += _gazetteer_matches(annotated.article.id, sentence, toks, text, gazetteer)
        found = _organization_names(annotated.article.id, sentence, toks, text, gazetteer, lexicon, found)
        found += _ner_mentions(annotated.article.id, sentence, text, gazetteer, lexicon, found)
        found = _state_formal_names(annotated.article.id, sentence, toks, text, gazetteer, found)
        found = _outside_role_titles(found, toks, text, lexicon, gazetteer)
        found += _capital_descriptions(annotated.article.id, sentence, toks, text, gazetteer, found)
        found += _demonyms(annotated.article.id, sentence, toks, text, gazetteer, found)
        found = place_named_treaties(annotated.article.id, sentence, text, found)
        found += _treaties(annotated.article.id, sentence, toks, text, found)
        found += _surnames(annotated.article.id, sentence, toks, text, surnames, found)
        found = _page_furniture_out(annotated.article.id, sentence, text, gazetteer, credits, found, demonyms)
        found = _not_entities_out(sentence, text, lexicon, gazetteer, found)
        found = _context_types(annotated.article.id, sentence, text, sporty, works, found)
        times = find_times(text[sentence.start_char:sentence.end_char], annotated.article.date)
        found = [as_metonym(m, toks, text, gazetteer, lexicon, year_near(m, sentence, times), sentence)
                 for m in found]
        found = state_bodies(annotated.article.id, sentence, toks, text, gazetteer, lexicon, found)
        found.sort(key=lambda m: (m.start_char, -m.end_char))
        base = len(result.mentions)
        result.mentions.extend(found)
        cores = [name_core(m.text.split()) for m in found if m.type == "Person" and m.kind == "name"]
        surnames.update(core[-1] for core in cores if len(core) >= 2 and len(core[-1]) > 2)
        result.roles.extend(_roles(annotated.article.id, sentence, toks, text, lexicon, result, base))
        result.roles.extend(plural_roles(annotated.article.id, sentence, toks, text, lexicon, result))
    return result


def _not_entities_out(sentence: Sentence, text: str, lexicon: Lexicon, gazetteer: Gazetteer,
                      found: list[Mention]) -> list[Mention]:
    """Mentions minus what names no entity of the story: a month of a dateline ("01 MAR"), a
    number ("il 118"), a product's or weapon's model ("missili Harpoon"), a name inside the
    name of a thing called after it ("Piano Mattei", "Giro d'Italia"), a minister's department
    ("il ministro degli Affari esteri"), words run together ("TrumpGazaMostra"), a role's
    word capitalised ("Leader"; kg.mentions.filters)."""
    arms = frozenset(w for w, c in lexicon.objects.items() if c == "arms")
    kept = []
    for m in found:
        m = minister_department(m, sentence, text, gazetteer)
        if m is None:
            continue
        if m.kind == "name" and (dateline_month(text, m) or no_letters(m.text)
                                 or (m.key is None and product_name(sentence, m.start_char, arms, text))
                                 or eponym_part(sentence, text, m.start_char) or event_name(m)
                                 or opening_verb(m, sentence) or glued_name(m) or not_a_name(m)
                                 or role_word_name(m, lexicon.role_first_words)):
            continue
        kept.append(m)
    return kept


def _context_types(article_id: str, sentence: Sentence, text: str, sporty: bool, works: bool,
                   found: list[Mention]) -> list[Mention]:
    """Types read from the context (kg.mentions.context): teams in result lists, clubs in
    sports articles; works and quoted titles out."""
    found = [club(m, sentence, text, sporty) for m in result_lists(article_id, sentence, text, found)]
    return [m for m in found if not work_name(m, found, text, works) and not quoted_title(m, sentence, text)]


def _before_credit(m: Mention, credits: list[tuple[int, int]], text: str,
                   gazetteer: Gazetteer) -> Optional[Mention]:
    """A name NER ran into a credit cut where the credit starts ("l'Ucraina // Shutterstock"
    gives Ukraine, as the gazetteer knows it); None when nothing of a name is left."""
    cut = min((s for s, _ in credits if m.start_char < s < m.end_char), default=None)
    if cut is None:
        return m
    surface = text[m.start_char:cut].rstrip(" \t\n/-–—|(,")
    if not surface.strip():
        return None
    entry = gazetteer.lookup(surface)
    etype, key = (entry.type, entry.key) if entry is not None else (m.type, None)
    return replace(m, end_char=m.start_char + len(surface), text=surface, type=etype, key=key)


def _page_furniture_out(article_id: str, sentence: Sentence, text: str, gazetteer: Gazetteer,
                        credits: list[tuple[int, int]], found: list[Mention],
                        demonyms: DemonymDecision) -> list[Mention]:
    """Mentions minus credits, headlines in capitals and demonyms that do not stand for their
    state ("un giornalista argentino"); the dateline's place in; a site's one-word name an
    organisation (kg.mentions.filters)."""
    datelines = dateline_mentions(article_id, sentence, text, gazetteer, found)
    kept = []
    for m in found:
        if inside(credits, m.start_char, m.end_char) or any(
                d.start_char < m.end_char and m.start_char < d.end_char for d in datelines):
            continue
        m = _before_credit(m, credits, text, gazetteer)
        if m is None or (m.kind == "name" and site_link(text, m.end_char)):
            continue
        if m.kind == "name" and m.key is None and is_headline_capitals(m.text):
            continue
        if m.kind == "demonym" and not demonyms(sentence, m):
            continue
        if m.kind == "name" and m.key is None:
            etype = site_name_type(m.text, m.type)
            m = m if etype == m.type else replace(m, type=etype)
        kept.append(m)
    return kept + [d for d in datelines if not inside(credits, d.start_char, d.end_char)]
