"""The filing SQL, in one place: single filings, batches and re-evaluation run these statements on a
raw asyncpg connection taken from the engine's pool (``Database.transaction``).

A single filing is five round trips:

1. ``BEGIN`` and the advisory locks, as one simple query (:func:`begin_and_lock`; :data:`LOCKS` inside a
   batch's transaction);
2. :data:`DUPLICATES_LOCKING`: the act under the same reference, the Idempotency-Key record, the
   candidate dossiers of the household, the territorial partners of the act's territory, and the lock of
   the dossier the act goes to when the household is known (an act naming its dossier runs
   :data:`DUPLICATES` and then takes that dossier's lock, :func:`lock_dossier`);
3. :data:`STATE_AND_SIDE`: the dossier's acts, current decisions and grants, and which side of the
   lease the filer stands on;
4. one write (:data:`FILING`): dossier, household keys, act, evaluation, decisions and their status
   changes, grants, events with their recipients (the event writer's own SQL,
   ``services/evenements.py``), the filing's audit row, and the Idempotency-Key record;
5. ``COMMIT``.

When the evaluation changes decisions already stored (replaced, met), :data:`SET_STATUT` runs before
the write, one row per key, pipelined (a key made again needs its old row replaced first, the one
current row per key being checked row by row). Batches run the same statements for a wave of items at
once (``services/lots.py``).

Locks. A blocking lock per (partner, reference) and per household key serialises filings that could
create the same act or the same dossier; the Idempotency-Key lock is only tried (a key in flight is 409
at once); a shared lock on the territory lets a new territorial partner (exclusive on it, see
``services/partners.py``) see every dossier created before it, and be seen by every one created after.
Filing into a known dossier then takes the dossier's lock, last (a single filing inside
:data:`DUPLICATES_LOCKING`, a batch wave's dossiers in id order), so a single filing holds no dossier
lock while it waits for another; a re-evaluation takes the same lock.

Plans. Every statement is a key lookup or an insert whose plan is right at any size (unique or primary
keys, ``OFFSET 0`` where a planner with no statistics could turn a lookup into a scan); the connection
keeps PostgreSQL's default plan cache mode, so nothing chosen on an empty table is frozen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from app.schemas.actes import POLITIQUES
from app.services.audit import FINALITES
from app.services.evenements import WRITE_CTE
from app.services.visibility import territorial_kinds

# Constants of the code as SQL literals (registry names, no input): the act types that close a dossier
# (their policy's ``clot``) and the partner kinds that get a dossier's territorial grants. Literals, not
# parameters: the planner's estimates then do not depend on the values, so a generic plan is as cheap as
# a custom one and PostgreSQL keeps it (no planning per filing).
_CLOSING_TYPES = ", ".join(f"'{t}'" for t, politique in POLITIQUES.items() if politique.clot)
_TERRITORIAL_KINDS = ", ".join(f"'{k}'" for k in territorial_kinds())
_FINALITE_DEPOT = "'" + FINALITES["depot"].replace("'", "''") + "'"


def lock_id(*parts: str) -> int:
    """A signed 64-bit advisory lock id."""
    return int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big", signed=True)


def territory_lock(territoire: str) -> int:
    return lock_id("territoire", territoire)


def dossier_lock(dossier_id: str) -> int:
    return lock_id("dossier", dossier_id)


LOCKS = (
    "SELECT (SELECT pg_try_advisory_xact_lock($1)) AS idem_free, "
    "(SELECT pg_advisory_xact_lock_shared($3)) IS NULL AS t, "
    "(SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(CAST($2 AS bigint[])) AS k ORDER BY 1) s) AS n"
)


# A filing's statements are key lookups and inserts, nothing else: inside its transaction the planner is
# told not to scan a table (a scan is only chosen when no index can answer). A plan made while a table was
# empty or never analysed (a new deployment, a bench machine with autovacuum off) and then kept by the
# connection's plan cache is then the index plan the lookup needs at a million rows, not a sequential
# scan that grows with the table (the Idempotency-Key lookup's generic plan on an empty table was one).
# Nor is a filing's statement compiled (JIT): without statistics the planner's guesses (100 household keys
# per filing, 0.5 % of a table per key) make the generic plan of :data:`DUPLICATES` cost more with every row
# stored (4.4e5 at 90 000 acts), past ``jit_above_cost`` (1e5) and then ``jit_inline_above_cost`` and
# ``jit_optimize_above_cost`` (5e5): LLVM then compiled the statement at every execution, 66 ms and then
# 500 ms for a lookup that runs in 0.4 ms (the demo of the 93 fell to 50 acts/s at 90 000 acts). ``jit``
# is read when a statement starts, so it holds for plans made and cached before it too.
INDEX_PLANS = "SET LOCAL enable_seqscan = off; SET LOCAL jit = off"


def begin_and_lock(idem_lock: int, locks: Sequence[int], shared: int) -> str:
    """``BEGIN``, :data:`INDEX_PLANS` and the locks of :data:`LOCKS` as one simple query (no parameters: the lock ids are
    integers we computed, inlined as literals; ``locks`` is sorted, and a select list is evaluated left
    to right, so every filing takes them in the same order). Its status is ``SELECT 1`` when the
    Idempotency-Key lock was free, else ``SELECT 0``; the other locks are taken either way (``OFFSET 0``
    keeps the subquery, and its volatile lock calls, whole)."""
    taken = ", ".join(f"pg_advisory_xact_lock({int(k)})" for k in locks)
    return (
        f"BEGIN; {INDEX_PLANS}; SELECT 1 FROM (SELECT pg_try_advisory_xact_lock({int(idem_lock)}) AS free, "
        f"pg_advisory_xact_lock_shared({int(shared)}), {taken} OFFSET 0) s WHERE s.free"
    )


def lock_dossier(dossier_id: str) -> str:
    return f"SELECT pg_advisory_xact_lock({dossier_lock(dossier_id)})"


def lock_dossiers(dossier_ids: Sequence[str]) -> str:
    """A batch wave's dossier locks, in the order given (sorted by the caller), as one statement."""
    taken = ", ".join(f"pg_advisory_xact_lock({dossier_lock(d)})" for d in dossier_ids)
    return f"SELECT 1 FROM (SELECT {taken} OFFSET 0) s"


