"""The web face of a store: a REST API and server-rendered pages (FastAPI), served locally.

Needs the ``web`` extra (``pip install 'storyline[web]'``); ``storyline.web.app.create_app``
builds the application. Nothing here is imported by the rest of storyline.
"""
