"""Training and evaluating kg's Stanza models (``kg models``); nothing here runs in a build.

The run-time side -- loading the models, the speedups and the NER fixes -- is :mod:`kg.ner`.
"""