# A batch chunk's locks at once: the shared territory locks ($1), then the exclusive ones ($2), each
# sorted (a batch never takes an Idempotency-Key lock: its items are made idempotent by reference).
BATCH_LOCKS = (
    "SELECT (SELECT count(pg_advisory_xact_lock_shared(k)) FROM (SELECT unnest(CAST($1 AS bigint[])) AS k "
    "ORDER BY 1) s) AS t, (SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(CAST($2 AS bigint[])) "
    "AS k ORDER BY 1) s) AS n"
)


# Candidate dossiers are found from the household keys, one primary-key probe per key and then per
# dossier: each lateral subquery has ``OFFSET 0`` so that the planner can neither flatten it nor turn the
# lookup around into a scan of the territory's dossiers (which it did on a fresh, never-analysed
# database, whose estimates say "one dossier per territory": O(dossiers) per filing).
# Parameters: $1 partner, $2 reference, $3 Idempotency-Key, $4 household keys (a JSON array: the
# planner cannot see its length, which would make each plan custom), $5 territoire, $6 date_acte.
_CANDIDATES = f"""
SELECT d.id, d.bailleur_cle, d.updated_at, d.stade
FROM (SELECT DISTINCT c.dossier_id FROM json_array_elements_text(CAST($4 AS json)) AS u(cle)
      CROSS JOIN LATERAL (SELECT dossier_id FROM dossier_cles WHERE cle = u.cle OFFSET 0) c) k
CROSS JOIN LATERAL (SELECT x.id, x.bailleur_cle, x.updated_at, x.territoire, x.stade FROM dossiers x
                    WHERE x.id = k.dossier_id OFFSET 0) d
WHERE d.territoire = $5
  AND (d.stade <> 'clos'
       OR CAST($6 AS date) <= (SELECT max(z.date_acte) FROM actes z
                               WHERE z.dossier_id = d.id AND z.type IN ({_CLOSING_TYPES})))
"""

