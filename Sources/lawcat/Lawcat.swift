// The root command: lists the subcommands, and turns every error into one line
// on stderr and a documented exit code.
import ArgumentParser
import Catalogue
import Foundation

@main
struct Lawcat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lawcat",
        abstract: "The catalogue of a law firm's library: what each book is, and where every copy is now.",
        discussion: """
            The catalogue is a SQLite file: --db PATH, else $LAWCAT_DB, else
            $XDG_DATA_HOME/lawcat/catalogue.sqlite (~/.local/share/lawcat/catalogue.sqlite).
            --db may come before the command or after it.
            Exit codes: 0 success, 1 not found or refused, 64 usage mistake,
            74 the catalogue, a file or the output cannot be read or written,
            70 unexpected, 130/143 a scanner pile stopped by Ctrl-C/SIGTERM.
            A closed pipe (| head) ends quietly with 0.
            """,
        subcommands: [
            Init.self, Add.self, Show.self, Edit.self, Remove.self, Search.self,
            Import.self, Export.self, Demo.self,
            Checkout.self, Checkin.self, Renew.self, Undo.self, Move.self, Seen.self, Missing.self, Found.self, Withdraw.self,
            Where.self, History.self, Log.self, Loans.self, Report.self, Remind.self, Locations.self, People.self, Stocktake.self,
            Rehome.self, Merge.self,
            Check.self,
            Backup.self, Restore.self,
            Serve.self, Users.self,
        ]
    )

    static let version = "0.1.0"

    // --version is lawcat's own flag, not the configuration's: a configured
    // version puts --version into every subcommand's help, where it means nothing.
    @Flag(help: "Show the version.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        Terminal.line(Self.version)
    }

    /// Runs the command, and turns every error into one line on stderr and an exit code.
    static func main() {
        Output.ignoreBrokenPipes()
        do {
            let arguments = try CommandLineArguments.prepare(
                Array(CommandLine.arguments.dropFirst()), commands: CommandLineArguments.commandNames(of: self),
                groups: CommandLineArguments.groups(of: self))
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as CatalogueError {
            FailureRendering.lines(for: error).forEach(Terminal.error)
            Foundation.exit(error.exitCode)
        } catch let mistake as UsageMistake {
            Terminal.error(mistake.message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {  // --help, --version, a completion script: through Output, so a failed write is said
                Terminal.line(fullMessage(for: error))
                Foundation.exit(0)
            }
            // swift-argument-parser's message, on one line, with where to look.
            var message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? ""
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            // Its sentences end in a full stop, ours go on after a semicolon.
            while message.hasSuffix(".") { message.removeLast() }
            Terminal.error("\(message.prefix(1).lowercased())\(message.dropFirst()); see `lawcat help`")
            Foundation.exit(code.rawValue)
        }
    }
}
