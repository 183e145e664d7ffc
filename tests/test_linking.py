"""Entity resolution after extraction: treaties one event shows to be the same."""
from kg.linking import Resolution, merge_entities, treaties_by_signing
from kg.records import Entity, Evidence, Fact

EV = Evidence("a", 0, 0, 10, "x")


def fact(s, p, o, date=None, status="asserted"):
    return Fact(s, p, o, EV, 0.8, date=date, status=status)


def test_treaties_signed_by_the_same_party_in_the_same_year_merge():
    res = Resolution()
    res.surfaces["x-treaty-a"]["patto di mutua difesa"] = 3
    res.surfaces["x-treaty-b"]["trattato di partenariato"] = 1
    facts = [fact("Q7747", "leaderOf", "Q159"),
             fact("Q7747", "signed", "x-treaty-b", "2024-06"),
             fact("Q159", "signed", "x-treaty-a", "2024"),
             fact("Q159", "signed", "x-treaty-c", "1961")]
    assert treaties_by_signing(facts, res) == {"x-treaty-b": "x-treaty-a"}


def test_one_party_in_common_is_no_evidence_of_one_treaty():
    # a state signs many agreements in a year: Italy's with Libya and its with Algeria, in two
    # articles, are two
    res = Resolution()
    other = Evidence("b", 0, 0, 10, "x")
    facts = [fact("Q38", "signed", "x-treaty-a", "2023"), fact("Q1016", "signed", "x-treaty-a", "2023"),
             Fact("Q38", "signed", "x-treaty-b", other, 0.8, date="2023"),
             Fact("Q262", "signed", "x-treaty-b", other, 0.8, date="2023")]
    assert treaties_by_signing(facts, res) == {}


def test_other_years_or_parties_or_unasserted_signings_do_not_merge():
    res = Resolution()
    facts = [fact("Q159", "signed", "x-treaty-a", "2024"), fact("Q159", "signed", "x-treaty-b", "2023"),
             fact("Q148", "signed", "x-treaty-c", "2024"),
             fact("Q159", "signed", "x-treaty-d", "2024", status="planned")]
    assert treaties_by_signing(facts, res) == {}


def test_an_undated_signing_by_two_parties_is_the_treaty_they_signed_with_a_date_in_the_article():
    res = Resolution()
    res.surfaces["x-treaty-a"]["trattato di partnership strategica"] = 1
    res.surfaces["x-treaty-b"]["nuovo trattato di cooperazione strategica"] = 2
    other = Evidence("b", 0, 0, 10, "x")
    facts = [fact("Q159", "signed", "x-treaty-a", "2024-06"), fact("Q423", "signed", "x-treaty-a", "2024-06"),
             fact("Q159", "signed", "x-treaty-b"), fact("Q423", "signed", "x-treaty-b"),
             # one party in common, another article: no evidence they are the same
             fact("Q159", "signed", "x-treaty-c"), fact("Q148", "signed", "x-treaty-c"),
             Fact("Q159", "signed", "x-treaty-d", other, 0.8), Fact("Q423", "signed", "x-treaty-d", other, 0.8)]
    assert treaties_by_signing(facts, res) == {"x-treaty-a": "x-treaty-b"}


def test_an_undated_signing_with_two_dated_candidates_merges_with_neither():
    res = Resolution()
    facts = [fact("Q159", "signed", "x-treaty-a", "2000"), fact("Q423", "signed", "x-treaty-a", "2000"),
             fact("Q159", "signed", "x-treaty-b", "2024"), fact("Q423", "signed", "x-treaty-b", "2024"),
             fact("Q159", "signed", "x-treaty-c"), fact("Q423", "signed", "x-treaty-c")]
    assert treaties_by_signing(facts, res) == {}


def test_merged_entity_keeps_the_other_names():
    res = Resolution()
    res.entities["a"] = Entity("a", "Treaty", "patto di mutua difesa", ["trattato"], None, ["x"])
    res.entities["b"] = Entity("b", "Treaty", "trattato di partenariato", [], None, ["y"])
    res.mention_keys[("y", 1)] = "b"
    merge_entities(res, {"b": "a"})
    assert list(res.entities) == ["a"]
    assert res.entities["a"].alt_labels == ["trattato", "trattato di partenariato"]
    assert res.entities["a"].articles == ["x", "y"] and res.mention_keys[("y", 1)] == "a"


