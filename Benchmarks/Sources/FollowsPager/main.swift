// follows-pager: G5. Walks the followers of one account on a running x-sandbox
// through the generated paginator (`followersPages(of:).items`), 1,000 users a
// page with every user field, and stops after a given number of users. It keeps
// nothing but a count and a checksum, as a streaming consumer would, so its peak
// RSS (read by the script with /usr/bin/time) shows whether paging holds memory
// per user. It prints one line: users, seconds, users per second.
//
//     follows-pager URL BEARER_TOKEN USER_ID COUNT
//
// Benchmarks/Scripts/paging runs it against a sandbox it starts itself.
import Foundation
import XFollows

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 4, let server = URL(string: arguments[0]), server.scheme != nil, let limit = Int(arguments[3]), limit > 0 else {
    FileHandle.standardError.write(Data("usage: follows-pager URL BEARER_TOKEN USER_ID COUNT\n".utf8))
    exit(64)
}

let client = AppOnlyClient(
    credentials: AppOnlyCredentials(bearerToken: arguments[1]),
    configuration: ClientConfiguration(serverURL: server)
)
let clock = ContinuousClock()
let start = clock.now
var count = 0
var checksum = 0
do {
    for try await user in client.followersPages(of: arguments[2], maxResults: 1000, userFields: Set(User.Field.allCases)).items {
        count += 1
        checksum &+= user.username.utf8.count &+ (user.publicMetrics?.followersCount ?? 0)
        if count == limit { break }
    }
} catch {
    FileHandle.standardError.write(Data("follows-pager: \(error)\n".utf8))
    exit(1)
}
let elapsed = start.duration(to: clock.now)
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
guard count == limit else {
    FileHandle.standardError.write(Data("follows-pager: the account has only \(count) followers, fewer than \(limit)\n".utf8))
    exit(1)
}
print("users=\(count) seconds=\(String(format: "%.3f", seconds)) users_per_second=\(Int(Double(count) / seconds)) checksum=\(checksum)")
