/// The MARC Code List for Geographic Areas (field 043 $a, seven
/// characters such as `e-uk-en`), as lawcat's jurisdictions: the countries
/// and the states and provinces of the federations whose law lawcat
/// catalogues by state (the United States, Canada, Australia), written as
/// `Jurisdiction.all` spells them (`United States - Wisconsin`,
/// `England and Wales`) so that `j:` filters reach them.
///
/// Source: the Library of Congress's MARC Code List for Geographic Areas
/// (loc.gov/marc/geoareas). Codes for regions (`e------` Europe, `a------`
/// Asia) are left out: a region is not a jurisdiction, and a record coded
/// only by region is left to its subjects.
enum GeographicAreas {
    /// The jurisdiction a code names, trailing hyphens optional (`e-uk-en`, `e-uk-en-`).
    static func jurisdiction(_ code: String) -> String? {
        var key = code.trimmed.lowercased()
        while key.hasSuffix("-") { key.removeLast() }
        return names[key]
    }

    private static let states: [(String, String)] = [
        ("al", "Alabama"), ("ak", "Alaska"), ("az", "Arizona"), ("ar", "Arkansas"), ("ca", "California"),
        ("co", "Colorado"), ("ct", "Connecticut"), ("de", "Delaware"), ("dc", "District of Columbia"),
        ("fl", "Florida"), ("ga", "Georgia"), ("hi", "Hawaii"), ("id", "Idaho"), ("il", "Illinois"),
        ("in", "Indiana"), ("ia", "Iowa"), ("ks", "Kansas"), ("ky", "Kentucky"), ("la", "Louisiana"),
        ("me", "Maine"), ("md", "Maryland"), ("ma", "Massachusetts"), ("mi", "Michigan"), ("mn", "Minnesota"),
        ("ms", "Mississippi"), ("mo", "Missouri"), ("mt", "Montana"), ("nb", "Nebraska"), ("nv", "Nevada"),
        ("nh", "New Hampshire"), ("nj", "New Jersey"), ("nm", "New Mexico"), ("ny", "New York"),
        ("nc", "North Carolina"), ("nd", "North Dakota"), ("oh", "Ohio"), ("ok", "Oklahoma"), ("or", "Oregon"),
        ("pa", "Pennsylvania"), ("ri", "Rhode Island"), ("sc", "South Carolina"), ("sd", "South Dakota"),
        ("tn", "Tennessee"), ("tx", "Texas"), ("ut", "Utah"), ("vt", "Vermont"), ("va", "Virginia"),
        ("wa", "Washington"), ("wv", "West Virginia"), ("wi", "Wisconsin"), ("wy", "Wyoming"),
    ]
    private static let provinces: [(String, String)] = [
        ("ab", "Alberta"), ("bc", "British Columbia"), ("mb", "Manitoba"), ("nk", "New Brunswick"),
        ("nf", "Newfoundland and Labrador"), ("nt", "Northwest Territories"), ("ns", "Nova Scotia"),
        ("nu", "Nunavut"), ("on", "Ontario"), ("pi", "Prince Edward Island"), ("qu", "Quebec"),
        ("sn", "Saskatchewan"), ("yk", "Yukon"),
    ]
    private static let australianStates: [(String, String)] = [
        ("ac", "Australian Capital Territory"), ("ne", "New South Wales"), ("no", "Northern Territory"),
        ("qn", "Queensland"), ("sa", "South Australia"), ("tm", "Tasmania"), ("vi", "Victoria"),
        ("we", "Western Australia"),
    ]
    private static let countries: [(String, String)] = [
        // The British Isles, as lawcat's canonical jurisdictions.
        ("e-uk", "United Kingdom"), ("e-uk-en", "England and Wales"), ("e-uk-wl", "England and Wales"),
        ("e-uk-st", "Scotland"), ("e-uk-ni", "Northern Ireland"), ("e-uk-ui", "United Kingdom"),
        ("e-ie", "Ireland"), ("e-uk-ie", "Ireland"),
        ("n-us", "United States"), ("n-cn", "Canada"), ("u-at", "Australia"),
        // Europe
        ("e-aa", "Albania"), ("e-an", "Andorra"), ("e-au", "Austria"), ("e-be", "Belgium"), ("e-bn", "Bosnia and Herzegovina"),
        ("e-bu", "Bulgaria"), ("e-bw", "Belarus"), ("e-ci", "Croatia"), ("e-cs", "Czechoslovakia"), ("e-dk", "Denmark"),
        ("e-er", "Estonia"), ("e-fi", "Finland"), ("e-fr", "France"), ("e-ge", "Germany"), ("e-gx", "Germany"),
        ("e-gi", "Gibraltar"), ("e-gr", "Greece"), ("e-hu", "Hungary"), ("e-ic", "Iceland"), ("e-it", "Italy"),
        ("e-kv", "Kosovo"), ("e-lh", "Liechtenstein"), ("e-li", "Lithuania"), ("e-lu", "Luxembourg"), ("e-lv", "Latvia"),
        ("e-mc", "Monaco"), ("e-mm", "Malta"), ("e-mo", "Montenegro"), ("e-mv", "Moldova"), ("e-ne", "Netherlands"),
        ("e-no", "Norway"), ("e-pl", "Poland"), ("e-po", "Portugal"), ("e-rb", "Serbia"), ("e-rm", "Romania"),
        ("e-ru", "Russia"), ("e-sm", "San Marino"), ("e-sp", "Spain"), ("e-sw", "Sweden"), ("e-sz", "Switzerland"),
        ("e-un", "Ukraine"), ("e-ur", "Soviet Union"), ("e-ur-ru", "Russia"), ("e-ur-aj", "Azerbaijan"),
        ("e-ur-gw", "Georgia"), ("e-ur-tk", "Turkmenistan"), ("e-ur-uz", "Uzbekistan"), ("e-vc", "Vatican City"),
        ("e-xn", "North Macedonia"), ("e-xo", "Slovakia"), ("e-xr", "Czech Republic"), ("e-xv", "Slovenia"),
        ("e-yu", "Yugoslavia"),
        // Asia
        ("a-af", "Afghanistan"), ("a-ai", "Armenia"), ("a-aj", "Azerbaijan"), ("a-ba", "Bahrain"), ("a-bg", "Bangladesh"),
        ("a-bn", "Bhutan"), ("a-br", "Burma"), ("a-bx", "Brunei"), ("a-cb", "Cambodia"), ("a-cc", "China"),
        ("a-cc-hk", "Hong Kong"), ("a-hk", "Hong Kong"), ("a-cc-mh", "Macau"), ("a-ce", "Sri Lanka"), ("a-ch", "Taiwan"),
        ("a-cy", "Cyprus"), ("a-gs", "Georgia"), ("a-ii", "India"), ("a-io", "Indonesia"), ("a-iq", "Iraq"),
        ("a-ir", "Iran"), ("a-is", "Israel"), ("a-ja", "Japan"), ("a-jo", "Jordan"), ("a-kg", "Kyrgyzstan"),
        ("a-kn", "North Korea"), ("a-ko", "South Korea"), ("a-kr", "Korea"), ("a-ku", "Kuwait"), ("a-kz", "Kazakhstan"),
        ("a-le", "Lebanon"), ("a-ls", "Laos"), ("a-mk", "Oman"), ("a-mp", "Mongolia"), ("a-my", "Malaysia"),
        ("a-np", "Nepal"), ("a-ph", "Philippines"), ("a-pk", "Pakistan"), ("a-pp", "Papua New Guinea"),
        ("a-qa", "Qatar"), ("a-si", "Singapore"), ("a-su", "Saudi Arabia"), ("a-sy", "Syria"), ("a-ta", "Tajikistan"),
        ("a-th", "Thailand"), ("a-tk", "Turkmenistan"), ("a-ts", "United Arab Emirates"), ("a-tu", "Turkey"),
        ("a-uz", "Uzbekistan"), ("a-vt", "Vietnam"), ("a-ye", "Yemen"),
        // Africa
        ("f-ae", "Algeria"), ("f-ao", "Angola"), ("f-bs", "Botswana"), ("f-cg", "Congo (Democratic Republic)"),
        ("f-cf", "Congo (Brazzaville)"), ("f-cm", "Cameroon"), ("f-ea", "Eritrea"), ("f-eg", "Equatorial Guinea"),
        ("f-et", "Ethiopia"), ("f-gh", "Ghana"), ("f-gv", "Guinea"), ("f-iv", "Côte d'Ivoire"), ("f-ke", "Kenya"),
        ("f-lb", "Liberia"), ("f-lo", "Lesotho"), ("f-ly", "Libya"), ("f-mg", "Madagascar"), ("f-ml", "Mali"),
        ("f-mr", "Morocco"), ("f-mw", "Malawi"), ("f-mz", "Mozambique"), ("f-ng", "Niger"), ("f-nr", "Nigeria"),
        ("f-rh", "Zimbabwe"), ("f-rw", "Rwanda"), ("f-sa", "South Africa"), ("f-sf", "Sao Tome and Principe"),
        ("f-sg", "Senegal"), ("f-sj", "Sudan"), ("f-sl", "Sierra Leone"), ("f-so", "Somalia"), ("f-sx", "Namibia"),
        ("f-tg", "Togo"), ("f-ti", "Tunisia"), ("f-tz", "Tanzania"), ("f-ua", "Egypt"), ("f-ug", "Uganda"),
        ("f-uv", "Burkina Faso"), ("f-za", "Zambia"), ("i-se", "Seychelles"), ("i-mf", "Mauritius"),
        // The Americas
        ("n-mx", "Mexico"), ("ncbh", "Belize"), ("nccr", "Costa Rica"), ("nces", "El Salvador"), ("ncgt", "Guatemala"),
        ("ncho", "Honduras"), ("ncnq", "Nicaragua"), ("ncpn", "Panama"), ("nwcu", "Cuba"), ("nwdr", "Dominican Republic"),
        ("nwht", "Haiti"), ("nwjm", "Jamaica"), ("nwna", "Netherlands Antilles"), ("nwpr", "Puerto Rico"),
        ("nwtr", "Trinidad and Tobago"), ("nwvb", "British Virgin Islands"), ("nwbb", "Barbados"), ("nwbf", "Bahamas"),
        ("s-ag", "Argentina"), ("s-bl", "Brazil"), ("s-bo", "Bolivia"), ("s-ck", "Colombia"), ("s-cl", "Chile"),
        ("s-ec", "Ecuador"), ("s-gy", "Guyana"), ("s-pe", "Peru"), ("s-py", "Paraguay"), ("s-sr", "Suriname"),
        ("s-uy", "Uruguay"), ("s-ve", "Venezuela"),
        // The Pacific
        ("u-nz", "New Zealand"), ("pofj", "Fiji"), ("pofp", "French Polynesia"), ("pogu", "Guam"),
        ("pomi", "Northern Mariana Islands"), ("ponl", "New Caledonia"), ("pows", "Samoa"), ("pobp", "Solomon Islands"),
        ("poxd", "Micronesia"), ("poxe", "Marshall Islands"), ("pogg", "Galapagos Islands"),
    ]

