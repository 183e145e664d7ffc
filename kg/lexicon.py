"""The one loader of kg's lexicons (role nouns, trigger words, transfer objects)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.resources import LEXICON_DIR, DataFileError, read_lines, read_tsv  # noqa: F401 - kg.lexicon's names too
from kg.text import fold

#: The frames the relation rules act on (kg.relations.rules.VERB_FRAMES has a handler for each): the frame
#: column of triggers.tsv, frame_modifiers.tsv and manner_frames.tsv must name one of them.
FRAMES = frozenset({"transfer", "supply", "letter", "message", "statement", "appeal", "phone_call",
                    "meeting", "visit", "sign", "support", "praise", "criticize", "deploy", "alliance",
                    "react", "characterise", "ally"})


#: A lexicon file is malformed; the message names the file and line (kg.resources' error).
LexiconError = DataFileError


@dataclass(frozen=True)
class Role:
    phrase: str
    predicate: str      # leaderOf or holdsPosition
    position: str       # head_of_state, head_of_government, foreign_minister, ... or other
    role_en: str


@dataclass(frozen=True)
class Lexicon:
    roles: dict[str, Role]                  # phrase -> role
    triggers: dict[tuple[str, str], str]    # (lemma, upos) -> frame
    objects: dict[str, str]                 # lemma -> letter/message/troops/arms
    stopwords: frozenset[str]
    not_entities: frozenset[str] = frozenset()      # folded names that are never entities
    credit_prefixes: tuple[str, ...] = ()            # lower-case starts of credit lines
    locatives: frozenset[str] = frozenset()          # words that make a capital a place
    treaty_words: dict[str, str] = field(default_factory=dict)   # word -> normal form ("-" drops)
    frame_modifiers: dict[str, str] = field(default_factory=dict)  # "telefonico" -> phone_call
    place_heads: frozenset[str] = frozenset()        # "piazza", "regione": nouns heading place names
    place_tails: frozenset[str] = frozenset()        # "nordorientale": directions ending region names
    organization_heads: frozenset[str] = frozenset() # "ministero", "istituto": nouns heading organisation names
    evaluations: dict[str, str] = field(default_factory=dict)  # "imprudente" -> negative
    spokesperson_nouns: frozenset[str] = frozenset()  # "fonte", "portavoce": speak for their "di X"
    state_bodies: frozenset[str] = frozenset()        # "governo", "esercito": with a demonym, the state
    event_nouns: dict[str, str] = field(default_factory=dict)   # "fornitura" -> arms: an event told before
    manner_frames: dict[tuple[str, str], str] = field(default_factory=dict)  # (accogliere, favore) -> praise
    harsh_manner: frozenset[str] = frozenset()        # "durezza": a reaction that criticises
    alliance_treaties: tuple[frozenset[str], ...] = ()  # name words of mutual-defence treaties
    casualty_words: frozenset[str] = frozenset()      # "morti", "feriti", "vittime": dead or wounded
    note_media: frozenset[str] = frozenset()          # "immagine", "foto": with a note_reference, an editorial note
    note_references: frozenset[str] = frozenset()     # "questo articolo", "di repertorio"
    appointing_verbs: frozenset[str] = frozenset()   # "eleggere", "nominare": a state gives a role
    treaty_anaphors: frozenset[str] = frozenset()    # "il documento": the treaty named before

    def is_alliance_treaty(self, phrase: str) -> bool:
        """A mutual-defence treaty by its name ("patto di difesa reciproca")."""
        signature = set(self.treaty_signature(phrase))
        return any(words <= signature for words in self.alliance_treaties)

    def treaty_signature(self, phrase: str) -> tuple[str, ...]:
        """The normalised content words of a treaty phrase; equal signatures, one treaty."""
        words = re.findall(r"\w+", phrase.lower())
        out = set()
        for w in words:
            if w in self.stopwords:
                continue
            normal = self.treaty_words.get(w, w)
            if normal != "-":
                out.add(normal)
        return tuple(sorted(out))

    def is_credit_line(self, sentence_text: str) -> bool:
        """A credit, source or caption line, or an editorial note about the article's pictures."""
        # "🔗 Leggi su ...", "- Foto: ...": the symbols a page sets before such a line
        start = re.sub(r"^[^\w©]+", "", sentence_text.strip().lower().replace("’", "'"))
        if any(start.startswith(p) for p in self.credit_prefixes):
            return True
        words = set(re.findall(r"[\w-]+", start))
        return bool(words & self.note_media) and any(
            (p in words) if re.fullmatch(r"[\w-]+", p) else (p in start) for p in self.note_references)

    def frame(self, lemma: str | None, upos: str | None) -> str | None:
        if not lemma:
            return None
        return self.triggers.get((lemma.lower(), upos or ""))

    def trigger(self, lemma: str | None, upos: str | None) -> tuple[str, str] | None:
        """(frame, part of speech the lexicon gives) for a word; when the tagger's part of
        speech has no entry, the lemma's only entry ("gratitudine" tagged ADJ is the noun)."""
        if not lemma:
            return None
        lemma = lemma.lower()
        if (lemma, upos or "") in self.triggers:
            return self.triggers[(lemma, upos or "")], upos or ""
        entries = self._triggers_by_lemma.get(lemma, ())
        return entries[0] if len(entries) == 1 else None

    @functools.cached_property
    def _triggers_by_lemma(self) -> dict[str, list[tuple[str, str]]]:
        index: dict[str, list[tuple[str, str]]] = {}
        for (lemma, upos), frame in self.triggers.items():
            index.setdefault(lemma, []).append((frame, upos))
        return index

    @functools.cached_property
    def parse_words(self) -> frozenset[str]:
        """Lemmas and forms that can carry a relation or an event read from the parse."""
        return frozenset(lemma for lemma, _ in self.triggers) | frozenset(self.objects) | self.casualty_words

    @functools.cached_property
    def longest_role(self) -> int:
        return max(len(p.split()) for p in self.roles)

    @functools.cached_property
    def role_first_words(self) -> frozenset[str]:
        """First words of the role phrases: a token that is none of them starts no role."""
        return frozenset(p.split()[0] for p in self.roles)


