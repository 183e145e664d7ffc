"""Entities on real news (#28): page furniture out, cut and glued spans mended, one node per
person however the name is spelt, acronyms joined to their expansion. Model-free: sentences
are hand-tokenised, NER spans given."""
from __future__ import annotations

from parsed import article

from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.linking import resolve
from kg.linking.names import acronym_of, initials, is_acronym, name_skeleton, variant_remap
from kg.mentions import find_mentions
from kg.mentions.filters import is_headline_capitals
from kg.mentions.furniture import byline_spans, credit_spans


def _rows(text: str) -> str:
    return _split_rows(text, separate=".,")


def found(*sentences: tuple[str, list[tuple[str, str]]], article_id: str = "test"):
    am = find_mentions(article(*[(t, _rows(t), list(ner)) for t, ner in sentences], article_id=article_id),
                       load_gazetteer(), load_lexicon())
    return am


def texts(*sentences) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in found(*sentences).mentions]


# ------------------------------------------------------------------ credits and capitals

def test_an_agency_credit_after_the_last_stop_is_no_entity():
    got = texts(("Il gasdotto collega il Paese all'Italia attraverso la Tunisia. (Belga)", [("Belga", "ORG")]))
    assert ("Belga", "Organization") not in got
    assert ("Tunisia", "State") in got


def test_an_acronym_in_parentheses_inside_the_sentence_stays():
    got = texts(("Lo dicono i risultati della Commissione elettorale nazionale (Inec).",
                 [("Commissione elettorale nazionale", "ORG"), ("Inec", "ORG")]))
    assert ("Inec", "Organization") in got


def test_credit_spans_cover_copyright_lines_and_captions_not_acronyms():
    text = "date 2022-12 © Agenzia Nova - Riproduzione riservata\n\nIlham Aliyev (Getty Images).\nLa Commissione (Inec) ha parlato."
    spans = [text[s:e] for s, e in credit_spans(text)]
    assert "© Agenzia Nova - Riproduzione riservata" in spans
    assert "(Getty Images)" in spans
    assert "(Inec)" not in spans


def test_photo_credits_of_captions_and_after_addresses_are_credits_headings_acronyms_are_not():
    text = ("Il presidente egiziano Abdel-Fattah al Sisi (Getty Images)\n"
            "Soldati a Fort Bragg, nella Carolina del Nord // Shutterstock\n"
            "Scrivete a esteri@agenzia.com (Web Info)\n"
            "(Il Sole 24 Ore Radiocor) - Milano, 1 ago - La Polonia ha avviato i lavori.\n"
            "Eletta la Commissione elettorale nazionale (Cen)\n"
            "La Commissione (Inec) ha parlato a Roma (Lazio) e a Lione (Francia)")
    spans = [text[s:e] for s, e in credit_spans(text, load_gazetteer())]
    assert spans == ["// Shutterstock", "(Getty Images)", "(Web Info)", "(Il Sole 24 Ore Radiocor)"]


def test_a_name_run_into_a_photo_credit_is_cut_and_the_site_s_links_are_no_entities():
    got = texts(("Lo ha detto il portavoce del governo nigeriano . 🔗 Leggi su Iltempo.it", [("Iltempo", "ORG")]),
                ("Lapresse.it | 7 dic 2025 | Meloni sente Zelensky", [("Lapresse", "ORG"), ("Meloni", "PER"),
                                                                   ("Zelensky", "PER")]),
                ("Iscriviti alla nostra newsletter - The Epoch Times", [("The Epoch Times", "ORG")]),
                ("Gli Usa hanno accesso ai minerali dell' Ucraina // Shutterstock",
                 [("Usa", "LOC"), ("Ucraina // Shutterstock", "LOC")]))
    assert ("Ucraina", "State") in got
    assert all(t not in ("Iltempo", "Lapresse", "The Epoch Times") and "Shutterstock" not in t for t, _ in got)
    assert ("Zelensky", "Person") in got