def test_signings_in_the_same_month_and_place_merge_their_treaties():
    from kg.records import Event

    res = Resolution()
    signing = lambda treaty, date: Event("Signing", {"agent": [], "treaty": [treaty]}, EV, date, "Q18808")
    events = [signing("x-treaty-a", "2024-06-19"), signing("x-treaty-b", "2024-06"), signing("x-treaty-c", "2024")]
    assert treaties_by_signing([], res, events) == {"x-treaty-b": "x-treaty-a"}


def role_persons(*sentences) -> dict:
    """Role description text -> the person linking resolved it to, for hand-parsed sentences."""
    from parsed import article

    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.linking import resolve
    from kg.mentions import find_mentions

    am = find_mentions(article(*sentences), load_gazetteer(), load_lexicon())
    res = resolve([am], load_gazetteer())
    return {am.roles[i].text: res.role_persons.get(("test", i)) for i in range(len(am.roles))}


def test_one_office_under_two_names_in_an_article_is_one_person():
    """"il re di Giordania Abdallah II" ... "il sovrano giordano": both head_of_state of Jordan."""
    rows1 = """
1 Il il DET 2 det
2 re re NOUN 6 nsubj
3 di di ADP 4 case
4 Giordania Giordania PROPN 2 nmod
5 Abdallah Abdallah PROPN 2 appos
6 arriva arrivare VERB 0 root
7 . . PUNCT 6 punct
"""
    rows2 = """
1 Il il DET 2 det
2 sovrano sovrano NOUN 4 nsubj
3 giordano giordano ADJ 2 amod
4 parla parlare VERB 0 root
5 . . PUNCT 4 punct
"""
    persons = role_persons(("Il re di Giordania Abdallah arriva.", rows1, [("Giordania", "LOC"), ("Abdallah", "PER")]),
                               ("Il sovrano giordano parla.", rows2, []))
    assert persons["sovrano giordano"] is not None
    assert persons["sovrano giordano"] == persons["re di Giordania"]


def test_a_bare_role_is_the_person_last_described_in_that_office():
    """"Il re di Spagna Felipe VI è arrivato. Il sovrano è stato accolto ..."."""
    rows1 = """
1 Il il DET 2 det
2 re re NOUN 7 nsubj
3 di di ADP 4 case
4 Spagna Spagna PROPN 2 nmod
5 Felipe Felipe PROPN 2 appos
6 VI VI ADJ 5 amod
7 arriva arrivare VERB 0 root
8 . . PUNCT 7 punct
"""
    rows2 = """
1 Il il DET 2 det
2 sovrano sovrano NOUN 3 nsubj
3 parla parlare VERB 0 root
4 . . PUNCT 3 punct
"""
    persons = role_persons(("Il re di Spagna Felipe VI arriva.", rows1, [("Spagna", "LOC"), ("Felipe VI", "PER")]),
                               ("Il sovrano parla.", rows2, []))
    assert persons["sovrano"] is not None and persons["sovrano"] == persons["re di Spagna"]


def test_the_prince_is_the_crown_prince_the_article_named():
    rows1 = """
1 Il il DET 2 det
2 principe principe NOUN 6 nsubj
3 ereditario ereditario ADJ 2 amod
4 saudita saudita ADJ 2 amod
5 Salman Salman PROPN 2 appos
6 arriva arrivare VERB 0 root
7 . . PUNCT 6 punct
"""
    rows2 = """
1 Zelensky Zelensky PROPN 2 nsubj
2 ringrazia ringraziare VERB 0 root
3 il il DET 4 det
4 principe principe NOUN 2 obj
5 . . PUNCT 2 punct
"""
    persons = role_persons(("Il principe ereditario saudita Salman arriva.", rows1, [("Salman", "PER")]),
                               ("Zelensky ringrazia il principe.", rows2, [("Zelensky", "PER")]))
    assert persons["principe"] is not None and persons["principe"] == persons["principe ereditario saudita"]


def test_a_surname_before_a_generational_suffix_is_the_person_named_in_full():
    """"il presidente filippino Ferdinand Marcos Jr." ... "Marcos": one person."""
    full = ("Ferdinand Marcos Jr. è arrivato.", """
1 Ferdinand Ferdinand PROPN 4 nsubj
2 Marcos Marcos PROPN 1 flat:name
3 Jr. Jr. PROPN 1 flat:name
4 è essere AUX 5 aux
5 arrivato arrivare VERB 0 root
6 . . PUNCT 5 punct
""".replace("1 Ferdinand Ferdinand PROPN 4 nsubj", "1 Ferdinand Ferdinand PROPN 5 nsubj"),
            [("Ferdinand Marcos Jr.", "PER")])
    lone = ("Marcos ha parlato.", """
1 Marcos Marcos PROPN 3 nsubj
2 ha avere AUX 3 aux
3 parlato parlare VERB 0 root
4 . . PUNCT 3 punct
""", [("Marcos", "PER")])
    keys = _mention_keys(full, lone)
    [full_name] = [t for t in keys if t.startswith("Ferdinand")]  # the sentence's full stop is not the name's
    assert keys["Marcos"] == keys[full_name]


