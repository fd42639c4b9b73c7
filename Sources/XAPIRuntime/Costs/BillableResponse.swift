/// A response whose resources X charges for: the IDs of the resources it returns (the users of
/// a page), from the spec's `x-pricing`. Generated response types conform; the client and
/// x-sandbox bill from these IDs.
///
/// ```swift
/// extension FollowsLookupResponse: BillableResponse {
///     public var billableResourceIDs: [String] { (data ?? []).map(\.id) }
/// }
/// ```
public protocol BillableResponse: Sendable {
    /// The IDs of the charged resources in the response, in order (repeats included).
    var billableResourceIDs: [String] { get }
}
