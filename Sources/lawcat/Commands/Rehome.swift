// `lawcat rehome`: a copy, or every scanned copy, given a new home.
import ArgumentParser
import Catalogue

struct Rehome: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehome",
        abstract: "Give a copy a new home: where it belongs from now on (it stays where it is).",
        discussion: """
            Recorded in the copy's history (`rehomed`), and undone by `lawcat undo`. Give -
            as the barcode to read one barcode per line from standard input (a scanner):
            each is rehomed and answered as it arrives; the exit code is 1 if any failed.
            """)

    @OptionGroup var copy: CopyOptions
    @Argument(help: "Its new home, e.g. London/Library/Bay 12. A new location is added.")
    var location: String

    func run() throws {
        let db = try copy.open()
        try Scanner.each(copy.barcode) { code in
            let result = try db.rehome(barcode: code, to: location, note: copy.note)
            return CirculationRendering.done("new home \(result.home)", result)
        }
    }
}
