/// A record's jurisdiction, in the order a law librarian trusts the
/// evidence: the LC class (050, else 090) when it is in class K and names
/// one (LCClassJurisdictions), then field 043's geographic area codes
/// (GeographicAreas), then the geographic subdivisions of its subjects (651
/// $a, then the $z of the other subject fields), read as place names.
enum MARCJurisdiction {
    static func of(_ record: MARCRecord) -> String? {
        var areas: [String] = []
        for field in record.fields("043") {
            for value in field.values("a") { areas += value.split(separator: " ").map { String($0) } }
        }
        if let letters = classLetters(of: record),
            let found = LCClassJurisdictions.jurisdiction(classLetters: letters, areas: areas)
        {
            return found
        }
        for code in areas {
            if let found = GeographicAreas.jurisdiction(code) { return found }
        }
        let places = record.fields("651").flatMap { $0.values("a") }
            + record.fields.filter { MARCBookMapping.subjectTags.contains($0.tag) }.flatMap { $0.values("z") }
        for place in places {
            if let found = GeographicAreas.byPlaceName[MARCBookMapping.withoutFullStops(place)] { return found }
        }
        return nil
    }

    /// The letters that open the LC class of 050 $a (else 090 $a), when it is in class K.
    static func classLetters(of record: MARCRecord) -> String? {
        for tag in ["050", "090"] {
            for field in record.fields(tag) {
                guard let call = field.value("a") else { continue }
                let letters = String(call.trimmed.prefix { $0.isASCII && $0.isUppercase })
                if letters.hasPrefix("K") { return letters }
            }
        }
        return nil
    }
}