def test_byline_lines_are_credits_but_a_name_the_gazetteer_knows_alone_is_a_heading():
    text = ("Meloni incontra Macron\ndi Alberto Galvi\nAngela Bruni 03 gennaio 2026\nMatteo Rigamonti\n"
            "Emirati Arabi Uniti\nGiorgia Meloni ha incontrato Emmanuel Macron a Roma.")
    spans = [text[s:e] for s, e in byline_spans(text, load_gazetteer())]
    assert spans == ["Alberto Galvi", "Angela Bruni", "Matteo Rigamonti"]
    got = texts(("Il vertice si è chiuso a Roma.\ndi Alberto Galvi", [("Roma", "LOC"), ("Alberto Galvi", "PER")]))
    assert ("Roma", "Place") in got and all(t != "Alberto Galvi" for t, _ in got)


def test_a_headline_in_capitals_is_no_name_but_an_acronym_is():
    assert is_headline_capitals("GRANDE VITTORIA") and is_headline_capitals("VITTORIA")
    assert not is_headline_capitals("NATO") and not is_headline_capitals("Grande Vittoria")
    got = texts(("GRANDE VITTORIA per la NATO a Bruxelles.", [("GRANDE VITTORIA", "ORG"), ("NATO", "ORG")]))
    assert all(t != "GRANDE VITTORIA" for t, _ in got)
    assert ("NATO", "Organization") in got


def test_a_dateline_in_capitals_is_a_place():
    got = texts(("Il cartellone 2024.\n\nMACERATA – La rassegna apre a luglio.", [("MACERATA", "ORG")]))
    assert ("MACERATA", "Place") in got
    assert ("MACERATA", "Organization") not in got


def test_a_site_name_in_one_word_is_an_organisation():
    assert ("IlMessaggero", "Organization") in texts(("Lo riporta IlMessaggero oggi.", [("IlMessaggero", "PER")]))


def test_a_demonym_after_a_singular_article_is_a_person_not_the_state():
    assert not any(ty == "State" for _, ty in texts(("Un italiano di 45 anni è morto.", [])))
    assert ("nordcoreani", "State") in texts(("I soldati nordcoreani combattono.", []))


# ------------------------------------------------------------------ cut and glued spans

def test_a_span_cut_inside_a_word_runs_to_its_end():
    got = texts(("Lo ha detto il presidente Yoon Suk-yeol\n\nUna nuova era comincia.", [("Yoon Suk-yeo", "PER")]))
    assert ("Yoon Suk-yeol", "Person") in got


def test_a_span_cut_before_a_hyphenated_given_name_takes_it():
    assert ("Ri Chang-ho", "Person") in texts(("Lo ha detto Ri Chang-ho ieri.", [("Ri Chang", "PER")]))


def test_two_one_word_spans_parted_by_a_hyphen_are_one_name_a_route_is_two():
    got = texts(("La regione del Nagorno-Karabakh è contesa.", [("Nagorno", "LOC"), ("Karabakh", "LOC")]))
    assert any(t.endswith("Nagorno-Karabakh") for t, _ in got)
    got = texts(("La tappa Castiglione-Desenzano del Garda è corta.",
                 [("Castiglione", "LOC"), ("Desenzano del Garda", "LOC")]))
    assert ("Castiglione", "Place") in got and ("Desenzano del Garda", "Place") in got


def test_a_capitalised_article_is_no_part_of_a_longer_name():
    got = texts(("La Corte Internazionale di Giustizia ha deciso.", [("La Corte Internazionale di Giustizia", "ORG")]))
    assert ("Corte Internazionale di Giustizia", "Organization") in got


def test_a_state_run_into_a_role_title_is_the_state_alone():
    got = texts(("Il segretario di Stato Usa ha parlato.", [("Stato Usa", "ORG")]))
    assert ("Usa", "State") in got
    assert all(t != "Stato Usa" for t, _ in got)


# ------------------------------------------------------------------ one node per entity

