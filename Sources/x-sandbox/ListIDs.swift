import ArgumentParser
import Foundation
import XSandbox

/// `x-sandbox ids followers|following USER_ID`: the IDs a client paging through the list
/// should get, newest first, one per line, from the same graph `serve` serves (suspended users
/// left out, as in the pages).
struct ListIDs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ids",
        abstract: "Print the IDs of a user's followers or following, newest first, one per line.",
        discussion: """
            The order and content are those of the pages GET /2/users/:id/followers and \
            GET /2/users/:id/following return from a freshly started sandbox on the same graph.

            Example:
              x-sandbox ids following 2244994945
            """
    )

    enum List: String, ExpressibleByArgument, CaseIterable {
        case followers, following
    }

    @Argument(help: "followers or following.")
    var list: List

    @Argument(help: "The user's numeric ID.")
    var userID: String

    @OptionGroup var graphOptions: GraphOptions

    func run() throws {
        let graph = try graphOptions.load()
        guard let id = UInt64(userID), graph.directory.contains(id) else {
            throw ValidationError("The graph has no user with the ID \(userID).")
        }
        let ids = graph.follows.allIDs(in: list == .followers ? .followers : .following, of: id)
        FileHandle.standardOutput.write(Data(ids.map { "\($0)\n" }.joined().utf8))
    }
}
