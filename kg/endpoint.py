"""A remote SPARQL 1.1 Protocol endpoint, read the way the embedded store is read.

The read side (kg.read, trace, audit, the site, canned queries) runs every query
through one runner, ``kg.queries.select_values``; given an ``Endpoint`` instead of a
store, that runner POSTs the same bound text here and gets the same rows of plain
values back. Parameters are bound into the text by kg/sparql.py before it leaves, the
dkg prefixes are declared in it, and the default graph must be the union of the named
graphs (``oxigraph serve --union-default-graph``; Virtuoso by default).

Answers are read with a small SPARQL JSON results reader of our own rather than
pyoxigraph's: Virtuoso names blank nodes ``nodeID://b1`` (not a valid blank node
label), writes ``typed-literal`` (the 2007 draft's type) and booleans as ``1`` / ``0``.
Each is mapped to what the embedded store would have given.
"""

from __future__ import annotations

import base64
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg.errors import DkgError
from kg.sparql import bind_query
from kg.store import binding_term, to_python
from kg.vocab import DEFAULT_BASE, PREFIXES

_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_FORM_RE = re.compile(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE)
Term = ox.NamedNode | ox.BlankNode | ox.Literal


class Client:
    """HTTP to one server, logged in with Basic or Digest, whichever it asks for.

    urllib's auth handlers send a request whole, read the 401 and send it again; Virtuoso
    answers the 401 (Digest, on /sparql-auth and /sparql-graph-crud-auth) and closes the
    connection before a large body has been read, so the first send dies with a broken
    pipe. The challenge is therefore fetched once with a body-less GET and every request
    carries its Authorization header from the start (a fresh challenge when the server
    calls the nonce stale).
    """

    def __init__(self, url: str, auth: str | None = None) -> None:
        self.url = url
        self._opener = urllib.request.build_opener()
        self._digest: urllib.request.HTTPDigestAuthHandler | None = None
        self._basic: str | None = None
        self._challenge: dict[str, str] | None = None
        self._user = self._password = ""
        if auth:
            user, sep, password = auth.partition(":")
            if not sep:
                raise DkgError("--auth: give USER:PASSWORD")
            self._user, self._password = user, password
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, url, user, password)
            self._digest = urllib.request.HTTPDigestAuthHandler(mgr)

    @property
    def auth(self) -> bool:
        return self._digest is not None

    def _ask_challenge(self, url: str, timeout: float) -> None:
        self._basic, self._challenge = None, None
        try:
            with self._opener.open(urllib.request.Request(url), timeout=timeout) as resp:
                resp.read()
            return  # no login asked for
        except urllib.error.HTTPError as e:
            header = e.headers.get("WWW-Authenticate", "") if e.code == 401 else ""
            e.read()
        scheme, _, rest = header.partition(" ")
        if scheme.lower() == "digest":
            items = urllib.request.parse_http_list(rest)
            self._challenge = urllib.request.parse_keqv_list(items)
        elif scheme.lower() == "basic":
            token = base64.b64encode(f"{self._user}:{self._password}".encode()).decode()
            self._basic = "Basic " + token

    def _authorize(self, req: urllib.request.Request) -> None:
        if self._basic:
            req.add_unredirected_header("Authorization", self._basic)
        elif self._challenge and self._digest is not None:
            header = self._digest.get_authorization(req, self._challenge)
            if header:
                req.add_unredirected_header("Authorization", "Digest " + header)

    def open(self, req: urllib.request.Request, timeout: float) -> bytes:
        """The response body; HTTPError / URLError / OSError as urllib raises them."""
        if not self.auth:
            with self._opener.open(req, timeout=timeout) as resp:
                return resp.read()
        for attempt in range(2):
            if attempt or (self._challenge is None and self._basic is None):
                self._ask_challenge(req.full_url, timeout)
            self._authorize(req)
            try:
                with self._opener.open(req, timeout=timeout) as resp:
                    return resp.read()
            except urllib.error.HTTPError as e:
                if e.code != 401 or attempt:
                    raise
                e.read()
                req.remove_header("Authorization")
        raise AssertionError("unreachable")