def test_romanisations_of_one_name_share_a_skeleton_other_names_do_not():
    same = ["Sergei Shoigu", "Serghei Shoigu", "Sergey Shoigu", "Sergej Schoigu"]
    assert len({name_skeleton(n) for n in same}) == 1
    assert name_skeleton("Volodymyr Zelensky") == name_skeleton("Volodimir Zelenskyy")
    assert name_skeleton("Andrei Belousov") == name_skeleton("Andrey Belousov")
    assert len({name_skeleton(n) for n in ("Kim Jong Gyu", "Kim Jonggyu", "Kim Jong-gyu")}) == 1
    assert name_skeleton("Mikhail Mishustin") == name_skeleton("Mihail Mishustin")
    assert name_skeleton("Kim Jong Un") != name_skeleton("Kim Jong Il")
    assert name_skeleton("Mario Rossi") != name_skeleton("Maria Rossi")


def test_variant_spellings_merge_into_the_most_named_key_gazetteer_people_never_merge():
    gaz = load_gazetteer()
    remap = variant_remap({"x-serghei-shoigu": {"Serghei Shoigu": 1}, "x-sergei-shoigu": {"Sergei Shoigu": 3},
                           "x-mario-rossi": {"Mario Rossi": 1}}, gaz)
    assert remap == {"x-serghei-shoigu": "x-sergei-shoigu"}
    # two people the gazetteer tells apart stay apart even if a third spelling bridges them
    assert variant_remap({"Q7747": {"Vladimir Putin": 1}, "Q56226": {"Kim Jong Un": 1}}, gaz) == {}


def test_a_lone_surname_joins_the_one_full_name_of_the_build_else_nothing():
    gaz = load_gazetteer()
    people = {"x-nicolas-sarkozy": {"Nicolas Sarkozy": 2}, "x-sarkozy": {"Sarkozy": 1}}
    assert variant_remap(people, gaz) == {"x-sarkozy": "x-nicolas-sarkozy"}
    people = {"x-anna-bianchi": {"Anna Bianchi": 1}, "x-luca-bianchi": {"Luca Bianchi": 1}, "x-bianchi": {"Bianchi": 1}}
    assert variant_remap(people, gaz) == {}


def test_an_acronym_joins_the_one_expansion_that_spells_it():
    assert initials("National Intelligence Service") == "nis"
    assert initials("Partito democratico") == "pd"
    assert is_acronym("NIS") and is_acronym("Rn") and not is_acronym("Roma") and not is_acronym("NIS 2")
    names = [("National Intelligence Service", "k1"), ("Rassemblement national", "k2"), ("Banca centrale", "k3")]
    assert acronym_of("NIS", names) == "k1"
    assert acronym_of("Rn", names) == "k2"
    assert acronym_of("Bc", names + [("Borsa commerciale", "k4")]) is None   # two expansions: none


def test_two_articles_spelling_one_person_differently_give_one_entity():
    gaz = load_gazetteer()
    a = found(("Il ministro Serghei Kuzmin ha parlato.", [("Serghei Kuzmin", "PER")]), article_id="a")
    b = found(("Il ministro Sergei Kuzmin ha risposto.", [("Sergei Kuzmin", "PER")]), article_id="b")
    res = resolve([a, b], gaz)
    people = [e for e in res.entities.values() if e.type == "Person"]
    assert len(people) == 1 and set(people[0].articles) == {"a", "b"}
    assert {people[0].label, *people[0].alt_labels} >= {"Serghei Kuzmin", "Sergei Kuzmin"}


def test_an_acronym_after_its_expansion_in_an_article_is_one_entity():
    am = found(("Il National Intelligence Service (NIS) ha riferito.",
                [("National Intelligence Service", "ORG"), ("NIS", "ORG")]))
    res = resolve([am], load_gazetteer())
    orgs = [e for e in res.entities.values() if e.type == "Organization"]
    assert len(orgs) == 1 and "NIS" in orgs[0].alt_labels


def test_a_family_name_typed_a_place_joins_the_article_person():
    am = found(("Yoon Suk-yeol ha parlato.", [("Yoon Suk-yeol", "PER")]),
               ("Poi Yoon è partito.", [("Yoon", "LOC")]))
    res = resolve([am], load_gazetteer())
    assert [e.type for e in res.entities.values()] == ["Person"]


def test_linked_entities_carry_an_english_label():
    am = found(("La Russia ha risposto.", [("Russia", "LOC")]))
    res = resolve([am], load_gazetteer())
    assert res.entities["Q159"].label == "Russia" and res.entities["Q159"].label_en == "Russia"