# :func:`dossier_lock` in SQL, for a dossier id column ``{id}`` (a uuid): the first 8 bytes of the
# SHA-256 of ``dossier``, the unit separator and the id's text, as a signed big-endian 64-bit integer.
DOSSIER_LOCK_SQL = (
    "CAST(CAST('x' || left(encode(sha256(convert_to('dossier' || chr(31) || CAST({id} AS text), 'UTF8')), "
    "'hex'), 16) AS bit(64)) AS bigint)"
)

_DUPLICATES = """
WITH cand AS MATERIALIZED ({candidates})
SELECT (SELECT json_build_object('sha', payload_sha256, 'id', id) FROM actes
        WHERE partner_id = $1 AND reference = $2) AS existing,
       (SELECT json_build_object('sha', request_sha256, 'status', response_status, 'acte_id', acte_id)
        FROM idempotency_keys WHERE partner_id = $1 AND cle = $3) AS idem,
       (SELECT coalesce(json_agg(json_build_object('id', c.id, 'bailleur', c.bailleur_cle)
                                 ORDER BY c.stade = 'clos', c.updated_at DESC, c.id), CAST('[]' AS json))
        FROM cand c) AS candidates,
       (SELECT coalesce(json_agg(json_build_object('partner_id', pt.partner_id, 'kind', pt.kind)),
                        CAST('[]' AS json))
        FROM partenaire_territoires pt
        WHERE pt.territoire = $5 AND pt.kind IN ({territorial})) AS territoriaux{verrous}
"""

# The act under the same reference, the Idempotency-Key record, the candidate dossiers of the household
# (most recently updated open one first), the territorial partners of the act's territory. A batch runs
# it as it is (it locks its wave's dossiers in one statement of its own, ``lock_dossiers``).
DUPLICATES = _DUPLICATES.format(candidates=_CANDIDATES, territorial=_TERRITORIAL_KINDS, verrous="")

# The same, and the lock of the dossier a single filing goes to when the household is known, taken after
# the rows are read (as a ``DUPLICATES`` followed by :func:`lock_dossier` would: what the filing reads of
# its dossier is read afterwards, :data:`STATE_AND_SIDE`): the first candidate whose landlord does not
# contradict the act's (``services.actes._find_dossier`` makes the same choice, and locks the dossier it
# chose itself if it is not in ``verrous``). One dossier lock, the filing's last, so lock order cannot
# cycle. ``verrous``: the lock ids taken (:data:`DOSSIER_LOCK_SQL`; none for a new household).
# Parameters: those of :data:`DUPLICATES`, and $7 the act's landlord SIREN (``dossiers.bailleur_siren``).
DUPLICATES_LOCKING = _DUPLICATES.format(
    candidates=_CANDIDATES,
    territorial=_TERRITORIAL_KINDS,
    verrous=""",
       (SELECT coalesce(array_agg(s.k), CAST('{}' AS bigint[]))
        FROM (SELECT l.k, pg_advisory_xact_lock(l.k)
              FROM (SELECT """
    + DOSSIER_LOCK_SQL.format(id="c.id")
    + """ AS k FROM cand c
                    WHERE CAST($7 AS text) IS NULL OR c.bailleur_cle IS NULL OR c.bailleur_cle = $7
                    ORDER BY c.stade = 'clos', c.updated_at DESC, c.id LIMIT 1) l
              OFFSET 0) s) AS verrous""",
)

