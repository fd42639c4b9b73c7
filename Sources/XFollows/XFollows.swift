// XFollows: the X API v2 follows endpoints, generated at build time from
// spec/follows.yaml by the XAPIGeneratorPlugin (see xapi-gen.json). Nothing
// endpoint-specific is written by hand; the committed copy of the generated
// sources is in Generated/XFollows.
//
// The generated code builds on XAPIRuntime (clients, credentials, pagination,
// errors, limits), which this module re-exports so one import gives both:
//
//     import XFollows
//
//     let client = UserClient(credentials: .oauth1(
//         consumerKey: "…", consumerSecret: "…",
//         accessToken: "…", accessTokenSecret: "…"))
//     let followers = try await client.followers(of: "2244994945", userFields: [.publicMetrics])

@_exported import XAPIRuntime
