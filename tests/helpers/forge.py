"""A stand-in for the forge (GitHub) that the editor at /redaktion/ talks to, held to GitHub's published API.

The forge cannot run here, so the editor's tests (and ``make redaktion``) talk to this instead: one repository in
memory, with branches, commits, blobs and pull requests. It answers only the calls the CMS really makes; any other
call fails the test with its method and path. Every answer is checked against what GitHub publishes:

- REST: each request's method and path must be an operation in GitHub's OpenAPI description (npm
  ``@octokit/openapi``, ``generated/api.github.com.json``), and each answer must validate against that operation's
  response schema (with jsonschema; OpenAPI's ``nullable`` becomes a JSON Schema null).
- GraphQL: each query is executed by graphql-core against GitHub's public schema (npm ``@octokit/graphql-schema``,
  ``schema.json``). A query the real schema refuses fails; an answer has the schema's shape by construction.

Answers start from a minimal instance of the response schema (every required key, placeholder values) with this
repository's real values laid over it, so the CMS reads the same fields it would read from GitHub.

``python -m tests.helpers.forge DIR`` serves the same stand-in over HTTP for ``make redaktion``: the CMS's
pull requests appear as branches of it; a published one is written into DIR.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
import json
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import graphql
import jsonschema

ROOT = Path(__file__).resolve().parents[2]
OPENAPI = ROOT / "node_modules" / "@octokit" / "openapi" / "generated" / "api.github.com.json"
GRAPHQL_SCHEMA = ROOT / "node_modules" / "@octokit" / "graphql-schema" / "schema.json"
CORS = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "Authorization, Content-Type, If-None-Match, Cache-Control, X-GitHub-Api-Version",
    "access-control-allow-methods": "GET, POST, PATCH, PUT, DELETE",
    "access-control-expose-headers": "ETag, Link, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining",
}
NOW = "2026-12-06T08:00:00Z"


class ContractError(AssertionError):
    """A request or an answer GitHub's published API description does not allow."""


# ---------------------------------------------------------------- GitHub's published descriptions


@functools.cache
def openapi() -> dict[str, Any]:
    return json.loads(OPENAPI.read_text(encoding="utf-8"))


@functools.cache
def graphql_schema() -> graphql.GraphQLSchema:
    """GitHub's schema. graphql-core finds it invalid only because GitHub deprecates a few fields of types whose
    interfaces do not deprecate them (e.g. PullRequest.databaseId); that says nothing about a query, so the schema
    is marked as checked and the queries are still validated against it."""
    schema = graphql.build_client_schema(json.loads(GRAPHQL_SCHEMA.read_text(encoding="utf-8")))
    problems = graphql.validate_schema(schema)
    assert all("must not be deprecated" in p.message for p in problems), problems[:3]
    schema._validation_errors = []
    return schema


@functools.cache
def _operations() -> list[tuple[re.Pattern[str], str, str]]:
    """(path regex, method, template) for every REST operation GitHub publishes; literal paths first."""
    out = []
    for template, item in openapi()["paths"].items():
        regex = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
        for method in item:
            if method in ("get", "post", "put", "patch", "delete"):
                out.append((regex, method.upper(), template))
    return sorted(out, key=lambda op: op[2].count("{"))


def operation(method: str, path: str) -> str:
    """The published path template for a request, e.g. '/repos/{owner}/{repo}/pulls'; ContractError if none."""
    for regex, verb, template in _operations():
        if verb == method and regex.match(path):
            return template
    raise ContractError(f"GitHub publishes no REST operation {method} {path}")


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = openapi()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _json_schema(node: Any, depth: int = 0) -> Any:
    """An OpenAPI 3.0 schema as JSON Schema: $refs inlined (to a depth), nullable as a null type."""
    node = _resolve(node)
    if depth > 12:
        return {}
    if isinstance(node, list):
        return [_json_schema(item, depth + 1) for item in node]
    if not isinstance(node, dict):
        return node
    out = {
        key: (
            _json_schema(value, depth + 1)
            if key in ("items", "not", "additionalProperties") or key in ("allOf", "anyOf", "oneOf")
            else {k: _json_schema(v, depth + 1) for k, v in value.items()}
            if key == "properties"
            else value
        )
        for key, value in node.items()
        if key not in ("nullable", "example", "examples", "discriminator")
    }
    if node.get("nullable"):
        out = {"anyOf": [out, {"type": "null"}]}
    return out


