"""Mention finding on hand-annotated sentences: organisation names built on a head noun."""
from __future__ import annotations

from parsed import article, unparsed

from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.mentions import find_mentions


def parsed_mentions(*sentences):
    """The ArticleMentions of hand-parsed (text, rows, ner) sentences."""
    return find_mentions(article(*sentences), load_gazetteer(), load_lexicon())


def mentions(text: str, ner: list[tuple[str, str]] = ()) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.type, m.key) for m in parsed_mentions(unparsed(text, ner)).mentions]


def test_lower_case_head_with_a_capitalised_complement_is_an_organisation():
    found = mentions("Il portavoce del ministero della Difesa ha parlato.")
    assert ("ministero della Difesa", "Organization", None) in found


def test_the_whole_name_replaces_the_place_ner_found_in_its_tail():
    found = mentions("Lim Eul-chul, professore all'Istituto di studi dell'Estremo Oriente dell'Università di Kyungnam.",
                     [("Lim Eul-chul", "PER"), ("Estremo Oriente", "LOC"), ("Kyungnam", "LOC")])
    texts = [t for t, _, _ in found]
    assert "Istituto di studi dell'Estremo Oriente" in texts
    assert "Università di Kyungnam" in texts
    assert "Estremo Oriente" not in texts


def test_a_head_noun_before_a_known_state_is_no_name_but_a_state_s_body_is_its_organisation():
    # not an organisation name built on a head noun ("Esercito della Russia" with a key of its
    # own), but the state's army (kg.mentions.bodies: the guidelines make armies organisations)
    found = mentions("L'esercito della Russia avanza.")
    assert found == [("esercito della Russia", "Organization", "x-army-of-russia"), ("Russia", "State", "Q159")]


def test_a_lower_case_head_before_an_organisation_the_gazetteer_knows_is_no_name_of_its_own():
    found = mentions("Dalla fondazione della Comunità degli Stati Indipendenti sono passati trent'anni.",
                     [("fondazione della Comunità degli Stati Indipendenti", "ORG")])
    assert ("Comunità degli Stati Indipendenti", "Organization", "Q7779") in found
    assert not any(t.startswith("fondazione") for t, _, _ in found)


def test_a_state_after_the_name_stays_a_state():
    found = mentions("Il ministero della Difesa della Corea del Sud ha parlato.")
    assert ("ministero della Difesa", "Organization", None) in found
    assert ("Corea del Sud", "State", "Q884") in found


def test_gazetteer_names_of_armies_link():
    found = mentions("Il personale dell'Esercito popolare della Corea del Nord combatte.")
    assert [(t, k) for t, _, k in found] == [("Esercito popolare della Corea del Nord", "x-esercito-popolare-coreano")]


def test_editorial_notes_about_the_pictures_hold_no_entities():
    assert mentions("L'illustrazione utilizzata per questo articolo è generica e AI-generated.",
                    [("AI-generated", "ORG")]) == []
    assert mentions("Immagine di repertorio della Reuters.", [("Reuters", "ORG")]) == []
    # a picture in the news itself is news
    assert mentions("Il video della parata è stato diffuso dalla Reuters.", [("Reuters", "ORG")]) != []


def test_a_direction_after_a_place_is_part_of_the_region_name():
    found = mentions("I rapporti internazionali dell'Asia nordorientale e dell'Europa centrale cambiano.",
                     [("Asia", "LOC"), ("Europa", "LOC")])
    texts = [t for t, _, _ in found]
    assert "Asia nordorientale" in texts and "Europa centrale" in texts
    assert "Asia" not in texts and "Europa" not in texts


def test_a_direction_does_not_join_a_place_across_other_words():
    found = mentions("L'Asia resta nordorientale.", [("Asia", "LOC")])
    assert ("Asia", "Place") in [(t, ty) for t, ty, _ in found]


VON_DER_LEYEN = ("Starmer ha incontrato la presidente della Commissione europea Ursula von der Leyen.", """
1 Starmer Starmer PROPN 3 nsubj
2 ha avere AUX 3 aux
3 incontrato incontrare VERB 0 root
4 la il DET 5 det
5 presidente presidente NOUN 3 obj
6-7 della
6 di di ADP 8 case
7 la il DET 8 det
8 Commissione commissione NOUN 5 nmod
9 europea europeo ADJ 8 amod
10 Ursula Ursula PROPN 8 nmod
11 von von PROPN 10 flat:name
12 der der PROPN 11 flat:name
13 Leyen Leyen PROPN 12 flat:name
14 . . PUNCT 3 punct
""", [("Starmer", "PER"), ("Commissione europea Ursula", "ORG"), ("Leyen", "ORG")])


def test_ner_spans_that_cut_a_parsed_name_are_mended():
    """NER gave "Commissione europea Ursula" and "Leyen" (ORG); the parser's flat:name joins
    "Ursula von der Leyen", so the organisation ends before the name and the name is a person."""
    am = parsed_mentions(VON_DER_LEYEN)
    found = {(m.text, m.type) for m in am.mentions}
    assert ("Commissione europea", "Organization") in found
    assert ("Ursula von der Leyen", "Person") in found
    assert not any("Ursula" in t and ty != "Person" for t, ty in found) and ("Leyen", "Organization") not in found