#: The word lists of relation_words.tsv, by the name the relation rules give them.
RELATION_WORD_LISTS = ("report_verbs", "saying_verbs", "light_verbs", "addressing_verbs", "leading_verbs",
                       "copulas", "receiving_verbs", "reply_verbs", "denouncing_verbs", "unrealised_verbs",
                       "unrealised_nouns", "planned_modifiers", "prospective_nouns", "pair_words", "state_nouns", "time_units",
                       "age_units", "place_object_verbs", "not_office_nouns", "invasion_nouns", "sports", "planned_phrases")


#: The word lists of mention_words.tsv, by the name the mention and gazetteer code give them.
MENTION_WORD_LISTS = ("ministers", "name_titles", "name_particles", "name_suffixes", "treaty_plural_heads",
                      "product_heads", "eponym_heads", "private_nouns", "street_heads", "area_heads",
                      "event_names", "sports_context", "work_context", "treaty_stop", "treaty_place_heads",
                      "treaty_phrase_heads", "elliptic_roles", "held_in_nouns", "adjective_place_heads",
                      "building_heads", "building_tails", "adverbial_heads")


@functools.cache
def relation_words(directory: Path = LEXICON_DIR) -> dict[str, frozenset[str]]:
    """The relation rules' word lists (relation_words.tsv): list name -> words."""
    return read_word_lists(directory / "relation_words.tsv", RELATION_WORD_LISTS)


@functools.cache
def mention_words(directory: Path = LEXICON_DIR) -> dict[str, frozenset[str]]:
    """The word lists of mention finding and of the gazetteer's name rules (mention_words.tsv)."""
    return read_word_lists(directory / "mention_words.tsv", MENTION_WORD_LISTS)


