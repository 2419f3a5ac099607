// The style sheet and the script, compiled into the binary: a name that is
// not one of them is a 404, whatever dots or slashes it has, so nothing on
// the server's disk can be reached through /assets.
import HTTPTypes
import Hummingbird

struct AssetsController {
    static let assets: [String: (type: String, bytes: [UInt8])] = [
        "lawcat.css": ("text/css; charset=utf-8", PackageResources.lawcat_css),
        "lawcat.js": ("text/javascript; charset=utf-8", PackageResources.lawcat_js),
        "desk.js": ("text/javascript; charset=utf-8", PackageResources.desk_js),
    ]

    func addRoutes(to router: Router<LawcatContext>) {
        router.get("assets/:name") { _, context in
            guard let name = context.parameters.get("name"), let asset = Self.assets[name] else {
                throw HTTPError(.notFound)
            }
            return Response(
                status: .ok, headers: [.contentType: asset.type, .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }
}
