#!/usr/bin/env python3
"""Writes the shape matrix: OpenAPI documents that put every schema construct
xapi-gen reads in every position it can appear, and the samples that test the
code generated from them.

    python3 Tests/ShapeMatrix/generate.py           # rewrite the outputs
    python3 Tests/ShapeMatrix/generate.py --check   # fail when they are stale

For each OpenAPI version (3.0 and 3.1, which spell `nullable` differently) it
writes, into the test target that builds the document through the plugin:

- `shape-matrix.json`: the document. Every *shape* (a construct: object,
  array, string enum, oneOf with and without discriminator, anyOf, allOf,
  nullable, $ref, additionalProperties as a flag and as a schema, formats,
  any value, ...) appears
    - as a top-level component (`Shape`),
    - inline as a property, required and optional, nullable, as array items,
      in nested arrays, and as additionalProperties values (`ShapeHolder`),
    - by reference in the same places (`ShapeHolder.reference...`),
    - as a top-level array, array of arrays, map and nullable component
      (`ShapeList`, `ShapeGrid`, `ShapeMap`, `ShapeNullable`),
    - inline as a request body and a response (operation `echoShape`), and
      by reference (operation `echoShapeHolder`),
    - and, for shapes a URL can carry, as path and query parameters, single
      and in arrays, exploded or comma-separated (operation `parametersShape`).
  Beside the shapes, operations for what goes on the wire besides JSON
  (`wire_operations`): header and cookie parameters, every security scheme
  alone, together (AND) and as alternatives (OR), and multipart, form, binary
  and text bodies and downloads. Their tests are written by hand
  (`Support/WireTests.swift`): each checks the exact bytes the echo transport
  received.
- `ShapeSamples.swift`: for each component a JSON sample per case (decoded,
  encoded and decoded again by the tests, and compared exactly with the input,
  or with the `encoded:` JSON where an optional member that is null is left
  out: null and absent are never the same), each echo operation's body, and
  each parameters operation's call with the exact path and query it must send.

Only the standard library is used, so CI runs it on a clean machine.
"""
import json
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TARGETS = {"3.0": "XAPIShapeMatrix30Tests", "3.1": "XAPIShapeMatrix31Tests"}
OPENAPI = {"3.0": "3.0.3", "3.1": "3.1.0"}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema, version):
    """`schema` that also allows null, spelled as the version spells it."""
    if "$ref" in schema:
        # 3.0 cannot put keywords beside $ref: the common workaround wraps it.
        if version == "3.0":
            return {"allOf": [schema], "nullable": True}
        return {"oneOf": [schema, {"type": "null"}]}
    schema = dict(schema)
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = schema["enum"] + [None]
    if version == "3.0":
        schema["nullable"] = True
        return schema
    kind = schema.get("type")
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
        return schema
    if isinstance(kind, list):
        schema["type"] = kind if "null" in kind else kind + ["null"]
        return schema
    return {"anyOf": [schema, {"type": "null"}]}


class Parameter:
    """How a shape travels in a URL: Swift literals for two values and their text."""

    def __init__(self, swift, text):
        self.swift = swift  # two Swift expressions
        self.text = text  # what the URL carries for each


class Shape:
    def __init__(self, name, schema, samples, parameter=None, versions=("3.0", "3.1"), note="", flattened=None):
        self.name = name
        # A body of at most four plain members becomes arguments: (body type, [(label, member)]).
        self.flattened = flattened
        self.schema = schema  # a function of the version, or a dict
        self.samples = samples  # JSON values, each valid for the schema
        self.parameter = parameter
        self.versions = versions
        self.note = note

    def inline(self, version):
        return self.schema(version) if callable(self.schema) else json.loads(json.dumps(self.schema))


