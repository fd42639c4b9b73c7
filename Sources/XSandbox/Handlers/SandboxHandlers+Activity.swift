import Foundation
import XAPIServerRuntime
import XFollows
import XFollowsServer

extension SandboxHandlers {
    /// The App of a call; the pipeline authenticated it, so it has one.
    func appKey(_ context: SandboxCall) -> String {
        context.app?.key ?? context.principal.appKey
    }

    /// `POST /2/activity/subscriptions`.
    func createActivitySubscription(
        _ input: ServerOperations.CreateActivitySubscription, context: SandboxCall
    ) async throws -> ServerResponse<SubscriptionResponse> {
        let (subscription, total) = try await activity.subscribe(input.body, app: appKey(context), at: context.now)
        return ServerResponse(SubscriptionResponse(data: .init(subscription: subscription), meta: SubscriptionCount(totalSubscriptions: total)))
    }

    /// `GET /2/activity/subscriptions`.
    func getActivitySubscriptions(
        _ input: ServerOperations.GetActivitySubscriptions, context: SandboxCall
    ) async throws -> ServerResponse<SubscriptionsPage> {
        ServerResponse(try await activity.subscriptions(of: appKey(context), after: input.paginationToken, size: input.maxResults))
    }

    /// `PUT /2/activity/subscriptions/{subscription_id}`.
    func updateActivitySubscription(
        _ input: ServerOperations.UpdateActivitySubscription, context: SandboxCall
    ) async throws -> ServerResponse<SubscriptionResponse> {
        let (subscription, total) = try await activity.update(input.subscriptionID, tag: input.body.tag, webhookID: input.body.webhookID,
                                                              app: appKey(context), at: context.now)
        return ServerResponse(SubscriptionResponse(data: .init(subscription: subscription), meta: SubscriptionCount(totalSubscriptions: total)))
    }

    /// `DELETE /2/activity/subscriptions/{subscription_id}`.
    func deleteActivitySubscription(
        _ input: ServerOperations.DeleteActivitySubscription, context: SandboxCall
    ) async throws -> ServerResponse<DeleteSubscriptionResponse> {
        let total = try await activity.unsubscribe(input.subscriptionID, app: appKey(context))
        return ServerResponse(DeleteSubscriptionResponse(data: .init(deleted: true), meta: SubscriptionCount(totalSubscriptions: total)))
    }

    /// `GET /2/activity/stream`: the App's events as they happen, after the backfill asked for.
    func activityStream(
        _ input: ServerOperations.ActivityStream, context: SandboxCall
    ) async throws -> ServerEventStream<ActivityStreamMessage> {
        let messages = try await activity.connect(
            app: appKey(context), backfillMinutes: input.backfillMinutes, start: input.startTime, end: input.endTime,
            maximumConnections: OperationDescriptor.activityStream.streaming?.maximumConnections, at: context.now)
        return ServerEventStream(messages)
    }

    // MARK: Webhooks

    /// `POST /2/webhooks`: registered once it answers X's challenge-response check.
    func createWebhooks(_ input: ServerOperations.CreateWebhooks, context: SandboxCall) async throws -> ServerResponse<WebhookResponse> {
        guard let app = context.app else { throw ProblemResponse(status: .forbidden, problem: SandboxProblems.forbidden()) }
        do {
            return ServerResponse(WebhookResponse(data: try await activity.register(input.body.url, app: app, at: context.now)))
        } catch {
            throw ProblemResponse(status: .badRequest, problem: error.problem)
        }
    }

    /// `GET /2/webhooks`.
    func getWebhooks(_ input: ServerOperations.GetWebhooks, context: SandboxCall) async throws -> ServerResponse<WebhooksResponse> {
        let webhooks = await activity.webhooks(of: appKey(context))
        return ServerResponse(WebhooksResponse(data: webhooks, meta: .init(resultCount: webhooks.count)))
    }

    /// `PUT /2/webhooks/{webhook_id}`: checks it again.
    func validateWebhooks(
        _ input: ServerOperations.ValidateWebhooks, context: SandboxCall
    ) async throws -> ServerResponse<WebhookValidationResponse> {
        guard let app = context.app else { throw ProblemResponse(status: .forbidden, problem: SandboxProblems.forbidden()) }
        do {
            return ServerResponse(WebhookValidationResponse(data: .init(valid: try await activity.revalidate(input.webhookID, app: app))))
        } catch {
            throw ProblemResponse(status: .badRequest, problem: error.problem)
        }
    }

    /// `DELETE /2/webhooks/{webhook_id}`.
    func deleteWebhooks(_ input: ServerOperations.DeleteWebhooks, context: SandboxCall) async throws -> ServerResponse<DeleteWebhookResponse> {
        do {
            try await activity.removeWebhook(input.webhookID, app: appKey(context))
        } catch {
            throw ProblemResponse(status: .badRequest, problem: error.problem)
        }
        return ServerResponse(DeleteWebhookResponse(data: .init(deleted: true)))
    }
}