VON_DER_LEYEN_ON_THE_BODY = (VON_DER_LEYEN[0], VON_DER_LEYEN[1]
                             .replace("8 Commissione commissione NOUN 5 nmod", "8 Commissione Commissione PROPN 5 nmod")
                             .replace("10 Ursula Ursula PROPN 8 nmod", "10 Ursula Ursula PROPN 8 flat:name")
                             .replace("12 der der PROPN 11 flat:name", "12 der der PROPN 10 flat:name"),
                             VON_DER_LEYEN[2])


def test_a_name_the_parser_hung_on_the_body_before_it_is_still_one_name():
    """The parser made "Ursula" a flat:name of "Commissione" (a gap at "europea"): the
    contiguous run "Ursula von der Leyen" is still the name that mends NER's spans."""
    assert "8 Commissione Commissione PROPN 5 nmod" in VON_DER_LEYEN_ON_THE_BODY[1]
    assert "10 Ursula Ursula PROPN 8 flat:name" in VON_DER_LEYEN_ON_THE_BODY[1]
    am = parsed_mentions(VON_DER_LEYEN_ON_THE_BODY)
    found = {(m.text, m.type) for m in am.mentions}
    assert ("Ursula von der Leyen", "Person") in found
    assert ("Leyen", "Organization") not in found


def test_names_that_ner_keeps_apart_inside_one_parsed_name_stay_apart():
    """The parser hung "Matteo Salvini" on "Lega" with flat:name; NER's two names, neither
    crossing the chain's edge, are kept."""
    rows = """
1 il il DET 2 det
2 leader leader NOUN 0 root
3-4 della
3 di di ADP 5 case
4 la il DET 5 det
5 Lega Lega PROPN 2 nmod
6 Matteo Matteo PROPN 5 flat:name
7 Salvini Salvini PROPN 6 flat:name
8 . . PUNCT 2 punct
"""
    am = parsed_mentions(("il leader della Lega Matteo Salvini.", rows, [("Lega", "ORG"), ("Matteo Salvini", "PER")]))
    found = {(m.text, m.type) for m in am.mentions}
    assert ("Lega", "Organization") in found and ("Matteo Salvini", "Person") in found


def test_a_person_ner_found_across_a_parsed_name_is_trusted():
    """"il re di Giordania Abdallah II": the parser chained "Giordania Abdallah"; NER's
    "Giordania" (LOC) and "Abdallah II" (PER) are right."""
    rows = """
1 il il DET 2 det
2 re re NOUN 0 root
3 di di ADP 4 case
4 Giordania Giordania PROPN 2 nmod
5 Abdallah Abdallah PROPN 4 flat:name
6 II II ADJ 4 amod
7 . . PUNCT 2 punct
"""
    am = parsed_mentions(("il re di Giordania Abdallah II.", rows, [("Giordania", "LOC"), ("Abdallah II", "PER")]))
    found = {(m.text, m.type) for m in am.mentions}
    assert ("Giordania", "State") in found and ("Abdallah II", "Person") in found


def test_a_treaty_named_by_its_purpose_runs_over_per_and_its_article():
    text = "Hanno firmato un protocollo per la sicurezza delle esportazioni di grano nel Mar Nero."
    tags = "AUX VERB DET NOUN ADP DET NOUN ADP DET NOUN ADP NOUN ADP DET PROPN PROPN PUNCT".split()
    words = "Hanno firmato un protocollo per la sicurezza di le esportazioni di grano in il Mar Nero .".split()
    rows = []
    for i, (w, t) in enumerate(zip(words, tags), 1):
        rows.append(f"{i} {w} {w.lower()} {t} 0 dep")
    rows.insert(7, "8-9 delle")
    rows.insert(13, "13-14 nel")
    am = parsed_mentions((text, "\n".join(rows), [("Mar Nero", "LOC")]))
    assert ("protocollo per la sicurezza delle esportazioni di grano", "Treaty") in {(m.text, m.type) for m in am.mentions}


def test_a_state_and_a_name_ner_ran_together_after_a_role_are_split():
    found = mentions("È stato accolto dal re del Marocco Mohammed VI.", [("Marocco Mohammed VI", "LOC")])
    assert ("Marocco", "State", "Q1028") in found
    assert ("Mohammed VI", "Person") in [(t, ty) for t, ty, _ in found]   # linked or not, one person


def test_a_name_after_a_role_that_ner_typed_an_organisation_is_a_person():
    found = mentions("la premier danese Mette Frederiksen ha annunciato.", [("Mette Frederiksen", "ORG")])
    assert ("Mette Frederiksen", "Person") in [(t, ty) for t, ty, _ in found]   # linked or not, one person


