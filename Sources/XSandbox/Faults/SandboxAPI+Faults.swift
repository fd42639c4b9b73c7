import Foundation
import XFollows

/// Where faults enter the pipeline (``SandboxFaults``): each eligible request draws its fault
/// once; a fault that stands in for the operation answers before authentication, so nothing
/// runs, is counted or is charged; one that lets it run rides on its answer to the HTTP layer
/// (``SandboxResponder``), which truncates, delays or resets it.
extension SandboxAPI {
    /// The fault of a request, if the plan gives it one: `operation` is the spec's operation
    /// it matched (`nil` for the sandbox's own paths and its OAuth pages).
    func drawFault(
        _ request: Request, items: [OperationRequest.QueryItem], operation: OperationDescriptor?
    ) async -> SandboxFault? {
        guard let faults else { return nil }
        if let operation {
            guard operation.streaming == nil, faults.plan.operations?.contains(operation.id) ?? true else { return nil }
        } else {
            let own = request.path.hasPrefix(Self.ownPrefix) || SandboxAuthorizationPaths.all.contains(request.path)
            guard own, faults.plan.includesSandboxPaths else { return nil }
        }
        return await faults.draw(paginatedWithToken: Self.pageToken(items, operation: operation) != nil)
    }

    /// The answer of a fault that stands in for the operation; `nil` when the operation runs.
    func faultAnswer(_ fault: SandboxFault?, at now: Date) -> SandboxHTTPResponse? {
        guard let fault, let faults else { return nil }
        return FaultResponses.answer(fault, plan: faults.plan, at: now)
    }

    /// The operation's answer with the fault it carries to the HTTP layer; a duplicated page
    /// answers the token it was requested with as its `next_token`.
    func applying(
        _ fault: SandboxFault?, to response: SandboxHTTPResponse, items: [OperationRequest.QueryItem],
        operation: OperationDescriptor?
    ) -> SandboxHTTPResponse {
        guard let fault, fault.runsOperation, let faults else { return response }
        var response = response
        response.fault = fault
        response.faultDelay = faults.plan.delay
        if fault == .duplicatePage, (200..<300).contains(response.status), let token = Self.pageToken(items, operation: operation) {
            response.body = FaultResponses.repeatingToken(token, in: response.body)
        }
        return response
    }

    /// The pagination token a request names, for a paginated operation.
    private static func pageToken(_ items: [OperationRequest.QueryItem], operation: OperationDescriptor?) -> String? {
        guard let parameter = operation?.pagination?.tokenParameter else { return nil }
        guard let value = items.first(where: { $0.name == parameter })?.value, !value.isEmpty else { return nil }
        return value
    }
}