def test_a_state_formal_name_is_the_state():
    got = found(("La Repubblica popolare della Corea del Nord ha risposto.",
                 [("Repubblica popolare della Corea del Nord", "ORG")])).mentions
    assert [(m.text, m.type, m.key) for m in got] == [("Repubblica popolare della Corea del Nord", "State", "Q423")]
    # a title before a name that is no state stays what NER said
    got = texts(("La Repubblica Popolare di Doneck ha votato.", [("Repubblica Popolare di Doneck", "ORG")]))
    assert ("Repubblica Popolare di Doneck", "Organization") in got


def test_a_dateline_after_a_date_stamp_is_the_place_not_the_state():
    got = found((" date 2024-06 PYONGYANG - Una parata ha accolto gli ospiti.", [])).mentions
    assert [(m.text, m.type, m.kind) for m in got] == [("PYONGYANG", "Place", "name")]


# ------------------------------------------------------------------ not entities of the story

def test_a_credit_after_a_continuation_mark_is_no_entity():
    got = texts(("Le misure sono state adottate dal governo. (segue) (Beb)", [("Beb", "ORG")]))
    assert ("Beb", "Organization") not in got
    assert credit_spans("Fine del testo. (segue) (Mec)")


def test_a_dateline_month_and_a_number_are_no_entities():
    got = texts(("LAGOS, 01 MAR - Il personale del 118 è arrivato.", [("MAR", "ORG"), ("118", "ORG")]))
    assert ("MAR", "Organization") not in got and ("118", "Organization") not in got


def test_a_model_after_a_product_or_weapon_noun_is_no_entity():
    got = texts(("Taipei riceverà missili aria-aria Sidewinder e carri armati Leopard 1 dalla Germania.",
                 [("Sidewinder", "ORG"), ("Leopard 1", "ORG"), ("Germania", "LOC")]),
                ("La nuova classe di sottomarini Ssn sarà pronta.", [("Ssn", "ORG")]))
    names = [t for t, _ in got]
    assert "Sidewinder" not in names and "Leopard 1" not in names and "Ssn" not in names
    assert ("Germania", "State") in got


def test_a_name_inside_a_thing_named_after_it_is_no_mention_of_it():
    got = texts(("Meloni ha parlato del Piano Mattei e del Giro d'Italia.", [("Meloni", "PER"), ("Mattei", "PER")]))
    names = [t for t, _ in got]
    assert "Mattei" not in names and "Italia" not in names
    assert ("Italia", "State") in texts(("Il presidente dell'Italia ha parlato.", []))


def test_a_demonym_describing_a_private_person_or_group_is_not_the_state():
    got = texts(("Il ciclista sloveno ha vinto e gli artisti italiani hanno cantato.", []))
    assert all(ty != "State" for _, ty in got)
    assert ("russo", "State") in texts(("Il presidente russo ha parlato.", []))


# ------------------------------------------------------------------ spans

def test_a_street_or_room_keeps_its_head_noun_whatever_ner_said():
    got = texts(("L'incidente è avvenuto in via Aldo Moro.", [("Aldo Moro", "PER")]),
                ("Putin lo ha accolto nella sala di San Giorgio.", [("Putin", "PER"), ("San Giorgio", "LOC")]))
    assert ("via Aldo Moro", "Place") in got
    assert ("sala di San Giorgio", "Place") in got
    assert ("Aldo Moro", "Person") not in got


def test_a_place_named_with_an_area_noun_is_the_place_named_without_it():
    am = found(("Baku ha riconquistato la regione del Nagorno-Karabakh.", [("Nagorno-Karabakh", "LOC")]),
               ("La cooperazione nella regione dell'Indo-Pacifico cresce.", [("Indo-Pacifico", "LOC")]),
               ("L'Indo-Pacifico è al centro.", [("Indo-Pacifico", "LOC")]))
    res = resolve([am], load_gazetteer())
    places = {e.label: e for e in res.entities.values() if e.type == "Place"}
    assert "Nagorno-Karabakh" in places["regione del Nagorno-Karabakh"].alt_labels
    indo = [e for e in places.values() if "Indo-Pacifico" in (e.label, *e.alt_labels)]
    assert len(indo) == 1 and indo[0].label == "regione dell'Indo-Pacifico"


