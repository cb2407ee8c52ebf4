import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SandboxModel
import Untrusted

/// The admin portal's HTTP front: route lookup, body limits and parsing,
/// authentication, then one transaction in the store.
struct AdminResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// Bodies above this are refused; ActiveDocs are the largest legitimate bodies.
    static let maximumBodySize = 8 * 1024 * 1024

    let store: AdminStore
    let gateways: GatewayManager
    let table: AdminRouteTable
    let latency: Duration

    func respond(to request: Request, context: Context) async throws -> Response {
        if latency > .zero { try await Task.sleep(for: latency) }
        let route: AdminRoute
        let captures: [String: String]
        switch table.match(method: request.method, path: request.uri.path) {
        case .found(let found, let pathCaptures): (route, captures) = (found, pathCaptures)
        case .notFound: return Self.render(AdminAPIFailure.notFound.response)
        case .notAcceptable(let format): return Self.render(AdminAPIFailure.notAcceptable(format).response)
        }
        let input: AdminInput
        do throws(AdminAPIFailure) {
            input = try await Self.input(request, captures: captures, permitted: route.permitted)
        } catch {
            return Self.render(error.response)
        }
        guard let token = await authenticate(request, input: input) else {
            return Self.render(AdminAPIFailure.accessDenied.response)
        }
        if let scope = route.scope, !token.scopes.contains(scope) {
            return Self.render(AdminAPIFailure.insufficientPermissions.response)
        }
        if route.isWrite, token.permission != "rw" {
            return Self.render(AdminAPIFailure.insufficientPermissions.response)
        }

        var reservation: GatewayManager.Pair?
        if route.reservesGateway {
            do throws(SandboxError) {
                reservation = try await gateways.reserve()
            } catch {
                return Self.render(AdminAPIFailure.message(403, error.message).response)
            }
        }
        let baseURL = "http://" + (request.head.authority ?? "localhost")
        let endpoints = reservation.map { (staging: $0.staging.url, production: $0.production.url) }
        let (response, effects) = await store.perform(route, input: input, baseURL: baseURL, reserved: endpoints)
        for effect in effects {
            switch effect {
            case .assignReserved(let serviceID):
                if let pair = reservation {
                    await gateways.assign(pair, to: serviceID)
                    reservation = nil
                }
            case .close(let serviceID):
                await gateways.close(serviceID: serviceID)
            }
        }
        if let unused = reservation { await gateways.release(unused) }
        return Self.render(response)
    }

    /// `access_token` from the query or body, else HTTP Basic with the token as user
    /// or password (porta `by_access_token.rb`, `http_authentication.rb`).
    private func authenticate(_ request: Request, input: AdminInput) async -> AccessToken? {
        var candidate = input.merged["access_token"]?.stringValue
        if candidate == nil, let header = request.headers[.authorization], header.hasPrefix("Basic "),
           let data = Data(base64Encoded: String(header.dropFirst("Basic ".count)).trimmingCharacters(in: .whitespaces)),
           let decoded = String(data: data, encoding: .utf8) {
            candidate = decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                .map(String.init).first { !$0.isEmpty }
        }
        guard let candidate, !candidate.isEmpty else { return nil }
        return await store.token(candidate)
    }

    private static func input(
        _ request: Request, captures: [String: String], permitted: Set<String>
    ) async throws(AdminAPIFailure) -> AdminInput {
        var request = request
        let query: [String: JSONValue]
        do throws(FormDecoding.Malformed) {
            query = try FormDecoding.parse(Substring(request.uri.query ?? ""))
        } catch {
            throw .malformedBody(error.reason)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumBodySize)
        } catch {
            throw .bodyTooLarge(maximumBodySize)
        }
        var body: [String: JSONValue] = [:]
        if buffer.readableBytes > 0 {
            let contentType = request.headers[.contentType]?.lowercased() ?? ""
            if contentType.hasPrefix("application/json") {
                body = try jsonBody(Data(buffer.readableBytesView))
            } else if contentType.isEmpty || contentType.hasPrefix("application/x-www-form-urlencoded") {
                do throws(FormDecoding.Malformed) {
                    body = try FormDecoding.parse(Substring(String(buffer: buffer)))
                } catch {
                    throw .malformedBody(error.reason)
                }
            } else {
                throw .malformedBody("unsupported content type \(contentType); send form or JSON")
            }
        }
        return AdminInput(path: captures, query: query, body: body, permitted: permitted)
    }

    /// The JSON body decoder, pure for tests and the fuzz harness: an object, or the
    /// 400 the admin API answers (not JSON, nested too deeply, not an object).
    static func jsonBody(_ data: Data) throws(AdminAPIFailure) -> [String: JSONValue] {
        let parsed: JSONValue
        do throws(JSONValue.ParseError) {
            parsed = try JSONValue.parseRequest(data)
        } catch .nestedTooDeeply {
            throw .malformedBody(JSONNesting.message())
        } catch {
            throw .malformedBody("not valid JSON")
        }
        guard case .object(let object) = parsed else { throw .malformedBody("a JSON body must be an object") }
        return object
    }

    static func render(_ response: AdminResponse) -> Response {
        var headers = HTTPFields()
        let buffer: ByteBuffer
        switch response.body {
        case .json(let value):
            headers[.contentType] = "application/json; charset=utf-8"
            buffer = ByteBuffer(bytes: value.encoded())
        case .text(let text):
            headers[.contentType] = "text/plain; charset=utf-8"
            buffer = ByteBuffer(string: text)
        case .empty:
            buffer = ByteBuffer()
        }
        return Response(status: HTTPResponse.Status(code: response.status), headers: headers,
                        body: ResponseBody(byteBuffer: buffer))
    }
}
