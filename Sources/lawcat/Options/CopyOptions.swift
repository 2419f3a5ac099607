// What every circulation command asks of its copy: the barcode, and a note
// for the event log. One declaration, so the commands describe them alike.
import ArgumentParser

/// A copy's barcode, the first argument of every command that changes one copy.
struct BarcodeArgument: ParsableArguments {
    @Argument(help: "The copy's barcode.")
    var barcode: String
}

/// A barcode, or `-` to read one barcode a line from standard input (a scanner).
struct ScannedBarcodeArgument: ParsableArguments {
    @Argument(help: "The copy's barcode, or - to read barcodes from standard input.")
    var barcode: String
}

/// `--note`, kept in the event beside what happened.
struct NoteOption: ParsableArguments {
    @Option(help: "A note for the event log.")
    var note: String?
}