def test_a_head_di_and_a_place_name_one_treaty_not_the_place():
    got = texts(("I confini seguiranno la Dichiarazione di Alma-Ata e l'accordo di Belaveza.",
                 [("Alma-Ata", "LOC"), ("Belaveza", "LOC")]))
    assert ("Dichiarazione di Alma-Ata", "Treaty") in got and ("accordo di Belaveza", "Treaty") in got
    assert ("Belaveza", "Place") not in got


# ------------------------------------------------------------------ one node per entity

def test_an_acronym_in_brackets_after_a_body_is_that_body_whatever_its_letters():
    am = found(("I risultati della Commissione elettorale nazionale (Inec) sono ufficiali.",
                [("Commissione elettorale nazionale", "ORG"), ("Inec", "ORG")]),
               ("Il presidente dell'Inec ha parlato.", [("Inec", "ORG")]))
    res = resolve([am], load_gazetteer())
    orgs = [e for e in res.entities.values() if e.type == "Organization"]
    assert len(orgs) == 1 and "Inec" in orgs[0].alt_labels


def test_a_full_name_in_another_order_within_a_longer_one_is_that_person_unless_two_hold_it():
    gaz = load_gazetteer()
    people = {"x-bola-tinubu": {"Bola Tinubu": 2}, "x-tinubu-bola-ahmed": {"Tinubu Bola Ahmed": 1}}
    assert variant_remap(people, gaz) == {"x-bola-tinubu": "x-tinubu-bola-ahmed"}
    people = {"x-kim-jong": {"Kim Jong": 1}, "x-kim-jong-nam": {"Kim Jong Nam": 1},
              "x-kim-jong-chol": {"Kim Jong Chol": 1}}
    assert "x-kim-jong" not in variant_remap(people, gaz)


def test_a_short_state_or_body_name_run_into_a_person_after_a_role_is_split():
    got = texts(("Il segretario Nato Stoltenberg era informato.", [("Nato Stoltenberg", "PER")]),
                ("C'erano il presidente Usa Biden e la premier.", [("Usa Biden", "PER")]))
    assert ("Stoltenberg", "Person") in got and ("Biden", "Person") in got
    assert ("Nato Stoltenberg", "Person") not in got and ("Usa Biden", "Person") not in got


def test_a_given_name_before_a_name_particle_is_no_part_of_the_body_before_it():
    got = texts(("La presidente della Commissione Ue Ursula von der Leyen ha parlato.",
                 [("Commissione Ue Ursula", "ORG")]))
    assert ("Commissione Ue", "Organization") in got
    assert all("Ursula" not in t for t, ty in got if ty == "Organization")


def test_a_ministers_department_is_part_of_the_office_a_body_after_it_stays():
    got = texts(("Il ministro degli Affari esteri e della Cooperazione internazionale ha parlato.",
                 [("Affari esteri e della Cooperazione internazionale", "ORG")]),
                ("I ministri degli Esteri Ue hanno deciso.", [("Esteri Ue", "ORG")]))
    assert all(ty != "Organization" or t == "Ue" for t, ty in got)
    assert ("Ue", "Organization") in got


def test_bodies_and_states_joined_by_a_hyphen_are_each_a_route_is_two_places():
    got = texts(("Il vertice Ue-Egitto e il vertice Regno Unito-Francia.", [("Ue-Egitto", "ORG"),
                                                                          ("Regno Unito-Francia", "LOC")]),
                ("La tappa Manerba del Garda-Livigno è lunga.", [("Manerba del Garda-Livigno", "LOC")]))
    names = {t for t, _ in got}
    assert {"Ue", "Egitto", "Regno Unito", "Francia", "Manerba del Garda", "Livigno"} <= names
    assert ("Nagorno-Karabakh", "Place") in texts(("Nel Nagorno-Karabakh.", [("Nagorno-Karabakh", "LOC")]))