def test_people_ner_split_at_a_name_particle_are_one():
    found = mentions("Ha incontrato l'emiro del Qatar Tamim bin Hamad Al Thani.",
                     [("Qatar Tamim", "ORG"), ("Hamad Al Thani", "PER")])
    assert ("Qatar", "State", "Q846") in found
    assert ("Tamim bin Hamad Al Thani", "Person") in [(t, ty) for t, ty, _ in found]   # linked or not, one person


def test_a_place_span_over_a_joining_word_is_two_places():
    found = mentions("Rubio ha poi lasciato Toronto per Ottawa.", [("Rubio", "PER"), ("Toronto per Ottawa", "LOC")])
    texts = {t for t, _, _ in found}
    assert "Toronto" in texts and "Ottawa" in texts and "Toronto per Ottawa" not in texts


def test_two_known_names_ner_ran_together_are_two_mentions():
    """"Ucraina Meloni" (one PER span): a state and a surname the gazetteer knows; a name the
    gazetteer knows whole stays whole."""
    found = mentions("Il sostegno all'Ucraina Meloni lo ha ribadito.", [("Ucraina Meloni", "PER")])
    assert ("Ucraina", "State", "Q212") in found
    assert any(t == "Meloni" and ty == "Person" for t, ty, _ in found)
    assert not [t for t, _, _ in found if t == "Ucraina Meloni"]
    whole = mentions("La Corea del Sud ha protestato.", [("Corea del Sud", "LOC")])
    assert [t for t, _, _ in whole] == ["Corea del Sud"]


def test_a_role_titles_word_and_the_demonym_after_it_are_no_organisation():
    """NER's "Stato americano" (ORG) is the title's "Stato" and the role's demonym."""
    found = mentions("Il segretario di Stato americano Marco Rubio ha parlato.",
                     [("Stato americano", "ORG"), ("Marco Rubio", "PER")])
    assert not [t for t, ty, _ in found if ty == "Organization"]
    assert ("americano", "State", "Q30") in found


def test_a_participle_after_an_auxiliary_is_no_role():
    text = "Putin ha inviato Shoigu a Pyongyang."
    rows = "\n".join(f"{i} {w} {w.lower()} X 0 dep" for i, w in enumerate(text[:-1].split() + ["."], 1))
    am = parsed_mentions((text, rows, [("Putin", "PER"), ("Shoigu", "PER"), ("Pyongyang", "LOC")]))
    assert not am.roles


def test_a_building_ner_took_for_an_institution_is_a_place_in_a_locative_phrase():
    found = mentions("Carney ha incontrato Sheinbaum al Palazzo Nazionale.",
                     [("Carney", "PER"), ("Sheinbaum", "PER"), ("Palazzo Nazionale", "ORG")])
    assert ("Palazzo Nazionale", "Place", None) in found


def test_a_lone_surname_of_a_person_named_before_is_that_person():
    rows1 = "1 Christine Christine PROPN 0 root\n2 Lagarde Lagarde PROPN 1 flat:name\n3 arriva arrivare VERB 0 root\n4 . . PUNCT 3 punct"
    rows2 = "1 Lagarde Lagarde PROPN 2 nsubj\n2 parla parlare VERB 0 root\n3 . . PUNCT 2 punct"
    am = parsed_mentions(("Christine Lagarde arriva.", rows1, [("Christine Lagarde", "PER")]),
                               ("Lagarde parla.", rows2, []))
    assert [(m.text, m.type, m.sentence) for m in am.mentions if m.type == "Person"] == \
        [("Christine Lagarde", "Person", 0), ("Lagarde", "Person", 1)]


def test_a_demonym_after_a_gazetteer_body_makes_it_that_states_body():
    """The gazetteer's "Ministero degli Esteri" is Italy's; followed by "cinese" it is China's."""
    found = mentions("Il portavoce del ministero degli Esteri cinese ha parlato.")
    assert ("ministero degli Esteri cinese", "Organization", None) in found
    assert not any(k == "x-ministero-degli-affari-esteri" for _, _, k in found)
    italian = mentions("Il ministero degli Esteri italiano ha parlato.")
    assert ("ministero degli Esteri italiano", "Organization", "x-ministero-degli-affari-esteri") in italian
    assert ("ministero degli Esteri", "Organization", "x-ministero-degli-affari-esteri") in \
        mentions("Il ministero degli Esteri ha parlato.")


def test_the_capital_with_a_demonym_is_that_states_capital():
    found = mentions("Marcos è giunto nella capitale giapponese per una visita.", [("Marcos", "PER")])
    assert ("capitale giapponese", "Place", "Q1490") in found
    assert not any(t == "capitale" for t, _, _ in mentions("Marcos è giunto nella capitale per una visita."))
    assert not any(ty == "Place" for _, ty, _ in mentions("Marcos è giunto nella capitale morale del paese."))


def test_a_span_ner_ran_across_a_coordination_is_two_names():
    found = mentions("Il negoziato tra l'Unione europea e il Mercosur prosegue.",
                     [("Unione europea e il Mercosur", "ORG")])
    texts = {t for t, _, _ in found}
    assert {"Unione europea", "Mercosur"} <= texts and "Unione europea e il Mercosur" not in texts
    kept = mentions("La Bosnia ed Erzegovina vota.", [("Bosnia ed Erzegovina", "LOC")])
    assert "Bosnia ed Erzegovina" in {t for t, _, _ in kept}