@functools.cache
def state_body_names(directory: Path = LEXICON_DIR) -> dict[str, str]:
    """A state's bodies that name an organisation with its demonym (state_body_names.tsv): the
    noun -> its English head ("governo" -> "Government", "forze armate" -> "Armed Forces")."""
    return {noun.strip(): english.strip() for noun, english in read_tsv(directory / "state_body_names.tsv", 2)}


def read_word_lists(path: Path, names: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """A (list, word) TSV file as list name -> words. A list name not in ``names`` is a
    :class:`LexiconError` naming the file and line; a list with no words is empty."""
    lists: dict[str, set[str]] = {name: set() for name in names}
    for lineno, (name, word) in read_tsv(path, 2, numbered=True):
        if name not in lists:
            raise LexiconError(f"{path}:{lineno}: unknown word list {name!r} (known: {', '.join(names)})")
        lists[name].add(word.strip())
    return {name: frozenset(words) for name, words in lists.items()}


def read_frames(path: Path, columns: int, frame_column: int) -> list[list[str]]:
    """Rows of a TSV data file whose ``frame_column`` names a frame; a frame the code does not
    know (a misspelling, which would silently give nothing) is a :class:`LexiconError` naming
    the file and line."""
    rows = read_tsv(path, columns, numbered=True)
    for lineno, cells in rows:
        if cells[frame_column] not in FRAMES:
            raise LexiconError(f"{path}:{lineno}: unknown frame {cells[frame_column]!r} "
                               f"(known: {', '.join(sorted(FRAMES))})")
    return [cells for _, cells in rows]


@functools.cache
def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    roles = {r[0]: Role(*r) for r in read_tsv(directory / "roles.tsv", 4)}
    triggers = {(r[0], r[1]): r[2] for r in read_frames(directory / "triggers.tsv", 3, 2)}
    objects = {r[0]: r[1] for r in read_tsv(directory / "objects.tsv", 2)}
    notes = read_tsv(directory / "editorial_notes.tsv", 2) if (directory / "editorial_notes.tsv").exists() else []
    stopwords = frozenset(read_lines(directory / "italian_stopwords.txt"))
    return Lexicon(roles, triggers, objects, stopwords,
                   not_entities=frozenset(fold(w) for w in read_lines(directory / "not_entities.txt")),
                   credit_prefixes=tuple(read_lines(directory / "credit_lines.txt")),
                   locatives=frozenset(read_lines(directory / "locative_prepositions.txt")),
                   frame_modifiers={r[0]: r[1] for r in read_frames(directory / "frame_modifiers.tsv", 2, 1)},
                   appointing_verbs=frozenset(read_lines(directory / "appointing_verbs.txt")),
                   treaty_anaphors=frozenset(read_lines(directory / "treaty_anaphors.txt")),
                   place_heads=frozenset(read_lines(directory / "place_heads.txt")),
                   place_tails=frozenset(read_lines(directory / "place_tails.txt")),
                   organization_heads=frozenset(read_lines(directory / "organization_heads.txt")),
                   evaluations={r[0]: r[1] for r in read_tsv(directory / "evaluations.tsv", 2)},
                   spokesperson_nouns=frozenset(read_lines(directory / "spokesperson_nouns.txt")),
                   state_bodies=frozenset(read_lines(directory / "state_bodies.txt")),
                   event_nouns={r[0]: r[1] for r in read_tsv(directory / "event_nouns.tsv", 2)},
                   manner_frames={(r[0], r[1]): r[2] for r in read_frames(directory / "manner_frames.tsv", 3, 2)},
                   harsh_manner=frozenset(read_lines(directory / "harsh_manner.txt")),
                   casualty_words=frozenset(read_lines(directory / "casualty_words.txt")),
                   alliance_treaties=tuple(frozenset(line.split()) for line in read_lines(directory / "alliance_treaties.txt")),
                   note_media=frozenset(r[1] for r in notes if r[0] == "media"),
                   note_references=frozenset(r[1] for r in notes if r[0] == "reference"),
                   treaty_words={r[0]: r[1] for r in read_tsv(directory / "treaty_words.tsv", 2)})