# A current decision, as :func:`services.decisions.decision_view` reads it.
DECISION_JSON = (
    "json_build_object('id', x.id, 'cle', x.cle, 'kind', x.kind, 'code', x.code, 'date', x.date, "
    "'destinataire', x.destinataire, 'regle', x.regle, 'source', x.source, 'acte', x.acte_id, "
    "'precision', x.precision, 'message', x.message, 'faits', x.faits, 'actes_lies', x.actes_lies, "
    "'statut', x.statut)"
)

# The dossier's acts (for the engine), its current decisions and its grants, in one round trip; read
# once the dossier's lock is held (a statement of its own: a read in the same statement as the lock would
# see the data as of before the wait).
STATE = f"""
SELECT (SELECT coalesce(json_agg(json_build_object('id', a.id, 'type', a.type, 'partner_id', a.partner_id,
                                                   'payload', a.payload, 'recu_le', a.recu_le)
                                 ORDER BY a.recu_le, a.id), CAST('[]' AS json))
        FROM actes a WHERE a.dossier_id = $1) AS acts,
       (SELECT coalesce(json_agg({DECISION_JSON}), CAST('[]' AS json))
        FROM decisions x WHERE x.dossier_id = $1 AND x.statut <> 'remplacee') AS decisions,
       (SELECT coalesce(json_agg(json_build_object('partner_id', g.partner_id, 'kind', p.kind,
                                                   'motif', g.motif, 'portee', g.portee)), CAST('[]' AS json))
        FROM acces g JOIN partners p ON p.id = g.partner_id
        WHERE g.dossier_id = $1 AND g.jusqu_a IS NULL) AS grants
"""

# A filing's read of its dossier, once the dossier's lock is held, in one round trip: :data:`STATE`, and
# which side of the lease the filer stands on: the dossier's landlord (NULL for a new dossier), the
# filer's registered SIREN, and whether an act of the dossier filed by a partner that reads the whole
# dossier names the filer's SIRET as the étude acting (``commissaire.siret``). $1 dossier id, $2 partner
# id. Run on both paths (new and known dossier): the same work either way. The dossier's acts are read by
# the dossier alone (``OFFSET 0``): joined to ``acces`` on the partner, the generic plan of a
# never-analysed database ANDed the dossier's index with ``uq_actes_partner_id_reference`` on the
# grant's partner, i.e. read every act that partner ever filed (a few partners file everything: O(acts)
# per filing; at 90 000 acts of the 93's demo, 18 600 index entries per grant, 6.9 ms against 0.4 ms).
STATE_AND_SIDE = (
    STATE.rstrip()
    + """,
       (SELECT bailleur_cle FROM dossiers WHERE id = $1) AS bailleur, left(p.siret, 9) AS siren,
       EXISTS (SELECT 1 FROM (SELECT a.partner_id FROM actes a
                              WHERE a.dossier_id = $1 AND a.payload -> 'commissaire' ->> 'siret' = p.siret
                              OFFSET 0) a
               JOIN acces g ON g.dossier_id = $1 AND g.partner_id = a.partner_id
                           AND g.portee = 'dossier' AND g.jusqu_a IS NULL) AS etude_nommee
FROM partners p WHERE p.id = $2
"""
)

# Decisions a new evaluation no longer makes (or makes differently). $1 ids, $2 now.
# A decision's status changes, one row per primary key, sent with ``executemany`` (asyncpg pipelines
# the executions: one round trip): a single-row key lookup keeps an index plan at any size, where a
# ``WHERE id = ANY($1)`` gets a sequential scan in the generic plan of a never-analysed table.
# Parameters: $1 id, $2 new status, $3 now, $4 the status it must still have.
SET_STATUT = "UPDATE decisions SET statut = $2, statut_le = $3 WHERE id = $1 AND statut = $4"


