/// The jurisdiction a law book's Library of Congress class gives (subclass
/// K: Law), from the LC Classification Outline and schedules K, KD, KDZ,
/// KE, KF, KG-KH, KJ-KKZ, KL-KWX and KZ (loc.gov/catdir/cpso/lcco).
///
/// Class K lays law out by jurisdiction, and its three-letter subclasses
/// mostly name one country each, in alphabetical order within each region
/// (KJG Albania, KJH Andorra, KJJ Austria ... KKZ Yugoslavia). Entries give
/// the country as its code in the MARC Code List for Geographic Areas, so
/// that one table (GeographicAreas) spells every country. Where the
/// schedules share one subclass among several countries or federal states
/// (KFA: Alabama, Alaska, Arizona, Arkansas; KKJ: Liechtenstein,
/// Lithuania), field 043 says which one, as it does for the states of the
/// United States, Canada and Australia.
///
/// Subclasses for law in general, comparative law and the history of law
/// (K, KL) give no jurisdiction of their own: field 043 or the subjects
/// decide. The table was checked against the class numbers and 043 codes
/// of the 8,595 Library of Congress law records in ../shared/data.
enum LCClassJurisdictions {
    enum Rule: Equatable, Sendable {
        /// A name of its own (a legal system or region rather than a country).
        case named(String)
        /// One country, by its geographic area code.
        case area(String)
        /// A country whose states 043 names: the country's code; the first 043 code under it decides.
        case federal(String)
        /// Several countries share the subclass: a 043 code among them wins, else the first.
        case shared([String])
    }

    /// The jurisdiction for class letters (`KFW`, `KD`) and the record's 043 codes.
    static func jurisdiction(classLetters letters: String, areas: [String]) -> String? {
        guard let rule = rule(for: letters) else { return nil }
        let cleaned = areas.map { code -> String in
            var key = code.trimmed.lowercased()
            while key.hasSuffix("-") { key.removeLast() }
            return key
        }
        switch rule {
        case .named(let name):
            return name
        case .area(let code):
            return GeographicAreas.jurisdiction(code)
        case .federal(let country):
            // The first code under the country is the record's main place:
            // `n-us-ca` gives California, `n-us---` then `n-us-ca` the federal law.
            let first = cleaned.first { $0 == country || $0.hasPrefix(country + "-") }
            return first.flatMap(GeographicAreas.jurisdiction) ?? GeographicAreas.jurisdiction(country)
        case .shared(let codes):
            let chosen = cleaned.first { codes.contains($0) } ?? codes[0]
            return GeographicAreas.jurisdiction(chosen)
        }
    }

    /// The rule of the longest subclass that starts `letters`.
    static func rule(for letters: String) -> Rule? {
        var key = letters
        while !key.isEmpty {
            if let rule = rules[key] { return rule }
            key.removeLast()
        }
        return nil
    }

    /// The region of the schedules a subclass belongs to, as the development
    /// data names them (`Europe`, `Latin America`...): what a jurisdiction
    /// finer than the data's is compared by.
    static func region(of letters: String) -> String? {
        guard letters.hasPrefix("K") else { return nil }
        let rest = letters.dropFirst()
        switch rest.first {
        case nil: return "General"
        case "B": return "Religious law"
        case "D": return letters == "KDZ" ? "Americas" : nil
        case "E": return "Canada"
        case "F": return "United States"
        case "G", "H": return "Latin America"
        case "I": return "General"
        case "J", "K":
            if letters == "KJA" { return "Roman law" }
            if letters == "KJE" { return "European Union" }
            return "Europe"
        case "L", "M", "N", "P", "Q", "R", "S", "T", "U", "V", "W": return "Asia, Africa and Pacific"
        case "Z": return "International"
        default: return nil
        }
    }