def test_an_action_plan_is_an_agreement_of_its_own():
    found = mentions("I due leader hanno firmato un piano d'azione per rafforzare la cooperazione.")
    assert ("piano d'azione", "Treaty") in {(t, ty) for t, ty, _ in found}
    am = parsed_mentions(unparsed("Hanno firmato un piano d'azione."))
    assert [m.kind for m in am.mentions if m.type == "Treaty"] == ["treaty"]
    assert not any(ty == "Treaty" for _, ty, _ in mentions("Il piano di pace è fallito."))


def test_a_seat_after_an_elided_locative_is_the_building():
    """"all'Eliseo" is the palace one goes to; "l'Eliseo ha risposto" is France."""
    at = mentions("Macron ha ricevuto all'Eliseo il premier indiano.", [("Eliseo", "ORG")])
    assert [(t, ty) for t, ty, _ in at if t == "Eliseo"] == [("Eliseo", "Place")]
    speaking = mentions("L'Eliseo ha risposto.", [("Eliseo", "ORG")])
    assert [(t, ty) for t, ty, _ in speaking if t == "Eliseo"] == [("Eliseo", "State")]


def test_an_ner_span_run_into_the_clause_is_cut_before_it():
    text = "Starmer ha ringraziato la Commissione per il lavoro svolto."
    rows = """
1 Starmer Starmer PROPN 3 nsubj
2 ha avere AUX 3 aux
3 ringraziato ringraziare VERB 0 root
4 la il DET 5 det
5 Commissione Commissione PROPN 3 obj
6 per per ADP 8 case
7 il il DET 8 det
8 lavoro lavoro NOUN 3 obl
9 svolto svolgere VERB 8 acl
10 . . PUNCT 3 punct
"""
    am = parsed_mentions((text, rows, [("Starmer", "PER"), ("Commissione per il lavoro svolto", "ORG")]))
    assert "Commissione" in {m.text for m in am.mentions}
    assert not any("lavoro" in m.text for m in am.mentions)
    kept = parsed_mentions(("L'Agenzia per la cybersicurezza nazionale ha parlato.", """
1 L' il DET 2 det
2 Agenzia Agenzia PROPN 7 nsubj
3 per per ADP 5 case
4 la il DET 5 det
5 cybersicurezza cybersicurezza NOUN 2 nmod
6 nazionale nazionale ADJ 5 amod
7 ha avere AUX 8 aux
8 parlato parlare VERB 0 root
9 . . PUNCT 8 punct
""".replace("7 nsubj", "8 nsubj"), [("Agenzia per la cybersicurezza nazionale", "ORG")]))
    assert "Agenzia per la cybersicurezza nazionale" in {m.text for m in kept.mentions}


def test_ner_running_a_body_into_the_name_after_its_role_gives_both():
    found = mentions("La presidente della Commissione europea Ursula von der Leyen ha parlato.",
                     [("Commissione europea Ursula", "ORG"), ("Leyen", "LOC")])
    got = {(t, ty) for t, ty, _ in found}
    assert ("Commissione europea", "Organization") in got and ("Ursula von der Leyen", "Person") in got


def test_a_capitalised_word_and_a_particle_before_a_person_are_the_persons():
    found = mentions("Il Qatar Tamim bin Hamad Al Thani ha parlato.", [("Hamad Al Thani", "PER")])
    got = {(t, ty) for t, ty, _ in found}
    assert ("Tamim bin Hamad Al Thani", "Person") in got and ("Qatar", "State") in got
    plain = mentions("Il presidente ha visto Hamad Al Thani.", [("Hamad Al Thani", "PER")])
    assert ("Hamad Al Thani", "Person") in {(t, ty) for t, ty, _ in plain}


def test_a_dateline_under_a_headline_is_the_place_not_its_state():
    """"WASHINGTON, 7 luglio 2025 –" opening the body under a title line says where the story
    was filed: the city, not the United States (which would then meet whoever is named)."""
    ner = [("WASHINGTON", "LOC"), ("Trump", "PER")]
    assert ("WASHINGTON", "Place", "Q61") in mentions("WASHINGTON, 7 luglio 2025 – Trump ha parlato .", ner)
    assert ("WASHINGTON", "Place", "Q61") in mentions(
        "Vertice alla Casa Bianca\nWASHINGTON, 7 luglio 2025 – Trump ha parlato .", ner)
    assert ("Washington", "State", "Q30") in mentions("Secondo Washington , 7 paesi hanno aderito .",
                                                    [("Washington", "LOC")])


def test_a_place_ner_took_with_its_head_noun_keeps_the_head_and_the_name():
    found = mentions("Kim ha parlato alla piazza dell'Arco di Trionfo a Pyongyang.",
                     [("Kim", "PER"), ("piazza dell'Arco di Trionfo", "LOC"), ("Pyongyang", "LOC")])
    assert ("piazza dell'Arco di Trionfo", "Place", None) in found
    found = mentions("Il ministero ha parlato.", [("ministero", "ORG")])
    assert found == []                                  # no capital: a description, as before


