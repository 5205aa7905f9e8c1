"""The linear algebra behind cost-to-serve (:mod:`orgmodel.analysis.cost`): who gives what
share of their cost to whom, under each method, and the one sparse solve that says where
every service unit's cost ends.

Service units are numbered ``0..n-1`` in model order, revenue units ``0..m-1``. A method is
two sparse share matrices: ``P`` (n × n, service unit → service unit) and ``Q`` (n × m,
service unit → revenue unit); row ``s`` is what unit ``s`` hands on, as fractions of
everything it holds. A row that sums to 1 hands everything on; a row of zeros *stops*: the
unit keeps what it holds, and that is unallocated. The total each service unit holds is
``x = d + Pᵀx``, one sparse LU factorisation of ``A = I - Pᵀ``; the fraction of unit s's own
cost that lands on revenue unit r is ``F = (I - P)⁻¹ Q = A⁻ᵀ Q``, read row by row or column
by column from the same factorisation.

Every method gives a system that can be solved: the units that would pass cost around for
ever (a closed group, whose rows sum to 1 among themselves) are made to stop first, so every
unit that hands anything on has a path to a unit that keeps it, and ``A`` is invertible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import bicgstab, splu

try:  # the kernel behind csr @ dense block, called into a buffer that is reused
    from scipy.sparse._sparsetools import csr_matvecs as _csr_matvecs
except ImportError:  # pragma: no cover - another SciPy layout: the plain product
    _csr_matvecs = None

#: Why a service unit keeps what it holds (the reason words are made in cost.py).
NOBODY = "nobody"  # no unit depends on it
CLOSED_GROUP = "group"  # a group that passes cost only among itself
CLOSED_BEFORE = "closed-before"  # step: every unit that depends on it was closed before it
NO_REVENUE = "no-revenue"  # direct: no revenue unit depends on it


@dataclass
class Gifts:
    """The dependencies that move cost: ``giver[k]`` (a service unit) gives to ``taker[k]``
    (a service unit when ``to_service[k]``, else a revenue unit) with weight ``weight[k]``."""

    giver: np.ndarray
    taker: np.ndarray
    to_service: np.ndarray
    weight: np.ndarray
    n: int
    m: int

    def matrices(self, keep: np.ndarray) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """``(P, Q)`` from the gifts where ``keep`` is true, each row scaled to sum to 1."""
        giver, weight = self.giver[keep], self.weight[keep]
        total = np.bincount(giver, weights=weight, minlength=self.n)
        share = weight / total[giver]
        into_service = self.to_service[keep]
        taker = self.taker[keep]
        p = sp.csr_matrix((share[into_service], (giver[into_service], taker[into_service])), shape=(self.n, self.n))
        q = sp.csr_matrix((share[~into_service], (giver[~into_service], taker[~into_service])), shape=(self.n, self.m))
        return p, q


#: Up to this many service units, or for a method without cycles, the system is solved by
#: sparse LU (exact, and cheap when it fills little). Above it the reciprocal method uses
#: BiCGSTAB: LU of a 5,000-unit back-office cycle fills to millions of entries and takes
#: seconds, while the iteration converges in milliseconds (the shares leak to revenue units).
DIRECT_LIMIT = 400
#: An iterative answer is kept when its residual is below this, relative to the right side;
#: otherwise the LU is made after all (slow, never wrong).
RESIDUAL = 1e-10
#: How many steps the block iteration takes at most before solving columns one by one.
BLOCK_STEPS = 2000
#: How many columns of F one block iteration solves (more only fall out of the cache).
COLUMNS = 256


class Solver:
    """Solves ``(I - Pᵀ) x = b`` (or ``(I - P) x = b``, ``transposed``) for one share matrix P."""

    def __init__(self, p: sp.csr_matrix, iterative: bool) -> None:
        n = p.shape[0]
        self._a = (sp.identity(n, format="csr") - p.T).tocsr()
        self._at = self._a.T.tocsr()
        self._lu = None
        self._iterative = iterative and n > DIRECT_LIMIT

    def _factorised(self):  # noqa: ANN202 (SuperLU)
        if self._lu is None:
            self._lu = splu(self._a.tocsc())
        return self._lu

    def solve(self, b: np.ndarray, transposed: bool = False) -> np.ndarray:
        b = np.ascontiguousarray(b, dtype=float)
        if not self._iterative:
            return self._factorised().solve(b, trans="T" if transposed else "N")
        if b.ndim == 2:
            return self._block(b, transposed)
        a = self._at if transposed else self._a
        scale = float(np.abs(b).max())
        if scale == 0.0:
            return np.zeros_like(b)
        x, info = bicgstab(a, b, rtol=1e-14, atol=0.0, maxiter=20 * a.shape[0])
        if info == 0 and float(np.abs(a @ x - b).max()) <= RESIDUAL * scale:
            return x
        return self._factorised().solve(b, trans="T" if transposed else "N")


    def _block(self, b: np.ndarray, transposed: bool) -> np.ndarray:
        """Many right sides at once: x = b + Mx iterated (M = P or Pᵀ, whose spectral radius
        is below 1: every unit that hands cost on reaches a unit that keeps it), one sparse
        × dense product per step, until the largest change is at most 1e-15 × max(1, |x|);
        a column that has not settled after :data:`BLOCK_STEPS` steps, or whose residual is
        too large, is solved on its own.

        Each step is ``(M @ x) + b`` into a buffer made once (no new 16 MB arrays per step;
        a mostly-zero ``b`` added at its non-zero entries only), and ``max |x|`` is only
        taken when the change is near the threshold (until then a bound, the last exact
        value plus the changes since, shows it is not). With ``M`` and ``b`` non-negative
        (shares and their right sides) every step is at least the one before, even in
        floating point (each rounding is monotone), so the largest change is the largest
        difference and one pass finds it. The same arithmetic, the same steps, the same
        numbers as the plain loop, in less time."""
        if not b.shape[1]:
            return b.copy()
        m = (sp.identity(b.shape[0], format="csr") - (self._at if transposed else self._a)).tocsr()
        x = b.copy()
        step = np.empty_like(b)
        rising = float(b.min()) >= 0.0 and (not m.nnz or float(m.data.min()) >= 0.0)
        largest = (lambda a: float(a.max())) if rising else _largest_magnitude
        bound = largest(x)
        where = np.nonzero(b) if np.count_nonzero(b) * 8 < b.size else None
        values = b[where] if where is not None else None
        for _ in range(BLOCK_STEPS):
            step.fill(0.0)
            _matvecs(m, x, step)
            if where is None:
                step += b
            else:  # a sparse right side (columns of Q): adding its zeros changes nothing
                step[where] += values
            np.subtract(step, x, out=x)  # x is free once the step is made: it takes the change
            change = largest(x)
            x, step = step, x
            bound += change
            if change <= 1e-15 * max(1.0, bound):
                bound = largest(x)
                if change <= 1e-15 * max(1.0, bound):
                    break
        a = self._at if transposed else self._a
        residual = np.abs(a @ x - b).max(axis=0)
        scale = np.maximum(np.abs(b).max(axis=0), 1e-300)
        for k in np.flatnonzero(residual > RESIDUAL * scale):
            x[:, k] = self.solve(b[:, k], transposed)
        return x


def _largest_magnitude(a: np.ndarray) -> float:
    """``float(np.abs(a).max())`` without the temporary array."""
    return max(float(a.max()), -float(a.min())) if a.size else 0.0


def _matvecs(m: sp.csr_matrix, x: np.ndarray, out: np.ndarray) -> None:
    """``out += m @ x`` for a dense block ``x`` (what ``m @ x`` does into a zeroed array)."""
    if _csr_matvecs is None:
        out += m @ x
        return
    rows, columns = m.shape
    _csr_matvecs(rows, columns, x.shape[1], m.indptr, m.indices, m.data, x.ravel(), out.ravel())


@dataclass
class Flows:
    """One method's shares and solution: ``x`` (what each service unit holds in all),
    ``stops`` (the reason a unit keeps what it holds, or ``None``), ``reached`` (the
    fraction of each unit's own cost that lands on revenue units)."""

    p: sp.csr_matrix
    q: sp.csr_matrix
    d: np.ndarray
    stops: list[str | None]
    groups: dict[int, list[int]]
    iterative: bool = False

    def __post_init__(self) -> None:
        n = len(self.d)
        self._solver = Solver(self.p, self.iterative) if n else None
        self.x = self._solve(self.d)
        self.reached = self._solve(np.asarray(self.q.sum(axis=1)).ravel(), transposed=True)
        self.allocated = self.q.T @ self.x if n else np.zeros(self.q.shape[1])

    def _solve(self, b: np.ndarray, transposed: bool = False) -> np.ndarray:
        if self._solver is None:
            return np.zeros(b.shape)
        return self._solver.solve(b, transposed)

    def landing_rows(self, rows: Sequence[int]) -> np.ndarray:
        """``F[rows, :]``: for each service unit of ``rows``, the fraction of its own cost
        that lands on each revenue unit (len(rows) × m), solved row by row (when the whole
        of F fits in memory, :meth:`attribution` is far cheaper for many rows)."""
        n = len(self.d)
        if not rows or not n:
            return np.zeros((len(rows), self.q.shape[1]))
        e = np.zeros((n, len(rows)))
        e[np.asarray(rows), np.arange(len(rows))] = 1.0
        y = self._solve(e)  # rows of (I - P)⁻¹ are the columns of A⁻¹
        return np.asarray((self.q.T @ y).T)

    def landing_sums(self, w: np.ndarray) -> np.ndarray:
        """``Fᵀ W`` for amounts ``W`` (n × k): column j of ``W`` says how much of each service
        unit's cost to follow; the answer (m × k) is how much of it lands on each revenue
        unit. One solve of k right sides (``Qᵀ A⁻¹ W``), whatever the number of revenue units."""
        if not len(self.d) or not w.shape[1]:
            return np.zeros((self.q.shape[1], w.shape[1]))
        return np.asarray(self.q.T @ self._solve(w))

    def landing_columns(self, columns: Sequence[int]) -> np.ndarray:
        """``F[:, columns]``: for each revenue unit of ``columns``, the fraction of every
        service unit's own cost that lands on it (n × len(columns))."""
        if not len(self.d) or not len(columns):
            return np.zeros((len(self.d), len(columns)))
        b = self.q[:, np.asarray(columns)].toarray()
        return self._solve(b, transposed=True)

    def attribution(self, blocks: Sequence[Sequence[int]], rows: np.ndarray) -> np.ndarray:
        """The whole of F, rows in the order ``rows``, columns in the order of ``blocks``
        (each block solved as :meth:`landing_columns` solves it, so the numbers are the same
        as reading it a block at a time): n × Σ len(block) numbers."""
        full = np.empty((len(self.d), sum(len(block) for block in blocks)))
        at = 0
        for block in blocks:
            full[:, at : at + len(block)] = self.landing_columns(block)[rows]
            at += len(block)
        return full


def reciprocal(gifts: Gifts, d: np.ndarray) -> Flows:
    """Every dependency counts; a group of service units whose cost cannot leave it (a
    unit nobody depends on, or units depending only on each other) keeps what it holds."""
    n = gifts.n
    inside = gifts.to_service
    graph = sp.csr_matrix((np.ones(int(inside.sum())), (gifts.giver[inside], gifts.taker[inside])), shape=(n, n))
    count, component = connected_components(graph, directed=True, connection="strong") if n else (0, np.zeros(0, int))
    # A component hands cost out when one of its members gives to a revenue unit or to a
    # service unit of another component.
    leaves = ~inside | (component[gifts.giver] != component[np.where(inside, gifts.taker, 0)])
    open_components = np.zeros(count, bool)
    open_components[component[gifts.giver[leaves]]] = True
    closed = ~open_components[component] if n else np.zeros(0, bool)
    sizes = np.bincount(component, minlength=count) if n else np.zeros(0, int)
    stops: list[str | None] = [None] * n
    groups: dict[int, list[int]] = {}
    for s in np.flatnonzero(closed):
        if sizes[component[s]] > 1:
            stops[s] = CLOSED_GROUP
            groups.setdefault(int(component[s]), []).append(int(s))
        else:
            stops[s] = NOBODY
    by_unit = {s: members for members in groups.values() for s in members}
    p, q = gifts.matrices(~closed[gifts.giver])
    return Flows(p, q, d, stops, by_unit, iterative=True)


def step_down(gifts: Gifts, d: np.ndarray, order: Sequence[int]) -> Flows:
    """Service units closed in ``order``: each hands what it holds to the units that depend
    on it and are not closed yet (revenue units, service units later in the order)."""
    position = np.empty(gifts.n, int)
    position[np.asarray(order, int)] = np.arange(len(order))
    later = ~gifts.to_service | (position[np.where(gifts.to_service, gifts.taker, 0)] > position[gifts.giver])
    p, q = gifts.matrices(later)
    has_any = np.bincount(gifts.giver, minlength=gifts.n) > 0
    gives = np.bincount(gifts.giver[later], minlength=gifts.n) > 0
    stops: list[str | None] = [None if gives[s] else CLOSED_BEFORE if has_any[s] else NOBODY for s in range(gifts.n)]
    return Flows(p, q, d, stops, {})


def direct(gifts: Gifts, d: np.ndarray) -> Flows:
    """Service-to-service dependencies ignored; each unit's cost shared over the revenue
    units that depend on it."""
    p, q = gifts.matrices(~gifts.to_service)
    has_any = np.bincount(gifts.giver, minlength=gifts.n) > 0
    gives = np.bincount(gifts.giver[~gifts.to_service], minlength=gifts.n) > 0
    stops: list[str | None] = [None if gives[s] else NO_REVENUE if has_any[s] else NOBODY for s in range(gifts.n)]
    return Flows(p, q, d, stops, {})


def default_order(gifts: Gifts, d: np.ndarray, ids: Sequence[str]) -> list[int]:
    """The default step-down order: the service unit that hands the largest share of its
    cost to other service units first (share = weight of its service dependents / weight of
    all its dependents; 0 for a unit nobody depends on); ties: larger own cost first, then
    id."""
    total = np.bincount(gifts.giver, weights=gifts.weight, minlength=gifts.n)
    to_service = np.bincount(gifts.giver[gifts.to_service], weights=gifts.weight[gifts.to_service], minlength=gifts.n)
    share = np.divide(to_service, total, out=np.zeros(gifts.n), where=total > 0)
    return sorted(range(gifts.n), key=lambda s: (-share[s], -d[s], ids[s]))


def apportion(values: np.ndarray, target: int) -> np.ndarray:
    """``values`` (in cents) rounded to integers that add up to ``target`` exactly: the
    largest remainder method (each value floored, the cents left over given one each to
    the largest fractions; a shortfall taken from the smallest).

    >>> apportion(np.array([33.4, 33.3, 33.3]), 100).tolist()
    [34, 33, 33]
    """
    if not len(values):
        return np.zeros(0, np.int64)
    floors = np.floor(values)
    fractions = values - floors
    result = floors.astype(np.int64)
    left = int(target - result.sum())
    if left > 0:
        whole, rest = divmod(left, len(values))
        result += whole
        if rest:
            result[np.argsort(-fractions, kind="stable")[:rest]] += 1
    elif left < 0:
        whole, rest = divmod(-left, len(values))
        result -= whole
        if rest:
            result[np.argsort(fractions, kind="stable")[:rest]] -= 1
    return result


def apportion_rows(values: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """:func:`apportion` of every row of ``values`` to its ``targets`` entry (row ``i`` of
    the result is ``apportion(values[i], targets[i])``, exactly, ties included), with the
    floors taken for the whole block at once and the left-over cents placed by a partition
    instead of a full sort of the row.

    >>> apportion_rows(np.array([[33.4, 33.3, 33.3], [0.5, 0.5, 0.0]]), np.array([100, 1])).tolist()
    [[34, 33, 33], [1, 0, 0]]
    """
    floors = np.floor(values)
    fractions = values - floors
    result = floors.astype(np.int64)
    width = values.shape[1]
    if not width:
        return result
    left = np.asarray(targets, dtype=np.int64) - result.sum(axis=1)
    for i in np.flatnonzero(left):
        extra = int(left[i])
        whole, rest = divmod(abs(extra), width)
        row = result[i]
        if extra > 0:
            row += whole
            if rest:
                row[_largest(fractions[i], rest)] += 1
        else:
            row -= whole
            if rest:
                row[_smallest(fractions[i], rest)] -= 1
    return result


def _largest(values: np.ndarray, count: int) -> np.ndarray:
    """The positions of the ``count`` largest values, equal ones first come first: the set
    ``np.argsort(-values, kind="stable")[:count]`` (0 < count < len(values); values are
    fractions, 0 <= v < 1, often mostly 0: only the positive ones are partitioned)."""
    positive = np.flatnonzero(values > 0.0)
    if count >= len(positive):  # every positive one, then the first zeros
        return np.concatenate([positive, np.flatnonzero(values <= 0.0)[: count - len(positive)]])
    candidates = values[positive]
    pivot = np.partition(candidates, len(candidates) - count)[len(candidates) - count]
    above = positive[candidates > pivot]
    return np.concatenate([above, positive[candidates == pivot][: count - len(above)]])


def _smallest(values: np.ndarray, count: int) -> np.ndarray:
    """The set ``np.argsort(values, kind="stable")[:count]`` (0 < count < len(values))."""
    pivot = np.partition(values, count - 1)[count - 1]
    below = np.flatnonzero(values < pivot)
    return np.concatenate([below, np.flatnonzero(values == pivot)[: count - len(below)]])