def test_a_name_with_a_word_for_an_event_names_an_event_no_entity():
    got = texts(("Meloni ha annunciato la prossima Ukraine Recovery Conference a Roma.",
                 [("Meloni", "PER"), ("Ukraine Recovery Conference", "PER"), ("Roma", "LOC")]))
    assert all("Conference" not in t for t, _ in got)


def test_a_body_with_its_states_demonym_is_the_body_the_gazetteer_knows():
    am = found(("Xi ha incontrato il presidente della Duma russa.", [("Xi", "PER"), ("Duma russa", "ORG")]))
    duma = [m for m in am.mentions if m.text == "Duma russa"]
    assert duma and duma[0].key is not None and duma[0].type == "Organization"


def test_a_compass_word_is_no_part_of_the_name_after_it():
    got = texts(("Eni cerca petrolio nel Sud Sahara.", [("Sud Sahara", "LOC")]))
    assert ("Sahara", "Place") in got and ("Sud Sahara", "Place") not in got
    assert ("Sud Sudan", "State") in texts(("Nel Sud Sudan.", [("Sud Sudan", "LOC")]))


def test_a_word_opening_a_sentence_that_the_tagger_reads_as_a_verb_is_no_name():
    text = "Nato il 23 novembre 1962 a Caracas."
    rows = "1 Nato nascere VERB 0 root\n2 il il DET 3 det\n3 23 23 NUM 0 obl\n4 novembre novembre NOUN 3 nmod\n" \
           "5 1962 1962 NUM 3 nmod\n6 a a ADP 7 case\n7 Caracas Caracas PROPN 1 obl\n8 . . PUNCT 1 punct"
    am = find_mentions(article((text, rows, [("Caracas", "LOC")])), load_gazetteer(), load_lexicon())
    assert [m.text for m in am.mentions] == ["Caracas"]


# ------------------------------------------------------------------ types from the context

def _split_rows(text: str, upos: dict[str, str] = {}, separate: str = "()“”.,") -> str:
    """Rows with the ``separate`` characters (parentheses, quotes, stops, commas) and elided
    articles as words of their own."""
    words = []
    spaced = text
    for ch in separate:
        spaced = spaced.replace(ch, f" {ch} ")
    for piece in spaced.split():
        if "'" in piece[:-1]:
            head, _, tail = piece.partition("'")
            words += [head + "'", tail]
        else:
            words.append(piece)
    return "\n".join(f"{i} {w} {w.lower()} {upos.get(w, 'X')} 0 dep" for i, w in enumerate(words, 1))


def context_texts(*sentences: tuple[str, list[tuple[str, str]]], upos: dict[str, str] = {}) -> list[tuple[str, str]]:
    am = find_mentions(article(*[(t, _split_rows(t, upos), list(ner)) for t, ner in sentences]),
                       load_gazetteer(), load_lexicon())
    return [(m.text, m.type) for m in am.mentions]


def test_a_city_or_region_with_an_article_in_a_sports_article_is_the_club():
    got = context_texts(("Nel match pomeridiano la Juventus ha steso la Lazio per 3-1.",
                         [("Juventus", "ORG"), ("Lazio", "LOC")]),
                        ("In serata il Napoli ha battuto il Genoa in casa.", [("Napoli", "LOC"), ("Genoa", "ORG")]))
    assert ("Lazio", "Organization") in got and ("Napoli", "Organization") in got
    # no sports article: the region, the city
    got = context_texts(("Il presidente visita il Lazio e poi Napoli.", [("Lazio", "LOC"), ("Napoli", "LOC")]))
    assert ("Lazio", "Place") in got and ("Napoli", "Place") in got
    # a sports article, but no article before the city, or a route: places
    got = context_texts(("Il derby finisce 1-0 a Napoli, e la squadra parte per la Castiglione-Desenzano.",
                         [("Napoli", "LOC"), ("Castiglione", "LOC"), ("Desenzano", "LOC")]))
    assert ("Napoli", "Place") in got and ("Castiglione", "Organization") not in got


