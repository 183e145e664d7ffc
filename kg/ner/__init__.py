"""The NLP stage's named-entity recognition at run time, around Stanza (:mod:`kg.nlp` runs it).

* :mod:`kg.ner.loader` -- the one place kg builds a Stanza pipeline (shipped models, never the
  network); :mod:`kg.ner.registry` -- the shipped model files and their version;
* :mod:`kg.ner.speedups` -- faster drop-ins for Stanza internals, the same results;
* the fixes after the tokenizer and the NER, in the order they run:
  :mod:`kg.ner.plain_words` (forms the tokenizer keeps whole, quotes and Arabic articles),
  :mod:`kg.ner.org_names` (listed organisation names are organisations) and
  :mod:`kg.ner.name_consistency` (one name, one type within an article).

The lists the fixes read are made by ``kg models train`` (:mod:`kg.models.word_lists`);
:mod:`kg.models` holds training and model evaluation only, and nothing here imports it.
"""
