import XFollowsCLI

/// `xfollows`: the command-line tool. Its commands and logic live in XFollowsCLI, where the
/// tests reach them; this only starts the root command.
@main
enum XFollowsMain {
    static func main() async {
        await XFollowsCommand.main(nil)
    }
}
