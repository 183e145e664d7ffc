"""A state's bodies named by their state ("il governo spagnolo", "l'esercito egiziano") are one
organisation per body and state; acting, they are their state (the gold of the seeds and of
the articles written for the project reads them so). Short
sentences parsed by hand (no model)."""
from parsed import article, extract

from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.linking import resolve
from kg.mentions import find_mentions


def plain(text: str, ner=()) -> tuple:
    words = text.replace(".", " .").split()
    return (text, "\n".join(f"{i} {w} {w.lower()} X 0 dep" for i, w in enumerate(words, 1)), list(ner))


def resolved(*sentences):
    gaz, lex = load_gazetteer(), load_lexicon()
    am = find_mentions(article(*sentences), gaz, lex)
    return am, resolve([am], gaz), lex


def test_a_body_with_its_state_s_demonym_or_name_is_one_organisation_and_the_state_stays():
    am, res, _ = resolved(plain("Il governo spagnolo ha risposto."),
                          plain("Il governo della Spagna ha poi confermato.", [("Spagna", "LOC")]),
                          plain("L' esecutivo spagnolo tace."))
    keys = {(m.text, m.type, res.key_of(am.annotated.article.id, i)) for i, m in enumerate(am.mentions)}
    assert {("governo spagnolo", "Organization", "x-government-of-spain"),
            ("governo della Spagna", "Organization", "x-government-of-spain"),
            ("esecutivo spagnolo", "Organization", "x-government-of-spain")} <= keys
    assert ("spagnolo", "State", "Q29") in keys and ("Spagna", "State", "Q29") in keys
    body = res.entities["x-government-of-spain"]
    assert body.type == "Organization" and body.label == "governo della Spagna"
    assert res.bodies["x-government-of-spain"] == "Q29"


def test_a_leader_s_title_ending_in_the_body_noun_is_no_body():
    am, res, _ = resolved(plain("Il capo del governo tedesco Olaf Scholz ha parlato.", [("Olaf Scholz", "PER")]))
    assert not [m for m in am.mentions if m.kind == "body"]
    assert [r.position for r in am.roles] == ["head_of_government"]


SENDS_TROOPS = ("Il governo britannico ha inviato truppe in Estonia.", """
1 Il il DET 2 det
2 governo governo NOUN 5 nsubj
3 britannico britannico ADJ 2 amod
4 ha avere AUX 5 aux
5 inviato inviare VERB 0 root
6 truppe truppa NOUN 5 obj
7 in in ADP 8 case
8 Estonia Estonia PROPN 5 obl
9 . . PUNCT 5 punct
""", [("Estonia", "LOC")])

CRITICISES = ("Il governo venezuelano ha criticato gli Stati Uniti.", """
1 Il il DET 2 det
2 governo governo NOUN 5 nsubj
3 venezuelano venezuelano ADJ 2 amod
4 ha avere AUX 5 aux
5 criticato criticare VERB 0 root
6 gli il DET 7 det
7 Stati Stati PROPN 5 obj
8 Uniti Uniti PROPN 7 flat:name
9 . . PUNCT 5 punct
""", [("Stati Uniti", "LOC")])


def facts(sentence) -> set[tuple[str, str, str]]:
    _, out = extract(sentence)
    return {(f.subject, f.predicate, f.object) for f in out.facts if f.status == "asserted"}


def test_a_body_acting_where_only_a_state_can_is_its_state():
    assert ("Q145", "sentTroopsTo", "Q191") in facts(SENDS_TROOPS)


def test_a_body_acting_is_its_state_and_stays_an_entity_of_its_own():
    am, res, lex = resolved(CRITICISES)
    assert "x-government-of-venezuela" in res.entities
    assert facts(CRITICISES) == {("Q717", "criticized", "Q30")}