def test_a_not_entities_entry_with_a_hyphen_fires():
    # not_entities.txt is stored in the fold it is looked up in (kg.text.fold): "IRIS-T" is
    # "iris t" on both sides, so NER's ORG on the missile system is dropped
    assert "iris t" in load_lexicon().not_entities
    assert mentions("La Germania ha consegnato sistemi IRIS-T all'Ucraina.",
                    [("Germania", "LOC"), ("IRIS-T", "ORG"), ("Ucraina", "LOC")]) \
        == [("Germania", "State", "Q183"), ("Ucraina", "State", "Q212")]


def test_an_opening_article_is_no_part_of_a_name_the_gazetteer_knows_without_it():
    """NER's "L'Italia" (ORG) at a quote's start is the state Italy; "La Polonia" likewise."""
    found = mentions("Ha detto: L'Italia vuole giocare un ruolo.", [("L'Italia", "ORG")])
    assert ("Italia", "State", "Q38") in found
    assert not [t for t, _, _ in found if t.startswith("L'")]
    found = mentions("La Polonia acquisisce i carri.", [("La Polonia", "ORG")])
    assert ("Polonia", "State", "Q36") in found


def _tagged(words: list[tuple[str, str]]) -> str:
    return "\n".join(f"{i} {w} {w.lower()} {upos} 0 dep" for i, (w, upos) in enumerate(words, 1))


def test_a_name_opening_the_next_clause_is_not_the_role_before_the_comma():
    """"con il presidente del Consiglio, Lula ha auspicato": Lula is the next clause's subject;
    "il presidente del Consiglio, Giorgia Meloni, ha detto" keeps its apposition."""
    text = "Dopo l'incontro con il presidente del Consiglio, Lula ha auspicato un accordo."
    rows = _tagged([("Dopo", "ADP"), ("l'", "DET"), ("incontro", "NOUN"), ("con", "ADP"), ("il", "DET"),
                    ("presidente", "NOUN"), ("del", "ADP"), ("Consiglio", "PROPN"), (",", "PUNCT"),
                    ("Lula", "PROPN"), ("ha", "AUX"), ("auspicato", "VERB"), ("un", "DET"),
                    ("accordo", "NOUN"), (".", "PUNCT")])
    am = parsed_mentions((text, rows, [("Lula", "PER")]))
    assert [r.person for r in am.roles if r.text.startswith("presidente")] in ([], [None])
    text = "Il presidente del Consiglio, Giorgia Meloni, ha detto."
    rows = _tagged([("Il", "DET"), ("presidente", "NOUN"), ("del", "ADP"), ("Consiglio", "PROPN"), (",", "PUNCT"),
                    ("Giorgia", "PROPN"), ("Meloni", "PROPN"), (",", "PUNCT"), ("ha", "AUX"), ("detto", "VERB"),
                    (".", "PUNCT")])
    am = parsed_mentions((text, rows, [("Giorgia Meloni", "PER")]))
    people = [am.mentions[r.person].text for r in am.roles if r.person is not None]
    assert people == ["Giorgia Meloni"]


def test_words_run_together_and_a_lone_role_word_are_no_person():
    """Page tags glued with no space ("Donald TrumpGazaMostra") and a capitalised role word
    ("Leader") typed PER are dropped; "MacArthur" and "McCarthy" stay people."""
    found = mentions("Leggi anche Donald TrumpGazaMostra e Leader in fila.",
                     [("Donald TrumpGazaMostra", "PER"), ("Leader", "PER")])
    assert not [t for t, ty, _ in found if ty == "Person"]
    found = mentions("Douglas MacArthur e Kevin McCarthy parlano.", [("Douglas MacArthur", "PER"), ("Kevin McCarthy", "PER")])
    assert {t for t, ty, _ in found if ty == "Person"} == {"Douglas MacArthur", "Kevin McCarthy"}


def test_a_state_noun_and_a_demonym_name_the_state():
    """NER's "Stato francese" (ORG) is France, not an organisation of that name."""
    found = mentions("Lo Stato francese ha risposto.", [("Stato francese", "ORG")])
    assert ("Stato francese", "State", "Q142") in found


def test_capitals_before_a_dash_are_a_dateline_only_for_a_known_place_or_with_a_date():
    """"LONDRA –" (known) and "SIRTE, 12 mar" (a date) are datelines; a headline's "CONTENTO –"
    is no place."""
    found = mentions("LONDRA – Il governo ha parlato.")
    assert any(t == "LONDRA" and ty == "Place" for t, ty, _ in found)
    found = mentions("SIRTE, 12 mar – Il governo ha parlato.")
    assert any(t == "SIRTE" and ty == "Place" for t, ty, _ in found)
    found = mentions("CONTENTO – Il Napoli ha vinto.")
    assert not [t for t, _, _ in found if t == "CONTENTO"]
    found = mentions("MACERATA – La rassegna apre.", [("MACERATA", "ORG")])
    assert any(t == "MACERATA" and ty == "Place" for t, ty, _ in found)


