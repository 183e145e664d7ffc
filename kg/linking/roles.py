"""Role descriptions resolved to the people they describe, within and across articles."""
from __future__ import annotations

from kg.gazetteer import Gazetteer
from kg.linking.model import Resolution
from kg.mentions import ArticleMentions


def resolve_roles(am: ArticleMentions, gaz: Gazetteer, res: Resolution) -> None:
    aid = am.annotated.article.id
    by_role: dict[tuple[str, str], str] = {}
    #: one office under two names in an article ("il re di Giordania Abdallah II" ... "il
    #: sovrano giordano"): the person, by the office's position, for positions one person holds
    by_position: dict[tuple[str, str], str] = {}
    pending = []
    #: "Il re di Spagna Felipe VI ... Il sovrano è stato accolto": a bare role with neither
    #: holder nor name is the person last described by a role of the same office
    last_in_office: dict[str, str] = {}
    for r_index, role in enumerate(am.roles):
        holder = res.key_of(aid, role.holder)
        person = res.key_of(aid, role.person)
        if person and role.position != "other":
            last_in_office[role.position] = person
        if not person and not holder and role.position != "other" and role.position in last_in_office:
            person = last_in_office[role.position]
            res.role_persons[(aid, r_index)] = person
            continue
        if person and not holder:
            # the text names the person but not whose office it is: the gazetteer may know
            entry = gaz.get(person)
            states = {o.state for o in (entry.positions if entry else ()) if o.position == role.position}
            if not states and role.position == "other" and role.predicate == "holdsPosition":
                # "il vicepremier Antonio Tajani": an office the gazetteer does not list, in the
                # one state it has the person serving
                states = {o.state for o in (entry.positions if entry else ())}
                states = states if all((e := gaz.get(x)) is not None and e.type == "State" for x in states) else set()
            if len(states) == 1:
                res.role_holders[(aid, r_index)] = states.pop()
            res.role_persons[(aid, r_index)] = person
            if " " in role.text:  # "ministro della Difesa" names an office; a bare "presidente" does not
                res.role_labels[person].add(role.text)
        elif person and holder:
            by_role[(role.phrase, holder)] = person
            if role.position != "other":
                by_position.setdefault((role.position, holder), person)
            res.corpus_roles.setdefault((role.phrase, holder), set()).add(person)
            res.role_persons[(aid, r_index)] = person
            res.role_labels[person].add(role.text)
        else:
            pending.append((r_index, role, holder))
    article_people = {res.mention_keys[(aid, i)] for i, m in enumerate(am.mentions)
                      if m.type == "Person" and (aid, i) in res.mention_keys}
    for r_index, role, holder in pending:
        if not holder:
            continue
        person = by_role.get((role.phrase, holder)) or \
            (by_position.get((role.position, holder)) if role.position != "other" else None)
        if person is None:
            res.pending_roles.append((aid, r_index, role.phrase, holder, frozenset(article_people)))
        if person is None and hasattr(gaz, "people_in_office"):
            candidates = [e.key for e in gaz.people_in_office(holder, role.position)
                          if e.key in article_people]
            person = candidates[0] if len(candidates) == 1 else None
        if person:
            res.role_persons[(aid, r_index)] = person
            res.role_labels[person].add(role.text)


def resolve_pending_roles(res: Resolution) -> None:
    """"il presidente della Duma" with no name beside it: the one person another article
    names in that role, if this article mentions them too."""
    for aid, r_index, phrase, holder, people in res.pending_roles:
        if (aid, r_index) in res.role_persons:
            continue
        candidates = sorted(res.corpus_roles.get((phrase, holder), set()) & people)
        if len(candidates) == 1:
            res.role_persons[(aid, r_index)] = candidates[0]
