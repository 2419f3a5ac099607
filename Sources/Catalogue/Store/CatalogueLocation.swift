/// Where the catalogue lives: `--db PATH`, else `LAWCAT_DB`, else
/// `$XDG_DATA_HOME/lawcat/catalogue.sqlite`, else
/// `~/.local/share/lawcat/catalogue.sqlite`.
public enum CatalogueLocation {
    public static func path(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["LAWCAT_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty {
            return dataHome + "/lawcat/catalogue.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/lawcat/catalogue.sqlite"
    }
}