    private static let names: [String: String] = {
        var names: [String: String] = [:]
        for (code, name) in countries { names[code] = name }
        for (code, name) in states { names["n-us-" + code] = "United States - " + name }
        for (code, name) in provinces { names["n-cn-" + code] = "Canada - " + name }
        for (code, name) in australianStates { names["u-at-" + code] = "Australia - " + name }
        return names
    }()

    /// Every jurisdiction the table can give, by a place name as subject
    /// headings write it (`Wisconsin`, `Germany`, `England`), for the
    /// subjects' geographic subdivisions.
    static let byPlaceName: [String: String] = {
        var byName: [String: String] = [:]
        for (_, name) in countries { byName[name] = name }
        for (_, name) in states { byName[name] = "United States - " + name }
        for (_, name) in provinces { byName[name] = "Canada - " + name }
        for (_, name) in australianStates { byName[name] = "Australia - " + name }
        // Georgia the state and Georgia the republic: subject headings say `Georgia (Republic)`.
        byName["Georgia (Republic)"] = "Georgia"
        byName["Washington (State)"] = "United States - Washington"
        byName["New York (State)"] = "United States - New York"
        byName["Washington"] = nil
        // Headings' names for the canonical jurisdictions.
        byName["Great Britain"] = "United Kingdom"
        byName["England"] = "England and Wales"
        byName["Wales"] = "England and Wales"
        byName["United States"] = "United States"
        byName["European Union countries"] = "European Union"
        byName["European Union"] = "European Union"
        byName["Russia (Federation)"] = "Russia"
        byName["Korea (South)"] = "South Korea"
        byName["Korea (North)"] = "North Korea"
        byName["Germany (West)"] = "Germany"
        byName["Germany (East)"] = "Germany"
        byName["Czech Republic"] = "Czech Republic"
        return byName
    }()
}
