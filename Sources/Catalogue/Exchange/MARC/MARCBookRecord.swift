/// A book and its copies as the MARC 21 record lawcat exports: the reverse
/// of MARCBookMapping, written so that importing the record gives the same
/// book and copies back.
///
/// - leader: a new (`n`) language material (`a`) monograph (`m`), UTF-8
///   (09 `a`), non-ISBD punctuation (18 blank, since lawcat's fields carry none);
/// - 003 `lawcat`: marks the record as lawcat's own, so the import reads it exactly;
/// - 008: 06-10 `s` and the year of the date (`nuuuu` without one), 35-37 `und`;
/// - 020 $a ISBN; 100 (110 for a name without a comma: a body) the first
///   author, 700 (710) the others, $a each;
/// - 245 $a title; 250 $a edition; 264 _1 $c the date as stored (`2019-03`);
/// - 650 _4 one a subject: $a its first part, $x each part after ` -- `;
/// - 951 $a the jurisdiction (a local field: lawcat's names have no MARC code);
/// - 952 one a copy on the shelves (withdrawn copies are left out): $a the
///   first part of its home, $c the rest of the path, $p the barcode.
///
/// Book ids, copies' status and circulation history are the catalogue's
/// own and are not written.
enum MARCBookRecord {
    static func record(_ details: BookDetails) -> MARCRecord {
        let f = details.book.fields
        var record = MARCRecord(leader: "00000nam a2200000   4500")
        record.fields.append(MARCField(tag: "003", data: MARCBookMapping.ownMark))
        record.fields.append(MARCField(tag: "008", data: fixedData(date: f.date)))
        if let isbn = f.isbn { record.fields.append(field("020", [("a", isbn)])) }
        for (index, author) in f.authors.enumerated() {
            let body = !author.contains(",")
            let tag = (index == 0 ? "1" : "7") + (body ? "10" : "00")
            record.fields.append(field(tag, [("a", author)], body ? "2" : "1", " "))
        }
        record.fields.append(field("245", [("a", f.title)], f.authors.isEmpty ? "0" : "1", "0"))
        if let edition = f.edition { record.fields.append(field("250", [("a", edition)])) }
        if let date = f.date { record.fields.append(field("264", [("c", date)], " ", "1")) }
        for subject in f.subjects {
            let parts = subject.components(separatedBy: " -- ")
            let subfields = parts.enumerated().map { ($0.offset == 0 ? Character("a") : "x", $0.element) }
            record.fields.append(field("650", subfields, " ", "4"))
        }
        if let jurisdiction = f.jurisdiction { record.fields.append(field("951", [("a", jurisdiction)])) }
        for copy in details.copies where copy.status != .withdrawn {
            let parts = copy.home.split(separator: "/", maxSplits: 1).map(String.init)
            var subfields: [(Character, String)] = [("a", parts.first ?? copy.home)]
            if parts.count > 1 { subfields.append(("c", parts[1])) }
            subfields.append(("p", copy.barcode))
            record.fields.append(field("952", subfields))
        }
        return record
    }

    private static func field(
        _ tag: String, _ subfields: [(Character, String)], _ indicator1: Character = " ", _ indicator2: Character = " "
    ) -> MARCField {
        MARCField(
            tag: tag, indicator1: indicator1, indicator2: indicator2,
            subfields: subfields.map { MARCSubfield(code: $0.0, value: $0.1) })
    }

    /// The 40 characters of 008 for a book: only the date and language positions say anything.
    static func fixedData(date: String?) -> String {
        let year = date.map { String($0.prefix(4)) }
        let dates = year.map { "s" + $0 + "    " } ?? "nuuuu    "
        return "      " + dates + "xx " + String(repeating: " ", count: 17) + "und" + " d"
    }
}