    private static let rules: [String: Rule] = [
        // Religious legal systems (KB), Roman law (KJA), international law (KZ).
        "KB": .named("Religious law"), "KBM": .named("Jewish law"), "KBP": .named("Islamic law"),
        "KBR": .named("Canon law"), "KBS": .named("Canon law"), "KBT": .named("Canon law"), "KBU": .named("Canon law"),
        "KJA": .named("Roman law"), "KZ": .named("International"),
        // The United Kingdom and Ireland (KD-KDK), America and North America (KDZ).
        "KD": .area("e-uk-en"), "KDC": .area("e-uk-st"), "KDE": .area("e-uk-ni"), "KDG": .area("e-uk"),
        "KDK": .area("e-ie"), "KDZ": .named("Americas"),
        // Canada (KE, provinces KEA-KEY), the United States (KF, states KFA-KFZ).
        "KE": .federal("n-cn"), "KF": .federal("n-us"),
        // Latin America (KG), Central America and the West Indies (KGA-KGZ), South America (KH).
        "KG": .named("Latin America"), "KGA": .named("Latin America"), "KGB": .area("ncbh"), "KGC": .area("nccr"),
        "KGD": .area("ncgt"), "KGE": .area("ncho"), "KGF": .area("n-mx"), "KGG": .area("ncnq"), "KGH": .area("ncpn"),
        "KGK": .area("nces"), "KGL": .shared(["nwvb", "nwbb", "nwbf"]), "KGN": .area("nwcu"),
        "KGQ": .area("nwdr"), "KGR": .shared(["nwna", "nwjm"]), "KGS": .area("nwht"), "KGV": .area("nwpr"),
        "KGX": .area("nwtr"), "KGZ": .named("Latin America"),
        "KH": .named("Latin America"), "KHA": .area("s-ag"), "KHC": .area("s-bo"), "KHD": .area("s-bl"),
        "KHF": .area("s-cl"), "KHH": .area("s-ck"), "KHK": .area("s-ec"), "KHN": .area("s-gy"), "KHP": .area("s-py"),
        "KHQ": .area("s-pe"), "KHS": .area("s-sr"), "KHU": .area("s-uy"), "KHW": .area("s-ve"),
        // Europe (KJ-KKZ); KJC regional comparative law, KJE the European Union.
        "KJ": .named("Europe"), "KJC": .named("Europe"), "KJE": .named("European Union"),
        "KJG": .area("e-aa"), "KJH": .area("e-an"), "KJJ": .area("e-au"), "KJK": .area("e-be"),
        "KJM": .shared(["e-bu", "e-ci"]), "KJN": .area("a-cy"), "KJP": .area("e-xr"), "KJQ": .area("e-xo"),
        "KJR": .area("e-dk"), "KJS": .area("e-er"), "KJT": .area("e-fi"), "KJV": .area("e-fr"), "KJW": .area("e-fr"),
        "KK": .area("e-gx"), "KKA": .area("e-gx"), "KKB": .area("e-gx"), "KKC": .area("e-gx"),
        "KKE": .area("e-gr"), "KKF": .area("e-hu"), "KKG": .area("e-ic"), "KKH": .area("e-it"),
        "KKI": .area("e-lv"), "KKJ": .shared(["e-li", "e-lh"]), "KKK": .shared(["e-lu", "e-mm"]),
        "KKL": .area("e-mc"), "KKM": .area("e-ne"), "KKN": .area("e-no"), "KKP": .area("e-pl"),
        "KKQ": .area("e-po"), "KKR": .area("e-rm"), "KKS": .area("e-sm"), "KKT": .area("e-sp"),
        "KKV": .area("e-sw"), "KKW": .area("e-sz"), "KKX": .area("a-tu"), "KKY": .area("e-un"),
        "KKZ": .shared(["e-yu", "e-xv", "e-ci", "e-rb", "e-mo", "e-xn", "e-bn"]),
        // Eurasia (KLA-KLW), the Middle East and Asia (KM-KPW), Africa (KQ-KTZ), the Pacific (KU-KWW).
        "KLA": .area("e-ur"), "KLB": .area("e-ru"), "KLD": .area("a-ai"), "KLE": .area("a-aj"),
        "KLF": .area("e-bw"), "KLH": .area("a-gs"), "KLM": .area("e-mv"), "KLR": .area("a-kz"),
        "KLS": .area("a-kg"), "KLT": .area("a-ta"), "KLV": .area("a-tk"), "KLW": .area("a-uz"),
        "KMF": .area("a-ai"), "KMH": .area("a-ir"), "KMJ": .area("a-iq"), "KMK": .area("a-is"), "KML": .area("a-is"),
        "KMM": .area("a-jo"), "KMN": .area("a-ku"), "KMP": .area("a-le"), "KMQ": .area("a-mk"), "KMS": .area("a-qa"),
        "KMT": .area("a-su"), "KMU": .area("a-sy"), "KMV": .area("a-ts"), "KMX": .area("a-ye"),
        "KNF": .area("a-af"), "KNG": .area("a-bg"), "KNH": .area("a-bn"), "KNK": .area("a-bx"), "KNL": .area("a-br"),
        "KNM": .area("a-cb"), "KNN": .area("a-cc"), "KNP": .area("a-ch"), "KNQ": .area("a-cc"), "KNR": .area("a-cc-hk"),
        "KNS": .area("a-ii"), "KNT": .area("a-ii"), "KNU": .area("a-ii"), "KNW": .area("a-io"), "KNX": .area("a-ja"),
        "KPA": .area("a-ko"), "KPC": .area("a-kn"), "KPE": .area("a-ls"), "KPF": .area("a-cc-mh"),
        "KPG": .area("a-my"), "KPJ": .area("a-mp"), "KPK": .area("a-np"), "KPL": .area("a-pk"), "KPM": .area("a-ph"),
        "KPP": .area("a-si"), "KPS": .area("a-ce"), "KPT": .area("a-th"), "KPV": .area("a-vt"),
        "KQG": .area("f-ae"), "KQH": .area("f-ao"), "KQK": .area("f-bs"), "KQT": .area("f-uv"), "KQW": .area("f-cm"),
        "KRM": .area("f-ua"), "KRN": .area("f-ea"), "KRP": .area("f-et"), "KRX": .area("f-gh"), "KSA": .area("f-gv"),
        "KSE": .area("f-eg"), "KSH": .area("f-iv"), "KSK": .area("f-ke"), "KSL": .area("f-lo"), "KSN": .area("f-lb"),
        "KSP": .area("f-ly"), "KSR": .area("f-mg"), "KSS": .area("f-mw"), "KST": .area("f-ml"), "KSW": .area("f-mr"),
        "KSX": .shared(["f-mz", "f-ao"]), "KSY": .area("f-sx"), "KSZ": .area("f-ng"), "KTA": .area("f-nr"),
        "KTD": .area("f-rw"), "KTF": .area("f-sf"), "KTG": .area("f-sg"), "KTH": .area("i-se"), "KTL": .area("f-sa"),
        "KTQ": .area("f-sj"), "KTT": .area("f-tz"), "KTU": .area("f-tg"), "KTV": .area("f-ti"), "KTW": .area("f-ug"),
        "KTX": .area("f-cg"), "KTY": .area("f-za"), "KTZ": .area("f-rh"),
        "KU": .federal("u-at"), "KUQ": .area("u-nz"), "KVN": .area("pofj"), "KVP": .area("pofp"),
        "KVQ": .area("pogu"), "KVS": .area("pomi"), "KVW": .area("ponl"), "KWC": .area("poxd"), "KWH": .area("a-pp"),
        "KWL": .area("pobp"), "KWW": .area("pows"),
    ]
}
