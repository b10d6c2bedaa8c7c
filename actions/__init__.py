"""rasa-sdk adapters: read the tracker, call bot/ and knowledge/, return events.

rasa-sdk imports every module of this package and instantiates each Action subclass with
no arguments; heavy resources (embedding model, index) load once, in the background, when
the action server starts (see actions/runtime.py).
"""