def _mention_keys(*sentences, types=("Person",)):
    """Mention text -> linked key, for the hand-parsed (text, rows, ner) sentences of one article."""
    from parsed import article

    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.linking import resolve
    from kg.mentions import find_mentions

    gaz = load_gazetteer()
    am = find_mentions(article(*sentences), gaz, load_lexicon())
    res = resolve([am], gaz)
    return {m.text: res.mention_keys[("test", i)] for i, m in enumerate(am.mentions) if not types or m.type in types}


def _spoke(name):
    return (f"{name} ha parlato.", f"1 {name} {name} PROPN 3 nsubj\n2 ha avere AUX 3 aux\n3 parlato parlare VERB 0 root\n"
                                   "4 . . PUNCT 3 punct", [(name, "PER")])


def test_an_inner_word_of_one_full_name_is_that_person():
    """"Andrés Manuel López Obrador" ... "López": one person (no gazetteer row knows him)."""
    full = ("Andrés Manuel López Obrador è arrivato.", """
1 Andrés Andrés PROPN 6 nsubj
2 Manuel Manuel PROPN 1 flat:name
3 López López PROPN 1 flat:name
4 Obrador Obrador PROPN 1 flat:name
5 è essere AUX 6 aux
6 arrivato arrivare VERB 0 root
7 . . PUNCT 6 punct
""", [("Andrés Manuel López Obrador", "PER")])
    keys = _mention_keys(full, _spoke("López"))
    assert keys["López"] == keys["Andrés Manuel López Obrador"]


def test_an_inner_word_two_full_names_share_stays_apart():
    first = ("Andrés Manuel López Obrador e Juan Carlos López Mena sono arrivati.", """
1 Andrés Andrés PROPN 11 nsubj
2 Manuel Manuel PROPN 1 flat:name
3 López López PROPN 1 flat:name
4 Obrador Obrador PROPN 1 flat:name
5 e e CCONJ 6 cc
6 Juan Juan PROPN 1 conj
7 Carlos Carlos PROPN 6 flat:name
8 López López PROPN 6 flat:name
9 Mena Mena PROPN 6 flat:name
10 sono essere AUX 11 aux
11 arrivati arrivare VERB 0 root
12 . . PUNCT 11 punct
""", [("Andrés Manuel López Obrador", "PER"), ("Juan Carlos López Mena", "PER")])
    keys = _mention_keys(first, _spoke("López"))
    assert keys["López"] not in (keys["Andrés Manuel López Obrador"], keys["Juan Carlos López Mena"])


def test_lula_is_the_president_named_in_full():
    full = ("Luiz Inácio Lula da Silva è arrivato.", """
1 Luiz Luiz PROPN 7 nsubj
2 Inácio Inácio PROPN 1 flat:name
3 Lula Lula PROPN 1 flat:name
4 da da ADP 5 case
5 Silva Silva PROPN 1 nmod
6 è essere AUX 7 aux
7 arrivato arrivare VERB 0 root
8 . . PUNCT 7 punct
""", [("Luiz Inácio Lula da Silva", "PER")])
    keys = _mention_keys(full, _spoke("Lula"))
    assert keys["Lula"] == keys["Luiz Inácio Lula da Silva"]


def test_a_bodys_first_word_alone_is_the_body_the_article_names():
    full = ("La Commissione elettorale centrale ha parlato.", """
1 La il DET 2 det
2 Commissione Commissione PROPN 6 nsubj
3 elettorale elettorale ADJ 2 amod
4 centrale centrale ADJ 2 amod
5 ha avere AUX 6 aux
6 parlato parlare VERB 0 root
7 . . PUNCT 6 punct
""", [("Commissione elettorale centrale", "ORG")])
    short = ("La Commissione ha risposto.", """
1 La il DET 2 det
2 Commissione Commissione PROPN 4 nsubj
3 ha avere AUX 4 aux
4 risposto rispondere VERB 0 root
5 . . PUNCT 4 punct
""", [("Commissione", "ORG")])
    keys = _mention_keys(full, short, types=("Organization",))
    assert keys["Commissione"] == keys["Commissione elettorale centrale"]


