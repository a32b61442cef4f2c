"""The rules, in one folder: the data and the code that reads and runs it.

- ``national.yaml`` and ``<territoire>/*.yaml``: the law and each département's charter, dated and
  sourced (``docs/rules.md``);
- :mod:`app.rules.codes`: the public decision codes;
- :mod:`app.rules.schema`: the rule-file schema;
- :mod:`app.rules.verification`: the checks, with messages naming file, rule and field;
- :mod:`app.rules.rulebook`: the loaded, cached rule book and its catalogue;
- :mod:`app.rules.engine`: from the acts of a dossier to sourced decisions;
- :mod:`app.rules.calendar`: months, French working days, trêve hivernale.
"""
