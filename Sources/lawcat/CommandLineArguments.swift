import ArgumentParser

/// A usage mistake found before swift-argument-parser sees the arguments:
/// one line on stderr, exit 64.
struct UsageMistake: Error {
    var message: String
}

/// The arguments as swift-argument-parser should see them, after two
/// repairs a librarian expects of a command line:
/// - `--db PATH` (or `--db=PATH`) may come before the command as well as
///   after it (`lawcat --db law.sqlite search chitty`), and between a group
///   and its subcommand (`lawcat people --db law.sqlite list`): it is moved
///   to just after the command's name (the subcommand's, in a group), where
///   the command's own `--db` reads it. A command without `--db` then says
///   so, as it would have anyway.
/// - The first word must be a command: a mistyped one is refused with the
///   nearest command's name (`unknown command 'checkot'; did you mean
///   'checkout'?`).
enum CommandLineArguments {
    static func prepare(_ given: [String], commands: [String], groups: [String: [String]] = [:]) throws -> [String] {
        var arguments = given
        var leadingDatabase: [String] = []
        if let first = arguments.first, first == "--db" || first.hasPrefix("--db=") {
            if first == "--db" {
                guard arguments.count >= 2, !arguments[1].hasPrefix("-") else {
                    throw UsageMistake(message: "give --db a path, e.g. `lawcat --db law.sqlite search chitty`")
                }
                leadingDatabase = Array(arguments[0...1])
                arguments.removeFirst(2)
            } else {
                leadingDatabase = [first]
                arguments.removeFirst()
            }
        }
        if !leadingDatabase.isEmpty && arguments.isEmpty {
            throw UsageMistake(message: "give a command after --db PATH, e.g. `lawcat --db law.sqlite search chitty`")
        }
        // No command (`lawcat`), or options of lawcat itself (--help, --version,
        // --generate-completion-script): left to swift-argument-parser.
        guard let command = arguments.first, !command.hasPrefix("-") else { return leadingDatabase + arguments }
        guard commands.contains(command) || command == "help" else {
            if let nearest = CommandSuggestion.nearest(to: command, among: commands) {
                throw UsageMistake(message: "unknown command '\(command)'; did you mean '\(nearest)'?")
            }
            throw UsageMistake(message: "unknown command '\(command)'; see `lawcat help` for the commands")
        }
        // `lawcat people --db law.sqlite list`: a --db between a group and its
        // subcommand is read as one before the command.
        if let subcommands = groups[command], let option = arguments.dropFirst().first,
            option == "--db" || option.hasPrefix("--db=")
        {
            let width = option == "--db" ? 2 : 1
            if arguments.count > width + 1, subcommands.contains(arguments[width + 1]) {
                guard leadingDatabase.isEmpty else { throw UsageMistake(message: "--db is given twice; give it once") }
                leadingDatabase = Array(arguments[1...width])
                arguments.removeSubrange(1...width)
            }
        }
        if !leadingDatabase.isEmpty {
            let rest = arguments.dropFirst().prefix { $0 != "--" }
            if rest.contains(where: { $0 == "--db" || $0.hasPrefix("--db=") }) {
                throw UsageMistake(message: "--db is given twice; give it once")
            }
        }
        // A group's subcommand (`people add`) holds the --db, not the group.
        if let sub = arguments.dropFirst().first, groups[command]?.contains(sub) == true {
            return [command, sub] + leadingDatabase + arguments.dropFirst(2)
        }
        return [command] + leadingDatabase + arguments.dropFirst()
    }

    /// The subcommands' names of each command that has them (`people`: add, edit, ...).
    static func groups(of root: any ParsableCommand.Type) -> [String: [String]] {
        var groups: [String: [String]] = [:]
        for command in root.configuration.subcommands where !command.configuration.subcommands.isEmpty {
            groups[command.configuration.commandName ?? command._commandName] =
                command.configuration.subcommands.map { $0.configuration.commandName ?? $0._commandName }
        }
        return groups
    }

    /// Every name and alias of lawcat's commands, in the order `lawcat help` lists them.
    static func commandNames(of root: any ParsableCommand.Type) -> [String] {
        root.configuration.subcommands.flatMap { command in
            [command.configuration.commandName ?? command._commandName] + command.configuration.aliases
        }
    }
}