def test_two_words_ner_took_for_a_place_are_the_persons_surname():
    full = ("Tamim bin Hamad Al Thani è arrivato.", """
1 Tamim Tamim PROPN 7 nsubj
2 bin bin PROPN 1 flat:name
3 Hamad Hamad PROPN 1 flat:name
4 Al Al PROPN 1 flat:name
5 Thani Thani PROPN 1 flat:name
6 è essere AUX 7 aux
7 arrivato arrivare VERB 0 root
8 . . PUNCT 7 punct
""", [("Tamim bin Hamad Al Thani", "PER")])
    later = ("Al Thani ha parlato.", """
1 Al Al PROPN 4 nsubj
2 Thani Thani PROPN 1 flat:name
3 ha avere AUX 4 aux
4 parlato parlare VERB 0 root
5 . . PUNCT 4 punct
""", [("Al Thani", "LOC")])
    keys = _mention_keys(full, later, types=())
    assert keys["Al Thani"] == keys["Tamim bin Hamad Al Thani"]


def _keys(*sentences: tuple[str, list[tuple[str, str]]]) -> dict[str, str]:
    """Each mention's entity key after linking one hand-tagged article of these sentences,
    (text, NER spans) each; the last mention of a text wins."""
    from parsed import article, unparsed

    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.linking import resolve
    from kg.mentions import find_mentions

    gaz, lex = load_gazetteer(), load_lexicon()
    tagged = [unparsed(text, ner) for text, ner in sentences]
    am = find_mentions(article(*tagged), gaz, lex)
    res = resolve([am], gaz, lex)
    return {m.text: res.key_of(am.annotated.article.id, i) for i, m in enumerate(am.mentions)}


def test_a_national_body_links_only_where_its_state_is_named():
    """The gazetteer's "Camera dei Rappresentanti" is the US House: in an article about Japan
    it is a body of its own name, unlinked; where the United States are named, it links."""
    keys = _keys(("La Camera dei Rappresentanti del Giappone ha votato.",
                  [("Camera dei Rappresentanti", "ORG"), ("Giappone", "LOC")]))
    assert keys["Camera dei Rappresentanti"] != "Q11701"
    keys = _keys(("Negli Stati Uniti la Camera dei Rappresentanti ha votato.",
                  [("Stati Uniti", "LOC"), ("Camera dei Rappresentanti", "ORG")]))
    assert keys["Camera dei Rappresentanti"] == "Q11701"


def test_a_surname_two_people_share_goes_to_the_one_the_gazetteer_knows_at_a_tie():
    """"Trudeau" after "Sophie Grégoire Trudeau" and "Justin Trudeau", each named once: the
    prime minister the gazetteer knows, not the longer name first in line."""
    keys = _keys(("Sophie Grégoire Trudeau e Justin Trudeau sono arrivati.",
                  [("Sophie Grégoire Trudeau", "PER"), ("Justin Trudeau", "PER")]),
                 ("Trudeau ha parlato.", [("Trudeau", "PER")]))
    assert keys["Trudeau"] == keys["Justin Trudeau"] == "Q3099714"
    keys = _keys(("Sophie Grégoire Trudeau è arrivata.", [("Sophie Grégoire Trudeau", "PER")]),
                 ("Trudeau ha parlato.", [("Trudeau", "PER")]))
    assert keys["Trudeau"] == keys["Sophie Grégoire Trudeau"]


def test_a_shared_family_name_goes_to_the_person_the_article_names_in_full_most():
    keys = _keys(("Kim Jong-un ha scritto. Kim Jong-un ha ricordato Kim Il-sung.",
                  [("Kim Jong-un", "PER"), ("Kim Il-sung", "PER")]),
                 ("Kim ha ribadito l'amicizia.", [("Kim", "PER")]))
    assert keys["Kim"] == keys["Kim Jong-un"]