def status_changes(
    replaced: Sequence[object], satisfied: Sequence[object], now: object
) -> list[tuple[object, str, object, str]]:
    """The :data:`SET_STATUT` executions for an evaluation's replaced and met decisions (a decision
    made and met by the same evaluation is inserted met: its row is not there yet, nothing happens)."""
    return [(i, "remplacee", now, "active") for i in replaced] + [
        (i, "satisfaite", now, "active") for i in satisfied
    ]


# What a replayed receipt is rebuilt from: the act, its filing's evaluation and the decisions it made,
# the dossier's acts (who may see what) and the caller's grants on the dossier. $1 act id, $2 partner.
RECEIPT_SOURCE = f"""
SELECT a.id, a.dossier_id, a.recu_le, a.type, a.reference, a.nouveau_dossier, a.payload, e.version_regles,
       (SELECT coalesce(json_agg(d.j ORDER BY u.n), CAST('[]' AS json))
        FROM unnest(e.ajoutees) WITH ORDINALITY AS u(id, n)
        CROSS JOIN LATERAL (SELECT {DECISION_JSON} AS j FROM decisions x WHERE x.id = u.id OFFSET 0) d) AS decisions,
       (SELECT json_agg(json_build_object('id', z.id, 'type', z.type, 'partner_id', z.partner_id,
                                          'reference', z.reference))
        FROM actes z WHERE z.dossier_id = a.dossier_id) AS actes,
       (SELECT coalesce(array_agg(g.portee), CAST('{{}}' AS text[])) FROM acces g
        WHERE g.dossier_id = a.dossier_id AND g.partner_id = $2 AND g.jusqu_a IS NULL) AS portees
FROM actes a JOIN evaluations e ON e.acte_id = a.id AND e.motif = 'depot'
WHERE a.id = $1
"""

# Fragments shared by the filing's and the re-evaluation's writes: the evaluation's decisions (``$dn``,
# the rows of ``services.decisions.Changes.rows``), the decisions it found met (``$sat``), and the
# grants (``$g``). Placeholders as in ``WRITE_CTE``.
_DECISIONS_CTE = """
dn AS (
  INSERT INTO decisions (id, dossier_id, cle, kind, code, date, destinataire, regle, source, acte_id, precision,
                         message, faits, actes_lies, statut, statut_le, evaluation_id)
  SELECT x.id, {dossier}, x.cle, x.kind, x.code, x.date, x.destinataire, x.regle, x.source, x.acte_id,
         x.precision, x.message, x.faits, x.actes_lies, x.statut, {now}, {evaluation}
  FROM jsonb_to_recordset(CAST({dn} AS jsonb)) AS x(id uuid, cle text, kind text, code text, date date,
       destinataire text, regle text, source text, acte_id uuid, precision text, message text, faits jsonb,
       actes_lies jsonb, statut text)
)"""
_GRANTS_CTE = """
g AS (
  INSERT INTO acces (dossier_id, partner_id, motif, portee, depuis, acte_id)
  SELECT {dossier}, x.partner_id, x.motif, x.portee, {now}, x.acte_id
  FROM jsonb_to_recordset(CAST({g} AS jsonb)) AS x(partner_id uuid, motif text, portee text, acte_id uuid)
  ON CONFLICT DO NOTHING
)"""

# The filing's audit row (``services/audit.py``: a write, ``ecrit``, of operation ``depot``), written by
# the filing's own statement. Its parameters follow the filing's: add one here (and to
# :data:`FILING_PARAMS`) and the Idempotency-Key's placeholder follows.
_AUDIT_CTE = f"""
w AS (
  INSERT INTO audit_lectures (at, partner_id, partner_kind, client_id, dossier_id, operation, request_id,
                              resultat, motif, finalite, user_id)
  VALUES ($6, $9, $10, $25, $1, 'depot', $26, 'ecrit', NULL, {_FINALITE_DEPOT}, $27)
)"""
FILING_PARAMS = 27  # the parameters of :data:`FILING`; :data:`FILING_IDEM` has one more