@dataclass
class Answer:
    """One endpoint answer in pyoxigraph terms (kg.queries wraps it as a QueryResult)."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def _term(b: dict[str, Any], bnodes: dict[str, ox.BlankNode]) -> Term:
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        if value not in bnodes:
            bnodes[value] = ox.BlankNode()
        return bnodes[value]
    lang = b.get("xml:lang") or b.get("lang")
    if lang:
        return ox.Literal(value, language=lang)
    dt = b.get("datatype")
    if dt == _BOOLEAN and value in ("1", "0"):
        value = "true" if value == "1" else "false"
    return ox.Literal(value, datatype=ox.NamedNode(dt)) if dt else ox.Literal(value)


def parse_json_results(body: bytes) -> Answer:
    """SPARQL 1.1 Query Results JSON (and Virtuoso's dialect of it) as an ``Answer``."""
    data = json.loads(body.decode("utf-8"))
    if "boolean" in data:
        return Answer("ASK", boolean=bool(data["boolean"]))
    names = list(data.get("head", {}).get("vars", []))
    bnodes: dict[str, ox.BlankNode] = {}
    rows = [
        [_term(sol[n], bnodes) if n in sol else None for n in names]
        for sol in data.get("results", {}).get("bindings", [])
    ]
    return Answer("SELECT", names, rows)


def form_of(text: str) -> str:
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    m = _FORM_RE.search(code)
    return m.group(1).upper() if m else "SELECT"


class Endpoint:
    """A SPARQL 1.1 Protocol query address (Oxigraph: http://HOST:7878/query; Virtuoso:
    http://HOST:8890/sparql, or /sparql-auth with ``auth``)."""

    def __init__(
        self, url: str, auth: str | None = None, timeout: float = 300.0, base: str = DEFAULT_BASE
    ) -> None:
        self.url = url
        self.timeout = timeout
        self.client = Client(url, auth)
        self._prologue = "".join(
            f"PREFIX {p}: <{iri}>\n" for p, iri in {**PREFIXES, "id": base}.items()
        )

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r})"

    def answer(self, text: str) -> Answer:
        """POST query text (already bound; prefixes are declared here) and read the answer."""
        form = form_of(text)
        graph = form in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph else "application/sparql-results+json"
        data = urllib.parse.urlencode({"query": self._prologue + text}).encode("utf-8")
        req = urllib.request.Request(
            self.url,
            data=data,
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            body = self.client.open(req, timeout=self.timeout)
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip().splitlines()
            raise DkgError(
                f"{self.url}: HTTP {e.code} {detail[0] if detail else e.reason}"
            ) from None
        except (urllib.error.URLError, OSError) as e:
            raise DkgError(f"{self.url}: cannot reach endpoint ({e})") from None
        try:
            if graph:
                triples = [q.triple for q in ox.parse(body, ox.RdfFormat.N_TRIPLES)]
                return Answer(form, triples=triples)
            return parse_json_results(body)
        except (SyntaxError, ValueError, KeyError, TypeError) as e:
            raise DkgError(f"{self.url}: unreadable answer ({e})") from None

    def select(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of plain Python values, as ``kg.store.Store.select`` gives them."""
        terms = {k: binding_term(v) for k, v in (bindings or {}).items()}
        ans = self.answer(bind_query(sparql, terms))
        return [
            {n: to_python(t) for n, t in zip(ans.variables, row, strict=True)} for row in ans.rows
        ]


def comparable(variables: list[str], rows: list[list[Term | None]]) -> list[tuple]:
    """Rows as engines agree on them, sorted, for checking one engine against another.

    What the SPARQL standard leaves open, or Virtuoso 7.2 answers otherwise, is evened
    out: a boolean is 1 / 0 (Virtuoso gives xsd:integer for BOUND, EXISTS and boolean
    BINDs), a GROUP_CONCAT's parts (" | ") are sorted (their order is undefined) and its
    empty result is unbound, language tags and xsd:string are dropped (Virtuoso's
    GROUP_CONCAT has none), so values compare as ``kg.store.to_python`` reads them.
    """

    def norm(t: Term | None) -> Any:
        v = to_python(t)
        if isinstance(v, bool):
            return int(v)
        if isinstance(v, str):
            if v == "":
                return None
            if " | " in v:
                return " | ".join(sorted(v.split(" | ")))
        return v

    out = [tuple(norm(t) for t in row) for row in rows]
    assert all(len(r) == len(variables) for r in out)
    return sorted(out, key=repr)