def test_an_unknown_abbreviation_or_web_address_is_no_entity():
    found = mentions("Lo ha firmato il P.M di turno, fonte Trt.net.it oggi.", [("P.M", "ORG"), ("Trt.net.it", "ORG")])
    assert not found
    found = mentions("Gli Usa e la Ue hanno parlato.", [("Usa", "LOC"), ("Ue", "ORG")])
    assert {t for t, _, _ in found} == {"Usa", "Ue"}


def test_a_capital_after_an_article_in_a_match_report_is_a_club_not_the_city_or_its_state():
    assert ("Roma", "Organization", None) in mentions("Il Napoli ha battuto la Roma per 1-0 in campionato .",
                                                      [("Roma", "LOC")])
    assert ("Roma", "Organization", None) in mentions("I tifosi della Roma hanno festeggiato il gol in campionato .",
                                                      [("Roma", "LOC")])
    # a city whose own name has the article ("Il Cairo") is still the city
    assert ("Cairo", "Place", "Q85") in mentions("Il presidente è arrivato al Cairo .", [("Cairo", "LOC")])
    assert ("Roma", "State", "Q38") in mentions("Roma ha risposto .", [("Roma", "LOC")])


def madrid_after(noun: str) -> tuple:
    text = f"Il {noun} di Madrid ha approvato il piano."
    return (text, f"""
1 Il il DET 2 det
2 {noun} {noun} NOUN 6 nsubj
3 di di ADP 4 case
4 Madrid Madrid PROPN 2 nmod
5 ha avere AUX 6 aux
6 approvato approvare VERB 0 root
7 il il DET 8 det
8 piano piano NOUN 6 obj
9 . . PUNCT 6 punct
""", [("Madrid", "LOC")])


def test_a_meeting_named_after_a_capital_is_held_in_the_city_not_by_its_state():
    [m] = [m for m in parsed_mentions(madrid_after("vertice")).mentions if m.text == "Madrid"]
    assert (m.type, m.key) == ("Place", "Q2807")
    [m] = [m for m in parsed_mentions(madrid_after("governo")).mentions if m.text == "Madrid"]
    assert (m.type, m.key) == ("State", "Q29")


def test_capitals_listed_after_a_locative_preposition_are_places_too():
    found = mentions("Il ministro sarà a Londra , Bruxelles e Roma .", [("Londra", "LOC"), ("Bruxelles", "LOC"), ("Roma", "LOC")])
    assert {(t, k) for _, t, k in found if _ in ("Bruxelles", "Roma")} == {("Place", "Q239"), ("Place", "Q220")}
    found = mentions("Londra , Bruxelles e Roma hanno risposto .", [("Londra", "LOC"), ("Bruxelles", "LOC"), ("Roma", "LOC")])
    assert {(t, k) for _, t, k in found if _ == "Roma"} == {("State", "Q38")}


def test_a_capital_an_event_or_a_place_noun_governs_is_the_place_not_its_state():
    assert ("Roma", "Place", "Q220") in mentions("Meloni parla alla conferenza di Roma.", [("Meloni", "PER"), ("Roma", "LOC")])
    assert ("Tokyo", "Place", "Q1490") in mentions("Ha vinto alle Olimpiadi di Tokyo.", [("Tokyo", "LOC")])
    assert ("Roma", "Place", "Q220") in mentions("Il sindaco di Roma ha parlato.", [("Roma", "LOC")])
    assert mentions("Roma ha risposto alla conferenza.", [("Roma", "LOC")]) == [("Roma", "State", "Q38")]


def test_a_capital_in_apposition_to_capitale_is_the_place():
    text = "Il sindaco di Hanoi , capitale del Vietnam , ha parlato ."
    rows = """1 Il il DET 2 det
2 sindaco sindaco NOUN 11 nsubj
3 di di ADP 4 case
4 Hanoi Hanoi PROPN 2 nmod
5 , , PUNCT 6 punct
6 capitale capitale NOUN 4 appos
7 del di ADP 8 case
8 Vietnam Vietnam PROPN 6 nmod
9 , , PUNCT 6 punct
10 ha avere AUX 11 aux
11 parlato parlare VERB 0 root
12 . . PUNCT 11 punct"""
    found = [(m.text, m.type) for m in parsed_mentions((text, rows, [("Hanoi", "LOC"), ("Vietnam", "LOC")])).mentions]
    assert ("Hanoi", "Place") in found and ("Vietnam", "State") in found


