"""The confidence each hand rule gives its facts: fixed numbers, one per rule, documented in
kg.settings (docs/settings.md). They rank the rules, they are no probabilities; where the relation
scorer's model is loaded, a rule's fact takes the confidence its predicate earns on the
real-news training items instead (kg.relations.decoding)."""
from __future__ import annotations

from kg.settings import value

DEFAULT = value("relations.default_confidence")
REPORTED_FACTOR = value("relations.reported_factor")
TOGETHER = value("relations.together_confidence")
EVALUATION = value("relations.evaluation_confidence")
TREATY_ALLIANCE = value("relations.treaty_alliance_confidence")
COSIGNER_MEETING = value("relations.cosigner_meeting_confidence")
VISIT_BY_PLACE = value("relations.visit_by_place_confidence")
FLOW_NOUN = value("relations.flow_noun_confidence")
DEMONYM_LOCATION = value("relations.demonym_location_confidence")
PLACE_IN_STATE = value("relations.place_in_state_confidence")
MEMBERSHIP = value("relations.membership_confidence")
NAMED_ROLE = value("relations.named_role_confidence")
DESCRIBED_ROLE = value("relations.described_role_confidence")
PLACE_STATE_FACTOR = value("relations.place_state_factor")