OBJECT = {
    "type": "object",
    "description": "An object with required and optional members of every scalar type.",
    "required": ["id", "created_at"],
    "properties": {
        "id": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"},
        "count": {"type": "integer", "format": "int32"},
        "score": {"type": "number"},
        "active": {"type": "boolean"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "self": {"type": "string", "description": "A member whose name is a Swift keyword."},
        "inner": {
            "type": "object",
            "properties": {"depth": {"type": "integer"}, "labels": {"type": "array", "items": {"type": "string"}}},
        },
    },
}
OBJECT_SAMPLES = [
    {"id": "1", "created_at": "2024-01-02T03:04:05.000Z"},
    {
        "id": "2", "created_at": "2024-01-02T03:04:05.123Z", "count": 7, "score": 1.5, "active": True,
        "tags": ["a", "b"], "self": "me", "inner": {"depth": 3, "labels": []},
    },
]

CAT = {"type": "object", "required": ["kind", "meows"], "properties": {"kind": {"type": "string"}, "meows": {"type": "integer"}}}
DOG = {"type": "object", "required": ["kind", "barks"], "properties": {"kind": {"type": "string"}, "barks": {"type": "boolean"}}}
CAT_SAMPLE = {"kind": "cat", "meows": 3}
DOG_SAMPLE = {"kind": "dog", "barks": True}


def base_components(version):
    """Components the shapes refer to."""
    return {
        "Cat": CAT,
        "Dog": DOG,
        "Animal": {
            "type": "object",
            "description": "The base of an inheritance hierarchy (allOf with a discriminator).",
            "required": ["kind"],
            "properties": {"kind": {"type": "string"}, "name": {"type": "string"}},
            "discriminator": {"propertyName": "kind", "mapping": {"lion": "#/components/schemas/Lion", "wolf": "#/components/schemas/Wolf"}},
        },
        "Lion": {"allOf": [ref("Animal"), {"type": "object", "properties": {"mane": {"type": "boolean"}}}]},
        "Wolf": {"allOf": [ref("Animal"), {"type": "object", "properties": {"pack": {"type": "integer"}}}]},
        "Word": {"type": "string", "pattern": "^[a-z]+$", "description": "A constrained string (a typealias)."},
        "Literal": {"type": "object", "required": ["number"], "properties": {"number": {"type": "number"}}},
        "Sum": {"type": "object", "required": ["left", "right"], "description": "Holds the oneOf that holds it.",
                "properties": {"left": ref("Expression"), "right": ref("Expression")}},
    }


SHAPES = [
    # Scalars and formats.
    Shape("Text", {"type": "string"}, ["hello", ""],
          Parameter(['"a b/c"', '"x,y"'], ["a b/c", "x,y"])),
    Shape("Timestamp", {"type": "string", "format": "date-time"}, ["2024-01-02T03:04:05.000Z"],
          Parameter(["Date(timeIntervalSince1970: 1_704_164_645)", "Date(timeIntervalSince1970: 0.5)"],
                    ["2024-01-02T03:04:05.000Z", "1970-01-01T00:00:00.500Z"])),
    Shape("Link", {"type": "string", "format": "uri"}, ["https://example.com/a?b=1"],
          Parameter(['URL(string: "https://example.com/a?b=1")!', 'URL(string: "https://x.com")!'],
                    ["https://example.com/a?b=1", "https://x.com"])),
    Shape("Day", {"type": "string", "format": "date", "description": "Formats the generator does not type stay strings."},
          ["2024-01-02"], Parameter(['"2024-01-02"', '"2024-01-03"'], ["2024-01-02", "2024-01-03"])),
    Shape("Identifier", {"type": "string", "format": "uuid"}, ["0b1e1f9e-3c1a-4c1e-9a7e-1d2b3c4d5e6f"]),
    Shape("Count", {"type": "integer", "minimum": 0, "maximum": 1000}, [0, 1000],
          Parameter(["7", "1000"], ["7", "1000"])),
    Shape("Count32", {"type": "integer", "format": "int32"}, [-2147483648],
          Parameter(["-3", "2_147_483_647"], ["-3", "2147483647"])),
    Shape("Count64", {"type": "integer", "format": "int64"}, [9007199254740993],
          Parameter(["9_007_199_254_740_993", "-1"], ["9007199254740993", "-1"])),
    Shape("Ratio", {"type": "number"}, [1.5, 2],
          Parameter(["1.5", "2"], ["1.5", "2"])),
    Shape("Ratio32", {"type": "number", "format": "float"}, [0.5],
          Parameter(["0.25", "-8"], ["0.25", "-8"])),
    Shape("Flag", {"type": "boolean"}, [True, False],
          Parameter(["true", "false"], ["true", "false"])),
    Shape("Color", {"type": "string", "enum": ["red", "dark-blue", "with space", "123", "unknown", "default"]},
          ["dark-blue", "unknown", "a value added later"],
          Parameter([".darkBlue", "._123"], ["dark-blue", "123"])),
    Shape("Level", {"type": "integer", "enum": [1, 2, 3], "description": "A non-string enum: its plain type."}, [2],
          Parameter(["2", "3"], ["2", "3"])),
    Shape("Constant", {"type": "string", "const": "fixed"}, ["fixed"], versions=("3.1",)),
    Shape("Word", ref("Word"), ["abc"], Parameter(['"abc"', '"xyz"'], ["abc", "xyz"]), note="a reference to a constrained string"),
    Shape("Anything", {}, [{"a": [1, "x", None, True]}, "text", 3]),
    Shape("Several", {"type": ["string", "integer"]}, ["x", 3], versions=("3.1",)),
    # Objects.
    Shape("Plain", OBJECT, OBJECT_SAMPLES),
    Shape("Empty", {"type": "object", "description": "An object schema with nothing declared: any object."},
          [{}, {"any": {"thing": [1]}}]),
    Shape("Closed", {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False}, [{"a": "x"}, {}]),
    Shape("Open", {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": True},
          [{"a": "x", "b": [1, 2], "c": None}]),
    Shape("Extras", {"type": "object", "required": ["a"], "properties": {"a": {"type": "integer"}},
                     "additionalProperties": {"type": "string"}}, [{"a": 1, "b": "x", "c": "y"}]),
    Shape("Counts", {"type": "object", "additionalProperties": {"type": "integer"}}, [{"a": 1, "b": 2}, {}]),
    Shape("ObjectMap", {"type": "object", "additionalProperties": {"type": "object", "properties": {"n": {"type": "integer"}}}},
          [{"a": {"n": 1}, "b": {}}]),
    Shape("AnyMap", {"type": "object", "additionalProperties": True}, [{"a": 1, "b": [None, "x"]}]),
    Shape("Reference", ref("Cat"), [CAT_SAMPLE], flattened=("Cat", ["kind", "meows"])),
    # Arrays.
    Shape("Strings", {"type": "array", "items": {"type": "string"}}, [["a", "b"], []]),
    Shape("Objects", {"type": "array", "items": {"type": "object", "required": ["label"], "properties": {
        "label": {"type": "string"}, "votes": {"type": "integer"}}}}, [[{"label": "yes", "votes": 3}, {"label": "no"}]],
        note="a top-level array of inline objects, as X's later documents write PollOptions"),
    Shape("UniqueStrings", {"type": "array", "uniqueItems": True, "items": {"type": "string"}}, [["a", "b"]]),
    Shape("Bounded", {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "number"}}, [[-105.5, 40.25]]),
    Shape("Matrix", {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}, [[[1, 2], [], [3]]]),
    Shape("EnumList", {"type": "array", "items": {"type": "string", "enum": ["one", "two"]}}, [["one", "two"]]),
    # Compositions.
    Shape("Choice", {"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "array", "items": {"type": "boolean"}}]},
          ["x", 3, [True]]),
    Shape("Pet", {"oneOf": [ref("Cat"), ref("Dog")],
                  "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}}},
          [CAT_SAMPLE, DOG_SAMPLE, {"kind": "fish", "fins": 2}]),
    Shape("NamedPet", {"oneOf": [ref("Cat"), ref("Dog")], "discriminator": {"propertyName": "kind"}},
          [{"kind": "Cat", "meows": 1}, {"kind": "Dog", "barks": False}], note="discriminator values are the schema names"),
    Shape("Either", {"oneOf": [ref("Cat"), ref("Dog")]}, [CAT_SAMPLE, DOG_SAMPLE], note="oneOf of objects, no discriminator"),
    Shape("Inline", {"oneOf": [
        {"type": "object", "title": "point", "required": ["x"], "properties": {"x": {"type": "number"}}},
        {"type": "array", "title": "points", "items": {"type": "number"}},
    ]}, [{"x": 1.5}, [1, 2]]),
    Shape("Status", {"oneOf": [
        {"type": "object", "title": "following", "required": ["following"], "properties": {"following": {"type": "boolean", "enum": [True]}}},
        {"type": "object", "title": "pending", "required": ["following", "pending"], "properties": {
            "following": {"type": "boolean", "enum": [False]}, "pending": {"type": "boolean", "enum": [True]}}},
    ]}, [{"following": True}, {"following": False, "pending": True}], note="alternatives of constant members"),
    Shape("Mixed", {"anyOf": [ref("Cat"), {"type": "string"}]}, [CAT_SAMPLE, "x"]),
    Shape("AnyPet", {"anyOf": [ref("Cat"), ref("Dog")], "discriminator": {"propertyName": "kind", "mapping": {
        "cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}}}, [DOG_SAMPLE]),
    Shape("Merged", {"allOf": [ref("Cat"), {"type": "object", "properties": {"owner": {"type": "string"}}}]},
          [{"kind": "cat", "meows": 1, "owner": "ann"}]),
    Shape("MergedInline", {"allOf": [
        {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
        {"type": "object", "properties": {"b": {"type": "integer"}}},
    ]}, [{"a": "x", "b": 1}]),
    Shape("Wrapped", {"allOf": [ref("Cat")], "description": "allOf of one reference"}, [CAT_SAMPLE]),
    Shape("Narrowed", {"allOf": [ref("Word"), {"maxLength": 10}], "description": "allOf of constraints on a string"}, ["abc"]),
    Shape("Inherited", ref("Lion"), [{"kind": "lion", "name": "Leo", "mane": True}], note="a schema of an inheritance hierarchy"),
    Shape("Base", ref("Animal"), [{"kind": "wolf", "name": "Grey"}], note="the base of an inheritance hierarchy",
          flattened=("Animal", ["kind", "name"])),
    # Recursion.
    Shape("Tree", {"type": "object", "required": ["label"], "properties": {
        "label": {"type": "string"}, "children": {"type": "array", "items": ref("Tree")}}},
        [{"label": "a", "children": [{"label": "b", "children": []}]}], note="recursion through an array"),
    Shape("Chain", {"type": "object", "properties": {"value": {"type": "integer"}, "next": ref("Chain")}},
          [{"value": 1, "next": {"value": 2, "next": {"value": 3}}}], note="recursion by value: `next` is any JSON value"),
    Shape("Expression", {"oneOf": [ref("Literal"), ref("Sum")]},
          [{"number": 1.5}, {"left": {"number": 1}, "right": {"left": {"number": 2}, "right": {"number": 3}}}],
          note="recursion through a oneOf: an indirect enum"),
    Shape("NullableText", lambda version: nullable({"type": "string"}, version), ["x", None]),
    Shape("NullableReference", lambda version: nullable(ref("Cat"), version), [CAT_SAMPLE, None]),
]


def holder(shape, version):
    """An object holding the shape inline and by reference in every member position."""
    inline = shape.inline
    return {
        "type": "object",
        "description": f"`{shape.name}` in every member position.",
        "required": list(HOLDER_REQUIRED),
        "properties": {
            "value": inline(version),
            "optional": inline(version),
            "nullable": nullable(inline(version), version),
            "reference": ref(shape.name),
            "nullable_reference": nullable(ref(shape.name), version),
            "list": {"type": "array", "items": inline(version)},
            "nullable_items": {"type": "array", "items": nullable(inline(version), version)},
            "reference_list": {"type": "array", "items": ref(shape.name)},
            "grid": {"type": "array", "items": {"type": "array", "items": inline(version)}},
            "map": {"type": "object", "additionalProperties": inline(version)},
            "nullable_values": {"type": "object", "additionalProperties": nullable(inline(version), version)},
            "reference_map": {"type": "object", "additionalProperties": ref(shape.name)},
        },
    }


HOLDER_REQUIRED = ("value", "nullable")


def holder_encoded(sample):
    """The JSON a holder sample encodes back to: a required member that is null stays null,
    an optional one is left out (a Swift optional has one nil). Everything else, null in
    arrays and maps included, comes back as it was."""
    return {key: value for key, value in sample.items() if value is not None or key in HOLDER_REQUIRED}


def holder_samples(shape):
    first, last = shape.samples[0], shape.samples[-1]
    values = [sample for sample in shape.samples if sample is not None]
    return [
        {"value": first, "nullable": None},
        {
            "value": last, "optional": first, "nullable": values[0], "reference": values[-1],
            "nullable_reference": None, "list": values, "nullable_items": [values[0], None],
            "reference_list": values, "grid": [values, []], "map": {"a": values[0]},
            "nullable_values": {"a": None, "b": values[-1]}, "reference_map": {"z": values[-1]},
        },
    ]


def echo(name, request, response, description):
    return {
        "post": {
            "operationId": name,
            "summary": description,
            "requestBody": {"required": True, "content": {"application/json": {"schema": request}}},
            "responses": {"200": {"description": "The body, echoed.", "content": {"application/json": {"schema": response}}}},
        }
    }


def parameters_operation(shape, version):
    inline = shape.inline
    return {
        "get": {
            "operationId": f"parameters{shape.name}",
            "summary": f"`{shape.name}` as path and query parameters.",
            "parameters": [
                {"name": "path_value", "in": "path", "required": True, "schema": inline(version)},
                {"name": "value", "in": "query", "required": True, "schema": inline(version)},
                {"name": "optional_value", "in": "query", "schema": inline(version)},
                {"name": "values", "in": "query", "required": True, "style": "form", "explode": False,
                 "schema": {"type": "array", "items": inline(version)}},
                {"name": "exploded", "in": "query", "style": "form", "explode": True,
                 "schema": {"type": "array", "items": inline(version)}},
            ],
            "responses": {"204": {"description": "Nothing."}},
        }
    }


def extra_operations(version):
    """Operations for what no shape covers: flattened and optional bodies,
    parameters that cannot be sent as typed values, no parameters at all."""
    return {
        "/nothing": {"get": {"operationId": "nothing", "summary": "No parameters, no body, no content.",
                             "responses": {"204": {"description": "Nothing."}}}},
        "/flattened/{id}": {"post": {
            "operationId": "flattened",
            "summary": "A small body of plain members becomes arguments; one shares a name with a path parameter.",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["id", "target_user_id"],
                "properties": {"id": {"type": "string"}, "target_user_id": {"type": "string", "pattern": "^[0-9]+$"},
                               "note": {"type": "string", "maxLength": 10}, "weight": {"type": "number"}}}}}},
            "responses": {"200": {"description": "The body, echoed.", "content": {"application/json": {"schema": {
                "type": "object", "additionalProperties": True}}}}},
        }},
        "/optional-body": {"put": {
            "operationId": "optionalBody",
            "summary": "An optional body.",
            "requestBody": {"content": {"application/json": {"schema": ref("PlainHolder")}}},
            "responses": {"200": {"description": "The body, echoed.", "content": {"application/json": {"schema": ref("PlainHolder")}}}},
        }},
        "/unsupported": {"get": {
            "operationId": "unsupportedParameters",
            "summary": "Parameters a URL cannot carry as typed values: sent as text, with a warning.",
            "parameters": [
                {"name": "object", "in": "query", "schema": {"type": "object", "properties": {"a": {"type": "string"}}}},
                {"name": "pet", "in": "query", "schema": ref("Pet")},
                {"name": "pets", "in": "query", "schema": {"type": "array", "items": ref("Cat")}},
            ],
            "responses": {"204": {"description": "Nothing."}},
        }},
        "/text": {"post": {
            "operationId": "textBody",
            "summary": "A text body and a text response: String both ways.",
            "requestBody": {"content": {"text/plain": {"schema": {"type": "string"}}}},
            "responses": {"200": {"description": "Text.", "content": {"text/plain": {"schema": {"type": "string"}}}}},
        }},
        **wire_operations(),
    }


def echoed_bytes(description):
    """A 200 response of the bytes the echo transport sends back."""
    return {"200": {"description": description, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}


def wire_operations():
    """What goes on the wire besides JSON: header and cookie parameters, security schemes,
    multipart, form, binary and text bodies. Support/WireTests.swift checks each byte."""
    string = {"type": "string"}
    return {
        "/headers": {"get": {
            "operationId": "headers",
            "summary": "Header and cookie parameters, single and lists, checked before sending.",
            "parameters": [
                {"name": "X-Count", "in": "header", "required": True, "schema": {"type": "integer", "minimum": 1}},
                {"name": "X-Tags", "in": "header", "schema": {"type": "array", "items": string}},
                {"name": "X-Mode", "in": "header", "schema": {"type": "string", "enum": ["fast", "slow"]}},
                {"name": "session", "in": "cookie", "required": True, "schema": {"type": "string", "pattern": "^[a-z0-9]+$"}},
                {"name": "ids", "in": "cookie", "schema": {"type": "array", "items": {"type": "integer"}}},
            ],
            "responses": {"204": {"description": "Nothing."}},
        }},
        "/secure/and": {"get": {
            "operationId": "secureAnd",
            "summary": "API keys in a header, a query and a cookie, required together.",
            "security": [{"header_key": [], "query_key": [], "cookie_key": []}],
            "responses": {"204": {"description": "Nothing."}},
        }},
        "/secure/or": {"get": {
            "operationId": "secureOr",
            "summary": "HTTP Basic, or a bearer token and an API key together.",
            "security": [{"basic": []}, {"bearer_token": [], "header_key": []}],
            "responses": {"204": {"description": "Nothing."}},
        }},
        "/secure/oauth": {"get": {
            "operationId": "secureOAuth",
            "summary": "Two OAuth 2.0 schemes together: one user token with both scopes.",
            "security": [{"oauth_implicit": ["read"], "oauth_code": ["write"]}],
            "responses": {"204": {"description": "Nothing."}},
        }},
        "/multipart": {"post": {
            "operationId": "multipart",
            "summary": "A multipart form: a JSON part, text parts, a file and files, streamed.",
            "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                "type": "object", "required": ["meta", "file"],
                "properties": {"meta": ref("Cat"), "count": {"type": "integer"}, "tags": {"type": "array", "items": string},
                               "file": {"type": "string", "format": "binary"},
                               "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}},
            "responses": echoed_bytes("The form, echoed."),
        }},
        "/form": {"post": {
            "operationId": "form",
            "summary": "An application/x-www-form-urlencoded body from an object.",
            "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": {
                "type": "object", "required": ["name"],
                "properties": {"name": string, "count": {"type": "integer"}, "tags": {"type": "array", "items": string},
                               "pet": ref("Cat")}}}}},
            "responses": echoed_bytes("The form, echoed."),
        }},
        "/binary": {"put": {
            "operationId": "binary",
            "summary": "Bytes up and down, streamed both ways.",
            "requestBody": {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
            "responses": echoed_bytes("The bytes, echoed."),
        }},
        "/choice": {"post": {
            "operationId": "choice",
            "summary": "A body of three content types: a function each.",
            "requestBody": {"required": True, "content": {
                "application/json": {"schema": ref("Cat")},
                "application/x-www-form-urlencoded": {"schema": ref("Cat")},
                "text/plain": {"schema": string}}},
            "responses": echoed_bytes("The body, echoed."),
        }},
    }


def security_schemes():
    flows = {"read": "Read.", "write": "Write."}
    return {
        "header_key": {"type": "apiKey", "name": "X-API-Key", "in": "header"},
        "query_key": {"type": "apiKey", "name": "key", "in": "query"},
        "cookie_key": {"type": "apiKey", "name": "token", "in": "cookie"},
        "basic": {"type": "http", "scheme": "basic"},
        "bearer_token": {"type": "http", "scheme": "bearer", "x-auth-context": "user"},
        "oauth_implicit": {"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "https://shapes.example.com/authorize", "scopes": flows}}},
        "oauth_code": {"type": "oauth2", "flows": {"authorizationCode": {
            "authorizationUrl": "https://shapes.example.com/authorize", "tokenUrl": "https://shapes.example.com/token", "scopes": flows}}},
    }


def document(version):
    shapes = [shape for shape in SHAPES if version in shape.versions]
    schemas = dict(base_components(version))
    paths = {}
    for shape in shapes:
        name = shape.name
        if name not in schemas:
            schemas[name] = shape.inline(version)
        schemas[f"{name}Holder"] = holder(shape, version)
        schemas[f"{name}List"] = {"type": "array", "items": shape.inline(version)}
        schemas[f"{name}Grid"] = {"type": "array", "items": {"type": "array", "items": shape.inline(version)}}
        schemas[f"{name}Map"] = {"type": "object", "additionalProperties": shape.inline(version)}
        schemas[f"{name}Nullable"] = nullable(shape.inline(version), version)
        paths[f"/echo/{name}"] = echo(f"echo{name}", shape.inline(version), shape.inline(version), f"Echoes `{name}` written inline.")
        paths[f"/echo/{name}/holder"] = echo(f"echo{name}Holder", ref(f"{name}Holder"), ref(f"{name}Holder"),
                                             f"Echoes `{name}Holder` by reference.")
        if shape.parameter:
            paths[f"/parameters/{name}/{{path_value}}"] = parameters_operation(shape, version)
    paths.update(extra_operations(version))
    return {
        "openapi": OPENAPI[version],
        "info": {
            "title": "Shape matrix",
            "version": version,
            "description": "Every schema construct xapi-gen reads, in every position. Written by Tests/ShapeMatrix/generate.py.",
        },
        "servers": [{"url": "https://shapes.example.com"}],
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": security_schemes()},
    }


# MARK: Swift samples

def swift_string(text):
    return "#\"" + text + "\"#" if "\"#" not in text else json.dumps(text)


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def encoded_argument(sample, back):
    """`, encoded: …` when a sample encodes back to other JSON than itself; nothing otherwise."""
    return "" if back == sample else f", encoded: {swift_string(compact(back))}"


def encoded(text):
    """What the runtime's RFC 3986 percent-encoding makes of a value."""
    return urllib.parse.quote(text, safe="-._~")


def swift_samples(version):
    shapes = [shape for shape in SHAPES if version in shape.versions]
    lines = [
        "// ShapeSamples.swift",
        "// Written by Tests/ShapeMatrix/generate.py; do not edit. Run it again after changing it.",
        "",
        "import Foundation",
        "import XAPIRuntime",
        "",
        "/// A JSON sample of each component, each valid for its schema.",
        "let componentSamples: [ShapeSample] = [",
    ]
    for shape in shapes:
        name = shape.name
        # (type, sample, the JSON it encodes back to)
        cases = [(name, sample, sample) for sample in shape.samples]
        cases += [(f"{name}Holder", sample, holder_encoded(sample)) for sample in holder_samples(shape)]
        cases += [(f"{name}List", sample, sample) for sample in ([s for s in shape.samples if s is not None], [])]
        cases += [(f"{name}Grid", sample, sample) for sample in ([[s for s in shape.samples if s is not None], []],)]
        cases += [(f"{name}Map", sample, sample) for sample in ({"k": shape.samples[0]} if shape.samples[0] is not None else {},)]
        cases += [(f"{name}Nullable", sample, sample) for sample in shape.samples + [None]]
        for type_name, sample, back in cases:
            # A nullable component is its non-null type; where it is used, it is optional.
            swift_type = f"Optional<{type_name}>" if sample is None else type_name
            lines.append(f"    ShapeSample({swift_type}.self, {swift_string(compact(sample))}{encoded_argument(sample, back)}),")
    lines.append("]")
    lines.append("")
    lines.append("/// Each echo operation with a body it sends and gets back.")
    lines.append("let echoSamples: [EchoSample] = [")
    for shape in shapes:
        name = shape.name
        lower = "echo" + name
        for sample in shape.samples:
            if shape.flattened:
                body_type, members = shape.flattened
                arguments = ", ".join(f"{member}: body.{member}" for member in members)
                call = f"{{ (client: AppOnlyClient, body: {body_type}) in try await client.{lower}({arguments}) }}"
            else:
                call = f"{{ try await $0.{lower}(body: $1) }}"
            lines.append(f"    EchoSample(\"{lower}\", {swift_string(compact(sample))}) {call},")
        holder = holder_samples(shape)[1]
        lines.append(f"    EchoSample(\"{lower}Holder\", {swift_string(compact(holder))}{encoded_argument(holder, holder_encoded(holder))}) "
                     f"{{ try await $0.{lower}Holder(body: $1) }},")
    lines.append("]")
    lines.append("")
    lines.append("/// Each parameters operation called with two values of its shape, and the path and query it must send.")
    lines.append("let parameterSamples: [ParameterSample] = [")
    for shape in shapes:
        if not shape.parameter:
            continue
        first, second = shape.parameter.swift
        text_first, text_second = shape.parameter.text
        call = (f"try await $0.parameters{shape.name}(pathValue: {first}, value: {second}, values: [{first}, {second}], "
                f"exploded: [{second}, {first}])")
        query = "&".join([
            f"value={encoded(text_second)}",
            f"values={encoded(text_first + ',' + text_second)}",
            f"exploded={encoded(text_second)}",
            f"exploded={encoded(text_first)}",
        ])
        path = f"/parameters/{shape.name}/{encoded(text_first)}?{query}"
        lines.append(f"    ParameterSample(\"parameters{shape.name}\", {swift_string(path)}) {{ {call} }},")
    lines.append("]")
    return "\n".join(lines) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for version, target in TARGETS.items():
        directory = ROOT / "Tests" / target
        outputs = {
            directory / "shape-matrix.json": json.dumps(document(version), indent=2, ensure_ascii=False) + "\n",
            directory / "ShapeSamples.swift": swift_samples(version),
        }
        for path, text in outputs.items():
            current = path.read_text() if path.exists() else None
            if current == text:
                continue
            if check:
                stale.append(path.relative_to(ROOT))
            else:
                directory.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
                print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("stale (run python3 Tests/ShapeMatrix/generate.py): " + ", ".join(map(str, stale)), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