def test_the_names_in_a_result_list_after_a_person_are_teams():
    got = context_texts(("Vince Geraint Thomas (Regno Unito, Ineos Grenadiers, 76:32:37), poi Filippo Zana "
                         "(Italia, Team Jayco Alula, 76:46:12).",
                         [("Geraint Thomas", "PER"), ("Regno Unito", "LOC"), ("Ineos Grenadiers", "PER"),
                          ("Filippo Zana", "PER"), ("Team", "ORG"), ("Jayco Alula", "PER")]))
    assert ("Ineos Grenadiers", "Organization") in got and ("Team Jayco Alula", "Organization") in got
    assert ("Jayco Alula", "Person") not in got and ("Geraint Thomas", "Person") in got
    got = context_texts(("Ha giocato in casa Jonathan Milan (Italia, Lidl-Trek).",
                         [("Jonathan Milan", "ORG"), ("Lidl-Trek", "ORG")]))
    assert ("Jonathan Milan", "Person") in got and ("Lidl-Trek", "Organization") in got
    # an acronym or a single name in parentheses is no result list
    got = context_texts(("Lo dice Mario Rossi (Pd).", [("Mario Rossi", "PER"), ("Pd", "ORG")]))
    assert ("Mario Rossi", "Person") in got


def test_a_name_before_di_and_a_person_is_a_work_in_context():
    got = context_texts(("Il cartellone: Turandot e La Bohème di Giacomo Puccini.",
                         [("La Bohème", "PER"), ("Giacomo Puccini", "PER")]))
    assert ("Giacomo Puccini", "Person") in got and all(t != "La Bohème" for t, _ in got)
    got = context_texts(("Delusione per il film Lincoln di Steven Spielberg.",
                         [("Lincoln", "PER"), ("Steven Spielberg", "PER")]))
    assert [t for t, _ in got] == ["Steven Spielberg"]
    # a party and its leader, a person and a place: entities
    got = context_texts(("Il libro parla della Lega di Matteo Salvini.", [("Lega", "ORG"), ("Matteo Salvini", "PER")]))
    assert ("Lega", "Organization") in got


def test_a_capitalised_word_opening_a_quoted_title_is_no_name():
    got = context_texts(("Pogacar ha vinto la “Maglia rosa” del Giro.", [("Pogacar", "PER"), ("Maglia", "PER")]),
                        upos={"rosa": "ADJ", "vattene": "VERB"})
    assert ("Maglia", "Person") not in got and ("Pogacar", "Person") in got
    got = context_texts(("I manifestanti gridano “Putin vattene”.", [("Putin", "PER")]), upos={"vattene": "VERB"})
    assert ("Putin", "Person") in got


def test_a_name_never_runs_over_a_line_break():
    got = texts(("Le sanzioni sono state imposte dalla Polizia\n21 agosto 2025 , Roma .",
                 [("Polizia\n21", "ORG"), ("Roma", "LOC")]))
    assert ("Polizia", "Organization") in got
    assert all("\n" not in t for t, _ in got)


def test_a_body_the_press_names_in_lower_case_is_found_so_and_a_lower_case_credit_is_no_entity():
    got = texts(("Sul posto sono intervenuti i carabinieri e i vigili del fuoco .", []),
                ("(askanews) – La presidente ha parlato in Russia .", [("askanews", "ORG"), ("Russia", "LOC")]))
    assert ("carabinieri", "Organization") in got and ("vigili del fuoco", "Organization") in got
    assert ("askanews", "Organization") not in got and ("Russia", "State") in got
    # a lower-case word the data writes capitalised is no name: "russia", "nato"
    assert texts(("la russia e la nato .", [])) == []


def test_the_carabinieri_are_one_node_however_the_article_names_them_and_wherever_it_is_set():
    """"i carabinieri" and "l'Arma" in an article that never names Italy: one body, one node."""
    am = found(("I militari dell' Arma sono intervenuti .", [("Arma", "ORG")]),
               ("I carabinieri hanno arrestato il giovane .", []))
    res = resolve([am], load_gazetteer())
    keys = {res.key_of(am.annotated.article.id, i) for i, m in enumerate(am.mentions) if m.type == "Organization"}
    assert keys == {"x-carabinieri"}