# The filing's write. Parameters: $1 dossier id, $2 territoire, $3 parc, $4 stade, $5 bailleur, $6 now,
# $7 household keys, $8 act id, $9 partner id, $10 partner kind, $11 type, $12 reference, $13 date_acte,
# $14 payload, $15 payload sha, $16 nouveau_dossier, $17 evaluation id, $18 rules version, $19 added
# decision ids, $20 met decision ids, $21 replaced decision ids, $22 decision rows, $23 grants,
# $24 events, $25 client id, $26 request id, $27 console user id (the audit row: :data:`_AUDIT_CTE`),
# ($28 Idempotency-Key).
_FILING = (
    """
WITH d AS (
  INSERT INTO dossiers (id, territoire, parc, stade, bailleur_cle, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $6)
  ON CONFLICT (id) DO UPDATE SET parc = COALESCE(EXCLUDED.parc, dossiers.parc), stade = EXCLUDED.stade,
    bailleur_cle = COALESCE(dossiers.bailleur_cle, EXCLUDED.bailleur_cle), updated_at = EXCLUDED.updated_at
), k AS (
  INSERT INTO dossier_cles (cle, dossier_id) SELECT c, $1 FROM unnest(CAST($7 AS text[])) AS c
  ON CONFLICT DO NOTHING
), a AS (
  INSERT INTO actes (id, dossier_id, partner_id, partner_kind, type, reference, territoire, date_acte, recu_le,
                     payload, payload_sha256, nouveau_dossier)
  VALUES ($8, $1, $9, $10, $11, $12, $2, $13, $6, CAST($14 AS jsonb), $15, $16)
), e AS (
  INSERT INTO evaluations (id, dossier_id, acte_id, motif, version_regles, ajoutees, satisfaites, remplacees,
                           created_at)
  VALUES ($17, $1, $8, 'depot', $18, CAST($19 AS uuid[]), CAST($20 AS uuid[]), CAST($21 AS uuid[]), $6)
),"""
    + _DECISIONS_CTE.format(dossier="$1", now="$6", evaluation="$17", dn="$22")
    + ","
    + _GRANTS_CTE.format(dossier="$1", now="$6", g="$23")
    + ","
    + WRITE_CTE.format(dossier="CAST($1 AS uuid)", territoire="$2", now="$6", ev="$24")
    + ","
    + _AUDIT_CTE
)
_IDEMPOTENCY_CTE = f"""
i AS (
  INSERT INTO idempotency_keys (partner_id, cle, request_sha256, response_status, acte_id, created_at)
  VALUES ($9, ${FILING_PARAMS + 1}, $15, 201, $8, $6)
)"""


FILING = _FILING + " SELECT 1"
FILING_IDEM = _FILING + "," + _IDEMPOTENCY_CTE + " SELECT 1"


# A re-evaluation's write: the evaluation, its decisions, events. Parameters: $1 dossier id,
# $2 territoire, $3 now, $4 evaluation id, $5 rules version, $6 added ids, $7 met ids, $8 replaced ids,
# $9 decision rows, $10 events.
REEVALUATION = (
    """
WITH e AS (
  INSERT INTO evaluations (id, dossier_id, acte_id, motif, version_regles, ajoutees, satisfaites, remplacees,
                           created_at)
  VALUES ($4, $1, NULL, 'reevaluation', $5, CAST($6 AS uuid[]), CAST($7 AS uuid[]), CAST($8 AS uuid[]), $3)
),"""
    + _DECISIONS_CTE.format(dossier="$1", now="$3", evaluation="$4", dn="$9")
    + ","
    + WRITE_CTE.format(dossier="CAST($1 AS uuid)", territoire="$2", now="$3", ev="$10")
    + " SELECT 1"
)
