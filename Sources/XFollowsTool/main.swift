// xfollows: the command-line tool. Its commands and logic live in XFollowsCLI.
import XFollowsCLI

await XFollowsCommand.main()