def test_a_body_named_by_its_head_noun_is_the_gazetteer_body_the_article_names():
    """"l'Unione" after "la Ue" is the European Union, "l'Alleanza" after "la Nato" is NATO:
    the one body of the article whose gazetteer name begins with the word."""
    keys = _keys(("La Ue ha risposto alla Nato.", [("Ue", "ORG"), ("Nato", "ORG")]),
                 ("L'Unione e l'Alleanza hanno parlato.", [("Unione", "ORG"), ("Alleanza", "ORG")]))
    assert keys["Unione"] == keys["Ue"] == "Q458"
    assert keys["Alleanza"] == keys["Nato"] == "Q7184"
    alone = _keys(("L'Unione ha parlato.", [("Unione", "ORG")]))
    assert alone["Unione"] != "Q458"


def test_a_body_of_an_organisation_is_named_with_its_acronym_too():
    """"Consiglio di sicurezza dell'ONU" is also "Consiglio di sicurezza Onu" in the press."""
    from kg.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.lookup("Consiglio di sicurezza Onu").key == gaz.lookup("Consiglio di sicurezza dell'ONU").key
    assert gaz.lookup("Corte di giustizia Ue").key == gaz.lookup("Corte di giustizia dell'Unione europea").key


def test_a_name_written_once_a_letter_away_from_a_person_named_more_often_is_that_person():
    keys = _keys(("Il cancelliere Friedrich Merz ha parlato.", [("Friedrich Merz", "PER")]),
                 ("Merz ha poi incontrato Giorgia Meloni.", [("Merz", "PER"), ("Giorgia Meloni", "PER")]),
                 ("Il punto stampa con Friedrch Merz.", [("Friedrch Merz", "PER")]))
    assert keys["Friedrch Merz"] == keys["Friedrich Merz"]
    two = _keys(("Kim Jong Un e Kim Jong Il.", [("Kim Jong Un", "PER"), ("Kim Jong Il", "PER")]),
                ("Kim Jong Un ha parlato.", [("Kim Jong Un", "PER")]))
    assert two["Kim Jong Un"] != two["Kim Jong Il"]


def _lemma_keys(*sentences: tuple[str, dict[str, tuple[str, str]]], article_id: str = "test") -> dict[str, str]:
    """As _keys, with (lemma, upos) given for some words: the signing frame reads them."""
    from parsed import article, split_words

    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.linking import resolve
    from kg.mentions import find_mentions

    gaz, lex = load_gazetteer(), load_lexicon()
    tagged = []
    for text, tags in sentences:
        rows = [f"{i} {w} {tags.get(w, (w.lower(), 'X'))[0]} {tags.get(w, (w.lower(), 'X'))[1]} 0 dep"
                for i, w in enumerate(split_words(text), 1)]
        tagged.append((text, "\n".join(rows), []))
    am = find_mentions(article(*tagged, article_id=article_id), gaz, lex)
    res = resolve([am], gaz, lex)
    return {m.text: res.key_of(am.annotated.article.id, i) for i, m in enumerate(am.mentions)}


def test_an_agreement_signed_but_not_named_is_a_treaty_of_its_article():
    signed = {"firmato": ("firmare", "VERB"), "accordo": ("accordo", "NOUN")}
    keys = _lemma_keys(("Oggi i due governi hanno firmato l'accordo.", signed),
                       ("L'accordo entra in vigore a maggio.", {"accordo": ("accordo", "NOUN")}), article_id="a1")
    assert keys["accordo"] is not None and keys["accordo"].startswith("x-treaty-") and "a1" in keys["accordo"]
    unsigned = _lemma_keys(("Serve un accordo, dicono i due governi.", {"accordo": ("accordo", "NOUN")}))
    assert unsigned["accordo"] is None



def test_a_generic_treaty_name_is_one_treaty_per_article_and_a_proper_name_one_across_articles():
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.linking import resolve
    from kg.mentions import find_mentions
    from parsed import article

    def doc(aid, text):
        rows = "\n".join(f"{i} {w} {w.lower()} NOUN 0 dep" for i, w in
                         enumerate(text.replace("'", "' ").replace(".", " .").split(), 1))
        return find_mentions(article((text, rows, []), article_id=aid), load_gazetteer(), load_lexicon())

    docs = [doc("a", "Il memorandum d'intesa e la Convenzione Zeta."),
            doc("b", "Il memorandum d'intesa e la Convenzione Zeta.")]
    res = resolve(docs, load_gazetteer())
    treaties = {(aid, res.entities[k].label): k for (aid, i), k in res.mention_keys.items()
                if res.entities[k].type == "Treaty"}
    assert treaties[("a", "memorandum d'intesa")] != treaties[("b", "memorandum d'intesa")]
    assert treaties[("a", "Convenzione Zeta")] == treaties[("b", "Convenzione Zeta")]
