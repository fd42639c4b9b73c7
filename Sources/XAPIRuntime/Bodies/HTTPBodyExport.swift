// Generated functions take and return swift-openapi-runtime's streaming `HTTPBody` for
// binary bodies and downloads; a module that imports XAPIRuntime sees it without importing
// OpenAPIRuntime itself.
@_exported import class OpenAPIRuntime.HTTPBody
