/// Stage 3 output: a document whose references all resolve, with the index
/// that resolves them.
///
/// Later stages may look references up without re-checking them: a
/// reference that did not resolve stopped the pipeline here.
struct CheckedDocument: Sendable {
    var document: OpenAPIDocument
    var components: ComponentIndex
}
