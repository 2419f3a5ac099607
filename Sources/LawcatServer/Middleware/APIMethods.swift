// Which methods the API takes at a path, from its own list of routes, so that
// a request with another method is answered 405 with `Allow` (RFC 9110 15.5.6)
// rather than 404: the path is right, the method is not, and the answer says
// which to use. The router itself only knows that nothing matched.
struct APIMethods: Sendable {
    private let routes: [(method: String, segments: [Substring])]

    /// `routes` as `APIController.addRoutes` gives them: "METHOD /path", `:name` for a parameter.
    init(routes: [String]) {
        self.routes = routes.compactMap { route in
            let parts = route.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), parts[1].split(separator: "/", omittingEmptySubsequences: false))
        }
    }

    /// The methods of the routes whose path matches `path`, in the order they were added; none when no route has it.
    func allowed(at path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var methods: [String] = []
        for route in routes where route.segments.count == segments.count && !methods.contains(route.method) {
            let matches = zip(route.segments, segments).allSatisfy { pattern, segment in
                pattern.hasPrefix(":") ? !segment.isEmpty : pattern == segment
            }
            if matches { methods.append(route.method) }
        }
        return methods
    }
}
