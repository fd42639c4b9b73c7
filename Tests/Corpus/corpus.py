#!/usr/bin/env python3
"""The real-world corpus check (run by .ci/corpus).

For each document: counts its operations, generates the client and the server side with
xapi-gen (timing the client run), counts the operations generated, collects the warnings,
type-checks the output (client alone, then client and server as one module) with swiftc in
Swift 6 mode and warnings as errors, and prints one Markdown table row. Fails when a document
does not generate, an operation is missing, or the output does not type-check.

    corpus.py --xapi-gen PATH --modules DIR [--keep DIR] [--warnings FILE]
"""
import argparse, json, os, pathlib, re, shutil, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCUMENTS = [
    ("pet-store", "Tests/Corpus/documents/pet-store-3.0.yaml"),
    ("google-books", "Tests/Corpus/documents/google-books-3.0.yaml"),
    ("discourse", "Tests/Corpus/documents/discourse.yml"),
    ("box", "Tests/Corpus/documents/box.json"),
    ("X 2.159", "Tests/XAPIOfficialDocumentTests/openapi-2.159.json"),
    ("X 2.167", "Tests/XAPICurrentDocumentTests/openapi-2.167.json"),
]
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def load(path):
    text = path.read_text()
    if path.suffix == ".json":
        return json.loads(text)
    import yaml  # PyYAML, which openapi-spec-validator brings
    return yaml.safe_load(text)


def operation_count(document):
    return sum(1 for item in document.get("paths", {}).values() if isinstance(item, dict)
               for method in item if method in METHODS)


def typecheck(files, modules):
    command = ["swiftc", "-typecheck", "-swift-version", "6", "-warnings-as-errors",
               "-enable-upcoming-feature", "ExistentialAny", "-I", str(modules), "-module-name", "CorpusCheck"] + [str(f) for f in files]
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    return result.returncode, time.monotonic() - started, result.stdout + result.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--xapi-gen", required=True)
    parser.add_argument("--modules", required=True)
    parser.add_argument("--keep")
    parser.add_argument("--warnings", help="write every warning, by document, to this file")
    arguments = parser.parse_args()
    work = pathlib.Path(arguments.keep or tempfile.mkdtemp(prefix="xapi-corpus-"))
    failures = []
    warnings_out = []
    print("| document | operations | generated | dropped | warnings | errors | generate (s) | type-check client (s) | client + server |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, relative in DOCUMENTS:
        path = ROOT / relative
        expected = operation_count(load(path))
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower())
        client, server = work / slug / "client", work / slug / "server"
        for directory in (client, server):
            shutil.rmtree(directory, ignore_errors=True)
        started = time.monotonic()
        run = subprocess.run([arguments.xapi_gen, "generate", str(path), "--output", str(client), "--quiet"],
                             capture_output=True, text=True)
        generate_seconds = time.monotonic() - started
        diagnostics = (run.stdout + run.stderr).splitlines()
        warnings = [line for line in diagnostics if ": warning: " in line]
        errors = [line for line in diagnostics if ": error: " in line]
        server_run = subprocess.run([arguments.xapi_gen, "generate", str(path), "--mode", "server", "--output", str(server), "--quiet"],
                                    capture_output=True, text=True)
        if run.returncode != 0 or server_run.returncode != 0:
            failures.append(f"{name}: xapi-gen failed:\n" + run.stderr + server_run.stderr)
            print(f"| {name} | {expected} | — | — | {len(warnings)} | {len(errors)} | — | — | — |")
            continue
        operations = (client / "Operations.swift").read_text()
        generated = len(re.findall(r"^    public static let \S+ = OperationDescriptor\($", operations, re.M))
        if generated != expected:
            failures.append(f"{name}: {expected} operations, {generated} generated")
        client_files = sorted(client.glob("*.swift"))
        status, client_seconds, output = typecheck(client_files, arguments.modules)
        if status != 0:
            failures.append(f"{name}: the client does not type-check:\n{output[:4000]}")
        status_both, _, output_both = typecheck(client_files + sorted(server.glob("*.swift")), arguments.modules)
        if status_both != 0:
            failures.append(f"{name}: the server side does not type-check:\n{output_both[:4000]}")
        warnings_out.append((name, [line.replace(str(ROOT) + "/", "") for line in warnings]))
        print(f"| {name} | {expected} | {generated} | {expected - generated} | {len(warnings)} | {len(errors)} | "
              f"{generate_seconds:.2f} | {client_seconds:.1f} | {'compiles' if status_both == 0 else 'FAILS'} |", flush=True)
    if arguments.warnings:
        with open(arguments.warnings, "w") as out:
            for name, lines in warnings_out:
                out.write(f"## {name}\n\n" + "".join(f"{line}\n" for line in lines) + "\n")
    if not arguments.keep:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("\n".join(["", "FAILED:"] + failures), file=sys.stderr)
        sys.exit(1)
    print(f"\n{len(DOCUMENTS)} passed, 0 failed")


if __name__ == "__main__":
    main()
