// `lawcat withdraw`: a copy leaves the shelves for good; its history stays.
import ArgumentParser
import Catalogue

struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a copy for good; its history stays (the same as `remove BARCODE`).")

    @OptionGroup var copy: CopyOptions

    func run() throws {
        try copy.open().withdraw(barcode: copy.barcode, note: copy.note)
        Terminal.line("\(copy.barcode.trimmingCharacters(in: .whitespaces)): withdrawn")
    }
}
