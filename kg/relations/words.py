"""The word classes the relation rules read: preposition cases and clause words (closed
classes, from kg.italian) and the open-class verb and noun lists of
kg/data/lexicon/relation_words.tsv (through kg.lexicon)."""
from __future__ import annotations

from kg import italian
from kg.lexicon import relation_words

#: The word lists of kg/data/lexicon/relation_words.tsv (open classes; the closed ones are kg.italian's).
_WORDS = relation_words()

TO_CASES = set(italian.TO_FAMILY | {"ad", "verso"})
IN_CASES = set(italian.IN_FAMILY) | {"presso"}     # "presso il palazzo Eliseo": at
WITH_CASES = set(italian.WITH_FAMILY)
BETWEEN_CASES = set(italian.BETWEEN)
BY_CASES = set(italian.FROM_FAMILY)
OF_CASES = set(italian.OF_FAMILY | {"da"})
LIGHT_VERBS = set(_WORDS["light_verbs"])
REPORT_VERBS = set(_WORDS["report_verbs"])
PLANNED_MODIFIERS = set(_WORDS["planned_modifiers"])
PROSPECTIVE_NOUNS = set(_WORDS["prospective_nouns"])
#: firma", "in una lettera") belongs to the clause's actor; "" is no preposition at all.
ADJUNCT_PREPOSITIONS = {""} | set(italian.ADJUNCT_PREPOSITIONS)
CLAUSE_BREAKS = {".", ";", ":", "?", "!", "(", ")", "—", "–"}
LEADING_VERBS = set(_WORDS["leading_verbs"])
NOT_OFFICE_NOUNS = set(_WORDS["not_office_nouns"])
INVASION_NOUNS = set(_WORDS["invasion_nouns"])
#: "un incontro di calcio", "il match di tennis": a sport makes a meeting noun a match
SPORTS = set(_WORDS["sports"])
#: "il vertice in programma venerdì": after "in", a schedule
PLANNED_PHRASES = set(_WORDS["planned_phrases"])
OPENING_QUOTES = {"“", "«"}
CLOSING_QUOTES = {"”", "»"}
#: Words that open a new clause: a shallow argument never crosses them.
CLAUSE_WORDS = set(italian.CLAUSE_WORDS)
REASON_PREPOSITIONS = set(italian.REASON_PREPOSITIONS)
#: Words after a number that make it an age, not a count of dead ("una donna di 88 anni").
AGE_UNITS = set(_WORDS["age_units"])
#: Verbs that address what they carry to someone: "esprimere gratitudine a X" speaks to X.
ADDRESSING_VERBS = set(_WORDS["addressing_verbs"])
COPULAS = set(_WORDS["copulas"])
#: Words a parser may take for a subject that never act: "Washington, dove ha incontrato".
ADVERBIAL_RELATIVES = set(italian.ADVERBIAL_RELATIVES)
RELATIVE_PRONOUNS = set(italian.RELATIVE_PRONOUNS)
POSSESSIVES = set(italian.THIRD_PERSON_POSSESSIVES)
#: verbs whose object or complement has not happened yet: "ha promesso nuovi aiuti all'Ucraina",
#: "ha invitato Xi a visitare la Corea del Sud", "ha chiesto il sostegno di Pechino"
UNREALISED_VERBS = set(_WORDS["unrealised_verbs"])
#: meeting verbs whose object is a guest: "ha ricevuto al Quirinale il re di Giordania"
RECEIVING_VERBS = set(_WORDS["receiving_verbs"])
#: visit verbs whose object is the place: "ha visitato Kiev", "ha raggiunto Milano"
PLACE_OBJECT_VERBS = set(_WORDS["place_object_verbs"])
CLITIC_OBJECTS = set(italian.CLITIC_OBJECTS)  # "per ringraziarlo": him
REPLY_VERBS = set(_WORDS["reply_verbs"])    # "Meloni ha risposto con una telefonata": to the one who wrote
DENOUNCING_VERBS = set(_WORDS["denouncing_verbs"])    # ", ha denunciato il ministro": a speaker after the verb
#: nouns whose infinitive has not happened: "la decisione di inviare nuovi aiuti all'Ucraina"
UNREALISED_NOUNS = set(_WORDS["unrealised_nouns"])
#: verbs of saying whose complement can carry an evaluation: "ha detto che l'Iran è complice"
SAYING_VERBS = REPORT_VERBS | set(_WORDS["saying_verbs"])
TIME_UNITS = set(_WORDS["time_units"])
PAIR_WORDS = set(_WORDS["pair_words"])    # "i due (leader) hanno firmato"
STATE_NOUNS = set(_WORDS["state_nouns"])    # "i due Paesi": states, not their leaders
ARTICLES = set(italian.ARTICLES | italian.POSSESSIVES)
PREPOSITIONS = TO_CASES | IN_CASES | WITH_CASES | BETWEEN_CASES | OF_CASES | set(italian.OTHER_PREPOSITIONS)