def response_schema(method: str, template: str, status: int) -> Any:
    responses = openapi()["paths"][template][method.lower()]["responses"]
    if str(status) not in responses:
        raise ContractError(f"GitHub publishes no answer {status} for {method} {template} ({sorted(responses)})")
    content = _resolve(responses[str(status)]).get("content", {})
    body = content.get("application/json") or next(iter(content.values()), None)
    return _json_schema(body["schema"]) if body and "schema" in body else None


def request_schema(method: str, template: str) -> Any:
    body = _resolve(openapi()["paths"][template][method.lower()].get("requestBody", {}))
    content = body.get("content", {}).get("application/json")
    return _json_schema(content["schema"]) if content else None


def check(instance: Any, schema: Any, what: str) -> None:
    if schema is None:
        return
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(instance), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        raise ContractError(f"{what}: {first.message[:300]} at {list(first.path)}")


def minimal(schema: Any) -> Any:
    """A small instance of a JSON Schema: every required key, with a placeholder of the right type."""
    if not isinstance(schema, dict):
        return None
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return minimal(next((s for s in schema[key] if s.get("type") != "null"), schema[key][0]))
    if "allOf" in schema:
        out: dict[str, Any] = {}
        for part in schema["allOf"]:
            out.update(minimal(part) or {})
        return out
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {key: minimal(props.get(key, {})) for key in schema.get("required", ())}
    if kind == "array":
        return []
    if kind == "integer" or kind == "number":
        return 1
    if kind == "boolean":
        return False
    fmt = schema.get("format")
    if fmt == "date-time":
        return NOW
    if fmt == "uri":
        return "https://api.github.com/"
    if fmt == "email":
        return "redaktion@example.org"
    return "x"


def shaped(schema: Any, values: dict[str, Any]) -> dict[str, Any]:
    """The minimal instance with our values laid over it (nested dicts merged)."""
    base = minimal(schema) if schema is not None else {}

    def merge(into: Any, over: Any) -> Any:
        if isinstance(into, dict) and isinstance(over, dict):
            return {**into, **{k: merge(into.get(k), v) for k, v in over.items()}}
        return over

    return merge(base, values)


# ---------------------------------------------------------------- the repository


