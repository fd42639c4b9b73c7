import Foundation

/// Draws the fault of each eligible request from the plan's seed and the request's place in
/// the run, and keeps a 429 burst going across requests. One actor, so concurrent requests
/// take places one at a time.
actor FaultInjector {
    let plan: SandboxFaults
    /// Eligible requests seen so far: the next one's place.
    private var place: UInt64 = 0
    /// Requests a running 429 burst still refuses.
    private var burstLeft = 0

    init(plan: SandboxFaults) {
        self.plan = plan
    }

    /// The fault for the next eligible request, if it gets one; `paginatedWithToken` says
    /// whether a duplicated page can apply to it.
    func draw(paginatedWithToken: Bool) -> SandboxFault? {
        guard plan.rate > 0 else { return nil }
        defer { place += 1 }
        if burstLeft > 0 {
            burstLeft -= 1
            return .rateLimitBurst
        }
        var random = SeededRandom.derived(seed: plan.seed, stream: 0xFA17, index: place)
        guard random.chance(plan.rate) else { return nil }
        let applicable = plan.kinds.filter { $0 != .duplicatePage || paginatedWithToken }
        guard !applicable.isEmpty else { return nil }
        let fault = random.pick(applicable)
        if fault == .rateLimitBurst { burstLeft = plan.burstLength - 1 }
        return fault
    }
}