def test_a_capital_the_parse_conjoins_to_capitale_s_state_or_a_dove_clause_follows_is_the_place():
    text = "Ha parlato nella capitale della Georgia , Tbilisi , ieri ."
    rows = """1 Ha avere AUX 2 aux
2 parlato parlare VERB 0 root
3 nella in ADP 4 case
4 capitale capitale NOUN 2 obl
5 della di ADP 6 case
6 Georgia Georgia PROPN 4 nmod
7 , , PUNCT 8 punct
8 Tbilisi Tbilisi PROPN 6 conj
9 , , PUNCT 8 punct
10 ieri ieri ADV 2 advmod
11 . . PUNCT 2 punct"""
    found = [(m.text, m.type) for m in parsed_mentions((text, rows, [("Georgia", "LOC"), ("Tbilisi", "LOC")])).mentions]
    assert ("Tbilisi", "Place") in found and ("Georgia", "State") in found
    text = "Le novità arrivano da Bruxelles dove si è svolto il vertice ."
    rows = """1 Le il DET 2 det
2 novità novità NOUN 3 nsubj
3 arrivano arrivare VERB 0 root
4 da da ADP 5 case
5 Bruxelles Bruxelles PROPN 3 obl
6 dove dove PRON 9 obl
7 si si PRON 9 expl
8 è essere AUX 9 aux
9 svolto svolgere VERB 5 acl:relcl
10 il il DET 11 det
11 vertice vertice NOUN 9 nsubj
12 . . PUNCT 3 punct"""
    found = [(m.text, m.type) for m in parsed_mentions((text, rows, [("Bruxelles", "LOC")])).mentions]
    assert ("Bruxelles", "Place") in found


def test_a_name_before_a_day_and_a_month_is_a_dateline_place_wherever_it_stands():
    assert ("Roma", "Place", "Q220") in mentions("(DIRE) Roma , 13 Mar. – Il presidente parla .", [("Roma", "LOC")])
    assert ("WASHINGTON", "Place", "Q61") in mentions("Il vertice . WASHINGTON - 28 febbraio : si parte .",
                                                      [("WASHINGTON", "LOC")])
    assert mentions("Ha detto che Roma , 13 anni fa , ha firmato .", [("Roma", "LOC")]) == [("Roma", "State", "Q38")]


TEAM = ("Ha vinto la Rossoblu-Cicli ieri.", """1 Ha avere AUX 2 aux
2 vinto vincere VERB 0 root
3 la il DET 4 det
4 Rossoblu Rossoblu PROPN 2 nsubj
5 - - PUNCT 6 punct
6 Cicli Cicli PROPN 4 conj
7 ieri ieri ADV 2 advmod
8 . . PUNCT 2 punct""")


def test_an_organisation_s_span_runs_over_the_hyphenated_half_ner_left_out_or_typed_otherwise():
    for ner in ([("Rossoblu", "ORG")], [("Rossoblu", "ORG"), ("Cicli", "PER")]):
        found = [(m.text, m.type) for m in parsed_mentions((*TEAM, ner)).mentions]
        assert found == [("Rossoblu-Cicli", "Organization")], ner


def _hand_tagged(text: str, words: str, tags: str, ner: list[tuple[str, str]] = (), tokens: dict[int, str] = {}):
    """A hand-tagged sentence; ``tokens`` puts multiword-token rows before the given word ids."""
    rows = [f"{i} {w} {w.lower()} {t} 0 dep" for i, (w, t) in enumerate(zip(words.split(), tags.split()), 1)]
    for at, row in sorted(tokens.items(), reverse=True):
        rows.insert(at - 1, row)
    return parsed_mentions((text, "\n".join(rows), list(ner)))


def test_a_treaty_named_by_its_topic_runs_over_the_name_of_the_topic():
    # "sulla" gives what the memorandum is about: the place name inside is part of its name
    am = _hand_tagged("Hanno firmato il memorandum d'intesa sulla Via della Seta.",
                 "Hanno firmato il memorandum d' intesa su la Via di la Seta .",
                 "AUX VERB DET NOUN ADP NOUN ADP DET PROPN ADP DET PROPN PUNCT",
                 [("Via della Seta", "LOC")], {7: "7-8 sulla", 10: "10-11 della"})
    found = {(m.text, m.type) for m in am.mentions}
    assert ("memorandum d'intesa sulla Via della Seta", "Treaty") in found
    assert not any(t == "Via della Seta" for t, _ in found)


def test_a_treaty_name_runs_over_a_preposition_the_tokenizer_left_apart_from_its_article():
    # "sui" came out as two tokens, "su" and "i"
    am = _hand_tagged("Hanno firmato un accordo sui controlli migratori.",
                 "Hanno firmato un accordo su i controlli migratori .",
                 "AUX VERB DET NOUN ADP DET NOUN ADJ PUNCT")
    assert ("accordo sui controlli migratori", "Treaty") in {(m.text, m.type) for m in am.mentions}


def test_any_name_after_a_capitalised_treaty_head_is_part_of_the_treaty_s_name():
    # "Quirinale" is Italy to the gazetteer, a state, but "Trattato" is a name's head here
    am = _hand_tagged("Il Trattato del Quirinale fu firmato nel 2021.",
                 "Il Trattato di il Quirinale fu firmato in il 2021 .",
                 "DET PROPN ADP DET PROPN AUX VERB ADP DET NUM PUNCT",
                 [("Quirinale", "LOC")], {3: "3-4 del", 8: "8-9 nel"})
    found = {(m.text, m.type) for m in am.mentions}
    assert found == {("Trattato del Quirinale", "Treaty")}
    # after a lower-case head, a state stays a party: "l'accordo di Mosca" is no name
    am = _hand_tagged("L'accordo dell'Italia fu firmato.",
                 "L' accordo di l' Italia fu firmato .",
                 "DET NOUN ADP DET PROPN AUX VERB PUNCT",
                 [("Italia", "LOC")], {3: "3-4 dell'"})
    assert {(m.text, m.type) for m in am.mentions} == {("accordo", "Treaty"), ("Italia", "State")}


