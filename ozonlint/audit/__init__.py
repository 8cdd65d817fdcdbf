"""The shop audit: a shop's chat history, its compliance and its response times, in one report.

readers (``inputs``, ``json_reader``, ``csv_reader``) -> chats of
:class:`~.records.Message` -> per batch of chats: ``timing`` and ``compliance``
into a mergeable :class:`~.aggregate.Partial` -> ``merge`` -> ``figures`` ->
``report_text`` / ``report_json`` / ``report_html``.
"""
