// The server side of spec/follows.yaml, generated at build time by the
// XAPIGeneratorPlugin from this directory's xapi-gen.json (mode "server");
// the committed copy is Generated/XFollowsServer/Server.swift.
//
// It declares `APIHandler`, one function per operation of the spec, and
// `ServerOperations`: the router and each operation's input, decoded from a
// transport-neutral `ServerRequest` and checked with the rules the client
// keeps. x-sandbox implements `APIHandler` and mounts it on Hummingbird; any
// other HTTP server can do the same:
//
//     switch ServerOperations.router.match(request.method, path: request.path) {
//     case .success(let route):
//         let response = try await handlers.handle(route, request: request, context: caller)
//     case .failure(.unknownPath): …  // 404
//     case .failure(.methodNotAllowed(let allowed)): …  // 405 with Allow
//     }
@_exported import XAPIServerRuntime