def blob_sha(content: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


@dataclass
class Commit:
    oid: str
    files: dict[str, bytes]
    parent: str | None
    message: str
    date: str = NOW


@dataclass
class PullRequest:
    number: int
    head: str
    base: str
    title: str
    body: str
    labels: list[str] = field(default_factory=list)
    state: str = "open"
    merged: bool = False

    @property
    def node_id(self) -> str:
        return f"PR_{self.number}"


@dataclass
class Call:
    """One call the CMS made: REST (method and published path template) or GraphQL (the operation's root fields)."""

    kind: str
    name: str
    status: int


class Forge:
    """One repository on a pretend GitHub, answering the REST and GraphQL calls of the CMS."""

    def __init__(
        self,
        owner: str,
        repo: str,
        files: dict[str, bytes],
        *,
        branch: str = "main",
        login: str = "kommune-redaktoer",
        token: str = "github_pat_test",
    ):
        self.owner, self.repo, self.default_branch = owner, repo, branch
        self.login, self.token = login, token
        self.commits: dict[str, Commit] = {}
        self.refs: dict[str, str] = {}
        self.pulls: list[PullRequest] = []
        self.calls: list[Call] = []
        self._counter = itertools.count(1)
        self._lock = threading.Lock()
        self.refs[branch] = self._commit(dict(files), None, "Udgangspunkt")
        self.on_merge: Callable[[PullRequest, dict[str, bytes]], None] | None = None

    @classmethod
    def from_directory(cls, owner: str, repo: str, root: Path, folders: Iterable[str], **kwargs: Any) -> Forge:
        files = {
            p.relative_to(root).as_posix(): p.read_bytes()
            for folder in folders
            for p in sorted((root / folder).rglob("*"))
            if p.is_file()
        }
        return cls(owner, repo, files, **kwargs)

    # -- git

    def _commit(self, files: dict[str, bytes], parent: str | None, message: str) -> str:
        oid = hashlib.sha1(f"commit {next(self._counter)} {message}".encode()).hexdigest()
        self.commits[oid] = Commit(oid, files, parent, message)
        return oid

    def files(self, ref: str) -> dict[str, bytes]:
        return self.commits[self.refs.get(ref, ref)].files

    def blob(self, sha: str) -> bytes | None:
        for commit in self.commits.values():
            for content in commit.files.values():
                if blob_sha(content) == sha:
                    return content
        return None

    def diff(self, pull: PullRequest) -> dict[str, tuple[bytes | None, bytes | None]]:
        """The pull request's changes: path → (base content, head content)."""
        base, head = self.files(pull.base), self.files(pull.head)
        return {
            path: (base.get(path), head.get(path))
            for path in sorted(set(base) | set(head))
            if base.get(path) != head.get(path)
        }

    # -- HTTP

    def handle(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, dict[str, str], bytes]:
        if method == "OPTIONS":
            return 204, dict(CORS), b""
        with self._lock:
            parts = urlsplit(url)
            path = re.sub(r"^/api/(v3|graphql)", lambda m: "" if m[1] == "v3" else "/graphql", parts.path)
            if headers.get("authorization", "") not in (f"token {self.token}", f"Bearer {self.token}"):
                return self._json(
                    401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}
                )
            if path == "/graphql" and method == "POST":
                return self._graphql(json.loads(body or b"{}"))
            template = operation(method, path)
            payload = json.loads(body) if body else None
            check(payload, request_schema(method, template), f"request {method} {template}")
            status, answer = self._rest(method, template, path, parse_qs(parts.query), payload)
            check(answer, response_schema(method, template, status), f"answer {status} to {method} {template}")
            self.calls.append(Call("REST", f"{method} {template}", status))
            return self._json(status, answer)

    def _json(self, status: int, answer: Any) -> tuple[int, dict[str, str], bytes]:
        return status, {**CORS, "content-type": "application/json; charset=utf-8"}, json.dumps(answer).encode()

    # -- REST: only what the CMS calls

    def _user(self) -> dict[str, Any]:
        return {
            "login": self.login,
            "id": 4242,
            "node_id": "U_4242",
            "name": "Sundhed og Forebyggelse",
            "email": None,
            "avatar_url": "",
            "html_url": f"https://github.com/{self.login}",
            "type": "User",
        }

    def _rest(
        self, method: str, template: str, path: str, query: dict[str, list[str]], payload: Any
    ) -> tuple[int, Any]:
        success = sorted(s for s in openapi()["paths"][template][method.lower()]["responses"] if s.startswith("2"))
        schema = response_schema(method, template, int(success[0])) if success else None
        segments = [unquote(s) for s in path.strip("/").split("/")]
        key = f"{method} {template}"
        if key == "GET /user":
            return 200, shaped(schema, self._user())
        if key == "GET /repos/{owner}/{repo}":
            return 200, shaped(schema, self._repository())
        if key == "GET /repos/{owner}/{repo}/collaborators/{username}":
            return (204, None) if segments[-1] == self.login else (404, {"message": "Not Found"})
        if key == "GET /repos/{owner}/{repo}/collaborators/{username}/permission":
            return 200, shaped(schema, {"permission": "write", "role_name": "write", "user": self._user()})
        if key == "GET /repos/{owner}/{repo}/git/trees/{tree_sha}":
            files = self.files(segments[-1])
            tree = [
                {
                    "path": p,
                    "mode": "100644",
                    "type": "blob",
                    "sha": blob_sha(c),
                    "size": len(c),
                    "url": f"https://api.github.com/repos/{self.owner}/{self.repo}/git/blobs/{blob_sha(c)}",
                }
                for p, c in sorted(files.items())
            ]
            return 200, shaped(
                schema,
                {
                    "sha": self.refs.get(segments[-1], segments[-1]),
                    "tree": tree,
                    "truncated": False,
                    "url": "https://api.github.com/",
                },
            )
        if key == "GET /repos/{owner}/{repo}/git/blobs/{file_sha}":
            content = self.blob(segments[-1])
            if content is None:
                return 404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}
            return 200, shaped(
                schema,
                {
                    "sha": segments[-1],
                    "size": len(content),
                    "encoding": "base64",
                    "content": base64.b64encode(content).decode(),
                },
            )
        if key == "GET /repos/{owner}/{repo}/commits":
            ref = query.get("sha", [self.default_branch])[0]
            oid = self.refs.get(ref, ref)
            return 200, [
                shaped(
                    _json_schema(schema["items"]) if "items" in schema else None,
                    {
                        "sha": oid,
                        "commit": {
                            "message": self.commits[oid].message,
                            "author": {"name": self.login, "date": NOW},
                            "committer": {"name": self.login, "date": NOW},
                        },
                    },
                )
            ]
        if key == "POST /repos/{owner}/{repo}/pulls":
            pull = PullRequest(
                len(self.pulls) + 1,
                payload["head"].split(":")[-1],
                payload["base"],
                payload["title"],
                payload.get("body") or "",
            )
            self.pulls.append(pull)
            return 201, shaped(response_schema(method, template, 201), self._pull(pull))
        if key == "POST /repos/{owner}/{repo}/issues/{issue_number}/labels":
            pull = self._pull_by_number(int(segments[-2]))
            names = payload["labels"] if isinstance(payload, dict) else payload
            pull.labels = [*pull.labels, *(n if isinstance(n, str) else n["name"] for n in names)]
            return 200, [shaped(_json_schema(schema["items"]), self._label(n)) for n in pull.labels]
        if key in ("PUT /repos/{owner}/{repo}/issues/{issue_number}/labels",):
            pull = self._pull_by_number(int(segments[-2]))
            pull.labels = [n if isinstance(n, str) else n["name"] for n in payload["labels"]]
            return 200, [shaped(_json_schema(schema["items"]), self._label(n)) for n in pull.labels]
        if key == "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}":
            pull = self._pull_by_number(int(segments[-3]))
            pull.labels = [n for n in pull.labels if n != segments[-1]]
            return 200, [shaped(_json_schema(schema["items"]), self._label(n)) for n in pull.labels]
        if key == "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge":
            pull = self._pull_by_number(int(segments[-2]))
            merged = self._commit(dict(self.files(pull.head)), self.refs[pull.base], pull.title)
            self.refs[pull.base], pull.state, pull.merged = merged, "closed", True
            if self.on_merge:
                self.on_merge(pull, self.diff_files(pull))
            return 200, shaped(schema, {"sha": merged, "merged": True, "message": "Pull Request successfully merged"})
        if key == "PATCH /repos/{owner}/{repo}/pulls/{pull_number}":
            pull = self._pull_by_number(int(segments[-1]))
            pull.state = payload.get("state", pull.state)
            return 200, shaped(schema, self._pull(pull))
        if key == "DELETE /repos/{owner}/{repo}/git/refs/{ref}":
            self.refs.pop(path.split("/git/refs/heads/", 1)[-1], None)
            return 204, None
        raise ContractError(f"the stand-in forge does not answer {key} ({path}): the CMS made a call no test expects")

    def diff_files(self, pull: PullRequest) -> dict[str, bytes]:
        return {p: new for p, (_, new) in self.diff(pull).items() if new is not None}

    def _repository(self) -> dict[str, Any]:
        return {
            "id": 1,
            "node_id": "R_1",
            "name": self.repo,
            "full_name": f"{self.owner}/{self.repo}",
            "private": False,
            "default_branch": self.default_branch,
            "visibility": "public",
            "html_url": f"https://github.com/{self.owner}/{self.repo}",
            "owner": {"login": self.owner, "id": 1, "node_id": "O_1", "type": "Organization"},
            "permissions": {"admin": False, "maintain": False, "push": True, "triage": True, "pull": True},
        }

    def _label(self, name: str) -> dict[str, Any]:
        return {
            "id": abs(hash(name)) % 10_000,
            "node_id": f"L_{name}",
            "name": name,
            "color": "ededed",
            "default": False,
            "url": "https://api.github.com/",
        }

    def _pull_by_number(self, number: int) -> PullRequest:
        return next(p for p in self.pulls if p.number == number)

    def _pull(self, pull: PullRequest) -> dict[str, Any]:
        return {
            "number": pull.number,
            "node_id": pull.node_id,
            "id": pull.number,
            "state": pull.state,
            "title": pull.title,
            "body": pull.body,
            "merged": pull.merged,
            "draft": False,
            "head": {"ref": pull.head, "sha": self.refs.get(pull.head, "0" * 40), "label": pull.head},
            "base": {"ref": pull.base, "sha": self.refs[pull.base], "label": pull.base},
            "labels": [self._label(n) for n in pull.labels],
            "user": self._user(),
        }

    # -- GraphQL: executed against GitHub's published schema

    def _graphql(self, request: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        document = graphql.parse(request["query"])
        errors = graphql.validate(graphql_schema(), document)
        if errors:
            raise ContractError(f"GitHub's GraphQL schema refuses the query: {errors[0].message}\n{request['query']}")
        operation_node = next(d for d in document.definitions if isinstance(d, graphql.OperationDefinitionNode))
        fields = sorted(
            {s.name.value for s in operation_node.selection_set.selections if isinstance(s, graphql.FieldNode)}
        )
        root = self._mutations() if operation_node.operation == graphql.OperationType.MUTATION else self._queries()
        result = graphql.execute(
            graphql_schema(), document, root_value=root, variable_values=request.get("variables") or {}
        )
        if result.errors:
            original = result.errors[0].original_error
            if isinstance(original, ContractError):
                raise original
            raise ContractError(f"GraphQL {fields}: {result.errors[0].message}")
        self.calls.append(Call("GraphQL", f"{operation_node.operation.value} {' '.join(fields)}", 200))
        return self._json(200, {"data": result.data})

    def _commit_node(self, oid: str) -> dict[str, Any]:
        commit = self.commits[oid]
        return {
            "__typename": "Commit",
            "oid": oid,
            "id": f"C_{oid}",
            "message": commit.message,
            "committedDate": commit.date,
            "author": {"name": self.login, "email": "", "user": {"login": self.login, "databaseId": 4242}},
            "history": lambda info, **args: {"nodes": [self._commit_node(oid)]},
            "file": lambda info, path: self._tree_entry(commit.files, path),
        }

    def _tree_entry(self, files: dict[str, bytes], path: str) -> dict[str, Any] | None:
        if path not in files:
            return None
        return {
            "__typename": "TreeEntry",
            "path": path,
            "name": path.rsplit("/", 1)[-1],
            "oid": blob_sha(files[path]),
            "object": self._blob(files[path]),
        }

    def _blob(self, content: bytes) -> dict[str, Any]:
        text = content.decode("utf-8", errors="replace")
        return {
            "__typename": "Blob",
            "oid": blob_sha(content),
            "id": f"B_{blob_sha(content)}",
            "byteSize": len(content),
            "isBinary": False,
            "isTruncated": False,
            "text": text,
        }

    def _ref(self, name: str) -> dict[str, Any] | None:
        name = name.removeprefix("refs/heads/")
        if name not in self.refs:
            return None
        return {
            "__typename": "Ref",
            "id": f"REF_{name}",
            "name": name,
            "prefix": "refs/heads/",
            "target": self._commit_node(self.refs[name]),
        }

    def _pull_node(self, pull: PullRequest) -> dict[str, Any]:
        files = [
            {"path": p, "changeType": "MODIFIED" if old is not None else "ADDED"}
            for p, (old, _) in self.diff(pull).items()
        ]
        return {
            "__typename": "PullRequest",
            "id": pull.node_id,
            "number": pull.number,
            "title": pull.title,
            "url": f"https://github.com/{self.owner}/{self.repo}/pull/{pull.number}",
            "isDraft": False,
            "isCrossRepository": False,
            "createdAt": NOW,
            "updatedAt": NOW,
            "state": {"open": "OPEN", "closed": "MERGED" if pull.merged else "CLOSED"}[pull.state],
            "headRefName": pull.head,
            "headRefOid": self.refs.get(pull.head, "0" * 40),
            "author": {
                "__typename": "User",
                "login": self.login,
                "avatarUrl": "https://api.github.com/",
                "name": "Sundhed og Forebyggelse",
                "email": "",
                "databaseId": 4242,
            },
            "labels": lambda info, **args: {"nodes": [{"name": n} for n in pull.labels]},
            "files": lambda info, **args: {"nodes": files},
        }

    def _repository_node(self) -> dict[str, Any]:
        def pull_requests(info: Any, **args: Any) -> dict[str, Any]:
            found = [
                p
                for p in self.pulls
                if p.state == "open"
                and (not args.get("headRefName") or p.head == args["headRefName"])
                and (not args.get("labels") or set(args["labels"]) & set(p.labels))
            ]
            return {"totalCount": len(found), "nodes": [self._pull_node(p) for p in found]}

        def refs(info: Any, refPrefix: str, **args: Any) -> dict[str, Any]:
            names = sorted(n for n in self.refs if f"refs/heads/{n}".startswith(refPrefix))
            return {
                "nodes": [{**self._ref(n), "name": f"refs/heads/{n}".removeprefix(refPrefix)} for n in names],
                "totalCount": len(names),
            }

        def obj(info: Any, oid: str | None = None, expression: str | None = None) -> dict[str, Any] | None:
            if oid is not None:
                content = self.blob(oid)
                if content is not None:
                    return self._blob(content)
                return self._commit_node(oid) if oid in self.commits else None
            ref, _, path = (expression or "").partition(":")
            files = self.files(ref) if ref in self.refs else {}
            return self._blob(files[path]) if path in files else None

        return {
            "__typename": "Repository",
            "id": "R_1",
            "name": self.repo,
            "nameWithOwner": f"{self.owner}/{self.repo}",
            "defaultBranchRef": self._ref(self.default_branch),
            "ref": lambda info, qualifiedName: self._ref(qualifiedName),
            "refs": refs,
            "pullRequests": pull_requests,
            "object": obj,
            "forks": lambda info, **args: {"nodes": []},
        }

    def _queries(self) -> dict[str, Any]:
        return {
            "repository": lambda info, owner, name, **args: (
                self._repository_node() if (owner, name) == (self.owner, self.repo) else None
            ),
            "node": lambda info, id: next((self._pull_node(p) for p in self.pulls if p.node_id == id), None),
            "viewer": lambda info: {"__typename": "User", **self._user()},
        }

    def _mutations(self) -> dict[str, Any]:
        def create_ref(info: Any, input: dict[str, Any]) -> dict[str, Any]:
            name = input["name"].removeprefix("refs/heads/")
            self.refs[name] = input["oid"]
            return {"ref": self._ref(name)}

        def create_commit(info: Any, input: dict[str, Any]) -> dict[str, Any]:
            branch = input["branch"]["branchName"]
            head = self.refs[branch]
            if input.get("expectedHeadOid") not in (None, head):
                raise ContractError("expectedHeadOid is not the branch's head")
            files = dict(self.files(branch))
            changes = input.get("fileChanges") or {}
            for addition in changes.get("additions") or ():
                files[addition["path"]] = base64.b64decode(addition["contents"])
            for deletion in changes.get("deletions") or ():
                files.pop(deletion["path"], None)
            message = input["message"]["headline"]
            self.refs[branch] = self._commit(files, head, message)
            return {"commit": self._commit_node(self.refs[branch])}

        return {"createRef": create_ref, "createCommitOnBranch": create_commit}


# ---------------------------------------------------------------- make redaktion: the stand-in over HTTP


def serve(forge: Forge, port: int) -> None:
    import http.server

    class Handler(http.server.BaseHTTPRequestHandler):
        def _any(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else None
            try:
                status, headers, answer = forge.handle(
                    self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body
                )
            except ContractError as exc:
                status, headers, answer = 501, dict(CORS), str(exc).encode()
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("content-length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _any

        def log_message(self, format: str, *args: Any) -> None:
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Den lokale stand-in for GitHub, som redaktionen gemmer i.")
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--repo", default="videre-dk/videre")
    args = parser.parse_args()
    owner, repo = args.repo.split("/")
    forge = Forge.from_directory(owner, repo, args.root, ["data"], token="lokal")

    def write(pull: PullRequest, files: dict[str, bytes]) -> None:
        for path, content in files.items():
            (args.root / path).write_bytes(content)
        print(f"Publiceret: {pull.title} ({', '.join(files)})", flush=True)

    forge.on_merge = write
    print(f"Stand-in for GitHub på http://127.0.0.1:{args.port} (token: lokal)", flush=True)
    serve(forge, args.port)


if __name__ == "__main__":
    main()