def test_a_span_run_over_a_preposition_into_a_known_name_is_two_names():
    found = mentions("La voce dell'Asia centrale al G7 conta.", [("Asia centrale al G7", "LOC")])
    assert [(t, ty) for t, ty, _ in found] == [("Asia centrale", "Place"), ("G7", "Organization")]
    found = mentions("Il cancelliere Merz da Tusk ha parlato.", [("Merz da Tusk", "PER")])
    assert [(t, ty) for t, ty, _ in found] == [("Merz", "Person"), ("Tusk", "Person")]
    # no name the gazetteer knows after the preposition: one name
    found = mentions("Il concerto al Teatro alla Scala.", [("Teatro alla Scala", "LOC")])
    assert [t for t, _, _ in found] == ["Teatro alla Scala"]
    # a preposition that is also a name's particle cuts only between two known names
    found = mentions("Il portavoce Karim al Sarraj ha parlato.", [("Karim al Sarraj", "PER")])
    assert [t for t, _, _ in found] == ["Karim al Sarraj"]


def test_a_name_opening_or_ending_with_a_building_noun_is_a_place_whatever_ner_said():
    found = mentions("Ruto lo ha ricevuto alla State House e poi al Museo CaMuC.",
                     [("Ruto", "PER"), ("State House", "ORG"), ("Museo CaMuC", "ORG")])
    assert ("State House", "Place") in [(t, ty) for t, ty, _ in found]
    assert ("Museo CaMuC", "Place") in [(t, ty) for t, ty, _ in found]
    # a professional practice stays an organisation
    found = mentions("L'avvocato dello Studio Titus di Delhi.", [("Studio Titus", "ORG")])
    assert ("Studio Titus", "Organization") in [(t, ty) for t, ty, _ in found]


def test_a_relation_noun_ner_ran_into_two_hyphenated_parties_is_no_part_of_a_name():
    found = mentions("Il rafforzamento dell'Alleanza Usa-Giappone.", [("Alleanza Usa-Giappone", "ORG")])
    assert [(t, ty) for t, ty, _ in found] == [("Usa", "State"), ("Giappone", "State")]


def test_a_name_right_after_a_treaty_noun_is_a_party_and_stays_its_own_mention():
    am = _hand_tagged("Faremo l'accordo Mercosur-Ue entro l'anno.",
                 "Faremo l' accordo Mercosur - Ue entro l' anno .",
                 "VERB DET NOUN PROPN PUNCT PROPN ADP DET NOUN PUNCT",
                 [("Mercosur", "ORG")])
    found = {(m.text, m.type) for m in am.mentions}
    assert ("accordo", "Treaty") in found and ("Mercosur", "Organization") in found


def test_a_name_ner_began_at_a_role_word_is_the_role_s_holder_and_the_name_after_a_person():
    # NER read "Emiro del Qatar" as a place and the emir's name, with its particle, as another
    text = "Meloni ha incontrato l'Emiro del Qatar, Sheikh Tamim bin Hamad Al Thani."
    am = parsed_mentions(unparsed(text, [("Meloni", "PER"), ("Emiro del Qatar", "LOC"),
                                                ("Sheikh Tamim bin Hamad Al Thani", "LOC")]))
    found = {(m.text, m.type) for m in am.mentions}
    assert ("Qatar", "State") in found and not any(t.startswith("Emiro") for t, _ in found)
    assert ("Sheikh Tamim bin Hamad Al Thani", "Person") in found
    assert [(r.phrase, am.mentions[r.holder].text, am.mentions[r.person].text) for r in am.roles] == \
        [("emiro", "Qatar", "Sheikh Tamim bin Hamad Al Thani")]
    # a role word and no name after it: no entity at all
    am = parsed_mentions(unparsed("Lo ha detto il Consigliere federale ieri.", [("Consigliere federale", "ORG")]))
    assert am.mentions == []


def test_a_person_s_name_ner_began_at_a_capitalised_office_is_the_name_after_it():
    # "Segretario Generale Rossi": NER ran the office's last word into the name
    am = parsed_mentions(unparsed("Lo ha detto il Segretario Generale Marco Rossi.", [("Generale Marco Rossi", "PER")]))
    assert [(m.text, m.type) for m in am.mentions] == [("Marco Rossi", "Person")]
    # a title that is how the person is named stays
    am = parsed_mentions(unparsed("Lo ha detto Papa Giovanni ieri.", [("Papa Giovanni", "PER")]))
    assert [m.text for m in am.mentions] == ["Papa Giovanni"]
